import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type CanonicalDocument, canonicalBytes, sha256Hex } from '@accord/editor';
import type { RefusedEdit } from '@accord/sync/client';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  type AgreementView,
  agreementPath,
  decide,
  getAgreement,
  moveAgreement,
  moveThrough,
  typeAtEndOfFirstBlock,
  visibleText,
} from '../support/agreements.ts';
import { createDocument } from '../support/api.ts';
import { connectClient, type TestClient, waitFor, waitForStatus } from '../support/clients.ts';
import { rawSocket } from '../support/raw-socket.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { api, apiJson, signIn, type TestSession } from '../support/session.ts';

let server: ServerProcess;
/** Facilitator and signatory of the city. */
let claire: TestSession;
/** Editor of the city, not a signatory. */
let karim: TestSession;
/** The other organisations' signatories. */
let signatories: TestSession[];
const clients: TestClient[] = [];

beforeAll(async () => {
  server = await startServerProcess();
  claire = await signIn(server.url, 'claire@demo.accord');
  karim = await signIn(server.url, 'karim@demo.accord');
  signatories = await Promise.all(
    ['sophie', 'antoine', 'nadia', 'fatou'].map((n) => signIn(server.url, `${n}@demo.accord`)),
  );
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.kill('SIGKILL');
});

function client(session: TestSession, documentId: string, doc?: Y.Doc): TestClient {
  const c = connectClient(server.wsUrl, documentId, session, doc);
  clients.push(c);
  return c;
}

/** What the server holds now, as Lexical shows it: read by a fresh client. */
async function serverText(documentId: string): Promise<string> {
  const reader = client(claire, documentId);
  await waitForStatus(reader, 'reader synced', (s) => s.connection === 'connected');
  const text = visibleText(reader.doc);
  reader.destroy();
  return text;
}

async function errorOf(response: Response): Promise<{ status: number; code: string }> {
  return { status: response.status, code: ((await response.json()) as { code: string }).code };
}

async function signAll(documentId: string, view: AgreementView, people: TestSession[]) {
  const fingerprint = view.signing!.fingerprint;
  for (const person of people) {
    const response = await decide(person, documentId, { decision: 'approved', fingerprint });
    expect(response.status, await response.clone().text()).toBe(201);
  }
  return getAgreement(claire, documentId);
}

