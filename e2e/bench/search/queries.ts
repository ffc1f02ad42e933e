/** The benchmark's queries (our query language), by kind, as in the research note plus two phrases. */
export const QUERY_KINDS = ['word', 'unaccented', 'plural', 'proper', 'multi', 'prefix', 'fuzzy', 'rare', 'common', 'phrase'] as const
export type QueryKind = (typeof QUERY_KINDS)[number]

export const QUERIES: readonly (readonly [QueryKind, string])[] = [
  ...['coopérative', 'association', 'économie', 'communs', 'logiciel', 'licence', 'bénévoles', 'gouvernance'].map((q) => ['word', q] as const),
  ...['economie', 'interet', 'cooperative', 'benevoles', 'education', 'solidarite', 'hebergement'].map((q) => ['unaccented', q] as const),
  ...['coopératives', 'associations', 'licences', 'mutuelles'].map((q) => ['plural', q] as const),
  ...['Framasoft', 'CHATONS', 'PeerTube', 'Creative'].map((q) => ['proper', q] as const),
  ...['économie sociale', 'logiciels libres', 'communs numériques', 'intérêt général', 'mutuelle de santé', 'éducation populaire', 'gouvernance partagée', 'finance solidaire', 'souveraineté numérique'].map((q) => ['multi', q] as const),
  ...['coop*', 'écon*', 'asso*', 'mutu*', 'lic*', 'solid*'].map((q) => ['prefix', q] as const),
  ...['cooperatve~1', 'asociation~1', 'logicel~1', 'license~1', 'mutuele~1', 'gouvernace~1'].map((q) => ['fuzzy', q] as const),
  ...['sociocratie', 'zorglub'].map((q) => ['rare', q] as const),
  ...['projet', 'travail', 'groupe', 'membres'].map((q) => ['common', q] as const),
  ...['"économie sociale et solidaire"', '"logiciel libre"'].map((q) => ['phrase', q] as const),
]
