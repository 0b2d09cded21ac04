import {
  createAbsolutePositionFromRelativePosition,
  createRelativePositionFromTypeIndex,
  type Doc,
  decodeRelativePosition,
  encodeRelativePosition,
  getItem,
  Item,
  type RelativePosition,
  type XmlText,
} from 'yjs';

/**
 * Base64 of `Y.encodeRelativePosition`, as `CommentAnchor.start`/`end` store it. `assoc` 0 sticks
 * to the character at `index` (a start: text typed just before it stays out); -1 sticks to the one
 * before it (an end: text typed just after it stays out).
 */
export function encodePosition(type: XmlText, index: number, assoc: 0 | -1): string {
  const bytes = encodeRelativePosition(createRelativePositionFromTypeIndex(type, index, assoc));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Where a stored position points now, and whether the character it sticks to still exists. */
export interface DecodedPosition {
  type: unknown;
  index: number;
  /** False when Lexical deleted the character (or its block) it was made on. */
  alive: boolean;
}

export function decodePosition(base64: string, doc: Doc): DecodedPosition | null {
  let relative: RelativePosition;
  try {
    const binary = atob(base64);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    relative = decodeRelativePosition(bytes);
  } catch {
    return null;
  }
  const absolute = createAbsolutePositionFromRelativePosition(relative, doc);
  if (absolute === null) return null;
  return { type: absolute.type, index: absolute.index, alive: isAlive(relative, doc) };
}

function isAlive(relative: RelativePosition, doc: Doc): boolean {
  const id = relative.item;
  if (id === null) return true;
  try {
    const struct = getItem(doc.store, id);
    return struct instanceof Item && !struct.deleted;
  } catch {
    // Not in this replica's store (yet): nothing to stick to.
    return false;
  }
}
