import { useMemo } from 'react';
import { useT } from '../i18n/index.ts';
import { personName } from '../people/index.ts';
import { useActionsContext } from './context.ts';

/** Turns organisation and person ids into names, with a clear label for ones that are gone. */
export function useNames() {
  const t = useT();
  const { organisations, members } = useActionsContext();
  return useMemo(() => {
    const organisationNames = new Map(organisations.map((o) => [o.id, o.name]));
    const people = new Map(members.map((m) => [m.id, m]));
    return {
      organisation: (id: string) => organisationNames.get(id) ?? t('actions.unknownOrganisation'),
      person: (id: string) => {
        const person = people.get(id);
        return person ? personName(t, person) : t('actions.removedPerson');
      },
    };
  }, [t, organisations, members]);
}
