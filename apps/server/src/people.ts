import type { PersonRecord } from '@accord/store';

/** Caret colours dark enough for white name labels (WCAG AA against white text). */
const personColours = [
  '#1e40af',
  '#166534',
  '#9a3412',
  '#6b21a8',
  '#9f1239',
  '#155e75',
  '#854d0e',
  '#3730a3',
  '#86198f',
];

/** A stable colour for a person, from their id. */
export function colourFor(id: string): string {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return personColours[h % personColours.length]!;
}

/** What other people may see of a person: never their email once erased, never secrets. */
export function publicPerson(person: PersonRecord) {
  return {
    id: person.id,
    organisationId: person.organisationId,
    name: person.name,
    colour: person.colour,
    erased: person.erasedAt !== null,
  };
}
