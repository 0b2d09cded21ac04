/**
 * PENDING KEYS — strings the web app needs that `@accord/i18n` does not have yet.
 *
 * Written in the catalogs' own structure and conventions (camelCase, `{placeholders}`, French
 * typography: `\u00a0` before `:`, `\u202f` before `? ! ;`), so they can be pasted into
 * packages/i18n/src/catalogs/{fr,en}.ts as they are. Once they are there, delete this file: the
 * translator in `./translator.ts` then finds every key in the package.
 */

export const pendingFr = {
  app: {
    skipToEditor: 'Aller à l’éditeur',
  },
  common: {
    cancel: 'Annuler',
    close: 'Fermer',
  },
  home: {
    featured: 'Votre partenariat',
  },
  partnership: {
    organisationsTitle: 'Organisations partenaires',
  },
  documents: {
    creating: 'Création…',
    titleRequired: 'Donnez un titre au document.',
  },
  person: {
    withOrganisation: '{name} ({organisation})',
    unknownOrganisation: 'Organisation inconnue',
  },
  identity: {
    demoNote:
      'Démonstration\u00a0: il n’y a pas encore de comptes. Ce choix est enregistré dans ce navigateur.',
    noPeople: 'Aucune personne n’est encore inscrite dans ce partenariat.',
  },
  editor: {
    label: 'Texte du document «\u202f{title}\u202f»',
    blockType: 'Style de paragraphe',
    shortcut: '{label} ({shortcut})',
    linkHint: 'Par exemple https://www.exemple.fr ou mailto:nom@exemple.fr',
    linkText: 'Texte du lien',
    linkInvalid:
      'Cette adresse n’est pas valide. Utilisez une adresse web (https://…), de courriel (mailto:…) ou de téléphone (tel:…).',
    linkTextRequired: 'Indiquez le texte du lien.',
    applyLink: 'Appliquer',
  },
  save: {
    closed: 'Déconnecté',
    closedUnsaved: 'Déconnecté — modifications non enregistrées',
  },
  connection: {
    closedTitle: 'La connexion à ce document est fermée',
    unknownClose: 'Le serveur a fermé la connexion (code {code}).',
    readOnlyNow: 'Le document reste affiché en lecture seule.',
    refusedTooLarge: 'le document a atteint sa taille maximale.',
  },
  presence: {
    alone: 'Personne d’autre n’est sur ce document pour l’instant.',
  },
} as const;

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every locale must fill: the French keys, any strings. */
export type PendingMessages = Widen<typeof pendingFr>;

export const pendingEn: PendingMessages = {
  app: {
    skipToEditor: 'Skip to the editor',
  },
  common: {
    cancel: 'Cancel',
    close: 'Close',
  },
  home: {
    featured: 'Your partnership',
  },
  partnership: {
    organisationsTitle: 'Partner organisations',
  },
  documents: {
    creating: 'Creating…',
    titleRequired: 'Give the document a title.',
  },
  person: {
    withOrganisation: '{name} ({organisation})',
    unknownOrganisation: 'Unknown organisation',
  },
  identity: {
    demoNote: 'Demo: there are no accounts yet. This choice is saved in this browser.',
    noPeople: 'No one has joined this partnership yet.',
  },
  editor: {
    label: 'Text of the document “{title}”',
    blockType: 'Paragraph style',
    shortcut: '{label} ({shortcut})',
    linkHint: 'For example https://www.example.org or mailto:name@example.org',
    linkText: 'Link text',
    linkInvalid:
      'This address is not valid. Use a web address (https://…), an email address (mailto:…) or a phone number (tel:…).',
    linkTextRequired: 'Enter the text of the link.',
    applyLink: 'Apply',
  },
  save: {
    closed: 'Disconnected',
    closedUnsaved: 'Disconnected — changes not saved',
  },
  connection: {
    closedTitle: 'The connection to this document is closed',
    unknownClose: 'The server closed the connection (code {code}).',
    readOnlyNow: 'The document stays on screen, read only.',
    refusedTooLarge: 'the document has reached its maximum size.',
  },
  presence: {
    alone: 'No one else is on this document right now.',
  },
};
