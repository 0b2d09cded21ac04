import type { ActionStatus } from '@accord/domain';
import type { ActionView } from './schemas.ts';

export type SortKey = 'title' | 'lead' | 'due' | 'status' | 'plan';
export type DueFilter = 'any' | 'overdue' | 'next30' | 'none';

export interface TableFilters {
  organisationId: string;
  personId: string;
  status: ActionStatus | '';
  due: DueFilter;
}

export const noFilters: TableFilters = { organisationId: '', personId: '', status: '', due: 'any' };

const statusOrder: Record<ActionStatus, number> = {
  blocked: 0,
  in_progress: 1,
  planned: 2,
  done: 3,
  cancelled: 4,
};

const isoPlusDays = (today: string, days: number) => {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/** Filters then sorts, stably (ties keep document order); empty due dates sort last. */
export function applyTable(
  actions: readonly ActionView[],
  filters: TableFilters,
  sort: { key: SortKey; ascending: boolean },
  today: string,
  organisationName: (id: string) => string,
): ActionView[] {
  const soon = isoPlusDays(today, 30);
  const kept = actions.filter((a) => {
    if (
      filters.organisationId &&
      a.leadOrganisationId !== filters.organisationId &&
      !a.commitments.some((c) => c.organisationId === filters.organisationId)
    ) {
      return false;
    }
    if (filters.personId && !a.peopleIds.includes(filters.personId)) return false;
    if (filters.status && a.status !== filters.status) return false;
    if (filters.due === 'overdue' && !a.overdue) return false;
    if (filters.due === 'next30' && !(a.due >= today && a.due <= soon)) return false;
    if (filters.due === 'none' && a.due !== '') return false;
    return true;
  });
  const value = (a: ActionView): string | number => {
    switch (sort.key) {
      case 'title':
        return a.title.toLocaleLowerCase();
      case 'lead':
        return a.leadOrganisationId
          ? organisationName(a.leadOrganisationId).toLocaleLowerCase()
          : '\uffff';
      case 'due':
        return a.due || '\uffff';
      case 'status':
        return statusOrder[a.status];
      case 'plan':
        return a.document.title.toLocaleLowerCase();
    }
  };
  const direction = sort.ascending ? 1 : -1;
  return kept
    .map((a, index) => ({ a, index, v: value(a) }))
    .sort((x, y) => (x.v < y.v ? -direction : x.v > y.v ? direction : x.index - y.index))
    .map((x) => x.a);
}
