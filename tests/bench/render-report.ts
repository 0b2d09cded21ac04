#!/usr/bin/env node
// Renders the tables of stored runs again, from their JSON: writes `<name>.md` beside each
// `<name>.json` given. Usage: node --import tsx bench/render-report.ts bench/results/*.json
import { readFileSync, writeFileSync } from 'node:fs';
import { type BenchReport, formatReport, markdownFileOf } from './report.ts';

for (const file of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(file, 'utf8')) as BenchReport;
  if (!report.machine || !Array.isArray(report.scenarios)) {
    console.log(`${file}: not the JSON of a run, skipped`);
    continue;
  }
  writeFileSync(markdownFileOf(file), `${formatReport(report)}\n`);
  console.log(`${file} → ${markdownFileOf(file)}`);
}
