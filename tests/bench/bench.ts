import { performance } from 'node:perf_hooks';
import type { Profile } from './config.ts';
import { type BenchReport, describeMachine } from './report.ts';
import { scenarios } from './scenarios/index.ts';
import type { BenchContext, ScenarioResult } from './scenarios/types.ts';
import type { ServerOptions } from './servers/options.ts';

export interface BenchOptions {
  profile: Profile;
  /** Scenario ids or 1-based numbers; all when empty. */
  only?: readonly string[];
  serverOptions?: ServerOptions;
  profileWindowsDir?: string;
  log?: (message: string) => void;
  /** Called after each scenario (e.g. to save partial results). */
  onScenario?: (result: ScenarioResult) => void;
}

export function selectScenarios(only: readonly string[] = []) {
  if (only.length === 0) return [...scenarios];
  return only.map((name) => {
    const byNumber = /^\d+$/.test(name) ? scenarios[Number(name) - 1] : undefined;
    const found = byNumber ?? scenarios.find((s) => s.id === name);
    if (!found) {
      throw new Error(
        `unknown scenario ${name}; choose from ${scenarios.map((s, i) => `${i + 1}/${s.id}`).join(', ')}`,
      );
    }
    return found;
  });
}

/** Runs the chosen scenarios one after the other and returns the whole report. */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const started = performance.now();
  const context: BenchContext = {
    profile: options.profile,
    log: options.log ?? (() => {}),
    serverOptions: options.serverOptions ?? {},
    ...(options.profileWindowsDir && { profileWindowsDir: options.profileWindowsDir }),
  };
  const results: ScenarioResult[] = [];
  for (const scenario of selectScenarios(options.only)) {
    const scenarioStarted = performance.now();
    const result = await scenario.execute(context);
    context.log(
      `${scenario.id}: done in ${Math.round((performance.now() - scenarioStarted) / 1000)} s`,
    );
    results.push(result);
    options.onScenario?.(result);
  }
  return {
    machine: describeMachine(),
    profile: options.profile,
    durationS: (performance.now() - started) / 1000,
    scenarios: results,
  };
}
