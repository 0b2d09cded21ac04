import { useCallback, useSyncExternalStore } from 'react';

/**
 * "Who am I" per partnership, kept in localStorage until accounts arrive. Every tab and every
 * component sees the same value: changes go through one event, and other tabs through `storage`.
 */

const CHANGE_EVENT = 'accord:identity';
const keyFor = (partnershipId: string) => `accord.person.${partnershipId}`;

function read(partnershipId: string): string | null {
  try {
    return window.localStorage.getItem(keyFor(partnershipId));
  } catch {
    return memory.get(partnershipId) ?? null;
  }
}

/** Used when localStorage is unavailable: the choice then lasts as long as the page. */
const memory = new Map<string, string>();

export function writeChosenPerson(partnershipId: string, personId: string | null): void {
  if (personId === null) memory.delete(partnershipId);
  else memory.set(partnershipId, personId);
  try {
    if (personId === null) window.localStorage.removeItem(keyFor(partnershipId));
    else window.localStorage.setItem(keyFor(partnershipId), personId);
  } catch {
    // kept in memory only
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener('storage', onChange);
  };
}

export function useChosenPersonId(
  partnershipId: string,
): [string | null, (personId: string | null) => void] {
  const personId = useSyncExternalStore(subscribe, () => read(partnershipId));
  const choose = useCallback(
    (next: string | null) => writeChosenPerson(partnershipId, next),
    [partnershipId],
  );
  return [personId, choose];
}
