import type { Profile } from '../config.ts';
import type { ServerOptions } from '../servers/options.ts';
import type { ServerKind } from '../servers/process.ts';

export interface BenchContext {
  profile: Profile;
  log(message: string): void;
  /** Options every server start gets (e.g. --cpu-prof). */
  serverOptions: ServerOptions;
  /** Profile each measurement window of the servers (through the inspector) into this folder. */
  profileWindowsDir?: string;
}

/** A figure of one scenario, for both servers, with Accord ÷ reference when both exist. */
export interface Metric {
  key: string;
  label: string;
  unit: string;
  accord: number | null;
  reference: number | null;
  /** accord ÷ reference. */
  ratio: number | null;
  better: 'lower' | 'higher';
  target?: { text: string; met: boolean | null };
}

/** A correctness check of the harness run: CI asserts these, never timings. */
export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface ScenarioResult {
  id: string;
  title: string;
  params: unknown;
  metrics: Metric[];
  checks: Check[];
  notes: string[];
  /** Per-run figures (JSON), discarded runs included and marked. */
  runs: unknown[];
  discarded: number;
}

export interface RunOf<R> {
  server: ServerKind;
  alternation: number;
  data: R;
}

export interface ScenarioDefinition<R> {
  id: string;
  title: string;
  servers: readonly ServerKind[];
  /** One run on one server: starts (and stops) its own server process(es). */
  run(server: ServerKind, alternation: number, context: BenchContext): Promise<R>;
  summarize(runs: RunOf<R>[], context: BenchContext): Omit<ScenarioResult, 'id' | 'title'>;
}

export interface Scenario {
  id: string;
  title: string;
  execute(context: BenchContext): Promise<ScenarioResult>;
}

/**
 * Runs a scenario's servers one after the other, `alternations` times each, in ABBA order
 * (A B, B A, A B…) so a slow drift of the machine weighs on both alike.
 */
export function defineScenario<R>(definition: ScenarioDefinition<R>): Scenario {
  return {
    id: definition.id,
    title: definition.title,
    async execute(context) {
      const runs: RunOf<R>[] = [];
      for (let alternation = 0; alternation < context.profile.alternations; alternation++) {
        const order =
          alternation % 2 === 0 ? definition.servers : [...definition.servers].reverse();
        for (const server of order) {
          context.log(`${definition.id}: ${server}, run ${alternation + 1}`);
          const data = await definition.run(server, alternation, context);
          runs.push({ server, alternation, data });
        }
      }
      return { id: definition.id, title: definition.title, ...definition.summarize(runs, context) };
    },
  };
}

export function metric(
  key: string,
  label: string,
  unit: string,
  accord: number | null,
  reference: number | null,
  better: 'lower' | 'higher',
  target?: { text: string; met: boolean | null },
): Metric {
  const ratio =
    accord !== null && reference !== null && Number.isFinite(accord) && reference !== 0
      ? accord / reference
      : null;
  return { key, label, unit, accord, reference, ratio, better, ...(target && { target }) };
}
