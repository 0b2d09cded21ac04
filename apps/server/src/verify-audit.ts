import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditEntry } from '@accord/domain';
import { verifyChain } from './audit.ts';

/**
 * `pnpm audit:verify <file.jsonl>`: checks an audit log downloaded from Accord, offline, and
 * points at the first broken link. Exit code 0 when the chain holds, 1 when it does not.
 */
const file = process.argv[2];
if (!file) {
  console.error('usage: pnpm audit:verify <audit.jsonl>');
  process.exit(2);
}
// pnpm runs this in apps/server: a relative path means relative to where the command was typed.
const entries = readFileSync(path.resolve(process.env.INIT_CWD ?? process.cwd(), file), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as AuditEntry);
const verdict = verifyChain(entries);
if (verdict.ok) {
  console.log(`OK: ${verdict.entries} entries, last hash ${verdict.lastHash}`);
} else {
  console.log(`BROKEN at entry ${verdict.brokenAt} of ${verdict.entries}: ${verdict.reason}`);
  process.exit(1);
}
