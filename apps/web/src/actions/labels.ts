import type { ActionProblem, ActionStatus } from '@accord/domain';
import type { CatalogKey, Translate } from '../i18n/index.ts';

export const statusLabelKeys = {
  planned: 'actions.statusPlanned',
  in_progress: 'actions.statusInProgress',
  done: 'actions.statusDone',
  blocked: 'actions.statusBlocked',
  cancelled: 'actions.statusCancelled',
} as const satisfies Record<ActionStatus, CatalogKey>;

/** A problem in words; `name` turns an organisation or person id into a label. */
export function problemText(
  t: Translate,
  problem: ActionProblem,
  name: { organisation: (id: string) => string; person: (id: string) => string },
): string {
  switch (problem.code) {
    case 'due_before_start':
      return t('actions.problemDueBeforeStart');
    case 'invalid_date':
      return t(
        problem.field === 'start' ? 'actions.problemInvalidStart' : 'actions.problemInvalidDue',
      );
    case 'unknown_organisation':
      return t('actions.problemUnknownOrganisation', {
        organisation: name.organisation(problem.organisationId),
      });
    case 'removed_person':
      return t('actions.problemRemovedPerson', { person: name.person(problem.personId) });
    case 'unknown_dependency':
      return t('actions.problemUnknownDependency');
  }
}
