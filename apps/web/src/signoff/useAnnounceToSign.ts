import { useEffect } from 'react';
import { announceToSignChanged } from '../to-sign/index.ts';
import type { AgreementView } from './schemas.ts';

/**
 * Tells the header's "To sign" count to refresh when this agreement's state, version or any
 * decision in force changes — mine after approving, or live from someone else.
 */
export function useAnnounceToSign(view: AgreementView | null): void {
  const key =
    view === null
      ? null
      : [
          view.agreement.state,
          view.agreement.version,
          ...(view.signing?.parties.map((p) => p.decision?.id ?? '-') ?? []),
        ].join(':');
  useEffect(() => {
    if (key !== null) announceToSignChanged();
  }, [key]);
}
