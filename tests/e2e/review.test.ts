import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument } from '../support/api.ts';
import { launchChromium } from '../support/browser.ts';
import { signedInContext } from '../support/browser-session.ts';
import { startThread } from '../support/comments.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { apiJson, demo, signIn } from '../support/session.ts';

/**
 * A review round in real Chromium: a facilitator (Ville) opens it from the document page; an
 * editor of another organisation (Tremplin) sees it live, marks their review done with a
 * summary; the facilitator sees Tremplin's status and summary change without reloading.
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

async function openDocumentAs(email: string, documentId: string): Promise<Page> {
  const { context } = await signedInContext(browser, server.url, email);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.url}/d/${documentId}`);
  await page.getByTestId('review-strip').waitFor();
  return page;
}

const organisationState = (page: Page, name: string) =>
  page
    .getByTestId('review-organisation')
    .filter({ hasText: name })
    .getAttribute('data-state', { timeout: 2_000 })
    .catch(() => null);

describe('review rounds in real Chromium', () => {
  it('a facilitator opens a round, another organisation marks its review done, the facilitator sees it live', async () => {
    const { session: claireSession, context: setup } = await signedInContext(
      browser,
      server.url,
      demo.facilitator,
    );
    contexts.push(setup);
    const documentId = await createDocument(claireSession, 'agreement');

    const claire = await openDocumentAs(demo.facilitator, documentId);
    const sophie = await openDocumentAs(demo.editorOtherOrganisation, documentId);
    await expect
      .poll(() => sophie.getByTestId('review-status').textContent())
      .toContain('Aucune relecture');
    // Only facilitators may open a round: Sophie (editor) has no such button.
    expect(await sophie.getByRole('button', { name: 'Ouvrir une relecture' }).count()).toBe(0);

    // Claire opens the round with the keyboard-reachable form and its default deadline.
    await claire.getByRole('button', { name: 'Ouvrir une relecture' }).click();
    const deadline = claire.getByLabel('Date limite');
    await expect.poll(() => deadline.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await claire.getByRole('button', { name: 'Ouvrir la relecture' }).click();
    await expect
      .poll(() => claire.getByTestId('review-progress').textContent(), { timeout: 5_000 })
      .toContain('0\u00a0sur 5');

    // Sophie sees it without reloading, with every organisation still to review.
    await expect
      .poll(() => sophie.getByTestId('review-progress').textContent(), { timeout: 5_000 })
      .toContain('0\u00a0sur 5');
    expect(await organisationState(sophie, 'Association Tremplin')).toBe('pending');
    await sophie.screenshot({ path: path.join(artifacts, 'review-open.png') });

    // She marks Tremplin's review done, with a summary (markup in it stays text).
    await sophie.getByRole('button', { name: 'Marquer notre relecture comme terminée' }).click();
    const summary = 'Relu pour Tremplin : d’accord, sauf l’article 3. <b>pas du gras</b>';
    await sophie.getByLabel('Avis de votre organisation (facultatif)').fill(summary);
    await sophie.getByRole('button', { name: 'Relecture terminée' }).click();
    await expect
      .poll(() => organisationState(sophie, 'Association Tremplin'), { timeout: 5_000 })
      .toBe('done');

    // Claire's page changes on its own: Tremplin is done, with its summary.
    await expect
      .poll(() => organisationState(claire, 'Association Tremplin'), { timeout: 5_000 })
      .toBe('done');
    await expect
      .poll(() => claire.getByTestId('review-progress').textContent())
      .toContain('1\u00a0sur 5');
    const shown = claire
      .getByTestId('review-organisation')
      .filter({ hasText: 'Association Tremplin' })
      .getByTestId('review-summary');
    expect(await shown.textContent()).toBe(summary);
    expect(await shown.locator('b').count()).toBe(0);
    expect(await organisationState(claire, 'Ville de Val-de-Sèvre')).toBe('pending');
    await claire.screenshot({ path: path.join(artifacts, 'review-marked.png') });

    // Claire closes the round; Sophie's strip says so.
    await claire.getByRole('button', { name: 'Clore la relecture' }).click();
    await expect
      .poll(() => sophie.getByTestId('review-status').textContent(), { timeout: 5_000 })
      .toContain('Aucune relecture');
    await expect
      .poll(() => sophie.getByTestId('review-status').textContent())
      .toContain('1\u00a0sur 5');
  });

  it('the inbox shows another organisation’s mention as new, filters it, never shows an internal note, and links into the document', async () => {
    const karim = await signIn(server.url, demo.editor);
    const sophieSession = await signIn(server.url, demo.editorOtherOrganisation);
    const [partnership] = await apiJson<{ id: string }[]>(karim, '/api/partnerships');
    const documentId = await createDocument(karim, 'action-plan');
    const mention = await startThread(karim, documentId, {
      body: 'Tremplin, pouvez-vous confirmer ce chiffre ? <img src=x onerror=alert(1)>',
      mentions: [{ kind: 'organisation', organisationId: sophieSession.organisationId }],
    });
    await startThread(karim, documentId, { body: 'Sans mention, partagé' });
    const internal = await startThread(karim, documentId, {
      visibility: 'organisation',
      body: 'NOTE-INTERNE-VILLE',
    });

    const { context } = await signedInContext(browser, server.url, demo.editorOtherOrganisation);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/p/${partnership!.id}`);
    // The header counts what is new for Sophie and leads to her inbox.
    await expect
      .poll(async () => Number((await page.getByTestId('inbox-link-count').textContent()) ?? 0), {
        timeout: 5_000,
      })
      .toBeGreaterThanOrEqual(2);
    await page.getByTestId('inbox-link').click();
    await page.getByTestId('inbox-filters').waitFor();
    const item = page.locator(`[data-thread-id="${mention.id}"]`);
    await item.waitFor();
    expect(await item.getByTestId('inbox-unread').textContent()).toBe('1\u00a0nouveau');
    expect(await item.textContent()).toContain('Vous mentionne');
    // Markup in a comment is shown as text, not rendered.
    expect(await item.textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await item.locator('img').count()).toBe(0);
    expect(await page.locator(`[data-thread-id="${internal.id}"]`).count()).toBe(0);
    expect(await page.content()).not.toContain('NOTE-INTERNE-VILLE');
    await page.screenshot({ path: path.join(artifacts, 'inbox.png'), fullPage: true });

    // Filters are labelled native controls: "mentioning me" keeps only the mention.
    await page.getByLabel('Qui me mentionnent (moi ou mon organisation)').check();
    await expect.poll(() => page.getByTestId('inbox-thread').count(), { timeout: 5_000 }).toBe(1);
    await page.getByLabel('État').selectOption('resolved');
    await expect.poll(() => page.getByTestId('inbox-thread').count(), { timeout: 5_000 }).toBe(0);
    await page.getByLabel('État').selectOption('open');
    await item.waitFor();

    // The link opens the document with the thread named in the fragment.
    await item.getByRole('link').click();
    await page.waitForURL(`**/d/${documentId}#thread=${mention.id}`);
    await page.getByTestId('review-strip').waitFor();
    // …and the comments panel opens that thread: the focus is in it (its reply box), and it is
    // drawn as the active one.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('article')?.id ?? ''), {
        timeout: 10_000,
      })
      .toBe(`thread-${mention.id}`);
    expect(await page.locator(`#thread-${mention.id}`).getAttribute('class')).toMatch(
      /thread--active/,
    );
  });
});
