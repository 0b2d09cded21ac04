/**
 * Every size, rate and duration of the benchmark, in one place. `full` is what `pnpm bench` runs
 * and BENCHMARKS.md reports; `smoke` is the CI version (tiny N, a few seconds: it proves the harness
 * works and every message arrives, never a timing). Any value can be overridden from the command
 * line with `--set path=value`, e.g. `--set fanout.observers=[10,50]`.
 */
export interface Profile {
  name: string;
  /** Each scenario runs the two servers one after the other this many times each (ABBA order). */
  alternations: number;
  /** Extra attempts of a measurement point whose run was harness-bound. */
  retries: number;
  /** Before each measurement, wait up to this long for other processes to leave the CPU. */
  quietWaitMs: number;
  /** When a run counts as harness-bound (see stats.ts harnessVerdict). */
  harness: { eldAbsoluteMs: number; eldShareOfP99: number; cpuShare: number; foreignCores: number };
  fanout: {
    observers: number[];
    charsPerSecond: number;
    warmupMs: number;
    /** Measurement window: at least this long, and long enough for minSamples per run. */
    measureMs: number;
    minSamplesPerRun: number;
  };
  everyoneTypes: {
    /** Points always measured (reported with ratios). */
    fixed: number[];
    /** Then N grows by `step` until p99 passes thresholdMs, or maxPeople. */
    step: number;
    maxPeople: number;
    thresholdMs: number;
    charsPerSecond: number;
    warmupMs: number;
    measureMs: number;
  };
  bytes: { observers: number; charsPerSecond: number; warmupMs: number; measureMs: number };
  presence: {
    clients: number;
    typists: number;
    charsPerSecond: number;
    /** Cursor moves per second of every client. */
    movesPerSecond: number;
    warmupMs: number;
    measureMs: number;
  };
  memory: {
    rooms: number;
    connectionsPerRoom: number;
    settleMs: number;
    /** After the last close: Accord unloads a room 2 s (its default) after its last client left. */
    afterCloseMs: number;
    /**
     * Connections opened and closed (in rooms of their own) before the baseline: the code every
     * connection runs is compiled once, and that one-time cost (JIT code, the compilers' scratch
     * memory left in malloc's arenas) is not counted as the cost of each idle connection.
     */
    warmUp: { rooms: number; connectionsPerRoom: number };
  };
  joinStorm: { clients: number; documentBytes: number; storms: number };
  coldLoad: {
    /** Operations of the trace to replay (259,778 = all). */
    traceOps: number;
    /** Fresh Accord processes per alternation, one cold join each. */
    coldStartsPerAlternation: number;
    /** Joins on the warm server per alternation (the reference's figure, Accord's for context). */
    warmJoinsPerAlternation: number;
    targetMs: number;
  };
  writePath: {
    documents: number;
    writersPerDocument: number;
    /** Offered updates per second per writer, stepped up while Accord keeps up. */
    ratesPerWriter: number[];
    warmupMs: number;
    measureMs: number;
    targetUpdatesPerSecond: number;
    targetAmplification: number;
  };
}

