import type { z } from 'zod/mini';
import {
  type AuditVerdict,
  acceptedInvitationSchema,
  anySchema,
  apiErrorBodySchema,
  auditVerdictSchema,
  type CreatedInvitation,
  createdInvitationSchema,
  type DocumentDetail,
  type DocumentKind,
  type DocumentRecord,
  documentDetailSchema,
  documentSchema,
  type Invitation,
  type InvitationPreview,
  invitationListSchema,
  invitationPreviewSchema,
  type Language,
  type Me,
  type Mention,
  type MyPartnership,
  meSchema,
  type ParticipantOrganisation,
  type Partnership,
  type PartnershipDetail,
  type PasswordResetLink,
  participantOrganisationSchema,
  partnershipDetailSchema,
  partnershipListSchema,
  partnershipSchema,
  passwordResetLinkSchema,
  type Role,
  removedOrganisationSchema,
  type Thread,
  type ThreadList,
  threadAnswerSchema,
  threadListSchema,
} from './schemas.ts';

/**
 * Why a call failed, in categories the UI can word: `network` (no answer), `http` (an error
 * status, with the server's stable code when it sent one), `invalid` (an answer of the wrong
 * shape). `retryAfter` is the server's Retry-After, in seconds, when it sent one.
 */
export class ApiError extends Error {
  constructor(
    readonly kind: 'network' | 'http' | 'invalid',
    message: string,
    readonly status: number | null = null,
    readonly code: string | null = null,
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  get isUnauthenticated(): boolean {
    return this.status === 401 && this.code === 'unauthenticated';
  }
}

/**
 * The session's CSRF token: every state-changing request sends it in `x-csrf-token`. It comes
 * with the session (GET /api/auth/session, sign-in, sign-up, reset) and lives only in memory.
 */
let csrfToken: string | null = null;
/** Told when a call finds the session gone (401 unauthenticated), to show the sign-in form. */
let onUnauthenticated: (() => void) | null = null;
/** Asked for a fresh session when the CSRF token was refused (a sign-in in another tab). */
let refreshSession: (() => Promise<boolean>) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function configureSessionHooks(hooks: {
  onUnauthenticated: () => void;
  refreshSession: () => Promise<boolean>;
}): void {
  onUnauthenticated = hooks.onUnauthenticated;
  refreshSession = hooks.refreshSession;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Auth endpoints answer 401 for a wrong password: that is not "signed out". */
  quietUnauthenticated?: boolean;
}

function parseRetryAfter(value: string | null): number | null {
  if (value === null) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') {
    // The server refuses any write that is not JSON or lacks the session's CSRF token.
    headers['Content-Type'] = 'application/json';
    if (csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  }
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      signal: options.signal ?? null,
      ...(method === 'GET' ? {} : { body: JSON.stringify(options.body ?? {}) }),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('network', error instanceof Error ? error.message : String(error));
  }
}

/** An error status as an ApiError, with the server's stable code when its body has one. */
function httpError(response: Response, body: unknown): ApiError {
  const parsed = apiErrorBodySchema.safeParse(body);
  return new ApiError(
    'http',
    parsed.success ? parsed.data.message : `HTTP ${response.status}`,
    response.status,
    parsed.success ? parsed.data.code : null,
    parseRetryAfter(response.headers.get('Retry-After')),
  );
}

