/**
 * Work a request starts but does not wait for (e.g. the mail of `POST /api/auth/forgot`, whose
 * answer must not depend on whether the account exists). Failures are logged; stopping the
 * server waits for what is still running, up to a limit.
 */
export class BackgroundTasks {
  #pending = new Set<Promise<void>>();

  run(label: string, task: () => Promise<void>): void {
    const running: Promise<void> = task()
      .catch((error: unknown) => console.error(`[${label}]`, error))
      .finally(() => this.#pending.delete(running));
    this.#pending.add(running);
  }

  /** Resolves when every task ended, or after `timeoutMs`, whichever comes first. */
  async idle(timeoutMs = 5_000): Promise<void> {
    if (this.#pending.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.#pending]),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      }),
    ]);
    clearTimeout(timer);
  }
}
