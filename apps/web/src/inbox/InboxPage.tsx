import { useCallback, useMemo, useState } from 'react';
import {
  errorMessage,
  fetchPartnership,
  type PartnershipDetail,
  useResource,
} from '../api/index.ts';
import {
  Link,
  Loading,
  PageHeading,
  PageLayout,
  paths,
  ResourcePage,
  useDocumentTitle,
} from '../app/index.ts';
import { useT } from '../i18n/index.ts';
import { useMe } from '../session/store.ts';
import { ToSignList } from '../to-sign/index.ts';
import { fetchInbox } from './api.ts';
import { defaultFilters, type InboxFilters, inboxQuery } from './filters.ts';
import { InboxFiltersForm } from './InboxFiltersForm.tsx';
import { InboxItem } from './InboxItem.tsx';
import { useRefreshOnFocus } from './useRefreshOnFocus.ts';

/** `/p/:id/inbox`: what is new for me across the partnership's documents, with filters. */
export function InboxPage({ partnershipId }: { partnershipId: string }) {
  const t = useT();
  const load = useCallback(
    (signal: AbortSignal) => fetchPartnership(partnershipId, signal),
    [partnershipId],
  );
  const [detail, reload] = useResource(`partnership:${partnershipId}`, load);
  useDocumentTitle(
    detail.state === 'ready'
      ? t('inbox.documentTitle', { partnership: detail.data.partnership.name })
      : null,
  );
  return (
    <ResourcePage resource={detail} reload={reload} notFound={t('partnership.notFound')}>
      {(data) => <InboxView detail={data} />}
    </ResourcePage>
  );
}

function InboxView({ detail }: { detail: PartnershipDetail }) {
  const t = useT();
  const me = useMe();
  const [filters, setFilters] = useState<InboxFilters>(defaultFilters);
  const partnershipId = detail.partnership.id;
  const query = inboxQuery(filters);
  const load = useCallback(
    (signal: AbortSignal) => fetchInbox(partnershipId, filters, signal),
    [partnershipId, filters],
  );
  const [inbox, reload] = useResource(`inbox:${partnershipId}:${query}`, load);
  useRefreshOnFocus(reload);

  const organisationNames = useMemo(
    () => new Map(detail.organisations.map((o) => [o.id, o.name])),
    [detail.organisations],
  );
  const people = useMemo(
    () => new Map(inbox.state === 'ready' ? inbox.data.people.map((p) => [p.id, p]) : []),
    [inbox],
  );
  const threads =
    inbox.state === 'ready'
      ? inbox.data.threads.filter((thread) => !filters.unreadOnly || thread.unread > 0)
      : [];
  const unread = threads.reduce((sum, thread) => sum + thread.unread, 0);

  return (
    <PageLayout>
      <p className="breadcrumb">
        <Link to={paths.partnership(partnershipId)} className="back-link">
          <span aria-hidden="true">←</span> {detail.partnership.name}
        </Link>
      </p>
      <PageHeading>{t('inbox.title')}</PageHeading>
      <p className="muted">{t('inbox.intro')}</p>
      <ToSignList partnershipId={partnershipId} />
      <div className="inbox">
        <InboxFiltersForm
          filters={filters}
          organisations={detail.organisations}
          onChange={setFilters}
        />
        <section aria-labelledby="inbox-results" className="inbox__results">
          <h2 id="inbox-results" className="visually-hidden">
            {t('inbox.results')}
          </h2>
          <p className="inbox__summary" aria-live="polite" data-testid="inbox-summary">
            {inbox.state === 'ready' &&
              `${t('inbox.threadCount', { count: threads.length })} ${t('inbox.unreadCount', { count: unread })}`}
          </p>
          {inbox.state === 'loading' && <Loading />}
          {inbox.state === 'error' && (
            <p className="field-error" role="alert">
              {errorMessage(t, inbox.error)}
            </p>
          )}
          {inbox.state === 'ready' && threads.length === 0 && (
            <p className="inbox__empty">{t('inbox.empty')}</p>
          )}
          {threads.length > 0 && (
            <ul className="inbox__list">
              {threads.map((thread) => (
                <InboxItem
                  key={thread.id}
                  thread={thread}
                  people={people}
                  organisationNames={organisationNames}
                  me={{ personId: me.person.id, organisationId: me.person.organisationId }}
                />
              ))}
            </ul>
          )}
          {inbox.state === 'ready' && inbox.data.hasMore && (
            <p className="muted small">{t('inbox.more')}</p>
          )}
        </section>
      </div>
    </PageLayout>
  );
}
