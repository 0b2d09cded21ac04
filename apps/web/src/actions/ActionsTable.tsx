import { actionStatuses } from '@accord/domain';
import { useId, useMemo, useState } from 'react';
import type { Member, ParticipantOrganisation } from '../api/index.ts';
import { Link, paths } from '../app/index.ts';
import { useDayFormat, useT } from '../i18n/index.ts';
import { personName } from '../people/index.ts';
import { problemText, statusLabelKeys } from './labels.ts';
import type { ActionView } from './schemas.ts';
import {
  applyTable,
  type DueFilter,
  noFilters,
  type SortKey,
  type TableFilters,
} from './table-model.ts';

interface ActionsTableProps {
  actions: readonly ActionView[];
  organisations: readonly ParticipantOrganisation[];
  members: readonly Member[];
  /** Show the plan column (our commitments spans plans). */
  showPlan: boolean;
  caption: string;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Actions as a table: filters (organisation, person, status, due date), sortable columns. */
export function ActionsTable({
  actions,
  organisations,
  members,
  showPlan,
  caption,
}: ActionsTableProps) {
  const t = useT();
  const formatDay = useDayFormat();
  const id = useId();
  const [filters, setFilters] = useState<TableFilters>(noFilters);
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({
    key: 'due',
    ascending: true,
  });
  const names = useMemo(() => {
    const orgs = new Map(organisations.map((o) => [o.id, o.name]));
    const people = new Map(members.map((m) => [m.id, m]));
    return {
      organisation: (oid: string) => orgs.get(oid) ?? t('actions.unknownOrganisation'),
      person: (pid: string) => {
        const person = people.get(pid);
        return person ? personName(t, person) : t('actions.removedPerson');
      },
    };
  }, [organisations, members, t]);
  const rows = applyTable(actions, filters, sort, today(), names.organisation);
  const set = <K extends keyof TableFilters>(key: K, value: TableFilters[K]) =>
    setFilters((previous) => ({ ...previous, [key]: value }));

  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.ascending ? 'ascending' : 'descending') : 'none'}>
        <button
          type="button"
          className="actions-table__sort"
          aria-label={t('actions.sortBy', { column: label })}
          onClick={() => setSort({ key, ascending: active ? !sort.ascending : true })}
        >
          {label}
          <span aria-hidden="true">{active ? (sort.ascending ? ' ▲' : ' ▼') : ''}</span>
        </button>
      </th>
    );
  };

  return (
    <div className="actions-table">
      <form className="actions-table__filters" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={`${id}-org`}>{t('actions.filterOrganisation')}</label>
        <select
          id={`${id}-org`}
          value={filters.organisationId}
          onChange={(e) => set('organisationId', e.target.value)}
        >
          <option value="">{t('actions.filterAll')}</option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-person`}>{t('actions.filterPerson')}</label>
        <select
          id={`${id}-person`}
          value={filters.personId}
          onChange={(e) => set('personId', e.target.value)}
        >
          <option value="">{t('actions.filterAllPeople')}</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {personName(t, m)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-status`}>{t('actions.filterStatus')}</label>
        <select
          id={`${id}-status`}
          value={filters.status}
          onChange={(e) => set('status', e.target.value as TableFilters['status'])}
        >
          <option value="">{t('actions.filterAll')}</option>
          {actionStatuses.map((s) => (
            <option key={s} value={s}>
              {t(statusLabelKeys[s])}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-due`}>{t('actions.filterDue')}</label>
        <select
          id={`${id}-due`}
          value={filters.due}
          onChange={(e) => set('due', e.target.value as DueFilter)}
        >
          <option value="any">{t('actions.dueAny')}</option>
          <option value="overdue">{t('actions.dueOverdue')}</option>
          <option value="next30">{t('actions.dueNext30')}</option>
          <option value="none">{t('actions.dueNone')}</option>
        </select>
      </form>
      <p className="muted" aria-live="polite">
        {t('actions.count', { count: rows.length })}
      </p>
      {rows.length === 0 ? (
        <p>{actions.length === 0 ? t('actions.tableEmpty') : t('actions.count', { count: 0 })}</p>
      ) : (
        <div className="actions-table__scroll">
          <table data-testid="actions-table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                {header('title', t('actions.action'))}
                {showPlan && header('plan', t('actions.plan'))}
                {header('lead', t('actions.lead'))}
                <th scope="col">{t('actions.people')}</th>
                {header('due', t('actions.due'))}
                {header('status', t('actions.status'))}
                <th scope="col">{t('actions.problems')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={`${a.documentId}/${a.id}`} data-overdue={a.overdue || undefined}>
                  <th scope="row">
                    <Link to={paths.document(a.documentId)}>
                      {a.title || t('actions.untitled')}
                    </Link>
                    <span className="actions-table__objective">
                      {a.objective || t('actions.noObjective')}
                    </span>
                  </th>
                  {showPlan && <td>{a.document.title}</td>}
                  <td>{a.leadOrganisationId ? names.organisation(a.leadOrganisationId) : '—'}</td>
                  <td>{a.peopleIds.map(names.person).join(', ') || '—'}</td>
                  <td>
                    {a.due ? <time dateTime={a.due}>{formatDay(a.due)}</time> : '—'}
                    {a.overdue && (
                      <span className="actions-table__overdue">{t('actions.overdue')}</span>
                    )}
                  </td>
                  <td>{t(statusLabelKeys[a.status])}</td>
                  <td>
                    {a.problems.length > 0 && (
                      <ul className="actions-table__problems">
                        {a.problems.map((p) => (
                          <li key={JSON.stringify(p)}>
                            {problemText(t, p as Parameters<typeof problemText>[1], names)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
