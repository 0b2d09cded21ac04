import type { EditorThemeClasses } from 'lexical';

/**
 * Class names Lexical puts on the DOM it renders. Every name carries the `accord-` prefix so the
 * web app's stylesheet owns them without colliding with anything else on the page. The server
 * renders no DOM, but shares the object so an HTML export produces the same classes.
 */
export const accordTheme: EditorThemeClasses = {
  root: 'accord-root',
  paragraph: 'accord-paragraph',
  quote: 'accord-quote',
  heading: {
    h1: 'accord-h1',
    h2: 'accord-h2',
    h3: 'accord-h3',
    // The toolbar offers three levels; pasted content can carry deeper ones and still needs a style.
    h4: 'accord-h4',
    h5: 'accord-h5',
    h6: 'accord-h6',
  },
  list: {
    ul: 'accord-ul',
    ol: 'accord-ol',
    // Lexical cycles through these by nesting depth, which gives 1. / a. / i. numbering in CSS.
    ulDepth: ['accord-ul-depth-1', 'accord-ul-depth-2', 'accord-ul-depth-3'],
    olDepth: ['accord-ol-depth-1', 'accord-ol-depth-2', 'accord-ol-depth-3'],
    listitem: 'accord-li',
    nested: { listitem: 'accord-li-nested' },
  },
  link: 'accord-link',
  action: 'accord-action',
  actionTitle: 'accord-action-title',
  actionDescription: 'accord-action-description',
  actionCommitment: 'accord-action-commitment',
  text: {
    bold: 'accord-text-bold',
    italic: 'accord-text-italic',
    underline: 'accord-text-underline',
    strikethrough: 'accord-text-strikethrough',
    underlineStrikethrough: 'accord-text-underline-strikethrough',
    code: 'accord-text-code',
    subscript: 'accord-text-subscript',
    superscript: 'accord-text-superscript',
    highlight: 'accord-text-highlight',
  },
  table: 'accord-table',
  tableRow: 'accord-table-row',
  tableCell: 'accord-table-cell',
  tableCellHeader: 'accord-table-cell-header',
  tableCellSelected: 'accord-table-cell-selected',
  tableSelected: 'accord-table-selected',
  tableSelection: 'accord-table-selection',
  tableScrollableWrapper: 'accord-table-scrollable-wrapper',
  indent: 'accord-indent',
  ltr: 'accord-ltr',
  rtl: 'accord-rtl',
  collaboration: {
    cursor: 'accord-collab-cursor',
    cursorName: 'accord-collab-cursor-name',
    selection: 'accord-collab-selection',
    selectionBg: 'accord-collab-selection-bg',
  },
};
