import type { Directory, Organisation, Person } from '../api/index.ts';
import type { Translate } from '../i18n/index.ts';

export interface Identity {
  person: Person;
  organisation: Organisation | null;
}

export function findIdentity(directory: Directory, personId: string | null): Identity | null {
  if (personId === null) return null;
  const person = directory.people.find((candidate) => candidate.id === personId);
  if (person === undefined) return null; // a stale choice (person removed): ask again
  const organisation =
    directory.organisations.find((candidate) => candidate.id === person.organisationId) ?? null;
  return { person, organisation };
}

/** "Name (Organisation)": how Accord names a person everywhere. */
export function personLabel(t: Translate, name: string, organisationName: string | null): string {
  return t('person.withOrganisation', {
    name,
    organisation: organisationName ?? t('person.unknownOrganisation'),
  });
}

export interface OrganisationGroup<T> {
  organisationId: string;
  organisationName: string | null;
  members: T[];
}

/**
 * Groups items by organisation, keeping the directory's order of organisations and putting
 * organisations the directory does not know last.
 */
export function groupByOrganisation<T>(
  items: readonly T[],
  organisationOf: (item: T) => { id: string; name: string | null },
  organisations: readonly Organisation[],
): OrganisationGroup<T>[] {
  const groups = new Map<string, OrganisationGroup<T>>();
  for (const organisation of organisations) {
    groups.set(organisation.id, {
      organisationId: organisation.id,
      organisationName: organisation.name,
      members: [],
    });
  }
  for (const item of items) {
    const { id, name } = organisationOf(item);
    let group = groups.get(id);
    if (group === undefined) {
      group = { organisationId: id, organisationName: name, members: [] };
      groups.set(id, group);
    }
    group.members.push(item);
  }
  return [...groups.values()].filter((group) => group.members.length > 0);
}
