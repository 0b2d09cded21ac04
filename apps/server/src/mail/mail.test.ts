import { describe, expect, it } from 'vitest';
import { readConfig } from '../config.ts';
import { transportOptions } from './smtp.ts';
import { isLoopbackHost, parseSmtpUrl } from './smtp-url.ts';
import { passwordResetMail } from './templates.ts';

describe('ACCORD_SMTP_URL', () => {
  it('requires STARTTLS towards another machine, and never shows the password', () => {
    const s = parseSmtpUrl('smtp://mailer:p%40ss@mail.example.org:587');
    expect(s).toMatchObject({
      host: 'mail.example.org',
      port: 587,
      security: 'starttls',
      auth: { user: 'mailer', pass: 'p@ss' },
    });
    expect(s.display).toBe('smtp://mailer@mail.example.org:587');
    expect(transportOptions(s)).toMatchObject({
      secure: false,
      requireTLS: true,
      ignoreTLS: false,
    });
  });

  it('uses TLS from the start for smtps://, on 465 by default', () => {
    const s = parseSmtpUrl('smtps://relay.example.org');
    expect(s).toMatchObject({ port: 465, security: 'tls', auth: null });
    expect(transportOptions(s)).toMatchObject({ secure: true, requireTLS: false });
  });

  it('speaks plain SMTP to loopback, or when told tls=off', () => {
    expect(parseSmtpUrl('smtp://127.0.0.1:2525').security).toBe('none');
    expect(parseSmtpUrl('smtp://[::1]:2525')).toMatchObject({ host: '::1', security: 'none' });
    expect(parseSmtpUrl('smtp://localhost').security).toBe('none');
    expect(parseSmtpUrl('smtp://relay:25?tls=off').security).toBe('none');
    expect(transportOptions(parseSmtpUrl('smtp://127.0.0.1:2525'))).toMatchObject({
      secure: false,
      requireTLS: false,
      ignoreTLS: true,
    });
    expect(isLoopbackHost('10.0.0.1')).toBe(false);
    expect(isLoopbackHost('127.8.9.10')).toBe(true);
  });

  it('refuses what it cannot use', () => {
    for (const bad of [
      'mail.example.org',
      'http://mail.example.org',
      'smtp://mail.example.org/inbox',
      'smtp://mail.example.org?pool=true',
      'smtp://mail.example.org?tls=maybe',
      'smtps://mail.example.org?tls=off',
    ]) {
      expect(() => parseSmtpUrl(bad), bad).toThrow();
    }
  });
});

describe('mail configuration', () => {
  const base = { ACCORD_PUBLIC_URL: 'https://accord.example.org/' };

  it('is off without ACCORD_SMTP_URL (or with an empty one)', () => {
    expect(readConfig({}).smtp).toBeNull();
    expect(readConfig({ ACCORD_SMTP_URL: '' }).smtp).toBeNull();
    expect(readConfig({}).mailFrom).toBe('Accord <no-reply@localhost>');
  });

  it('reads the SMTP URL and the From address', () => {
    const config = readConfig({
      ...base,
      ACCORD_SMTP_URL: 'smtp://u:p@mail.example.org',
      ACCORD_MAIL_FROM: 'Accord <accord@example.org>',
    });
    expect(config.smtp?.host).toBe('mail.example.org');
    expect(config.mailFrom).toBe('Accord <accord@example.org>');
    expect(config.publicUrl).toBe('https://accord.example.org');
  });

  it('refuses a bad URL, a bad From, and mail without ACCORD_PUBLIC_URL', () => {
    expect(() => readConfig({ ...base, ACCORD_SMTP_URL: 'smtp:/nohost' })).toThrow(
      /ACCORD_SMTP_URL/,
    );
    expect(() => readConfig({ ACCORD_MAIL_FROM: 'Accord' })).toThrow(/ACCORD_MAIL_FROM/);
    expect(() => readConfig({ ACCORD_MAIL_FROM: 'A <a@b>\nBcc: x@y' })).toThrow(/ACCORD_MAIL_FROM/);
    expect(() => readConfig({ ACCORD_SMTP_URL: 'smtp://127.0.0.1:2525' })).toThrow(
      /ACCORD_PUBLIC_URL/,
    );
  });
});

describe('the password-reset mail', () => {
  const url = 'https://accord.example.org/reset/abc';

  it('speaks French for a French partnership, names the facilitator, escapes names in HTML', () => {
    const mail = passwordResetMail({
      language: 'fr',
      name: 'Zoé <script>alert(1)</script>',
      url,
      validHours: 24,
      issuedBy: { name: 'Claire & Co', partnership: 'Les "Jardins"' },
    });
    expect(mail.subject).toContain('nouveau mot de passe');
    expect(mail.text).toContain('Bonjour Zoé <script>alert(1)</script>,');
    expect(mail.text).toContain(url);
    expect(mail.text).toContain('24\u00a0heures');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('Zoé &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('Claire &amp; Co');
    expect(mail.html).toContain('Les &quot;Jardins&quot;');
    expect(mail.html).toContain(`href="${url}"`);
    expect(mail.html).toContain('lang="fr"');
  });

  it('speaks English for an English partnership, and fits a self-service request', () => {
    const mail = passwordResetMail({
      language: 'en',
      name: null,
      url,
      validHours: 24,
      issuedBy: null,
    });
    expect(mail.subject).toBe('Accord: choose a new password');
    expect(mail.text.startsWith('Hello,\n')).toBe(true);
    expect(mail.text).toContain('Someone asked to reset');
    expect(mail.html).toContain('lang="en"');
  });
});
