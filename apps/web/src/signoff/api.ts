import { apiRequest } from '../api/index.ts';
import {
  type AgreementText,
  type AgreementView,
  agreementTextSchema,
  agreementViewSchema,
  type VerifyAnswer,
  verifyAnswerSchema,
} from './schemas.ts';

const base = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/agreement`;

export function fetchAgreement(documentId: string, signal?: AbortSignal): Promise<AgreementView> {
  return apiRequest(base(documentId), agreementViewSchema, { signal });
}

export function moveAgreement(
  documentId: string,
  to: 'draft' | 'review' | 'signing',
): Promise<AgreementView> {
  return apiRequest(`${base(documentId)}/state`, agreementViewSchema, {
    method: 'POST',
    body: { to },
  });
}

export function decideAgreement(
  documentId: string,
  body: { decision: 'approved' | 'declined'; fingerprint: string; reason?: string },
): Promise<AgreementView> {
  return apiRequest(`${base(documentId)}/decisions`, agreementViewSchema, {
    method: 'POST',
    body,
  });
}

export function withdrawDecision(documentId: string, organisationId: string) {
  return apiRequest(
    `${base(documentId)}/decisions/${encodeURIComponent(organisationId)}`,
    agreementViewSchema,
    { method: 'DELETE' },
  );
}

export function fetchAgreementText(
  documentId: string,
  signal?: AbortSignal,
): Promise<AgreementText> {
  return apiRequest(`${base(documentId)}/text`, agreementTextSchema, { signal });
}

export function exportUrl(documentId: string, name: string): string {
  return `${base(documentId)}/exports/${encodeURIComponent(name)}`;
}

export function verify(
  body: { file: string; name?: string } | { fingerprint: string },
): Promise<VerifyAnswer> {
  return apiRequest('/api/verify', verifyAnswerSchema, { method: 'POST', body });
}
