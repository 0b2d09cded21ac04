import { useId } from 'react';
import type { ParticipantOrganisation } from '../api/index.ts';
import { useT } from '../i18n/index.ts';
import type { InboxFilters } from './filters.ts';

/**
 * The inbox's filters: native, labelled controls in a fieldset, so every one is reachable and
 * operable from the keyboard and announced with its label. Each change applies at once.
 */
export function InboxFiltersForm({
  filters,
  organisations,
  onChange,
}: {
  filters: InboxFilters;
  organisations: readonly ParticipantOrganisation[];
  onChange: (filters: InboxFilters) => void;
}) {
  const t = useT();
  const id = useId();
  const set = (patch: Partial<InboxFilters>) => onChange({ ...filters, ...patch });
  return (
    <form
      className="inbox-filters"
      aria-label={t('inbox.filters.title')}
      data-testid="inbox-filters"
      onSubmit={(event) => event.preventDefault()}
    >
      <fieldset>
        <legend className="inbox-filters__legend">{t('inbox.filters.title')}</legend>
        <div className="inbox-filters__row">
          <div className="field">
            <label htmlFor={`${id}-status`}>{t('inbox.filters.status')}</label>
            <select
              id={`${id}-status`}
              name="status"
              value={filters.status}
              onChange={(event) => set({ status: event.target.value as InboxFilters['status'] })}
            >
              <option value="open">{t('inbox.filters.open')}</option>
              <option value="resolved">{t('inbox.filters.resolved')}</option>
              <option value="all">{t('inbox.filters.allStatuses')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-organisation`}>{t('inbox.filters.organisation')}</label>
            <select
              id={`${id}-organisation`}
              name="organisationId"
              value={filters.organisationId}
              onChange={(event) => set({ organisationId: event.target.value })}
            >
              <option value="">{t('inbox.filters.allOrganisations')}</option>
              {organisations.map((organisation) => (
                <option key={organisation.id} value={organisation.id}>
                  {organisation.name}
                </option>
              ))}
            </select>
          </div>
          <div className="inbox-filters__checks">
            <label className="checkbox">
              <input
                type="checkbox"
                name="mentions"
                checked={filters.mentions}
                onChange={(event) => set({ mentions: event.target.checked })}
              />
              {t('inbox.filters.mentions')}
            </label>
            <label className="checkbox">
              <input
                type="checkbox"
                name="mine"
                checked={filters.mine}
                onChange={(event) => set({ mine: event.target.checked })}
              />
              {t('inbox.filters.mine')}
            </label>
            <label className="checkbox">
              <input
                type="checkbox"
                name="unreadOnly"
                checked={filters.unreadOnly}
                onChange={(event) => set({ unreadOnly: event.target.checked })}
              />
              {t('inbox.filters.unreadOnly')}
            </label>
          </div>
        </div>
      </fieldset>
    </form>
  );
}
