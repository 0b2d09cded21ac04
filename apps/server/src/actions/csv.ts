import type { Language } from '@accord/domain';
import { createTranslator } from '@accord/i18n';
import type { ActionView } from './views.ts';

/** Turns ids into names for the export; unknown ones get a label, never an empty cell. */
export interface ExportNames {
  organisation(id: string): string;
  person(id: string): string;
  action(documentId: string, actionId: string): string;
}

/**
 * A spreadsheet opening the file would run a cell that starts with one of these as a formula
 * (CSV injection); a leading apostrophe makes it text, which Excel, LibreOffice and Google Sheets
 * all show without the apostrophe. Tab and carriage return are on OWASP's list too.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field: quoted when it holds a quote, comma or line break; quotes doubled. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const statusKeys = {
  planned: 'actions.statusPlanned',
  in_progress: 'actions.statusInProgress',
  done: 'actions.statusDone',
  blocked: 'actions.statusBlocked',
  cancelled: 'actions.statusCancelled',
} as const;

/**
 * The actions as CSV: UTF-8 with a byte-order mark (so Excel reads accents right), CRLF line
 * ends, one row per action, headers in the partnership's language.
 */
export function actionsCsv(
  actions: readonly ActionView[],
  language: Language,
  names: ExportNames,
): string {
  const t = createTranslator(language);
  const header = [
    t('actions.plan'),
    t('actions.objective'),
    t('actions.action'),
    t('actions.description'),
    t('actions.lead'),
    t('actions.people'),
    t('actions.start'),
    t('actions.due'),
    t('actions.status'),
    t('actions.overdue'),
    t('actions.indicator'),
    t('actions.commitments'),
    t('actions.dependsOn'),
    t('actions.problems'),
  ];
  const rows = actions.map((action) => [
    action.document.title,
    action.objective,
    action.title,
    action.description,
    action.leadOrganisationId ? names.organisation(action.leadOrganisationId) : '',
    action.peopleIds.map(names.person).join(', '),
    action.start,
    action.due,
    t(statusKeys[action.status]),
    action.overdue ? t('actions.overdue') : '',
    action.indicator,
    action.commitments
      .map((c) => {
        const amount = c.amount === null ? '' : ` (${c.amount}${c.unit ? ` ${c.unit}` : ''})`;
        return `${names.organisation(c.organisationId)}: ${c.text}${amount}`;
      })
      .join('\n'),
    action.dependsOn.map((id) => names.action(action.documentId, id)).join('\n'),
    action.problems.map((p) => p.code).join(', '),
  ]);
  const lines = [header, ...rows].map((cells) => cells.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
