import type { z } from 'zod/mini';
import {
  apiErrorBodySchema,
  type DocumentDetail,
  type DocumentKind,
  type DocumentRecord,
  documentDetailSchema,
  documentSchema,
  type Partnership,
  type PartnershipDetail,
  partnershipDetailSchema,
  partnershipListSchema,
} from './schemas.ts';

/**
 * Why a call failed, in categories the UI can word: `network` (no answer), `http` (an error
 * status, with the server's code when it sent one), `invalid` (an answer of the wrong shape).
 */
export class ApiError extends Error {
  constructor(
    readonly kind: 'network' | 'http' | 'invalid',
    message: string,
    readonly status: number | null = null,
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

async function request<T>(
  path: string,
  schema: z.ZodMiniType<T>,
  init: RequestInit = {},
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      signal: signal ?? null,
      headers: { Accept: 'application/json', ...init.headers },
      credentials: 'same-origin',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('network', error instanceof Error ? error.message : String(error));
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = apiErrorBodySchema.safeParse(body);
    const detail = parsed.success ? parsed.data.error : null;
    throw new ApiError(
      'http',
      detail?.message ?? `HTTP ${response.status}`,
      response.status,
      detail?.code ?? null,
    );
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError('invalid', parsed.error.message, response.status);
  return parsed.data;
}

const enc = encodeURIComponent;

export function fetchPartnerships(signal?: AbortSignal): Promise<Partnership[]> {
  return request('/api/partnerships', partnershipListSchema, {}, signal);
}

export function fetchPartnership(id: string, signal?: AbortSignal): Promise<PartnershipDetail> {
  return request(`/api/partnerships/${enc(id)}`, partnershipDetailSchema, {}, signal);
}

export function fetchDocument(id: string, signal?: AbortSignal): Promise<DocumentDetail> {
  return request(`/api/documents/${enc(id)}`, documentDetailSchema, {}, signal);
}

export function createDocument(
  partnershipId: string,
  input: { title: string; kind: DocumentKind },
): Promise<DocumentRecord> {
  return request(`/api/partnerships/${enc(partnershipId)}/documents`, documentSchema, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
}
