import { createTranslator, type Translator } from '@accord/i18n';
import type { ExportMeta } from './meta.ts';

/** The words an export adds around the text, in the document's language. */
export interface ExportLabels {
  t: Translator;
  /** Shown on every draft: "Projet — non signé". */
  draftMark: string | null;
  date(epochMs: number | Date): string;
  /** `label :` with French spacing, `label:` in English. */
  colon(label: string): string;
}

export function exportLabels(meta: ExportMeta): ExportLabels {
  const t = createTranslator(meta.language);
  // Dates in UTC, named as such: the file is read anywhere, and the same render must not depend
  // on the server's time zone.
  const format = new Intl.DateTimeFormat(meta.language === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  return {
    t,
    draftMark: meta.status === 'final' ? null : t('exports.draftMark'),
    date: (at) => `${format.format(at)} UTC`,
    colon: (label) => (meta.language === 'fr' ? `${label}\u00a0:` : `${label}:`),
  };
}

export interface SignatureRow {
  organisation: string;
  signatory: string;
  role: string;
  approvedAt: string;
}

/** The signature page's content, the same in every format. Null when there is no sign-off. */
export interface SignaturePage {
  title: string;
  intro: string;
  headers: [string, string, string, string];
  rows: SignatureRow[];
  fingerprintLabel: string;
  fingerprint: string;
  finalisedAt: string;
  documentId: string;
}

const roleKeys = ['facilitator', 'editor', 'commenter', 'viewer'] as const;

export function signaturePage(meta: ExportMeta, labels: ExportLabels): SignaturePage | null {
  const signature = meta.signature;
  if (!signature) return null;
  const { t } = labels;
  const roleName = (role: string) =>
    (roleKeys as readonly string[]).includes(role)
      ? t(`roles.${role as (typeof roleKeys)[number]}`)
      : role;
  return {
    title: t('exports.signatures'),
    intro: t('exports.signaturesIntro', { version: signature.version }),
    headers: [
      t('exports.organisation'),
      t('exports.signatory'),
      t('exports.role'),
      t('exports.approvedAt'),
    ],
    rows: signature.parties.flatMap((party) =>
      party.approvals.map((approval) => ({
        organisation: party.organisationName,
        signatory: approval.personName ?? t('person.erased'),
        role: roleName(approval.role),
        approvedAt: labels.date(approval.approvedAt),
      })),
    ),
    fingerprintLabel: t('exports.fingerprint'),
    fingerprint: signature.fingerprint,
    finalisedAt: t('exports.finalisedAt', { date: labels.date(signature.finalisedAt) }),
    documentId: t('exports.documentId', { id: meta.documentId }),
  };
}
