import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument } from '../support/api.ts';
import { launchChromium } from '../support/browser.ts';
import { signedInContext } from '../support/browser-session.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { api, apiJson, signIn } from '../support/session.ts';

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

async function pageAs(email: string, url: string): Promise<Page> {
  const { context } = await signedInContext(browser, server.url, email);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.url}${url}`);
  return page;
}

const party = (page: Page, name: string) =>
  page.getByTestId('signoff-party').filter({ hasText: name });

describe('agreement sign-off in real Chromium', () => {
  it('three organisations approve in turn; the final PDF and bundle download and verify; a modified file does not', async () => {
    const claire = await signIn(server.url, 'claire@demo.accord');
    const documentId = await createDocument(claire, 'agreement');
    // Three parties: the city, the non-profit and the company. The two others leave first.
    const [partnership] = await apiJson<{ id: string }[]>(claire, '/api/partnerships');
    const detail = await apiJson<{ organisations: { id: string; name: string }[] }>(
      claire,
      `/api/partnerships/${partnership!.id}`,
    );
    for (const name of ['CCAS de Val-de-Sèvre', 'Collectif des Tilleuls']) {
      const organisation = detail.organisations.find((o) => o.name === name)!;
      const left = await api(
        claire,
        `/api/partnerships/${partnership!.id}/organisations/${organisation.id}`,
        { method: 'DELETE' },
      );
      expect(left.status).toBe(200);
    }

    // The facilitator moves it to review, then locks it for signing.
    const facilitator = await pageAs('claire@demo.accord', `/d/${documentId}`);
    const panel = facilitator.getByTestId('signoff');
    await panel.waitFor({ timeout: 20_000 });
    expect(await panel.getAttribute('data-state')).toBe('draft');
    await facilitator.getByRole('button', { name: 'Passer en relecture' }).click();
    await facilitator.waitForSelector('[data-testid="signoff"][data-state="review"]');
    await facilitator.getByRole('button', { name: 'Verrouiller et passer en signature' }).click();
    await facilitator.waitForSelector('[data-testid="signoff"][data-state="signing"]');
    // The open editor turns read-only at once, and says why.
    await facilitator.waitForSelector('[data-testid="lock-notice"][data-lock="locked"]');
    expect(await facilitator.getByTestId('editor').getAttribute('contenteditable')).toBe('false');
    const short = (await facilitator.getByTestId('fingerprint-short').textContent())?.trim() ?? '';
    const full = (await facilitator.getByTestId('fingerprint-full').textContent())?.trim() ?? '';
    expect(full).toMatch(/^[0-9a-f]{64}$/);
    expect(short).toBe(full.slice(0, 16).match(/.{4}/g)!.join(' '));
    expect(await facilitator.getByTestId('signoff-party').count()).toBe(3);
    await facilitator.screenshot({
      path: path.join(artifacts, 'signoff-signing.png'),
      fullPage: true,
    });

    // Each organisation's signatory approves in turn, on their own page.
    const signers: [string, string][] = [
      ['claire@demo.accord', 'Ville de Val-de-Sèvre'],
      ['sophie@demo.accord', 'Association Tremplin'],
      ['antoine@demo.accord', 'Boulangeries Moreau'],
    ];
    for (const [email, organisation] of signers) {
      const page =
        email === 'claire@demo.accord' ? facilitator : await pageAs(email, `/d/${documentId}`);
      await page.getByTestId('decision-form').waitFor({ timeout: 20_000 });
      // The signer can read the locked text as the server holds it.
      await page.getByText(/Lire le texte verrouillé/).click();
      await page.locator('.signed-text h2').first().waitFor();
      await page.getByRole('button', { name: `Approuver au nom de ${organisation}` }).click();
      await party(page, organisation).and(page.locator('[data-state="approved"]')).waitFor();
    }
    // Everyone's page follows live: final, with its files.
    await facilitator.waitForSelector('[data-testid="signoff"][data-state="final"]');
    await facilitator.waitForSelector('[data-testid="lock-notice"][data-lock="final"]');
    await facilitator.getByRole('link', { name: /\.pdf$/ }).waitFor({ timeout: 30_000 });
    await facilitator.screenshot({
      path: path.join(artifacts, 'signoff-final.png'),
      fullPage: true,
    });

    // Someone else downloads the PDF and the bundle.
    const karim = await pageAs('karim@demo.accord', `/d/${documentId}`);
    await karim.getByRole('link', { name: /\.pdf$/ }).waitFor({ timeout: 20_000 });
    const saved: Record<string, string> = {};
    for (const extension of ['pdf', 'zip']) {
      const [download] = await Promise.all([
        karim.waitForEvent('download'),
        karim.getByRole('link', { name: new RegExp(`\\.${extension}$`) }).click(),
      ]);
      const file = path.join(artifacts, `signoff-final.${extension}`);
      await download.saveAs(file);
      saved[extension] = file;
    }
    expect(readFileSync(saved.pdf!).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(saved.zip!).subarray(0, 2).toString()).toBe('PK');
    const modified = path.join(artifacts, 'signoff-modified.pdf');
    const bytes = readFileSync(saved.pdf!);
    bytes[Math.floor(bytes.length / 2)] = (bytes[Math.floor(bytes.length / 2)] ?? 0) ^ 1;
    writeFileSync(modified, bytes);

    // The verification page confirms both files, and reports the modified one as not matching.
    await karim.goto(`${server.url}/verifier`);
    for (const [file, match] of [
      [saved.pdf!, 'export'],
      [saved.zip!, 'export'],
      [modified, 'none'],
    ] as const) {
      await karim.getByLabel('Fichier à vérifier').setInputFiles(file);
      await karim.getByRole('button', { name: 'Vérifier', exact: true }).click();
      await karim.waitForSelector(
        `[data-testid="verify-result"][data-match="${match}"]:has-text("${path.basename(file)}")`,
      );
      if (match === 'none') {
        await karim.screenshot({
          path: path.join(artifacts, 'signoff-verify-none.png'),
          fullPage: true,
        });
      }
    }
  });
});
