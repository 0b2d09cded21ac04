import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const serverDir = path.join(repoRoot, 'apps', 'server');

export interface ServerProcess {
  url: string;
  wsUrl: string;
  demoUrl: string | null;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<number | string>;
  kill(signal?: NodeJS.Signals): Promise<number | string>;
}

/**
 * Starts the real server (`apps/server/src/main.ts`) as its own process on port 0 with a data
 * directory of its own, and waits until it prints its URL.
 */
export async function startServerProcess(
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'accord-test-'));
  // Node itself runs the server (tsx only as a loader), so signals reach the server process and
  // not a wrapper: a SIGKILL in a test is a real crash of the real server.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      ACCORD_PORT: '0',
      ACCORD_HOST: '127.0.0.1',
      ACCORD_DATA_DIR: dataDir,
      ACCORD_WEB_DIST: path.join(repoRoot, 'apps', 'web', 'dist'),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = () => {
      const match = /Accord listening on (http:\/\/\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${output}`));
    });
  });
  const demo = /Demo partnership: (http:\/\/\S+)/.exec(output);
  return {
    url,
    wsUrl: `${url.replace(/^http/, 'ws')}/sync`,
    demoUrl: demo ? demo[1]! : null,
    dataDir,
    child,
    output: () => output,
    exited,
    kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
