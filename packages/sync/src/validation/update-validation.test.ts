import { Worker } from 'node:worker_threads';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  defaultUpdateLimits,
  maxValueDepth,
  type UpdateLimits,
  type ValidationResult,
  validateUpdate,
} from './update-validation.ts';

// ---------------------------------------------------------------------------------------------
// Helpers

/** Deterministic PRNG (mulberry32), so every failure reproduces. */
class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(below: number): number {
    return Math.floor(this.next() * below);
  }
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** What Yjs' own (trusted-input) decoder finds in an update. */
function yjsCounts(update: Uint8Array): { structs: number; deletes: number } {
  const { structs, ds } = Y.decodeUpdate(update);
  let deletes = 0;
  for (const ranges of ds.clients.values()) deletes += ranges.length;
  return { structs: structs.length, deletes };
}

/** Asserts the update validates and that the counts agree with Yjs' decoder. */
function expectValid(update: Uint8Array, limits?: UpdateLimits): ValidationResult & { ok: true } {
  const result = validateUpdate(update, limits);
  if (!result.ok) throw new Error(`rejected a real update: ${result.reason}`);
  const counts = yjsCounts(update);
  expect({ structs: result.structs, deletes: result.deletes }).toEqual(counts);
  expect(result.empty).toBe(counts.structs === 0 && counts.deletes === 0);
  return result;
}

/**
 * A crafted header can claim billions of structs: a validator that trusted it would run for
 * minutes. These deadlines only catch such a hang; they are generous on purpose (a loaded CI
 * machine must never fail them), and speed is not asserted in tests.
 */
const HANG_MS = { one: 2_000, large: 10_000, applied: 10_000 } as const;

/** Asserts the update is rejected, without hanging, with a reason matching `pattern`. */
function expectRejected(update: Uint8Array, pattern: RegExp, limits?: UpdateLimits): void {
  const start = performance.now();
  const result = validateUpdate(update, limits);
  const elapsed = performance.now() - start;
  if (result.ok) throw new Error('accepted a malformed update');
  expect(result.reason).toMatch(pattern);
  expect(elapsed).toBeLessThan(HANG_MS.one);
}

function collectUpdates(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return updates;
}

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

function hasStructOf(update: Uint8Array, kind: typeof Y.GC | typeof Y.Skip): boolean {
  return Y.decodeUpdate(update).structs.some((struct) => struct instanceof kind);
}

const contentNames = [
  'gc',
  'deleted',
  'json',
  'binary',
  'string',
  'embed',
  'format',
  'type',
  'any',
  'doc',
];

/** Struct and content kinds (and shared type classes) found in updates, per Yjs' decoder. */
function structKinds(updates: Uint8Array[]): Set<string> {
  const kinds = new Set<string>();
  for (const update of updates) {
    for (const struct of Y.decodeUpdate(update).structs) {
      if (!(struct instanceof Y.Item)) {
        kinds.add(struct.constructor.name);
        continue;
      }
      kinds.add(contentNames[struct.content.getRef()] ?? 'unknown');
      if (struct.content instanceof Y.ContentType) kinds.add(struct.content.type.constructor.name);
    }
  }
  return kinds;
}

/** Builds a V1 update by hand, for content Yjs' API no longer writes and for crafted attacks. */
function craft(write: (e: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

const uint = encoding.writeVarUint;
const str = encoding.writeVarString;
const byte = encoding.writeUint8;

/** One client section header: 1 client, `structs` structs, client 7, clock 0. */
function oneClient(e: encoding.Encoder, structs: number): void {
  uint(e, 1);
  uint(e, structs);
  uint(e, 7);
  uint(e, 0);
}

/** An item with neither origin, child of root type `name`, with content ref `ref`. */
function rootItem(e: encoding.Encoder, ref: number, name = 'root'): void {
  byte(e, ref);
  uint(e, 1); // parent info: root type name follows
  str(e, name);
}

/** An item in root map `m` under key `k` (parentSub flag set). */
function mapItem(e: encoding.Encoder, ref: number): void {
  byte(e, ref | 0b0010_0000);
  uint(e, 1);
  str(e, 'm');
  str(e, 'k');
}

const noDeletes = (e: encoding.Encoder): void => uint(e, 0);

/**
 * Applies each batch of updates, in order, to a fresh doc in a worker and re-encodes the doc;
 * a hang in Yjs fails the test instead of freezing it.
 */
function applyInWorker(
  batches: Uint8Array[][],
  timeoutMs: number,
): Promise<{ slowestMs: number; applied: number; threw: number }> {
  const worker = new Worker(new URL('./apply-worker.mjs', import.meta.url));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`Yjs did not finish applying within ${timeoutMs} ms`));
    }, timeoutMs);
    worker.once('message', (result: { slowestMs: number; applied: number; threw: number }) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    worker.postMessage(batches);
  });
}

