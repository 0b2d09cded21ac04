import { createTranslator } from '@accord/i18n';
import { describe, expect, it } from 'vitest';
import { ApiError } from './client.ts';
import { errorMessage } from './errors.ts';

const codes = [
  'comment_too_long',
  'payload_too_large',
  'comment_deleted',
  'invalid_mention',
  'document_archived',
];

describe('errorMessage for comments', () => {
  for (const locale of ['fr', 'en'] as const) {
    it(`words every comment error code in ${locale}, not as the generic error`, () => {
      const t = createTranslator(locale);
      const generic = t('errors.generic');
      const messages = codes.map((code) =>
        errorMessage(t, new ApiError('http', 'server words', 400, code)),
      );
      for (const message of messages) expect(message).not.toBe(generic);
      expect(new Set(messages).size).toBe(codes.length);
      expect(messages[0]).toMatch(/10\D?000/);
    });
  }
});
