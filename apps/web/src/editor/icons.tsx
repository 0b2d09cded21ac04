import type { ReactNode } from 'react';

/** Toolbar icons: 20×20, stroked in currentColor so they follow the button's text colour. */
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 20 20"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.7"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const UndoIcon = () => (
  <Icon>
    <path d="M7.5 5 3.5 9l4 4" />
    <path d="M3.5 9h8a5 5 0 0 1 0 10H9" />
  </Icon>
);

export const RedoIcon = () => (
  <Icon>
    <path d="m12.5 5 4 4-4 4" />
    <path d="M16.5 9h-8a5 5 0 0 0 0 10H11" />
  </Icon>
);

export const BulletListIcon = () => (
  <Icon>
    <circle cx="4" cy="5.5" r="1" fill="currentColor" stroke="none" />
    <circle cx="4" cy="10" r="1" fill="currentColor" stroke="none" />
    <circle cx="4" cy="14.5" r="1" fill="currentColor" stroke="none" />
    <path d="M8 5.5h9M8 10h9M8 14.5h9" />
  </Icon>
);

export const NumberedListIcon = () => (
  <Icon>
    <path d="M3 4h1.5v4M3 8h3" strokeWidth="1.4" />
    <path d="M3 12.3c.3-.6.9-.9 1.5-.9.8 0 1.4.5 1.4 1.2 0 1.1-2.9 2-2.9 3.4h3" strokeWidth="1.4" />
    <path d="M9 5.5h8M9 10h8M9 14.5h8" />
  </Icon>
);

export const LinkIcon = () => (
  <Icon>
    <path d="M8.5 11.5a3.5 3.5 0 0 0 5 0l2.5-2.5a3.5 3.5 0 0 0-5-5l-1 1" />
    <path d="M11.5 8.5a3.5 3.5 0 0 0-5 0L4 11a3.5 3.5 0 0 0 5 5l1-1" />
  </Icon>
);

export const TableIcon = () => (
  <Icon>
    <rect x="2.5" y="3.5" width="15" height="13" rx="1.5" />
    <path d="M2.5 8h15M2.5 12.3h15M7.5 3.5v13M12.5 3.5v13" />
  </Icon>
);

/** A ticked box with lines: an action with its fields. */
export const ActionIcon = () => (
  <Icon>
    <rect x="2.5" y="3.5" width="6" height="6" rx="1" />
    <path d="M4 6.6l1.3 1.3 2-2.4M11 5h6.5M11 8h4.5M2.5 13h15M2.5 16.5h10" />
  </Icon>
);

/** B, I, U are letters, drawn as text so they read as the format they toggle. */
export function FormatGlyph({ format }: { format: 'bold' | 'italic' | 'underline' }) {
  const glyph = { bold: 'B', italic: 'I', underline: 'U' }[format];
  return (
    <span className={`format-glyph format-glyph--${format}`} aria-hidden="true">
      {glyph}
    </span>
  );
}
