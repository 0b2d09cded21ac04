import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store.ts';
import { createSqliteStore } from './sqlite-store.ts';
import {
  appendText,
  loadDoc,
  loadText,
  makeTempDir,
  membership,
  organisation,
  participation,
  person,
  seedDocument,
} from './test-support.ts';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
const opened: Store[] = [];

/** Every store a test opens is closed after it, even when an assertion fails. */
function open(dbPath: string, synchronous?: 'FULL' | 'NORMAL'): Store {
  const store = createSqliteStore(synchronous ? { path: dbPath, synchronous } : { path: dbPath });
  opened.push(store);
  return store;
}

beforeEach(() => {
  temp = makeTempDir();
  file = path.join(temp.dir, 'accord.db');
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
  temp.remove();
});

describe('close and reopen', () => {
  it('keeps metadata, snapshots and the log', async () => {
    const store = open(file);
    await seedDocument(store, 'd1', 'Objectifs: ');
    await store.createOrganisation(organisation('city'));
    await store.addParticipation(participation('p1', 'city'));
    await store.createPerson(person('ana', 'city'), 'hash-ana');
    await store.addMembership(membership('p1', 'ana', { role: 'facilitator' }));
    await store.appendAudit('partnership:p1', () => ({
      chain: 'partnership:p1',
      seq: 1,
      at: 1,
      actorId: 'ana',
      action: 'partnership.create',
      data: {},
      prevHash: '',
      hash: 'h1',
    }));
    const client = await loadDoc(store, 'd1');
    await store.appendUpdates([
      { documentId: 'd1', update: appendText(client, 'moins de gaspillage') },
    ]);
    const body = await store.loadBody('d1');
    await store.close();

    const reopened = open(file, 'NORMAL');
    expect((await reopened.getDocument('d1'))?.title).toBe('Plan d1');
    expect(await reopened.listMembers('p1')).toEqual([
      { ...membership('p1', 'ana', { role: 'facilitator' }), person: person('ana', 'city') },
    ]);
    expect(await reopened.getPasswordHash('ana')).toBe('hash-ana');
    expect((await reopened.listAudit('partnership:p1')).map((e) => e.hash)).toEqual(['h1']);
    expect(await reopened.loadBody('d1')).toEqual(body);
    expect(await loadText(reopened, 'd1')).toBe('Objectifs: moins de gaspillage');
  });
});

