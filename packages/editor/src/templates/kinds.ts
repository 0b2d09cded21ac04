import type { NewAction } from '../actions/create.ts';

/** The document templates a partnership can start from. */
export const templateKinds = ['action-plan', 'agreement', 'notes'] as const;

export type TemplateKind = (typeof templateKinds)[number];

export interface TemplateOptions {
  /** Shown in the title heading; each template has a French default. Blank counts as absent. */
  title?: string;
  /**
   * Action plan only: the actions to place under its objectives (`objective` is 1 or 2), e.g. with
   * the partnership's organisation and people ids. Absent: example actions without owners.
   */
  actions?: readonly TemplateAction[];
}

export type TemplateAction = NewAction & { objective: 1 | 2 };
