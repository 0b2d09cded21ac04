import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createDocument } from '../support/api.ts';
import { connectClient, type TestClient, waitFor, waitForStatus } from '../support/clients.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { demo, signIn } from '../support/session.ts';

const run = promisify(execFile);
const serverDir = path.resolve(import.meta.dirname, '..', '..', 'apps', 'server');
const servers: ServerProcess[] = [];
const clients: TestClient[] = [];
afterAll(async () => {
  for (const c of clients) c.destroy();
  await Promise.all(servers.map((s) => s.kill('SIGKILL')));
});

describe('backup while Accord runs, and restore', () => {
  it('copies a consistent store during writes; a server started on the copy has the text', async () => {
    const server = await startServerProcess();
    servers.push(server);
    const session = await signIn(server.url, demo.editor);
    const documentId = await createDocument(session);
    const writer = connectClient(server.wsUrl, documentId, session);
    clients.push(writer);
    await waitForStatus(writer, 'connected', (s) => s.connection === 'connected');
    writer.text.insert(0, 'Sauvegardé avant la copie.');
    await waitForStatus(writer, 'saved', (s) => s.save === 'saved');

    // Keep writing while the backup runs: the copy must still be consistent.
    const typing = setInterval(() => writer.text.insert(writer.text.length, '.'), 5);
    const destination = path.join(
      mkdtempSync(path.join(os.tmpdir(), 'accord-backup-')),
      'copy.sqlite',
    );
    try {
      const { stdout } = await run(
        process.execPath,
        ['--import', 'tsx', 'src/backup.ts', destination],
        {
          cwd: serverDir,
          env: { ...process.env, ACCORD_DATA_DIR: server.dataDir },
        },
      );
      expect(stdout).toContain(destination);
    } finally {
      clearInterval(typing);
    }

    // Restore as the README says: the copy becomes accord.sqlite of a data directory.
    const restoredDir = mkdtempSync(path.join(os.tmpdir(), 'accord-restored-'));
    mkdirSync(restoredDir, { recursive: true });
    copyFileSync(destination, path.join(restoredDir, 'accord.sqlite'));
    const restored = await startServerProcess({
      dataDir: restoredDir,
      env: { ACCORD_SEED: 'off' },
    });
    servers.push(restored);
    // Sessions are in the store too: the restored server knows this one.
    const reader = connectClient(restored.wsUrl, documentId, session);
    clients.push(reader);
    await waitFor('restored text', () =>
      reader.text.toString().startsWith('Sauvegardé avant la copie.'),
    );
  });
});
