/** The document templates a partnership can start from. */
export const templateKinds = ['action-plan', 'agreement', 'notes'] as const;

export type TemplateKind = (typeof templateKinds)[number];

export interface TemplateOptions {
  /** Shown in the title heading; each template has a French default. Blank counts as absent. */
  title?: string;
}
