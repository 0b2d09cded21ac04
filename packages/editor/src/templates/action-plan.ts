import type { LexicalNode } from 'lexical';
import { $createAction } from '../actions/create.ts';
import { $heading, $list, $paragraph, $quote, $table, bold, frenchSpacing } from './blocks.ts';
import type { TemplateAction, TemplateOptions } from './kinds.ts';

const defaultTitle = 'Emploi des jeunes du quartier des Sablons';

/** Example actions, without owners: the partners name the lead and the people themselves. */
const exampleActions: readonly TemplateAction[] = [
  {
    objective: 1,
    title: 'Ouvrir les permanences communes au centre social',
    description: ['Deux demi-journées par semaine, sans rendez-vous.'],
    status: 'planned',
    indicator: 'Nombre de jeunes reçus par mois',
  },
  {
    objective: 2,
    title: 'Organiser la rencontre jeunes – employeurs',
    description: ['Dans les locaux de la Ville, avec les entreprises du club.'],
    status: 'planned',
    indicator: 'Places de stage proposées',
  },
];

/** An action plan as a workshop starts it: context, objectives, first actions, a follow-up table. */
export function $actionPlanTemplate({
  title,
  actions = exampleActions,
}: TemplateOptions): LexicalNode[] {
  const $actionsOf = (objective: 1 | 2) =>
    actions
      .filter((action) => action.objective === objective)
      .map(({ objective: _, ...action }) =>
        $createAction({
          ...action,
          title: action.title && frenchSpacing(action.title),
          description: action.description?.map(frenchSpacing),
        }),
      );
  return [
    // The document's own title is the heading: people named it, the template does not rename it.
    $heading('h1', title ?? `Plan d’action — ${defaultTitle}`),
    $paragraph(
      'Ce plan réunit la Ville, la Mission locale, l’association Passerelles Emploi et les ' +
        'entreprises du club « Territoire engagé ». Chaque action a une organisation pilote, une ' +
        'échéance et un statut, revus à chaque comité de pilotage.',
    ),
    $heading('h2', 'Objectif 1 : Repérer et accompagner les jeunes sans emploi ni formation'),
    $paragraph(
      bold('Public visé :'),
      ' 60 jeunes de 16 à 25 ans, dont la moitié au moins ne sont suivis par aucune structure.',
    ),
    $list('bullet', [
      'Permanences communes de la Mission locale et de la Ville au centre social, deux demi-journées par semaine',
      'Repérage par les éducateurs de prévention et les associations sportives du quartier',
      'Un référent unique nommé pour chaque jeune dans les quinze jours',
    ]),
    ...$actionsOf(1),
    $heading('h2', 'Objectif 2 : Ouvrir des places de stage et d’apprentissage'),
    $list('number', [
      'Recenser les offres des entreprises partenaires (objectif : 40 places)',
      'Préparer les jeunes aux entretiens avec l’association Passerelles Emploi',
      'Organiser une rencontre jeunes – employeurs dans les locaux de la Ville',
    ]),
    ...$actionsOf(2),
    $heading('h2', 'Suivi des actions'),
    $table(
      ['Action', 'Organisation pilote', 'Échéance', 'Statut'],
      [
        [
          'Ouvrir les permanences au centre social',
          'Mission locale',
          'Fin du 1er trimestre',
          'En cours',
        ],
        [
          'Organiser la rencontre jeunes – employeurs',
          'Club « Territoire engagé »',
          'Fin du 2e trimestre',
          'À lancer',
        ],
      ],
    ),
    $quote(
      'Chaque jeune du quartier doit savoir à qui s’adresser dès la première semaine. ' +
        '— Engagement commun du comité de pilotage',
    ),
  ];
}