// ---------------------------------------------------------------------------------------------
// Random real edits

const words = ['hello', 'world', 'Ünïcödé', '日本語', '🙂👍🏽', 'a', '', 'lorem ipsum dolor'];

function randomAny(rng: Rng, depth: number): unknown {
  const kind = rng.int(depth > 2 ? 8 : 10);
  switch (kind) {
    case 0:
      return rng.int(2000) - 1000;
    case 1:
      return rng.next() * 1e6;
    case 2:
      return 0.5;
    case 3:
      return rng.pick(words);
    case 4:
      return rng.chance(0.5);
    case 5:
      return null;
    case 6:
      return BigInt(rng.int(1_000_000)) * 1_000_000_007n;
    case 7:
      return new Uint8Array([rng.int(256), rng.int(256), 0, 255]);
    case 8:
      return Array.from({ length: rng.int(4) }, () => randomAny(rng, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: rng.int(4) }, (_, i) => [`k${i}`, randomAny(rng, depth + 1)]),
      );
  }
}

function randomText(rng: Rng): string {
  return rng.pick(words) || 'x';
}

function editText(doc: Y.Doc, rng: Rng): void {
  const text = doc.getText('text');
  const at = rng.int(text.length + 1);
  const op = rng.int(5);
  if (op === 0 && text.length > 0) {
    text.delete(rng.int(text.length), 1 + rng.int(Math.min(5, text.length)));
  } else if (op === 1 && text.length > 0) {
    const start = rng.int(text.length);
    text.format(start, 1 + rng.int(text.length - start), { bold: rng.chance(0.5) ? true : null });
  } else if (op === 2) {
    text.insertEmbed(at, { image: 'https://example.com/x.png', w: rng.int(500) });
  } else if (op === 3) {
    text.insert(at, randomText(rng), { italic: true, color: '#ff0000' });
  } else {
    text.insert(at, randomText(rng));
  }
}

function editMap(doc: Y.Doc, rng: Rng): void {
  const map = doc.getMap<unknown>('map');
  const key = `key${rng.int(20)}`;
  const op = rng.int(6);
  if (op === 0) map.delete(key);
  else if (op === 1) map.set(key, new Uint8Array([1, 2, 3]));
  else if (op === 2) map.set(key, nestedType(rng));
  else map.set(key, randomAny(rng, 0));
}

function nestedType(rng: Rng): Y.Map<unknown> | Y.Array<number> | Y.Text | Y.XmlFragment {
  switch (rng.int(4)) {
    case 0:
      return new Y.Map([['nested', randomAny(rng, 0)]]);
    case 1:
      return Y.Array.from([1, 2, 3]);
    case 2:
      return new Y.Text(randomText(rng));
    default:
      return new Y.XmlFragment();
  }
}

function editArray(doc: Y.Doc, rng: Rng): void {
  const array = doc.getArray<unknown>('array');
  if (array.length > 0 && rng.chance(0.3)) {
    array.delete(rng.int(array.length), 1);
  } else {
    // Y.Array.insert takes no top-level bigint (Y.Map.set does); nest it.
    const values = Array.from({ length: 1 + rng.int(3) }, () => {
      const value = randomAny(rng, 0);
      return typeof value === 'bigint' ? { big: value } : value;
    });
    array.insert(rng.int(array.length + 1), values);
  }
}

/** Lexical's shape: a root XmlText holding XmlText paragraphs and XmlElement decorators. */
function editLexicalLike(doc: Y.Doc, rng: Rng): void {
  const root = doc.get('root', Y.XmlText);
  const op = rng.int(4);
  if (op === 0 || root.length === 0) {
    const paragraph = new Y.XmlText();
    paragraph.setAttribute('__type', 'paragraph');
    paragraph.setAttribute('__format', rng.int(4));
    root.insertEmbed(rng.int(root.length + 1), paragraph);
    paragraph.insert(0, randomText(rng), { __type: 'text', __format: rng.int(8) });
  } else if (op === 1) {
    const decorator = new Y.XmlElement('image');
    decorator.setAttribute('src', 'https://example.com/a.png');
    root.insertEmbed(rng.int(root.length + 1), decorator);
  } else if (op === 2) {
    const fragment = doc.getXmlFragment('fragment');
    const element = new Y.XmlElement('p');
    element.insert(0, [new Y.XmlText(randomText(rng))]);
    fragment.insert(rng.int(fragment.length + 1), [element]);
    doc.getMap('hooks').set(`hook${rng.int(3)}`, new Y.XmlHook('mention'));
  } else {
    root.delete(rng.int(root.length), 1);
  }
}

