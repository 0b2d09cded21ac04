import type { LexicalNode } from 'lexical';
import { $heading, $list, $paragraph, $quote, $table, bold } from './blocks.ts';
import type { TemplateOptions } from './kinds.ts';

const defaultTitle = 'Emploi des jeunes du quartier des Sablons';

/** An action plan as a workshop starts it: context, objectives, first actions, a follow-up table. */
export function $actionPlanTemplate({ title }: TemplateOptions): LexicalNode[] {
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
    $heading('h2', 'Objectif 2 : Ouvrir des places de stage et d’apprentissage'),
    $list('number', [
      'Recenser les offres des entreprises partenaires (objectif : 40 places)',
      'Préparer les jeunes aux entretiens avec l’association Passerelles Emploi',
      'Organiser une rencontre jeunes – employeurs dans les locaux de la Ville',
    ]),
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
