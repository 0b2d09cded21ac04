import type { AccordConnection } from '@accord/sync/client';
import { useEffect, useState } from 'react';
import { type Participant, participantsFrom } from './participants.ts';

/** Who is on the document, from the provider's awareness; updated on every change. */
export function usePresence(connection: AccordConnection | null): Participant[] {
  const [participants, setParticipants] = useState<Participant[]>([]);
  useEffect(() => {
    if (connection === null) return;
    const { awareness } = connection.provider;
    const refresh = () =>
      setParticipants(participantsFrom(awareness.getStates(), awareness.clientID));
    refresh();
    // 'change' fires when a state is added, updated or removed, not on every heartbeat.
    awareness.on('change', refresh);
    return () => awareness.off('change', refresh);
  }, [connection]);
  return participants;
}
