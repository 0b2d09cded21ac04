import { Link } from '../app/index.ts';
import { useDateTimeFormat, useT } from '../i18n/index.ts';
import { personName } from '../people/index.ts';
import { threadLink } from './filters.ts';
import type { Inbox, InboxThread } from './schemas.ts';

const EXCERPT_CHARS = 200;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS - 1)}…` : flat;
}

/**
 * One thread in the inbox: where it is (document and passage, a link that opens the thread),
 * what is new to me, and its last word. Every text here came from people: React renders it as
 * text, never as markup.
 */
export function InboxItem({
  thread,
  people,
  organisationNames,
  me,
}: {
  thread: InboxThread;
  people: ReadonlyMap<string, Inbox['people'][number]>;
  organisationNames: ReadonlyMap<string, string>;
  me: { personId: string; organisationId: string };
}) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  const last = [...thread.comments].reverse().find((c) => c.deletedAt === null) ?? null;
  const author = last ? people.get(last.authorId) : undefined;
  const mentionsMe = thread.comments.some(
    (c) =>
      c.deletedAt === null &&
      c.mentions.some((m) =>
        m.kind === 'person' ? m.personId === me.personId : m.organisationId === me.organisationId,
      ),
  );
  const title = thread.document?.title ?? t('inbox.unknownDocument');
  return (
    <li
      className={thread.unread > 0 ? 'inbox-item is-unread' : 'inbox-item'}
      data-testid="inbox-thread"
      data-thread-id={thread.id}
    >
      <div className="inbox-item__head">
        <Link to={threadLink(thread.documentId, thread.id)} className="inbox-item__link">
          <span className="inbox-item__document">{title}</span>
          <span className="inbox-item__quote">
            {t('inbox.quote', { quote: excerpt(thread.anchor.quote) })}
          </span>
        </Link>
        <span className="inbox-item__badges">
          {thread.unread > 0 && (
            <span className="inbox-badge inbox-badge--new" data-testid="inbox-unread">
              {t('inbox.unread', { count: thread.unread })}
            </span>
          )}
          {mentionsMe && <span className="inbox-badge">{t('inbox.mentionsYou')}</span>}
          {thread.visibility !== 'partnership' && (
            <span className="inbox-badge inbox-badge--internal">
              {t('inbox.internal', {
                organisation: organisationNames.get(thread.organisationId) ?? '',
              })}
            </span>
          )}
          {thread.status === 'resolved' && (
            <span className="inbox-badge inbox-badge--resolved">{t('inbox.resolved')}</span>
          )}
        </span>
      </div>
      {last && (
        <p className="inbox-item__last">
          <span className="inbox-item__author">
            {personName(t, { name: author?.name ?? null, erased: author?.erased })}
            {author && organisationNames.has(author.organisationId)
              ? ` (${organisationNames.get(author.organisationId)})`
              : ''}
          </span>
          {' — '}
          {excerpt(last.body)}
        </p>
      )}
      <p className="inbox-item__meta muted small">
        {t('inbox.activity', {
          date: formatDate(thread.lastActivityAt),
          count: thread.comments.length,
        })}
      </p>
    </li>
  );
}
