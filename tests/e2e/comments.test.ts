import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocument } from '../support/api.ts';
import { launchChromium } from '../support/browser.ts';
import { signedInContext } from '../support/browser-session.ts';
import { listThreads, startThread as startThreadByApi } from '../support/comments.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { apiJson, demo, signIn } from '../support/session.ts';

const artifacts = path.resolve(import.meta.dirname, '..', '.artifacts');
/** Live updates must show within a second; the deadline is generous (speed is for `pnpm bench`). */
const live = { timeout: 10_000 };

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

interface Watched {
  page: Page;
  /** Dialogs opened and page errors: an injected handler would show up here. */
  incidents: string[];
}

async function openAs(documentId: string, email: string): Promise<Watched> {
  const { context } = await signedInContext(browser, server.url, email);
  contexts.push(context);
  const page = await context.newPage();
  const incidents: string[] = [];
  page.on('pageerror', (error) => incidents.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    incidents.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(`${server.url}/d/${documentId}`);
  await page.getByTestId('editor').waitFor();
  await page.waitForSelector('[data-testid="save-status"][data-state="saved"]', {
    timeout: 20_000,
  });
  await page.getByTestId('comments-panel').waitFor();
  return { page, incidents };
}

/** Selects `words` in the editor's text (across formatting), as a person dragging would. */
async function selectText(page: Page, words: string): Promise<void> {
  const found = await page.evaluate((words) => {
    const root = document.querySelector('[data-testid="editor"]');
    if (root === null) return false;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      nodes.push(node as Text);
    }
    const text = nodes.map((n) => n.data).join('');
    const at = text.indexOf(words);
    if (at < 0) return false;
    const locate = (offset: number, end: boolean): [Text, number] => {
      let seen = 0;
      for (const node of nodes) {
        const inside = offset - seen;
        if (end ? inside <= node.length : inside < node.length) return [node, inside];
        seen += node.length;
      }
      throw new Error('offset out of the text');
    };
    const range = document.createRange();
    range.setStart(...locate(at, false));
    range.setEnd(...locate(at + words.length, true));
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return true;
  }, words);
  expect(found, `"${words}" in the editor`).toBe(true);
  await expect.poll(() => editorSelection(page), live).toEqual({ text: words, collapsed: false });
}

/** Puts the caret inside `words` in the editor (collapsed), as a click or arrow keys would. */
async function caretIn(page: Page, words: string): Promise<void> {
  await page.getByTestId('editor').focus();
  await selectText(page, words);
  await page.evaluate(() => window.getSelection()?.collapseToStart());
  await page.evaluate(() => {
    const selection = window.getSelection()!;
    selection.modify('move', 'forward', 'character');
  });
  await expect.poll(() => editorSelection(page), live).toEqual({ text: '', collapsed: true });
}

/**
 * The selection as Lexical holds it. Lexical reads the page's selection on `selectionchange`, a
 * task after it changed: a key pressed before that acts on the previous selection (Backspace
 * deleting the last words selected instead of these), so the helpers wait for it.
 */
function editorSelection(page: Page): Promise<{ text: string; collapsed: boolean } | null> {
  return page.evaluate(() => {
    interface LexicalSelection {
      getTextContent(): string;
      isCollapsed(): boolean;
    }
    interface State {
      _selection: LexicalSelection | null;
      read<T>(read: () => T): T;
    }
    const root = document.querySelector('[data-testid="editor"]') as
      | (Element & { __lexicalEditor?: { getEditorState(): State } })
      | null;
    const state = root?.__lexicalEditor?.getEditorState();
    if (!state) return null;
    return state.read(() => {
      const selection = state._selection;
      return selection && { text: selection.getTextContent(), collapsed: selection.isCollapsed() };
    });
  });
}

/** The text each comment highlight covers, from the CSS Custom Highlight registry. */
function highlighted(page: Page, name = 'accord-comment'): Promise<string[]> {
  return page.evaluate((name) => {
    // The DOM typings here lack the registry's Map methods.
    const registry = CSS.highlights as unknown as Map<string, Set<Range>>;
    const highlight = registry.get(name);
    return highlight ? [...highlight].map((range) => range.toString()) : [];
  }, name);
}

