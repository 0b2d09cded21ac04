import {
  $createAction,
  $isActionNode,
  type ActionNode,
  actionLeadState,
  bindHeadlessEditor,
  type HeadlessYjsEditor,
} from '@accord/editor';
import { $getRoot, $getState, $setState } from 'lexical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument } from '../support/api.ts';
import { connectClient, type TestClient, waitFor, waitForStatus } from '../support/clients.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { api, apiJson, demo, sessionFrom, signIn, type TestSession } from '../support/session.ts';

/**
 * The action index through the real server process: edits made by a real sync client to a
 * stored plan show up in the plan's actions and in "our commitments" across plans, a deleted
 * action disappears, and only members see any of it.
 */

interface ActionJson {
  id: string;
  title: string;
  documentId: string;
  leadOrganisationId: string;
  problems: { code: string }[];
  overdue: boolean;
  document: { title: string };
}

let server: ServerProcess;
let claire: TestSession; // Ville de Val-de-Sèvre, facilitator
let sophie: TestSession; // Association Tremplin, editor
let outsider: TestSession; // own organisation, own partnership
const open: { client: TestClient; headless: HeadlessYjsEditor }[] = [];

beforeAll(async () => {
  server = await startServerProcess({ env: { ACCORD_ACTION_INDEX_DELAY_MS: '300' } });
  claire = await signIn(server.url, demo.facilitator);
  sophie = await signIn(server.url, demo.editorOtherOrganisation);
  const signUp = await fetch(`${server.url}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Personne extérieure',
      email: `dehors-${Date.now()}@exemple.fr`,
      password: 'un mot de passe sûr',
      organisation: { name: 'Ailleurs', sector: 'company' },
    }),
  });
  outsider = await sessionFrom(server.url, signUp);
  await apiJson(outsider, '/api/partnerships', { method: 'POST', body: { name: 'Autre pacte' } });
});
afterAll(async () => {
  for (const { client, headless } of open) {
    headless.dispose();
    client.destroy();
  }
  await server?.kill('SIGKILL');
});

/** A real sync client on the document, with a headless editor bound to its Y.Doc. */
async function editorOn(session: TestSession, documentId: string) {
  const client = connectClient(server.wsUrl, documentId, session);
  const headless = bindHeadlessEditor(client.doc);
  open.push({ client, headless });
  await waitFor('the first sync', () => client.connection.provider.synced);
  const edit = async (fn: () => void) => {
    headless.editor.update(fn, { discrete: true });
    await waitForStatus(client, 'the edit to be saved', (s) => !s.unsaved && s.save === 'saved');
  };
  return { client, headless, edit };
}

const planActions = (session: TestSession, documentId: string) =>
  apiJson<{ actions: ActionJson[] }>(session, `/api/documents/${documentId}/actions`).then(
    (body) => body.actions,
  );
/** "Our commitments", without the seeded demo plan's actions (those involve Sophie too). */
const commitments = (session: TestSession, partnershipId: string) =>
  apiJson<{ actions: ActionJson[] }>(
    session,
    `/api/partnerships/${partnershipId}/commitments`,
  ).then((body) => body.actions.filter((action) => action.document.title.startsWith('Test ')));

describe('the action index', () => {
  let partnershipId: string;
  let planA: string;
  let planB: string;

  beforeAll(async () => {
    planA = await createDocument(claire, 'action-plan');
    planB = await createDocument(claire, 'action-plan');
    ({ partnershipId } = (
      await apiJson<{ document: { partnershipId: string } }>(claire, `/api/documents/${planA}`)
    ).document);
  });

  it('indexes a new plan’s template actions without anyone opening it', async () => {
    await expect
      .poll(async () => (await planActions(claire, planA)).map((a) => a.title), { timeout: 10_000 })
      .toEqual([
        'Ouvrir les permanences communes au centre social',
        'Organiser la rencontre jeunes – employeurs',
      ]);
  });

  it('shows edits to stored plans in “our commitments” across plans, and drops deleted actions', async () => {
    const a = await editorOn(sophie, planA);
    const b = await editorOn(claire, planB);
    // Sophie (Tremplin) adds an action led by Tremplin to plan A; Claire gives Tremplin the lead
    // of an existing action of plan B.
    await a.edit(() =>
      $getRoot().append(
        $createAction({
          title: 'Atelier CV',
          leadOrganisationId: sophie.organisationId,
          due: '2020-01-31',
        }),
      ),
    );
    await b.edit(() => {
      const first = $getRoot().getChildren().find($isActionNode) as ActionNode;
      $setState(first, actionLeadState, sophie.organisationId);
    });

    await expect
      .poll(
        async () =>
          (await commitments(sophie, partnershipId))
            .map((x) => `${x.document.title}|${x.title}`)
            .sort(),
        {
          timeout: 10_000,
        },
      )
      .toEqual([
        'Test action-plan|Atelier CV',
        'Test action-plan|Ouvrir les permanences communes au centre social',
      ]);
    const mine = await commitments(sophie, partnershipId);
    expect(new Set(mine.map((x) => x.documentId))).toEqual(new Set([planA, planB]));
    expect(mine.find((x) => x.title === 'Atelier CV')?.overdue).toBe(true);
    // Claire's organisation leads none of these: her view does not list them.
    expect((await commitments(claire, partnershipId)).map((x) => x.title)).not.toContain(
      'Atelier CV',
    );

    // Sophie deletes her action: it leaves both views.
    await a.edit(() => {
      const mineNode = $getRoot()
        .getChildren()
        .filter($isActionNode)
        .find((node) => $getState(node, actionLeadState) === sophie.organisationId);
      mineNode?.remove();
    });
    await expect
      .poll(async () => (await planActions(claire, planA)).map((x) => x.title), { timeout: 10_000 })
      .not.toContain('Atelier CV');
    expect((await commitments(sophie, partnershipId)).map((x) => x.title)).toEqual([
      'Ouvrir les permanences communes au centre social',
    ]);
  });

  it('indexes the first action added to notes that had none, after plain typing', async () => {
    const notes = await createDocument(claire, 'notes');
    const n = await editorOn(claire, notes);
    // Typing: the indexer learns the notes hold no action, then skips commits that cannot add one.
    for (const word of ['Suivi ', "du plan d'action ", 'du ', 'comité']) {
      await n.edit(() => $getRoot().getLastChildOrThrow().selectEnd().insertText(word));
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    expect(await planActions(claire, notes)).toEqual([]);
    await n.edit(() =>
      $getRoot().append($createAction({ title: 'Envoyer le compte rendu', due: '2030-01-31' })),
    );
    await expect
      .poll(async () => (await planActions(claire, notes)).map((a) => a.title), {
        timeout: 10_000,
      })
      .toEqual(['Envoyer le compte rendu']);
  });

  it('answers members only: 401 signed out, 404 for another partnership', async () => {
    const routes = [
      `/api/documents/${planA}/actions`,
      `/api/documents/${planA}/actions.csv`,
      `/api/documents/${planA}/actions.ics`,
      `/api/partnerships/${partnershipId}/commitments`,
      `/api/partnerships/${partnershipId}/commitments.csv`,
    ];
    for (const route of routes) {
      const response = await api(outsider, route);
      expect(response.status, route).toBe(404);
      expect(await response.json()).toMatchObject({ code: 'not_found' });
      expect((await fetch(`${server.url}${route}`)).status, route).toBe(401);
    }
    // A viewer is a member: they read the actions.
    const nadia = await signIn(server.url, demo.viewer);
    expect((await api(nadia, `/api/documents/${planA}/actions`)).status).toBe(200);
  });
});
