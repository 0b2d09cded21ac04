import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveThrough } from '../support/agreements.ts';
import { createDocument } from '../support/api.ts';
import { launchChromium } from '../support/browser.ts';
import { signedInContext } from '../support/browser-session.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { signIn } from '../support/session.ts';

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

describe('agreements to sign, in the app (no SMTP)', () => {
  it('a signatory sees "À signer" once signing starts, reaches the agreement from the inbox, and the badge goes after approving', async () => {
    const claire = await signIn(server.url, 'claire@demo.accord');
    const documentId = await createDocument(claire, 'agreement');
    await moveThrough(claire, documentId, 'review');

    const { context } = await signedInContext(browser, server.url, 'sophie@demo.accord');
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByTestId('inbox-link').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('to-sign-link').count()).toBe(0);

    await moveThrough(claire, documentId, 'signing');
    // Coming back to the tab (or any new page) asks again.
    await page.reload();
    const link = page.getByRole('link', { name: /^À signer/ });
    await link.waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('to-sign-count').textContent()).toBe('1');
    await page.screenshot({ path: path.join(artifacts, 'to-sign-header.png') });

    // Keyboard: the link is reachable and leads to the inbox's list.
    await link.focus();
    await page.keyboard.press('Enter');
    const list = page.getByRole('region', { name: 'Conventions à signer' });
    await list.waitFor({ timeout: 20_000 });
    await page.screenshot({ path: path.join(artifacts, 'to-sign-inbox.png'), fullPage: true });
    await list.getByRole('link', { name: 'Test agreement' }).click();

    await page.getByTestId('decision-form').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Approuver au nom de Association Tremplin' }).click();
    await page
      .getByTestId('signoff-party')
      .filter({ hasText: 'Association Tremplin' })
      .and(page.locator('[data-state="approved"]'))
      .waitFor();
    // Gone without reloading: the signing panel told the header.
    await page.getByTestId('to-sign-link').waitFor({ state: 'detached', timeout: 20_000 });
  });
});
