import { apiRequest } from '../api/index.ts';
import { type InboxFilters, inboxQuery } from './filters.ts';
import { type Inbox, inboxSchema } from './schemas.ts';

export function fetchInbox(
  partnershipId: string,
  filters: InboxFilters,
  signal?: AbortSignal,
  limit?: number,
): Promise<Inbox> {
  return apiRequest(
    `/api/partnerships/${encodeURIComponent(partnershipId)}/inbox?${inboxQuery(filters, limit)}`,
    inboxSchema,
    { signal },
  );
}
