/**
 * Deterministic generator of French corpora for the search benchmark (method of
 * /work/shared/research/search-engines.md): words Zipf–Mandelbrot-sampled (s = 1, q = 2.7) from a
 * vocabulary of frequent French words followed by the `an-array-of-french-words` list ranked
 * shorter-first with noise; titles and `##` headings; elisions with both apostrophes; one weighted
 * domain phrase in 35 % of sentences; « sociocratie » in exactly 3 documents; then the hand-written
 * probe documents. Documents come out already "rendered" (text + section map), which is what the
 * index consumes, so rendering cost stays out of the search figures.
 */
import { createRequire } from 'node:module'
import { indexableDoc } from '../../../electron/services/testing/indexable-doc'
import type { IndexableDocument } from '../../../electron/services/search/build-index'
import { PROBE_DOCUMENTS } from './probes'

export type BenchDocument = IndexableDocument

/** Reproducible sampling: the project's one seeded PRNG. */
import { prng as random } from '../../../electron/shared/testing/prng'

export { random }

const FREQUENT = (
  'de la le et les des à un une en du que qui dans pour est par sur au pas plus ne se avec il elle ce son sa ses ' +
  'nous vous ils leur mais ou comme tout aussi bien faire être avoir peut sont était cette ces entre après sans sous ' +
  'projet travail temps monde personnes groupe membres année question action vie place partie cas exemple ' +
  'outil service réseau structure territoire public usage valeur modèle règle statut organisation formation ' +
  'gestion collectif commun communs numérique libre logiciel économie sociale solidaire association coopérative ' +
  'démocratie gouvernance licence code données utilisateurs bénévoles salariés financement subvention marché ' +
  'entreprise emploi développement communauté contribution partage accès liberté transparence confiance ' +
  'décision assemblée vote conseil'
).split(' ')

/** Domain phrases and their weights (how often they are picked when a sentence gets one). */
const DOMAIN: readonly (readonly [string, number])[] = [
  ['l’économie sociale et solidaire', 6], ["l'économie sociale et solidaire", 3], ['économie sociale', 3],
  ['coopérative', 5], ['coopératives', 3], ['la coopération', 2], ['société coopérative d’intérêt collectif', 2],
  ['association', 5], ['associations', 3], ["d'association", 2], ['l’association', 3], ['loi 1901', 2],
  ['mutuelle', 3], ['mutuelles', 2], ['mutuelle de santé', 1], ['logiciel libre', 5], ['logiciels libres', 3],
  ['licence', 3], ['licences', 2], ['licence libre', 2], ['Creative Commons', 2], ['communs', 3],
  ['communs numériques', 2], ['Framasoft', 2], ['PeerTube', 1], ['CHATONS', 1], ['tiers-lieu', 2],
  ['tiers-lieux', 1], ['bénévoles', 3], ['bénévolat', 2], ['intérêt général', 2], ['d’intérêt collectif', 2],
  ['les adhérents', 2], ['l’adhésion', 1], ['gouvernance partagée', 2], ['entrepreneuriat social', 1],
  ['finance solidaire', 1], ['éducation populaire', 2], ['hébergement', 2], ['souveraineté numérique', 1],
]

const KINDS = ['cahier', 'article', 'cas', 'glossaire'] as const
const TAGS = ['ess', 'logiciel-libre', 'communs', 'gouvernance', 'cooperatives', 'associations', 'mutuelles', 'licences', 'hebergement', 'donnees', 'formation', 'financement']

interface Sampler {
  word(): string
  pick<T>(list: readonly T[]): T
  int(min: number, max: number): number
  chance(p: number): boolean
}

let cachedVocabulary: string[] | null = null

/** Frequent words first, then the dictionary ranked shorter-first with noise (same order every run). */
function vocabulary(): string[] {
  if (cachedVocabulary) return cachedVocabulary
  const words = createRequire(__filename)('an-array-of-french-words') as string[]
  const rnd = random(7)
  const ranked = words
    // « sociocratie » is placed by hand in exactly 3 documents (the rare-term probe).
    .filter((w) => !w.includes(' ') && w !== 'sociocratie')
    .map((w) => [w, w.length + rnd() * 4] as const)
    .sort((a, b) => a[1] - b[1])
    .map(([w]) => w)
  cachedVocabulary = [...FREQUENT, ...ranked]
  return cachedVocabulary
}

