import type { Translate } from '../i18n/index.ts';

/** A person's name, or the neutral label once their personal data was erased. */
export function personName(
  t: Translate,
  person: { name: string | null; erased?: boolean | undefined },
): string {
  if (person.erased === true || person.name === null || person.name.trim() === '') {
    return t('person.erased');
  }
  return person.name;
}

/** "Name (Organisation)": how Accord names a person everywhere. */
export function personLabel(
  t: Translate,
  person: { name: string | null; erased?: boolean | undefined },
  organisationName: string | null | undefined,
): string {
  if (person.erased === true || person.name === null) return t('person.erased');
  return t('person.withOrganisation', {
    name: personName(t, person),
    organisation: organisationName ?? t('person.unknownOrganisation'),
  });
}

export interface OrganisationGroup<T, O> {
  organisationId: string;
  organisation: O | null;
  members: T[];
}

/**
 * Groups items by organisation, in the order of `organisations`, with organisations that list
 * does not know last. Organisations without items are kept only with `keepEmpty`.
 */
export function groupByOrganisation<T, O extends { id: string }>(
  items: readonly T[],
  organisationIdOf: (item: T) => string,
  organisations: readonly O[],
  { keepEmpty = false }: { keepEmpty?: boolean } = {},
): OrganisationGroup<T, O>[] {
  const groups = new Map<string, OrganisationGroup<T, O>>();
  for (const organisation of organisations) {
    groups.set(organisation.id, { organisationId: organisation.id, organisation, members: [] });
  }
  for (const item of items) {
    const id = organisationIdOf(item);
    let group = groups.get(id);
    if (group === undefined) {
      group = { organisationId: id, organisation: null, members: [] };
      groups.set(id, group);
    }
    group.members.push(item);
  }
  return [...groups.values()].filter((group) => keepEmpty || group.members.length > 0);
}
