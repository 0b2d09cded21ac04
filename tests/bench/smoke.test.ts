import { describe, expect, it } from 'vitest';
import { runBench } from './bench.ts';
import { smokeProfile } from './config.ts';
import { scenarios } from './scenarios/index.ts';

// CI's version of `pnpm bench`: every scenario with tiny N for a few seconds, against both
// servers. It asserts that the harness ran and that every message was delivered — never a timing.
describe('pnpm bench (smoke)', () => {
  it('runs every scenario against Accord and the reference, and everything arrives', async () => {
    const report = await runBench({ profile: smokeProfile });
    expect(report.scenarios.map((s) => s.id)).toEqual(scenarios.map((s) => s.id));
    for (const scenario of report.scenarios) {
      expect(scenario.checks.length, `${scenario.id} checked nothing`).toBeGreaterThan(0);
      const failed = scenario.checks.filter((check) => !check.ok);
      expect(failed, `${scenario.id}: ${JSON.stringify(failed)}`).toEqual([]);
      expect(scenario.metrics.length, `${scenario.id} measured nothing`).toBeGreaterThan(0);
    }
  }, 300_000);
});
