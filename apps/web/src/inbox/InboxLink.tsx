import { Link, paths } from '../app/index.ts';
import { usePathname } from '../app/router.ts';
import { useT } from '../i18n/index.ts';
import { useSession } from '../session/store.ts';
import { useInboxUnread } from './useInboxUnread.ts';

/** The header's link to my inbox, with how many comments are new to me (the in-app notice). */
export function InboxLink() {
  const t = useT();
  const session = useSession();
  const pathname = usePathname();
  const unread = useInboxUnread(session.status === 'signed-in', pathname);
  if (unread === null || unread.partnershipId === null) return null;
  const here = /^\/p\/([^/]+)(?:\/|$)/.exec(pathname)?.[1];
  const target = here ? decodeURIComponent(here) : unread.partnershipId;
  return (
    <Link
      to={paths.inbox(target)}
      className="inbox-link"
      data-testid="inbox-link"
      aria-label={
        unread.total > 0
          ? `${t('inbox.title')} — ${t('inbox.unreadCount', { count: unread.total })}`
          : t('inbox.title')
      }
    >
      <span aria-hidden="true">{t('inbox.title')}</span>
      {unread.total > 0 && (
        <span className="inbox-link__count" aria-hidden="true" data-testid="inbox-link-count">
          {unread.total}
        </span>
      )}
    </Link>
  );
}
