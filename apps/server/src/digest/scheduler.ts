import { type DigestRunOptions, sendDigests } from './run.ts';

export interface DigestScheduler {
  /** Waits for a running round, then stops. */
  stop(): Promise<void>;
}

/**
 * Sends digests every `intervalMs` — never per comment: what arrives between two rounds goes out
 * together. Rounds never overlap (the next is scheduled when one ends), and each logs one line,
 * by counts only.
 */
export function startDigests(options: DigestRunOptions): DigestScheduler {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = sendDigests(options)
        .then(
          (r) =>
            console.log(`[digest] round: ${r.people} people, ${r.sent} sent, ${r.failed} failed`),
          (error: unknown) => console.error('[digest] round failed', error),
        )
        .finally(() => {
          running = null;
          schedule();
        });
    }, options.intervalMs);
    timer.unref();
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
