import path from 'node:path';
import { z } from 'zod';
import { parseSmtpUrl, type SmtpSettings } from './mail/smtp-url.ts';

/** `Name <address>` or a bare address, on one line (it becomes the From header). */
const MAIL_FROM = /^(?:[^<>\r\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/;

/**
 * Configuration from environment variables, validated once at start. README's table lists them;
 * keep the two in step.
 */
const schema = z
  .object({
    ACCORD_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    ACCORD_HOST: z.string().min(1).default('127.0.0.1'),
    ACCORD_DATA_DIR: z.string().min(1).default('./data'),
    ACCORD_SEED: z.enum(['auto', 'on', 'off']).default('auto'),
    ACCORD_WEB_DIST: z.string().optional(),
    ACCORD_SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
    ACCORD_MAX_FRAME_BYTES: z.coerce.number().int().positive().optional(),
    ACCORD_MAX_DOCUMENT_BYTES: z.coerce.number().int().positive().optional(),
    ACCORD_PRESENCE_FLUSH_MS: z.coerce.number().int().min(0).max(1000).optional(),
    ACCORD_UNLOAD_DELAY_MS: z.coerce.number().int().min(0).optional(),
    ACCORD_COMMIT_INTERVAL_MS: z.coerce.number().int().min(0).max(1000).optional(),
    ACCORD_ACTION_INDEX_DELAY_MS: z.coerce.number().int().min(0).default(2000),
    ACCORD_MAX_SOCKETS_PER_PERSON: z.coerce.number().int().positive().default(32),
    ACCORD_SESSION_IDLE_MINUTES: z.coerce.number().positive().default(720),
    ACCORD_SECURE_COOKIES: z.enum(['on', 'off']).default('off'),
    ACCORD_ALLOWED_ORIGINS: z.string().default(''),
    ACCORD_PUBLIC_URL: z.string().url().optional(),
    /** Empty counts as unset (compose files often write `ACCORD_SMTP_URL=`). */
    ACCORD_SMTP_URL: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined))
      .superRefine((v, ctx) => {
        if (v === undefined) return;
        try {
          parseSmtpUrl(v);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
        }
      }),
    ACCORD_DIGEST_MINUTES: z.coerce.number().min(0.01).max(10_080).default(60),
    ACCORD_MAIL_FROM: z
      .string()
      .trim()
      .regex(MAIL_FROM, 'an address, or "Name <address>", on one line')
      .default('Accord <no-reply@localhost>'),
  })
  .superRefine((e, ctx) => {
    // Links in mail must not come from the request's Host header, which anyone can set: a
    // forged one would send a person's reset token to a server of the sender's choosing.
    if (e.ACCORD_SMTP_URL && !e.ACCORD_PUBLIC_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['ACCORD_PUBLIC_URL'],
        message: 'required when ACCORD_SMTP_URL is set (the base of links sent by mail)',
      });
    }
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
  limits: { maxFrameBytes?: number; maxDocumentBytes?: number; awarenessFlushMs?: number };
  unloadDelayMs: number | undefined;
  /** Minimum time between group commits (the sync core's default when undefined). */
  commitIntervalMs: number | undefined;
  /** How long the action index waits after a stored change before re-reading the document. */
  actionIndexDelayMs: number;
  /**
   * Open document sockets one person may hold at once (tabs, devices); more close with 4429.
   * @default 32 — a person in a workshop has a few tabs, not hundreds.
   */
  maxSocketsPerPerson: number;
  /** A session unused this long expires (and its sockets close with 4401). */
  sessionIdleMs: number;
  /** Mark cookies Secure: on when Accord is served over HTTPS. */
  secureCookies: boolean;
  /** Websocket origins allowed besides the server's own. */
  allowedOrigins: string[];
  /** Base of links in invitations and password resets; the request's origin when unset. */
  publicUrl: string | null;
  /** SMTP server for password-reset mail; null: no mail, reset links are only shown. */
  smtp: SmtpSettings | null;
  /** The From of every mail. */
  mailFrom: string;
  /**
   * How often comment digests are emailed (with SMTP only).
   * @default 60 minutes — often enough to answer within the day, rare enough not to nag.
   */
  digestIntervalMs: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  // pnpm runs the server inside apps/server: relative paths mean relative to where the command
  // was typed (INIT_CWD), so `npm start` at the root keeps its data in the root's ./data.
  const base = env.INIT_CWD ?? process.cwd();
  const dataDir = path.resolve(base, e.ACCORD_DATA_DIR);
  return {
    port: e.ACCORD_PORT,
    host: e.ACCORD_HOST,
    dataDir,
    databasePath: path.join(dataDir, 'accord.sqlite'),
    seed: e.ACCORD_SEED,
    webDist: e.ACCORD_WEB_DIST
      ? path.resolve(base, e.ACCORD_WEB_DIST)
      : path.join(import.meta.dirname, '..', '..', 'web', 'dist'),
    synchronous: e.ACCORD_SQLITE_SYNCHRONOUS,
    limits: {
      ...(e.ACCORD_MAX_FRAME_BYTES && { maxFrameBytes: e.ACCORD_MAX_FRAME_BYTES }),
      ...(e.ACCORD_MAX_DOCUMENT_BYTES && { maxDocumentBytes: e.ACCORD_MAX_DOCUMENT_BYTES }),
      ...(e.ACCORD_PRESENCE_FLUSH_MS !== undefined && {
        awarenessFlushMs: e.ACCORD_PRESENCE_FLUSH_MS,
      }),
    },
    unloadDelayMs: e.ACCORD_UNLOAD_DELAY_MS,
    commitIntervalMs: e.ACCORD_COMMIT_INTERVAL_MS,
    actionIndexDelayMs: e.ACCORD_ACTION_INDEX_DELAY_MS,
    maxSocketsPerPerson: e.ACCORD_MAX_SOCKETS_PER_PERSON,
    sessionIdleMs: e.ACCORD_SESSION_IDLE_MINUTES * 60_000,
    secureCookies: e.ACCORD_SECURE_COOKIES === 'on',
    allowedOrigins: e.ACCORD_ALLOWED_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    publicUrl: e.ACCORD_PUBLIC_URL?.replace(/\/+$/, '') ?? null,
    smtp: e.ACCORD_SMTP_URL ? parseSmtpUrl(e.ACCORD_SMTP_URL) : null,
    mailFrom: e.ACCORD_MAIL_FROM,
    digestIntervalMs: Math.round(e.ACCORD_DIGEST_MINUTES * 60_000),
  };
}