function addSubdoc(doc: Y.Doc, rng: Rng): void {
  const subdocs = doc.getMap<Y.Doc>('subdocs');
  const options = rng.chance(0.5) ? { autoLoad: true, meta: { title: 'sub' } } : {};
  subdocs.set(`doc${rng.int(5)}`, new Y.Doc(options));
}

const editors = [editText, editText, editMap, editArray, editLexicalLike, addSubdoc];

function randomEdit(doc: Y.Doc, rng: Rng): void {
  const edit = rng.pick(editors);
  doc.transact(() => edit(doc, rng));
}

/** Several peers editing concurrently and syncing now and then; returns every update emitted. */
function randomSession(
  seed: number,
  edits: number,
  gc: boolean,
): { docs: Y.Doc[]; updates: Uint8Array[] } {
  const rng = new Rng(seed);
  const docs = [1, 2, 3].map((clientID) => {
    const doc = new Y.Doc({ gc });
    doc.clientID = clientID + seed * 10;
    return doc;
  });
  const updates: Uint8Array[] = [];
  for (const doc of docs) doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < edits; i++) {
    randomEdit(rng.pick(docs), rng);
    if (rng.chance(0.1)) sync(rng.pick(docs), rng.pick(docs));
  }
  return { docs, updates };
}

// ---------------------------------------------------------------------------------------------
// Real updates

describe('validateUpdate on real updates', () => {
  it('accepts text inserts, deletes, formatting and embeds', () => {
    const doc = new Y.Doc();
    const updates = collectUpdates(doc);
    const text = doc.getText('text');
    text.insert(0, 'Hello, wörld 🙂');
    text.insert(5, '!!', { bold: true });
    text.format(0, 5, { italic: true, link: { href: 'https://example.com' } });
    text.insertEmbed(3, { image: 'cat.png' });
    text.delete(2, 4);
    for (const update of updates) expectValid(update);
    const full = expectValid(Y.encodeStateAsUpdate(doc));
    expect(full.deletes).toBeGreaterThan(0);
    expect(full.empty).toBe(false);
  });

  it('accepts Y.Map / Y.Array values of every any kind, binary and nested types', () => {
    const doc = new Y.Doc();
    const updates = collectUpdates(doc);
    const map = doc.getMap<unknown>('map');
    map.set('int', 42);
    map.set('negative', -123456789);
    map.set('float32', 0.5);
    map.set('float64', Math.PI);
    map.set('string', 'ünïcödé 日本語');
    map.set('bool', false);
    map.set('null', null);
    map.set('undefined', undefined);
    map.set('bigint', 2n ** 62n);
    map.set('binary', new Uint8Array([0, 1, 255]));
    map.set('nested', { a: [1, { b: [true, null, 'x', new Uint8Array([7])] }], c: {} });
    map.set('nestedType', new Y.Map([['inner', new Y.Array()]]));
    map.set('int', 43); // overwrite: origin set, parentSub flag set but not written
    doc.getArray('array').insert(0, [1, 'two', { three: 3 }, [4], new Uint8Array([5])]);
    for (const update of updates) expectValid(update);
    expectValid(Y.encodeStateAsUpdate(doc));
  });

  it('accepts XmlElement / XmlText / XmlHook updates shaped like Lexical documents', () => {
    const doc = new Y.Doc();
    const updates = collectUpdates(doc);
    const rng = new Rng(7);
    for (let i = 0; i < 40; i++) doc.transact(() => editLexicalLike(doc, rng));
    const root = doc.get('root', Y.XmlText);
    root.setAttribute('__dir', 'ltr');
    root.format(0, 1, { __style: 'color: red' });
    for (const update of updates) expectValid(update);
    expectValid(Y.encodeStateAsUpdate(doc));
  });

  it('accepts subdocuments', () => {
    const doc = new Y.Doc();
    const updates = collectUpdates(doc);
    const subdocs = doc.getMap<Y.Doc>('subdocs');
    subdocs.set('plain', new Y.Doc());
    subdocs.set('options', new Y.Doc({ autoLoad: true, meta: { title: 'Chapter 1', n: 1 } }));
    doc.getArray<Y.Doc>('list').insert(0, [new Y.Doc({ guid: 'fixed-guid', shouldLoad: false })]);
    for (const update of updates) expectValid(update);
    expectValid(Y.encodeStateAsUpdate(doc));
  });

  it('accepts a garbage-collected document (GC structs) and an uncollected one (deleted content)', () => {
    for (const gc of [true, false]) {
      const doc = new Y.Doc({ gc });
      const text = doc.getText('text');
      text.insert(0, 'a'.repeat(1000));
      doc.getMap('map').set('child', new Y.Map([['x', 1]]));
      doc.getMap('map').delete('child');
      text.delete(10, 500);
      const update = Y.encodeStateAsUpdate(doc);
      expect(hasStructOf(update, Y.GC)).toBe(gc);
      expect(expectValid(update).deletes).toBeGreaterThan(0);
    }
  });

  it('accepts merged updates with Skip structs (a gap in a client clock)', () => {
    const doc = new Y.Doc();
    const updates = collectUpdates(doc);
    const text = doc.getText('text');
    text.insert(0, 'one');
    text.insert(3, 'two');
    text.insert(6, 'three');
    const merged = Y.mergeUpdates([updates[0] ?? new Uint8Array(), updates[2] ?? new Uint8Array()]);
    expect(hasStructOf(merged, Y.Skip)).toBe(true);
    expectValid(merged);
    // A doc holding the pending (unapplicable) part re-encodes it too.
    const receiver = new Y.Doc();
    Y.applyUpdate(receiver, updates[2] ?? new Uint8Array());
    expectValid(Y.encodeStateAsUpdate(receiver));
  });

  it('accepts legacy ContentJSON (written by old Yjs versions)', () => {
    const update = craft((e) => {
      oneClient(e, 1);
      rootItem(e, 2, 'array');
      uint(e, 3);
      str(e, '{"a":[1,2,{"b":null}]}');
      str(e, 'undefined');
      str(e, '"text"');
      noDeletes(e);
    });
    const result = expectValid(update);
    expect(result.structs).toBe(1);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    expect(doc.getArray('array').toJSON()).toEqual([{ a: [1, 2, { b: null }] }, undefined, 'text']);
  });

  it('accepts 2,000+ random real updates from concurrent peers, with matching counts', () => {
    const all: Uint8Array[] = [];
    for (const [seed, gc] of [
      [1, true],
      [2, false],
      [3, true],
    ] as const) {
      const { docs, updates } = randomSession(seed, 800, gc);
      all.push(...updates);
      for (const doc of docs) all.push(Y.encodeStateAsUpdate(doc));
    }
    expect(all.length).toBeGreaterThanOrEqual(2000);
    for (const update of all) expectValid(update);
    // The corpus covers every struct kind Yjs' API still writes (legacy JSON has its own test).
    expect([...structKinds(all)].sort()).toEqual([
      'GC',
      'YArray',
      'YMap',
      'YText',
      'YXmlElement',
      'YXmlFragment',
      'YXmlHook',
      'YXmlText',
      'any',
      'binary',
      'deleted',
      'doc',
      'embed',
      'format',
      'string',
      'type',
    ]);
  });

  it('accepts a large real update (5,000 random edits) without hanging', () => {
    const doc = new Y.Doc();
    const rng = new Rng(42);
    for (let i = 0; i < 5000; i++) randomEdit(doc, rng);
    const update = Y.encodeStateAsUpdate(doc);
    const start = performance.now();
    const result = validateUpdate(update);
    const elapsed = performance.now() - start;
    expect(result.ok).toBe(true);
    expect(elapsed).toBeLessThan(HANG_MS.large);
    expectValid(update);
  });
});

