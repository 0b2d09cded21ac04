import { createHash } from 'node:crypto';
import { type AgreementVersionRecord, FINGERPRINT_PATTERN, verifyInput } from '@accord/domain';
import type { Store } from '@accord/store';
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { apiError } from '../errors.ts';
import { readJson } from './read-json.ts';

/** What the caller learns about a final agreement: its title only if they are a member. */
async function describeAgreement(
  store: Store,
  viewerId: string,
  documentId: string,
  version: AgreementVersionRecord | undefined,
) {
  const document = await store.getDocument(documentId);
  const member = document ? await store.getMembership(document.partnershipId, viewerId) : undefined;
  return {
    documentId,
    title: member ? (document?.title ?? null) : null,
    partnershipId: member ? (document?.partnershipId ?? null) : null,
    version: version?.version ?? null,
    fingerprint: version?.fingerprint ?? null,
    finalAt: version?.endedAt ?? null,
  };
}

/**
 * `POST /api/verify`: is this file one of the exports Accord stored when an agreement became
 * final, or does this fingerprint (typed, or named by a manifest) belong to a final agreement?
 * A file is compared by its SHA-256 with the stored exports: a single changed byte is "no".
 */
export function verifyRoutes(deps: { store: Store }) {
  const { store } = deps;
  const app = new Hono<AppEnv>();

  app.post('/', async (c) => {
    const auth = c.get('auth');
    if (!auth) return apiError(c, 401, 'unauthenticated', 'Sign in first.');
    const body = await readJson(c, verifyInput);
    if (!body.ok) return body.response;
    const viewerId = auth.person.id;

    const byFingerprint = async (fingerprint: string) =>
      Promise.all(
        (await store.findFinalAgreementVersions(fingerprint)).map((v) =>
          describeAgreement(store, viewerId, v.documentId, v),
        ),
      );

    if ('fingerprint' in body.value) {
      const agreements = await byFingerprint(body.value.fingerprint);
      return c.json({
        match: agreements.length > 0 ? 'fingerprint' : 'none',
        fingerprint: body.value.fingerprint,
        agreements,
      });
    }

    const bytes = Buffer.from(body.value.file, 'base64');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const exports = await store.findAgreementExports(sha256);
    if (exports.length > 0) {
      const files = await Promise.all(
        exports.map(async (e) => {
          const agreement = await store.getAgreement(e.documentId);
          const version = agreement
            ? await store.getAgreementVersion(e.documentId, agreement.version)
            : undefined;
          return {
            name: e.name,
            mediaType: e.mediaType,
            createdAt: e.createdAt,
            agreement: await describeAgreement(store, viewerId, e.documentId, version),
          };
        }),
      );
      return c.json({ match: 'export', sha256, files });
    }
    // Not one of the stored files. If it names a fingerprint (a manifest someone edited, or a
    // text file holding one), say whose it is, but never that the file matches.
    const named = namedFingerprint(bytes);
    const agreements = named ? await byFingerprint(named) : [];
    return c.json({ match: 'none', sha256, namedFingerprint: named, agreements });
  });

  return app;
}

/** The fingerprint a manifest (`fingerprint.value`, or a `fingerprint` string) or a bare hex text
 * names, if any. */
function namedFingerprint(bytes: Buffer): string | null {
  if (bytes.byteLength > 1024 * 1024) return null;
  const text = bytes.toString('utf8').trim();
  if (FINGERPRINT_PATTERN.test(text.toLowerCase())) return text.toLowerCase();
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const value = (parsed as { fingerprint?: unknown }).fingerprint;
    const candidate =
      typeof value === 'string'
        ? value
        : typeof value === 'object' && value !== null
          ? // accord-manifest.json: `fingerprint: { algorithm, canonicalVersion, value }`.
            (value as { value?: unknown }).value
          : undefined;
    return typeof candidate === 'string' && FINGERPRINT_PATTERN.test(candidate) ? candidate : null;
  } catch {
    return null;
  }
}
