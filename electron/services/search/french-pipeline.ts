/**
 * The French pipeline registered in lunr. lunr-languages' `lunr.fr` gives the trimmer and the
 * Snowball stemmer; we add what it lacks (measured in /work/shared/research/search-engines.md):
 * elisions with both apostrophes, ligatures, full accent folding before the stop-word check, and a
 * tokenizer that keeps exact character positions. Index side and query side run the same steps.
 *
 * CONTRACT: `registerFrenchPipeline()` must run before `lunr.Index.load` of an index built with
 * `frenchPlugin` (the serialised index names these functions); every loader in this folder calls it.
 */
import lunr from 'lunr'
import stemmerSupport from 'lunr-languages/lunr.stemmer.support'
import lunrFr from 'lunr-languages/lunr.fr'
import { foldWord, isStopWord, normaliseWord, elisionLength, tokenize } from '../../shared/search/french-text'

/** Labels as stored in a serialised index; changing one invalidates every prebuilt index. */
export const LABELS = {
  normalise: 'passerelles-normalise-fr',
  elision: 'passerelles-elision-fr',
  trimmer: 'trimmer-fr',
  fold: 'passerelles-fold-fr',
  stopWords: 'passerelles-stopwords-fr',
  stemmer: 'stemmer-fr',
} as const

/** The French part of lunr-languages, as far as we use it. */
interface LunrFrench {
  trimmer: lunr.PipelineFunction
  stemmer: lunr.PipelineFunction & ((word: string) => string)
}

let french: LunrFrench | null = null

function token(t: lunr.Token, fn: (s: string) => string): lunr.Token {
  return t.update((s) => fn(s))
}

const normalise: lunr.PipelineFunction = (t) => token(t, normaliseWord)

/** Strips « l' », « qu' »… and moves the token's position past it, so highlights start at the word. */
const elision: lunr.PipelineFunction = (t) => {
  const n = elisionLength(t.toString())
  if (n === 0) return t
  const meta = (t as unknown as { metadata?: { position?: [number, number] } }).metadata
  if (meta?.position) meta.position = [meta.position[0] + n, meta.position[1] - n]
  return token(t, (s) => s.slice(n))
}

const fold: lunr.PipelineFunction = (t) => token(t, foldWord)

const stopWords: lunr.PipelineFunction = (t) => (isStopWord(t.toString()) ? null : t)

/**
 * Index side only: records each folded, unstemmed word into the vocabulary of the build in progress
 * (prefixes and fuzzy terms are matched against it, then mapped to stems). Not part of the search
 * pipeline, so not serialised.
 */
let vocabulary: Set<string> | null = null
const recordVocabulary: lunr.PipelineFunction = (t) => {
  vocabulary?.add(t.toString())
  return t
}

/** Registers lunr.fr and our functions once per process (idempotent), and returns lunr. */
export function registerFrenchPipeline(): typeof lunr {
  if (french) return lunr
  const l = lunr as unknown as { fr?: LunrFrench; stemmerSupport?: unknown }
  if (!l.stemmerSupport) stemmerSupport(lunr)
  if (!l.fr) lunrFr(lunr)
  french = l.fr!
  lunr.Pipeline.registerFunction(normalise, LABELS.normalise)
  lunr.Pipeline.registerFunction(elision, LABELS.elision)
  lunr.Pipeline.registerFunction(fold, LABELS.fold)
  lunr.Pipeline.registerFunction(stopWords, LABELS.stopWords)
  lunr.Pipeline.registerFunction(recordVocabulary, 'passerelles-vocabulary-fr')
  return lunr
}

/** lunr's tokenizer contract, with our word rule and positions into the original string. */
function frenchTokenizer(obj?: unknown, metadata?: object): lunr.Token[] {
  if (obj === null || obj === undefined) return []
  return tokenize(String(obj)).map(
    (w, i) => new lunr.Token(w.text, { ...(metadata ?? {}), position: [w.start, w.end - w.start], index: i }),
  )
}

/** The search pipeline's labels as a serialised index names them (`frenchPlugin`'s search pipeline). */
export const SEARCH_PIPELINE = [LABELS.normalise, LABELS.elision, LABELS.trimmer, LABELS.fold, LABELS.stopWords, LABELS.stemmer] as const

/** Builder plugin: `lunr(function () { this.use(frenchPlugin) … })`. */
export function frenchPlugin(this: lunr.Builder): void {
  const fr = french ?? (registerFrenchPipeline(), french!)
  this.pipeline.reset()
  this.pipeline.add(normalise, elision, fr.trimmer, fold, stopWords, recordVocabulary, fr.stemmer)
  this.searchPipeline.reset()
  this.searchPipeline.add(normalise, elision, fr.trimmer, fold, stopWords, fr.stemmer)
  ;(this as unknown as { tokenizer: typeof frenchTokenizer }).tokenizer = frenchTokenizer
}

/** Runs `build` while collecting the vocabulary (folded, unstemmed words) its index pipeline sees. */
export function withVocabulary<T>(build: () => T): { result: T; vocabulary: string[] } {
  registerFrenchPipeline()
  const previous = vocabulary
  const words = new Set<string>()
  vocabulary = words
  try {
    const result = build()
    return { result, vocabulary: [...words].sort() }
  } finally {
    vocabulary = previous
  }
}

/** The stemmer alone, on an already folded word (« cooperatives » → cooper). */
export function stem(foldedWord: string): string {
  if (!french) registerFrenchPipeline()
  return french!.stemmer(foldedWord)
}

/** What one written word becomes on the query side. */
export interface AnalysedWord {
  /** Folded, elision-free, unstemmed (« L’Économie » → economie): matched by prefixes and fuzzy terms. */
  readonly surface: string
  /** The indexed term (stem), or null for a stop word or a word with nothing left. */
  readonly term: string | null
}

/**
 * Runs one word through the very functions of the index pipeline, one by one, keeping the form
 * before stemming (the pipeline itself only hands out the final term).
 */
export function analyseWord(word: string): AnalysedWord {
  const fr = french ?? (registerFrenchPipeline(), french!)
  let t: lunr.Token | undefined = new lunr.Token(word, {})
  for (const step of [normalise, elision, fr.trimmer, fold]) t = t && (step(t, 0, []) as lunr.Token | undefined)
  const surface = t ? t.toString() : ''
  if (surface === '' || isStopWord(surface)) return { surface, term: null }
  return { surface, term: fr.stemmer(surface) }
}

/** What the index pipeline keeps of one written word: the vocabulary's word and the indexed term. */
export interface IndexedWord {
  readonly surface: string
  readonly term: string
}

/**
 * One written word through the index pipeline, step for step as lunr.Builder runs it
 * (`lunr.Pipeline#run`: a step returning null, undefined or '' drops the token); null when dropped
 * (a stop word). Unlike `analyseWord`, a word the trimmer empties (« λόγος ») is kept as lunr keeps
 * it, as the term '': it counts in its field's length, which every weight depends on.
 */
export function indexedWord(word: string): IndexedWord | null {
  const fr = french ?? (registerFrenchPipeline(), french!)
  let t = new lunr.Token(word, {})
  let surface = ''
  for (const step of [normalise, elision, fr.trimmer, fold, stopWords, fr.stemmer]) {
    if (step === fr.stemmer) surface = t.toString()
    // None of these steps splits a token (returns an array); lunr drops a falsy result.
    const r = step(t, 0, []) as lunr.Token | null | undefined
    if (!r) return null
    t = r
  }
  return { surface, term: t.toString() }
}
