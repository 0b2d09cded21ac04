import { newId, type Role, type Sector } from '@accord/domain';
import { createTemplateState, type TemplateAction } from '@accord/editor';
import type { Store } from '@accord/store';
import { appendAudit, partnershipChain } from './audit.ts';
import { hashPassword } from './auth/passwords.ts';
import { colourFor } from './people.ts';

/**
 * The demo partnership: fictional, but shaped like the partnerships Accord is made for — five
 * organisations of different sectors, and someone in every role. Every demo account shares one
 * password, printed at start, so a workshop can sign in at once.
 */
export const DEMO_PASSWORD = 'accord-demo';

interface DemoPerson {
  name: string;
  email: string;
  role: Role;
  signatory?: boolean;
}

const demo = {
  name: 'Pacte local pour l’emploi — Val-de-Sèvre',
  purpose:
    'Coordonner l’accompagnement vers l’emploi des habitants du quartier des Tilleuls entre la ville, les associations, les employeurs et les services sociaux.',
  organisations: [
    {
      name: 'Ville de Val-de-Sèvre',
      sector: 'public-agency',
      colour: '#1d4ed8',
      people: [
        {
          name: 'Claire Martin',
          email: 'claire@demo.accord',
          role: 'facilitator',
          signatory: true,
        },
        { name: 'Karim Benali', email: 'karim@demo.accord', role: 'editor' },
      ],
    },
    {
      name: 'Association Tremplin',
      sector: 'non-profit',
      colour: '#047857',
      people: [
        { name: 'Sophie Lefèvre', email: 'sophie@demo.accord', role: 'editor', signatory: true },
        { name: 'Lucas Girard', email: 'lucas@demo.accord', role: 'commenter' },
      ],
    },
    {
      name: 'Boulangeries Moreau',
      sector: 'company',
      colour: '#b45309',
      people: [
        { name: 'Antoine Moreau', email: 'antoine@demo.accord', role: 'editor', signatory: true },
      ],
    },
    {
      name: 'CCAS de Val-de-Sèvre',
      sector: 'social-service',
      colour: '#7c3aed',
      people: [
        { name: 'Nadia Haddad', email: 'nadia@demo.accord', role: 'viewer', signatory: true },
      ],
    },
    {
      name: 'Collectif des Tilleuls',
      sector: 'community-group',
      colour: '#be123c',
      people: [
        { name: 'Fatou Diallo', email: 'fatou@demo.accord', role: 'editor', signatory: true },
        { name: 'Julien Petit', email: 'julien@demo.accord', role: 'viewer' },
      ],
    },
  ] satisfies { name: string; sector: Sector; colour: string; people: DemoPerson[] }[],
  documents: [
    { title: 'Plan d’action 2027', kind: 'action-plan' },
    { title: 'Convention de partenariat', kind: 'agreement' },
  ] as const,
};

