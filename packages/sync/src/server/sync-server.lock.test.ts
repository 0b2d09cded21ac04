import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Harness, waitFor } from './test-support.ts';

let h: Harness;

beforeEach(async () => {
  h = new Harness({ unloadDelayMs: 20 });
  await h.store.createDocument('doc-a', 'Article 1');
});

afterEach(async () => {
  await h.dispose();
});

describe('locked bodies (agreements in signing, final agreements)', () => {
  it('turns open connections read-only at once and refuses their edits with the lock', async () => {
    const editor = await h.joined('doc-a', { role: 'editor' });
    const other = await h.joined('doc-a', { role: 'editor' });
    h.sync.setLock('doc-a', 'locked');
    await waitFor(() => editor.of('session').length === 2, 'a second session frame');
    expect(editor.of('session')[1]).toEqual({
      type: 'session',
      session: { readOnly: true, role: 'editor', lock: 'locked' },
    });

    editor.type(' modifié');
    const k = editor.sentUpdates;
    await waitFor(() => editor.saved === k, 'the ack of the refused position');
    expect(editor.of('refused')).toContainEqual({ type: 'refused', update: k, reason: 'locked' });
    await h.idle();
    expect(await h.store.text('doc-a')).toBe('Article 1');
    expect(other.text()).toBe('Article 1');
    expect(editor.closed).toBeNull();
  });

  it('opens the body again on unlock', async () => {
    h.sync.setLock('doc-a', 'locked');
    const editor = await h.joined('doc-a', { role: 'editor' });
    expect(editor.of('session')[0]?.session).toMatchObject({ readOnly: true, lock: 'locked' });
    h.sync.setLock('doc-a', null);
    await waitFor(() => editor.of('session').length === 2, 'the unlocking session frame');
    expect(editor.of('session')[1]?.session).toEqual({ readOnly: false, role: 'editor' });
    const fresh = await h.joined('doc-a', { role: 'editor' });
    fresh.type('.');
    await h.idle();
    expect(await h.store.text('doc-a')).toBe('Article 1.');
  });

  it('reads the stored lock when the room loads, and refuses offline edits as final', async () => {
    const doc = new Y.Doc();
    const first = await h.joined('doc-a', { doc });
    first.leave();
    doc.getText('body').insert(0, 'X');
    h.store.locks.set('doc-a', 'final');
    // Let the room unload, so that the next join loads it from the store.
    await waitFor(() => h.sync.stats().rooms === 0, 'the room to unload');
    const again = await h.joined('doc-a', { doc });
    expect(again.of('session')[0]?.session).toMatchObject({ readOnly: true, lock: 'final' });
    expect(again.of('refused')).toEqual([{ type: 'refused', update: 1, reason: 'final' }]);
    await h.idle();
    expect(await h.store.text('doc-a')).toBe('Article 1');
  });

  it('a lock set while the room is loading wins over what the store said', async () => {
    let release!: () => void;
    h.store.hooks.loadBody = () => new Promise<void>((resolve) => (release = resolve));
    const editor = h.client('doc-a', { role: 'editor' });
    await waitFor(() => release !== undefined, 'the load to start');
    h.sync.setLock('doc-a', 'locked');
    release();
    await waitFor(() => editor.of('session').length > 0, 'the session frame');
    expect(editor.of('session')[0]?.session).toMatchObject({ readOnly: true, lock: 'locked' });
  });

  it('settled() waits until what was accepted before the lock is stored', async () => {
    const editor = await h.joined('doc-a', { role: 'editor' });
    editor.type(' signé');
    await waitFor(() => editor.sentUpdates > 1, 'the edit to leave');
    await new Promise((resolve) => setImmediate(resolve));
    h.sync.setLock('doc-a', 'locked');
    await h.sync.settled();
    expect(await h.store.text('doc-a')).toBe('Article 1 signé');
  });
});