function sampler(seed: number): Sampler {
  const rnd = random(seed)
  const vocab = vocabulary()
  // Zipf–Mandelbrot CDF over ranks: p(r) ∝ 1 / (r + q)^s.
  const cdf = new Float64Array(vocab.length)
  let sum = 0
  for (let r = 0; r < vocab.length; r++) cdf[r] = sum += 1 / (r + 1 + 2.7)
  return {
    word() {
      const x = rnd() * sum
      let lo = 0
      let hi = cdf.length - 1
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (cdf[mid]! < x) lo = mid + 1
        else hi = mid
      }
      return vocab[lo]!
    },
    pick: (list) => list[Math.floor(rnd() * list.length)]!,
    int: (min, max) => min + Math.floor(rnd() * (max - min + 1)),
    chance: (p) => rnd() < p,
  }
}

function domainPhrase(s: Sampler): string {
  const total = DOMAIN.reduce((n, [, w]) => n + w, 0)
  let x = s.int(0, total - 1)
  for (const [phrase, w] of DOMAIN) if ((x -= w) < 0) return phrase
  return DOMAIN[0]![0]
}

/** A word, elided after « le », « la », « de » when it starts with a vowel or h (both apostrophes). */
function sentence(s: Sampler): string {
  const words: string[] = []
  const n = s.int(6, 18)
  for (let i = 0; i < n; i++) {
    const w = s.word()
    const prev = words[words.length - 1]
    if (prev && /^(le|la|de)$/.test(prev) && /^[aeiouéèêhâîô]/i.test(w)) {
      words[words.length - 1] = `${prev[0]}${s.chance(0.6) ? '’' : "'"}${w}`
    } else {
      words.push(w)
    }
  }
  if (s.chance(0.35)) words.splice(s.int(0, words.length), 0, domainPhrase(s))
  const text = words.join(' ')
  return `${text[0]!.toUpperCase()}${text.slice(1)}${s.pick(['.', '.', '.', ' !', ' ?', ' ;'])}`
}

function paragraph(s: Sampler): string {
  return Array.from({ length: s.int(3, 7) }, () => sentence(s)).join(' ')
}

function heading(s: Sampler): string {
  const words = Array.from({ length: s.int(2, 5) }, () => s.word())
  if (s.chance(0.3)) words.push(domainPhrase(s))
  const t = words.join(' ')
  return `${t[0]!.toUpperCase()}${t.slice(1)}`
}

/** `count` generated documents plus the probe documents, identical for identical arguments. */
export function generateCorpus(count: number, seed = 42): BenchDocument[] {
  const s = sampler(seed)
  const rare = new Set([Math.floor(count / 7), Math.floor(count / 2), count - 1])
  const docs: BenchDocument[] = []
  for (let i = 0; i < count; i++) {
    const title = heading(s)
    const intro = s.chance(0.5) ? paragraph(s) : ''
    const parts = Array.from({ length: s.int(2, 5) }, () => ({ title: heading(s), body: Array.from({ length: s.int(1, 3) }, () => paragraph(s)).join('\n') }))
    if (rare.has(i)) parts[0] = { ...parts[0]!, body: `${parts[0]!.body} La sociocratie décide par consentement.` }
    const tags = [...new Set(Array.from({ length: s.int(1, 3) }, () => s.pick(TAGS)))]
    docs.push(indexableDoc(`doc-${i}`, title, { kind: s.pick(KINDS), tags, intro, sections: parts }))
  }
  return [...docs, ...PROBE_DOCUMENTS]
}

/** Size of a corpus as JSON (the research note's yardstick). */
export function corpusBytes(docs: readonly BenchDocument[]): number {
  return Buffer.byteLength(JSON.stringify(docs.map((d) => ({ id: d.id, title: d.title, body: d.text }))))
}
