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
    save: 'Enregistrer',
    copyLink: 'Copier le lien',
    copied: 'Lien copié.',
    copyFailed:
      'Copie impossible\u00a0: le lien est sélectionné, copiez-le avec Ctrl+C (⌘+C sur Mac).',
  },
  home: {
    title: 'Vos partenariats',
    intro: 'Retrouvez les plans d’action et les conventions que vous rédigez avec vos partenaires.',
    empty: 'Vous ne participez encore à aucun partenariat.',
    emptyHint:
      'Créez un partenariat avec le formulaire ci-contre, ou ouvrez le lien d’invitation que l’on vous a transmis.',
    listTitle: 'Liste de vos partenariats',
    organisationCount_one: '{count}\u00a0organisation partenaire',
    organisationCount_other: '{count}\u00a0organisations partenaires',
  },
  partnership: {
    organisationsTitle: 'Organisations partenaires',
    backHome: 'Tous vos partenariats',
    notFound: 'Ce partenariat n’existe pas, ou vous n’en faites pas partie.',
    yourRole: 'Votre rôle\u00a0:',
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
    rename: 'Renommer',
    renameNamed: 'Renommer «\u202f{title}\u202f»',
    newTitle: 'Nouveau titre',
    renamed: 'Document renommé\u00a0: «\u202f{title}\u202f».',
    archive: 'Archiver',
    archiveNamed: 'Archiver «\u202f{title}\u202f»',
    archiveTitle: 'Archiver ce document\u202f?',
    archiveConfirm:
      '«\u202f{title}\u202f» disparaîtra de la liste des documents, et les personnes qui l’ont ouvert seront déconnectées. Son contenu est conservé.',
    archived: '«\u202f{title}\u202f» est archivé.',
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
    readOnlyCommenter:
      'Lecture seule\u00a0: votre rôle permet de commenter ce document, pas d’en modifier le texte.',
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
    nowReadOnly:
      'Votre rôle a changé\u00a0: vous consultez désormais ce document en lecture seule.',
    nowEditable: 'Votre rôle a changé\u00a0: vous pouvez désormais modifier ce document.',
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
    /** After a refused edit the editor reloads the server's version. */
    refusedResyncing: 'Chargement de la version enregistrée sur le serveur…',
    refusedResynced: 'Le document affiche de nouveau la version enregistrée sur le serveur.',
    refusedTextHint:
      'Ce que vous aviez écrit et qui n’a pas été appliqué est ci-dessous. Copiez-le pour le garder\u00a0: il n’est enregistré nulle part.',
    refusedNoText:
      'La modification refusée n’ajoutait pas de texte (mise en forme ou suppression)\u00a0: il n’y a rien d’autre à récupérer.',
    refusedCopied: 'Texte copié.',
    refusedCopyFailed:
      'Copie impossible\u00a0: le texte est sélectionné, copiez-le avec Ctrl+C (⌘+C sur Mac).',
    reload: 'Recharger la page',
    signIn: 'Se reconnecter',
  },
  person: {
    withOrganisation: '{name} ({organisation})',
    unknownOrganisation: 'Organisation inconnue',
    erased: 'Personne supprimée',
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
  /** Who is using Accord on this device. */
  identity: {
    continueAs: 'Continuer en tant que {name}',
  },
  languages: {
    fr: 'Français',
    en: 'Anglais',
  },
  partnerships: {
    new: 'Nouveau partenariat',
    newIntro:
      'Vous l’animerez, et votre organisation en sera le premier partenaire. Vous inviterez ensuite les autres organisations.',
    name: 'Nom du partenariat',
    purpose: 'Objet',
    purposeHint: 'En une ou deux phrases\u00a0: ce que les partenaires veulent accomplir ensemble.',
    language: 'Langue des documents',
    languageHint: 'La langue des modèles de documents créés dans ce partenariat.',
    myColour: 'Couleur de votre organisation',
    create: 'Créer le partenariat',
    creating: 'Création…',
  },
  roles: {
    facilitator: 'Animation',
    editor: 'Rédaction',
    commenter: 'Commentaire',
    viewer: 'Lecture seule',
    descriptions: {
      facilitator: 'Rédige, et gère les organisations, les membres et les invitations.',
      editor: 'Rédige et modifie les documents.',
      commenter: 'Lit et commente les documents, sans modifier le texte.',
      viewer: 'Lit les documents, sans les modifier.',
    },
  },
  sectors: {
    publicAgency: 'Administration publique',
    company: 'Entreprise',
    nonProfit: 'Association',
    socialService: 'Service social',
    communityGroup: 'Collectif d’habitants',
    academic: 'Recherche et enseignement',
    other: 'Autre',
  },
  colours: {
    blue: 'Bleu',
    green: 'Vert',
    amber: 'Ambre',
    violet: 'Violet',
    raspberry: 'Framboise',
    teal: 'Bleu canard',
    olive: 'Olive',
    slate: 'Ardoise',
    inUse: '(déjà prise)',
  },
  auth: {
    signInTitle: 'Connexion',
    signInIntro: 'Connectez-vous pour retrouver vos partenariats et vos documents.',
    sessionEnded: 'Votre session a pris fin. Reconnectez-vous pour continuer.',
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    newPassword: 'Mot de passe',
    confirmPassword: 'Confirmation du mot de passe',
    name: 'Votre nom',
    nameHint: 'Tel que vos partenaires le verront, par exemple «\u202fClaire Martin\u202f».',
    organisation: 'Organisation',
    yourOrganisation: 'Votre organisation',
    signIn: 'Se connecter',
    signingIn: 'Connexion…',
    signOut: 'Se déconnecter',
    signUp: 'Créer mon compte',
    signingUp: 'Création du compte…',
    signUpTitle: 'Créer un compte',
    signUpIntro:
      'Créez votre compte et celui de votre organisation. Vous pourrez ensuite lancer un partenariat et y inviter vos partenaires.',
    invitedHint:
      'Vous avez reçu une invitation\u202f? Ouvrez plutôt son lien\u00a0: votre compte sera rattaché à la bonne organisation.',
    forgotPassword: 'Mot de passe oublié\u202f?',
    noAccount: 'Pas encore de compte\u202f?',
    createAccount: 'Créer un compte et une organisation',
    haveAccount: 'Vous avez déjà un compte\u202f?',
    alreadySignedIn: 'Vous utilisez déjà Accord avec le compte {person}.',
  },
  forms: {
    required: 'Ce champ est obligatoire.',
    tooLong: 'Pas plus de {max}\u00a0caractères.',
    emailRequired: 'Indiquez votre adresse e-mail.',
    emailInvalid: 'Cette adresse e-mail n’est pas valide. Exemple\u00a0: nom@exemple.fr',
    passwordRequired: 'Indiquez votre mot de passe.',
    passwordTooShort_one: 'Le mot de passe doit compter au moins {count}\u00a0caractère.',
    passwordTooShort_other: 'Le mot de passe doit compter au moins {count}\u00a0caractères.',
    passwordTooLong: 'Le mot de passe ne peut pas dépasser 256\u00a0caractères.',
    passwordHint_one: 'Au moins {count}\u00a0caractère.',
    passwordHint_other:
      'Au moins {count}\u00a0caractères. Une phrase facile à retenir fait un bon mot de passe.',
    confirmRequired: 'Saisissez le mot de passe une seconde fois.',
    confirmMismatch: 'Les deux mots de passe ne sont pas identiques.',
    currentPasswordRequired: 'Indiquez votre mot de passe actuel.',
  },
  account: {
    title: 'Mon compte',
    identity: 'Mes informations',
    linkLabel: 'Mon compte\u00a0: {person}',
    changePassword: 'Changer de mot de passe',
    currentPassword: 'Mot de passe actuel',
    currentPasswordWrong: 'Ce n’est pas votre mot de passe actuel.',
    savePassword: 'Changer le mot de passe',
    saving: 'Enregistrement…',
    passwordChanged:
      'Mot de passe changé. Vos sessions ouvertes sur d’autres appareils ont été fermées.',
  },
  reset: {
    title: 'Choisir un nouveau mot de passe',
    intro:
      'Ce lien vous a été envoyé par e-mail ou transmis par la personne qui anime votre partenariat. Il ne sert qu’une fois.',
    submit: 'Enregistrer et me connecter',
    saving: 'Enregistrement…',
    done: 'Votre nouveau mot de passe est enregistré, et votre session est ouverte.',
  },
  forgot: {
    title: 'Mot de passe oublié',
    intro:
      'Indiquez l’adresse e-mail de votre compte\u00a0: vous recevrez un lien pour choisir un nouveau mot de passe.',
    submit: 'Recevoir un lien',
    sending: 'Envoi…',
    sent: 'Si un compte existe pour cette adresse, un lien vient d’être envoyé.',
    sentHint:
      'Le lien est valable 24\u00a0heures et ne sert qu’une fois. Rien reçu\u00a0? Regardez dans les courriers indésirables.',
    mailDisabled:
      'Ce serveur Accord n’envoie pas d’e-mails. Demandez un lien de réinitialisation à la personne qui anime votre partenariat.',
    tooMany: 'Trop de demandes. Patientez un moment, puis réessayez.',
    tooManyRetry_one: 'Trop de demandes. Réessayez dans {count}\u00a0minute.',
    tooManyRetry_other: 'Trop de demandes. Réessayez dans {count}\u00a0minutes.',
    backToSignIn: 'Retour à la connexion',
  },
  invitation: {
    title: 'Invitation',
    lead: 'Une invitation à rejoindre le partenariat «\u202f{partnership}\u202f» au nom de {organisation} vous attend.',
    partnership: 'Partenariat',
    expires: 'Valable jusqu’au',
    askAgain: 'Demandez un nouveau lien à la personne qui anime le partenariat.',
    organisationFromLink: 'Fixée par l’invitation.',
    chooseHow: 'Comment rejoindre le partenariat',
    newAccount: 'Je crée mon compte',
    haveAccount: 'J’ai déjà un compte',
    createAccountTitle: 'Créer votre compte',
    signInTitle: 'Se connecter pour accepter',
    signInAndAccept: 'Se connecter et accepter',
    signedInAs: 'Compte utilisé\u00a0: {person}.',
    accept: 'Accepter l’invitation',
    accepting: 'Acceptation…',
    openPartnership: 'Ouvrir le partenariat',
    otherOrganisation:
      'Cette invitation est destinée à une personne de {organisation}, mais le compte {person} appartient à une autre organisation. Utilisez un compte de {organisation}, ou créez-en un.',
    useAnotherAccount: 'Utiliser un autre compte',
  },
  invitations: {
    title: 'Invitations',
    new: 'Inviter une personne',
    intro:
      'Chaque lien fait entrer une seule personne, dans l’organisation et avec le rôle choisis.',
    organisation: 'Organisation de la personne invitée',
    expiry: 'Validité du lien',
    days_one: '{count}\u00a0jour',
    days_other: '{count}\u00a0jours',
    create: 'Créer le lien d’invitation',
    creating: 'Création…',
    created: 'Lien d’invitation créé',
    createdFor: '{organisation} · {role} · valable jusqu’au {date}.',
    linkLabel: 'Lien à transmettre à la personne invitée\u00a0:',
    linkOnce:
      'Ce lien ne sera plus affiché\u00a0: copiez-le maintenant. Il ne peut servir qu’une fois.',
    noOrganisation: 'Ajoutez d’abord une organisation au partenariat.',
    listTitle: 'Liens déjà créés',
    empty: 'Aucune invitation pour l’instant.',
    status: {
      pending: 'En attente',
      used: 'Utilisée',
      expired: 'Expirée',
      revoked: 'Annulée',
    },
    usedBy: 'Utilisée par {person} le {date}',
    expiresOn: 'Expire le {date}',
    expiredOn: 'A expiré le {date}',
    revokedOn: 'Annulée le {date}',
    createdBy: 'créée par {person}',
    revoke: 'Annuler',
    revokeNamed: 'Annuler l’invitation ({organisation}, {role})',
    revoked: 'Invitation annulée\u00a0: son lien ne fonctionne plus.',
  },
  members: {
    title: 'Organisations et membres',
    role: 'Rôle',
    rolePrefix: 'Rôle\u00a0:',
    roleOf: 'Rôle de {person}',
    signatory: 'Signataire',
    you: '(vous)',
    noneYet: 'Personne de cette organisation n’a encore rejoint le partenariat.',
    remove: 'Retirer',
    removeNamed: 'Retirer {person} du partenariat',
    removeTitle: 'Retirer cette personne\u202f?',
    removeConfirm:
      '{person} perdra immédiatement l’accès au partenariat et à tous ses documents. Ce qu’elle a écrit reste.',
    removeConfirmButton: 'Retirer du partenariat',
    removed: '{person}\u00a0: accès au partenariat retiré.',
    roleChanged: 'Rôle de {person}\u00a0: {role}.',
    signatoryOn: '{person} signe désormais pour son organisation.',
    signatoryOff: '{person} ne signe plus pour son organisation.',
    lastFacilitator:
      'Impossible\u00a0: le partenariat n’aurait plus personne pour l’animer. Confiez d’abord ce rôle à quelqu’un d’autre.',
    resetLink: 'Lien de mot de passe',
    resetLinkFor: 'Créer un lien de réinitialisation du mot de passe pour {person}',
    resetTitle: 'Lien de réinitialisation du mot de passe',
    resetIntro:
      'Transmettez ce lien à {person}, de préférence en main propre. Il permet de choisir un nouveau mot de passe.',
    resetLinkLabel: 'Lien valable une fois, jusqu’au {date}\u00a0:',
    resetWarning:
      'Quiconque possède ce lien peut prendre la main sur le compte\u00a0: ne le publiez pas.',
    resetEmailed: 'Le lien a aussi été envoyé par e-mail à {person}.',
  },
  organisations: {
    name: 'Nom de l’organisation',
    sector: 'Secteur',
    colour: 'Couleur dans ce partenariat',
    add: 'Ajouter une organisation',
    addTitle: 'Nouvelle organisation partenaire',
    addSubmit: 'Ajouter l’organisation',
    added: '{organisation} fait désormais partie du partenariat.',
    remove: 'Retirer',
    removeNamed: 'Retirer {organisation} du partenariat',
    removeTitle: 'Retirer cette organisation\u202f?',
    removeConfirm: '{organisation} ne fera plus partie du partenariat.',
    removeConsequences_one:
      '{count}\u00a0membre perdra immédiatement l’accès, et les invitations en attente pour cette organisation seront annulées.',
    removeConsequences_other:
      '{count}\u00a0membres perdront immédiatement l’accès, et les invitations en attente pour cette organisation seront annulées.',
    removeConfirmButton: 'Retirer l’organisation',
    removed: '{organisation} ne fait plus partie du partenariat.',
  },
  audit: {
    title: 'Journal d’audit',
    intro:
      'Chaque action sensible (rôles, invitations, documents) y est inscrite et chaînée par empreinte\u00a0: toute modification après coup se voit.',
    verifying: 'Vérification du journal…',
    intact: 'Journal intact',
    entries_one: '{count}\u00a0entrée vérifiée.',
    entries_other: '{count}\u00a0entrées vérifiées.',
    lastHash: 'Dernière empreinte\u00a0:',
    broken: 'Journal altéré',
    brokenAt: 'La chaîne est rompue à l’entrée {seq}.',
    download: 'Télécharger le journal (JSON Lines)',
    verifyAgain: 'Vérifier à nouveau',
  },
  review: {
    title: 'Relecture',
    none: 'Aucune relecture en cours.',
    lastClosed:
      'La dernière a été close le {date}\u00a0: {done}\u00a0sur {total}\u00a0organisations avaient relu.',
    open: 'Ouvrir une relecture',
    openConfirm: 'Ouvrir la relecture',
    close: 'Clore la relecture',
    due: 'À rendre avant le {date}.',
    overdue: 'Échéance dépassée ({date}).',
    progress: '{done}\u00a0sur {total}\u00a0organisations ont relu.',
    organisations: 'Relecture par organisation',
    done: 'Relu — {name}, le {date}',
    pending: 'Pas encore relu',
    markDone: 'Marquer notre relecture comme terminée',
    editMark: 'Modifier notre avis',
    confirmDone: 'Relecture terminée',
    saving: 'Enregistrement…',
    summaryLabel: 'Avis de votre organisation (facultatif)',
    summaryHint: 'Visible par tout le partenariat.',
    summaryTooLong: 'L’avis dépasse {max}\u00a0caractères.',
    deadlineLabel: 'Date limite',
    deadlineHint: 'Les organisations peuvent relire jusqu’à la fin de ce jour.',
    deadlineRequired: 'Choisissez une date limite.',
    deadlinePast: 'Choisissez une date à venir.',
    deadlineTooFar: 'Choisissez une date dans l’année qui vient.',
    errors: {
      roundOpen: 'Une relecture est déjà en cours sur ce document.',
      roundClosed: 'Cette relecture vient d’être close.',
      summaryTooLong: 'L’avis est trop long.',
      archived: 'Ce document est archivé.',
    },
  },
  reauth: {
    title: 'Reconnectez-vous',
    intro:
      'Votre session a pris fin (expiration, changement de mot de passe ou déconnexion depuis un autre appareil).',
    unsavedKept:
      'Vos dernières modifications sont conservées dans cette page\u00a0: elles seront enregistrées dès votre reconnexion.',
    nothingLost: 'Le document reste ouvert\u00a0: rien de ce que vous avez écrit n’est perdu.',
    submit: 'Se reconnecter',
    bannerTitle: 'Session terminée',
    textKept: 'Votre texte est conservé dans cette page.',
    reconnected: 'Session rouverte\u00a0: vos modifications sont envoyées.',
  },
  exports: {
    menu: 'Exporter',
    menuLabel: 'Exporter «\u202f{title}\u202f»',
    formats: {
      pdf: 'PDF',
      docx: 'Word (.docx)',
      html: 'Page web (.html)',
      md: 'Markdown (.md)',
    },
    hint: 'Le fichier est produit par le serveur à partir du texte enregistré, dans la langue du document.',
    draftMark: 'Projet — non signé',
    signatures: 'Signatures',
    signaturesIntro:
      'Chaque organisation partie a approuvé, en son nom, le texte exact de la version {version}, identifié par l’empreinte ci-dessous.',
    organisation: 'Organisation',
    signatory: 'Signataire',
    role: 'Rôle',
    approvedAt: 'Approuvé le',
    fingerprint: 'Empreinte SHA-256 du texte',
    finalisedAt: 'Texte définitif depuis le {date}.',
    documentId: 'Identifiant du document\u00a0: {id}',
    manifestAttached:
      'Le manifeste accord-manifest.json, joint à ce fichier, permet de vérifier cette empreinte.',
    generatedBy: 'Exporté depuis Accord le {date}',
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
    codes: {
      unauthenticated: 'Votre session a pris fin. Reconnectez-vous.',
      csrfFailed: 'Votre session a changé dans un autre onglet. Rechargez la page, puis réessayez.',
      forbidden: 'Votre rôle ne permet pas cette action.',
      notFound:
        'Introuvable\u00a0: l’élément a peut-être été supprimé, ou vous n’y avez pas accès.',
      invalidCredentials: 'Adresse e-mail ou mot de passe incorrect.',
      tooManyAttempts:
        'Trop de tentatives de connexion. Patientez quelques minutes, puis réessayez.',
      tooManyAttemptsRetry_one:
        'Trop de tentatives de connexion. Réessayez dans {count}\u00a0minute.',
      tooManyAttemptsRetry_other:
        'Trop de tentatives de connexion. Réessayez dans {count}\u00a0minutes.',
      emailTaken: 'Un compte utilise déjà cette adresse e-mail. Connectez-vous plutôt.',
      weakPassword: 'Ce mot de passe est trop faible. Choisissez-en un plus long.',
      invitationNotFound:
        'Ce lien d’invitation n’existe pas. Vérifiez qu’il a été copié en entier.',
      invitationUsed: 'Ce lien d’invitation a déjà été utilisé.',
      invitationExpired: 'Ce lien d’invitation a expiré.',
      invitationRevoked: 'Ce lien d’invitation a été annulé.',
      wrongOrganisation: 'Cette invitation est destinée à une autre organisation que la vôtre.',
      alreadyMember: 'Vous faites déjà partie de ce partenariat.',
      lastFacilitator:
        'Le partenariat n’aurait plus personne pour l’animer. Confiez d’abord ce rôle à quelqu’un d’autre.',
      resetInvalid:
        'Ce lien de réinitialisation n’est plus valable (déjà utilisé, expiré ou inconnu). Demandez-en un nouveau.',
      invalidBody: 'Le serveur a refusé ces informations. Vérifiez le formulaire, puis réessayez.',
      mailDisabled:
        'Ce serveur n’envoie pas d’e-mails. Demandez un lien à la personne qui anime votre partenariat.',
    },
  },
  beforeUnload: {
    unsavedChanges:
      'Certaines modifications ne sont pas encore enregistrées. Si vous quittez la page maintenant, elles seront perdues.',
  },
} as const;

type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** The structure every catalog must have: the French keys, with any strings as values. */
export type Catalog = Shape<typeof fr>;
