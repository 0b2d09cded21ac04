import { createHash } from 'node:crypto';
import type { DocumentRecord, PersonRecord } from '@accord/domain';
import { currentDecisions } from '@accord/domain';
import {
  buildManifest,
  type ExportMeta,
  exportFileName,
  MANIFEST_NAME,
  manifestBytes,
  type SignatureBlock,
  writeBundle,
} from '@accord/export/files';
import { type AgreementExportFile, isStoreError, type Store } from '@accord/store';
import type { ExportRenderer } from '../exports/renderer.ts';
import { storedRenderJob } from '../exports/stored-job.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Renders a final agreement's exports once, from the stored (locked) state, and stores each file
 * with its SHA-256: PDF (signature page, `accord-manifest.json` attached), the zip bundle (PDF and
 * manifest), the manifest itself, DOCX, HTML and Markdown. The same render twice differs in
 * dates and ids, which is why they are made once and kept: the stored hashes are what the
 * verification endpoint compares with. Does nothing when they already exist. The formats render
 * through `renderer` (the export worker on a server), never on the thread that serves the rooms.
 */
export async function renderFinalExports(
  store: Store,
  renderer: ExportRenderer,
  document: DocumentRecord,
): Promise<boolean> {
  if ((await store.listAgreementExports(document.id)).length > 0) return false;
  const agreement = await store.getAgreement(document.id);
  if (agreement?.state !== 'final') return false;
  const version = await store.getAgreementVersion(document.id, agreement.version);
  if (!version) return false;

  const [participations, decisions] = await Promise.all([
    store.listParticipations(document.partnershipId),
    store.listAgreementDecisions(document.id),
  ]);
  const inForce = currentDecisions(decisions, version.version);
  const people = new Map<string, PersonRecord | undefined>();
  for (const d of inForce.values()) people.set(d.personId, await store.getPerson(d.personId));
  const signature: SignatureBlock = {
    version: version.version,
    fingerprint: version.fingerprint,
    canonicalVersion: version.canonicalVersion,
    finalisedAt: version.endedAt ?? agreement.updatedAt,
    parties: version.parties.map((organisationId) => {
      const decision = inForce.get(organisationId);
      return {
        organisationId,
        organisationName:
          participations.find((p) => p.organisationId === organisationId)?.organisation.name ?? '',
        approvals: decision
          ? [
              {
                personId: decision.personId,
                personName: people.get(decision.personId)?.name ?? null,
                role: decision.role,
                approvedAt: decision.at,
                fingerprint: decision.fingerprint,
              },
            ]
          : [],
      };
    }),
  };
  const meta: ExportMeta = {
    documentId: document.id,
    title: document.title,
    language: document.language,
    status: 'final',
    generatedAt: new Date(),
    signature,
  };
  const createdAt = meta.generatedAt.getTime();
  const file = (name: string, mediaType: string, bytes: Uint8Array): AgreementExportFile => ({
    documentId: document.id,
    name,
    mediaType,
    sha256: sha256(bytes),
    size: bytes.byteLength,
    createdAt,
    bytes,
  });
  const rendered = await Promise.all(
    (['pdf', 'docx', 'html', 'md'] as const).map(async (format) =>
      renderer.render(await storedRenderJob(store, document, format, meta)),
    ),
  );
  const pdf = rendered[0]!;
  const bundle = writeBundle({ pdf: pdf.bytes, pdfName: pdf.fileName, meta });
  const files = [
    ...rendered.map((r) => file(r.fileName, r.contentType, r.bytes)),
    file(exportFileName(document.title, 'zip'), 'application/zip', bundle),
    file(MANIFEST_NAME, 'application/json', manifestBytes(buildManifest({ ...meta, signature }))),
  ];
  try {
    await store.saveAgreementExports(document.id, files);
  } catch (error) {
    // Rendered twice at once (e.g. a restart's catch-up beside the last approval): keep the first.
    if (isStoreError(error, 'already_exists')) return false;
    throw error;
  }
  return true;
}

/** At start: final agreements whose exports were never stored (a crash right after the last
 * approval) get them now. */
export async function renderMissingFinalExports(
  store: Store,
  renderer: ExportRenderer,
): Promise<void> {
  for (const partnership of await store.listPartnerships()) {
    for (const agreement of await store.listAgreements(partnership.id)) {
      if (agreement.state !== 'final') continue;
      const document = await store.getDocument(agreement.documentId);
      if (document) await renderFinalExports(store, renderer, document);
    }
  }
}
