import * as decoding from 'lib0/decoding';

/**
 * Structural validation of untrusted Yjs updates (V1 encoding) before the server applies or
 * stores them.
 *
 * Yjs' own decoders trust the counts and lengths an update claims: a few bytes can claim billions
 * of structs, clients, delete ranges or clock units, and nested values deep enough to overflow the
 * stack (yjs issue #687). This module walks the V1 layout itself, with lib0's bounds-checked
 * primitives, and never allocates in proportion to a claimed count. It checks structure and
 * resource bounds only; whether the structs make sense against a document (missing origins, ...)
 * is still up to Yjs.
 *
 * V1 layout, as written by yjs `writeStateAsUpdate` / `Item.write` / `writeDeleteSet`:
 *
 * ```text
 * update       = structs deleteSet                       (nothing after it)
 * structs      = varUint numClients, clientStructs * numClients
 * clientStructs= varUint numStructs, varUint client, varUint clock, struct * numStructs
 * struct       = u8 info, then by info & 0x1f:
 *                 0  GC      varUint len
 *                 10 Skip    varUint len
 *                 else Item: [id origin if info & 0x80] [id rightOrigin if info & 0x40]
 *                            if neither origin: varUint parentInfo (1: string parentYKey, 0: id)
 *                                               [string parentSub if info & 0x20]
 *                            content (see readContent)
 * id           = varUint client, varUint clock
 * deleteSet    = varUint numClients, (varUint client, varUint numRanges, (varUint clock, varUint len) * numRanges) * numClients
 * ```
 */

/** Resource limits of one update. Exceeding any of them rejects the update. */
export interface UpdateLimits {
  /**
   * Largest update accepted, in bytes. Equal to the sync endpoint's largest websocket frame
   * (`defaultSyncLimits.maxFrameBytes`), so the validator never rejects what the transport let
   * through only for its size. Every other count is also bounded by it, since each element of the
   * V1 encoding takes at least one byte.
   * @default 2 MiB
   */
  maxBytes: number;
  /**
   * Largest number of structs (GC, Skip, Item) one update may carry; separately also the largest
   * number of delete ranges, and of clients in either section. Bounds the objects Yjs creates
   * (and the items a delete set can split) per update. Real structs average ~20 bytes (a
   * 5,000-edit document: 8,639 structs in 168 KB); an item rarely takes under ~10 (its origin
   * id alone is 4-8 bytes) and GC runs (2-3 bytes) sit between items, so a legitimate update of
   * maxBytes stays below it. Same default as the sync server's `maxUpdateStructs`.
   * @default 200_000
   */
  maxStructs: number;
  /**
   * Longest clock span a single struct (GC, Skip, deleted content) or delete range may claim.
   * A struct of length n stands for n characters/elements, so this is the largest run one
   * client could have typed and then deleted (GC'd) in one piece. Keeps clocks far from
   * `Number.MAX_SAFE_INTEGER` and bounds what later merges/diffs of the update have to span.
   * Same default as the sync server's `maxClockSpan`.
   * @default 10_000_000
   */
  maxClockSpan: number;
}

export const defaultUpdateLimits: Readonly<UpdateLimits> = Object.freeze({
  maxBytes: 2 * 1024 * 1024,
  maxStructs: 200_000,
  maxClockSpan: 10_000_000,
});

/**
 * Deepest nesting of a lib0 "any" value or a JSON string (embeds, formats, legacy JSON content).
 * Yjs parses deeper values but re-encoding them (`writeAny`, `JSON.stringify`) recurses and
 * overflows the stack, which would make a stored document impossible to encode again.
 */
export const maxValueDepth = 100;

export type ValidationResult =
  | {
      ok: true;
      /** Structs in the update (GC, Skip and Item structs). */
      structs: number;
      /** Delete ranges in the update's delete set. */
      deletes: number;
      /** No structs and no delete ranges: applying it is a no-op, storing it is pointless. */
      empty: boolean;
    }
  | { ok: false; reason: string };

/**
 * Validate the structure of a V1 Yjs update without running Yjs' decoders.
 * Never throws; a malformed or over-limit update yields `{ ok: false, reason }`.
 */
export function validateUpdate(
  update: Uint8Array,
  limits: UpdateLimits = defaultUpdateLimits,
): ValidationResult {
  if (!(update instanceof Uint8Array)) return { ok: false, reason: 'update is not a Uint8Array' };
  if (update.length > limits.maxBytes) {
    return { ok: false, reason: `update of ${update.length} bytes exceeds ${limits.maxBytes}` };
  }
  const reader: Reader = { decoder: decoding.createDecoder(update), limits };
  try {
    const structs = readStructSection(reader);
    const deletes = readDeleteSet(reader);
    const trailing = remaining(reader);
    if (trailing > 0) invalid(`${trailing} trailing bytes after the delete set`);
    return { ok: true, structs, deletes, empty: structs === 0 && deletes === 0 };
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  }
}

