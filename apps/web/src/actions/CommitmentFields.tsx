import {
  $isActionCommitmentNode,
  type ActionCommitmentNode,
  commitmentAmountState,
  commitmentOrganisationState,
  commitmentUnitState,
} from '@accord/editor';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, $setState, type NodeKey } from 'lexical';
import { useT } from '../i18n/index.ts';
import { useActionsContext } from './context.ts';
import { useCommitmentSnapshot } from './snapshot.ts';
import { useEditable } from './useEditable.ts';
import { useNames } from './useNames.ts';

/** The organisation, amount and unit of one commitment; its text is edited in the document. */
export function CommitmentFields({ nodeKey }: { nodeKey: NodeKey }) {
  const t = useT();
  const [editor] = useLexicalComposerContext();
  const editable = useEditable();
  const snapshot = useCommitmentSnapshot(nodeKey);
  const { organisations } = useActionsContext();
  const names = useNames();
  if (snapshot === null) return null;

  const update = (write: (node: ActionCommitmentNode) => void) =>
    editor.update(
      () => {
        const node = $getNodeByKey(nodeKey);
        if ($isActionCommitmentNode(node)) write(node);
      },
      { discrete: true },
    );
  const known = organisations.some((o) => o.id === snapshot.organisation);
  const label = t('actions.commitment', {
    organisation: names.organisation(snapshot.organisation),
  });

  return (
    <fieldset className="commitment-fields" disabled={!editable} aria-label={label}>
      <label className="action-field">
        <span>{t('actions.commitmentOrganisation')}</span>
        <select
          value={snapshot.organisation}
          data-field="commitment-organisation"
          onChange={(e) => update((n) => $setState(n, commitmentOrganisationState, e.target.value))}
        >
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
          {!known && (
            <option value={snapshot.organisation}>{t('actions.unknownOrganisation')}</option>
          )}
        </select>
      </label>
      <label className="action-field action-field--narrow">
        <span>{t('actions.amount')}</span>
        <input
          type="number"
          inputMode="decimal"
          step="any"
          data-field="commitment-amount"
          value={snapshot.amount ?? ''}
          onChange={(e) => {
            const value = e.target.value === '' ? null : Number(e.target.value);
            update((n) =>
              $setState(
                n,
                commitmentAmountState,
                value !== null && Number.isFinite(value) ? value : null,
              ),
            );
          }}
        />
      </label>
      <label className="action-field action-field--narrow">
        <span>{t('actions.unit')}</span>
        <input
          type="text"
          maxLength={40}
          data-field="commitment-unit"
          value={snapshot.unit}
          onChange={(e) => update((n) => $setState(n, commitmentUnitState, e.target.value))}
        />
      </label>
      <button
        type="button"
        className="button button--danger-ghost"
        onClick={() => update((n) => n.remove())}
      >
        {t('actions.removeCommitment')}
      </button>
    </fieldset>
  );
}
