import { isIP } from 'node:net';

/** Where and how to reach the SMTP server, from `ACCORD_SMTP_URL`. */
export interface SmtpSettings {
  host: string;
  port: number;
  /**
   * `tls`: TLS from the first byte (`smtps://`, port 465 by default). `starttls`: the connection
   * must be upgraded with STARTTLS, or nothing is sent (`smtp://` to another machine, 587 by
   * default). `none`: plain SMTP — only to a loopback address, or when the URL says `?tls=off`.
   */
  security: 'tls' | 'starttls' | 'none';
  auth: { user: string; pass: string } | null;
  /** The URL without its password, for logs. */
  display: string;
}

/** `localhost`, 127.0.0.0/8 and ::1: plain SMTP there never leaves the machine. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1' || bare === '0:0:0:0:0:0:0:1';
}

/**
 * Parses `smtp://user:pass@host:587` or `smtps://…`; throws an Error saying what is wrong.
 * User and password are percent-decoded (write `@` in a password as `%40`).
 */
export function parseSmtpUrl(value: string): SmtpSettings {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error('not a URL; expected e.g. smtp://user:password@mail.example.org:587');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`scheme ${url.protocol} is not smtp: or smtps:`);
  }
  if (url.hostname === '') throw new Error('no host');
  if (url.pathname !== '' && url.pathname !== '/') throw new Error('a path has no meaning here');
  const params = [...url.searchParams.keys()];
  const unknown = params.filter((key) => key !== 'tls');
  if (unknown.length > 0) throw new Error(`unknown parameter ${unknown.join(', ')} (only tls=off)`);
  const tls = url.searchParams.get('tls');
  if (tls !== null && tls !== 'off') throw new Error('tls can only be "off"');

  const implicitTls = url.protocol === 'smtps:';
  if (implicitTls && tls === 'off') throw new Error('smtps:// always uses TLS; drop tls=off');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const security = implicitTls
    ? 'tls'
    : tls === 'off' || isLoopbackHost(host)
      ? 'none'
      : 'starttls';
  let user: string;
  let pass: string;
  try {
    user = decodeURIComponent(url.username);
    pass = decodeURIComponent(url.password);
  } catch {
    throw new Error('malformed %-escape in the user or password');
  }
  const port = url.port === '' ? (implicitTls ? 465 : 587) : Number(url.port);
  const shown = new URL(url.href);
  shown.password = '';
  shown.search = url.search;
  return {
    host,
    port,
    security,
    auth: user === '' ? null : { user, pass },
    display: shown.href.replace(/\/$/, ''),
  };
}