describe('backup', () => {
  it('copies a consistent store while the original keeps accepting writes', async () => {
    // NORMAL: this is about consistency, not power loss, and 200 fsyncs only slow the test.
    const store = open(file, 'NORMAL');
    await seedDocument(store, 'd1', 'Plan: ');
    const client = await loadDoc(store, 'd1');
    // ~200 pages: better-sqlite3 copies 100 pages per event-loop turn, so writes land in between.
    for (let i = 0; i < 200; i++) {
      const update = appendText(client, `${i}${'.'.repeat(4000)};`);
      await store.appendUpdates([{ documentId: 'd1', update }]);
    }
    const textBeforeBackup = client.getText('body').toString();
    const copyPath = path.join(temp.dir, 'backups', 'copy.db');
    let copied = false;
    const copying = store.backup(copyPath).then(() => {
      copied = true;
    });
    let writesDuringBackup = 0;
    while (!copied) {
      await store.appendUpdates([{ documentId: 'd1', update: appendText(client, 'during;') }]);
      writesDuringBackup++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    await copying;
    expect(writesDuringBackup).toBeGreaterThan(1);
    const lastBeforeCopyEnded = (await store.loadBody('d1')).lastSeq;
    const after = await store.appendUpdates([
      { documentId: 'd1', update: appendText(client, 'after;') },
    ]);
    expect(after.get('d1')).toBe(lastBeforeCopyEnded + 1);

    const copy = open(copyPath);
    expect(await copy.listPartnerships()).toEqual(await store.listPartnerships());
    const copyBody = await copy.loadBody('d1');
    expect(copyBody.lastSeq).toBeGreaterThanOrEqual(200);
    expect(copyBody.lastSeq).toBeLessThan(after.get('d1')!);
    // The copy holds a prefix of the original's log, row for row (compared as bytes: deep
    // equality over ~1 MB of Uint8Array elements takes seconds).
    const original = (await store.loadBody('d1')).updates.slice(0, copyBody.updates.length);
    expect(copyBody.updates.map((row) => Buffer.from(row).toString('base64'))).toEqual(
      original.map((row) => Buffer.from(row).toString('base64')),
    );
    const copiedText = (await loadDoc(copy, 'd1')).getText('body').toString();
    expect(copiedText.startsWith(textBeforeBackup)).toBe(true);
    expect(copiedText).not.toContain('after;');
    // The copy is a working store in its own right.
    await copy.appendUpdates([{ documentId: 'd1', update: new Uint8Array([0, 0]) }]);
    // Only the finished copy is left, under its own name.
    expect(
      fs.readdirSync(path.dirname(copyPath)).filter((name) => name.includes('.partial-')),
    ).toEqual([]);
  });

  it('finishes while another connection keeps writing to the same file', async () => {
    // Stands for `pnpm backup` in its own process while the server writes: without care, each
    // write from the other connection restarts SQLite's copy, forever on a busy server.
    const server = open(file, 'NORMAL');
    await seedDocument(server, 'd1', 'Plan: ');
    const client = await loadDoc(server, 'd1');
    for (let i = 0; i < 200; i++) {
      const update = appendText(client, `${i}${'.'.repeat(4000)};`);
      await server.appendUpdates([{ documentId: 'd1', update }]);
    }
    const backupProcess = open(file);
    const copyPath = path.join(temp.dir, 'copy.db');
    let copied = false;
    const copying = backupProcess.backup(copyPath).then(() => {
      copied = true;
    });
    let writes = 0;
    while (!copied && writes < 1_000) {
      await server.appendUpdates([{ documentId: 'd1', update: appendText(client, 'w;') }]);
      writes++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    await copying;
    expect(copied).toBe(true);
    expect(writes).toBeLessThan(1_000);
    const copyText = (await loadDoc(open(copyPath), 'd1')).getText('body').toString();
    expect(client.getText('body').toString().startsWith(copyText)).toBe(true);
    expect(copyText.length).toBeGreaterThan(200 * 4000);
  });

  it('refuses to overwrite an existing file', async () => {
    const store = open(file);
    const copyPath = path.join(temp.dir, 'copy.db');
    fs.writeFileSync(copyPath, 'precious');
    await expect(store.backup(copyPath)).rejects.toThrow(/copy\.db already exists/);
    expect(fs.readFileSync(copyPath, 'utf8')).toBe('precious');
  });

  it('lets a running backup finish before closing', async () => {
    const store = open(file);
    await seedDocument(store, 'd1', 'x');
    const copyPath = path.join(temp.dir, 'copy.db');
    const copying = store.backup(copyPath);
    await store.close();
    await copying;
    expect(await open(copyPath).getDocument('d1')).toBeDefined();
  });
});

describe('a process killed with SIGKILL', () => {
  const script = fileURLToPath(new URL('./testdata/append-until-killed.ts', import.meta.url));
  const packageDir = fileURLToPath(new URL('../..', import.meta.url));

  /** Runs the child until it has acknowledged `acks` commits, kills it, returns the last ack. */
  function appendThenKill(synchronous: 'FULL' | 'NORMAL', acks: number): Promise<string> {
    return new Promise((resolve, reject) => {
      // cwd is the package, so `--import tsx` resolves this package's tsx.
      const child = spawn(process.execPath, ['--import', 'tsx', script, file, 'd1', synchronous], {
        cwd: packageDir,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      let lastAck = '';
      let seen = 0;
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const lines = stdout.split('\n');
        stdout = lines.pop() ?? '';
        for (const line of lines) {
          seen++;
          lastAck = line;
          // Killed while it keeps committing: the kill lands at an arbitrary point.
          if (seen === acks) child.kill('SIGKILL');
        }
      });
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        if (signal === 'SIGKILL' && seen >= acks) resolve(lastAck);
        else reject(new Error(`child exited with ${code ?? signal} after ${seen} acks: ${stderr}`));
      });
    });
  }

  it.each(['FULL', 'NORMAL'] as const)(
    'keeps every update it acknowledged (synchronous = %s)',
    async (synchronous) => {
      const setup = open(file);
      await seedDocument(setup, 'd1', 'Start:');
      await setup.close();

      const lastAck = await appendThenKill(synchronous, 40);
      const [seq, ...text] = lastAck.split(' ');
      const ackedSeq = Number(seq);
      const ackedText = text.join(' ');
      expect(ackedSeq).toBeGreaterThanOrEqual(40);

      const reopened = open(file);
      const body = await reopened.loadBody('d1');
      expect(body.lastSeq).toBeGreaterThanOrEqual(ackedSeq);
      const reloaded = (await loadDoc(reopened, 'd1')).getText('body').toString();
      expect(reloaded.startsWith(ackedText)).toBe(true);
      // The reopened store carries on numbering after whatever the child committed last.
      const next = await reopened.appendUpdates([
        { documentId: 'd1', update: new Uint8Array([0, 0]) },
      ]);
      expect(next.get('d1')).toBe(body.lastSeq + 1);
    },
  );
});
