/**
 * French catalog: the source of truth. Every other locale must have exactly these keys (checked by
 * the type of `en` and by catalogs.test.ts).
 *
 * Conventions:
 * - keys are camelCase, nested by screen or concern; `_` appears only in plural suffixes;
 * - `{name}` is a placeholder; a key with `_one` / `_other` (any Intl.PluralRules category)
 *   variants is one plural message, chosen by its `{count}` parameter;
 * - French typography: `\u00a0` (non-breaking space) before `:`, `\u202f` (narrow non-breaking
 *   space) before `; ? !` and inside « », the typographic apostrophe ’ and ellipsis …;
 * - the reader is addressed as « vous ».
 */
export const fr = {
  app: {
    name: 'Accord',
    tagline: 'L’espace de travail partagé des partenariats',
    skipToContent: 'Aller au contenu',
    skipToEditor: 'Aller à l’éditeur',
    language: 'Langue',
    languageName: 'Français',
    loading: 'Chargement…',
  },
  common: {
    cancel: 'Annuler',
    close: 'Fermer',
  },
  home: {
    title: 'Vos partenariats',
    featured: 'Votre partenariat',
    intro: 'Retrouvez les plans d’action et les conventions que vous rédigez avec vos partenaires.',
    empty: 'Vous ne participez encore à aucun partenariat.',
    open: 'Ouvrir le partenariat',
    organisationCount_one: '{count}\u00a0organisation partenaire',
    organisationCount_other: '{count}\u00a0organisations partenaires',
  },
  partnership: {
    organisationsTitle: 'Organisations partenaires',
  },
  documents: {
    title: 'Documents',
    new: 'Nouveau document',
    titleLabel: 'Titre du document',
    titleRequired: 'Donnez un titre au document.',
    templateLabel: 'Modèle',
    create: 'Créer le document',
    creating: 'Création…',
    open: 'Ouvrir',
    backToList: 'Retour aux documents',
    empty: 'Aucun document pour l’instant. Créez le premier à partir d’un modèle.',
    updatedAt: 'Modifié le {date}',
    count_one: '{count}\u00a0document',
    count_other: '{count}\u00a0documents',
    templates: {
      actionPlan: 'Plan d’action',
      agreement: 'Convention de partenariat',
      notes: 'Notes',
    },
    templateDescriptions: {
      actionPlan: 'Objectifs, actions, organisations pilotes et échéances.',
      agreement: 'Articles, engagements des parties et signature par chaque organisation.',
      notes: 'Une page libre pour un atelier ou une réunion.',
    },
    status: {
      draft: 'Brouillon',
      review: 'En relecture',
      signing: 'En signature',
      final: 'Définitif',
    },
  },
  editor: {
    label: 'Texte du document «\u202f{title}\u202f»',
    toolbar: 'Mise en forme',
    blockType: 'Style de paragraphe',
    shortcut: '{label} ({shortcut})',
    bold: 'Gras',
    italic: 'Italique',
    underline: 'Souligné',
    heading1: 'Titre 1',
    heading2: 'Titre 2',
    heading3: 'Titre 3',
    paragraph: 'Paragraphe',
    bulletList: 'Liste à puces',
    numberedList: 'Liste numérotée',
    quote: 'Citation',
    link: 'Lien',
    linkUrl: 'Adresse du lien',
    linkHint: 'Par exemple https://www.exemple.fr ou mailto:nom@exemple.fr',
    linkText: 'Texte du lien',
    linkInvalid:
      'Cette adresse n’est pas valide. Utilisez une adresse web (https://…), de courriel (mailto:…) ou de téléphone (tel:…).',
    linkTextRequired: 'Indiquez le texte du lien.',
    applyLink: 'Appliquer',
    removeLink: 'Retirer le lien',
    insertTable: 'Insérer un tableau',
    undo: 'Annuler',
    redo: 'Rétablir',
    placeholder: 'Commencez à écrire…',
    readOnly: 'Lecture seule\u00a0: vous pouvez consulter ce document sans le modifier.',
  },
  save: {
    saved: 'Enregistré',
    saving: 'Enregistrement…',
    offline: 'Hors ligne — modifications en attente',
    connecting: 'Connexion…',
    reconnecting: 'Reconnexion…',
    closed: 'Déconnecté',
    closedUnsaved: 'Déconnecté — modifications non enregistrées',
  },
  connection: {
    closedTitle: 'La connexion à ce document est fermée',
    /** Close code 4400. */
    malformedMessage:
      'Le serveur n’a pas compris un message de votre navigateur. Rechargez la page pour reprendre.',
    /** Close code 4401. */
    notSignedIn: 'Votre session a expiré. Reconnectez-vous pour continuer.',
    /** Close code 4403. */
    accessRevoked: 'Votre accès à ce document a été retiré.',
    /** Close code 4404: never says whether the document exists. */
    documentNotFound: 'Ce document n’existe pas, ou vous n’y avez pas accès.',
    /** Close code 4413. */
    documentTooLarge:
      'Ce document a atteint sa taille maximale. Vos dernières modifications n’ont pas été enregistrées.',
    /** Close code 4429. */
    tooManyConnections:
      'Trop de connexions sont ouvertes avec votre compte. Fermez un onglet, puis réessayez.',
    /** Close code 4500. */
    roleChanged: 'Vos droits sur ce document ont changé. Reconnexion…',
    /** Close code 4503. */
    serverShuttingDown: 'Le serveur redémarre. Vous serez reconnecté dans un instant…',
    /** Close code 1009. */
    frameTooBig:
      'Votre dernière modification est trop volumineuse pour être envoyée\u00a0: elle n’a pas été enregistrée.',
    /** Any other close code. */
    unknownClose: 'Le serveur a fermé la connexion (code {code}).',
    /** Follows the close reason: the text stays visible. */
    readOnlyNow: 'Le document reste affiché en lecture seule.',
    refusedEdit: 'Votre modification n’a pas pu être enregistrée\u00a0: {reason}',
    refusedReasons: {
      readOnly: 'vous avez un accès en lecture seule.',
      locked: 'le document est verrouillé pendant la signature.',
      final: 'la convention est définitive et ne peut plus être modifiée.',
    },
    refusedTooLarge: 'le document a atteint sa taille maximale.',
    refusedText: 'Texte non enregistré',
    copyRefusedText: 'Copier le texte',
    reload: 'Recharger la page',
    signIn: 'Se reconnecter',
  },
  person: {
    withOrganisation: '{name} ({organisation})',
    unknownOrganisation: 'Organisation inconnue',
  },
  presence: {
    title: 'Présents',
    you: 'vous',
    self: '{name} (vous)',
    count_one: '{count}\u00a0personne',
    count_other: '{count}\u00a0personnes',
    organisation: '{organisation}\u00a0: {count}',
    alone: 'Personne d’autre n’est sur ce document pour l’instant.',
  },
  identity: {
    title: 'Qui êtes-vous\u202f?',
    intro:
      'Choisissez une personne de la démonstration pour découvrir Accord avec son organisation et son rôle.',
    demoNote:
      'Démonstration\u00a0: il n’y a pas encore de comptes. Ce choix est enregistré dans ce navigateur.',
    noPeople: 'Aucune personne n’est encore inscrite dans ce partenariat.',
    continueAs: 'Continuer en tant que {name}',
    change: 'Changer de personne',
    organisation: 'Organisation',
    role: 'Rôle',
    signatory: 'Signataire pour son organisation',
    roles: {
      facilitator: 'Animation',
      editor: 'Rédaction',
      commenter: 'Commentaires',
      viewer: 'Lecture seule',
    },
  },
  errors: {
    generic: 'Une erreur est survenue. Réessayez dans un instant.',
    network: 'Le serveur ne répond pas. Vérifiez votre connexion, puis réessayez.',
    notFound: 'Cette page n’existe pas.',
    forbidden: 'Vous n’avez pas accès à cette page.',
    documentLoadFailed: 'Impossible d’ouvrir ce document.',
    documentCreateFailed: 'Impossible de créer le document.',
    retry: 'Réessayer',
    backHome: 'Retour à l’accueil',
  },
  beforeUnload: {
    unsavedChanges:
      'Certaines modifications ne sont pas encore enregistrées. Si vous quittez la page maintenant, elles seront perdues.',
  },
} as const;

type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** The structure every catalog must have: the French keys, with any strings as values. */
export type Catalog = Shape<typeof fr>;