export const fullProfile: Profile = {
  name: 'full',
  alternations: 5,
  retries: 2,
  quietWaitMs: 60_000,
  harness: { eldAbsoluteMs: 10, eldShareOfP99: 0.25, cpuShare: 0.95, foreignCores: 0.35 },
  fanout: {
    observers: [10, 100, 500],
    charsPerSecond: 10,
    warmupMs: 1_000,
    // 100 keystrokes a run, 500 a point. A keystroke's samples (one per observer) arrive
    // together, so a p99 stands on keystrokes, not samples: with 40 a run (4 s), one GC pause
    // or one harness stall in 200 keystrokes made a point's p99 on its own.
    measureMs: 10_000,
    minSamplesPerRun: 400,
  },
  everyoneTypes: {
    fixed: [50, 100],
    step: 50,
    maxPeople: 500,
    thresholdMs: 50,
    charsPerSecond: 2,
    warmupMs: 1_000,
    measureMs: 3_000,
  },
  bytes: { observers: 10, charsPerSecond: 10, warmupMs: 500, measureMs: 3_000 },
  presence: {
    clients: 100,
    typists: 10,
    charsPerSecond: 2,
    movesPerSecond: 1,
    warmupMs: 1_500,
    measureMs: 4_000,
  },
  memory: {
    rooms: 200,
    connectionsPerRoom: 10,
    settleMs: 1_500,
    afterCloseMs: 4_000,
    warmUp: { rooms: 20, connectionsPerRoom: 25 },
  },
  joinStorm: { clients: 100, documentBytes: 300 * 1024, storms: 4 },
  coldLoad: {
    traceOps: 259_778,
    coldStartsPerAlternation: 2,
    warmJoinsPerAlternation: 5,
    targetMs: 100,
  },
  writePath: {
    documents: 20,
    writersPerDocument: 5,
    ratesPerWriter: [25, 50, 80, 120],
    warmupMs: 1_000,
    measureMs: 4_000,
    targetUpdatesPerSecond: 5_000,
    targetAmplification: 3,
  },
};

/** CI: every scenario with tiny N for a few seconds. Asserts delivery, never timing. */
export const smokeProfile: Profile = {
  name: 'smoke',
  alternations: 1,
  retries: 0,
  quietWaitMs: 0,
  // Smoke runs never discard: CI machines are noisy and timings are not asserted.
  harness: {
    eldAbsoluteMs: Number.POSITIVE_INFINITY,
    eldShareOfP99: 0,
    cpuShare: 10,
    foreignCores: 10,
  },
  fanout: {
    observers: [5],
    charsPerSecond: 10,
    warmupMs: 200,
    measureMs: 500,
    minSamplesPerRun: 0,
  },
  everyoneTypes: {
    fixed: [4],
    step: 4,
    maxPeople: 4,
    thresholdMs: 50,
    charsPerSecond: 4,
    warmupMs: 200,
    measureMs: 600,
  },
  bytes: { observers: 3, charsPerSecond: 10, warmupMs: 200, measureMs: 600 },
  presence: {
    clients: 6,
    typists: 2,
    charsPerSecond: 4,
    movesPerSecond: 4,
    warmupMs: 300,
    measureMs: 800,
  },
  memory: {
    rooms: 4,
    connectionsPerRoom: 3,
    settleMs: 100,
    afterCloseMs: 300,
    warmUp: { rooms: 2, connectionsPerRoom: 2 },
  },
  joinStorm: { clients: 5, documentBytes: 20 * 1024, storms: 1 },
  coldLoad: {
    traceOps: 5_000,
    coldStartsPerAlternation: 1,
    warmJoinsPerAlternation: 1,
    targetMs: 100,
  },
  writePath: {
    documents: 2,
    writersPerDocument: 2,
    ratesPerWriter: [20],
    warmupMs: 200,
    measureMs: 800,
    targetUpdatesPerSecond: 5_000,
    targetAmplification: 3,
  },
};

export const profiles: Record<string, Profile> = { full: fullProfile, smoke: smokeProfile };

/** Applies `path=value` overrides (value in JSON, or a bare number/word) to a copy of a profile. */
export function withOverrides(profile: Profile, overrides: readonly string[]): Profile {
  const copy = structuredClone(profile) as unknown as Record<string, unknown>;
  for (const override of overrides) {
    const eq = override.indexOf('=');
    if (eq < 0) throw new Error(`--set expects path=value, got ${override}`);
    const keys = override.slice(0, eq).split('.');
    const raw = override.slice(eq + 1);
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      value = raw;
    }
    let target = copy;
    for (const key of keys.slice(0, -1)) {
      const next = target[key];
      if (typeof next !== 'object' || next === null) throw new Error(`no setting ${override}`);
      target = next as Record<string, unknown>;
    }
    const last = keys.at(-1)!;
    if (!(last in target)) throw new Error(`no setting ${keys.join('.')}`);
    target[last] = value;
  }
  return copy as unknown as Profile;
}
