import type { DocumentKind } from '../api/index.ts';
import type { CatalogKey } from '../i18n/index.ts';

export const documentKinds: readonly DocumentKind[] = ['action-plan', 'agreement', 'notes'];

const kindKeys = {
  'action-plan': 'documents.templates.actionPlan',
  agreement: 'documents.templates.agreement',
  notes: 'documents.templates.notes',
} as const satisfies Record<DocumentKind, CatalogKey>;

const descriptionKeys = {
  'action-plan': 'documents.templateDescriptions.actionPlan',
  agreement: 'documents.templateDescriptions.agreement',
  notes: 'documents.templateDescriptions.notes',
} as const satisfies Record<DocumentKind, CatalogKey>;

export function kindLabelKey(kind: DocumentKind) {
  return kindKeys[kind];
}

export function kindDescriptionKey(kind: DocumentKind) {
  return descriptionKeys[kind];
}
