/**
 * Test fixture for re-anchoring: a rendered text in the corpus's French typography (’, « » with
 * U+00A0 inside, U+202F before ; : ! ?), one paragraph per line as the reader's text has them.
 * Only tests import this file.
 */

const NBSP = '\u00a0'
const THIN = '\u202f'

/** The quote whose typography an edit normalises (guillemets with non-breaking spaces, fine space before ;). */
export const TYPO_QUOTE = `une «${NBSP}boîte à outils${NBSP}» partagée${THIN}; elle`

export const P: readonly string[] = [
  `Le logiciel libre et l’économie sociale et solidaire (ESS) partagent une même intuition${THIN}: ce qui est produit en commun doit rester au service de celles et ceux qui le font vivre. Ce cahier rassemble des expériences, des chiffres et des doutes.\n`,
  `Depuis vingt ans, des associations hébergent des services en ligne pour leurs adhérents. Les sociétés coopératives d’intérêt collectif associent salariés, usagers et collectivités à leurs décisions, et leur capital reste impartageable.\n`,
  `Dans plusieurs régions, le logiciel libre sert d’abord à outiller les structures de l’ESS. En Bretagne, les coopératives d’activité et d’emploi mutualisent la gestion administrative de centaines d’entrepreneurs salariés, avec des outils qu’elles ont elles-mêmes financés.\n`,
  `Reste la question de la gouvernance partagée des comuns numériques${THIN}: qui décide, qui paie, qui maintient${THIN}? Le collectif propose ${TYPO_QUOTE} se transmet d’une structure à l’autre.\n`,
  `En pratique, la plateforme coopérative rémunère équitablement ses livreurs et publie ses algorithmes, ce qui la distingue des plateformes capitalistes. Comme les coopératives d’activité et d’emploi, elle choisit le logiciel libre pour ne dépendre d’aucun éditeur.\n`,
  `Au terme de ce parcours, une conviction demeure${THIN}: le logiciel libre n’est pas une fin, mais un moyen de rendre aux collectifs la maîtrise de leurs outils.\n`,
]

export const BASE = P.join('')

/** Two document versions (content hashes), before and after the edit. */
export const OLD = 'a'.repeat(64)
export const NEW = 'b'.repeat(64)
