import { newId } from '@accord/domain';
import { createTemplateState } from '@accord/editor';
import type { Store } from '@accord/store';

/** The demo partnership: fictional, but shaped like the partnerships Accord is made for. */
const demo = {
  name: 'Pacte local pour l’emploi — Val-de-Sèvre',
  purpose:
    'Coordonner l’accompagnement vers l’emploi des habitants du quartier des Tilleuls entre la ville, les associations, les employeurs et les services sociaux.',
  organisations: [
    { name: 'Ville de Val-de-Sèvre', colour: '#1d4ed8', people: ['Claire Martin', 'Karim Benali'] },
    { name: 'Association Tremplin', colour: '#047857', people: ['Sophie Lefèvre', 'Lucas Girard'] },
    { name: 'Boulangeries Moreau', colour: '#b45309', people: ['Antoine Moreau'] },
    { name: 'CCAS de Val-de-Sèvre', colour: '#7c3aed', people: ['Nadia Haddad'] },
    { name: 'Collectif des Tilleuls', colour: '#be123c', people: ['Fatou Diallo', 'Julien Petit'] },
  ],
  documents: [
    { title: 'Plan d’action 2027', kind: 'action-plan' },
    { title: 'Convention de partenariat', kind: 'agreement' },
  ],
} as const;

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

/** Seeds the demo partnership; returns its id. */
export async function seedDemo(store: Store): Promise<string> {
  const now = Date.now();
  const partnershipId = newId();
  await store.createPartnership({
    id: partnershipId,
    name: demo.name,
    purpose: demo.purpose,
    language: 'fr',
    createdAt: now,
  });
  let colourIndex = 0;
  for (const organisation of demo.organisations) {
    const organisationId = newId();
    await store.createOrganisation({
      id: organisationId,
      partnershipId,
      name: organisation.name,
      colour: organisation.colour,
    });
    for (const name of organisation.people) {
      const colour = personColours[colourIndex++ % personColours.length]!;
      await store.createPerson({ id: newId(), organisationId, name, colour });
    }
  }
  for (const { title, kind } of demo.documents) {
    await store.createDocument(
      {
        id: newId(),
        partnershipId,
        title,
        kind,
        language: 'fr',
        createdAt: now,
        updatedAt: now,
        archived: false,
      },
      createTemplateState(kind, { title }),
    );
  }
  return partnershipId;
}
