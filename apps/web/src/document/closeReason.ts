import { CloseCode } from '@accord/sync/protocol';
import type { Translate } from '../i18n/index.ts';

/** Why the server closed the socket for good, in plain words. */
export function closeReason(t: Translate, code: number | null): string {
  switch (code) {
    case CloseCode.malformed:
      return t('connection.malformedMessage');
    case CloseCode.unauthenticated:
      return t('connection.notSignedIn');
    case CloseCode.forbidden:
      return t('connection.accessRevoked');
    case CloseCode.notFound:
      return t('connection.documentNotFound');
    case CloseCode.documentTooLarge:
      return t('connection.documentTooLarge');
    case CloseCode.tooMany:
      return t('connection.tooManyConnections');
    case CloseCode.frameTooBig:
      return t('connection.frameTooBig');
    default:
      return t('connection.unknownClose', { code: code ?? '—' });
  }
}
