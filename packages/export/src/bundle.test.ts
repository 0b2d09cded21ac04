import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeBundle } from './bundle.ts';
import { asciiFileName, exportFileName } from './filenames.ts';
import { buildManifest } from './manifest.ts';
import { draftMeta, finalMeta } from './test-fixture.ts';

describe('writeBundle', () => {
  it('puts the PDF and accord-manifest.json side by side', () => {
    const pdf = new TextEncoder().encode('%PDF-1.7 stand-in');
    const zip = writeBundle({ pdf, pdfName: 'Convention.pdf', meta: finalMeta });
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['Convention.pdf', 'accord-manifest.json']);
    expect(files['Convention.pdf']).toEqual(pdf);
    const manifest = JSON.parse(strFromU8(files['accord-manifest.json'] ?? new Uint8Array()));
    expect(manifest).toEqual(buildManifest({ ...finalMeta, signature: finalMeta.signature! }));
    expect(manifest).toMatchObject({
      format: 'accord-manifest',
      formatVersion: 1,
      document: { id: draftMeta.documentId, version: 2 },
      fingerprint: { algorithm: 'SHA-256', value: finalMeta.signature?.fingerprint },
    });
    expect(manifest.approvals).toHaveLength(2);
    // Same inputs, same bytes.
    expect(writeBundle({ pdf, pdfName: 'Convention.pdf', meta: finalMeta })).toEqual(zip);
  });

  it('refuses a document without sign-off', () => {
    expect(() =>
      writeBundle({ pdf: new Uint8Array(), pdfName: 'x.pdf', meta: draftMeta }),
    ).toThrow();
  });
});

describe('file names', () => {
  it('keep the title, minus what file systems refuse', () => {
    expect(exportFileName('Convention « Ensemble » : 2026/2027', 'pdf')).toBe(
      'Convention « Ensemble » 2026 2027.pdf',
    );
    expect(exportFileName('  ../..  ', 'md')).toBe('document.md');
    expect(asciiFileName('Convention « Ensemble » élargie.pdf')).toBe(
      'Convention _ Ensemble _ elargie.pdf',
    );
  });
});
