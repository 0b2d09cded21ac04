import type { ReactNode } from 'react';

interface ToolbarButtonProps {
  label: string;
  /** Tooltip; defaults to the label. */
  title?: string;
  /** Set for toggles only: announced as pressed / not pressed. */
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}

/**
 * A toolbar control. Disabled controls stay focusable (aria-disabled) so arrow keys do not skip
 * over them silently, and a mouse press does not steal focus from the editor's selection.
 */
export function ToolbarButton({
  label,
  title,
  pressed,
  disabled = false,
  onClick,
  children,
}: ToolbarButtonProps) {
  return (
    <button
      type="button"
      className="toolbar-button"
      data-roving-item=""
      aria-label={label}
      title={title ?? label}
      aria-pressed={pressed}
      aria-disabled={disabled || undefined}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => {
        if (!disabled) onClick();
      }}
    >
      {children}
    </button>
  );
}
