import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bindHeadlessEditor } from '@accord/editor';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide, getAgreement, moveThrough } from '../support/agreements.ts';
import { createDocument as createOfKind } from '../support/api.ts';
import { connectClient, waitFor, waitForStatus } from '../support/clients.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { api, apiJson, demo, sessionFrom, signIn, type TestSession } from '../support/session.ts';

/**
 * Exports over HTTP against the real server process (rendering in its worker thread): who may
 * export, what the response says about the file, and that the file holds the stored text in
 * the document's language.
 */
let server: ServerProcess;
let claire: TestSession;
let nadia: TestSession;
let partnershipId: string;

beforeAll(async () => {
  server = await startServerProcess();
  claire = await signIn(server.url, demo.facilitator);
  nadia = await signIn(server.url, demo.viewer);
  const [partnership] = await apiJson<{ id: string }[]>(claire, '/api/partnerships');
  partnershipId = partnership!.id;
});
afterAll(async () => {
  await server.kill('SIGKILL');
});

async function createDocument(title: string, language: 'fr' | 'en'): Promise<string> {
  const document = await apiJson<{ id: string }>(
    claire,
    `/api/partnerships/${partnershipId}/documents`,
    { method: 'POST', body: { title, kind: 'notes', language } },
  );
  return document.id;
}

/** Writes a paragraph through a real websocket client and waits until the server stored it. */
async function writeParagraph(documentId: string, text: string): Promise<void> {
  const client = connectClient(server.wsUrl, documentId, claire);
  const headless = bindHeadlessEditor(client.doc);
  try {
    await waitFor('the template to sync', () =>
      headless.editor.getEditorState().read(() => $getRoot().getTextContent().length > 0),
    );
    headless.editor.update(
      () => $getRoot().append($createParagraphNode().append($createTextNode(text))),
      { discrete: true },
    );
    await waitForStatus(client, 'the edit to be saved', (s) => s.save === 'saved' && !s.unsaved);
  } finally {
    headless.dispose();
    client.destroy();
  }
}

function exportOf(session: TestSession, documentId: string, format: string) {
  return api(session, `/api/documents/${documentId}/export?format=${format}`);
}

function pdfToText(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'accord-export-'));
  try {
    writeFileSync(join(dir, 'export.pdf'), pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'export.pdf'), '-'], {
      encoding: 'utf8',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('GET /api/documents/:id/export', () => {
  let documentId: string;
  const title = 'Compte rendu « atelier » n°2';

  beforeAll(async () => {
    documentId = await createDocument(title, 'fr');
    await writeParagraph(documentId, 'Décision\u202f: on avance\u202f!');
  });

  it('gives every format with its media type and an RFC 5987 file name, to a viewer too', async () => {
    const expected = {
      md: 'text/markdown; charset=utf-8',
      html: 'text/html; charset=utf-8',
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      pdf: 'application/pdf',
    };
    for (const [format, contentType] of Object.entries(expected)) {
      const response = await exportOf(nadia, documentId, format);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(contentType);
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="Compte rendu _ atelier _ n_2.${format}"; ` +
          `filename*=UTF-8''${encodeURIComponent(`${title}.${format}`)}`,
      );
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
  });

  it('renders the stored text, edits included, as a draft', async () => {
    const markdown = await (await exportOf(claire, documentId, 'md')).text();
    expect(markdown).toContain('lang: fr');
    expect(markdown).toContain('**Projet — non signé**');
    // The template sets the title with French spacing.
    expect(markdown).toContain('# Compte rendu «\u202fatelier\u202f» n°2');
    expect(markdown).toContain('Décision\u202f: on avance\u202f!');

    const pdf = new Uint8Array(await (await exportOf(nadia, documentId, 'pdf')).arrayBuffer());
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = pdfToText(pdf);
    expect(text).toContain('PROJET — NON SIGNÉ');
    // pdftotext prints the narrow no-break spaces as plain spaces.
    expect(text).toContain('Décision : on avance !');
  });

  it('uses the document’s language, not the reader’s', async () => {
    const english = await createDocument('Meeting notes', 'en');
    const response = await fetch(`${server.url}/api/documents/${english}/export?format=html`, {
      headers: { cookie: nadia.cookie, 'accept-language': 'fr-FR,fr;q=0.9' },
    });
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Draft — not signed');
    expect(html).not.toContain('Projet');
  });

  it('refuses an unknown format, and hides the document from non-members', async () => {
    const bad = await exportOf(claire, documentId, 'odt');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'bad_request' });

    const missing = await exportOf(claire, documentId, '');
    expect(missing.status).toBe(400);

    const response = await fetch(`${server.url}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Personne extérieure',
        email: `export-${Date.now()}@exemple.fr`,
        password: 'un mot de passe sûr',
        organisation: { name: 'Autre collectif', sector: 'community-group' },
      }),
    });
    const outsider = await sessionFrom(server.url, response);
    const hidden = await exportOf(outsider, documentId, 'pdf');
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toMatchObject({ code: 'not_found' });

    const anonymous = await fetch(`${server.url}/api/documents/${documentId}/export?format=md`);
    expect(anonymous.status).toBe(401);
  });
});

describe('export of a final agreement', () => {
  it('serves the files rendered once at finalisation, with the signature page, and audits it', async () => {
    const documentId = await createOfKind(claire, 'agreement');
    const signing = await moveThrough(claire, documentId, 'review', 'signing');
    const fingerprint = signing.signing!.fingerprint;
    const signatories = await Promise.all(
      ['sophie', 'antoine', 'nadia', 'fatou'].map((n) => signIn(server.url, `${n}@demo.accord`)),
    );
    for (const person of [claire, ...signatories]) {
      const decision = await decide(person, documentId, { decision: 'approved', fingerprint });
      expect(decision.status).toBe(201);
    }
    let stored: { name: string; sha256: string }[] = [];
    const deadline = Date.now() + 20_000;
    while (stored.length === 0 && Date.now() < deadline) {
      stored = (await getAgreement(claire, documentId)).exports;
      if (stored.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const storedPdf = stored.find((file) => file.name.endsWith('.pdf'));
    expect(storedPdf).toBeDefined();

    const response = await exportOf(nadia, documentId, 'pdf');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-sha256')).toBe(storedPdf!.sha256);
    const text = pdfToText(new Uint8Array(await response.arrayBuffer()));
    expect(text).not.toContain('PROJET');
    expect(text).toContain('Signatures');
    expect(text).toContain(fingerprint);

    const markdown = await (await exportOf(nadia, documentId, 'md')).text();
    expect(markdown).toContain('status: final');
    expect(markdown).toContain(fingerprint);

    const audit = await (await api(claire, `/api/partnerships/${partnershipId}/audit`)).text();
    const exported = audit
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as {
            action: string;
            actorId: string;
            data: { documentId?: string; format?: string };
          },
      )
      .filter(
        (entry) => entry.action === 'agreement.exported' && entry.data.documentId === documentId,
      );
    expect(exported.map((entry) => [entry.actorId, entry.data.format])).toEqual([
      [nadia.personId, 'pdf'],
      [nadia.personId, 'md'],
    ]);
  });
});
