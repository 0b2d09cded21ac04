import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument } from '../support/api.ts';
import { listThreads, reply, signInDemoPeople, startThread } from '../support/comments.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { api, type TestSession } from '../support/session.ts';

/**
 * Issue #4 asks that an internal thread reach no other organisation by any path, exports
 * included. The inbox, the live channel and the digest have their own tests
 * (digest.test.ts, comments-live.test.ts); this one reads every export format, as text, for
 * people of every organisation — including the thread's own, since an export is a file that
 * leaves Accord and is passed around.
 */
let server: ServerProcess;
let karim: TestSession; // Ville, editor
let claire: TestSession; // Ville, facilitator
let sophie: TestSession; // Tremplin, editor
let nadia: TestSession; // CCAS, viewer

beforeAll(async () => {
  server = await startServerProcess();
  ({ karim, claire, sophie, nadia } = await signInDemoPeople(server.url));
});
afterAll(async () => {
  await server?.kill('SIGKILL');
});

/** The words of an export, whatever its format: DOCX unzipped, PDF through pdftotext. */
function wordsOf(format: string, bytes: Uint8Array): string {
  if (format === 'docx') {
    return Object.values(unzipSync(bytes))
      .map((entry) => strFromU8(entry))
      .join('\n');
  }
  if (format === 'pdf') {
    const dir = mkdtempSync(join(tmpdir(), 'accord-isolation-'));
    try {
      const path = join(dir, 'export.pdf');
      writeFileSync(path, bytes);
      return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return new TextDecoder().decode(bytes);
}

describe('internal threads never reach an export', () => {
  it('no format, for no organisation, carries an internal note or its id', async () => {
    const documentId = await createDocument(karim, 'agreement');
    const internal = await startThread(karim, documentId, {
      visibility: 'organisation',
      body: 'SECRETVILLE notre marge de négociation',
    });
    await reply(claire, internal, 'SECRETVILLE-REPLY d’accord');
    // The note exists and the city sees it: the checks below read a document that has one.
    const cityThreads = await listThreads(karim, documentId);
    expect(cityThreads.threads.map((t) => t.id)).toContain(internal.id);

    for (const session of [sophie, nadia, karim]) {
      for (const format of ['md', 'html', 'docx', 'pdf']) {
        const response = await api(session, `/api/documents/${documentId}/export?format=${format}`);
        expect(response.status, `${format} export`).toBe(200);
        const words = wordsOf(format, new Uint8Array(await response.arrayBuffer()));
        // The export really holds the document's words (the agreement template's opening)…
        expect(words.length).toBeGreaterThan(200);
        expect(words).toMatch(/soussign/);
        // …and never the note, its reply or its id.
        expect(words).not.toContain('SECRETVILLE');
        expect(words).not.toContain(internal.id);
      }
    }
  });
});
