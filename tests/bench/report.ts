import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Profile } from './config.ts';
import type { Metric, ScenarioResult } from './scenarios/types.ts';

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  platform: string;
  commit: string | null;
  date: string;
}

export interface BenchReport {
  machine: Machine;
  profile: Profile;
  durationS: number;
  scenarios: ScenarioResult[];
}

export function describeMachine(): Machine {
  // A benchmark of an exported tree (no .git) names its commit through the environment.
  let commit: string | null = process.env.ACCORD_BENCH_COMMIT ?? null;
  if (!commit)
    try {
      commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
        cwd: import.meta.dirname,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    } catch {
      commit = null;
    }
  return {
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    commit,
    date: new Date().toISOString(),
  };
}

export function formatNumber(value: number | null, unit = ''): string {
  if (value === null || Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  const text = value.toLocaleString('en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  });
  return unit ? `${text} ${unit}` : text;
}

function ratioText(metric: Metric): string {
  return metric.ratio === null ? '—' : `${formatNumber(metric.ratio)}×`;
}

function targetText(metric: Metric): string {
  if (!metric.target) return '';
  const verdict = metric.target.met === null ? 'n/a' : metric.target.met ? 'met' : 'MISSED';
  return `${metric.target.text} ${verdict}`;
}

/** A Markdown table per scenario, for the terminal and for BENCHMARKS.md alike. */
export function formatReport(report: BenchReport): string {
  const lines: string[] = [];
  const m = report.machine;
  lines.push(
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}; commit ${m.commit ?? '?'}; ${m.date}`,
    `Profile: ${report.profile.name}, ${report.profile.alternations} alternations per scenario; ${Math.round(report.durationS)} s in all.`,
    '',
  );
  for (const scenario of report.scenarios) {
    lines.push(`### ${scenario.title}`, '');
    lines.push('| metric | Accord | reference | Accord ÷ ref | target |');
    lines.push('| --- | ---: | ---: | ---: | --- |');
    for (const metric of scenario.metrics) {
      lines.push(
        `| ${metric.label} | ${formatNumber(metric.accord, metric.unit)} | ${formatNumber(metric.reference, metric.unit)} | ${ratioText(metric)} | ${targetText(metric)} |`,
      );
    }
    lines.push('');
    const failed = scenario.checks.filter((c) => !c.ok);
    lines.push(
      `Checks: ${scenario.checks.length - failed.length}/${scenario.checks.length} passed` +
        (scenario.discarded ? `; ${scenario.discarded} harness-bound run(s) discarded` : ''),
    );
    for (const check of failed) lines.push(`- FAILED ${check.name}: ${check.detail}`);
    for (const note of scenario.notes) lines.push(`- ${note}`);
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * Writes the JSON of a run and, beside it (same name, `.md`), its tables: the Markdown is always
 * the rendering of that JSON, never a copy kept by hand.
 */
export function writeReport(report: BenchReport, file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(markdownFileOf(file), `${formatReport(report)}\n`);
}

export function markdownFileOf(jsonFile: string): string {
  return jsonFile.replace(/(\.json)?$/, '.md');
}
