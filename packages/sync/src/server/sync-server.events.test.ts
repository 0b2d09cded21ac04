import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Harness, nextTurn } from './test-support.ts';

let h: Harness;

beforeEach(async () => {
  h = new Harness();
  await h.store.createDocument('doc-a', 'Bonjour');
  await h.store.createDocument('doc-b', 'Salut');
});

afterEach(async () => {
  await h.dispose();
});

const events = (client: { of: (type: 'event') => { event: unknown }[] }) =>
  client.of('event').map((m) => m.event);

describe('sendEvent', () => {
  it('reaches the connections whose tags match, with extensions, on that document only', async () => {
    const city = await h.joined('doc-a', { tags: { documentId: 'doc-a', organisationId: 'city' } });
    const bank = await h.joined('doc-a', {
      tags: { documentId: 'doc-a', organisationId: 'foodbank' },
    });
    const stock = await h.joined('doc-a', {
      extensions: false,
      tags: { documentId: 'doc-a', organisationId: 'city' },
    });
    const untagged = await h.joined('doc-a');
    const elsewhere = await h.joined('doc-b', {
      tags: { documentId: 'doc-b', organisationId: 'city' },
    });

    const shared = { type: 'thread.changed', threadId: 't1' };
    // `documentId` is always a tag, the room's: every connection with extensions in doc-a.
    expect(h.sync.sendEvent({ documentId: 'doc-a' }, shared)).toBe(3);
    const internal = { type: 'thread.changed', threadId: 't2' };
    expect(h.sync.sendEvent({ documentId: 'doc-a', organisationId: 'city' }, internal)).toBe(1);
    await nextTurn();

    expect(events(city)).toEqual([shared, internal]);
    expect(events(bank)).toEqual([shared]);
    // A stock y-websocket client would log an unknown message: it never gets one.
    expect(stock.of('other')).toEqual([]);
    expect(events(stock)).toEqual([]);
    // Without the tags the match needs (organisationId), only the document-wide event.
    expect(events(untagged)).toEqual([shared]);
    expect(events(elsewhere)).toEqual([]);
  });

  it('lets a predicate refuse connections, and fails closed without the tag it reads', async () => {
    const city = await h.joined('doc-a', { tags: { documentId: 'doc-a', organisationId: 'city' } });
    const bank = await h.joined('doc-a', {
      tags: { documentId: 'doc-a', organisationId: 'foodbank' },
    });
    const anonymous = await h.joined('doc-a', { tags: { documentId: 'doc-a' } });
    const sent = h.sync.sendEvent(
      { documentId: 'doc-a' },
      { type: 'note' },
      (tags) => tags.organisationId === 'city',
    );
    expect(sent).toBe(1);
    await nextTurn();
    expect(events(city)).toEqual([{ type: 'note' }]);
    expect(events(bank)).toEqual([]);
    expect(events(anonymous)).toEqual([]);
  });

  it('sends nothing for a document nobody has open', () => {
    expect(h.sync.sendEvent({ documentId: 'doc-a' }, { type: 'note' })).toBe(0);
    expect(h.sync.sendEvent({ documentId: 'no-such' }, { type: 'note' })).toBe(0);
  });

  it('skips a connection that was closed', async () => {
    const city = await h.joined('doc-a', { tags: { documentId: 'doc-a', organisationId: 'city' } });
    h.sync.closeWhere({ organisationId: 'city' }, 4403, 'access revoked');
    expect(h.sync.sendEvent({ documentId: 'doc-a' }, { type: 'note' })).toBe(0);
    await nextTurn();
    expect(events(city)).toEqual([]);
  });
});
