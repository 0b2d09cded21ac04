import {
  addOrganisationInput,
  archiveDocumentInput,
  changePasswordInput,
  closeReviewRoundInput,
  commentLimits,
  createDocumentInput,
  createInvitationInput,
  createPartnershipInput,
  createThreadInput,
  decideAgreementInput,
  editCommentInput,
  erasureInput,
  forgotPasswordInput,
  markReadInput,
  markReviewInput,
  moveAgreementInput,
  openReviewRoundInput,
  renameDocumentInput,
  replyInput,
  resetPasswordInput,
  reviewLimits,
  signInInput,
  signUpInput,
  threadStatusInput,
  updateMemberInput,
  updatePartnershipInput,
  verifyInput,
} from '@accord/domain';
import { z } from 'zod';
import { errorCodes } from './errors.ts';

interface Operation {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** OpenAPI path, `{param}` style. */
  path: string;
  summary: string;
  body?: z.ZodType;
  /** Query parameters, all optional. */
  query?: { name: string; description: string }[];
  /** Who may call it, in words (the server enforces it). */
  access: string;
  success: number;
}

/**
 * Every REST operation, described once. A test checks this list against the routes the Hono app
 * really has, so the document cannot drift from the code.
 */
export const operations: Operation[] = [
  {
    method: 'get',
    path: '/api/health',
    summary: 'Liveness and load',
    access: 'anyone',
    success: 200,
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document',
    access: 'anyone',
    success: 200,
  },
  {
    method: 'get',
    path: '/api/auth/session',
    summary: 'Who I am, and my CSRF token',
    access: 'signed in',
    success: 200,
  },
  {
    method: 'post',
    path: '/api/auth/signup',
    summary: 'Create an account, through an invitation or with a new organisation',
    body: signUpInput,
    access: 'anyone',
    success: 201,
  },
  {
    method: 'post',
    path: '/api/auth/signin',
    summary: 'Sign in (rate-limited per account and address)',
    body: signInInput,
    access: 'anyone',
    success: 200,
  },
  {
    method: 'post',
    path: '/api/auth/signout',
    summary: 'Sign out; closes this session’s sockets (4401)',
    access: 'anyone',
    success: 200,
  },
  {
    method: 'post',
    path: '/api/auth/password',
    summary: 'Change my password; signs out my other sessions',
    body: changePasswordInput,
    access: 'signed in',
    success: 200,
  },
  {
    method: 'post',
    path: '/api/auth/reset',
    summary: 'Set a new password with a reset link’s token',
    body: resetPasswordInput,
    access: 'anyone with the link',
    success: 200,
  },
  {
    method: 'post',
    path: '/api/auth/forgot',
    summary:
      'Email me a reset link (24 h): always 202, whether or not the account exists; rate-limited per email and address; 501 mail_disabled without SMTP',
    body: forgotPasswordInput,
    access: 'anyone',
    success: 202,
  },
  {
    method: 'post',
    path: '/api/auth/erase',
    summary: 'Erase my personal data (contributions stay, unnamed)',
    body: erasureInput,
    access: 'signed in',
    success: 200,
  },
  {
    method: 'post',
    path: '/api/auth/ticket',
    summary: 'A single-use websocket ticket (60 s) for non-browser clients',
    access: 'signed in',
    success: 201,
  },
  {
    method: 'get',
    path: '/api/partnerships',
    summary: 'My partnerships, with my role',
    access: 'signed in',
    success: 200,
  },
  {
    method: 'post',
    path: '/api/partnerships',
    summary: 'Create a partnership; I become its facilitator',
    body: createPartnershipInput,
    access: 'signed in',
    success: 201,
  },
  {
    method: 'get',
    path: '/api/partnerships/{id}',
    summary: 'A partnership: organisations, members, documents',
    access: 'member',
    success: 200,
  },
  {
    method: 'patch',
    path: '/api/partnerships/{id}',
    summary: 'Rename, describe, set the language',
    body: updatePartnershipInput,
    access: 'facilitator',
    success: 200,
  },
  {
    method: 'post',
    path: '/api/partnerships/{id}/organisations',
    summary: 'Add an organisation (new or existing)',
    body: addOrganisationInput,
    access: 'facilitator',
    success: 201,
  },
  {
    method: 'delete',
    path: '/api/partnerships/{id}/organisations/{organisationId}',
    summary: 'An organisation leaves; its people lose access (4403)',
    access: 'facilitator',
    success: 200,
  },
  {
    method: 'patch',
    path: '/api/partnerships/{id}/members/{personId}',
    summary: 'Change a role (sockets reconnect, 4500) or signatory',
    body: updateMemberInput,
    access: 'facilitator',
    success: 200,
  },
  {
    method: 'delete',
    path: '/api/partnerships/{id}/members/{personId}',
    summary: 'Remove a member (sockets close, 4403)',
    access: 'facilitator',
    success: 200,
  },
  {
    method: 'post',
    path: '/api/partnerships/{id}/members/{personId}/password-reset',
    summary:
      'Issue a password-reset link (24 h), also emailed to the member when mail is on (`emailed`)',
    access: 'facilitator',
    success: 201,
  },
  {
    method: 'post',
    path: '/api/partnerships/{id}/invitations',
    summary: 'Invite by link: single use, expiring, bound to an organisation and a role',
    body: createInvitationInput,
    access: 'facilitator',
    success: 201,
  },
  {
    method: 'get',
    path: '/api/partnerships/{id}/invitations',
    summary: 'Invitations and their status',
    access: 'facilitator',
    success: 200,
  },
  {
    method: 'delete',
    path: '/api/partnerships/{id}/invitations/{invitationId}',
    summary: 'Withdraw an invitation',
    access: 'facilitator',
    success: 200,
  },
  {
    method: 'post',
    path: '/api/partnerships/{id}/documents',
    summary: 'Create a document from a template',
    body: createDocumentInput,
    access: 'facilitator, editor',
    success: 201,
  },
  {
    method: 'get',
    path: '/api/partnerships/{id}/audit',
    summary: 'The audit log, JSON Lines',
    access: 'member',
    success: 200,
  },
  {
    method: 'get',
    path: '/api/partnerships/{id}/audit/verify',
    summary: 'Verify the audit chain; points at the first broken link',
    access: 'member',
    success: 200,
  },
  {
    method: 'get',
    path: '/api/documents/{id}',
    summary: 'A document, its partnership and my membership',
    access: 'member',
    success: 200,
  },
  {
    method: 'patch',
    path: '/api/documents/{id}',
    summary: 'Rename a document',
    body: renameDocumentInput,
    access: 'facilitator, editor',
    success: 200,
  },
  {
    method: 'post',
    path: '/api/documents/{id}/archive',
    summary: 'Archive or restore a document',
    body: archiveDocumentInput,
    access: 'facilitator',
    success: 200,
  },
  {
    method: 'get',
    path: '/api/documents/{id}/export',
    summary:
      'The document as a file (Content-Disposition attachment, RFC 5987 file name), rendered by the server from its stored state in the document’s language; a draft carries a “Projet — non signé” mark. 503 export_busy with Retry-After when too many exports wait',
    query: [{ name: 'format', description: '`md`, `html`, `docx` or `pdf` (required)' }],
    access: 'member',
    success: 200,
  },
  {
    method: 'get',
    path: '/api/partnerships/{id}/inbox',
    summary:
      'Comment threads I may see across the partnership’s documents, most recently active first, with what is new to me since my last visit of each document',
    query: [
      { name: 'status', description: '`open` or `resolved`' },
      { name: 'organisationId', description: 'threads started by this organisation' },
      { name: 'documentId', description: 'threads of this document only' },
      { name: 'mine', description: '`1`: threads I started or replied to' },
      {
        name: 'mentions',
        description: '`1`: threads with a comment mentioning me or my organisation',
      },
      {
        name: 'limit',
        description: `at most this many threads (default 50, max ${commentLimits.inboxPage})`,
      },
    ],
    access: 'member',
    success: 200,
  },
  {
    method: 'get',
    path: '/api/partnerships/{id}/agreements/awaiting',
    summary:
      'Agreements in signing that wait for my organisation’s decision, when I am one of its signatories (empty otherwise): document, version, short fingerprint, locked at',
    access: 'member',
    success: 200,
  },
  {
    method: 'get',
    path: '/api/documents/{id}/actions',
    summary:
      'The plan’s actions from the action index, with their problems and whether they are overdue',
    access: 'member',
    success: 200,
  },
  {
    method: 'get',
    path: '/api/documents/{id}/actions.csv',
    summary:
      'The plan’s actions as CSV (UTF-8 with BOM, RFC 4180, headers in the partnership’s language)',
    access: 'member',
    success: 200,
  },
  {
    method: 'get',
    path: '/api/documents/{id}/actions.ics',
    summary: 'The plan’s due dates as iCalendar, one all-day event per action with a stable UID',
    access: 'member',
    success: 200,
  },
  {
    method: 'get',
    path: '/api/partnerships/{id}/commitments',
    summary:
      'Our commitments: actions my organisation leads, commits to or has people on, across every plan',
    access: 'member',
    success: 200,
  },
  {
    method: 'get',
    path: '/api/partnerships/{id}/commitments.csv',
    summary: 'Our commitments as CSV',
    access: 'member',
    success: 200,
  },
  {
    method: 'get',
    path: '/api/partnerships/{id}/commitments.ics',
    summary: 'Our commitments’ due dates as iCalendar',
    access: 'member',
    success: 200,
  },
  {
    method: 'get',
    path: '/api/organisations/{id}/audit',
    summary: 'My organisation’s own audit log (internal comment threads), JSON Lines',
    access: 'people of the organisation',
    success: 200,
  },
  {
    method: 'get',
    path: '/api/organisations/{id}/audit/verify',
    summary: 'Verify my organisation’s audit chain',
    access: 'people of the organisation',
    success: 200,
  },
  {
    method: 'get',
    path: '/api/documents/{id}/review-rounds',
    summary:
      'The document’s review rounds: `current` (the open one, or null), `history` (closed ones, newest first), the organisations whose reviews are expected and the people the rounds name',
    access: 'member',
    success: 200,
  },
  {
    method: 'post',
    path: '/api/documents/{id}/review-rounds',
    summary:
      'Open a review round with a deadline (ms since the epoch, in the future and within a year: 400 invalid_deadline); one open round per document (409 review_round_open)',
    body: openReviewRoundInput,
    access: 'facilitator',
    success: 201,
  },
  {
    method: 'patch',
    path: '/api/documents/{id}/review-rounds/{roundId}',
    summary: 'Close a review round (idempotent)',
    body: closeReviewRoundInput,
    access: 'facilitator',
    success: 200,
  },
  {
    method: 'post',
    path: '/api/documents/{id}/review-rounds/{roundId}/reviews',
    summary: `Mark my organisation’s review of an open round done (409 review_round_closed), with an optional summary of at most ${reviewLimits.summaryChars} characters (413 summary_too_long); marking again replaces it`,
    body: markReviewInput,
    access: 'facilitator, editor, commenter, for their own organisation',
    success: 200,
  },
  {
    method: 'get',
    path: '/api/documents/{id}/threads',
    summary:
      'The comment threads I may see on a document (shared ones, and my organisation’s internal ones), with their comments, the people they name, my last visit (`seenAt`) and unread counts',
    query: [{ name: 'status', description: '`open` or `resolved`' }],
    access: 'member',
    success: 200,
  },
  {
    method: 'post',
    path: '/api/documents/{id}/threads',
    summary: `Start a thread on selected text, shared with the partnership or internal to my organisation; body at most ${commentLimits.bodyChars} characters (413 comment_too_long)`,
    body: createThreadInput,
    access: 'facilitator, editor, commenter',
    success: 201,
  },
  {
    method: 'post',
    path: '/api/documents/{id}/threads/read',
    summary: 'I have seen this document’s comments up to `upTo` (default now); never goes back',
    body: markReadInput,
    access: 'member',
    success: 200,
  },
  {
    method: 'get',
    path: '/api/documents/{id}/threads/{threadId}',
    summary: 'One thread (404 when it is another organisation’s internal thread)',
    access: 'member',
    success: 200,
  },
  {
    method: 'patch',
    path: '/api/documents/{id}/threads/{threadId}',
    summary: 'Resolve or reopen a thread',
    body: threadStatusInput,
    access: 'facilitator, editor',
    success: 200,
  },
  {
    method: 'post',
    path: '/api/documents/{id}/threads/{threadId}/comments',
    summary: `Reply to a thread; body at most ${commentLimits.bodyChars} characters`,
    body: replyInput,
    access: 'facilitator, editor, commenter',
    success: 201,
  },
  {
    method: 'patch',
    path: '/api/documents/{id}/threads/{threadId}/comments/{commentId}',
    summary: 'Edit my comment',
    body: editCommentInput,
    access: 'the author, while they may comment',
    success: 200,
  },
  {
    method: 'delete',
    path: '/api/documents/{id}/threads/{threadId}/comments/{commentId}',
    summary: 'Delete my comment: it stays as a trace, emptied, with `deletedAt`',
    access: 'the author, while they may comment',
    success: 200,
  },
  {
    method: 'get',
    path: '/api/invitations/{token}',
    summary: 'What an invitation link offers',
    access: 'anyone with the link',
    success: 200,
  },
  {
    method: 'post',
    path: '/api/invitations/{token}/accept',
    summary: 'Accept an invitation with my account',
    access: 'signed in',
    success: 200,
  },
  {
    method: 'get',
    path: '/api/documents/{id}/agreement',
    summary:
      'An agreement’s state, the version being signed (fingerprint, parties and their decisions in force), earlier versions with their decisions, the final exports, and what I may do',
    access: 'member',
    success: 200,
  },
  {
    method: 'post',
    path: '/api/documents/{id}/agreement/state',
    summary:
      'Move the agreement: draft ⇄ review ⇄ signing. Entering signing locks the text for everyone, fixes the parties and stores the fingerprint; returning to review unlocks it and voids the decisions (409 invalid_transition, no_parties, unsupported_content)',
    body: moveAgreementInput,
    access: 'facilitator',
    success: 200,
  },
  {
    method: 'post',
    path: '/api/documents/{id}/agreement/decisions',
    summary:
      'Approve or decline (with a reason) the fingerprint being signed, on behalf of my organisation; the last approval makes it final (403 not_a_signatory, 409 stale_fingerprint, already_decided, not_signing)',
    body: decideAgreementInput,
    access: 'signatory of a party organisation',
    success: 201,
  },
  {
    method: 'delete',
    path: '/api/documents/{id}/agreement/decisions/{organisationId}',
    summary: 'Withdraw my organisation’s decision in force (e.g. lift a decline)',
    access: 'signatory of that organisation',
    success: 200,
  },
  {
    method: 'get',
    path: '/api/documents/{id}/agreement/text',
    summary:
      'The locked text as the server holds it: the canonical tree whose RFC 8785 bytes were fingerprinted',
    query: [{ name: 'version', description: 'a locked version (default: the current one)' }],
    access: 'member',
    success: 200,
  },
  {
    method: 'get',
    path: '/api/documents/{id}/agreement/exports/{name}',
    summary: 'Download one export of a final agreement, as stored when it became final',
    access: 'member',
    success: 200,
  },
  {
    method: 'post',
    path: '/api/verify',
    summary:
      'Is this file (base64) one of the exports of a final agreement, or does this fingerprint belong to one? Titles only for members',
    body: verifyInput,
    access: 'signed in',
    success: 200,
  },
];

