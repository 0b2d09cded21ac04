// Test helper: runs Debian's poppler-utils on PDF bytes (the suite's PDF reader).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes `pdf` to a temporary file, runs `fn` with its path, then removes it. */
export function withPdfFile<T>(pdf: Uint8Array, fn: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'accord-pdf-'));
  try {
    const path = join(dir, 'export.pdf');
    writeFileSync(path, pdf);
    return fn(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function poppler(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8' });
}

export function pdfText(pdf: Uint8Array): string {
  return withPdfFile(pdf, (path) => poppler('pdftotext', ['-enc', 'UTF-8', path, '-']));
}

/** `pdftohtml -xml`: text fragments with their exact characters, and the outline. */
export function pdfXml(pdf: Uint8Array): string {
  return withPdfFile(pdf, (path) => poppler('pdftohtml', ['-xml', '-i', '-stdout', '-q', path]));
}

export function pdfInfo(pdf: Uint8Array, ...args: string[]): string {
  return withPdfFile(pdf, (path) => poppler('pdfinfo', [...args, path]));
}

export function pdfAttachments(pdf: Uint8Array): { list: string; files: Map<string, string> } {
  return withPdfFile(pdf, (path, dir) => {
    const list = poppler('pdfdetach', ['-list', path]);
    const files = new Map<string, string>();
    const count = Number(/^(\d+) embedded files/m.exec(list)?.[1] ?? 0);
    for (let index = 1; index <= count; index++) {
      const out = join(dir, `attachment-${index}`);
      poppler('pdfdetach', ['-save', String(index), '-o', out, path]);
      const name = new RegExp(`^${index}: (.*)$`, 'm').exec(list)?.[1] ?? String(index);
      files.set(name, readFileSync(out, 'utf8'));
    }
    return { list, files };
  });
}
