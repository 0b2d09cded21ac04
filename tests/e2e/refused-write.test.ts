import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument } from '../support/api.ts';
import { launchChromium } from '../support/browser.ts';
import { signedInContext } from '../support/browser-session.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { apiJson, demo, signIn, type TestSession } from '../support/session.ts';

const artifacts = path.resolve(import.meta.dirname, '..', '.artifacts');
let server: ServerProcess;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  [server, browser] = await Promise.all([startServerProcess(), launchChromium()]);
});
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await browser?.close();
  await server?.kill('SIGKILL');
});

const editorText = async (page: Page) => (await page.getByTestId('editor').textContent()) ?? '';
const saveState = (page: Page) => page.getByTestId('save-status').getAttribute('data-state');

async function openDocument(context: BrowserContext, documentId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}/d/${documentId}`);
  await page.waitForSelector('[data-testid="save-status"][data-state="saved"]', {
    timeout: 20_000,
  });
  return page;
}

/**
 * The context's sync sockets go through Playwright, which can cut them: `offline()` closes them
 * and refuses new ones until `online()`, as a dropped network would (the page's own reconnect
 * loop then finds the server again).
 */
async function cuttableNetwork(context: BrowserContext) {
  let cut = false;
  const open: { page: WebSocketRoute; server: WebSocketRoute }[] = [];
  await context.routeWebSocket(/\/sync\//, (page) => {
    if (cut) {
      void page.close({ code: 1001, reason: 'offline' });
      return;
    }
    open.push({ page, server: page.connectToServer() });
  });
  return {
    async offline() {
      cut = true;
      for (const route of open.splice(0)) {
        await route.page.close({ code: 1001, reason: 'offline' });
        await route.server.close();
      }
    },
    online() {
      cut = false;
    },
  };
}

describe('an edit the server refuses, in real Chromium', () => {
  let claire: TestSession;
  let karimId: string;
  let partnershipId: string;

  beforeAll(async () => {
    claire = await signIn(server.url, demo.facilitator);
    karimId = (await signIn(server.url, demo.editor)).personId;
    const [partnership] = await apiJson<{ id: string }[]>(claire, '/api/partnerships');
    partnershipId = partnership!.id;
  });

  const setKarimRole = (role: 'editor' | 'viewer') =>
    apiJson(claire, `/api/partnerships/${partnershipId}/members/${karimId}`, {
      method: 'PATCH',
      body: { role },
    });

  it('shows the text that was not applied, and the editor shows the server’s text', async () => {
    const documentId = await createDocument(claire, 'notes');

    const { context: karimContext } = await signedInContext(browser, server.url, demo.editor);
    contexts.push(karimContext);
    await karimContext.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.url,
    });
    const network = await cuttableNetwork(karimContext);
    const karim = await openDocument(karimContext, documentId);

    const { context: claireContext } = await signedInContext(browser, server.url, demo.facilitator);
    contexts.push(claireContext);
    const facilitator = await openDocument(claireContext, documentId);

    await karim.getByTestId('editor').click();
    await karim.keyboard.press('Control+End');
    await karim.keyboard.press('Enter');
    await karim.keyboard.type('Les partenaires se réunissent chaque mois.');
    await expect.poll(() => saveState(karim), { timeout: 10_000 }).toBe('saved');
    await expect
      .poll(() => editorText(facilitator), { timeout: 10_000 })
      .toContain('Les partenaires se réunissent chaque mois.');

    // Karim's network drops; he keeps writing. Meanwhile Claire makes him a viewer.
    await network.offline();
    await expect.poll(() => saveState(karim), { timeout: 10_000 }).not.toBe('saved');
    const unapplied = 'Karim ajoute ce paragraphe hors ligne.';
    await karim.keyboard.press('Enter');
    await karim.keyboard.type(unapplied);
    await expect.poll(() => saveState(karim), { timeout: 10_000 }).toBe('offline-pending');
    await setKarimRole('viewer');

    // Back online: the reconnect carries his offline paragraph to a read-only socket.
    network.online();
    const notice = karim.getByTestId('refused-notice');
    await notice.waitFor({ timeout: 20_000 });
    await expect
      .poll(() => notice.getAttribute('data-state'), { timeout: 20_000 })
      .toBe('resynced');
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await notice.textContent()).toContain('vous avez un accès en lecture seule');
    expect(await notice.textContent()).toContain('version enregistrée sur le serveur');
    expect(await karim.getByTestId('refused-text').inputValue()).toBe(unapplied);
    expect(await karim.getByTestId('refused-text').getAttribute('readonly')).not.toBeNull();

    // The editor shows the server's text, read-only, as the session frame says.
    await expect
      .poll(() => editorText(karim), { timeout: 10_000 })
      .toContain('Les partenaires se réunissent chaque mois.');
    expect(await editorText(karim)).not.toContain(unapplied);
    expect(await editorText(karim)).toBe(await editorText(facilitator));
    expect(await karim.getByTestId('editor').getAttribute('contenteditable')).toBe('false');
    expect(await karim.getByTestId('read-only-notice').getAttribute('data-role')).toBe('viewer');
    expect(await saveState(karim)).toBe('saved');
    await notice.screenshot({ path: path.join(artifacts, 'refused-notice.png') });
    await karim.screenshot({ path: path.join(artifacts, 'refused-page.png') });

    await karim.getByTestId('copy-refused-text').click();
    await expect.poll(() => notice.textContent()).toContain('Texte copié.');
    expect(await karim.evaluate(() => navigator.clipboard.readText())).toBe(unapplied);

    // Claire never saw it, and it does not come back when Karim may edit again.
    expect(await editorText(facilitator)).not.toContain(unapplied);
    await setKarimRole('editor');
    await expect
      .poll(() => karim.getByTestId('editor').getAttribute('contenteditable'), {
        timeout: 10_000,
      })
      .toBe('true');
    await karim.waitForTimeout(1_000);
    expect(await editorText(karim)).not.toContain(unapplied);
    expect(await editorText(facilitator)).not.toContain(unapplied);
    await facilitator.reload();
    await facilitator.waitForSelector('[data-testid="save-status"][data-state="saved"]');
    await expect
      .poll(() => editorText(facilitator))
      .toContain('Les partenaires se réunissent chaque mois.');
    expect(await editorText(facilitator)).not.toContain(unapplied);

    // The fresh document edits normally; the notice stays until Karim closes it.
    await karim.getByTestId('editor').click();
    await karim.keyboard.press('Control+End');
    await karim.keyboard.type(' Confirmé.');
    await expect
      .poll(() => editorText(facilitator), { timeout: 10_000 })
      .toContain('chaque mois. Confirmé.');
    expect(await notice.isVisible()).toBe(true);
    await karim.getByTestId('refused-close').click();
    expect(await karim.getByTestId('refused-notice').count()).toBe(0);
  });

  it('a viewer who only reads is never told of a refusal', async () => {
    const documentId = await createDocument(claire, 'action-plan');
    const { context } = await signedInContext(browser, server.url, demo.viewer);
    contexts.push(context);
    const viewer = await openDocument(context, documentId);
    await viewer.getByTestId('read-only-notice').waitFor();
    await viewer.getByTestId('editor').click();
    await viewer.keyboard.type('Rien ne doit partir.');
    await viewer.waitForTimeout(1_500);
    expect(await viewer.getByTestId('refused-notice').count()).toBe(0);
    expect(await editorText(viewer)).not.toContain('Rien ne doit partir.');
  });
});