/** The OpenAPI 3.1 document of the REST API. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const parameters = [
      ...[...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
        name: m[1],
        in: 'path',
        required: true,
        schema: { type: 'string' },
      })),
      ...(op.query ?? []).map((q) => ({
        name: q.name,
        in: 'query',
        required: false,
        description: q.description,
        schema: { type: 'string' },
      })),
    ];
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      summary: op.summary,
      description: `Access: ${op.access}. State-changing calls need \`content-type: application/json\` and, when signed in, the session's \`x-csrf-token\`.`,
      ...(parameters.length > 0 && { parameters }),
      ...(op.body && {
        requestBody: {
          required: true,
          content: { 'application/json': { schema: z.toJSONSchema(op.body, { io: 'input' }) } },
        },
      }),
      responses: {
        [op.success]: { description: 'Success' },
        default: {
          description: 'Error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Accord API',
      version: '1',
      description:
        'REST API of Accord. Sessions are HttpOnly cookies; non-browser websocket clients use a single-use ticket (`POST /api/auth/ticket`, then `/sync/{documentId}?ticket=…`). The sync protocol and its close codes are in docs/ARCHITECTURE.md.',
    },
    paths,
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['code', 'message'],
          properties: {
            code: { type: 'string', enum: [...errorCodes] },
            message: { type: 'string' },
          },
        },
      },
    },
  };
}
