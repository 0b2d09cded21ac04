/**
 * Child process for the SIGKILL test (durability.test.ts): appends one Yjs edit per group commit
 * to an existing document, forever, and prints "<seq> <text so far>" to stdout after each
 * appendUpdates resolves: every printed line is an acknowledgement the parent then checks for
 * after killing this process at an arbitrary moment.
 *
 * Usage: node --import tsx append-until-killed.ts <db path> <document id> <FULL|NORMAL>
 */
import type * as Y from 'yjs';
import { createSqliteStore } from '../sqlite-store.ts';
import { appendText, loadDoc } from '../test-support.ts';

const [dbPath, documentId, synchronous] = process.argv.slice(2);
if (!dbPath || !documentId || (synchronous !== 'FULL' && synchronous !== 'NORMAL')) {
  throw new Error('usage: append-until-killed.ts <db path> <document id> <FULL|NORMAL>');
}

const store = createSqliteStore({ path: dbPath, synchronous });
const doc: Y.Doc = await loadDoc(store, documentId);
for (let i = 1; ; i++) {
  const update = appendText(doc, `${i},`);
  const seqs = await store.appendUpdates([{ documentId, update }]);
  process.stdout.write(`${seqs.get(documentId)} ${doc.getText('body').toString()}\n`);
}
