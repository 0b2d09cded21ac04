import type { ReactNode } from 'react';
import { isValidLinkUrl } from '../editor/url.ts';
import type { CanonicalNode } from './schemas.ts';

/**
 * The locked text as the server holds it: the canonical tree (docs/ARCHITECTURE.md, "Canonical
 * form") drawn with React elements, so nothing in it is ever read as HTML. Unknown node types are
 * shown as their text, never dropped silently.
 */
export function SignedText({ blocks }: { blocks: readonly CanonicalNode[] }) {
  return <div className="signed-text">{blocks.map(block)}</div>;
}

const list = (value: unknown): CanonicalNode[] => (Array.isArray(value) ? value : []);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

function block(node: CanonicalNode, key: number): ReactNode {
  const content = inlines(node.content);
  const style = node.align ? { textAlign: node.align as 'left' } : undefined;
  switch (node.type) {
    case 'heading': {
      // The document's own h1 sits under the page's headings: shift levels down by one.
      const level = Math.min(6, Math.max(2, Number(node.level) + 1));
      const Tag = `h${level}` as 'h2';
      return (
        <Tag key={key} style={style}>
          {content}
        </Tag>
      );
    }
    case 'paragraph':
      return (
        <p key={key} style={style}>
          {content}
        </p>
      );
    case 'quote':
      return (
        <blockquote key={key} style={style}>
          {content}
        </blockquote>
      );
    case 'list':
      return listBlock(node, key);
    case 'table':
      return (
        <table key={key}>
          <tbody>
            {list(node.rows).map((row, r) => (
              <tr key={r}>
                {list(row.cells).map((cell, c) => {
                  const Cell = cell.header ? 'th' : 'td';
                  return (
                    <Cell
                      key={c}
                      colSpan={Number(cell.colspan ?? 1)}
                      rowSpan={Number(cell.rowspan ?? 1)}
                    >
                      {list(cell.blocks).map(block)}
                    </Cell>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'action':
      return (
        <section key={key} className="signed-text__action">
          {list(node.title).map(block)}
          {list(node.description).map(block)}
          {list(node.commitments).map((commitment, i) => (
            <div key={i}>{list(commitment.blocks).map(block)}</div>
          ))}
        </section>
      );
    default:
      return <p key={key}>{content}</p>;
  }
}

function listBlock(node: CanonicalNode, key: number): ReactNode {
  const style = str(node.style);
  const items = list(node.items).map((item, i) => (
    <li key={i}>
      {style === 'check' && <span aria-hidden="true">{item.checked === true ? '☑ ' : '☐ '}</span>}
      {inlines(item.content)}
      {list(item.children).map(listBlock)}
    </li>
  ));
  return style === 'number' ? (
    <ol key={key} start={typeof node.start === 'number' ? node.start : undefined}>
      {items}
    </ol>
  ) : (
    <ul key={key}>{items}</ul>
  );
}

const markTags: Record<string, 'strong' | 'em' | 'u' | 's' | 'code' | 'sub' | 'sup' | 'mark'> = {
  bold: 'strong',
  italic: 'em',
  underline: 'u',
  strikethrough: 's',
  code: 'code',
  subscript: 'sub',
  superscript: 'sup',
  highlight: 'mark',
};

function inlines(value: unknown): ReactNode[] {
  return list(value).map((inline, i) => {
    if (inline.type === 'break') return <br key={i} />;
    if (inline.type === 'tab') return <span key={i}>{'\t'}</span>;
    if (inline.type === 'link') {
      const href = isValidLinkUrl(str(inline.href)) ? str(inline.href) : null;
      const inner = inlines(inline.content);
      return href ? (
        <a key={i} href={href} rel="noopener noreferrer" target="_blank">
          {inner}
        </a>
      ) : (
        <span key={i}>{inner}</span>
      );
    }
    let node: ReactNode = str(inline.text);
    for (const mark of Array.isArray(inline.marks) ? inline.marks : []) {
      const Tag = markTags[String(mark)];
      if (Tag) node = <Tag>{node}</Tag>;
    }
    return <span key={i}>{node}</span>;
  });
}
