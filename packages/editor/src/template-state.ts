import { $getRoot, type LexicalNode } from 'lexical';
import { Doc, encodeStateAsUpdate } from 'yjs';
import { bindHeadlessEditor } from './headless.ts';
import { $actionPlanTemplate } from './templates/action-plan.ts';
import { $agreementTemplate } from './templates/agreement.ts';
import type { TemplateKind, TemplateOptions } from './templates/kinds.ts';
import { $notesTemplate } from './templates/notes.ts';

const templates: Record<TemplateKind, (options: TemplateOptions) => LexicalNode[]> = {
  'action-plan': $actionPlanTemplate,
  agreement: $agreementTemplate,
  notes: $notesTemplate,
};

/**
 * The initial Y.Doc state of a new document, as one Yjs update ready to store.
 *
 * Content is written through a headless editor bound to the Y.Doc (not by crafting Yjs types by
 * hand), so the stored layout is exactly what CollaborationPlugin writes and reads. The server
 * creates documents this way; clients never bootstrap content.
 */
export function createTemplateState(kind: TemplateKind, options: TemplateOptions = {}): Uint8Array {
  const buildTemplate = templates[kind];
  if (!buildTemplate) throw new Error(`Unknown document template: ${String(kind)}`);
  const title = options.title?.trim() || undefined;

  const doc = new Doc();
  const headless = bindHeadlessEditor(doc);
  try {
    // Discrete: commit now so the update listener writes to the Y.Doc before we encode it.
    headless.editor.update(() => $getRoot().append(...buildTemplate({ ...options, title })), {
      discrete: true,
    });
    return encodeStateAsUpdate(doc);
  } finally {
    headless.dispose();
    doc.destroy();
  }
}
