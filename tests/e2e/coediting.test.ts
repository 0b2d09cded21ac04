import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument } from '../support/api.ts';
import { launchChromium } from '../support/browser.ts';
import { signedInContext } from '../support/browser-session.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { apiJson, demo, signIn, type TestSession } from '../support/session.ts';

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
async function openAs(documentId: string, email: string): Promise<Page> {
  const { context } = await signedInContext(browser, server.url, email);
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[${email}] page error`, error));
  await page.goto(`${server.url}/d/${documentId}`);
  await page.getByTestId('editor').waitFor();
  await page.waitForSelector('[data-testid="save-status"][data-state="saved"]', {
    timeout: 20_000,
  });
  return page;
}

async function partnershipOf(session: TestSession, documentId: string): Promise<string> {
  const { document } = await apiJson<{ document: { partnershipId: string } }>(
    session,
    `/api/documents/${documentId}`,
  );
  return document.partnershipId;
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
    const facilitator = await signIn(server.url, demo.facilitator);
    documentId = await createDocument(facilitator, 'action-plan');
    const directory = await apiJson<{ members: Person[]; organisations: Organisation[] }>(
      facilitator,
      `/api/partnerships/${await partnershipOf(facilitator, documentId)}`,
    );
    people = directory.members;
    organisations = directory.organisations;
    // Two people of two different organisations: Claire (the city) and Sophie (a non-profit).
    claire = people.find((p) => p.name === 'Claire Martin')!;
    sophie = people.find((p) => p.name === 'Sophie Lefèvre')!;
    [pageA, pageB] = await Promise.all([
      openAs(documentId, demo.facilitator),
      openAs(documentId, demo.editorOtherOrganisation),
    ]);
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

  it('undoes only one’s own typing (collaborative undo)', async () => {
    await pageA.getByTestId('editor').click();
    await pageA.keyboard.press('Control+End');
    await pageA.keyboard.press('Enter');
    await pageA.keyboard.type('Phrase de Claire à annuler.');
    await pageB.getByTestId('editor').click();
    await pageB.keyboard.press('Control+End');
    await pageB.keyboard.press('Enter');
    await pageB.keyboard.type('Phrase de Sophie qui reste.');
    await expect
      .poll(() => editorText(pageA), { timeout: 10_000 })
      .toContain('Phrase de Sophie qui reste.');
    // Claire undoes: her sentence goes, Sophie's stays, for both of them.
    await pageA.getByTestId('editor').focus();
    // Typing is grouped into undo steps by time; undo step by step until her sentence is gone.
    for (let i = 0; i < 5 && (await editorText(pageA))?.includes('Claire à annuler'); i++) {
      await pageA.keyboard.press('Control+z');
      await pageA
        .waitForFunction(
          () =>
            !document
              .querySelector('[data-testid="editor"]')
              ?.textContent?.includes('Claire à annuler'),
          undefined,
          { timeout: 1_000 },
        )
        .catch(() => {});
    }
    await expect
      .poll(() => editorText(pageB), { timeout: 10_000 })
      .not.toContain('Phrase de Claire à annuler.');
    expect(await editorText(pageB)).toContain('Phrase de Sophie qui reste.');
    expect(await editorText(pageA)).toContain('Phrase de Sophie qui reste.');
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
        const at = text.indexOf(m);
        if (at < 0) return;
        // Index by how many typed letters follow the marker (caret labels are not letters a–z
        // glued to it, and may sit anywhere in the element's text).
        const typed = /^[a-z]*/.exec(text.slice(at + m.length))![0].length;
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
