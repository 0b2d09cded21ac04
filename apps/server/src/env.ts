import type { PersonRecord, SessionRecord } from '@accord/domain';

/** What a request knows about who sent it, once the session middleware ran. */
export interface Auth {
  session: SessionRecord;
  person: PersonRecord;
}

/** Hono's typed context variables for every route. */
export interface AppEnv {
  Variables: {
    auth: Auth | null;
  };
}
