import type { Browser, BrowserContext } from 'playwright-core';
import { signIn, type TestSession } from './session.ts';

/**
 * A browser context already signed in as `email`: signs in through the API and hands the session
 * cookie to the context, as the browser would have kept it after the sign-in form. (The sign-in
 * form itself has its own end-to-end test.)
 */
export async function signedInContext(
  browser: Browser,
  baseUrl: string,
  email: string,
): Promise<{ context: BrowserContext; session: TestSession }> {
  const session = await signIn(baseUrl, email);
  const context = await browser.newContext({
    locale: 'fr-FR',
    viewport: { width: 1280, height: 800 },
  });
  const [name, value] = session.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  return { context, session };
}
