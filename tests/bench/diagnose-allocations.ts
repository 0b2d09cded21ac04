#!/usr/bin/env node
import { Typist } from './clients/keystrokes.ts';
// What does a server allocate per keystroke? Every allocation feeds the young generation, and each
// scavenge it triggers is a pause that lands on some keystroke's delivery: the fan-out p99 at small
// N is made of those. Starts a server with --inspect, puts one typist and N observers in a room,
// samples allocations (collected ones included) over the typing, and prints bytes per keystroke by
// allocating function. Usage:
//   node --import tsx bench/diagnose-allocations.ts [accord|reference] [observers=10] [seconds=10]
// With SAMPLE=0 it only prints the GC pauses (the sampling profiler slows the server down).
import { syncUpdateFrame } from './clients/protocol.ts';
import { closeAll, joinMany } from './clients/raw-client.ts';
import { startServer } from './servers/index.ts';
import { InspectorSession, type ServerKind } from './servers/process.ts';
import { sleep } from './stats.ts';

const kind = (process.argv[2] ?? 'accord') as ServerKind;
const observers = Number(process.argv[3] ?? 10);
const seconds = Number(process.argv[4] ?? 10);
const RATE = 10;

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

const server = await startServer(kind, { inspect: true });
try {
  const inspectorUrl = /Debugger listening on (ws:\/\/\S+)/.exec(server.output())?.[1];
  if (!inspectorUrl) throw new Error('no inspector');
  const room = await server.createRoom();
  const clients = await joinMany(
    observers + 1,
    () => `${server.syncUrl(room)}${kind === 'accord' ? '&accord=1' : ''}`,
    () => ({ headers: server.wsHeaders, answerStep1: true }),
  );
  const writer = clients[0]!;
  const typist = new Typist(424_242);
  const type = async (count: number) => {
    for (let i = 0; i < count; i++) {
      writer.send(syncUpdateFrame(typist.keystroke().update));
      await sleep(1000 / RATE);
    }
  };
  await type(RATE); // warm up: the room's document is built, the first commit is done
  const session = await InspectorSession.open(inspectorUrl);
  await session.call('HeapProfiler.enable');
  await session.call('HeapProfiler.collectGarbage');
  const sampling = process.env.SAMPLE !== '0';
  if (sampling)
    await session.call('HeapProfiler.startSampling', {
      samplingInterval: 256,
      includeObjectsCollectedByMinorGC: true,
      includeObjectsCollectedByMajorGC: true,
    });
  // Every GC pause while typing, by kind, from the server's own PerformanceObserver.
  await session.call('Runtime.evaluate', {
    expression: `globalThis.__gcPauses = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) globalThis.__gcPauses.push([e.detail?.kind ?? e.kind, e.duration]);
      }).observe({ entryTypes: ['gc'] });`,
  });
  const keystrokes = seconds * RATE;
  await type(keystrokes);
  const gc = await session.call<{ result: { value: string } }>('Runtime.evaluate', {
    expression: 'JSON.stringify(globalThis.__gcPauses)',
    returnByValue: true,
  });
  const pauses = JSON.parse(gc.result.value) as [number, number][];
  const kinds: Record<number, string> = { 1: 'minor', 4: 'major', 8: 'incremental', 16: 'weakcb' };
  const byKind = new Map<string, number[]>();
  for (const [k, ms] of pauses)
    byKind.set(kinds[k] ?? String(k), [...(byKind.get(kinds[k] ?? String(k)) ?? []), ms]);
  for (const [k, list] of byKind) {
    console.log(
      `gc ${k}: ${list.length} pauses, ${list.reduce((a, b) => a + b, 0).toFixed(1)} ms, max ${Math.max(...list).toFixed(2)} ms`,
    );
  }
  await sleep(500);
  if (sampling) {
    const { profile } = await session.call<{ profile: { head: ProfileNode } }>(
      'HeapProfiler.stopSampling',
    );
    session.close();
    const bySite = new Map<string, number>();
    let total = 0;
    const walk = (node: ProfileNode) => {
      const { functionName, url, lineNumber } = node.callFrame;
      const file = url
        .replace(/^.*\/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '')
        .replace(/^.*\/work\/[^/]+\//, '');
      const key = `${functionName || '(anonymous)'}  ${file}:${lineNumber + 1}`;
      bySite.set(key, (bySite.get(key) ?? 0) + node.selfSize);
      total += node.selfSize;
      for (const child of node.children) walk(child);
    };
    walk(profile.head);
    console.log(
      `${kind}: ${keystrokes} keystrokes to ${observers} observers: ${(total / keystrokes / 1024).toFixed(1)} KiB allocated per keystroke`,
    );
    for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
      console.log(`${(bytes / keystrokes).toFixed(0).padStart(8)} B  ${site}`);
    }
  }
  if (!sampling) session.close();
  typist.destroy();
  await closeAll(clients);
} finally {
  await server.stop();
}
