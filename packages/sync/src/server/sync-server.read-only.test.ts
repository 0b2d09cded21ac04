import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Harness, waitFor } from './test-support.ts';

let h: Harness;

beforeEach(async () => {
  h = new Harness({ unloadDelayMs: 20 });
  await h.store.createDocument('doc-a', 'Bonjour');
});

afterEach(async () => {
  await h.dispose();
});

describe('read-only connections', () => {
  it('tells the client it is read-only on join', async () => {
    const viewer = h.client('doc-a', { readOnly: true });
    await waitFor(() => viewer.received.length > 0, 'the session frame');
    expect(viewer.received[0]).toEqual({ type: 'session', session: { readOnly: true } });
  });

  it('states the role in the session frame when the server knows it', async () => {
    const viewer = h.client('doc-a', { readOnly: true, role: 'viewer' });
    const editor = h.client('doc-a', { role: 'editor' });
    await waitFor(() => viewer.received.length > 0 && editor.received.length > 0, 'session');
    expect(viewer.received[0]).toEqual({
      type: 'session',
      session: { readOnly: true, role: 'viewer' },
    });
    expect(editor.received[0]).toEqual({
      type: 'session',
      session: { readOnly: false, role: 'editor' },
    });
  });

  it('refuses an update with refused(k, read-only): not applied, not stored, still acked', async () => {
    const editor = await h.joined('doc-a');
    const viewer = await h.joined('doc-a', { readOnly: true });
    expect(viewer.text()).toBe('Bonjour');
    const rows = h.store.calls.appendUpdates.length;

    viewer.type(' (pirate)');
    const k = viewer.sentUpdates;
    await waitFor(() => viewer.saved === k, 'the ack of the refused position');
    expect(viewer.of('refused')).toContainEqual({
      type: 'refused',
      update: k,
      reason: 'read-only',
    });
    // The refusal comes before the ack of the same position.
    const refusedAt = viewer.received.findIndex((m) => m.type === 'refused' && m.update === k);
    const savedAt = viewer.received.findIndex((m) => m.type === 'saved' && m.upTo === k);
    expect(refusedAt).toBeLessThan(savedAt);

    await h.idle();
    expect(h.store.calls.appendUpdates.length).toBe(rows);
    expect(await h.store.text('doc-a')).toBe('Bonjour');
    expect(editor.text()).toBe('Bonjour');
    expect(editor.of('update')).toEqual([]);
    expect(viewer.closed).toBeNull();

    // A fresh joiner gets the server's state, without the refused text.
    const fresh = await h.joined('doc-a');
    expect(fresh.text()).toBe('Bonjour');
  });

  it('still receives the edits of others', async () => {
    const editor = await h.joined('doc-a');
    const viewer = await h.joined('doc-a', { readOnly: true });
    editor.type('!');
    await waitFor(() => viewer.text() === 'Bonjour!', 'the edit at the viewer');
  });

  it('a refused step 2 carrying offline edits is refused as a whole', async () => {
    const doc = new Y.Doc();
    const first = await h.joined('doc-a', { doc, readOnly: true });
    first.leave();
    doc.getText('body').insert(0, 'X');
    const again = await h.joined('doc-a', { doc, readOnly: true });
    expect(again.of('refused')).toEqual([{ type: 'refused', update: 1, reason: 'read-only' }]);
    await h.idle();
    expect(await h.store.text('doc-a')).toBe('Bonjour');
  });

  // BUG: room.ts #receiveSync checks readOnly before validateUpdate/check.empty, so the empty
  // step 2 every y-websocket client sends in answer to the server's step 1 is answered with
  // refused(1, 'read-only'). Every viewer is told on every (re)connect that an edit of theirs was
  // refused (connect-document sets status.refused), and per the protocol must drop its copy and
  // resync. Fix: validate first and acknowledge empty updates without a refusal; refuse only
  // updates that change something.
  it('does not refuse the empty step 2 of a viewer who changed nothing', async () => {
    const viewer = await h.joined('doc-a', { readOnly: true });
    expect(viewer.sentUpdates).toBe(1);
    expect(viewer.saved).toBe(1);
    expect(viewer.of('refused')).toEqual([]);
  });

  // BUG: room.ts #receiveSync sends refusedFrame (type 21) whatever connection.options.extensions
  // says. ARCHITECTURE.md: the extra message types go only to clients that asked with ?accord=1;
  // "a stock client never gets them" (y-websocket logs "Unable to compute message" for each).
  // Fix: send the refusal only when extensions are on.
  it('never sends a refusal to a stock client (no extensions)', async () => {
    const stock = h.client('doc-a', { readOnly: true, extensions: false });
    await waitFor(() => stock.text() === 'Bonjour', 'sync');
    stock.type('!');
    await h.idle();
    expect(await h.store.text('doc-a')).toBe('Bonjour');
    expect(stock.received.filter((m) => m.type === 'refused' || m.type === 'saved')).toEqual([]);
  });
});
