import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

const testsDir = path.resolve(import.meta.dirname, '..');

/** One message the SMTP sink accepted: envelope, headers and decoded bodies. */
export interface ReceivedMail {
  mailFrom: string | null;
  rcptTo: string[];
  /** Whether the SMTP session was encrypted (STARTTLS). */
  secure: boolean;
  from: string | null;
  to: string | null;
  subject: string | null;
  text: string | null;
  html: string | null;
}

export interface SmtpProcess {
  /** `smtp://127.0.0.1:<port>`, for ACCORD_SMTP_URL. */
  url: string;
  /** Every message received so far, oldest first. */
  mails: ReceivedMail[];
  /** The first message (already received or still to come) to `address`, after `since`. */
  waitForMail(
    address: string,
    options?: { since?: number; timeoutMs?: number },
  ): Promise<ReceivedMail>;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts `smtp-sink.ts` as its own process and waits until it listens. */
export async function startSmtpProcess(): Promise<SmtpProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'smtp-sink.ts')],
    { cwd: testsDir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const mails: ReceivedMail[] = [];
  const listeners = new Set<() => void>();
  let output = '';
  let buffered = '';
  let port: number | null = null;
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    buffered += chunk.toString();
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      newline = buffered.indexOf('\n');
      const parsed = JSON.parse(line) as ReceivedMail | { listening: number };
      if ('listening' in parsed) port = parsed.listening;
      else mails.push(parsed);
      for (const listener of listeners) listener();
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`SMTP sink did not start:\n${output}`)),
      30_000,
    );
    const check = () => {
      if (port === null) return;
      clearTimeout(timer);
      listeners.delete(check);
      resolve();
    };
    listeners.add(check);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`SMTP sink exited before listening:\n${output}`));
    });
  });

  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    output: () => output,
    waitForMail(address, { since = 0, timeoutMs = 10_000 } = {}) {
      const find = () => mails.slice(since).find((m) => m.rcptTo.includes(address));
      return new Promise((resolve, reject) => {
        const found = find();
        if (found) return resolve(found);
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no mail to ${address} within ${timeoutMs} ms`));
        }, timeoutMs);
        const check = () => {
          const mail = find();
          if (!mail) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve(mail);
        };
        listeners.add(check);
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A TCP port free on loopback right now (for a server whose URL must be known before it starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
