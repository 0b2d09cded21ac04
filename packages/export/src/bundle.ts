import { zipSync } from 'fflate';
import { buildManifest, hasSignature, MANIFEST_NAME, manifestBytes } from './manifest.ts';
import type { ExportMeta } from './meta.ts';

/**
 * The final agreement's bundle: the PDF and `accord-manifest.json` side by side in a zip (the
 * manifest is also inside the PDF, but a zip lets anyone read it without a PDF tool). Entries
 * carry the export's time, so the bundle depends only on its inputs.
 */
export function writeBundle(input: {
  pdf: Uint8Array;
  pdfName: string;
  meta: ExportMeta;
}): Uint8Array {
  const { meta } = input;
  if (!hasSignature(meta)) throw new Error('A bundle is made only for a signed agreement.');
  const mtime = meta.generatedAt;
  return zipSync(
    {
      // A PDF's streams are already compressed: store it as is.
      [input.pdfName]: [input.pdf, { level: 0, mtime }],
      [MANIFEST_NAME]: [manifestBytes(buildManifest(meta)), { level: 6, mtime }],
    },
    { mtime },
  );
}