// ---------------------------------------------------------------------------------------------
// Errors

class InvalidUpdate extends Error {}

function invalid(reason: string): never {
  throw new InvalidUpdate(reason);
}

function reasonOf(error: unknown): string {
  if (error instanceof InvalidUpdate) return error.message;
  // lib0 ("Unexpected end of array", "Integer out of Range") or TextDecoder (invalid UTF-8).
  const message = error instanceof Error ? error.message : String(error);
  return `malformed update: ${message}`;
}

// ---------------------------------------------------------------------------------------------
// Bounds-checked primitives

interface Reader {
  decoder: decoding.Decoder;
  limits: UpdateLimits;
}

function remaining(reader: Reader): number {
  return reader.decoder.arr.length - reader.decoder.pos;
}

function requireBytes(reader: Reader, bytes: number, what: string): void {
  const left = remaining(reader);
  if (bytes > left) invalid(`${what} needs ${bytes} bytes, only ${left} remain`);
}

/** lib0's readUint8 does not check the end of the buffer; this one does. */
function readByte(reader: Reader, what: string): number {
  requireBytes(reader, 1, what);
  return decoding.readUint8(reader.decoder);
}

/**
 * lib0's readVarUint throws at the end of the buffer, but a run of 0x80 bytes can still make it
 * return a number past 2^53, Infinity or NaN; only safe integers are accepted here.
 */
function readUint(reader: Reader, what: string): number {
  const value = decoding.readVarUint(reader.decoder);
  if (!Number.isSafeInteger(value)) invalid(`${what} is not a safe integer`);
  return value;
}

/** A count of elements that each take at least `minBytes` bytes of what is left. */
function readCount(reader: Reader, what: string, minBytes: number): number {
  const count = readUint(reader, what);
  const left = remaining(reader);
  if (count * minBytes > left) {
    const each = minBytes > 1 ? ` (${minBytes} bytes each at least)` : '';
    invalid(`${what} ${count} exceeds remaining ${left} bytes${each}`);
  }
  return count;
}

/** A clock span (struct length, delete range length): positive and at most maxClockSpan. */
function checkSpan(reader: Reader, length: number, what: string): void {
  if (length === 0) invalid(`${what} is 0`);
  if (length > reader.limits.maxClockSpan) {
    invalid(`${what} ${length} exceeds maxClockSpan ${reader.limits.maxClockSpan}`);
  }
}

function endOfSpan(clock: number, length: number, what: string): number {
  const end = clock + length;
  if (end > Number.MAX_SAFE_INTEGER) invalid(`${what} ends past Number.MAX_SAFE_INTEGER`);
  return end;
}

/** Length prefix checked against the buffer, then lib0's (fatal UTF-8) readVarString. */
function readString(reader: Reader, what: string): string {
  const start = reader.decoder.pos;
  const length = readUint(reader, `${what} length`);
  requireBytes(reader, length, what);
  reader.decoder.pos = start;
  return decoding.readVarString(reader.decoder);
}

function skipBytes(reader: Reader, what: string): void {
  const length = readUint(reader, `${what} length`);
  requireBytes(reader, length, what);
  decoding.readUint8Array(reader.decoder, length);
}

/** lib0's readVarInt reads past the end without throwing; guard its first byte. */
function readInt(reader: Reader, what: string): number {
  requireBytes(reader, 1, what);
  const value = decoding.readVarInt(reader.decoder);
  if (!Number.isSafeInteger(value)) invalid(`${what} is not a safe integer`);
  return value;
}

function readId(reader: Reader, what: string): void {
  readUint(reader, `${what} client`);
  readUint(reader, `${what} clock`);
}

// ---------------------------------------------------------------------------------------------
// Struct section

/** Smallest encodings: client header (3 varUints), struct (info + 1), delete client/range (2). */
const minClientHeaderBytes = 3;
const minStructBytes = 2;
const minDeleteClientBytes = 2;
const minDeleteRangeBytes = 2;

const contentRef = {
  gc: 0,
  deleted: 1,
  json: 2,
  binary: 3,
  string: 4,
  embed: 5,
  format: 6,
  type: 7,
  any: 8,
  doc: 9,
  skip: 10,
} as const;

const infoContentMask = 0b0001_1111;
const infoHasParentSub = 0b0010_0000;
const infoHasRightOrigin = 0b0100_0000;
const infoHasOrigin = 0b1000_0000;

