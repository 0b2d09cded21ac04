import type { ActionItem } from '@accord/domain';
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { actionsCsv, type ExportNames } from './csv.ts';
import { actionsIcs } from './ics.ts';
import type { ActionView } from './views.ts';

const names: ExportNames = {
  organisation: (id) =>
    ({ o1: 'Ville de Val-de-Sèvre', o2: 'Boulangeries « Moreau », SARL' })[id] ?? '?',
  person: (id) => ({ p1: 'Sophie Lefèvre', p2: 'Antoine Moreau' })[id] ?? '?',
  action: (_documentId, id) => (id === 'a1' ? '=Titre, piégé' : id),
};

function view(overrides: Partial<ActionItem>): ActionView {
  return {
    id: 'a1',
    title: 'Atelier',
    description: '',
    leadOrganisationId: '',
    peopleIds: [],
    start: '',
    due: '',
    status: 'planned',
    indicator: '',
    dependsOn: [],
    commitments: [],
    objective: '',
    position: 0,
    documentId: 'd1',
    partnershipId: 'p',
    indexedAt: Date.UTC(2026, 10, 1),
    document: { id: 'd1', title: 'Plan d’action 2027', kind: 'action-plan' },
    problems: [],
    overdue: false,
    ...overrides,
  };
}

const tricky = [
  view({
    id: 'a1',
    title: '=HYPERLINK("http://evil","clic")',
    description: 'Ligne 1, avec virgule\nLigne 2 « guillemets » et "doubles"',
    leadOrganisationId: 'o2',
    peopleIds: ['p1', 'p2'],
    start: '2027-01-11',
    due: '2027-03-31',
    status: 'in_progress',
    indicator: '+33 jeunes',
    objective: 'Objectif 1\u00a0: Repérer',
    commitments: [
      { organisationId: 'o1', text: 'Salle équipée', amount: 2, unit: 'demi-journées' },
      { organisationId: 'o2', text: '@tous: viennoiseries', amount: null, unit: '' },
    ],
  }),
  view({
    id: 'a2',
    title: '-1 place, @mention',
    due: '2027-06-30',
    dependsOn: ['a1'],
    status: 'cancelled',
  }),
  view({ id: 'a3', title: 'Sans échéance' }),
];

describe('the CSV of actions', () => {
  it('is UTF-8 with a BOM, RFC 4180, one row per action, French headers, formulas neutralised', () => {
    const csv = actionsCsv(tricky, 'fr', names);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows: string[][] = parse(csv, { bom: true, relax_column_count: false });
    expect(rows).toHaveLength(1 + tricky.length);
    const [header, first, second] = rows;
    expect(header?.slice(0, 9)).toEqual([
      'Plan',
      'Objectif',
      'Action',
      'Description',
      'Organisation pilote',
      'Personnes responsables',
      'Début',
      'Échéance',
      'Statut',
    ]);
    expect(first?.[0]).toBe('Plan d’action 2027');
    expect(first?.[1]).toBe('Objectif 1\u00a0: Repérer');
    // A formula-like cell starts with an apostrophe, so no spreadsheet runs it.
    expect(first?.[2]).toBe('\'=HYPERLINK("http://evil","clic")');
    expect(first?.[3]).toBe('Ligne 1, avec virgule\nLigne 2 « guillemets » et "doubles"');
    expect(first?.[4]).toBe('Boulangeries « Moreau », SARL');
    expect(first?.[5]).toBe('Sophie Lefèvre, Antoine Moreau');
    expect(first?.[8]).toBe('En cours');
    expect(first?.[10]).toBe("'+33 jeunes");
    expect(first?.[11]).toBe(
      'Ville de Val-de-Sèvre: Salle équipée (2 demi-journées)\nBoulangeries « Moreau », SARL: @tous: viennoiseries',
    );
    expect(second?.[2]).toBe("'-1 place, @mention");
    expect(second?.[8]).toBe('Annulée');
    expect(second?.[12]).toBe("'=Titre, piégé");
  });

  it('has English headers in an English partnership', () => {
    const [header] = parse(actionsCsv(tricky, 'en', names), { bom: true }) as string[][];
    expect(header?.slice(2, 5)).toEqual(['Action', 'Description', 'Lead organisation']);
  });
});

describe('the iCalendar of actions', () => {
  const now = Date.UTC(2026, 10, 27, 12);

  function events(ics: string) {
    const calendar = new ICAL.Component(ICAL.parse(ics));
    return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
  }

  it('has one all-day event per due date, with accents, commas and newlines intact', () => {
    const ics = actionsIcs(tricky, {
      calendarName: 'Plan d’action 2027, Val-de-Sèvre',
      names,
      now,
    });
    for (const line of ics.split('\r\n')) {
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    }
    const [first, second, ...rest] = events(ics);
    expect(rest).toEqual([]);
    expect(first?.summary).toBe('=HYPERLINK("http://evil","clic")');
    expect(first?.description).toContain(
      'Ligne 1, avec virgule\nLigne 2 « guillemets » et "doubles"',
    );
    expect(first?.description).toContain('Boulangeries « Moreau », SARL');
    expect(first?.startDate.isDate).toBe(true);
    expect(first?.startDate.toString()).toBe('2027-03-31');
    expect(first?.endDate.toString()).toBe('2027-04-01');
    expect(second?.summary).toBe('-1 place, @mention');
    expect(second?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('keeps UIDs stable across exports and raises SEQUENCE when the plan changed', () => {
    const before = events(actionsIcs(tricky, { calendarName: 'x', names, now }));
    const later = tricky.map((a) => ({
      ...a,
      indexedAt: a.indexedAt + 60_000,
      title: `${a.title}!`,
    }));
    const after = events(actionsIcs(later, { calendarName: 'x', names, now: now + 60_000 }));
    expect(after.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
    expect(before.map((e) => e.uid)).toEqual(['d1.a1@accord', 'd1.a2@accord']);
    expect(after[0]!.sequence).toBeGreaterThan(before[0]!.sequence);
  });
});
