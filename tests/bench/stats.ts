import { readdirSync, readFileSync } from 'node:fs';
import { type IntervalHistogram, monitorEventLoopDelay, performance } from 'node:perf_hooks';

export interface Summary {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** Percentile by linear interpolation between closest ranks, on sorted values. */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const a = sorted[low]!;
  const b = sorted[high]!;
  return a + (b - a) * (rank - low);
}

export function summarize(values: ArrayLike<number>): Summary {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    n: sorted.length,
    p50: percentileSorted(sorted, 50),
    p90: percentileSorted(sorted, 90),
    p99: percentileSorted(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
  };
}

export function median(values: readonly number[]): number {
  return percentileSorted(Float64Array.from(values).sort(), 50);
}

/** How busy the harness itself was during a measurement window. */
export interface HarnessLoad {
  /** Event-loop delay of the harness process, ms (perf_hooks.monitorEventLoopDelay). */
  eldP50Ms: number;
  eldP99Ms: number;
  eldMaxMs: number;
  /** Harness CPU time ÷ wall time over the window (1 = one core saturated). */
  cpuShare: number;
  /** Whole machine over the window, from /proc/stat: idle share of all cores, and the kernel's
   * softirq (loopback networking) and steal shares. */
  machine: { idle: number; softirq: number; steal: number };
  /** Wall time of the window, ms. */
  wallMs: number;
  /** CPU of other user processes on the machine over the window, in cores (kernel threads, which
   * do work for the harness and server — disk flushes, networking — are not counted). */
  foreignCores: number;
}

/** CPU ticks of every user-space process except `exclude`, by pid (kernel threads skipped). */
function otherProcessTicks(exclude: ReadonlySet<number>): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || exclude.has(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Field 9 (flags): PF_KTHREAD = 0x00200000 marks kernel threads.
      if (Number(fields[6]) & 0x00200000) continue;
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended meanwhile.
    }
  }
  return ticks;
}

/** Jiffies of the whole machine: [total, idle + iowait, softirq, steal]. */
function machineTicks(): [number, number, number, number] {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line
    .split(/\s+/)
    .slice(1, 9)
    .map(Number) as [number, number, number, number, number, number, number, number];
  const total = user + nice + system + idle + iowait + irq + softirq + steal;
  return [total, idle + iowait, softirq, steal];
}

const ELD_RESOLUTION_MS = 1;

/** Event-loop delay and CPU of the harness over a window. */
export class HarnessMonitor {
  readonly #histogram: IntervalHistogram;
  readonly #startedAt: number;
  readonly #cpu: NodeJS.CpuUsage;
  readonly #machine = machineTicks();
  readonly #exclude: ReadonlySet<number>;
  readonly #others: Map<number, number>;

  /** `serverPids`: the measured server(s), whose CPU is not foreign. */
  constructor(serverPids: readonly number[] = []) {
    this.#exclude = new Set([process.pid, ...serverPids]);
    this.#others = otherProcessTicks(this.#exclude);
    this.#histogram = monitorEventLoopDelay({ resolution: ELD_RESOLUTION_MS });
    this.#histogram.enable();
    this.#startedAt = performance.now();
    this.#cpu = process.cpuUsage();
  }

  stop(): HarnessLoad {
    this.#histogram.disable();
    const cpu = process.cpuUsage(this.#cpu);
    const wallMs = performance.now() - this.#startedAt;
    // The histogram records whole timer intervals: the delay is what exceeds the resolution.
    const ms = (ns: number) => Math.max(0, ns / 1e6 - ELD_RESOLUTION_MS);
    const machine = machineTicks();
    const total = machine[0] - this.#machine[0] || 1;
    let foreignTicks = 0;
    for (const [pid, ticks] of otherProcessTicks(this.#exclude)) {
      foreignTicks += ticks - (this.#others.get(pid) ?? 0);
    }
    return {
      wallMs,
      // Clock ticks are 10 ms (CLK_TCK = 100).
      foreignCores: (foreignTicks * 10) / wallMs,
      machine: {
        idle: (machine[1] - this.#machine[1]) / total,
        softirq: (machine[2] - this.#machine[2]) / total,
        steal: (machine[3] - this.#machine[3]) / total,
      },
      eldP50Ms: ms(this.#histogram.percentile(50)),
      eldP99Ms: ms(this.#histogram.percentile(99)),
      eldMaxMs: ms(this.#histogram.max),
      cpuShare: (cpu.user + cpu.system) / 1000 / wallMs,
    };
  }
}

/**
 * A run measures the server only if the harness kept up: its event-loop delay must stay small next
 * to the latency it measured (it adds directly to every timestamp), and it must not have used a
 * whole core. Nor may other processes have competed for the two cores meanwhile. Such runs are
 * discarded (and retried), never averaged in.
 */
export function harnessVerdict(
  load: HarnessLoad,
  latencyP99Ms: number,
  limits: { eldAbsoluteMs: number; eldShareOfP99: number; cpuShare: number; foreignCores: number },
): { bound: boolean; reason: string | null } {
  const eldLimit = Math.max(limits.eldAbsoluteMs, limits.eldShareOfP99 * latencyP99Ms);
  if (load.eldP99Ms > eldLimit) {
    return {
      bound: true,
      reason: `harness event-loop delay p99 ${load.eldP99Ms.toFixed(1)} ms > ${eldLimit.toFixed(1)} ms`,
    };
  }
  if (load.cpuShare > limits.cpuShare) {
    return {
      bound: true,
      reason: `harness CPU ${(load.cpuShare * 100).toFixed(0)}% of a core > ${(limits.cpuShare * 100).toFixed(0)}%`,
    };
  }
  if (load.foreignCores > limits.foreignCores) {
    return {
      bound: true,
      reason: `other processes used ${load.foreignCores.toFixed(2)} cores of the machine meanwhile`,
    };
  }
  return { bound: false, reason: null };
}

/**
 * Waits (up to `maxWaitMs`) until no other user process has used more than `maxCores` of the
 * machine over the last second: measuring while a neighbour compiles or runs tests is wasted.
 */
export async function waitForQuietMachine(
  serverPids: readonly number[],
  options: { maxCores: number; maxWaitMs: number; log: (message: string) => void },
): Promise<boolean> {
  if (options.maxWaitMs <= 0) return true;
  const exclude = new Set([process.pid, ...serverPids]);
  const deadline = performance.now() + options.maxWaitMs;
  let logged = false;
  for (;;) {
    const before = otherProcessTicks(exclude);
    const startedAt = performance.now();
    await sleep(1_000);
    let ticks = 0;
    for (const [pid, t] of otherProcessTicks(exclude)) ticks += t - (before.get(pid) ?? 0);
    const cores = (ticks * 10) / (performance.now() - startedAt);
    if (cores <= options.maxCores) return true;
    if (performance.now() > deadline) return false;
    if (!logged) options.log(`waiting for a quiet machine (others use ${cores.toFixed(2)} cores)`);
    logged = true;
  }
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `predicate` holds or `timeoutMs` passes; returns whether it held. */
export async function until(
  predicate: () => boolean | Promise<boolean>,
  timeoutMs: number,
  everyMs = 20,
): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!(await predicate())) {
    if (performance.now() > deadline) return false;
    await sleep(everyMs);
  }
  return true;
}

export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
