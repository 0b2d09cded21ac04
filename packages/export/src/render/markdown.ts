import { exportLabels, signaturePage } from '../labels.ts';
import type { ExportMeta } from '../meta.ts';
import { inlineText } from '../tree/text.ts';
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

// CommonMark + GFM (tables, strikethrough, task lists). Marks Markdown has no syntax for
// (underline, sub/superscript, highlight) use the inline HTML GFM allows.

/** Backslash-escapes what CommonMark could read as syntax; any ASCII punctuation may be escaped. */
function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&]/g, '\\$&');
}

/** At the start of a line, characters that would open a block (heading, list, quote…). */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([#+\-=>])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

const wrappers: Record<Mark, [string, string]> = {
  bold: ['**', '**'],
  italic: ['*', '*'],
  strikethrough: ['~~', '~~'],
  underline: ['<u>', '</u>'],
  code: ['<code>', '</code>'],
  subscript: ['<sub>', '</sub>'],
  superscript: ['<sup>', '</sup>'],
  highlight: ['<mark>', '</mark>'],
};

function run(text: TextRun): string {
  // Delimiters next to spaces do not count in CommonMark: keep the spaces outside them.
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text.text) ?? [];
  if (core === '') return text.text;
  let out = escapeText(core);
  for (const mark of text.marks) out = `${wrappers[mark][0]}${out}${wrappers[mark][1]}`;
  return `${lead}${out}${trail}`;
}

function linkTarget(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}

function inlines(children: readonly Inline[]): string {
  return children
    .map((inline) => {
      if (inline.type === 'break') return '\\\n';
      if (inline.type === 'text') return run(inline);
      const text = inline.children.map(run).join('');
      const url = safeUrl(inline.url);
      return url ? `[${text}](${linkTarget(url)})` : text;
    })
    .join('');
}

/** Inline content of a block as lines, each escaped against being read as a block opener. */
function blockLines(children: readonly Inline[]): string[] {
  return inlines(children).split('\n').map(escapeLineStart);
}

function list(block: ListBlock, indent: string): string[] {
  return block.items.flatMap((item, index) => {
    const marker =
      block.kind === 'number'
        ? `${block.start + index}.`
        : block.kind === 'check'
          ? `- [${item.checked ? 'x' : ' '}]`
          : '-';
    const pad = ' '.repeat(block.kind === 'check' ? 2 : marker.length + 1);
    const [first = '', ...rest] = blockLines(item.children);
    return [
      `${indent}${marker} ${first}`,
      ...rest.map((line) => `${indent}${pad}${line}`),
      ...item.lists.flatMap((nested) => list(nested, indent + pad)),
    ];
  });
}

function tableCell(blocks: readonly Block[]): string {
  return blocks
    .map((block) => escapeText(inlineTextOf(block)))
    .join('<br>')
    .replace(/\n/g, '<br>');
}

function inlineTextOf(block: Block): string {
  return 'children' in block ? inlineText(block.children) : '';
}

function table(block: TableBlock): string[] {
  const width = Math.max(...block.rows.map((row) => row.cells.reduce((n, c) => n + c.colSpan, 0)));
  const rows = block.rows.map((row) => {
    const cells = row.cells.flatMap((cell) => [
      tableCell(cell.blocks),
      ...Array<string>(cell.colSpan - 1).fill(''),
    ]);
    while (cells.length < width) cells.push('');
    return `| ${cells.join(' | ')} |`;
  });
  const [header = '', ...body] = rows;
  return [header, `|${' --- |'.repeat(width)}`, ...body];
}

type Renderers = { [T in Block['type']]: (block: Extract<Block, { type: T }>) => string[] };

const renderers = (colon: (label: string) => string): Renderers => ({
  heading: (block) => [
    `${'#'.repeat(block.level)} ${inlines(block.children).replace(/\\\n/g, ' ')}`,
  ],
  paragraph: (block) => blockLines(block.children),
  quote: (block) => blockLines(block.children).map((line) => `> ${line}`),
  list: (block) => list(block, ''),
  table,
  panel: (block) => [
    `**${inlines(block.title)}**`,
    '',
    ...block.fields.map(
      (field) => `- ${escapeText(colon(field.label))} ${escapeText(field.value)}`,
    ),
    ...block.blocks.flatMap((inner) => ['', ...renderBlock(inner, colon)]),
  ],
});

function renderBlock(block: Block, colon: (label: string) => string): string[] {
  return (renderers(colon)[block.type] as (b: Block) => string[])(block);
}

function yamlString(value: string): string {
  return JSON.stringify(value);
}

/**
 * The document as CommonMark with GFM tables, preceded by YAML front matter (title, language,
 * status) that Pandoc and static-site tools read.
 */
export function renderMarkdown(tree: ExportTree, meta: ExportMeta): string {
  const labels = exportLabels(meta);
  const parts: string[][] = [
    [
      '---',
      `title: ${yamlString(meta.title)}`,
      `lang: ${meta.language}`,
      `status: ${meta.status}`,
      '---',
    ],
  ];
  if (labels.draftMark) parts.push([`**${escapeText(labels.draftMark)}**`]);
  parts.push(...tree.blocks.map((block) => renderBlock(block, labels.colon)));
  const page = signaturePage(meta, labels);
  if (page) {
    parts.push(
      [`## ${escapeText(page.title)}`],
      [escapeText(page.intro)],
      table({
        type: 'table',
        rows: [
          page.headers,
          ...page.rows.map((r) => [r.organisation, r.signatory, r.role, r.approvedAt]),
        ].map((cells, index) => ({
          cells: cells.map((text) => ({
            header: index === 0,
            colSpan: 1,
            rowSpan: 1,
            blocks: [
              { type: 'paragraph', align: 'start', children: [{ type: 'text', text, marks: [] }] },
            ],
          })),
        })),
      }),
      [`${escapeText(labels.colon(page.fingerprintLabel))} \`${page.fingerprint}\``],
      [escapeText(page.finalisedAt), '', escapeText(page.documentId)],
    );
  }
  return `${parts.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
