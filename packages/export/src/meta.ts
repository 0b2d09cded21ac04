import type { Language } from '@accord/domain';

/**
 * Everything a renderer needs besides the tree. Exports use the document's language (labels,
 * `lang`, hyphenation-free typography), never the viewer's.
 */
export interface ExportMeta {
  documentId: string;
  title: string;
  language: Language;
  /**
   * `final` only for an agreement every party has approved. Anything else is a draft and carries a
   * visible "Projet — non signé" mark in every format.
   */
  status: 'draft' | 'final';
  /** When the export was produced (shown in the PDF metadata and the manifest). */
  generatedAt: Date;
  /** The proof of sign-off; given for a final agreement (the signature page and the manifest). */
  signature?: SignatureBlock;
}

/** One party's approval of the exact text, as recorded at sign-off. */
export interface Approval {
  personId: string;
  /** Null when the person's data was erased since: the signature page shows a neutral label. */
  personName: string | null;
  /** Their role in the partnership when they approved (`facilitator`, `editor`, …). */
  role: string;
  /** Epoch milliseconds. */
  approvedAt: number;
  /** The fingerprint approved, lower-case hex SHA-256; equal to the block's fingerprint. */
  fingerprint: string;
}

export interface SignatureParty {
  organisationId: string;
  organisationName: string;
  approvals: Approval[];
}

/**
 * The sign-off of a final agreement, passed by the lifecycle code. Renderers print it as a
 * signature page; `buildManifest` turns it into `accord-manifest.json`.
 */
export interface SignatureBlock {
  /** The agreement's version number (each return to review starts a new version). */
  version: number;
  /** SHA-256 of the canonical form, lower-case hex (64 characters). */
  fingerprint: string;
  /** Version of the canonical form the fingerprint was computed over. */
  canonicalVersion: number;
  /** When the agreement became final, epoch milliseconds. */
  finalisedAt: number;
  parties: SignatureParty[];
}
