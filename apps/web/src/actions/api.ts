import { apiRequest } from '../api/index.ts';
import { type ActionView, actionListSchema } from './schemas.ts';

const enc = encodeURIComponent;

export const planActionsUrl = (documentId: string, ext: '' | '.csv' | '.ics' = '') =>
  `/api/documents/${enc(documentId)}/actions${ext}`;
export const commitmentsUrl = (partnershipId: string, ext: '' | '.csv' | '.ics' = '') =>
  `/api/partnerships/${enc(partnershipId)}/commitments${ext}`;

export async function fetchPlanActions(
  documentId: string,
  signal?: AbortSignal,
): Promise<ActionView[]> {
  return (await apiRequest(planActionsUrl(documentId), actionListSchema, { signal })).actions;
}

export async function fetchCommitments(
  partnershipId: string,
  signal?: AbortSignal,
): Promise<ActionView[]> {
  return (await apiRequest(commitmentsUrl(partnershipId), actionListSchema, { signal })).actions;
}
