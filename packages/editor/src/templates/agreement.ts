import type { LexicalNode } from 'lexical';
import { $heading, $list, $paragraph, bold, italic, link } from './blocks.ts';
import type { TemplateOptions } from './kinds.ts';

/** Official text of the GDPR (ELI permalink, stable across EUR-Lex redesigns). */
const gdprUrl = 'https://eur-lex.europa.eu/eli/reg/2016/679/oj';

/**
 * A multi-party partnership agreement ("convention de partenariat") with the usual articles.
 * Bracketed fields are left for the partners to fill in together, as in the paper models.
 */
export function $agreementTemplate({ title }: TemplateOptions): LexicalNode[] {
  return [
    $heading('h1', title ?? 'Convention de partenariat'),
    $paragraph(bold('Entre les soussignés :')),
    $paragraph(
      '[Nom de la collectivité], représentée par [nom et qualité du signataire], ' +
        'ci-après dénommée « la Collectivité » ;',
    ),
    $paragraph(
      '[Nom de l’association], association régie par la loi du 1er juillet 1901, représentée par ' +
        '[nom et qualité du signataire], ci-après dénommée « l’Association » ;',
    ),
    $paragraph(
      '[Nom de l’entreprise], immatriculée sous le numéro SIREN [numéro], représentée par ' +
        '[nom et qualité du signataire], ci-après dénommée « l’Entreprise »,',
    ),
    $paragraph('ensemble dénommées « les Parties », il est convenu ce qui suit.'),

    $heading('h2', 'Article 1 — Objet'),
    $paragraph(
      'La présente convention a pour objet de ',
      bold('définir les conditions de la coopération'),
      ' entre les Parties pour conduire le projet ',
      italic('[intitulé du projet]'),
      ', ainsi que les engagements de chacune.',
    ),

    $heading('h2', 'Article 2 — Engagements des parties'),
    $paragraph('Dans le cadre du projet, les Parties s’engagent comme suit :'),
    $list('bullet', [
      [
        bold('la Collectivité'),
        ' met des locaux à disposition et assure le secrétariat du comité de pilotage ;',
      ],
      [
        bold('l’Association'),
        ' accompagne les personnes et rend compte de son activité chaque trimestre ;',
      ],
      [
        bold('l’Entreprise'),
        ' ouvre des places de stage et désigne un tuteur pour chaque stagiaire ;',
      ],
      [
        'toutes les Parties partagent les informations utiles au projet, dans le respect du secret ' +
          'professionnel et du ',
        link('règlement général sur la protection des données', gdprUrl),
        '.',
      ],
    ]),

    $heading('h2', 'Article 3 — Gouvernance'),
    $paragraph(
      'Un comité de pilotage réunit un représentant de chaque Partie au moins deux fois par an. ' +
        'Il suit le plan d’action, arbitre les priorités et ',
      italic('peut proposer des avenants'),
      ' à la présente convention. Ses décisions sont prises par consensus.',
    ),

    $heading('h2', 'Article 4 — Durée'),
    $paragraph(
      'La présente convention est conclue pour une durée de ',
      bold('trois ans'),
      ' à compter de sa signature par l’ensemble des Parties. Elle peut être renouvelée par avenant.',
    ),

    $heading('h2', 'Article 5 — Moyens et financement'),
    $paragraph(
      'Chaque Partie prend en charge les coûts de sa propre participation, sauf accord écrit ' +
        'contraire précisé en annexe.',
    ),

    $heading('h2', 'Article 6 — Résiliation'),
    $paragraph(
      'Chaque Partie peut se retirer de la convention par lettre recommandée avec un préavis de ' +
        'trois mois. Le retrait d’une Partie ne met pas fin à la convention entre les autres.',
    ),

    $paragraph(
      italic('Fait à [lieu], le [date], en autant d’exemplaires originaux que de Parties.'),
    ),
  ];
}
