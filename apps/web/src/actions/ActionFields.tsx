import { type ActionStatus, actionProblems, actionStatuses } from '@accord/domain';
import {
  $createCommitment,
  $isActionNode,
  type ActionNode,
  actionDependsOnState,
  actionDueState,
  actionIndicatorState,
  actionLeadState,
  actionPeopleState,
  actionStartState,
  actionStatusState,
} from '@accord/editor';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, $setState, type NodeKey } from 'lexical';
import { useId } from 'react';
import { useT } from '../i18n/index.ts';
import { groupByOrganisation, personName } from '../people/index.ts';
import { useActionsContext } from './context.ts';
import { problemText, statusLabelKeys } from './labels.ts';
import { useActionSnapshot, useActionSummaries } from './snapshot.ts';
import { useEditable } from './useEditable.ts';
import { useNames } from './useNames.ts';

/**
 * The fields of one action, rendered in the action's own corner of the document (a part of its
 * DOM the editor does not manage). Every change is one NodeState key, written at once
 * (`discrete`) so the control shows what was typed without waiting for the next frame.
 */
export function ActionFields({ nodeKey }: { nodeKey: NodeKey }) {
  const t = useT();
  const [editor] = useLexicalComposerContext();
  const editable = useEditable();
  const snapshot = useActionSnapshot(nodeKey);
  const summaries = useActionSummaries();
  const { organisations, members, myOrganisationId } = useActionsContext();
  const names = useNames();
  const id = useId();
  if (snapshot === null) return null;

  const update = (write: (node: ActionNode) => void) =>
    editor.update(
      () => {
        const node = $getNodeByKey(nodeKey);
        if ($isActionNode(node)) write(node);
      },
      { discrete: true },
    );
  const toggle = (list: readonly string[], value: string, on: boolean) =>
    on ? [...list, value] : list.filter((v) => v !== value);

  const problems = actionProblems(
    {
      ...snapshot,
      description: '',
      leadOrganisationId: snapshot.lead,
      peopleIds: snapshot.people,
      commitments: snapshot.commitmentOrganisations.map((organisationId) => ({
        organisationId,
        text: '',
        amount: null,
        unit: '',
      })),
      objective: '',
      position: 0,
    },
    {
      organisationIds: new Set(organisations.map((o) => o.id)),
      personIds: new Set(members.map((m) => m.id)),
      actionIds: new Set(summaries.map((s) => s.id)),
    },
  );
  const knownLead = snapshot.lead === '' || organisations.some((o) => o.id === snapshot.lead);
  const removedPeople = snapshot.people.filter((p) => !members.some((m) => m.id === p));
  const others = summaries.filter((s) => s.id !== snapshot.id);
  const groups = groupByOrganisation(members, (m) => m.organisationId, organisations);
  const title = snapshot.title || t('actions.untitled');

  return (
    <fieldset
      className="action-fields"
      disabled={!editable}
      aria-label={t('actions.fields', { title })}
    >
      <div className="action-fields__row">
        <label className="action-field">
          <span>{t('actions.status')}</span>
          <select
            value={snapshot.status}
            data-field="status"
            onChange={(e) =>
              update((n) => $setState(n, actionStatusState, e.target.value as ActionStatus))
            }
          >
            {actionStatuses.map((status) => (
              <option key={status} value={status}>
                {t(statusLabelKeys[status])}
              </option>
            ))}
          </select>
        </label>
        <label className="action-field">
          <span>{t('actions.lead')}</span>
          <select
            value={snapshot.lead}
            data-field="lead"
            onChange={(e) => update((n) => $setState(n, actionLeadState, e.target.value))}
          >
            <option value="">{t('actions.noLead')}</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
            {!knownLead && (
              <option value={snapshot.lead}>{t('actions.unknownOrganisation')}</option>
            )}
          </select>
        </label>
        <label className="action-field">
          <span>{t('actions.start')}</span>
          <input
            type="date"
            data-field="start"
            value={snapshot.start}
            onChange={(e) => update((n) => $setState(n, actionStartState, e.target.value))}
          />
        </label>
        <label className="action-field">
          <span>{t('actions.due')}</span>
          <input
            type="date"
            data-field="due"
            value={snapshot.due}
            onChange={(e) => update((n) => $setState(n, actionDueState, e.target.value))}
          />
        </label>
      </div>
      <div className="action-fields__row">
        <details className="action-field action-picker">
          <summary>
            {t('actions.people')} · {t('actions.peopleCount', { count: snapshot.people.length })}
          </summary>
          <div className="action-picker__list">
            {groups.map((group) => (
              <fieldset key={group.organisationId}>
                <legend>{group.organisation?.name ?? t('actions.unknownOrganisation')}</legend>
                {group.members.map((member) => (
                  <label key={member.id} className="action-check">
                    <input
                      type="checkbox"
                      checked={snapshot.people.includes(member.id)}
                      onChange={(e) =>
                        update((n) =>
                          $setState(n, actionPeopleState, (prev) =>
                            toggle(prev, member.id, e.target.checked),
                          ),
                        )
                      }
                    />
                    {personName(t, member)}
                  </label>
                ))}
              </fieldset>
            ))}
            {removedPeople.map((personId) => (
              <label key={personId} className="action-check action-check--problem">
                <input
                  type="checkbox"
                  checked
                  onChange={() =>
                    update((n) =>
                      $setState(n, actionPeopleState, (prev) => toggle(prev, personId, false)),
                    )
                  }
                />
                {t('actions.removedPerson')}
              </label>
            ))}
          </div>
        </details>
        <details className="action-field action-picker">
          <summary>
            {t('actions.dependsOn')} ·{' '}
            {t('actions.dependsOnCount', { count: snapshot.dependsOn.length })}
          </summary>
          <div className="action-picker__list">
            {others.length === 0 && <p>{t('actions.noOtherAction')}</p>}
            {others.map((other) => (
              <label key={other.id} className="action-check">
                <input
                  type="checkbox"
                  checked={snapshot.dependsOn.includes(other.id)}
                  onChange={(e) =>
                    update((n) =>
                      $setState(n, actionDependsOnState, (prev) =>
                        toggle(prev, other.id, e.target.checked),
                      ),
                    )
                  }
                />
                {other.title || t('actions.untitled')}
              </label>
            ))}
          </div>
        </details>
        <label className="action-field action-field--wide">
          <span>{t('actions.indicator')}</span>
          <input
            type="text"
            data-field="indicator"
            maxLength={1000}
            value={snapshot.indicator}
            onChange={(e) => update((n) => $setState(n, actionIndicatorState, e.target.value))}
          />
        </label>
        <button
          type="button"
          className="button action-fields__add"
          onClick={() =>
            update((n) =>
              n.append(
                $createCommitment({
                  organisationId: myOrganisationId ?? organisations[0]?.id ?? '',
                }),
              ),
            )
          }
        >
          {t('actions.addCommitment')}
        </button>
      </div>
      {problems.length > 0 && (
        <div className="action-problems" role="status" id={`${id}-problems`}>
          <span className="visually-hidden">{t('actions.problems')}</span>
          <ul>
            {problems.map((problem) => (
              <li key={JSON.stringify(problem)}>{problemText(t, problem, names)}</li>
            ))}
          </ul>
        </div>
      )}
    </fieldset>
  );
}
