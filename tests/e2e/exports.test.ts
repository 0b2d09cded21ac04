import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument } from '../support/api.ts';
import { launchChromium } from '../support/browser.ts';
import { signedInContext } from '../support/browser-session.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { demo } from '../support/session.ts';

/**
 * The "Exporter" menu in real Chromium: a viewer opens it with the keyboard, picks PDF, and the
 * browser saves the file the server rendered, named after the document.
 */
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

describe('Exporter menu', () => {
  it('a viewer exports the document as PDF and Markdown from the document page', async () => {
    const setup = await signedInContext(browser, server.url, demo.facilitator);
    contexts.push(setup.context);
    const documentId = await createDocument(setup.session, 'agreement');

    const { context } = await signedInContext(browser, server.url, demo.viewer);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/d/${documentId}`);
    const menu = page.getByRole('button', { name: 'Exporter «\u202fTest agreement\u202f»' });
    await menu.waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');

    // Keyboard: open, the formats are listed, Escape closes and gives focus back.
    await menu.focus();
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('button', { name: 'PDF' }).waitFor();
    await page.screenshot({ path: path.join(artifacts, 'export-menu.png') });
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe(
      'false',
    );

    await menu.click();
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'PDF' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toBe('Test agreement.pdf');
    const saved = path.join(artifacts, 'export.pdf');
    await pdf.saveAs(saved);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Fichier PDF prêt' }).count())
      .toBe(1);

    await menu.click();
    const [markdown] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Markdown (.md)' }).click(),
    ]);
    expect(markdown.suggestedFilename()).toBe('Test agreement.md');
    const stream = await markdown.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text).toContain('**Projet — non signé**');
    expect(text).toContain('# Test agreement');
  });
});