describe('empty updates', () => {
  it('flags the state of a new doc ([0, 0]) as empty', () => {
    const update = Y.encodeStateAsUpdate(new Y.Doc());
    expect(Array.from(update)).toEqual([0, 0]);
    expect(validateUpdate(update)).toEqual({ ok: true, structs: 0, deletes: 0, empty: true });
  });

  it('flags a diff against an identical state vector as empty', () => {
    const doc = new Y.Doc();
    doc.getText('text').insert(0, 'hello');
    doc.getMap('map').set('a', 1);
    const diff = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc));
    expect(validateUpdate(diff)).toEqual({ ok: true, structs: 0, deletes: 0, empty: true });
  });

  it('does not flag such a diff as empty when the doc has deletions (Yjs sends the whole delete set)', () => {
    const doc = new Y.Doc();
    doc.getText('text').insert(0, 'hello');
    doc.getText('text').delete(0, 2);
    const diff = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc));
    expect(validateUpdate(diff)).toEqual({ ok: true, structs: 0, deletes: 1, empty: false });
  });
});

// ---------------------------------------------------------------------------------------------
// Crafted updates (yjs issue #687 and friends)

const huge = 2 ** 32 - 1;

describe('crafted updates are rejected quickly', () => {
  it('rejects an empty buffer and garbage (yjs #498, #479)', () => {
    expectRejected(new Uint8Array(), /unexpected end|Unexpected end/i);
    expectRejected(Buffer.from('garbagedoc', 'base64'), /.+/);
    expectRejected(new Uint8Array([0]), /Unexpected end/);
  });

  it('rejects a huge client count (V1 repro of yjs PR #688: 265,828 clients in 40 bytes)', () => {
    const buf = new Uint8Array([
      228, 156, 16, 0, 5, 255, 255, 5, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 237, 0, 0, 0, 1, 1, 0, 254,
      184, 194, 233, 173, 135, 217, 18, 0, 0, 1, 1, 255, 237, 246,
    ]);
    expectRejected(buf, /struct client count 265828 exceeds remaining 37 bytes/);
    expectRejected(
      craft((e) => uint(e, huge)),
      /struct client count 4294967295/,
    );
  });

  it('rejects a huge struct count', () => {
    const update = craft((e) => {
      uint(e, 1);
      uint(e, huge);
      uint(e, 7);
      uint(e, 0);
      byte(e, 0);
      uint(e, 1);
      noDeletes(e);
    });
    expectRejected(update, /struct count 4294967295 exceeds remaining 5 bytes/);
  });

  it('rejects more structs than maxStructs, even when the bytes are there', () => {
    const doc = new Y.Doc();
    const text = doc.getText('text');
    for (let i = 0; i < 50; i++) text.insert(0, `${i}`); // 50 non-mergeable structs
    const update = Y.encodeStateAsUpdate(doc);
    expectValid(update);
    const small = { ...defaultUpdateLimits, maxStructs: 10 };
    expectRejected(update, /struct count 50 exceeds maxStructs 10/, small);
    // Client sections without structs cost 3 bytes each and would otherwise escape maxStructs.
    const emptyClients = craft((e) => {
      uint(e, 20);
      for (let i = 0; i < 20; i++) {
        uint(e, 0);
        uint(e, i);
        uint(e, 0);
      }
      noDeletes(e);
    });
    expect(validateUpdate(emptyClients)).toEqual({ ok: true, structs: 0, deletes: 0, empty: true });
    expectRejected(emptyClients, /struct client count 20 exceeds maxStructs 10/, small);
  });

  it('rejects huge GC and Skip lengths and clocks that overflow', () => {
    for (const ref of [0, 10]) {
      const update = craft((e) => {
        oneClient(e, 1);
        byte(e, ref);
        uint(e, 2 ** 52);
        noDeletes(e);
      });
      expectRejected(update, /struct length 4503599627370496 exceeds maxClockSpan 10000000/);
    }
    const overflow = craft((e) => {
      uint(e, 1);
      uint(e, 2);
      uint(e, 7);
      uint(e, Number.MAX_SAFE_INTEGER - 5);
      byte(e, 0);
      uint(e, 5);
      byte(e, 0);
      uint(e, 5);
      noDeletes(e);
    });
    expectRejected(overflow, /ends past Number.MAX_SAFE_INTEGER/);
    const deleted = craft((e) => {
      oneClient(e, 1);
      rootItem(e, 1);
      uint(e, 2 ** 40);
      noDeletes(e);
    });
    expectRejected(deleted, /struct length 1099511627776 exceeds maxClockSpan/);
  });

  it('rejects zero-length structs (Yjs never writes them and throws on them)', () => {
    const update = craft((e) => {
      oneClient(e, 1);
      rootItem(e, 8);
      uint(e, 0);
      noDeletes(e);
    });
    expectRejected(update, /struct length is 0/);
  });

  it('rejects huge delete range counts, lengths and clocks', () => {
    const count = craft((e) => {
      uint(e, 0);
      uint(e, 1);
      uint(e, 7);
      uint(e, huge);
    });
    expectRejected(count, /delete range count 4294967295 exceeds remaining 0 bytes/);
    const clients = craft((e) => {
      uint(e, 0);
      uint(e, huge);
    });
    expectRejected(clients, /delete set client count 4294967295/);
    const length = craft((e) => {
      uint(e, 0);
      uint(e, 1);
      uint(e, 7);
      uint(e, 1);
      uint(e, 0);
      uint(e, 2 ** 50);
    });
    expectRejected(length, /delete range length 1125899906842624 exceeds maxClockSpan/);
    const clock = craft((e) => {
      uint(e, 0);
      uint(e, 1);
      uint(e, 7);
      uint(e, 1);
      uint(e, Number.MAX_SAFE_INTEGER - 1);
      uint(e, 5);
    });
    expectRejected(clock, /ends past Number.MAX_SAFE_INTEGER/);
    const many = craft((e) => {
      uint(e, 0);
      uint(e, 1);
      uint(e, 7);
      uint(e, 20);
      for (let i = 0; i < 20; i++) {
        uint(e, i * 2);
        uint(e, 1);
      }
    });
    expect(validateUpdate(many)).toEqual({ ok: true, structs: 0, deletes: 20, empty: false });
    expectRejected(many, /delete range count 20 exceeds maxStructs 10/, {
      ...defaultUpdateLimits,
      maxStructs: 10,
    });
  });

  it('rejects huge string lengths (content, parent name, parent key, XML names)', () => {
    const content = craft((e) => {
      oneClient(e, 1);
      rootItem(e, 4);
      uint(e, 2 ** 31);
      str(e, 'abc');
      noDeletes(e);
    });
    expectRejected(content, /string content needs 2147483648 bytes, only 5 remain/);
    const parentName = craft((e) => {
      oneClient(e, 1);
      byte(e, 4);
      uint(e, 1);
      uint(e, huge);
    });
    expectRejected(parentName, /parent type name needs 4294967295 bytes/);
    const xmlName = craft((e) => {
      oneClient(e, 1);
      rootItem(e, 7);
      uint(e, 3);
      uint(e, huge);
    });
    expectRejected(xmlName, /XML element name needs 4294967295 bytes/);
    const binary = craft((e) => {
      oneClient(e, 1);
      rootItem(e, 3);
      uint(e, huge);
    });
    expectRejected(binary, /binary content needs 4294967295 bytes/);
  });

  it('rejects huge JSON and Any counts, huge object/array sizes inside Any values', () => {
    const json = craft((e) => {
      oneClient(e, 1);
      rootItem(e, 2);
      uint(e, huge);
      str(e, '1');
    });
    expectRejected(json, /JSON value count 4294967295 exceeds remaining/);
    const any = craft((e) => {
      oneClient(e, 1);
      rootItem(e, 8);
      uint(e, huge);
      byte(e, 126);
    });
    expectRejected(any, /any value count 4294967295 exceeds remaining/);
    const array = craft((e) => {
      oneClient(e, 1);
      mapItem(e, 8);
      uint(e, 1);
      byte(e, 117);
      uint(e, huge);
    });
    expectRejected(array, /array length 4294967295 exceeds remaining/);
    const object = craft((e) => {
      oneClient(e, 1);
      mapItem(e, 8);
      uint(e, 1);
      byte(e, 118);
      uint(e, huge);
    });
    expectRejected(object, /object entry count 4294967295 exceeds remaining/);
  });

  it('rejects values nested deeper than maxValueDepth (Any and JSON), accepts the limit itself', () => {
    const anyNested = (levels: number) =>
      craft((e) => {
        oneClient(e, 1);
        mapItem(e, 8);
        uint(e, 1);
        for (let i = 1; i < levels; i++) {
          byte(e, 117);
          uint(e, 1);
        }
        byte(e, 126);
        noDeletes(e);
      });
    expectValid(anyNested(maxValueDepth));
    expectRejected(anyNested(100_000), /value nested deeper than 100/);
    const embed = (levels: number) =>
      craft((e) => {
        oneClient(e, 1);
        rootItem(e, 5);
        str(e, `${'['.repeat(levels)}"[[["${']'.repeat(levels)}`);
        noDeletes(e);
      });
    expectValid(embed(maxValueDepth));
    // Yjs would apply this one, then fail to ever encode the document again (stack overflow).
    expectRejected(embed(100_000), /embed nested deeper than 100/);
  });

  it('rejects malformed details Yjs would throw on', () => {
    const unknownContent = craft((e) => {
      oneClient(e, 1);
      rootItem(e, 11);
      noDeletes(e);
    });
    expectRejected(unknownContent, /unknown content ref 11/);
    const unknownType = craft((e) => {
      oneClient(e, 1);
      rootItem(e, 7);
      uint(e, 7);
      noDeletes(e);
    });
    expectRejected(unknownType, /unknown type ref 7/);
    const unknownTag = craft((e) => {
      oneClient(e, 1);
      mapItem(e, 8);
      uint(e, 1);
      byte(e, 100);
      noDeletes(e);
    });
    expectRejected(unknownTag, /unknown value tag 100/);
    const badJson = craft((e) => {
      oneClient(e, 1);
      rootItem(e, 6);
      str(e, 'bold');
      str(e, '{not json');
      noDeletes(e);
    });
    expectRejected(badJson, /format value is not valid JSON/);
    const badUtf8 = craft((e) => {
      oneClient(e, 1);
      rootItem(e, 4);
      encoding.writeVarUint8Array(e, new Uint8Array([0xc3, 0x28]));
      noDeletes(e);
    });
    expectRejected(badUtf8, /malformed update/);
    const badParentInfo = craft((e) => {
      oneClient(e, 1);
      byte(e, 4);
      uint(e, 2);
    });
    expectRejected(badParentInfo, /parent info 2 is neither 0 nor 1/);
    const subdocOptions = craft((e) => {
      oneClient(e, 1);
      mapItem(e, 9);
      str(e, 'guid');
      byte(e, 119);
      str(e, 'x'.repeat(1000));
      noDeletes(e);
    });
    expectRejected(subdocOptions, /subdocument options are not an object/);
  });

  it('rejects trailing bytes, duplicate clients, oversized and overlong (non-canonical) numbers', () => {
    expectRejected(new Uint8Array([0, 0, 0]), /1 trailing bytes after the delete set/);
    const duplicate = craft((e) => {
      uint(e, 2);
      for (let i = 0; i < 2; i++) {
        uint(e, 1);
        uint(e, 7);
        uint(e, 0);
        byte(e, 0);
        uint(e, 1);
      }
      noDeletes(e);
    });
    expectRejected(duplicate, /client 7 appears twice/);
    // 0x80 continuation bytes make lib0's readVarUint return 0 * 128^200 = NaN.
    const overlong = new Uint8Array([1, ...new Array<number>(200).fill(0x80), 0, 0]);
    expectRejected(overlong, /not a safe integer|Integer out of Range/);
    const tooBig = new Uint8Array(defaultUpdateLimits.maxBytes + 1);
    expectRejected(tooBig, /update of 2097153 bytes exceeds 2097152/);
  });

  it('rejects the V2 repros of yjs #687 / PR #688 when fed as V1', () => {
    const v2Repros = [
      [
        0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 1, 2, 0, 0, 22, 2, 0, 0, 1, 253, 255, 255, 255, 255, 127, 0,
        0,
      ],
      [
        228, 149, 0, 0, 1, 24, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 237, 1, 190, 130, 227, 195, 28, 1, 2,
        228, 149, 0, 0, 1, 24, 0, 0, 1, 24, 0, 0, 1, 0, 1, 237, 0,
      ],
      [
        143, 1, 128, 0, 0, 0, 1, 170, 1, 0, 1, 2, 0, 0, 22, 2, 0, 229, 196, 67, 20, 231, 166, 139,
        147, 174, 181, 253, 93, 232, 38, 154, 138, 89, 0, 49, 213, 15, 18, 1, 48, 0, 0, 0,
      ],
      [
        0, 1, 35, 0, 0, 0, 1, 2, 129, 0, 0, 16, 0, 199, 220, 0, 196, 122, 128, 0, 65, 171, 234, 214,
        0, 1, 0, 0, 1, 0, 0, 132, 0, 0, 16, 255, 199, 220, 255, 0, 0, 0,
      ],
    ];
    for (const repro of v2Repros) expectRejected(new Uint8Array(repro), /.+/);
  });
});

