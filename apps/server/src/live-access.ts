import type { Store } from '@accord/store';
import { CloseCode, type SyncServer } from '@accord/sync';

/**
 * Makes access changes take effect on open sockets at once: the sync core closes the affected
 * connections with the close code that tells the client what to do (reconnect with the new role,
 * stop, or sign in again). Authorisation itself is decided in one place: the upgrade.
 */
export class LiveAccess {
  #sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly sync: SyncServer,
    private readonly store: Store,
  ) {}

  /** Signed out, expired, or password changed: those sockets must sign in again (4401). */
  sessionsEnded(sessionIds: readonly string[]): void {
    for (const sessionId of sessionIds) {
      this.sync.closeWhere({ sessionId }, CloseCode.unauthenticated, 'session ended');
    }
  }

  /** The role changed: reconnect now to get the new permissions (4500). */
  roleChanged(partnershipId: string, personId: string): void {
    this.sync.closeWhere({ partnershipId, personId }, CloseCode.reconnect, 'role changed');
  }

  /** Removed from the partnership (or their organisation left): access is gone (4403). */
  accessRevoked(partnershipId: string, personIds: readonly string[]): void {
    for (const personId of personIds) {
      this.sync.closeWhere({ partnershipId, personId }, CloseCode.forbidden, 'access revoked');
    }
  }

  personErased(personId: string): void {
    this.sync.closeWhere({ personId }, CloseCode.forbidden, 'account erased');
  }

  /** Every `intervalMs`, deletes expired sessions and closes their sockets. */
  startExpirySweep(intervalMs = 30_000): void {
    this.#sweeper = setInterval(() => {
      this.store.deleteExpiredSessions(Date.now()).then(
        (expired) => this.sessionsEnded(expired.map((s) => s.id)),
        (error: unknown) => console.error('[auth] session sweep failed', error),
      );
    }, intervalMs);
    this.#sweeper.unref();
  }

  stop(): void {
    if (this.#sweeper) clearInterval(this.#sweeper);
  }
}
