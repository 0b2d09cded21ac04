import { useId } from 'react';
import { type CatalogKey, useT } from '../i18n/index.ts';

/**
 * Organisation colours: dark enough for white text and for a 3:1 contrast with white surfaces,
 * and told apart by name too, never by hue alone.
 */
export const organisationColours = [
  { value: '#1d4ed8', name: 'colours.blue' },
  { value: '#047857', name: 'colours.green' },
  { value: '#b45309', name: 'colours.amber' },
  { value: '#7c3aed', name: 'colours.violet' },
  { value: '#be123c', name: 'colours.raspberry' },
  { value: '#0e7490', name: 'colours.teal' },
  { value: '#4d7c0f', name: 'colours.olive' },
  { value: '#475569', name: 'colours.slate' },
] as const satisfies readonly { value: string; name: CatalogKey }[];

/** The first colour nobody uses yet (case-insensitive), or the first one. */
export function firstFreeColour(used: readonly string[]): string {
  const taken = new Set(used.map((colour) => colour.toLowerCase()));
  return (
    organisationColours.find((colour) => !taken.has(colour.value))?.value ??
    organisationColours[0].value
  );
}

interface ColourPickerProps {
  legend: string;
  value: string;
  onChange: (value: string) => void;
  /** Colours other organisations already have: marked, still selectable. */
  used?: readonly string[];
  name?: string;
}

/** A radio group of named swatches: arrow keys move, the name is read out. */
export function ColourPicker({
  legend,
  value,
  onChange,
  used = [],
  name = 'colour',
}: ColourPickerProps) {
  const t = useT();
  const groupName = `${name}-${useId()}`;
  const taken = new Set(used.map((colour) => colour.toLowerCase()));
  return (
    <fieldset className="colour-picker">
      <legend>{legend}</legend>
      <div className="colour-picker__options">
        {organisationColours.map((colour) => {
          const inUse = taken.has(colour.value);
          return (
            <label key={colour.value} className="colour-option">
              <input
                type="radio"
                name={groupName}
                value={colour.value}
                checked={value.toLowerCase() === colour.value}
                onChange={() => onChange(colour.value)}
              />
              <span className="colour-option__swatch" style={{ background: colour.value }} />
              <span className="colour-option__name">
                {t(colour.name)}
                {inUse && <span className="colour-option__used"> {t('colours.inUse')}</span>}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
