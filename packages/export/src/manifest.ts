import type { ExportMeta, SignatureBlock } from './meta.ts';

/** The attachment's name, inside the PDF and beside it in the bundle. */
export const MANIFEST_NAME = 'accord-manifest.json';

/**
 * `accord-manifest.json`: what was signed and by whom, so anyone can check a final agreement's
 * fingerprint against the text. Versioned by `formatVersion`; times are ISO 8601 UTC.
 */
export interface AccordManifest {
  format: 'accord-manifest';
  formatVersion: 1;
  document: { id: string; title: string; language: string; version: number };
  fingerprint: {
    algorithm: 'SHA-256';
    /** Version of Accord's canonical form the hash was computed over. */
    canonicalVersion: number;
    value: string;
  };
  finalisedAt: string;
  approvals: {
    organisationId: string;
    organisationName: string;
    personId: string;
    personName: string | null;
    role: string;
    approvedAt: string;
    fingerprint: string;
  }[];
  generatedAt: string;
  generator: 'Accord';
}

const iso = (epochMs: number | Date) => new Date(epochMs).toISOString();

export function buildManifest(meta: ExportMeta & { signature: SignatureBlock }): AccordManifest {
  const { signature } = meta;
  return {
    format: 'accord-manifest',
    formatVersion: 1,
    document: {
      id: meta.documentId,
      title: meta.title,
      language: meta.language,
      version: signature.version,
    },
    fingerprint: {
      algorithm: 'SHA-256',
      canonicalVersion: signature.canonicalVersion,
      value: signature.fingerprint,
    },
    finalisedAt: iso(signature.finalisedAt),
    approvals: signature.parties.flatMap((party) =>
      party.approvals.map((approval) => ({
        organisationId: party.organisationId,
        organisationName: party.organisationName,
        personId: approval.personId,
        personName: approval.personName,
        role: approval.role,
        approvedAt: iso(approval.approvedAt),
        fingerprint: approval.fingerprint,
      })),
    ),
    generatedAt: iso(meta.generatedAt),
    generator: 'Accord',
  };
}

/** The manifest file's bytes: UTF-8 JSON, two-space indented, ending with a newline. */
export function manifestBytes(manifest: AccordManifest): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
}

export function hasSignature(meta: ExportMeta): meta is ExportMeta & { signature: SignatureBlock } {
  return meta.signature !== undefined;
}