async function startThread(
  page: Page,
  words: string,
  body: string,
  options: { internal?: boolean } = {},
): Promise<void> {
  await selectText(page, words);
  await page.getByTestId('comment-button').click();
  const form = page.getByTestId('new-thread');
  await form.waitFor();
  if (options.internal) await form.getByRole('radio', { name: /Note interne/ }).check();
  await form.getByLabel('Votre commentaire').fill(body);
  await form.getByRole('button', { name: 'Publier' }).click();
  await form.waitFor({ state: 'detached' });
}

const threadOn = (page: Page, quote: string) =>
  page.getByTestId('thread').filter({ has: page.getByTestId('thread-quote').getByText(quote) });

describe('comments in the document page, in real Chromium', () => {
  it('shows a body full of markup as inert text', async () => {
    const sophie = await signIn(server.url, demo.editorOtherOrganisation);
    const documentId = await createDocument(sophie, 'action-plan');
    const { page, incidents } = await openAs(documentId, demo.editorOtherOrganisation);
    await page.evaluate(() => {
      (window as unknown as { pwned: number }).pwned = 0;
    });
    const body =
      '<img src=x onerror="window.pwned=1;alert(1)"> <script>window.pwned=2;alert(2)</script> <b onclick=alert(3)>gras</b>';
    await startThread(page, '60 jeunes de 16 à 25 ans', body);

    const shown = threadOn(page, '60 jeunes de 16 à 25 ans').getByTestId('comment-body');
    await expect.poll(() => shown.textContent(), live).toBe(body);
    // Nothing was parsed: no element anywhere in the panel came from the body.
    const panel = page.getByTestId('comments-panel');
    expect(await panel.locator('img, script, b, [onerror], [onclick]').count()).toBe(0);
    expect(await shown.locator('*:not(span)').count()).toBe(0);
    // Reloaded from the server, too.
    await page.reload();
    await page.getByTestId('comment-body').first().waitFor();
    expect(await page.getByTestId('comment-body').first().textContent()).toBe(body);
    expect(await page.locator('[data-testid="comments-panel"] img, script[src="x"]').count()).toBe(
      0,
    );
    expect(
      await page.evaluate(() => (window as unknown as { pwned?: number }).pwned),
    ).toBeUndefined();
    expect(incidents).toEqual([]);
    await page.screenshot({ path: path.join(artifacts, 'comments-injection.png') });
  });

  it('two organisations discuss a passage live: mention, reply, resolve', async () => {
    const claireSession = await signIn(server.url, demo.facilitator);
    const documentId = await createDocument(claireSession, 'action-plan');
    const sophie = await openAs(documentId, demo.editorOtherOrganisation);
    const claire = await openAs(documentId, demo.facilitator);
    const quote = 'Un référent unique nommé pour chaque jeune';

    // Sophie (Association Tremplin) comments and mentions the Ville through the @ picker.
    await selectText(sophie.page, quote);
    await sophie.page.getByTestId('comment-button').click();
    const form = sophie.page.getByTestId('new-thread');
    const input = form.getByLabel('Votre commentaire');
    await input.pressSequentially('Qui le nomme ? @Vil');
    const option = sophie.page.getByRole('option', { name: /Ville.*toute l’organisation/ });
    await option.waitFor();
    expect(await input.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    await input.press('Enter');
    await input.pressSequentially('pouvez-vous confirmer ?');
    await sophie.page.screenshot({ path: path.join(artifacts, 'comments-composer.png') });
    await form.getByRole('button', { name: 'Publier' }).click();
    await form.waitFor({ state: 'detached' });
    const villeName = (await sophie.page.locator('.mention').first().textContent()) ?? '';
    expect(villeName).toMatch(/^@Ville/);
    expect(await highlighted(sophie.page, 'accord-comment-active')).toEqual([quote]);

    // Claire (Ville, facilitator) sees the thread and its highlight without reloading.
    const claireThread = threadOn(claire.page, quote);
    await claireThread.waitFor(live);
    await expect.poll(() => highlighted(claire.page), live).toEqual([quote]);
    expect(await claireThread.locator('.mention').textContent()).toBe(villeName);
    // The open panel showed it to her: marked read on the server.
    await expect
      .poll(async () => (await listThreads(claireSession, documentId)).unread, live)
      .toBe(0);
    expect(await claireThread.locator('.comment__author').first().textContent()).toMatch(
      /^Sophie .*\(Association Tremplin\)$/,
    );

    // Clicking the highlighted words opens the thread (it becomes the active one).
    const box = await claire.page.evaluate((quote) => {
      const registry = CSS.highlights as unknown as Map<string, Set<Range>>;
      const range = [...(registry.get('accord-comment') ?? [])][0] as Range;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + 5, y: rect.top + rect.height / 2, text: quote };
    }, quote);
    await claire.page.mouse.click(box.x, box.y);
    await expect.poll(() => claireThread.getAttribute('class'), live).toContain('thread--active');
    await expect
      .poll(() => highlighted(claire.page, 'accord-comment-active'), live)
      .toEqual([quote]);

    // She replies and resolves.
    const replyForm = claireThread.getByTestId('reply-form');
    await replyForm
      .getByLabel('Votre réponse')
      .fill('Oui, la Mission locale, voir https://exemple.fr/referents.');
    await replyForm.getByRole('button', { name: 'Répondre' }).click();
    await expect.poll(() => claireThread.getByTestId('comment').count(), live).toBe(2);
    await claire.page.screenshot({ path: path.join(artifacts, 'comments-reply.png') });
    await claireThread.getByRole('button', { name: 'Résoudre' }).click();

    // Sophie sees the reply (with its link) and the resolution live.
    const sophieResolved = sophie.page
      .getByTestId('resolved-threads')
      .getByTestId('thread')
      .filter({ hasText: 'la Mission locale' });
    await sophieResolved.waitFor({ state: 'attached', ...live });
    expect(await sophieResolved.getAttribute('data-status')).toBe('resolved');
    expect(await sophieResolved.getByTestId('thread-resolution').textContent()).toMatch(
      /Résolu par Claire .*\(Ville/,
    );
    // Resolved threads are folded away; unfold them to read the reply.
    await sophie.page.locator('.comments__resolved > summary').click();
    const link = sophieResolved.getByRole('link', { name: 'https://exemple.fr/referents' });
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    // Resolved threads are no longer highlighted.
    await expect.poll(() => highlighted(sophie.page), live).toEqual([]);
    await sophie.page.screenshot({ path: path.join(artifacts, 'comments-resolved.png') });
    expect([...sophie.incidents, ...claire.incidents]).toEqual([]);
  });

  it('the mentioned organisation finds the thread in its inbox, replies and resolves; the author sees it live', async () => {
    const karimSession = await signIn(server.url, demo.editor);
    const documentId = await createDocument(karimSession, 'action-plan');
    const [partnership] = await apiJson<{ id: string }[]>(karimSession, '/api/partnerships');
    const quote = 'Recenser les offres des entreprises partenaires';

    // Sophie (Association Tremplin) comments and mentions the Ville (the whole organisation).
    const sophie = await openAs(documentId, demo.editorOtherOrganisation);
    await selectText(sophie.page, quote);
    await sophie.page.getByTestId('comment-button').click();
    const form = sophie.page.getByTestId('new-thread');
    const input = form.getByLabel('Votre commentaire');
    await input.pressSequentially('Combien de places ? @Vil');
    await sophie.page.getByRole('option', { name: /Ville.*toute l’organisation/ }).waitFor();
    await input.press('Enter');
    await form.getByRole('button', { name: 'Publier' }).click();
    await form.waitFor({ state: 'detached' });
    const sophieThread = threadOn(sophie.page, quote);
    await sophieThread.waitFor();
    const threadId = await sophieThread.getAttribute('data-thread-id');

    // Karim (Ville, editor) was not looking at the document: he finds it in his inbox, as a
    // mention of his organisation, new to him.
    const { context } = await signedInContext(browser, server.url, demo.editor);
    contexts.push(context);
    const karim = await context.newPage();
    await karim.goto(`${server.url}/p/${partnership!.id}/inbox`);
    await karim.getByTestId('inbox-filters').waitFor();
    await karim.getByLabel('Qui me mentionnent (moi ou mon organisation)').check();
    const item = karim.locator(`[data-thread-id="${threadId}"]`);
    await item.waitFor(live);
    expect(await item.textContent()).toContain('Combien de places ?');
    await karim.screenshot({ path: path.join(artifacts, 'comments-inbox.png') });

    // The inbox's link opens the document on that thread, ready for his reply.
    await item.getByRole('link').click();
    await karim.waitForURL(`**/d/${documentId}#thread=${threadId}`);
    const karimThread = threadOn(karim, quote);
    await expect.poll(() => karimThread.getAttribute('class'), live).toContain('thread--active');
    const replyForm = karimThread.getByTestId('reply-form');
    await replyForm.getByLabel('Votre réponse').fill('Quarante places, confirmé par la Ville.');
    await replyForm.getByRole('button', { name: 'Répondre' }).click();
    await expect.poll(() => karimThread.getByTestId('comment').count(), live).toBe(2);
    await karimThread.getByRole('button', { name: 'Résoudre' }).click();

    // Sophie sees his reply and the resolution without reloading.
    const sophieResolved = sophie.page
      .getByTestId('resolved-threads')
      .getByTestId('thread')
      .filter({ hasText: 'Quarante places' });
    await sophieResolved.waitFor({ state: 'attached', ...live });
    expect(await sophieResolved.getByTestId('thread-resolution').textContent()).toMatch(
      /Résolu par Karim .*\(Ville/,
    );
    expect(sophie.incidents).toEqual([]);
  });

  it('never shows an organisation’s internal thread to another organisation', async () => {
    const claireSession = await signIn(server.url, demo.facilitator);
    const documentId = await createDocument(claireSession, 'action-plan');
    const sophie = await openAs(documentId, demo.editorOtherOrganisation);
    const claire = await openAs(documentId, demo.facilitator);
    const karim = await openAs(documentId, demo.editor);

    await startThread(claire.page, 'deux demi-journées par semaine', 'Entre nous : budget serré.', {
      internal: true,
    });
    await startThread(claire.page, 'les associations sportives du quartier', 'Question partagée.');

    // Karim (same organisation) sees both, the internal one marked as such.
    await expect.poll(() => karim.page.getByTestId('thread').count(), live).toBe(2);
    const internal = karim.page.locator('[data-visibility="organisation"]');
    expect(await internal.locator('.badge--internal').textContent()).toMatch(
      /Note interne — Ville/,
    );
    // Sophie sees the shared one arrive, never the internal one, nor its highlight.
    await threadOn(sophie.page, 'les associations sportives du quartier').waitFor(live);
    await sophie.page.reload();
    await sophie.page.getByTestId('thread').first().waitFor();
    expect(await sophie.page.getByTestId('thread').count()).toBe(1);
    expect(await sophie.page.content()).not.toContain('budget serré');
    await expect
      .poll(() => highlighted(sophie.page), live)
      .toEqual(['les associations sportives du quartier']);
    // And her REST view agrees.
    const list = await listThreads(
      await signIn(server.url, demo.editorOtherOrganisation),
      documentId,
    );
    expect(list.threads.map((t) => t.anchor.quote)).toEqual([
      'les associations sportives du quartier',
    ]);
    await karim.page.screenshot({ path: path.join(artifacts, 'comments-internal.png') });
    expect([...sophie.incidents, ...claire.incidents, ...karim.incidents]).toEqual([]);
  });

  it('keyboard path between text and thread; reformatting keeps the highlight; deletion orphans', async () => {
    const sophieSession = await signIn(server.url, demo.editorOtherOrganisation);
    const documentId = await createDocument(sophieSession, 'action-plan');
    const { page, incidents } = await openAs(documentId, demo.editorOtherOrganisation);
    const quote = 'les éducateurs de prévention';
    await startThread(page, quote, 'Lesquels ?');
    await expect.poll(() => highlighted(page, 'accord-comment-active'), live).toEqual([quote]);

    // From the caret in the passage to its thread: Ctrl+Alt+M puts the focus in the thread (on
    // it, or in its reply box once that opens).
    await page.locator('.comments__header button').focus();
    await caretIn(page, 'éducateurs');
    await page.keyboard.press('Control+Alt+KeyM');
    const thread = threadOn(page, quote);
    await expect
      .poll(() => thread.evaluate((el) => el.contains(document.activeElement)), live)
      .toBe(true);

    // And back: "Voir dans le texte" selects the passage and puts the focus in the text.
    await thread.getByRole('button', { name: 'Voir dans le texte' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => String(window.getSelection())), live).toBe(quote);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'editor',
    );

    // Making part of it bold re-creates its Yjs items: the highlight stays on the same words.
    await selectText(page, 'éducateurs');
    await page.keyboard.press('Control+KeyB');
    await page.waitForSelector('[data-testid="editor"] strong');
    await expect.poll(() => highlighted(page, 'accord-comment-active'), live).toEqual([quote]);

    // Deleting the passage orphans the thread: labelled, with its original quote.
    await selectText(page, 'Repérage par les éducateurs de prévention et');
    await page.keyboard.press('Backspace');
    await expect.poll(() => thread.locator('.badge--orphaned').count(), live).toBe(1);
    expect(await thread.getByTestId('thread-quote').textContent()).toBe(quote);
    expect(await highlighted(page, 'accord-comment-active')).toEqual([]);
    await page.screenshot({ path: path.join(artifacts, 'comments-orphaned.png') });
    expect(incidents).toEqual([]);
  });

  it('a commenter, whose text is read-only, comments a selection but is offered no resolve', async () => {
    const claireSession = await signIn(server.url, demo.facilitator);
    const documentId = await createDocument(claireSession, 'action-plan');
    const { page, incidents } = await openAs(documentId, demo.commenter);
    expect(await page.getByTestId('editor').getAttribute('contenteditable')).toBe('false');
    await startThread(page, '60 jeunes de 16 à 25 ans', 'Pourquoi 60 ?');
    const thread = threadOn(page, '60 jeunes de 16 à 25 ans');
    await thread.waitFor(live);
    await expect
      .poll(() => highlighted(page, 'accord-comment-active'), live)
      .toEqual(['60 jeunes de 16 à 25 ans']);
    expect(await thread.getByRole('button', { name: 'Résoudre' }).count()).toBe(0);
    expect(await thread.getByRole('button', { name: 'Modifier' }).count()).toBe(1);
    expect(incidents).toEqual([]);
  });

  it('fetches the threads again after a reconnection: what happened while away shows', async () => {
    // A server of its own, restarted: the page's socket drops and reconnects to the same port.
    const own = await startServerProcess();
    const port = new URL(own.url).port;
    try {
      const documentId = await createDocument(await signIn(own.url, demo.facilitator), 'notes');
      const { context } = await signedInContext(browser, own.url, demo.facilitator);
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${own.url}/d/${documentId}`);
      await page.getByTestId('comments-panel').waitFor();
      await page.waitForSelector('[data-testid="save-status"][data-state="saved"]');
      await own.kill('SIGKILL');

      // While the page is away, the store gets a thread through another port: no event reaches it.
      const elsewhere = await startServerProcess({ dataDir: own.dataDir });
      await startThreadByApi(
        await signIn(elsewhere.url, demo.editorOtherOrganisation),
        documentId,
        {
          body: 'Écrit pendant la coupure.',
        },
      );
      await elsewhere.kill('SIGKILL');

      const back = await startServerProcess({ dataDir: own.dataDir, env: { ACCORD_PORT: port } });
      try {
        await page
          .getByTestId('comment-body')
          .filter({ hasText: 'Écrit pendant la coupure.' })
          .waitFor({ timeout: 30_000 });
      } finally {
        await back.kill('SIGKILL');
      }
    } finally {
      await own.kill('SIGKILL');
    }
  });
});
