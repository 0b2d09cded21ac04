import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument } from '../support/api.ts';
import { launchChromium } from '../support/browser.ts';
import { signedInContext } from '../support/browser-session.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { apiJson, DEMO_PASSWORD, demo, signIn } from '../support/session.ts';

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

async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale: 'fr-FR',
    viewport: { width: 1280, height: 860 },
  });
  contexts.push(context);
  return context;
}

const editorText = (page: Page) => page.getByTestId('editor').textContent();

describe('accounts, invitations and roles in real Chromium', () => {
  let planId: string;
  let partnershipId: string;

  beforeAll(async () => {
    const claire = await signIn(server.url, demo.facilitator);
    planId = await createDocument(claire, 'action-plan');
    const [partnership] = await apiJson<{ id: string }[]>(claire, '/api/partnerships');
    partnershipId = partnership!.id;
  });

  it('signs in through the form', async () => {
    const page = await (await newContext()).newPage();
    await page.goto(`${server.url}/`);
    const form = page.getByTestId('sign-in-form');
    await form.locator('input[name="email"]').fill(demo.facilitator);
    await form.locator('input[name="password"]').fill('mauvais mot de passe');
    await form.locator('button[type="submit"]').click();
    await expect
      .poll(() => page.locator('[role="alert"], [data-testid="form-error"]').first().textContent())
      .toBeTruthy();
    await form.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await form.locator('button[type="submit"]').click();
    await page.getByTestId('partnership-link').first().waitFor();
    await page.screenshot({ path: path.join(artifacts, 'accounts-home.png') });
  });

  it('a facilitator invites someone of another organisation, who signs up through the link and co-edits', async () => {
    const { context: claireContext } = await signedInContext(browser, server.url, demo.facilitator);
    contexts.push(claireContext);
    const claire = await claireContext.newPage();
    await claire.goto(`${server.url}/p/${partnershipId}`);
    const form = claire.getByTestId('invite-form');
    await form.waitFor();
    await form
      .locator('select[name="organisationId"]')
      .selectOption({ label: 'Boulangeries Moreau' });
    await form.locator('select[name="role"]').selectOption('editor');
    await form.locator('button[type="submit"]').click();
    const link = (await claire.getByTestId('invitation-link').textContent())?.trim() ?? '';
    expect(link).toMatch(/\/invitation\/[\w-]+$/);
    await claire.screenshot({
      path: path.join(artifacts, 'accounts-invitation.png'),
      fullPage: true,
    });

    const newcomer = await (await newContext()).newPage();
    await newcomer.goto(link);
    const signUp = newcomer.getByTestId('sign-up-form');
    await signUp.locator('input[name="name"]').fill('Léa Moreau');
    await signUp.locator('input[name="email"]').fill(`lea-${Date.now()}@boulangeries-moreau.fr`);
    await signUp.locator('input[name="password"]').fill('une phrase de passe');
    await signUp.locator('button[type="submit"]').click();
    // She lands in the partnership and opens the plan.
    await newcomer.getByTestId('document-link').first().waitFor();
    await newcomer.goto(`${server.url}/d/${planId}`);
    await newcomer.waitForSelector('[data-testid="save-status"][data-state="saved"]', {
      timeout: 20_000,
    });

    await claire.goto(`${server.url}/d/${planId}`);
    await claire.waitForSelector('[data-testid="save-status"][data-state="saved"]', {
      timeout: 20_000,
    });
    await newcomer.getByTestId('editor').click();
    await newcomer.keyboard.press('Control+End');
    await newcomer.keyboard.press('Enter');
    await newcomer.keyboard.type('La boulangerie accueille deux apprentis.');
    await expect
      .poll(() => editorText(claire), { timeout: 10_000 })
      .toContain('La boulangerie accueille deux apprentis.');
    await expect
      .poll(() => claire.getByTestId('presence-list').textContent(), { timeout: 10_000 })
      .toContain('Léa Moreau');
    expect(await claire.getByTestId('presence-list').textContent()).toContain(
      'Boulangeries Moreau',
    );
    await claire.screenshot({ path: path.join(artifacts, 'accounts-coediting.png') });
  });

  it('a viewer sees the text live but cannot type', async () => {
    const { context: viewerContext } = await signedInContext(browser, server.url, demo.viewer);
    contexts.push(viewerContext);
    const viewer = await viewerContext.newPage();
    await viewer.goto(`${server.url}/d/${planId}`);
    await viewer.getByTestId('read-only-notice').waitFor({ timeout: 20_000 });
    const before = await editorText(viewer);
    await viewer.getByTestId('editor').click();
    await viewer.keyboard.type('Je ne devrais pas pouvoir écrire.');
    expect(await editorText(viewer)).toBe(before);
    expect(await viewer.getByTestId('editor').getAttribute('contenteditable')).toBe('false');

    const { context: editorContext } = await signedInContext(browser, server.url, demo.editor);
    contexts.push(editorContext);
    const editor = await editorContext.newPage();
    await editor.goto(`${server.url}/d/${planId}`);
    await editor.waitForSelector('[data-testid="save-status"][data-state="saved"]', {
      timeout: 20_000,
    });
    await editor.getByTestId('editor').click();
    await editor.keyboard.press('Control+End');
    await editor.keyboard.type(' Karim complète.');
    await expect.poll(() => editorText(viewer), { timeout: 10_000 }).toContain('Karim complète.');
    expect(await editorText(viewer)).not.toContain('Je ne devrais pas pouvoir écrire.');
    await viewer.screenshot({ path: path.join(artifacts, 'accounts-viewer.png') });
  });
});
