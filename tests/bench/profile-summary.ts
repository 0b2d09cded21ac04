#!/usr/bin/env node
// Summarises a V8 .cpuprofile (from `pnpm bench --cpu-prof DIR`): where the server spent its time,
// by function (self time) and by package, idle and GC separated. Usage:
//   node --import tsx bench/profile-summary.ts FILE.cpuprofile [--top 30]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    top: { type: 'string', default: '30' },
    /** Also list inclusive (self + callees) time of functions whose name or file matches. */
    inclusive: { type: 'string' },
  },
});
const top = Number(values.top);

function packageOf(url: string): string {
  if (!url) return '(native/V8)';
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pnpm) return pnpm[1]!;
  const plain = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (plain) return plain[1]!;
  const workspace = /\/(packages|apps)\/([^/]+)\//.exec(url);
  if (workspace) return `${workspace[1]}/${workspace[2]}`;
  if (url.startsWith('node:')) return 'node core';
  return url.replace(/^file:\/\//, '');
}

for (const file of positionals) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const totalUs = profile.endTime - profile.startTime;
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let idle = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idle += us;
      continue;
    }
    const short = url
      .replace(/^.*\/node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')
      .replace(/^file:\/\/.*?\/(packages|apps)\//, '$1/');
    const key = `${functionName || '(anonymous)'}  ${short}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    const pkg = functionName.startsWith('(') ? functionName : packageOf(url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  }
  const busy = totalUs - idle;
  const pct = (us: number) => `${((us / busy) * 100).toFixed(1).padStart(5)}%`;
  console.log(
    `\n${file}\n  wall ${(totalUs / 1e6).toFixed(1)} s, busy ${(busy / 1e6).toFixed(2)} s (${((busy / totalUs) * 100).toFixed(0)}%)`,
  );
  console.log('\n  by package (self time, % of busy):');
  for (const [pkg, us] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`  ${pct(us)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${pkg}`);
  }
  if (values.inclusive) {
    const pattern = new RegExp(values.inclusive);
    const parent = new Map<number, number>();
    for (const node of profile.nodes)
      for (const child of node.children ?? []) parent.set(child, node.id);
    const keyOf = (node: ProfileNode) =>
      `${node.callFrame.functionName || '(anonymous)'}  ${packageOf(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
    const inclusive = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const node = byId.get(at)!;
        const key = keyOf(node);
        if (seen.has(key) || !pattern.test(key)) continue;
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
      }
    });
    console.log(`\n  inclusive time of functions matching /${values.inclusive}/:`);
    for (const [key, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`  ${pct(us)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`);
    }
  }
  console.log(`\n  top ${top} functions (self time):`);
  for (const [key, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${pct(us)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`);
  }
}
