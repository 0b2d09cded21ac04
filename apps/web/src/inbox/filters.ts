/** The inbox's filters, as the page holds them and the API takes them. */
export interface InboxFilters {
  status: 'all' | 'open' | 'resolved';
  /** Threads started by this organisation; '' for all. */
  organisationId: string;
  /** Threads I started or replied to. */
  mine: boolean;
  /** Threads with a comment mentioning me or my organisation. */
  mentions: boolean;
  /** Only threads with something new to me (filtered here: the API returns unread counts). */
  unreadOnly: boolean;
}

export const defaultFilters: InboxFilters = {
  status: 'open',
  organisationId: '',
  mine: false,
  mentions: false,
  unreadOnly: false,
};

/** Threads one inbox page asks for (the API's maximum). */
export const INBOX_PAGE = 200;

/** The query string of `GET /api/partnerships/:id/inbox` for these filters. */
export function inboxQuery(filters: InboxFilters, limit = INBOX_PAGE): string {
  const params = new URLSearchParams();
  if (filters.status !== 'all') params.set('status', filters.status);
  if (filters.organisationId !== '') params.set('organisationId', filters.organisationId);
  if (filters.mine) params.set('mine', '1');
  if (filters.mentions) params.set('mentions', '1');
  params.set('limit', String(limit));
  return params.toString();
}

/** The link the document page honours to open one thread (docs/ARCHITECTURE.md). */
export function threadLink(documentId: string, threadId: string): string {
  return `/d/${encodeURIComponent(documentId)}#thread=${encodeURIComponent(threadId)}`;
}