// ---------------------------------------------------------------------------------------------
// Mutation fuzzing

type Mutation = (bytes: number[], rng: Rng) => void;

const mutations: Mutation[] = [
  (b, rng) => {
    const i = rng.int(b.length);
    b[i] = (b[i] ?? 0) ^ (1 << rng.int(8));
  },
  (b, rng) => {
    b[rng.int(b.length)] = rng.pick([0x00, 0x01, 0x7f, 0x80, 0xff, rng.int(256)]);
  },
  (b, rng) => {
    b.length = rng.int(b.length);
  },
  (b, rng) => {
    b.splice(rng.int(b.length + 1), 0, rng.int(256));
  },
  (b, rng) => {
    b.splice(rng.int(b.length), 1 + rng.int(4));
  },
  (b, rng) => {
    // A large varUint where a small number was.
    b.splice(rng.int(b.length), 1, 0xff, 0xff, 0xff, 0xff, 0x0f);
  },
  (b, rng) => {
    const start = rng.int(b.length);
    b.splice(rng.int(b.length + 1), 0, ...b.slice(start, start + 1 + rng.int(8)));
  },
  (b, rng) => {
    b.push(rng.int(256));
  },
];

function mutate(update: Uint8Array, rng: Rng): Uint8Array {
  const bytes = Array.from(update);
  const count = 1 + rng.int(3);
  for (let i = 0; i < count; i++) rng.pick(mutations)(bytes, rng);
  return new Uint8Array(bytes);
}

