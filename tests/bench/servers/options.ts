/** Largest websocket frame either server accepts in the benchmark (Accord's default is 2 MiB). */
export const MAX_FRAME_BYTES = 8 * 1024 * 1024;

export interface ServerOptions {
  /** Data directory (Accord); a fresh temporary one by default, removed on stop. */
  dataDir?: string;
  /** Keep a temporary data directory after stop. */
  keepDataDir?: boolean;
  /** Extra environment (e.g. ACCORD_UNLOAD_DELAY_MS). */
  env?: Record<string, string>;
  /** Extra environment for Accord only (experiments from the command line). */
  accordEnv?: Record<string, string>;
  /** Start with --inspect on loopback, to force GC and read the heap from outside. */
  inspect?: boolean;
  /** Start with --cpu-prof, writing the profile here on exit. */
  cpuProfileDir?: string;
}