/** A client list longer than maxStructs cannot be real: Yjs writes a client only with structs. */
function readClientCount(reader: Reader, what: string, minBytes: number): number {
  const count = readCount(reader, what, minBytes);
  if (count > reader.limits.maxStructs) {
    invalid(`${what} ${count} exceeds maxStructs ${reader.limits.maxStructs}`);
  }
  return count;
}

function readStructSection(reader: Reader): number {
  const numClients = readClientCount(reader, 'struct client count', minClientHeaderBytes);
  const clients = new Set<number>();
  let total = 0;
  for (let i = 0; i < numClients; i++) {
    const numStructs = readCount(reader, 'struct count', minStructBytes);
    total += numStructs;
    if (total > reader.limits.maxStructs) {
      invalid(`struct count ${total} exceeds maxStructs ${reader.limits.maxStructs}`);
    }
    const client = readUint(reader, 'client id');
    if (clients.has(client)) invalid(`client ${client} appears twice in the struct section`);
    clients.add(client);
    let clock = readUint(reader, 'struct clock');
    for (let j = 0; j < numStructs; j++) {
      const length = readStruct(reader);
      clock = endOfSpan(clock, length, `struct of client ${client}`);
    }
  }
  return total;
}

/** Reads one struct and returns the clock span it covers. */
function readStruct(reader: Reader): number {
  const info = readByte(reader, 'struct info');
  const ref = info & infoContentMask;
  let length: number;
  if (ref === contentRef.gc || ref === contentRef.skip) {
    length = readUint(reader, ref === contentRef.gc ? 'GC length' : 'skip length');
  } else {
    readItemHeader(reader, info);
    length = readContent(reader, ref);
  }
  checkSpan(reader, length, 'struct length');
  return length;
}

function readItemHeader(reader: Reader, info: number): void {
  const hasOrigin = (info & infoHasOrigin) !== 0;
  const hasRightOrigin = (info & infoHasRightOrigin) !== 0;
  if (hasOrigin) readId(reader, 'origin');
  if (hasRightOrigin) readId(reader, 'right origin');
  if (hasOrigin || hasRightOrigin) return;
  // Neither origin: the parent is written explicitly (and parentSub, if flagged).
  const parentInfo = readUint(reader, 'parent info');
  if (parentInfo === 1) readString(reader, 'parent type name');
  else if (parentInfo === 0) readId(reader, 'parent');
  else invalid(`parent info ${parentInfo} is neither 0 nor 1`);
  if ((info & infoHasParentSub) !== 0) readString(reader, 'parent key');
}

/** Reads an item's content and returns its length (the clock span of the item). */
function readContent(reader: Reader, ref: number): number {
  switch (ref) {
    case contentRef.deleted:
      return readUint(reader, 'deleted length');
    case contentRef.json:
      return readJsonContent(reader);
    case contentRef.binary:
      skipBytes(reader, 'binary content');
      return 1;
    case contentRef.string:
      return readString(reader, 'string content').length;
    case contentRef.embed:
      readJsonString(reader, 'embed');
      return 1;
    case contentRef.format:
      readString(reader, 'format key');
      readJsonString(reader, 'format value');
      return 1;
    case contentRef.type:
      readTypeContent(reader);
      return 1;
    case contentRef.any:
      return readAnyContent(reader);
    case contentRef.doc:
      readDocContent(reader);
      return 1;
    default:
      return invalid(`unknown content ref ${ref}`);
  }
}

/** Legacy ContentJSON: count, then JSON strings ('undefined' stands for undefined). */
function readJsonContent(reader: Reader): number {
  const count = readCount(reader, 'JSON value count', 1);
  for (let i = 0; i < count; i++) {
    const text = readString(reader, 'JSON value');
    if (text !== 'undefined') checkJson(text, 'JSON value');
  }
  return count;
}

function readJsonString(reader: Reader, what: string): void {
  checkJson(readString(reader, what), what);
}

/** Yjs' typeRefs: YArray 0, YMap 1, YText 2, YXmlElement 3, YXmlFragment 4, YXmlHook 5, YXmlText 6. */
const typeRef = { xmlElement: 3, xmlHook: 5, last: 6 } as const;

function readTypeContent(reader: Reader): void {
  const ref = readUint(reader, 'type ref');
  if (ref > typeRef.last) invalid(`unknown type ref ${ref}`);
  if (ref === typeRef.xmlElement) readString(reader, 'XML element name');
  if (ref === typeRef.xmlHook) readString(reader, 'XML hook name');
}

