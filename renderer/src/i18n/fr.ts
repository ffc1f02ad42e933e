/** French UI strings: the source of truth. English (en.ts) must provide every key (type-checked). */
export const fr = {
  appName: 'Passerelles',
  tagline: 'Logiciel libre et économie sociale et solidaire',
  skipToContent: 'Aller au contenu',
  nav: { library: 'Bibliothèque', settings: 'Réglages', back: 'Retour', forward: 'Suivant', main: 'Navigation principale' },
  library: {
    title: 'Bibliothèque',
    intro: 'Le cahier d’espérance, des articles et des études de cas sur les passerelles entre logiciel libre et ESS.',
    kinds: { cahier: 'Cahier d’espérance', article: 'Articles', cas: 'Études de cas', glossaire: 'Glossaire' },
    kindSingular: { cahier: 'Chapitre', article: 'Article', cas: 'Étude de cas', glossaire: 'Glossaire' },
    chapter: (n: number) => `Chapitre ${n}`,
    minutes: (n: number) => `${n} min de lecture`,
    words: (n: number) => `${n.toLocaleString('fr-FR')} mots`,
    filterKind: 'Type de document',
    allKinds: 'Tout',
    filterTag: 'Étiquette',
    empty: 'Aucun document ne correspond à ce filtre.',
    count: (n: number) => (n <= 1 ? `${n} document` : `${n} documents`),
    problems: (n: number) => `${n} fichier(s) du fonds n’ont pas pu être chargés.`,
  },
  document: {
    loading: 'Chargement du document…',
    contents: 'Sommaire',
    sources: 'Sources',
    licence: 'Licence',
    date: 'Date',
    tags: 'Étiquettes',
    notFound: 'Ce document est introuvable.',
    readingTime: 'Lecture',
    breadcrumbs: 'Fil d’Ariane',
  },
  errors: {
    generic: 'Une erreur est survenue.',
    retry: 'Réessayer',
  },
  settings: {
    title: 'Réglages',
    language: 'Langue de l’interface',
    theme: 'Thème',
    themes: { system: 'Comme le système', light: 'Clair', dark: 'Sombre', sepia: 'Sépia' },
    fontSize: 'Taille du texte',
    lineWidth: 'Largeur des lignes',
    lineWidths: { narrow: 'Étroite', medium: 'Moyenne', wide: 'Large' },
    fontFamily: 'Police',
    fontFamilies: { serif: 'Avec empattements', sans: 'Sans empattements' },
    close: 'Fermer',
  },
}

/** The dictionary's shape: functions keep their parameters, strings stay strings. */
export type Strings = typeof fr
