#!/usr/bin/env node
// `pnpm bench [scenario…] [options]`: Accord against the reference y-websocket server, side by
// side on this machine. See BENCHMARKS.md for what each scenario measures.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runBench, selectScenarios } from './bench.ts';
import { profiles, withOverrides } from './config.ts';
import { formatReport, markdownFileOf, writeReport } from './report.ts';
import { scenarios } from './scenarios/index.ts';

const usage = `usage: pnpm bench [scenario…] [--smoke] [--runs N] [--set path=value]… [--out file.json]
                  [--cpu-prof dir] [--profile-windows dir] [--accord-env KEY=VALUE]…

scenarios: ${scenarios.map((s, i) => `${i + 1}/${s.id}`).join(', ')} (default: all)
  --smoke          tiny N, a few seconds per scenario (what CI runs)
  --runs N         alternations per scenario (default 5)
  --set path=value override a parameter of tests/bench/config.ts, e.g. --set fanout.observers=[10,50]
  --out file       where to write the JSON (default tests/bench/results/latest.json; smoke: /tmp)
  --cpu-prof dir   start every server with --cpu-prof, profiles written to dir
  --profile-windows dir
                   profile each measurement window of the servers (V8 profiler through the
                   inspector; summarise with bench/profile-summary.ts)
  --accord-env K=V extra environment for Accord (experiments, e.g.
                   ACCORD_SQLITE_SYNCHRONOUS=NORMAL); the report names it`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    smoke: { type: 'boolean', default: false },
    runs: { type: 'string' },
    set: { type: 'string', multiple: true, default: [] },
    out: { type: 'string' },
    'cpu-prof': { type: 'string' },
    'profile-windows': { type: 'string' },
    'accord-env': { type: 'string', multiple: true, default: [] },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const base = values.smoke ? profiles.smoke! : profiles.full!;
const overrides = [...(values.set ?? [])];
if (values.runs) overrides.push(`alternations=${values.runs}`);
const accordEnv: Record<string, string> = {};
for (const pair of values['accord-env'] ?? []) {
  const eq = pair.indexOf('=');
  if (eq < 1) throw new Error(`--accord-env expects KEY=VALUE, got ${pair}`);
  accordEnv[pair.slice(0, eq)] = pair.slice(eq + 1);
  overrides.push(`(accord env ${pair})`);
}
const profile = withOverrides(
  base,
  overrides.filter((o) => !o.startsWith('(')),
);
if (values.runs || overrides.length)
  profile.name = `${base.name} (overridden: ${overrides.join(', ')})`;
try {
  selectScenarios(positionals);
} catch (error) {
  console.error((error as Error).message);
  console.error(usage);
  process.exit(2);
}

// `pnpm bench` runs in tests/: resolve paths from where the command was typed.
const cwd = process.env.INIT_CWD ?? process.cwd();
const out = path.resolve(
  cwd,
  values.out ??
    (values.smoke
      ? path.join(process.env.TMPDIR ?? '/tmp', 'accord-bench-smoke.json')
      : path.join(import.meta.dirname, 'results', 'latest.json')),
);
const cpuProfileDir = values['cpu-prof'] ? path.resolve(cwd, values['cpu-prof']) : undefined;
const profileWindowsDir = values['profile-windows']
  ? path.resolve(cwd, values['profile-windows'])
  : undefined;
const startedAt = Date.now();
const log = (message: string) =>
  console.error(`[${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${message}`);

const report = await runBench({
  profile,
  only: positionals,
  serverOptions: {
    ...(cpuProfileDir && { cpuProfileDir }),
    ...(profileWindowsDir && { inspect: true }),
    ...(Object.keys(accordEnv).length > 0 && { accordEnv }),
  },
  ...(profileWindowsDir && { profileWindowsDir }),
  log,
});
writeReport(report, out);
console.log(formatReport(report));
console.log(`JSON: ${out}\nMarkdown: ${markdownFileOf(out)}`);
const failed = report.scenarios.flatMap((s) => s.checks.filter((c) => !c.ok));
if (failed.length > 0) {
  console.error(`${failed.length} check(s) failed`);
  process.exitCode = 1;
}