function readAnyContent(reader: Reader): number {
  const count = readCount(reader, 'any value count', 1);
  for (let i = 0; i < count; i++) readAny(reader, 1);
  return count;
}

/** ContentDoc: guid, then the subdocument options, which Yjs spreads into an object. */
function readDocContent(reader: Reader): void {
  readString(reader, 'subdocument guid');
  const start = reader.decoder.pos;
  if (readByte(reader, 'subdocument options') !== anyTag.object) {
    invalid('subdocument options are not an object');
  }
  reader.decoder.pos = start;
  readAny(reader, 1);
}

// ---------------------------------------------------------------------------------------------
// lib0 "any" values (lib0/encoding writeAny)

const anyTag = {
  undefined: 127,
  null: 126,
  integer: 125,
  float32: 124,
  float64: 123,
  bigint: 122,
  false: 121,
  true: 120,
  string: 119,
  object: 118,
  array: 117,
  bytes: 116,
} as const;

function readAny(reader: Reader, depth: number): void {
  if (depth > maxValueDepth) invalid(`value nested deeper than ${maxValueDepth}`);
  const tag = readByte(reader, 'value tag');
  switch (tag) {
    case anyTag.undefined:
    case anyTag.null:
    case anyTag.false:
    case anyTag.true:
      return;
    case anyTag.integer:
      readInt(reader, 'integer value');
      return;
    case anyTag.float32:
      requireBytes(reader, 4, 'float32 value');
      decoding.readFloat32(reader.decoder);
      return;
    case anyTag.float64:
      requireBytes(reader, 8, 'float64 value');
      decoding.readFloat64(reader.decoder);
      return;
    case anyTag.bigint:
      requireBytes(reader, 8, 'bigint value');
      decoding.readBigInt64(reader.decoder);
      return;
    case anyTag.string:
      readString(reader, 'string value');
      return;
    case anyTag.object:
      readAnyObject(reader, depth);
      return;
    case anyTag.array:
      readAnyArray(reader, depth);
      return;
    case anyTag.bytes:
      skipBytes(reader, 'bytes value');
      return;
    default:
      invalid(`unknown value tag ${tag}`);
  }
}

function readAnyObject(reader: Reader, depth: number): void {
  // Each entry is at least a key length byte and a value tag.
  const count = readCount(reader, 'object entry count', 2);
  for (let i = 0; i < count; i++) {
    readString(reader, 'object key');
    readAny(reader, depth + 1);
  }
}

function readAnyArray(reader: Reader, depth: number): void {
  const count = readCount(reader, 'array length', 1);
  for (let i = 0; i < count; i++) readAny(reader, depth + 1);
}

// ---------------------------------------------------------------------------------------------
// JSON strings (embeds, formats, legacy JSON content)

/** Must parse (Yjs calls JSON.parse) and nest at most maxValueDepth deep. */
function checkJson(text: string, what: string): void {
  const depth = jsonDepth(text);
  if (depth > maxValueDepth) invalid(`${what} nested deeper than ${maxValueDepth}`);
  try {
    JSON.parse(text);
  } catch {
    invalid(`${what} is not valid JSON`);
  }
}

/** Deepest bracket nesting of a JSON text, ignoring brackets inside strings. Linear, no parse. */
function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === backslash) i++;
      else if (char === quote) inString = false;
    } else if (char === quote) {
      inString = true;
    } else if (char === openBracket || char === openBrace) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (char === closeBracket || char === closeBrace) {
      depth--;
    }
  }
  return deepest;
}

const backslash = 0x5c;
const quote = 0x22;
const openBracket = 0x5b;
const closeBracket = 0x5d;
const openBrace = 0x7b;
const closeBrace = 0x7d;

// ---------------------------------------------------------------------------------------------
// Delete set

function readDeleteSet(reader: Reader): number {
  const numClients = readClientCount(reader, 'delete set client count', minDeleteClientBytes);
  let total = 0;
  for (let i = 0; i < numClients; i++) {
    const client = readUint(reader, 'delete set client id');
    const numRanges = readCount(reader, 'delete range count', minDeleteRangeBytes);
    total += numRanges;
    if (total > reader.limits.maxStructs) {
      invalid(`delete range count ${total} exceeds maxStructs ${reader.limits.maxStructs}`);
    }
    for (let j = 0; j < numRanges; j++) readDeleteRange(reader, client);
  }
  return total;
}

function readDeleteRange(reader: Reader, client: number): void {
  const clock = readUint(reader, 'delete range clock');
  const length = readUint(reader, 'delete range length');
  checkSpan(reader, length, 'delete range length');
  endOfSpan(clock, length, `delete range of client ${client}`);
}