async function request<T>(
  path: string,
  schema: z.ZodMiniType<T>,
  options: RequestOptions = {},
): Promise<T> {
  let response = await send(path, options);
  if (response.status === 403 && options.method !== undefined && options.method !== 'GET') {
    const body: unknown = await response
      .clone()
      .json()
      .catch(() => null);
    const parsed = apiErrorBodySchema.safeParse(body);
    // Another tab signed in again: our token is stale. Fetch the current one and retry once.
    if (parsed.success && parsed.data.code === 'csrf_failed' && refreshSession !== null) {
      if (await refreshSession()) response = await send(path, options);
    }
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = httpError(response, body);
    if (error.isUnauthenticated && !options.quietUnauthenticated) onUnauthenticated?.();
    throw error;
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError('invalid', parsed.error.message, response.status);
  return parsed.data;
}

/** The file name a download response names, Unicode `filename*` (RFC 5987) first. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended);
    } catch {
      // A malformed name: use the plain one below.
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/** A document exported by the server, as a file to save. */
export async function downloadExport(
  documentId: string,
  format: 'md' | 'html' | 'docx' | 'pdf',
): Promise<{ blob: Blob; fileName: string }> {
  const response = await send(
    `/api/documents/${encodeURIComponent(documentId)}/export?format=${format}`,
    {},
  );
  if (!response.ok) {
    const error = httpError(response, await response.json().catch(() => null));
    if (error.isUnauthenticated) onUnauthenticated?.();
    throw error;
  }
  const fileName = fileNameOf(response.headers.get('Content-Disposition'), `document.${format}`);
  return { blob: await response.blob(), fileName };
}

const enc = encodeURIComponent;

// Session and account.

/** The signed-in person, or null when signed out. */
export async function fetchSession(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await request('/api/auth/session', meSchema, { signal, quietUnauthenticated: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function signIn(input: { email: string; password: string }): Promise<Me> {
  return request('/api/auth/signin', meSchema, {
    method: 'POST',
    body: input,
    quietUnauthenticated: true,
  });
}

export type SignUpRequest =
  | { name: string; email: string; password: string; invitationToken: string }
  | {
      name: string;
      email: string;
      password: string;
      organisation: { name: string; sector: string };
    };

export function signUp(input: SignUpRequest): Promise<Me> {
  return request('/api/auth/signup', meSchema, {
    method: 'POST',
    body: input,
    quietUnauthenticated: true,
  });
}

export function signOut(): Promise<unknown> {
  return request('/api/auth/signout', anySchema, { method: 'POST', quietUnauthenticated: true });
}

export function changePassword(input: {
  currentPassword: string;
  newPassword: string;
}): Promise<unknown> {
  return request('/api/auth/password', anySchema, { method: 'POST', body: input });
}

export function resetPassword(input: { token: string; newPassword: string }): Promise<Me> {
  return request('/api/auth/reset', meSchema, {
    method: 'POST',
    body: input,
    quietUnauthenticated: true,
  });
}

/**
 * Asks for a reset link by email. The server answers the same whether or not the account exists;
 * 501 `mail_disabled` when it sends no mail.
 */
export function requestPasswordReset(email: string): Promise<unknown> {
  return request('/api/auth/forgot', anySchema, {
    method: 'POST',
    body: { email },
    quietUnauthenticated: true,
  });
}

// Partnerships.

export function fetchPartnerships(signal?: AbortSignal): Promise<MyPartnership[]> {
  return request('/api/partnerships', partnershipListSchema, { signal });
}

export function createPartnership(input: {
  name: string;
  purpose: string;
  language: Language;
  colour: string;
}): Promise<Partnership> {
  return request('/api/partnerships', partnershipSchema, { method: 'POST', body: input });
}

export function fetchPartnership(id: string, signal?: AbortSignal): Promise<PartnershipDetail> {
  return request(`/api/partnerships/${enc(id)}`, partnershipDetailSchema, { signal });
}

export function addOrganisation(
  partnershipId: string,
  input: { organisation: { name: string; sector: string }; colour: string },
): Promise<ParticipantOrganisation> {
  return request(
    `/api/partnerships/${enc(partnershipId)}/organisations`,
    participantOrganisationSchema,
    { method: 'POST', body: input },
  );
}

export function removeOrganisation(partnershipId: string, organisationId: string) {
  return request(
    `/api/partnerships/${enc(partnershipId)}/organisations/${enc(organisationId)}`,
    removedOrganisationSchema,
    { method: 'DELETE' },
  );
}

export function updateMember(
  partnershipId: string,
  personId: string,
  patch: { role?: Role; signatory?: boolean },
): Promise<unknown> {
  return request(`/api/partnerships/${enc(partnershipId)}/members/${enc(personId)}`, anySchema, {
    method: 'PATCH',
    body: patch,
  });
}

export function removeMember(partnershipId: string, personId: string): Promise<unknown> {
  return request(`/api/partnerships/${enc(partnershipId)}/members/${enc(personId)}`, anySchema, {
    method: 'DELETE',
  });
}

export function issuePasswordReset(
  partnershipId: string,
  personId: string,
): Promise<PasswordResetLink> {
  return request(
    `/api/partnerships/${enc(partnershipId)}/members/${enc(personId)}/password-reset`,
    passwordResetLinkSchema,
    { method: 'POST' },
  );
}

// Invitations.

export function createInvitation(
  partnershipId: string,
  input: { organisationId: string; role: Role; expiresInDays: number },
): Promise<CreatedInvitation> {
  return request(`/api/partnerships/${enc(partnershipId)}/invitations`, createdInvitationSchema, {
    method: 'POST',
    body: input,
  });
}

export function fetchInvitations(
  partnershipId: string,
  signal?: AbortSignal,
): Promise<Invitation[]> {
  return request(`/api/partnerships/${enc(partnershipId)}/invitations`, invitationListSchema, {
    signal,
  });
}

export function revokeInvitation(partnershipId: string, invitationId: string): Promise<unknown> {
  return request(
    `/api/partnerships/${enc(partnershipId)}/invitations/${enc(invitationId)}`,
    anySchema,
    { method: 'DELETE' },
  );
}

export function fetchInvitationPreview(
  token: string,
  signal?: AbortSignal,
): Promise<InvitationPreview> {
  return request(`/api/invitations/${enc(token)}`, invitationPreviewSchema, {
    signal,
    quietUnauthenticated: true,
  });
}

export function acceptInvitation(token: string): Promise<{ partnershipId: string }> {
  return request(`/api/invitations/${enc(token)}/accept`, acceptedInvitationSchema, {
    method: 'POST',
  });
}

// Audit.

export function auditDownloadUrl(partnershipId: string): string {
  return `/api/partnerships/${enc(partnershipId)}/audit`;
}

export function verifyAudit(partnershipId: string, signal?: AbortSignal): Promise<AuditVerdict> {
  return request(`/api/partnerships/${enc(partnershipId)}/audit/verify`, auditVerdictSchema, {
    signal,
  });
}

// Documents.

export function fetchDocument(id: string, signal?: AbortSignal): Promise<DocumentDetail> {
  return request(`/api/documents/${enc(id)}`, documentDetailSchema, { signal });
}

export function createDocument(
  partnershipId: string,
  input: { title: string; kind: DocumentKind },
): Promise<DocumentRecord> {
  return request(`/api/partnerships/${enc(partnershipId)}/documents`, documentSchema, {
    method: 'POST',
    body: input,
  });
}

export function renameDocument(id: string, title: string): Promise<unknown> {
  return request(`/api/documents/${enc(id)}`, anySchema, { method: 'PATCH', body: { title } });
}

export function archiveDocument(id: string, archived: boolean): Promise<unknown> {
  return request(`/api/documents/${enc(id)}/archive`, anySchema, {
    method: 'POST',
    body: { archived },
  });
}

/**
 * The typed request every call above uses, for feature folders that keep their own calls and
 * schemas beside their components (e.g. `review/api.ts`).
 */
export { request as apiRequest };

// Comments.

const threadsPath = (documentId: string) => `/api/documents/${enc(documentId)}/threads`;

export function fetchThreads(documentId: string, signal?: AbortSignal): Promise<ThreadList> {
  return request(threadsPath(documentId), threadListSchema, { signal });
}

export interface NewThread {
  anchor: Thread['anchor'];
  body: string;
  visibility: Thread['visibility'];
  mentions: Mention[];
}

export async function createThread(documentId: string, input: NewThread): Promise<Thread> {
  return (
    await request(threadsPath(documentId), threadAnswerSchema, { method: 'POST', body: input })
  ).thread;
}

export async function replyToThread(
  documentId: string,
  threadId: string,
  input: { body: string; mentions: Mention[] },
): Promise<Thread> {
  const path = `${threadsPath(documentId)}/${enc(threadId)}/comments`;
  return (await request(path, threadAnswerSchema, { method: 'POST', body: input })).thread;
}

export async function editComment(
  documentId: string,
  threadId: string,
  commentId: string,
  input: { body: string; mentions: Mention[] },
): Promise<Thread> {
  const path = `${threadsPath(documentId)}/${enc(threadId)}/comments/${enc(commentId)}`;
  return (await request(path, threadAnswerSchema, { method: 'PATCH', body: input })).thread;
}

export async function deleteComment(
  documentId: string,
  threadId: string,
  commentId: string,
): Promise<Thread> {
  const path = `${threadsPath(documentId)}/${enc(threadId)}/comments/${enc(commentId)}`;
  return (await request(path, threadAnswerSchema, { method: 'DELETE' })).thread;
}

export async function setThreadStatus(
  documentId: string,
  threadId: string,
  status: Thread['status'],
): Promise<Thread> {
  const path = `${threadsPath(documentId)}/${enc(threadId)}`;
  return (await request(path, threadAnswerSchema, { method: 'PATCH', body: { status } })).thread;
}

/** Marks the document's comments read up to `upTo` (the list's `at`), so later ones stay new. */
export function markThreadsRead(documentId: string, upTo: number): Promise<unknown> {
  return request(`${threadsPath(documentId)}/read`, anySchema, {
    method: 'POST',
    body: { upTo },
  });
}
