import { apiRequest } from '../api/index.ts';
import { type AwaitingSignature, awaitingSignatureSchema } from './schemas.ts';

export function fetchAwaitingSignature(
  partnershipId: string,
  signal?: AbortSignal,
): Promise<AwaitingSignature> {
  return apiRequest(
    `/api/partnerships/${encodeURIComponent(partnershipId)}/agreements/awaiting`,
    awaitingSignatureSchema,
    { signal },
  );
}
