import type { Language } from '@accord/domain';
import { readDocumentState } from '@accord/editor';
import { type ExportNames, exportTreeFromLexical } from './tree/from-lexical.ts';
import type { ExportTree } from './tree/types.ts';

/**
 * The export tree of a stored document state (a Yjs update: snapshot and log merged), read
 * through packages/editor's headless bridge with the one shared node list — so nothing the
 * browser shows is dropped. Throws if `state` is not a valid Yjs update.
 */
export function readExportTree(
  state: Uint8Array,
  options: { language: Language; names?: ExportNames },
): ExportTree {
  return exportTreeFromLexical(readDocumentState(state).json, options);
}
