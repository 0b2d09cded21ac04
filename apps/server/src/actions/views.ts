import { type ActionContext, type ActionProblem, actionProblems, isOverdue } from '@accord/domain';
import type {
  DocumentRecord,
  IndexedAction,
  MemberWithPerson,
  ParticipationWithOrganisation,
  Store,
} from '@accord/store';

/** An action as the API serves it: its fields, its plan, and what is wrong with it now. */
export interface ActionView extends IndexedAction {
  document: { id: string; title: string; kind: string };
  problems: ActionProblem[];
  overdue: boolean;
}

/** Today as `YYYY-MM-DD` in UTC: due dates are calendar dates without a time zone. */
export const todayIso = (now = Date.now()) => new Date(now).toISOString().slice(0, 10);

export interface PartnershipDirectory {
  participations: ParticipationWithOrganisation[];
  members: MemberWithPerson[];
}

export async function directoryOf(
  store: Store,
  partnershipId: string,
): Promise<PartnershipDirectory> {
  const [participations, members] = await Promise.all([
    store.listParticipations(partnershipId),
    store.listMembers(partnershipId),
  ]);
  return { participations, members };
}

/**
 * Problems are computed when served, against the partnership as it is now: a person removed
 * since the last edit shows as a problem without re-indexing anything.
 */
export function actionViews(
  actions: readonly IndexedAction[],
  documents: readonly DocumentRecord[],
  directory: PartnershipDirectory,
  now = Date.now(),
): ActionView[] {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const organisationIds = new Set(
    directory.participations.filter((p) => p.leftAt === null).map((p) => p.organisationId),
  );
  const personIds = new Set(directory.members.map((m) => m.personId));
  const idsByDocument = new Map<string, Set<string>>();
  for (const action of actions) {
    const ids = idsByDocument.get(action.documentId) ?? new Set<string>();
    ids.add(action.id);
    idsByDocument.set(action.documentId, ids);
  }
  const today = todayIso(now);
  return actions.flatMap((action) => {
    const document = byId.get(action.documentId);
    if (!document) return [];
    const context: ActionContext = {
      organisationIds,
      personIds,
      actionIds: idsByDocument.get(action.documentId) ?? new Set(),
    };
    return [
      {
        ...action,
        document: { id: document.id, title: document.title, kind: document.kind },
        problems: actionProblems(action, context),
        overdue: isOverdue(action, today),
      },
    ];
  });
}
