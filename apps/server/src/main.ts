import { readConfig } from './config.ts';
import { startServer } from './server.ts';

/** Entry point: `pnpm serve` / `pnpm dev`. Prints the URL; SIGTERM stores everything first. */
const config = readConfig();
const running = await startServer(config);
console.log(`Accord listening on ${running.url}`);
if (running.demoUrl) console.log(`Demo partnership: ${running.demoUrl}`);
if (running.demoAccounts.length > 0) {
  console.log('Demo accounts (sign in with any of them):');
  for (const a of running.demoAccounts) {
    console.log(
      `  ${a.email.padEnd(22)} ${a.password}  ${a.role.padEnd(11)} ${a.name} (${a.organisation})`,
    );
  }
}
console.log(`Data directory: ${config.dataDir}`);
console.log(
  config.smtp
    ? `Mail: ${config.smtp.display} (TLS: ${config.smtp.security}), from ${config.mailFrom}; comment digests every ${config.digestIntervalMs / 60_000} min`
    : 'Mail: off (ACCORD_SMTP_URL unset): reset links are only shown to facilitators',
);

let signalled = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (signalled) return;
    signalled = true;
    console.log(`${signal}: storing every document, then exiting`);
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('shutdown failed', error);
        process.exit(1);
      },
    );
  });
}
