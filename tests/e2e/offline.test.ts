import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument } from '../support/api.ts';
import { launchChromium } from '../support/browser.ts';
import { signedInContext } from '../support/browser-session.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { demo, signIn } from '../support/session.ts';

let browser: Browser;
const servers: ServerProcess[] = [];
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.kill('SIGKILL')));
});

async function start(options?: Parameters<typeof startServerProcess>[0]) {
  const server = await startServerProcess(options);
  servers.push(server);
  return server;
}

async function open(server: ServerProcess, documentId: string): Promise<Page> {
  const { context } = await signedInContext(browser, server.url, demo.editor);
  const page = await context.newPage();
  await page.goto(`${server.url}/d/${documentId}`);
  await page.waitForSelector('[data-testid="save-status"][data-state="saved"]', {
    timeout: 20_000,
  });
  return page;
}

const saveStatus = (page: Page) => page.getByTestId('save-status');
const editorText = (page: Page) => page.getByTestId('editor').textContent();

describe('honest connection states in the browser', () => {
  it('keeps edits made while the server is down, says so, and saves them when it is back', async () => {
    const first = await start();
    const documentId = await createDocument(await signIn(first.url, demo.editor), 'notes');
    const page = await open(first, documentId);

    first.child.kill('SIGKILL');
    await first.exited;
    await page.getByTestId('editor').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('Écrit hors ligne.');
    await expect
      .poll(() => saveStatus(page).getAttribute('data-state'), { timeout: 15_000 })
      .toBe('offline-pending');
    expect(await saveStatus(page).textContent()).toContain('Hors ligne — modifications en attente');

    // The same port: the page's own reconnect loop finds the new server and re-sends the edit.
    await start({ dataDir: first.dataDir, env: { ACCORD_PORT: new URL(first.url).port } });
    await expect
      .poll(() => saveStatus(page).getAttribute('data-state'), { timeout: 30_000 })
      .toBe('saved');
    await page.reload();
    await page.waitForSelector('[data-testid="save-status"][data-state="saved"]');
    await expect.poll(() => editorText(page)).toContain('Écrit hors ligne.');
    const text = (await editorText(page)) ?? '';
    expect(text.split('Écrit hors ligne.').length - 1).toBe(1);
    await page.context().close();
  });

  it('stops and explains in plain words when a frame is too big for the server', async () => {
    const server = await start({ env: { ACCORD_MAX_FRAME_BYTES: '4096' } });
    const documentId = await createDocument(await signIn(server.url, demo.editor), 'notes');
    const page = await open(server, documentId);
    await page.getByTestId('editor').click();
    await page.keyboard.press('Control+End');
    // One paste bigger than the limit travels as one frame.
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document
        .querySelector('[data-testid="editor"]')!
        .dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
    }, 'Un long paragraphe collé. '.repeat(400));
    const banner = page.getByTestId('close-banner');
    await banner.waitFor({ timeout: 15_000 });
    expect(await banner.textContent()).toMatch(/trop volumineu|trop grand|taille/i);
    expect(await saveStatus(page).getAttribute('data-state')).not.toBe('saved');
    await page.context().close();
  });

  it('tells the person when the document does not exist', async () => {
    const server = servers.at(-1)!;
    const { context } = await signedInContext(browser, server.url, demo.editor);
    const page = await context.newPage();
    await page.goto(`${server.url}/d/inexistant0000000`);
    await expect
      .poll(() => page.locator('main').textContent(), { timeout: 15_000 })
      .toMatch(/introuvable|n’existe pas|n'existe pas/i);
    await context.close();
  });
});
