import {
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  REMOVE_LIST_COMMAND,
} from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import { FORMAT_TEXT_COMMAND, REDO_COMMAND, UNDO_COMMAND } from 'lexical';
import { type KeyboardEvent, useRef, useState } from 'react';
import { ACTION_TRIGGER, INSERT_ACTION_COMMAND } from '../actions/insert.ts';
import { useT } from '../i18n/index.ts';
import { type BlockType, blockTypeKeys, blockTypes, setBlockType } from './blockType.ts';
import {
  ActionIcon,
  BulletListIcon,
  FormatGlyph,
  LinkIcon,
  NumberedListIcon,
  RedoIcon,
  TableIcon,
  UndoIcon,
} from './icons.tsx';
import { LinkDialog } from './LinkDialog.tsx';
import { applyLink, type LinkContext, readLinkContext, removeLink } from './link.ts';
import { shortcuts } from './shortcuts.ts';
import { ToolbarButton } from './ToolbarButton.tsx';
import { useRovingTabIndex } from './useRovingTabIndex.ts';
import { useToolbarState } from './useToolbarState.ts';

/** 3 × 3 with a header row: the usual shape of an action table (action, who, when). */
const DEFAULT_TABLE = { rows: '3', columns: '3', includeHeaders: { rows: true, columns: false } };

export function Toolbar({ editorId }: { editorId: string }) {
  const t = useT();
  const [editor] = useLexicalComposerContext();
  const state = useToolbarState();
  const ref = useRef<HTMLDivElement>(null);
  const roving = useRovingTabIndex(ref);
  const [linkContext, setLinkContext] = useState<LinkContext | null>(null);

  const withShortcut = (label: string, shortcut: string) =>
    t('editor.shortcut', { label, shortcut });

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      editor.focus();
      return;
    }
    roving.onKeyDown(event);
  }

  function toggleList(type: 'bullet' | 'number') {
    if (state.list === type) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else if (type === 'bullet') editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined);
    else editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined);
  }

  function closeLinkDialog() {
    setLinkContext(null);
    editor.focus();
  }

  const labels = {
    undo: t('editor.undo'),
    redo: t('editor.redo'),
    bold: t('editor.bold'),
    italic: t('editor.italic'),
    underline: t('editor.underline'),
  };

  return (
    <>
      <div
        ref={ref}
        className="toolbar"
        role="toolbar"
        aria-label={t('editor.toolbar')}
        aria-controls={editorId}
        onKeyDown={onKeyDown}
        onFocus={roving.onFocus}
        onClick={roving.onFocus}
      >
        <div className="toolbar__group">
          <ToolbarButton
            label={labels.undo}
            title={withShortcut(labels.undo, shortcuts.undo)}
            disabled={!state.canUndo}
            onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}
          >
            <UndoIcon />
          </ToolbarButton>
          <ToolbarButton
            label={labels.redo}
            title={withShortcut(labels.redo, shortcuts.redo)}
            disabled={!state.canRedo}
            onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}
          >
            <RedoIcon />
          </ToolbarButton>
        </div>
        <div className="toolbar__group">
          <select
            className="toolbar-select"
            data-roving-item=""
            aria-label={t('editor.blockType')}
            title={t('editor.blockType')}
            value={state.list === null ? state.blockType : 'paragraph'}
            onChange={(event) => setBlockType(editor, event.target.value as BlockType)}
          >
            {blockTypes.map((type) => (
              <option key={type} value={type}>
                {t(blockTypeKeys[type])}
              </option>
            ))}
          </select>
        </div>
        <div className="toolbar__group">
          {(['bold', 'italic', 'underline'] as const).map((format) => (
            <ToolbarButton
              key={format}
              label={labels[format]}
              title={withShortcut(labels[format], shortcuts[format])}
              pressed={state[format]}
              onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, format)}
            >
              <FormatGlyph format={format} />
            </ToolbarButton>
          ))}
        </div>
        <div className="toolbar__group">
          <ToolbarButton
            label={t('editor.bulletList')}
            pressed={state.list === 'bullet'}
            onClick={() => toggleList('bullet')}
          >
            <BulletListIcon />
          </ToolbarButton>
          <ToolbarButton
            label={t('editor.numberedList')}
            pressed={state.list === 'number'}
            onClick={() => toggleList('number')}
          >
            <NumberedListIcon />
          </ToolbarButton>
        </div>
        <div className="toolbar__group">
          <ToolbarButton
            label={t('editor.link')}
            pressed={state.linkUrl !== null}
            onClick={() =>
              setLinkContext(readLinkContext(editor) ?? { url: null, needsText: true })
            }
          >
            <LinkIcon />
          </ToolbarButton>
          <ToolbarButton
            label={t('editor.insertTable')}
            onClick={() => editor.dispatchCommand(INSERT_TABLE_COMMAND, DEFAULT_TABLE)}
          >
            <TableIcon />
          </ToolbarButton>
          <ToolbarButton
            label={t('actions.insert')}
            title={t('editor.shortcut', { label: t('actions.insert'), shortcut: ACTION_TRIGGER })}
            onClick={() => editor.dispatchCommand(INSERT_ACTION_COMMAND, undefined)}
          >
            <ActionIcon />
          </ToolbarButton>
        </div>
      </div>
      <LinkDialog
        context={linkContext}
        onApply={(url, text) => {
          applyLink(editor, url, text);
          closeLinkDialog();
        }}
        onRemove={() => {
          removeLink(editor);
          closeLinkDialog();
        }}
        onClose={closeLinkDialog}
      />
    </>
  );
}
