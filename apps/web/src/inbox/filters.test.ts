import { describe, expect, it } from 'vitest';
import { defaultFilters, inboxQuery, threadLink } from './filters.ts';

describe('inbox filters', () => {
  it('become the API query, leaving out what is not filtered', () => {
    expect(inboxQuery(defaultFilters)).toBe('status=open&limit=200');
    expect(
      inboxQuery({
        status: 'all',
        organisationId: 'org-1',
        mine: true,
        mentions: true,
        unreadOnly: true,
      }),
    ).toBe('organisationId=org-1&mine=1&mentions=1&limit=200');
    expect(inboxQuery({ ...defaultFilters, status: 'resolved' }, 10)).toBe(
      'status=resolved&limit=10',
    );
  });

  it('link into the document with the thread in the fragment', () => {
    expect(threadLink('doc 1', 'th/2')).toBe('/d/doc%201#thread=th%2F2');
  });
});
