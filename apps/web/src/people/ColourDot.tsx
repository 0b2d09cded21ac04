/** Accepts only what the browser parses as a colour: colours can come from other clients. */
export function safeColour(colour: string | undefined | null, fallback = '#6b7280'): string {
  if (typeof colour !== 'string' || colour.length > 64) return fallback;
  if (typeof CSS !== 'undefined' && !CSS.supports('color', colour)) return fallback;
  return colour;
}

export function ColourDot({ colour }: { colour: string }) {
  return (
    <span className="colour-dot" aria-hidden="true" style={{ background: safeColour(colour) }} />
  );
}
