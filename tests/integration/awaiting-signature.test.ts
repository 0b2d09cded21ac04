import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide, moveThrough } from '../support/agreements.ts';
import { createDocument } from '../support/api.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { api, apiJson, signIn, type TestSession } from '../support/session.ts';

interface Awaiting {
  agreements: { document: { id: string; title: string }; version: number }[];
}

let server: ServerProcess;
/** Facilitator and signatory of the city. */
let claire: TestSession;
/** Editor of the city, not a signatory. */
let karim: TestSession;
/** Signatory of Association Tremplin. */
let sophie: TestSession;
/** Signatory of the Collectif des Tilleuls, whose organisation leaves in the last test. */
let fatou: TestSession;
let partnershipId: string;

const awaitingPath = (id: string) => `/api/partnerships/${id}/agreements/awaiting`;
const awaitingIds = async (session: TestSession) =>
  (await apiJson<Awaiting>(session, awaitingPath(partnershipId))).agreements.map(
    (a) => a.document.id,
  );

beforeAll(async () => {
  server = await startServerProcess();
  [claire, karim, sophie, fatou] = await Promise.all([
    signIn(server.url, 'claire@demo.accord'),
    signIn(server.url, 'karim@demo.accord'),
    signIn(server.url, 'sophie@demo.accord'),
    signIn(server.url, 'fatou@demo.accord'),
  ]);
  const [partnership] = await apiJson<{ id: string }[]>(claire, '/api/partnerships');
  partnershipId = partnership!.id;
});
afterAll(async () => {
  await server.kill('SIGKILL');
});

describe('agreements awaiting my signature', () => {
  it('lists an agreement in signing for a signatory until their organisation decides', async () => {
    const documentId = await createDocument(claire, 'agreement');
    await moveThrough(claire, documentId, 'review');
    expect(await awaitingIds(sophie)).not.toContain(documentId);

    const view = await moveThrough(claire, documentId, 'signing');
    const listed = await apiJson<Awaiting>(sophie, awaitingPath(partnershipId));
    expect(listed.agreements).toContainEqual(
      expect.objectContaining({
        document: { id: documentId, title: 'Test agreement' },
        version: 1,
      }),
    );
    expect(await awaitingIds(claire)).toContain(documentId);
    // A member who is not a signatory is never asked to sign.
    expect(await awaitingIds(karim)).toEqual([]);

    const approved = await decide(sophie, documentId, {
      decision: 'approved',
      fingerprint: view.signing!.fingerprint,
    });
    expect(approved.status).toBe(201);
    expect(await awaitingIds(sophie)).not.toContain(documentId);
    // Another organisation's decision does not answer for the city.
    expect(await awaitingIds(claire)).toContain(documentId);

    // Returning to review voids the decisions: nothing to sign until signing starts again,
    // and then Tremplin is asked again, for version 2.
    await moveThrough(claire, documentId, 'review');
    expect(await awaitingIds(sophie)).not.toContain(documentId);
    await moveThrough(claire, documentId, 'signing');
    const again = await apiJson<Awaiting>(sophie, awaitingPath(partnershipId));
    expect(again.agreements.find((a) => a.document.id === documentId)?.version).toBe(2);
  });

  it('is for members only: another partnership or a bad id is a 404', async () => {
    const response = await api(sophie, awaitingPath('p_doesnotexist00000000'));
    expect(response.status).toBe(404);
    expect(((await response.json()) as { code: string }).code).toBe('not_found');
  });

  it('never lists it for a person of an organisation that is not a party', async () => {
    const fatouOrganisation = fatou.organisationId;
    const left = await api(
      claire,
      `/api/partnerships/${partnershipId}/organisations/${fatouOrganisation}`,
      { method: 'DELETE' },
    );
    expect(left.status).toBe(200);
    const documentId = await createDocument(claire, 'agreement');
    const view = await moveThrough(claire, documentId, 'review', 'signing');
    expect(view.signing!.parties.map((p) => p.organisation.id)).not.toContain(fatouOrganisation);
    const response = await api(fatou, awaitingPath(partnershipId));
    // Her organisation left: she is no longer a member, and learns nothing.
    expect(response.status).toBe(404);
    expect(await awaitingIds(claire)).toContain(documentId);
  });
});
