import { useMemo } from 'react';
import type { Directory } from '../api/index.ts';
import { findIdentity, type Identity } from './identity.ts';
import { useChosenPersonId } from './store.ts';

export function useIdentity(
  partnershipId: string,
  directory: Directory,
): [Identity | null, (personId: string | null) => void] {
  const [personId, choose] = useChosenPersonId(partnershipId);
  const identity = useMemo(() => findIdentity(directory, personId), [directory, personId]);
  return [identity, choose];
}
