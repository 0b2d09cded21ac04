import { signOut } from '../api/index.ts';
import { Link } from '../app/Link.tsx';
import { navigate, paths } from '../app/router.ts';
import { useT } from '../i18n/index.ts';
import { ColourDot, personLabel } from '../people/index.ts';
import { announceSessionChange, signedOut, useSession } from './store.ts';

/** Ends the session on the server, then here and in the other tabs; lands on the sign-in page. */
export async function signOutEverywhere(): Promise<void> {
  // The request leaves first (with the CSRF token); the page changes at once, so an open
  // document does not ask to sign in again when the server closes its socket.
  const request = signOut();
  navigate(paths.home());
  signedOut({ byChoice: true });
  try {
    await request;
  } catch {
    // Signed out here anyway: the cookie may be gone already, or the server unreachable.
  }
  announceSessionChange();
}

/** Header: "Name (Organisation)" linking to the account page, and Sign out. */
export function AccountControl() {
  const t = useT();
  const session = useSession();
  if (session.status !== 'signed-in') return null;
  const { person, organisation } = session.me;

  return (
    <div className="account-control">
      <Link
        to={paths.account()}
        className="account-control__person"
        data-testid="account-link"
        aria-label={t('account.linkLabel', {
          person: personLabel(t, person, organisation?.name),
        })}
      >
        <ColourDot colour={person.colour} />
        <span className="account-control__name">{personLabel(t, person, organisation?.name)}</span>
      </Link>
      <button
        type="button"
        className="button button--ghost button--small"
        onClick={() => void signOutEverywhere()}
        data-testid="sign-out"
      >
        {t('auth.signOut')}
      </button>
    </div>
  );
}
