/**
 * Quality probes: short hand-written documents, each holding exactly one variant of a word, and the
 * checks run on every engine. The first 16 are those of /work/shared/research/search-engines.md;
 * the rest cover the other forms of the query language and lunr's known gaps (#413, exclusions,
 * title field, hyphenated words).
 */
import { indexableDoc } from '../../../electron/services/testing/indexable-doc'
import type { IndexableDocument } from '../../../electron/services/search/build-index'

let probes = 0

/** Titles are neutral (« Note 7 ») so that only the text decides whether a probe is found. */
function probe(id: string, text: string, title = `Note ${++probes}`): IndexableDocument {
  return indexableDoc(`probe-${id}`, title, { sections: [{ title: 'Contexte', body: text }] })
}

export const PROBE_DOCUMENTS: readonly IndexableDocument[] = [
  probe('cooperative', 'Une coopérative de production qui partage ses outils.'),
  probe('economie', 'Une économie de moyens guide chaque choix du groupe.'),
  probe('adherent', 'Le bulletin de l\'adhérent paraît chaque trimestre.'),
  probe('entrepreneur', 'Le parcours de l’entrepreneur commence par un diagnostic.'),
  probe('oeuvre-ligature', 'La mise en œuvre du plan a pris deux ans.'),
  probe('oeuvre-plain', 'Une oeuvre collective, signée par tous.'),
  probe('cooperation', 'La coopération entre structures reste rare.'),
  probe('logiciel-libre', 'Chaque logiciel libre publié garde sa licence.'),
  probe('equipement', 'Le gros équipement, barrage compris, date des années soixante.'),
  probe('framasoft', 'Le réseau FRAMASOFT anime des ateliers.'),
  probe('mutuelle', 'Une mutuelle de santé couvre les salariés.'),
  probe('phrase-exact', 'Le congrès de l\'économie sociale et solidaire se tient en mai.'),
  probe('phrase-scattered', 'Une économie fragile, une politique sociale timide et une jeunesse solidaire.'),
  probe('reconnaissance', 'La reconnaissance du bénévolat progresse.'),
  probe('brevet', 'Cette coopérative a déposé un brevet.'),
  probe('title-only', 'Un texte sans le mot cherché.', 'Passerelle vers les communs'),
  probe('body-only', 'Une passerelle relie les deux rives.'),
  probe('tiers-lieu', 'Le tiers-lieu du quartier ouvre le samedi.'),
  probe('tiers-scattered', 'Un tiers des adhérents vit loin du lieu de réunion.'),
]

export interface ProbeCheck {
  readonly name: string
  /** The query in our query language; other engines get a translation of it. */
  readonly query: string
  /** Documents that must be among the matches. */
  readonly includes?: readonly string[]
  /** Documents that must not be among the matches. */
  readonly excludes?: readonly string[]
  /** Exact number of matching documents. */
  readonly documents?: number
  /** Part of the research note's 16. */
  readonly research: boolean
}

const r = (name: string, query: string, more: Omit<ProbeCheck, 'name' | 'query' | 'research'>): ProbeCheck => ({ name, query, research: true, ...more })
const x = (name: string, query: string, more: Omit<ProbeCheck, 'name' | 'query' | 'research'>): ProbeCheck => ({ name, query, research: false, ...more })

export const PROBES: readonly ProbeCheck[] = [
  r('plural query finds singular text', 'coopératives', { includes: ['probe-cooperative'] }),
  r('unaccented query finds accented text', 'economie', { includes: ['probe-economie'] }),
  r('query typed with elision', "l'économie", { includes: ['probe-economie'] }),
  r('elided text is found', 'adhérent', { includes: ['probe-adherent'] }),
  r('typographic apostrophe', 'entrepreneur', { includes: ['probe-entrepreneur'] }),
  r('ligature oeuvre → œuvre', 'oeuvre', { includes: ['probe-oeuvre-ligature'] }),
  r('ligature œuvre → oeuvre', 'œuvre', { includes: ['probe-oeuvre-plain'] }),
  r('prefix coop* → coopération', 'coop*', { includes: ['probe-cooperation'] }),
  r('accented prefix écon* → économie', 'écon*', { includes: ['probe-economie'] }),
  r('fuzzy cooperatve~1 → coopérative', 'cooperatve~1', { includes: ['probe-cooperative'] }),
  r('plural two-word query', 'logiciels libres', { includes: ['probe-logiciel-libre'] }),
  r('lunr-languages #71 équipement', 'équipement', { includes: ['probe-equipement'] }),
  r('case framasoft → FRAMASOFT', 'framasoft', { includes: ['probe-framasoft'] }),
  r('AND query with a stop word', 'mutuelle de santé', { includes: ['probe-mutuelle'] }),
  r('phrase: exact in, scattered out', '"économie sociale et solidaire"', { includes: ['probe-phrase-exact'], excludes: ['probe-phrase-scattered'] }),
  r('rare term: exactly 3 documents', 'sociocratie', { documents: 3 }),
  x('prefix longer than the stem (lunr #413)', 'reconnaissa*', { includes: ['probe-reconnaissance'] }),
  x('exclusion -brevet', 'coopérative -brevet', { includes: ['probe-cooperative'], excludes: ['probe-brevet'] }),
  x('title field titre:passerelle', 'titre:passerelle', { includes: ['probe-title-only'], excludes: ['probe-body-only'] }),
  x('phrase typed with elision and ’', '"l’économie sociale"', { includes: ['probe-phrase-exact'], excludes: ['probe-phrase-scattered'] }),
  x('capitals and accents ÉCONOMIE', 'ÉCONOMIE', { includes: ['probe-economie'] }),
  x('hyphenated word is a phrase', 'tiers-lieu', { includes: ['probe-tiers-lieu'], excludes: ['probe-tiers-scattered'] }),
  x('fuzzy with a missing letter mutuele~1', 'mutuele~1', { includes: ['probe-mutuelle'] }),
]