describe('agreement sign-off through the real server', () => {
  it('locks the text, binds approvals to its fingerprint, and becomes final when every party approved', async () => {
    const documentId = await createDocument(claire, 'agreement');
    expect((await getAgreement(claire, documentId)).agreement.state).toBe('draft');
    expect(await errorOf(await moveAgreement(karim, documentId, 'review'))).toEqual({
      status: 403,
      code: 'forbidden',
    });
    expect(await errorOf(await moveAgreement(claire, documentId, 'signing'))).toEqual({
      status: 409,
      code: 'invalid_transition',
    });

    const signing = await moveThrough(claire, documentId, 'review', 'signing');
    expect(signing.agreement).toEqual(expect.objectContaining({ state: 'signing', version: 1 }));
    const { fingerprint, parties } = signing.signing!;
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(signing.signing!.shortFingerprint).toBe(
      `${fingerprint.slice(0, 4)} ${fingerprint.slice(4, 8)} ${fingerprint.slice(8, 12)} ${fingerprint.slice(12, 16)}`,
    );
    expect(parties).toHaveLength(5);
    expect(signing.me).toEqual({ canMove: true, signsFor: claire.organisationId });

    // The text signers read is the canonical tree whose bytes were fingerprinted.
    const text = await apiJson<{ fingerprint: string; document: CanonicalDocument }>(
      karim,
      `${agreementPath(documentId)}/text`,
    );
    expect(text.fingerprint).toBe(fingerprint);
    expect(await sha256Hex(canonicalBytes(text.document))).toBe(fingerprint);
    expect(text.document.blocks[0]).toMatchObject({ type: 'heading', level: 1 });

    // Not a signatory: 403. A stale fingerprint: 409, and nothing recorded.
    const [sophie, antoine, nadia, fatou] = signatories as [
      TestSession,
      TestSession,
      TestSession,
      TestSession,
    ];
    expect(
      await errorOf(await decide(karim, documentId, { decision: 'approved', fingerprint })),
    ).toEqual({ status: 403, code: 'not_a_signatory' });
    expect(
      await errorOf(
        await decide(sophie, documentId, { decision: 'approved', fingerprint: '0'.repeat(64) }),
      ),
    ).toEqual({ status: 409, code: 'stale_fingerprint' });
    expect((await decide(sophie, documentId, { decision: 'declined', fingerprint })).status).toBe(
      400,
    );

    // A decline blocks final until it is withdrawn.
    const declined = await decide(sophie, documentId, {
      decision: 'declined',
      fingerprint,
      reason: 'L’article 3 doit nommer le référent.',
    });
    expect(declined.status).toBe(201);
    expect(
      await errorOf(await decide(sophie, documentId, { decision: 'approved', fingerprint })),
    ).toEqual({ status: 409, code: 'already_decided' });
    const allButSophie = await signAll(documentId, signing, [claire, antoine, nadia, fatou]);
    expect(allButSophie.agreement.state).toBe('signing');
    const withdrawn = await api(
      sophie,
      `${agreementPath(documentId)}/decisions/${sophie.organisationId}`,
      { method: 'DELETE' },
    );
    expect(withdrawn.status).toBe(200);
    const final = await signAll(documentId, signing, [sophie]);
    expect(final.agreement.state).toBe('final');
    expect(final.signing!.finalAt).not.toBeNull();
    expect(final.signing!.parties.every((p) => p.decision?.decision === 'approved')).toBe(true);

    // Final for ever: no move, no decision.
    expect(await errorOf(await moveAgreement(claire, documentId, 'review'))).toEqual({
      status: 409,
      code: 'invalid_transition',
    });

    const audit = await api(claire, `/api/partnerships/${(await partnershipOf(claire)).id}/audit`);
    const actions = (await audit.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { action: string; data: { documentId?: string } })
      .filter((e) => e.data.documentId === documentId)
      .map((e) => e.action);
    expect(actions).toEqual([
      'document.created',
      'agreement.moved',
      'agreement.signing_started',
      'agreement.declined',
      'agreement.approved',
      'agreement.approved',
      'agreement.approved',
      'agreement.approved',
      'agreement.decision_withdrawn',
      'agreement.approved',
      'agreement.finalised',
    ]);
  });

  it('renders the final exports once, serves them, and verifies files and fingerprints', async () => {
    const documentId = await createDocument(claire, 'agreement');
    const view = await moveThrough(claire, documentId, 'review', 'signing');
    const fingerprint = view.signing!.fingerprint;
    await signAll(documentId, view, [claire, ...signatories]);
    let final = await getAgreement(karim, documentId);
    const deadline = Date.now() + 20_000;
    while (final.exports.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      final = await getAgreement(karim, documentId);
    }
    const names = final.exports.map((e) => e.name).sort();
    expect(names).toEqual([
      'Test agreement.docx',
      'Test agreement.html',
      'Test agreement.md',
      'Test agreement.pdf',
      'Test agreement.zip',
      'accord-manifest.json',
    ]);

    const download = async (name: string) => {
      const response = await api(
        karim,
        `${agreementPath(documentId)}/exports/${encodeURIComponent(name)}`,
      );
      expect(response.status).toBe(200);
      return new Uint8Array(await response.arrayBuffer());
    };
    const pdf = await download('Test agreement.pdf');
    const manifest = await download('accord-manifest.json');
    const listed = (name: string) => final.exports.find((e) => e.name === name)!.sha256;
    expect(await sha256Hex(pdf)).toBe(listed('Test agreement.pdf'));
    const parsed = JSON.parse(new TextDecoder().decode(manifest)) as {
      fingerprint: { value: string };
      approvals: unknown[];
    };
    expect(parsed.fingerprint.value).toBe(fingerprint);
    expect(parsed.approvals).toHaveLength(5);
    // The PDF carries the very same manifest as an attachment (poppler-utils).
    const dir = mkdtempSync(path.join(os.tmpdir(), 'accord-signoff-'));
    writeFileSync(path.join(dir, 'final.pdf'), pdf);
    expect(
      execFileSync('pdfdetach', ['-list', path.join(dir, 'final.pdf')], { encoding: 'utf8' }),
    ).toContain('accord-manifest.json');
    execFileSync('pdfdetach', ['-saveall', '-o', dir, path.join(dir, 'final.pdf')]);
    expect(new Uint8Array(readFileSync(path.join(dir, 'accord-manifest.json')))).toEqual(manifest);

    const verify = (body: unknown) =>
      apiJson<{ match: string; files?: { name: string }[]; agreements?: { documentId: string }[] }>(
        karim,
        '/api/verify',
        { method: 'POST', body },
      );
    const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
    expect(await verify({ file: base64(pdf) })).toMatchObject({
      match: 'export',
      files: [{ name: 'Test agreement.pdf', agreement: { documentId, title: 'Test agreement' } }],
    });
    const tampered = pdf.slice();
    tampered[Math.floor(tampered.length / 2)] =
      (tampered[Math.floor(tampered.length / 2)] ?? 0) ^ 1;
    expect((await verify({ file: base64(tampered) })).match).toBe('none');
    // An edited manifest is not the stored file, even if the fingerprint it names is real.
    const edited = new TextEncoder().encode(
      new TextDecoder().decode(manifest).replace('"formatVersion": 1', '"formatVersion": 1 '),
    );
    expect(await verify({ file: base64(edited) })).toMatchObject({
      match: 'none',
      namedFingerprint: fingerprint,
      // Other tests signed the same template text: a fingerprint names words, not a document.
      agreements: expect.arrayContaining([expect.objectContaining({ documentId })]),
    });
    expect(await verify({ fingerprint: fingerprint.toUpperCase() })).toMatchObject({
      match: 'fingerprint',
      agreements: expect.arrayContaining([expect.objectContaining({ documentId, version: 1 })]),
    });
    expect((await verify({ fingerprint: 'f'.repeat(64) })).match).toBe('none');
  });

  it('returning to review unlocks the text and voids the approvals, kept as history of version 1', async () => {
    const documentId = await createDocument(claire, 'agreement');
    const first = await moveThrough(claire, documentId, 'review', 'signing');
    await decide(signatories[0]!, documentId, {
      decision: 'approved',
      fingerprint: first.signing!.fingerprint,
    });
    const back = await moveThrough(claire, documentId, 'review');
    expect(back.agreement).toEqual(expect.objectContaining({ state: 'review', version: 1 }));
    expect(back.signing).toBeNull();
    expect(back.history).toEqual([
      expect.objectContaining({
        version: 1,
        fingerprint: first.signing!.fingerprint,
        decisions: [expect.objectContaining({ decision: 'approved' })],
      }),
    ]);

    // Writable again: an edit lands, and the next signing binds to a new fingerprint.
    const editor = client(karim, documentId);
    await waitForStatus(
      editor,
      'editor connected',
      (s) => s.connection === 'connected' && !s.readOnly,
    );
    typeAtEndOfFirstBlock(editor.doc, ' (révisée)');
    await waitForStatus(editor, 'edit saved', (s) => s.save === 'saved');
    const second = await moveThrough(claire, documentId, 'signing');
    expect(second.agreement.version).toBe(2);
    expect(second.signing!.fingerprint).not.toBe(first.signing!.fingerprint);
    // An approval of version 1's fingerprint is stale now.
    expect(
      await errorOf(
        await decide(signatories[1]!, documentId, {
          decision: 'approved',
          fingerprint: first.signing!.fingerprint,
        }),
      ),
    ).toEqual({ status: 409, code: 'stale_fingerprint' });
  });

  it('an edit frame sent on a raw socket to a locked or final agreement changes nothing', async () => {
    const documentId = await createDocument(claire, 'agreement');
    const view = await moveThrough(claire, documentId, 'review', 'signing');
    const before = await serverText(documentId);

    for (const state of ['locked', 'final'] as const) {
      if (state === 'final') {
        const final = await signAll(documentId, view, [claire, ...signatories]);
        expect(final.agreement.state).toBe('final');
      }
      const reader = client(claire, documentId);
      await waitForStatus(reader, 'reader synced', (s) => s.connection === 'connected');
      const forged = new Y.Doc();
      Y.applyUpdate(forged, Y.encodeStateAsUpdate(reader.doc));
      const vector = Y.encodeStateVector(forged);
      typeAtEndOfFirstBlock(forged, ' — clause ajoutée en douce');
      const update = Y.encodeStateAsUpdate(forged, vector);
      reader.destroy();

      const outcome = await rawSocket(`${server.wsUrl}/${documentId}?accord=1`, {
        cookie: karim.cookie,
        frames: [syncFrame(1, update), syncFrame(2, update)],
        keepOpenMs: 1500,
      });
      // The server never closed the socket: the test did, after it stayed open.
      expect(outcome).toMatchObject({ kind: 'closed', code: 1000 });
      const frames = outcome.kind === 'closed' ? outcome.frames.map(readFrame) : [];
      expect(frames).toContainEqual({
        type: 'session',
        session: { readOnly: true, role: 'editor', lock: state },
      });
      expect(frames.filter((f) => f.type === 'refused')).toEqual([
        { type: 'refused', update: 1, reason: state },
        { type: 'refused', update: 2, reason: state },
      ]);
      expect(await serverText(documentId)).toBe(before);
    }
  });

  it('an offline client that edited during signing is refused on reconnect, and the final text is unchanged', async () => {
    const documentId = await createDocument(claire, 'agreement');
    await moveThrough(claire, documentId, 'review');
    const offline = client(karim, documentId);
    await waitForStatus(
      offline,
      'editor connected',
      (s) => s.connection === 'connected' && !s.readOnly,
    );
    const refusals: RefusedEdit[] = [];
    offline.connection.onRefused((refused) => refusals.push(refused));

    // An open editor is turned read-only at once when signing starts.
    const open = client(karim, documentId);
    await waitForStatus(open, 'open editor connected', (s) => s.connection === 'connected');
    offline.connection.provider.disconnect();
    typeAtEndOfFirstBlock(offline.doc, ' — modifié hors ligne');
    const signing = await moveThrough(claire, documentId, 'signing');
    await waitForStatus(open, 'open editor locked', (s) => s.readOnly && s.lock === 'locked');
    const signedText = await serverText(documentId);
    expect(signedText).not.toContain('hors ligne');

    const final = await signAll(documentId, signing, [claire, ...signatories]);
    expect(final.agreement.state).toBe('final');
    await waitForStatus(open, 'open editor final', (s) => s.lock === 'final');

    offline.connection.provider.connect();
    await waitFor('the refusal', () => refusals.length > 0);
    expect(refusals).toEqual([{ reason: 'final' }]);
    expect(offline.connection.getStatus()).toMatchObject({
      connection: 'connected',
      readOnly: true,
      lock: 'final',
      refused: { reason: 'final' },
    });
    expect(await serverText(documentId)).toBe(signedText);
    // The fingerprint still matches the stored text.
    const text = await apiJson<{ fingerprint: string; document: CanonicalDocument }>(
      claire,
      `${agreementPath(documentId)}/text`,
    );
    expect(await sha256Hex(canonicalBytes(text.document))).toBe(signing.signing!.fingerprint);
  });

  it('a party leaving the partnership during signing returns the agreement to review', async () => {
    const documentId = await createDocument(claire, 'agreement');
    const view = await moveThrough(claire, documentId, 'review', 'signing');
    const leaving = signatories[3]!;
    const partnership = await partnershipOf(claire);
    const left = await api(
      claire,
      `/api/partnerships/${partnership.id}/organisations/${leaving.organisationId}`,
      { method: 'DELETE' },
    );
    expect(left.status).toBe(200);
    const after = await getAgreement(claire, documentId);
    expect(after.agreement.state).toBe('review');
    expect(after.history[0]?.fingerprint).toBe(view.signing!.fingerprint);
    // Writable again.
    const editor = client(karim, documentId);
    await waitForStatus(editor, 'writable', (s) => s.connection === 'connected' && !s.readOnly);
    // Signing again fixes the parties of that moment: four organisations.
    const again = await moveThrough(claire, documentId, 'signing');
    expect(again.signing!.parties).toHaveLength(4);
  });
});

async function partnershipOf(session: TestSession): Promise<{ id: string }> {
  const [partnership] = await apiJson<{ id: string }[]>(session, '/api/partnerships');
  return partnership!;
}

function syncFrame(subtype: 1 | 2, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, subtype);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

type Frame =
  | { type: 'session'; session: unknown }
  | { type: 'refused'; update: number; reason: string }
  | { type: 'other'; code: number };

function readFrame(frame: Uint8Array): Frame {
  const decoder = decoding.createDecoder(frame);
  const type = decoding.readVarUint(decoder);
  if (type === 22) return { type: 'session', session: JSON.parse(decoding.readVarString(decoder)) };
  if (type === 21) {
    const update = decoding.readVarUint(decoder);
    return { type: 'refused', update, reason: decoding.readVarString(decoder) };
  }
  return { type: 'other', code: type };
}
