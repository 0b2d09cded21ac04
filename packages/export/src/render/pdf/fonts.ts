import { fileURLToPath } from 'node:url';
import type { Mark } from '../../tree/types.ts';

// Noto Sans (SIL Open Font License 1.1, fonts/OFL.txt), TrueType so pdfkit embeds a subset. It has
// every glyph French typography needs: U+202F narrow no-break space, « », ’, œ Œ, accented capitals.
const file = (name: string) => fileURLToPath(new URL(`../../../fonts/${name}`, import.meta.url));

export const fontFiles = {
  regular: file('NotoSans_400Regular.ttf'),
  bold: file('NotoSans_700Bold.ttf'),
  italic: file('NotoSans_400Regular_Italic.ttf'),
  boldItalic: file('NotoSans_700Bold_Italic.ttf'),
} as const;

export type FontFace = keyof typeof fontFiles;

export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const [face, path] of Object.entries(fontFiles)) doc.registerFont(face, path);
}

export function faceFor(
  marks: readonly Mark[],
  base: { bold?: boolean; italic?: boolean } = {},
): FontFace {
  const bold = base.bold || marks.includes('bold');
  const italic = base.italic || marks.includes('italic');
  if (bold && italic) return 'boldItalic';
  if (bold) return 'bold';
  return italic ? 'italic' : 'regular';
}
