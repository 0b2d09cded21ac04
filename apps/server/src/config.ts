import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration from environment variables, validated once at start. README's table lists them;
 * keep the two in step.
 */
const schema = z.object({
  ACCORD_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  ACCORD_HOST: z.string().min(1).default('127.0.0.1'),
  ACCORD_DATA_DIR: z.string().min(1).default('./data'),
  ACCORD_SEED: z.enum(['auto', 'on', 'off']).default('auto'),
  ACCORD_WEB_DIST: z.string().optional(),
  ACCORD_SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  ACCORD_MAX_FRAME_BYTES: z.coerce.number().int().positive().optional(),
  ACCORD_MAX_DOCUMENT_BYTES: z.coerce.number().int().positive().optional(),
  ACCORD_UNLOAD_DELAY_MS: z.coerce.number().int().min(0).optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databasePath: string;
  /** `auto` seeds the demo partnership only when the store is empty. */
  seed: 'auto' | 'on' | 'off';
  /** Folder of the built web app; the API and sync still work when it is missing. */
  webDist: string;
  synchronous: 'FULL' | 'NORMAL';
  limits: { maxFrameBytes?: number; maxDocumentBytes?: number };
  unloadDelayMs: number | undefined;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.ACCORD_DATA_DIR);
  return {
    port: e.ACCORD_PORT,
    host: e.ACCORD_HOST,
    dataDir,
    databasePath: path.join(dataDir, 'accord.sqlite'),
    seed: e.ACCORD_SEED,
    webDist: path.resolve(
      e.ACCORD_WEB_DIST ?? path.join(import.meta.dirname, '..', '..', 'web', 'dist'),
    ),
    synchronous: e.ACCORD_SQLITE_SYNCHRONOUS,
    limits: {
      ...(e.ACCORD_MAX_FRAME_BYTES && { maxFrameBytes: e.ACCORD_MAX_FRAME_BYTES }),
      ...(e.ACCORD_MAX_DOCUMENT_BYTES && { maxDocumentBytes: e.ACCORD_MAX_DOCUMENT_BYTES }),
    },
    unloadDelayMs: e.ACCORD_UNLOAD_DELAY_MS,
  };
}
