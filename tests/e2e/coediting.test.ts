import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument } from '../support/api.ts';
import { launchChromium } from '../support/browser.ts';
import { fetchJson } from '../support/clients.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';

interface Person {
  id: string;
  name: string;
  organisationId: string;
}
interface Organisation {
  id: string;
  name: string;
}

const artifacts = path.resolve(import.meta.dirname, '..', '.artifacts');
let server: ServerProcess;
let browser: Browser;
let people: Person[];
let organisations: Organisation[];
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

/** A person in their own browser context (own storage, own BroadcastChannel), on a document. */
async function openAs(documentId: string, person: Person): Promise<Page> {
  const context = await browser.newContext({
    locale: 'fr-FR',
    viewport: { width: 1280, height: 800 },
  });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[${person.name}] page error`, error));
  await page.goto(`${server.url}/d/${documentId}`);
  await page.locator(`[data-testid="identity-option"][data-person-id="${person.id}"]`).click();
  await page.getByTestId('editor').waitFor();
  await page.waitForSelector('[data-testid="save-status"][data-state="saved"]', {
    timeout: 20_000,
  });
  return page;
}

const saveState = (page: Page) => page.getByTestId('save-status').getAttribute('data-state');
const editorText = (page: Page) => page.getByTestId('editor').textContent();
const organisationOf = (person: Person) =>
  organisations.find((o) => o.id === person.organisationId)!.name;

describe('two people write together in real Chromium', () => {
  let documentId: string;
  let claire: Person;
  let sophie: Person;
  let pageA: Page;
  let pageB: Page;

  beforeAll(async () => {
    documentId = await createDocument(server.url, 'action-plan');
    const directory = await fetchJson<{ people: Person[]; organisations: Organisation[] }>(
      `${server.url}/api/documents/${documentId}`,
    );
    people = directory.people;
    organisations = directory.organisations;
    // Two people of two different organisations.
    claire = people[0]!;
    sophie = people.find((p) => p.organisationId !== claire.organisationId)!;
    [pageA, pageB] = await Promise.all([openAs(documentId, claire), openAs(documentId, sophie)]);
  });

  it('shows the server-made template to both, identically', async () => {
    const [a, b] = await Promise.all([editorText(pageA), editorText(pageB)]);
    expect(a).toContain('Objectif');
    expect(b).toBe(a);
  });

  it('delivers what one types to the other, and the save indicator reaches « Enregistré »', async () => {
    await pageA.getByTestId('editor').click();
    await pageA.keyboard.press('Control+End');
    await pageA.keyboard.press('Enter');
    await pageA.keyboard.type('Proposition de Claire : ouvrir le lundi.');
    await expect
      .poll(() => editorText(pageB), { timeout: 10_000 })
      .toContain('Proposition de Claire : ouvrir le lundi.');
    await expect.poll(() => saveState(pageA), { timeout: 10_000 }).toBe('saved');
    await expect(pageA.getByTestId('save-status').textContent()).resolves.toContain('Enregistré');
  });

  it('shows each person the other’s presence, caret and name', async () => {
    await expect
      .poll(() => pageB.getByTestId('presence-list').textContent())
      .toContain(claire.name);
    await expect
      .poll(() => pageA.getByTestId('presence-list').textContent())
      .toContain(sophie.name);
    expect(await pageB.getByTestId('presence-list').textContent()).toContain(
      organisationOf(claire),
    );
    // Sophie clicks into the text so that Claire sees her caret, with her name on it.
    await pageB.getByTestId('editor').click();
    await pageB.keyboard.press('Control+End');
    await pageB.keyboard.type(' Sophie est d’accord.');
    await expect
      .poll(() => pageA.locator('body').textContent(), { timeout: 10_000 })
      .toContain(sophie.name);
    await expect
      .poll(() => pageA.getByTestId('editor').textContent(), { timeout: 10_000 })
      .toContain('Sophie est d’accord.');
    await pageA.screenshot({ path: path.join(artifacts, 'coediting-claire.png') });
    await pageB.screenshot({ path: path.join(artifacts, 'coediting-sophie.png') });
  });

  it('keeps the text after a reload', async () => {
    await expect.poll(() => saveState(pageB), { timeout: 10_000 }).toBe('saved');
    await pageB.reload();
    await pageB.getByTestId('editor').waitFor();
    await expect
      .poll(() => editorText(pageB), { timeout: 10_000 })
      .toContain('Proposition de Claire : ouvrir le lundi.');
    expect(await editorText(pageB)).toContain('Sophie est d’accord.');
  });

  it('measures keystroke-to-screen latency between the two browsers (50 keystrokes)', async () => {
    const marker = 'latence:';
    await pageA.getByTestId('editor').click();
    await pageA.keyboard.press('Control+End');
    await pageA.keyboard.press('Enter');
    await pageA.keyboard.type(marker);
    await expect.poll(() => editorText(pageB), { timeout: 10_000 }).toContain(marker);
    // Both pages take timestamps from the same machine clock: key down in A, text change in B.
    await pageA.evaluate(() => {
      const w = window as unknown as { keyDowns: number[] };
      w.keyDowns = [];
      window.addEventListener(
        'keydown',
        () => w.keyDowns.push(performance.timeOrigin + performance.now()),
        true,
      );
    });
    await pageB.evaluate((m) => {
      const editor = document.querySelector('[data-testid="editor"]')!;
      const w = window as unknown as { arrivals: number[] };
      w.arrivals = [];
      new MutationObserver(() => {
        const text = editor.textContent ?? '';
        const typed = text.length - text.indexOf(m) - m.length;
        // Index by how many characters after the marker have arrived.
        while (w.arrivals.length < typed)
          w.arrivals.push(performance.timeOrigin + performance.now());
      }).observe(editor, { subtree: true, childList: true, characterData: true });
    }, marker);
    const count = 50;
    for (let i = 0; i < count; i++) {
      await pageA.keyboard.type(String.fromCharCode(97 + (i % 26)));
      await pageB.waitForFunction(
        (n) => (window as unknown as { arrivals: number[] }).arrivals.length >= n,
        i + 1,
        { timeout: 10_000 },
      );
    }
    const keyDowns = await pageA.evaluate(
      () => (window as unknown as { keyDowns: number[] }).keyDowns,
    );
    const arrivals = await pageB.evaluate(
      () => (window as unknown as { arrivals: number[] }).arrivals,
    );
    expect(keyDowns).toHaveLength(count);
    expect(arrivals).toHaveLength(count);
    const latencies = keyDowns.map((sent, i) => arrivals[i]! - sent);
    const sorted = [...latencies].sort((x, y) => x - y);
    const report = {
      samples: count,
      medianMs: Number(sorted[Math.floor(count / 2)]!.toFixed(1)),
      p90Ms: Number(sorted[Math.floor(count * 0.9)]!.toFixed(1)),
      maxMs: Number(sorted[count - 1]!.toFixed(1)),
    };
    console.log(`keystroke → other browser: ${JSON.stringify(report)}`);
    writeFileSync(
      path.join(artifacts, 'keystroke-latency.json'),
      JSON.stringify({ ...report, latencies }, null, 2),
    );
    expect(await editorText(pageA)).toContain(`${marker}abcdefghij`);
  });
});
