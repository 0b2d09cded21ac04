import { $isLinkNode } from '@lexical/link';
import { $isListNode, ListNode } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent, $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  type LexicalNode,
} from 'lexical';
import { useEffect, useState } from 'react';
import { $blockTypeOf, type BlockType } from './blockType.ts';
import { $getSelectedNode } from './selection.ts';

export interface ToolbarState {
  blockType: BlockType;
  list: 'bullet' | 'number' | null;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  /** The URL of the link the selection is in, or null. */
  linkUrl: string | null;
  canUndo: boolean;
  canRedo: boolean;
}

const initialState: ToolbarState = {
  blockType: 'paragraph',
  list: null,
  bold: false,
  italic: false,
  underline: false,
  linkUrl: null,
  canUndo: false,
  canRedo: false,
};

function isTopLevel(node: LexicalNode): boolean {
  const parent = node.getParent();
  return parent !== null && $isRootOrShadowRoot(parent);
}

type SelectionState = Omit<ToolbarState, 'canUndo' | 'canRedo'>;

function $readSelectionState(): SelectionState | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const anchorNode = selection.anchor.getNode();
  // Inside a table cell the "top level" is the cell's child block, not the table.
  const element =
    anchorNode.getKey() === 'root'
      ? null
      : ($findMatchingParent(anchorNode, isTopLevel) ?? anchorNode.getTopLevelElement());

  let list: SelectionState['list'] = null;
  let blockType: BlockType = 'paragraph';
  if (element !== null && $isListNode(element)) {
    const listType = ($getNearestNodeOfType(anchorNode, ListNode) ?? element).getListType();
    list = listType === 'number' ? 'number' : 'bullet';
  } else if (element !== null) {
    blockType = $blockTypeOf(element);
  }

  const node = $getSelectedNode(selection);
  const link = $findMatchingParent(node, $isLinkNode);

  return {
    blockType,
    list,
    bold: selection.hasFormat('bold'),
    italic: selection.hasFormat('italic'),
    underline: selection.hasFormat('underline'),
    linkUrl: link !== null && $isLinkNode(link) ? link.getURL() : null,
  };
}

/** What the toolbar reflects: formats and block of the current selection, undo availability. */
export function useToolbarState(): ToolbarState {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<ToolbarState>(initialState);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          const next = editorState.read($readSelectionState);
          if (next !== null) setState((previous) => ({ ...previous, ...next }));
        }),
        editor.registerCommand(
          CAN_UNDO_COMMAND,
          (canUndo) => {
            setState((previous) => ({ ...previous, canUndo }));
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          CAN_REDO_COMMAND,
          (canRedo) => {
            setState((previous) => ({ ...previous, canRedo }));
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor],
  );

  return state;
}
