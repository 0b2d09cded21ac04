import type { PersonRecord } from '@accord/domain';
import type { Mailer } from './mailer.ts';
import { passwordResetMail, type ResetMailInput } from './templates.ts';

/**
 * Emails a password-reset link to `person`. Never throws: a failure is logged (by person id, not
 * address) and answered `false`, and the reset itself stays valid — the caller stored it first.
 */
export async function mailResetLink(
  mailer: Mailer,
  person: PersonRecord,
  input: Omit<ResetMailInput, 'name'>,
): Promise<boolean> {
  if (!mailer.enabled || !person.email || person.erasedAt !== null) return false;
  try {
    await mailer.send({
      to: { name: person.name, address: person.email },
      ...passwordResetMail({ ...input, name: person.name }),
    });
    return true;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`[mail] password-reset mail to person ${person.id} not sent: ${reason}`);
    return false;
  }
}
