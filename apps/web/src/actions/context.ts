import { createContext, useContext } from 'react';
import type { Member, ParticipantOrganisation } from '../api/index.ts';

/** What the action controls pick from: the partnership's organisations and people, and who I am. */
export interface ActionsContextValue {
  organisations: readonly ParticipantOrganisation[];
  members: readonly Member[];
  myOrganisationId: string | null;
}

export const ActionsContext = createContext<ActionsContextValue>({
  organisations: [],
  members: [],
  myOrganisationId: null,
});

export const useActionsContext = () => useContext(ActionsContext);
