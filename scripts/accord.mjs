#!/usr/bin/env node
// One entry point for a fresh machine that has only Node 20+ and npm:
//   npm start  → install, build the web app, start Accord (seeds a demo partnership)
//   npm test   → install (with Chromium and poppler-utils when root on Debian), then lint, format check, typecheck, unit + integration + browser tests
// It uses a global pnpm when present, and otherwise runs the pinned one through npx.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PNPM_VERSION = '12.4.2';
const command = process.argv[2];

function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], {
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (probe.status === 0 && probe.stdout.trim() === PNPM_VERSION) return ['pnpm'];
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

const env = { ...process.env };
// better-sqlite3 compiles from source; node-gyp must find Node's headers locally, since a fresh
// machine may not reach nodejs.org to download them.
if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h'))
  env.npm_config_nodedir = '/usr';

function run(args) {
  const [bin, ...rest] = [...pnpmCommand(), ...args];
  console.log(`\n› ${[bin, ...rest].join(' ')}`);
  const result = spawnSync(bin, rest, {
    stdio: 'inherit',
    env,
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/**
 * The test suite reads real browsers and real PDFs: Debian's Chromium and poppler-utils. On a
 * fresh Debian machine where we are root, install what is missing (as CI does); elsewhere say
 * what to install and go on, so the failing suites name what they lack.
 */
function ensureTestTools() {
  const missing = [];
  if (!env.CHROMIUM_PATH && !existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (spawnSync('pdftotext', ['-v']).error) missing.push('poppler-utils');
  if (missing.length === 0) return;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.warn(
      `\n! The tests need: ${missing.join(', ')} (apt-get install -y ${missing.join(' ')})`,
    );
    return;
  }
  console.log(`\n› apt-get install -y ${missing.join(' ')}`);
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env: aptEnv });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', ...missing], {
    stdio: 'inherit',
    env: aptEnv,
  });
  if (update.status !== 0 || install.status !== 0) process.exit(install.status || 1);
}

switch (command) {
  case 'start':
    run(['install', '--frozen-lockfile']);
    run(['build']);
    run(['serve']);
    break;
  case 'test':
    ensureTestTools();
    run(['install', '--frozen-lockfile']);
    run(['build']);
    run(['lint']);
    run(['typecheck']);
    run(['test:unit']);
    run(['test:e2e']);
    break;
  default:
    console.error('usage: node scripts/accord.mjs start|test');
    process.exit(2);
}
