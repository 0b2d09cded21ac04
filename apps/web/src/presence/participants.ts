export interface Participant {
  /** Several tabs of one person collapse into one participant. */
  key: string;
  personId: string | null;
  /** The bare name, without the organisation (which is grouped and labelled separately). */
  name: string;
  /** The person's caret colour. */
  colour: string;
  organisationId: string | null;
  organisationName: string | null;
  /** The organisation's colour in this partnership. */
  organisationColour: string | null;
  role: string | null;
  isSelf: boolean;
  /** Their caret is in the editor right now. */
  focusing: boolean;
}

const MAX_TEXT = 120;

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed.slice(0, MAX_TEXT);
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}

/**
 * Reads awareness states into participants. The server stamps `name`, `color` and
 * `awarenessData` ({ personId, personName, organisationId, organisationName, organisationColour,
 * role }) from the session, whatever a client claims; every field is still checked, and a state
 * without a name (not yet initialised, or foreign) is skipped.
 *
 * The top-level `name` is the caret label, "Name (Organisation)"; the bare name is
 * `awarenessData.personName`, preferred when present so the organisation is not shown twice.
 */
export function participantsFrom(
  states: ReadonlyMap<number, unknown>,
  selfClientId: number,
): Participant[] {
  const byKey = new Map<string, Participant>();
  for (const [clientId, raw] of states) {
    const state = record(raw);
    const caretName = text(state?.name);
    if (state === null || caretName === null) continue;
    const data = record(state.awarenessData);
    const name = text(data?.personName) ?? caretName;
    const personId = text(data?.personId);
    const key = personId !== null ? `person:${personId}` : `client:${clientId}`;
    const isSelf = clientId === selfClientId;
    const existing = byKey.get(key);
    if (existing !== undefined) {
      existing.isSelf ||= isSelf;
      existing.focusing ||= state.focusing === true;
      continue;
    }
    byKey.set(key, {
      key,
      personId,
      name,
      colour: text(state.color) ?? '',
      organisationId: text(data?.organisationId),
      organisationName: text(data?.organisationName),
      organisationColour: text(data?.organisationColour),
      role: text(data?.role),
      isSelf,
      focusing: state.focusing === true,
    });
  }
  return [...byKey.values()].sort(
    (a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name),
  );
}
