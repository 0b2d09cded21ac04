import type { Directory } from '../api/index.ts';
import { useT } from '../i18n/index.ts';
import { ColourDot, groupByOrganisation } from '../identity/index.ts';

/** Who takes part: each organisation with its people. */
export function OrganisationList({ directory }: { directory: Directory }) {
  const t = useT();
  const groups = groupByOrganisation(
    directory.people,
    (person) => ({ id: person.organisationId, name: null }),
    directory.organisations,
  );
  const empty = directory.organisations.filter(
    (organisation) => !groups.some((group) => group.organisationId === organisation.id),
  );
  return (
    <section className="panel" aria-labelledby="organisations-title">
      <h2 id="organisations-title" className="panel__title">
        {t('partnership.organisationsTitle')}
      </h2>
      <ul className="organisation-list">
        {groups.map((group) => (
          <li key={group.organisationId}>
            <span className="organisation-list__name">
              {group.organisationName ?? t('person.unknownOrganisation')}
            </span>
            <ul className="organisation-list__people">
              {group.members.map((person) => (
                <li key={person.id}>
                  <ColourDot colour={person.colour} />
                  {person.name}
                </li>
              ))}
            </ul>
          </li>
        ))}
        {empty.map((organisation) => (
          <li key={organisation.id}>
            <span className="organisation-list__name">{organisation.name}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