/** A few realistic actions of the demo plan, owned by the demo organisations and people. */
function demoActions(
  organisation: (name: string) => string,
  person: (email: string) => string,
): TemplateAction[] {
  const ville = organisation('Ville de Val-de-Sèvre');
  const tremplin = organisation('Association Tremplin');
  const moreau = organisation('Boulangeries Moreau');
  const ccas = organisation('CCAS de Val-de-Sèvre');
  const permanences = newId();
  return [
    {
      id: permanences,
      objective: 1,
      title: 'Ouvrir les permanences communes au centre social des Tilleuls',
      description: [
        'Deux demi-journées par semaine, sans rendez-vous, avec un conseiller du CCAS.',
      ],
      leadOrganisationId: ville,
      peopleIds: [person('karim@demo.accord'), person('sophie@demo.accord')],
      start: '2027-01-11',
      due: '2027-03-31',
      status: 'in_progress',
      indicator: '60 habitants reçus au premier trimestre',
      commitments: [
        {
          organisationId: ville,
          text: 'Une salle équipée au centre social',
          amount: 2,
          unit: 'demi-journées par semaine',
        },
        { organisationId: ccas, text: 'Un conseiller présent à chaque permanence' },
      ],
    },
    {
      objective: 1,
      title: 'Nommer un référent unique pour chaque personne accompagnée',
      description: ['Dans les quinze jours qui suivent le premier rendez-vous.'],
      leadOrganisationId: tremplin,
      peopleIds: [person('sophie@demo.accord')],
      start: '2027-02-01',
      due: '2027-06-30',
      status: 'planned',
      indicator: 'Délai moyen avant la nomination du référent',
      dependsOn: [permanences],
      commitments: [
        {
          organisationId: tremplin,
          text: 'Deux accompagnateurs à mi-temps',
          amount: 1,
          unit: 'ETP',
        },
      ],
    },
    {
      objective: 2,
      title: 'Ouvrir des places de stage en boulangerie',
      description: ['Stages de découverte de deux semaines, avec un tuteur par stagiaire.'],
      leadOrganisationId: moreau,
      peopleIds: [person('antoine@demo.accord')],
      start: '2027-03-01',
      due: '2027-09-30',
      status: 'planned',
      indicator: '8 stages réalisés',
      commitments: [
        {
          organisationId: moreau,
          text: 'Places de stage dans les trois boutiques',
          amount: 8,
          unit: 'stages',
        },
        { organisationId: tremplin, text: 'Préparation des stagiaires aux entretiens' },
      ],
    },
  ];
}

export interface SeededDemo {
  partnershipId: string;
  accounts: { email: string; password: string; name: string; organisation: string; role: Role }[];
}

/** Seeds the demo partnership with its accounts; returns its id and the sign-in details. */
export async function seedDemo(store: Store): Promise<SeededDemo> {
  const now = Date.now();
  const partnershipId = newId();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts: SeededDemo['accounts'] = [];
  await store.createPartnership({
    id: partnershipId,
    name: demo.name,
    purpose: demo.purpose,
    language: 'fr',
    createdAt: now,
  });
  let founder: string | null = null;
  const organisationIds = new Map<string, string>();
  const personIds = new Map<string, string>();
  for (const organisation of demo.organisations) {
    const organisationId = newId();
    organisationIds.set(organisation.name, organisationId);
    await store.createOrganisation({
      id: organisationId,
      name: organisation.name,
      sector: organisation.sector,
      createdAt: now,
    });
    await store.addParticipation({
      partnershipId,
      organisationId,
      colour: organisation.colour,
      joinedAt: now,
      leftAt: null,
    });
    for (const person of organisation.people) {
      const id = newId();
      founder ??= id;
      personIds.set(person.email, id);
      await store.createPerson(
        {
          id,
          organisationId,
          name: person.name,
          email: person.email,
          colour: colourFor(id),
          createdAt: now,
          erasedAt: null,
        },
        passwordHash,
      );
      await store.addMembership({
        partnershipId,
        personId: id,
        role: person.role,
        signatory: person.signatory ?? false,
        createdAt: now,
      });
      accounts.push({
        email: person.email,
        password: DEMO_PASSWORD,
        name: person.name,
        organisation: organisation.name,
        role: person.role,
      });
    }
  }
  await appendAudit(store, partnershipChain(partnershipId), {
    actorId: founder,
    action: 'partnership.created',
    data: { partnershipId, seeded: true },
  });
  for (const { title, kind } of demo.documents) {
    const documentId = newId();
    await store.createDocument(
      {
        id: documentId,
        partnershipId,
        title,
        kind,
        language: 'fr',
        createdAt: now,
        updatedAt: now,
        archived: false,
      },
      createTemplateState(kind, {
        title,
        actions: demoActions(
          (name) => organisationIds.get(name) ?? '',
          (email) => personIds.get(email) ?? '',
        ),
      }),
    );
    await appendAudit(store, partnershipChain(partnershipId), {
      actorId: founder,
      action: 'document.created',
      data: { documentId, kind },
    });
  }
  return { partnershipId, accounts };
}
