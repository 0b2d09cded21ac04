import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import WebSocket from 'ws';

/** What every benchmarked server offers the harness, whatever runs inside it. */
export interface BenchServer {
  readonly kind: ServerKind;
  readonly pid: number;
  readonly httpUrl: string;
  /** Websocket URL of one room (document). */
  syncUrl(roomId: string): string;
  /** Headers every websocket handshake carries (Accord: the harness's session cookie). */
  readonly wsHeaders: Record<string, string>;
  /** A fresh room holding the same initial content (Accord's notes template) on both servers. */
  createRoom(): Promise<string>;
  /** Rooms loaded and sockets joined, as the server itself counts them. */
  health(): Promise<{ rooms: number; connections: number }>;
  /** CPU time (user + system, all threads) the server process used so far, in ms. */
  cpuMs(): number;
  /** Resident set size now, in KiB (VmRSS). */
  rssKiB(): number;
  /** Inspector URL when started with --inspect. */
  readonly inspectorUrl: string | null;
  /** Forces a full GC through the inspector (started with --inspect) and reads memory. */
  memoryAfterGc(): Promise<MemorySample>;
  output(): string;
  /** SIGTERM (Accord stores everything first), SIGKILL after a grace period. */
  stop(): Promise<void>;
}

export type ServerKind = 'accord' | 'reference';

export interface MemorySample {
  /** VmRSS from /proc after the GC, KiB. */
  rssKiB: number;
  /** V8 heap in use after a forced full GC, KiB. */
  heapUsedKiB: number;
  /** Memory of C++ objects bound to JS (Buffers, ArrayBuffers…) after the GC, KiB. */
  externalKiB: number;
}

/** Linux clock ticks per second (`getconf CLK_TCK`); 100 on every mainstream kernel build. */
const CLOCK_TICKS = 100;

/** utime + stime of a process, in ms, from /proc/<pid>/stat (fields 14 and 15). */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may hold spaces: split after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / CLOCK_TICKS;
}

export function processRssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]);
}

export interface SpawnedServer {
  child: ChildProcess;
  pid: number;
  /** First capture group of `listening` once it appears on stdout. */
  url: string;
  output: () => string;
  inspectorUrl: string | null;
  exited: Promise<number | string>;
  stop(graceMs?: number): Promise<void>;
}

/**
 * Spawns a server as its own process (Node itself, so /proc/<pid> is the server and signals reach
 * it) and waits until stdout matches `listening`.
 */
export async function spawnServer(options: {
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  listening: RegExp;
  inspect: boolean;
  timeoutMs?: number;
}): Promise<SpawnedServer> {
  const args = options.inspect ? ['--inspect=127.0.0.1:0', ...options.args] : options.args;
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // Diagnosis: BENCH_SERVER_LOG=/path/prefix keeps each server's whole output in its own file
  // (e.g. with `--set accordEnv.NODE_OPTIONS=--trace-gc`).
  const logPrefix = process.env.BENCH_SERVER_LOG;
  const log = logPrefix ? createWriteStream(`${logPrefix}-${Date.now()}.log`) : null;
  const append = (chunk: Buffer) => {
    log?.write(chunk);
    output += chunk.toString();
    // Keep the log bounded: long runs only need the start (URLs) and the last lines.
    if (output.length > 200_000) output = output.slice(0, 20_000) + output.slice(-100_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start:\n${output}`)),
      options.timeoutMs ?? 30_000,
    );
    const poll = setInterval(() => {
      const match = options.listening.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      clearInterval(poll);
      resolve(match[1]);
    }, 10);
    void exited.then((code) => {
      clearTimeout(timer);
      clearInterval(poll);
      reject(new Error(`server exited (${code}) before listening:\n${output}`));
    });
  });
  const inspectorUrl = /Debugger listening on (ws:\/\/\S+)/.exec(output)?.[1] ?? null;
  if (options.inspect && !inspectorUrl) throw new Error(`no inspector URL in:\n${output}`);
  const pid = child.pid;
  if (pid === undefined) throw new Error('spawned server has no pid');
  return {
    child,
    pid,
    url,
    output: () => output,
    inspectorUrl,
    exited,
    async stop(graceMs = 20_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A Chrome DevTools Protocol session with another Node process (started with --inspect). */
export class InspectorSession {
  #nextId = 1;
  readonly #pending = new Map<number, (result: unknown) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { id?: number; result?: unknown };
      if (message.id === undefined) return;
      this.#pending.get(message.id)?.(message.result);
      this.#pending.delete(message.id);
    });
  }

  static async open(url: string): Promise<InspectorSession> {
    const socket = new WebSocket(url, { perMessageDeflate: false, maxPayload: 2 ** 30 });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new InspectorSession(socket);
  }

  call<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    return new Promise<T>((resolve) => {
      const id = this.#nextId++;
      this.#pending.set(id, (result) => resolve(result as T));
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  close(): void {
    this.socket.close();
  }
}

/**
 * Forces a full garbage collection in another Node process through its inspector, then reads its
 * memory. Works for a process we may not modify (Accord): no endpoint or flag of its own needed.
 */
export async function memoryAfterGcViaInspector(
  inspectorUrl: string,
  pid: number,
): Promise<MemorySample> {
  const session = await InspectorSession.open(inspectorUrl);
  try {
    // Twice: the first pass can leave weakly held and finalizable objects for the second.
    await session.call('HeapProfiler.collectGarbage');
    await session.call('HeapProfiler.collectGarbage');
    const result = await session.call<{ result?: { value?: string } }>('Runtime.evaluate', {
      expression: 'JSON.stringify(process.memoryUsage())',
      returnByValue: true,
    });
    const usage = JSON.parse(result.result?.value ?? '{}') as {
      heapUsed?: number;
      external?: number;
    };
    return {
      rssKiB: processRssKiB(pid),
      heapUsedKiB: (usage.heapUsed ?? Number.NaN) / 1024,
      externalKiB: (usage.external ?? Number.NaN) / 1024,
    };
  } finally {
    session.close();
  }
}

/** Starts V8's CPU profiler in another process; `stop` returns the .cpuprofile JSON. */
export async function startCpuProfile(inspectorUrl: string): Promise<{ stop(): Promise<string> }> {
  const session = await InspectorSession.open(inspectorUrl);
  await session.call('Profiler.enable');
  await session.call('Profiler.setSamplingInterval', { interval: 250 });
  await session.call('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.call<{ profile: unknown }>('Profiler.stop');
      session.close();
      return JSON.stringify(profile);
    },
  };
}

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) {
    throw new Error(`${init?.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as T;
}
