import { extractActions } from '@accord/editor';
import { createTranslator } from '@accord/i18n';
import type { SerializedEditorState } from 'lexical';
import type { BlockConverter } from './from-lexical.ts';
import { childInlines, type LexicalJson } from './inline.ts';
import type { Block } from './types.ts';

const statusKeys = {
  planned: 'actions.statusPlanned',
  in_progress: 'actions.statusInProgress',
  done: 'actions.statusDone',
  blocked: 'actions.statusBlocked',
  cancelled: 'actions.statusCancelled',
} as const;

/**
 * An action block (packages/editor's `action` node) as a `panel`: its title, its fields in the
 * document's language (lead organisation, people, dates, status, indicator) and its description
 * and commitments as body blocks. The fields are read by the editor's own `extractActions`, the
 * reading the action index and CSV exports use; names come from the context (ids otherwise).
 */
export const convertAction: BlockConverter = (node, context) => {
  const wrapped = { root: { type: 'root', version: 1, children: [node] } };
  const [action] = extractActions(wrapped as unknown as SerializedEditorState);
  if (!action) return undefined;
  const t = createTranslator(context.language);
  const organisation = (id: string) =>
    context.names?.organisation(id) ?? (id === '' ? '' : t('actions.unknownOrganisation'));
  const person = (id: string) => context.names?.person(id) ?? t('actions.removedPerson');
  const status = statusKeys[action.status as keyof typeof statusKeys];
  const fields = [
    {
      label: t('actions.lead'),
      value: action.leadOrganisationId ? organisation(action.leadOrganisationId) : '',
    },
    { label: t('actions.people'), value: action.peopleIds.map(person).join(', ') },
    { label: t('actions.start'), value: action.start },
    { label: t('actions.due'), value: action.due },
    { label: t('actions.status'), value: status ? t(status) : action.status },
    { label: t('actions.indicator'), value: action.indicator },
  ].filter((field) => field.value !== '');

  const parts = node.children ?? [];
  const part = (type: string) => parts.find((child) => child.type === type);
  const titleNode = part('action-title');
  const title = (titleNode?.children ?? []).flatMap((block: LexicalJson) => childInlines(block));
  const description = context.blocks(part('action-description')?.children ?? []);
  const commitments: Block[] = parts
    .filter((child) => child.type === 'action-commitment')
    .flatMap((commitment, index) => {
      const data = action.commitments[index];
      if (!data) return [];
      const amount =
        data.amount === null ? '' : ` (${data.amount}${data.unit ? ` ${data.unit}` : ''})`;
      const heading = `${organisation(data.organisationId) || t('actions.unknownOrganisation')}${amount}`;
      const body = context.blocks(commitment.children ?? []);
      return [
        {
          type: 'paragraph' as const,
          align: 'start' as const,
          children: [
            {
              type: 'text' as const,
              text: `${t('actions.commitment', { organisation: heading })}`,
              marks: ['bold' as const],
            },
          ],
        },
        ...body,
      ];
    });
  return [
    {
      type: 'panel',
      kind: 'action',
      title: title.length > 0 ? title : [{ type: 'text', text: t('actions.untitled'), marks: [] }],
      fields,
      blocks: [...description, ...commitments],
    },
  ];
};
