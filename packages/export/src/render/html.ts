import { type ExportLabels, exportLabels, type SignaturePage, signaturePage } from '../labels.ts';
import type { ExportMeta } from '../meta.ts';
import type {
  Block,
  ExportTree,
  Inline,
  ListBlock,
  Mark,
  TableBlock,
  TextRun,
} from '../tree/types.ts';
import { safeUrl } from '../tree/urls.ts';

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const tags: Record<Mark, string> = {
  bold: 'strong',
  italic: 'em',
  underline: 'u',
  strikethrough: 's',
  code: 'code',
  subscript: 'sub',
  superscript: 'sup',
  highlight: 'mark',
};

function run(text: TextRun): string {
  let out = escapeHtml(text.text);
  for (const mark of text.marks) out = `<${tags[mark]}>${out}</${tags[mark]}>`;
  return out;
}

function inlines(children: readonly Inline[]): string {
  return children
    .map((inline) => {
      if (inline.type === 'break') return '<br>';
      if (inline.type === 'text') return run(inline);
      const text = inline.children.map(run).join('');
      const url = safeUrl(inline.url);
      return url ? `<a href="${escapeHtml(url)}">${text}</a>` : text;
    })
    .join('');
}

function list(block: ListBlock): string {
  const tag = block.kind === 'number' ? 'ol' : 'ul';
  const start = block.kind === 'number' && block.start !== 1 ? ` start="${block.start}"` : '';
  const items = block.items.map((item) => {
    const box =
      item.checked === null
        ? ''
        : `<input type="checkbox" disabled${item.checked ? ' checked' : ''}> `;
    return `<li>${box}${inlines(item.children)}${item.lists.map(list).join('')}</li>`;
  });
  const kind = block.kind === 'check' ? ' class="checklist"' : '';
  return `<${tag}${kind}${start}>${items.join('')}</${tag}>`;
}

function table(block: TableBlock, colon: (label: string) => string): string {
  const rows = block.rows.map((row) => {
    const cells = row.cells.map((cell) => {
      const tag = cell.header ? 'th' : 'td';
      const span =
        (cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : '') +
        (cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : '');
      return `<${tag}${span}>${cell.blocks.map((b) => renderBlock(b, colon)).join('')}</${tag}>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table>${rows.join('')}</table>`;
}

type Renderers = {
  [T in Block['type']]: (
    block: Extract<Block, { type: T }>,
    colon: (l: string) => string,
  ) => string;
};

const renderers: Renderers = {
  heading: (block) => `<h${block.level}>${inlines(block.children)}</h${block.level}>`,
  paragraph: (block) => {
    const align = block.align === 'start' ? '' : ` style="text-align: ${block.align}"`;
    return `<p${align}>${inlines(block.children)}</p>`;
  },
  quote: (block) => `<blockquote><p>${inlines(block.children)}</p></blockquote>`,
  list,
  table,
  panel: (block, colon) =>
    `<section class="panel panel-${escapeHtml(block.kind)}"><h4>${inlines(block.title)}</h4>` +
    `<dl>${block.fields.map((f) => `<dt>${escapeHtml(colon(f.label))}</dt><dd>${escapeHtml(f.value)}</dd>`).join('')}</dl>` +
    `${block.blocks.map((b) => renderBlock(b, colon)).join('')}</section>`,
};

function renderBlock(block: Block, colon: (label: string) => string): string {
  return (renderers[block.type] as (b: Block, c: typeof colon) => string)(block, colon);
}

/** The blocks of the document as HTML fragments, one per line (what `<main>` holds). */
export function renderHtmlBody(tree: ExportTree, labels: Pick<ExportLabels, 'colon'>): string {
  return tree.blocks.map((block) => renderBlock(block, labels.colon)).join('\n');
}

function signatureSection(page: SignaturePage, labels: ExportLabels): string {
  const head = page.headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const rows = page.rows
    .map(
      (r) =>
        `<tr>${[r.organisation, r.signatory, r.role, r.approvedAt].map((v) => `<td>${escapeHtml(v)}</td>`).join('')}</tr>`,
    )
    .join('');
  return [
    '<section class="signatures" aria-labelledby="signatures">',
    `<h2 id="signatures">${escapeHtml(page.title)}</h2>`,
    `<p>${escapeHtml(page.intro)}</p>`,
    `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`,
    `<p>${escapeHtml(labels.colon(page.fingerprintLabel))} <code class="fingerprint">${page.fingerprint}</code></p>`,
    `<p>${escapeHtml(page.finalisedAt)}<br>${escapeHtml(page.documentId)}</p>`,
    '</section>',
  ].join('\n');
}

const styles = `body{font-family:"Noto Sans",system-ui,sans-serif;line-height:1.5;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #888;padding:.3rem .6rem;text-align:start;vertical-align:top}
th p,td p{margin:0}blockquote{border-inline-start:3px solid #888;margin-inline:0;padding-inline-start:1rem;color:#333}
.draft-mark{border:2px solid #b00020;color:#b00020;font-weight:700;padding:.3rem .6rem;display:inline-block;text-transform:uppercase;letter-spacing:.05em}
.fingerprint{word-break:break-all}.panel{border:1px solid #888;padding:.5rem 1rem;margin:1rem 0}
.checklist{list-style:none}dl{display:grid;grid-template-columns:auto 1fr;gap:.2rem 1rem}dd{margin:0}
@media print{.draft-mark{position:fixed;top:0;right:0}}`;

/**
 * A standalone HTML page: `lang` and `<title>` from the document, every text escaped, links
 * limited to web, mail and phone, no script and no external resource.
 */
export function renderHtml(tree: ExportTree, meta: ExportMeta): string {
  const labels = exportLabels(meta);
  const page = signaturePage(meta, labels);
  return [
    '<!doctype html>',
    `<html lang="${meta.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(meta.title)}</title>`,
    `<meta name="generator" content="Accord">`,
    `<style>${styles}</style>`,
    '</head>',
    '<body>',
    labels.draftMark ? `<p class="draft-mark" role="note">${escapeHtml(labels.draftMark)}</p>` : '',
    '<main>',
    renderHtmlBody(tree, labels),
    '</main>',
    page ? signatureSection(page, labels) : '',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line, index, all) => line !== '' || index === all.length - 1)
    .join('\n');
}