function fuzzCorpus(): Uint8Array[] {
  const corpus: Uint8Array[] = [];
  for (const seed of [11, 12]) {
    const { docs, updates } = randomSession(seed, 150, seed === 11);
    corpus.push(...updates.filter((_, i) => i % 3 === 0));
    for (const doc of docs) corpus.push(Y.encodeStateAsUpdate(doc));
  }
  return corpus;
}

describe('mutated real updates', () => {
  it('never throw or hang the validator, and what it accepts Yjs applies without hanging', async () => {
    const rng = new Rng(2024);
    const corpus = fuzzCorpus();
    const accepted: Uint8Array[][] = [];
    let slowestValidationMs = 0;
    let rejected = 0;
    for (let i = 0; i < 6000; i++) {
      const mutated = mutate(rng.pick(corpus), rng);
      const start = performance.now();
      const result = validateUpdate(mutated);
      slowestValidationMs = Math.max(slowestValidationMs, performance.now() - start);
      expect(typeof result.ok).toBe('boolean');
      // Half of them hit a doc that already holds real content, as on the server.
      if (result.ok) accepted.push(rng.chance(0.5) ? [mutated] : [rng.pick(corpus), mutated]);
      else rejected++;
    }
    expect(slowestValidationMs).toBeLessThan(HANG_MS.one);
    expect(rejected).toBeGreaterThan(0);
    expect(accepted.length).toBeGreaterThan(0);
    const outcome = await applyInWorker(accepted, 60_000);
    expect(outcome.applied + outcome.threw).toBe(accepted.length);
    expect(outcome.slowestMs).toBeLessThan(HANG_MS.applied);
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------
// Structurally valid, semantically random updates

/**
 * Random structs with small clocks that point at each other at random: everything the validator
 * checks holds, nothing Yjs checks semantically does. Shows what is left to Yjs.
 */
function randomStructuredUpdate(rng: Rng): Uint8Array {
  return craft((e) => {
    const clients = [1, 2, 3].filter(() => rng.chance(0.6));
    uint(e, clients.length);
    for (const client of clients) {
      const count = 1 + rng.int(4);
      uint(e, count);
      uint(e, client);
      uint(e, rng.int(6));
      for (let i = 0; i < count; i++) randomStruct(e, rng);
    }
    const deleteClients = rng.int(3);
    uint(e, deleteClients);
    for (let i = 0; i < deleteClients; i++) {
      uint(e, 1 + i);
      const ranges = rng.int(3);
      uint(e, ranges);
      for (let j = 0; j < ranges; j++) {
        uint(e, rng.int(12));
        uint(e, 1 + rng.int(4));
      }
    }
  });
}

function randomId(e: encoding.Encoder, rng: Rng): void {
  uint(e, 1 + rng.int(3));
  uint(e, rng.int(12));
}

function randomStruct(e: encoding.Encoder, rng: Rng): void {
  const ref = rng.int(11);
  if (ref === 0 || ref === 10) {
    byte(e, ref);
    uint(e, 1 + rng.int(3));
    return;
  }
  const origin = rng.chance(0.5);
  const rightOrigin = rng.chance(0.3);
  const parentSub = rng.chance(0.3);
  byte(e, ref | (origin ? 0x80 : 0) | (rightOrigin ? 0x40 : 0) | (parentSub ? 0x20 : 0));
  if (origin) randomId(e, rng);
  if (rightOrigin) randomId(e, rng);
  if (!origin && !rightOrigin) {
    if (rng.chance(0.7)) {
      uint(e, 1);
      str(e, rng.pick(['text', 'map', 'array', 'xml']));
    } else {
      uint(e, 0);
      randomId(e, rng);
    }
    if (parentSub) str(e, rng.pick(['a', 'b']));
  }
  randomContent(e, rng, ref);
}

function randomContent(e: encoding.Encoder, rng: Rng, ref: number): void {
  switch (ref) {
    case 1:
      uint(e, 1 + rng.int(3));
      return;
    case 2:
      uint(e, 1);
      str(e, '[1]');
      return;
    case 3:
      encoding.writeVarUint8Array(e, new Uint8Array([1, 2]));
      return;
    case 4:
      str(e, randomText(rng));
      return;
    case 5:
      str(e, '{"image":"x"}');
      return;
    case 6:
      str(e, 'bold');
      str(e, rng.chance(0.5) ? 'true' : 'null');
      return;
    case 7: {
      const typeRef = rng.int(7);
      uint(e, typeRef);
      if (typeRef === 3 || typeRef === 5) str(e, 'p');
      return;
    }
    case 8:
      uint(e, 2);
      encoding.writeAny(e, rng.int(100));
      encoding.writeAny(e, { a: [true, 'x', 2n] });
      return;
    default:
      str(e, `guid-${rng.int(3)}`);
      encoding.writeAny(e, {});
  }
}

describe('structurally valid but semantically random updates', () => {
  it('pass the validator, and Yjs applies them (or throws) without hanging', async () => {
    const rng = new Rng(99);
    const batches: Uint8Array[][] = [];
    for (let i = 0; i < 3000; i++) {
      const batch = Array.from({ length: 1 + rng.int(4) }, () => randomStructuredUpdate(rng));
      for (const update of batch) expect(validateUpdate(update)).toMatchObject({ ok: true });
      batches.push(batch);
    }
    const outcome = await applyInWorker(batches, 60_000);
    expect(outcome.applied + outcome.threw).toBe(batches.length);
    expect(outcome.slowestMs).toBeLessThan(HANG_MS.applied);
  }, 120_000);
});
