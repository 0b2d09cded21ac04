/// <reference lib="dom" />
// These nodes render DOM in the browser; the server type-checks them too and never calls createDOM.

import {
  $applyNodeReplacement,
  $getDocument,
  type DOMExportOutput,
  type EditorConfig,
  ElementNode,
  type LexicalEditor,
  type LexicalNode,
  setDOMUnmanaged,
} from 'lexical';
import {
  actionDependsOnState,
  actionDueState,
  actionIdState,
  actionIndicatorState,
  actionLeadState,
  actionPeopleState,
  actionStartState,
  actionStatusState,
  commitmentAmountState,
  commitmentOrganisationState,
  commitmentUnitState,
} from './state.ts';

/**
 * An action: an element in the plan's text whose children are the editable parts — a title, a
 * description (rich text blocks) and one child per organisation's commitment — and whose
 * single-value fields are NodeState (see state.ts). Children are Yjs sequence items, so two
 * organisations adding a commitment at once both keep theirs.
 *
 * The DOM holds, after the children, an element the editor does not manage (`data-action-fields`)
 * where the web app renders the field controls; the server never renders DOM.
 */
export class ActionNode extends ElementNode {
  override $config() {
    return this.config('action', {
      extends: ElementNode,
      stateConfigs: [
        actionIdState,
        actionLeadState,
        actionPeopleState,
        actionStartState,
        actionDueState,
        actionStatusState,
        actionIndicatorState,
        actionDependsOnState,
      ],
    });
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('section');
    addThemeClass(dom, config, 'action');
    dom.append($createFieldsElement('actionFields'));
    return dom;
  }

  override updateDOM(): boolean {
    return false;
  }

  override getDOMSlot(element: HTMLElement) {
    return super.getDOMSlot(element).withBefore(element.querySelector('[data-action-fields]'));
  }

  override exportDOM(editor: LexicalEditor): DOMExportOutput {
    const { element } = super.exportDOM(editor);
    return { element };
  }

  /** An action whose parts were all deleted is gone; a partial one is repaired (rules.ts). */
  override canBeEmpty(): false {
    return false;
  }
}

/**
 * A part of an action that holds blocks: like a table cell, a shadow root, so Enter, Backspace and
 * pasting stay inside it instead of merging with the text around the action.
 */
abstract class ActionPartNode extends ElementNode {
  override isShadowRoot(): boolean {
    return true;
  }
}

/** The action's title: one block (a paragraph) of text. */
export class ActionTitleNode extends ActionPartNode {
  override $config() {
    return this.config('action-title', { extends: ElementNode });
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('div');
    addThemeClass(dom, config, 'actionTitle');
    return dom;
  }

  override updateDOM(): boolean {
    return false;
  }
}

/** The action's description: any blocks (paragraphs, lists, quotes). */
export class ActionDescriptionNode extends ActionPartNode {
  override $config() {
    return this.config('action-description', { extends: ElementNode });
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('div');
    addThemeClass(dom, config, 'actionDescription');
    return dom;
  }

  override updateDOM(): boolean {
    return false;
  }
}

/** What one organisation commits: free text (its blocks) plus organisation, amount and unit. */
export class ActionCommitmentNode extends ActionPartNode {
  override $config() {
    return this.config('action-commitment', {
      extends: ElementNode,
      stateConfigs: [commitmentOrganisationState, commitmentAmountState, commitmentUnitState],
    });
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('div');
    addThemeClass(dom, config, 'actionCommitment');
    dom.append($createFieldsElement('commitmentFields'));
    return dom;
  }

  override updateDOM(): boolean {
    return false;
  }

  override getDOMSlot(element: HTMLElement) {
    return super.getDOMSlot(element).withBefore(element.querySelector('[data-commitment-fields]'));
  }
}

/**
 * An element inside the node's DOM that Lexical leaves alone, for the web app's field controls.
 * Keyboard and clipboard events there belong to the controls: without stopping them, Lexical's
 * listeners on the editable root would turn Backspace or a paste in a date field into an edit of
 * the text around it.
 */
function $createFieldsElement(dataKey: string): HTMLElement {
  const fields = $getDocument().createElement('div');
  fields.dataset[dataKey] = '';
  fields.contentEditable = 'false';
  setDOMUnmanaged(fields, { captureSelection: true });
  for (const type of ['keydown', 'keyup', 'keypress', 'paste', 'cut', 'copy', 'drop']) {
    fields.addEventListener(type, (event) => event.stopPropagation());
  }
  return fields;
}

function addThemeClass(dom: HTMLElement, config: EditorConfig, name: string) {
  const className = config.theme[name];
  if (typeof className === 'string') dom.classList.add(...className.split(' '));
}

export function $isActionNode(node: LexicalNode | null | undefined): node is ActionNode {
  return node instanceof ActionNode;
}
export function $isActionTitleNode(node: LexicalNode | null | undefined): node is ActionTitleNode {
  return node instanceof ActionTitleNode;
}
export function $isActionDescriptionNode(
  node: LexicalNode | null | undefined,
): node is ActionDescriptionNode {
  return node instanceof ActionDescriptionNode;
}
export function $isActionCommitmentNode(
  node: LexicalNode | null | undefined,
): node is ActionCommitmentNode {
  return node instanceof ActionCommitmentNode;
}

export const $createActionNodeShell = () => $applyNodeReplacement(new ActionNode());
export const $createActionTitleNode = () => $applyNodeReplacement(new ActionTitleNode());
export const $createActionDescriptionNode = () =>
  $applyNodeReplacement(new ActionDescriptionNode());
export const $createActionCommitmentNode = () => $applyNodeReplacement(new ActionCommitmentNode());
