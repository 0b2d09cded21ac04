import { Link, paths } from '../app/index.ts';
import { usePathname } from '../app/router.ts';
import { useT } from '../i18n/index.ts';
import { useSession } from '../session/store.ts';
import { useToSignCount } from './useToSignCount.ts';

/**
 * The header's "To sign (n)" link, shown only when agreements wait for my organisation's
 * signature: the in-app notice that signing started. It leads to the inbox page's list.
 */
export function ToSignLink() {
  const t = useT();
  const session = useSession();
  const pathname = usePathname();
  const count = useToSignCount(session.status === 'signed-in', pathname);
  if (count === null || count.total === 0 || count.partnershipId === null) return null;
  return (
    <Link
      to={`${paths.inbox(count.partnershipId)}#to-sign`}
      className="inbox-link to-sign-link"
      data-testid="to-sign-link"
      aria-label={t('toSign.linkLabel', { count: count.total })}
    >
      <span aria-hidden="true">{t('toSign.link')}</span>
      <span className="inbox-link__count" aria-hidden="true" data-testid="to-sign-count">
        {count.total}
      </span>
    </Link>
  );
}
