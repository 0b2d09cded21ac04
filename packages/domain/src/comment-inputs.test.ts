import { describe, expect, it } from 'vitest';
import {
  commentLimits,
  createThreadInput,
  editCommentInput,
  inboxQuery,
  markReadInput,
  replyInput,
  threadStatusInput,
} from './comment-inputs.ts';

const anchor = { start: 'AQLr2ZqKCwA=', end: 'AQLr2ZqKCwQ=', quote: 'le calendrier' };

describe('createThreadInput', () => {
  it('accepts a thread and fills in the defaults', () => {
    const parsed = createThreadInput.parse({ anchor, body: '  Pourquoi mars ?  ' });
    expect(parsed).toEqual({
      anchor: { ...anchor, prefix: '', suffix: '' },
      body: 'Pourquoi mars ?',
      visibility: 'partnership',
      mentions: [],
    });
  });

  it('takes internal visibility and mentions of people and organisations', () => {
    const parsed = createThreadInput.parse({
      anchor,
      body: 'À voir avec @Sophie et @Tremplin',
      visibility: 'organisation',
      mentions: [
        { kind: 'person', personId: 'p_1' },
        { kind: 'organisation', organisationId: 'o-2' },
      ],
    });
    expect(parsed.visibility).toBe('organisation');
    expect(parsed.mentions).toHaveLength(2);
  });

  it('refuses an empty body, a body over the limit, and a blank or too-long quote', () => {
    expect(createThreadInput.safeParse({ anchor, body: '   ' }).success).toBe(false);
    const long = 'a'.repeat(commentLimits.bodyChars + 1);
    const result = createThreadInput.safeParse({ anchor, body: long });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'too_big', path: ['body'] });
    expect(
      createThreadInput.safeParse({ anchor, body: 'a'.repeat(commentLimits.bodyChars) }).success,
    ).toBe(true);
    expect(
      createThreadInput.safeParse({ anchor: { ...anchor, quote: '' }, body: 'x' }).success,
    ).toBe(false);
    const quote = 'q'.repeat(commentLimits.quoteChars + 1);
    expect(createThreadInput.safeParse({ anchor: { ...anchor, quote }, body: 'x' }).success).toBe(
      false,
    );
  });

  it('refuses positions that are not base64, an unknown visibility and odd mentions', () => {
    const bad = [
      { anchor: { ...anchor, start: 'not base64!' }, body: 'x' },
      { anchor: { ...anchor, end: '' }, body: 'x' },
      { anchor, body: 'x', visibility: 'public' },
      { anchor, body: 'x', mentions: [{ kind: 'person', organisationId: 'o' }] },
      { anchor, body: 'x', mentions: [{ kind: 'person', personId: '../etc' }] },
      {
        anchor,
        body: 'x',
        mentions: Array.from({ length: commentLimits.mentions + 1 }, () => ({
          kind: 'person',
          personId: 'p',
        })),
      },
    ];
    for (const input of bad) expect(createThreadInput.safeParse(input).success).toBe(false);
  });
});

describe('the other inputs', () => {
  it('reply and edit take a body and mentions', () => {
    expect(replyInput.parse({ body: 'Oui' })).toEqual({ body: 'Oui', mentions: [] });
    expect(editCommentInput.safeParse({ body: '' }).success).toBe(false);
  });

  it('status is open or resolved', () => {
    expect(threadStatusInput.parse({ status: 'resolved' })).toEqual({ status: 'resolved' });
    expect(threadStatusInput.safeParse({ status: 'closed' }).success).toBe(false);
  });

  it('mark read takes an optional time', () => {
    expect(markReadInput.parse({})).toEqual({});
    expect(markReadInput.safeParse({ upTo: -1 }).success).toBe(false);
  });

  it('the inbox query reads flags and a bounded limit from strings', () => {
    expect(inboxQuery.parse({ mine: '1', mentions: 'false', limit: '10' })).toEqual({
      mine: true,
      mentions: false,
      limit: 10,
    });
    expect(inboxQuery.parse({})).toEqual({ limit: 50 });
    expect(inboxQuery.safeParse({ limit: '1000' }).success).toBe(false);
    expect(inboxQuery.safeParse({ status: 'closed' }).success).toBe(false);
  });
});
