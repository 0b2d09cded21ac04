import type { ExportNames } from './csv.ts';
import type { ActionView } from './views.ts';

/** RFC 5545 text escaping: backslash, semicolon, comma, and line breaks as `\n`. */
function escapeText(value: string): string {
  return value
    .replaceAll('\\', '\\\\')
    .replaceAll(';', '\\;')
    .replaceAll(',', '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1). */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const basicDate = (iso: string) => iso.replaceAll('-', '');

function nextDay(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

const utcStamp = (ms: number) => `${new Date(ms).toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;

/**
 * One all-day event per action with a due date. The UID is the plan and the action's stable id,
 * so importing the file again updates the events instead of duplicating them; SEQUENCE grows with
 * each re-indexing of the plan (seconds since 2020), which calendars require to accept a change.
 */
export function actionsIcs(
  actions: readonly ActionView[],
  options: { calendarName: string; names: ExportNames; now?: number },
): string {
  const now = options.now ?? Date.now();
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Accord//Actions//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.calendarName)}`,
  ];
  for (const action of actions) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(action.due)) continue;
    const description = [
      action.document.title,
      action.leadOrganisationId ? options.names.organisation(action.leadOrganisationId) : '',
      action.description,
      action.indicator,
    ]
      .filter(Boolean)
      .join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${action.documentId}.${action.id}@accord`,
      `DTSTAMP:${utcStamp(now)}`,
      `LAST-MODIFIED:${utcStamp(action.indexedAt)}`,
      `SEQUENCE:${Math.max(0, Math.floor((action.indexedAt - Date.UTC(2020, 0, 1)) / 1000))}`,
      `DTSTART;VALUE=DATE:${basicDate(action.due)}`,
      `DTEND;VALUE=DATE:${basicDate(nextDay(action.due))}`,
      `SUMMARY:${escapeText(action.title || action.id)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `STATUS:${action.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
