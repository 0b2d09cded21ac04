import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument } from '../support/api.ts';
import { launchChromium } from '../support/browser.ts';
import { signedInContext } from '../support/browser-session.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { signIn } from '../support/session.ts';

const artifacts = path.resolve(import.meta.dirname, '..', '.artifacts');
const sophieEmail = 'sophie@demo.accord'; // Association Tremplin, editor
const antoineEmail = 'antoine@demo.accord'; // Boulangeries Moreau, editor

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

async function openAs(documentId: string, email: string): Promise<Page> {
  const { context } = await signedInContext(browser, server.url, email);
  contexts.push(context);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  page.on('pageerror', (error) => console.error(`[${email}] page error`, error));
  await page.goto(`${server.url}/d/${documentId}`);
  await page.getByTestId('editor').waitFor();
  await page.waitForSelector('[data-testid="save-status"][data-state="saved"]', {
    timeout: 20_000,
  });
  return page;
}

const actionTitles = (page: Page) =>
  page.locator('.accord-action .accord-action-title').allTextContents();
const saved = (page: Page) =>
  expect
    .poll(() => page.getByTestId('save-status').getAttribute('data-state'), { timeout: 10_000 })
    .toBe('saved');

/** Caret at the end of the text. Clicks the title heading: the middle of the editor may be a field. */
async function toEnd(page: Page) {
  await page.locator('.accord-h1').first().click();
  await page.keyboard.press('Control+End');
}

/** The fields of the action whose title contains `title`. */
const actionCard = (page: Page, title: string) =>
  page.locator('section.accord-action', {
    has: page.locator('.accord-action-title', { hasText: title }),
  });

describe('actions in a plan, edited by two organisations in Chromium', () => {
  let documentId: string;
  let sophie: Page;
  let antoine: Page;

  beforeAll(async () => {
    const session = await signIn(server.url, sophieEmail);
    documentId = await createDocument(session, 'action-plan');
    [sophie, antoine] = await Promise.all([
      openAs(documentId, sophieEmail),
      openAs(documentId, antoineEmail),
    ]);
  });

  it('adds actions from the toolbar and by typing /action, seen live by the other', async () => {
    const before = (await actionTitles(sophie)).length;

    // Sophie: at the end of the document, the toolbar button.
    await toEnd(sophie);
    await sophie.keyboard.press('Enter');
    await sophie.getByRole('button', { name: 'Insérer une action' }).click();
    await sophie.keyboard.type('Atelier CV, « mardi »');
    await sophie.keyboard.press('Enter'); // moves to the description
    await sophie.keyboard.type('Avec les bénévoles.');

    // Antoine, once he sees it: types /action in a new paragraph at the end. (Waiting keeps both
    // from racing for the same last paragraph, which is not what this test is about.)
    await expect
      .poll(() => actionTitles(antoine), { timeout: 10_000 })
      .toContain('Atelier CV, « mardi »');
    await toEnd(antoine);
    await antoine.keyboard.press('Enter');
    await antoine.keyboard.type('/action');
    await antoine.keyboard.type('Stage découverte en boulangerie');

    for (const page of [sophie, antoine]) {
      await expect
        .poll(() => actionTitles(page), { timeout: 10_000 })
        .toEqual(
          expect.arrayContaining(['Atelier CV, « mardi »', 'Stage découverte en boulangerie']),
        );
      expect((await actionTitles(page)).length).toBe(before + 2);
    }
    await expect
      .poll(() =>
        actionCard(antoine, 'Atelier CV').locator('.accord-action-description').textContent(),
      )
      .toBe('Avec les bénévoles.');
  });

  it('merges two people editing different fields of one action at once', async () => {
    const mine = actionCard(sophie, 'Atelier CV');
    const theirs = actionCard(antoine, 'Atelier CV');
    await Promise.all([
      mine.getByLabel('Organisation pilote').selectOption({ label: 'Association Tremplin' }),
      theirs.getByLabel('Échéance').fill('2027-04-30'),
    ]);
    await theirs.getByLabel('Début').fill('2027-05-15'); // after the due date: a problem
    await theirs.getByLabel('Statut').selectOption({ label: 'En cours' });

    for (const card of [mine, theirs]) {
      await expect
        .poll(() => card.getByLabel('Organisation pilote').inputValue(), { timeout: 10_000 })
        .not.toBe('');
      await expect
        .poll(() => card.getByLabel('Échéance').inputValue(), { timeout: 10_000 })
        .toBe('2027-04-30');
      await expect
        .poll(() => card.getByLabel('Statut').inputValue(), { timeout: 10_000 })
        .toBe('in_progress');
      await expect
        .poll(() => card.locator('.action-problems').textContent(), { timeout: 10_000 })
        .toContain('L’échéance précède la date de début.');
    }

    // People responsible, from another organisation than the lead.
    await theirs.locator('summary', { hasText: 'Personnes responsables' }).click();
    await theirs.getByRole('checkbox', { name: 'Antoine Moreau' }).check();
    await expect
      .poll(() => mine.locator('summary', { hasText: 'Personnes responsables' }).textContent(), {
        timeout: 10_000,
      })
      .toContain('1');

    // Both organisations add a commitment at once; both are kept.
    await Promise.all([
      mine.getByRole('button', { name: 'Ajouter un engagement' }).click(),
      theirs.getByRole('button', { name: 'Ajouter un engagement' }).click(),
    ]);
    for (const card of [mine, theirs]) {
      await expect
        .poll(() => card.locator('.accord-action-commitment').count(), { timeout: 10_000 })
        .toBe(2);
    }
    await Promise.all([saved(sophie), saved(antoine)]);
    await sophie.screenshot({ path: path.join(artifacts, 'actions-editor.png'), fullPage: true });
  });

  it('shows them in the plan’s table and in “our commitments”, and downloads the CSV', async () => {
    await sophie.goto(`${server.url}/d/${documentId}/actions`);
    const table = sophie.getByTestId('actions-table');
    // The index follows stored edits a couple of seconds later, and the table polls it: wait
    // until it shows everything typed above (an earlier index may hold a title half typed).
    // Due dates read in the reader's language, not as stored (2027-04-30).
    const expected = [
      'Atelier CV, « mardi »',
      'Stage découverte en boulangerie',
      'L’échéance précède la date de début.',
      '30 avr. 2027',
    ];
    await expect
      .poll(
        async () => {
          const text = (await table.textContent()) ?? '';
          return expected.filter((words) => !text.includes(words));
        },
        { timeout: 20_000 },
      )
      .toEqual([]);
    // Filter by status: only the action in progress stays. The status was set last: the index
    // the table fetched may predate it, and the table fetches again every 5 s.
    await sophie.getByLabel('Statut', { exact: true }).selectOption({ label: 'En cours' });
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 20_000 }).toBe(1);
    await sophie.screenshot({ path: path.join(artifacts, 'actions-table.png'), fullPage: true });

    const download = sophie.waitForEvent('download');
    await sophie.getByTestId('actions-csv').click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('Organisation pilote');
    expect(csv).toContain('"Atelier CV, « mardi »"');

    // Antoine (Boulangeries Moreau) is responsible for the workshop and committed to it.
    const partnershipLink = antoine.getByRole('link', { name: 'Nos engagements' });
    await partnershipLink.click();
    await antoine.waitForURL(/\/commitments$/);
    await expect
      .poll(() => antoine.getByTestId('actions-table').textContent(), { timeout: 20_000 })
      .toContain('Atelier CV, « mardi »');
    await antoine.screenshot({ path: path.join(artifacts, 'actions-ours.png'), fullPage: true });
  });
});
