/**
 * The search query language (documented for users in README.md and the in-app help):
 *
 *   économie sociale        every word must match (stemmed, accents and case ignored), ranked
 *   "logiciel libre"        exact phrase: the words in this order, next to each other (« » “ ” too)
 *   coop*                   prefix (at least 2 letters)
 *   cooperatve~1            fuzzy: up to 1 (or 2) typing errors; `mot~` means `mot~1`
 *   -brevet                 exclude sections containing the word (or -"a phrase", -type:cas, -tag:x)
 *   titre:framasoft         in the document title (also titre:"…" and titre:coop*)
 *   tag:logiciel-libre      documents with this tag (several tag: filters must all hold)
 *   type:cas                cahier, article, cas or glossaire (several type: filters: any of them)
 *   in:notes                only the reader's own notes and highlights (in:textes: only the texts;
 *                           dans: also works); tag: and type: then apply to the notes
 *   couleur:question        notes of this colour: its label (accents and case ignored, couleur:"à
 *                           vérifier" with quotes), its name (jaune, bleu…) or id (yellow…)
 *
 * `parseQuery` never throws: a query it cannot read is searched as plain words, and the result
 * says why (`problem`), so the UI can show a notice.
 */
import type { DocumentKind } from '../content/front-matter'
import { foldForCompare } from '../text/fold'

export type TermMode = 'word' | 'prefix' | 'fuzzy'
export type Field = 'any' | 'title'

export interface TermClause {
  readonly type: 'term'
  readonly text: string
  readonly mode: TermMode
  /** Edit distance for fuzzy terms (1 or 2); 0 otherwise. */
  readonly distance: number
  readonly field: Field
  readonly negated: boolean
}

export interface PhraseClause {
  readonly type: 'phrase'
  readonly text: string
  readonly field: Field
  readonly negated: boolean
}

export type Clause = TermClause | PhraseClause

/** Where a query looks: everywhere, only the texts of the library, or only the reader's notes. */
export type SearchScope = 'all' | 'texts' | 'notes'

export interface ParsedQuery {
  readonly clauses: readonly Clause[]
  /** `in:` — which sources answer (`all` when absent). */
  readonly scope: SearchScope
  /** `type:` filters (a section matches if its document has any of these kinds). */
  readonly kinds: readonly DocumentKind[]
  readonly excludedKinds: readonly DocumentKind[]
  /** `tag:` filters (the document must carry all of them), as written, folded. */
  readonly tags: readonly string[]
  readonly excludedTags: readonly string[]
  /** `couleur:` filters (a note matches if it has any of these colours), as written, folded. Only
   * notes have a colour: the search source of the notes resolves them against ids and labels. */
  readonly colors: readonly string[]
  readonly excludedColors: readonly string[]
}

/** A query with nothing in it (the base the fallback and suggestions build on). */
export const EMPTY_QUERY: ParsedQuery = { clauses: [], scope: 'all', kinds: [], excludedKinds: [], tags: [], excludedTags: [], colors: [], excludedColors: [] }

export type ProblemCode =
  | 'unclosed-quote'
  | 'empty-field'
  | 'unknown-field'
  | 'unknown-type'
  | 'unknown-scope'
  | 'bad-fuzzy'
  | 'bad-wildcard'
  | 'short-prefix'
  | 'stray-operator'

export interface QueryProblem {
  readonly code: ProblemCode
  /** The piece of the query at fault, as typed. */
  readonly near: string
}

export interface ParseOutcome {
  readonly query: ParsedQuery
  /** Set when the query could not be read and was searched as plain words instead. */
  readonly problem: QueryProblem | null
}

const FIELDS: Readonly<Record<string, 'title' | 'tag' | 'type' | 'scope' | 'color'>> = {
  titre: 'title',
  title: 'title',
  tag: 'tag',
  etiquette: 'tag',
  type: 'type',
  in: 'scope',
  dans: 'scope',
  couleur: 'color',
  color: 'color',
  colour: 'color',
}

/** `in:` values (folded). */
const SCOPE_ALIASES: Readonly<Record<string, Exclude<SearchScope, 'all'>>> = {
  notes: 'notes',
  note: 'notes',
  annotations: 'notes',
  annotation: 'notes',
  surlignages: 'notes',
  textes: 'texts',
  texte: 'texts',
  texts: 'texts',
  documents: 'texts',
  document: 'texts',
  docs: 'texts',
  fonds: 'texts',
}

const KIND_ALIASES: Readonly<Record<string, DocumentKind>> = {
  cahier: 'cahier',
  cahiers: 'cahier',
  chapitre: 'cahier',
  chapitres: 'cahier',
  article: 'article',
  articles: 'article',
  cas: 'cas',
  etude: 'cas',
  etudes: 'cas',
  glossaire: 'glossaire',
  glossaires: 'glossaire',
  definition: 'glossaire',
}

const OPEN_QUOTES: Readonly<Record<string, string>> = { '"': '"', '«': '»', '“': '”', '„': '“' }

class QueryError extends Error {
  constructor(readonly problem: QueryProblem) {
    super(problem.code)
  }
}

/** One whitespace-separated piece: optional `-`, optional `field:`, then a phrase or a word. */
interface Piece {
  readonly raw: string
  readonly negated: boolean
  readonly field: string | null
  readonly phrase: boolean
  readonly value: string
}

function lex(input: string): Piece[] {
  const pieces: Piece[] = []
  let i = 0
  const n = input.length
  while (i < n) {
    if (/\s/u.test(input[i]!)) {
      i++
      continue
    }
    const start = i
    let negated = false
    if (input[i] === '-') {
      negated = true
      i++
    }
    let field: string | null = null
    const fm = /^([\p{L}]+):/u.exec(input.slice(i))
    if (fm) {
      field = fm[1]!
      i += fm[0].length
    }
    const close = OPEN_QUOTES[input[i] ?? '']
    if (close !== undefined) {
      const end = input.indexOf(close, i + 1)
      if (end < 0) throw new QueryError({ code: 'unclosed-quote', near: input.slice(start) })
      pieces.push({ raw: input.slice(start, end + 1), negated, field, phrase: true, value: input.slice(i + 1, end).trim() })
      i = end + 1
      continue
    }
    while (i < n && !/\s/u.test(input[i]!) && OPEN_QUOTES[input[i]!] === undefined) i++
    const raw = input.slice(start, i)
    pieces.push({ raw, negated, field, phrase: false, value: raw.slice((negated ? 1 : 0) + (field ? field.length + 1 : 0)) })
  }
  return pieces
}

/** A clause, or null for a piece with nothing to search (punctuation such as « : » or « ? »). */
function termOf(p: Piece, field: Field): TermClause | PhraseClause | null {
  if (!p.phrase && !/[\p{L}\p{N}]/u.test(p.value)) {
    if (p.negated || /^[-*~+]+$/u.test(p.value)) throw new QueryError({ code: 'stray-operator', near: p.raw })
    return null
  }
  if (p.phrase) return { type: 'phrase', text: p.value, field, negated: p.negated }
  let text = p.value.replace(/^\+/, '')
  let mode: TermMode = 'word'
  let distance = 0
  const fuzzy = /^(.*?)~(\d*)$/su.exec(text)
  if (fuzzy) {
    const d = fuzzy[2] === '' ? 1 : Number(fuzzy[2])
    if (!fuzzy[1] || d < 1 || d > 2 || /[~*]/.test(fuzzy[1])) throw new QueryError({ code: 'bad-fuzzy', near: p.raw })
    text = fuzzy[1]
    mode = 'fuzzy'
    distance = d
  } else if (text.includes('~')) {
    throw new QueryError({ code: 'bad-fuzzy', near: p.raw })
  }
  if (text.includes('*')) {
    if (mode !== 'word' || !/^[^*]+\*$/u.test(text)) throw new QueryError({ code: 'bad-wildcard', near: p.raw })
    text = text.slice(0, -1)
    if (foldForCompare(text).replace(/[^\p{L}\p{N}]/gu, '').length < 2) throw new QueryError({ code: 'short-prefix', near: p.raw })
    mode = 'prefix'
  }
  return { type: 'term', text, mode, distance, field, negated: p.negated }
}

function strictParse(input: string): ParsedQuery {
  const clauses: Clause[] = []
  const kinds: DocumentKind[] = []
  const excludedKinds: DocumentKind[] = []
  const tags: string[] = []
  const excludedTags: string[] = []
  const colors: string[] = []
  const excludedColors: string[] = []
  const scopes = new Set<Exclude<SearchScope, 'all'>>()
  for (const lexed of lex(input)) {
    let p = lexed
    let field = p.field === null ? null : FIELDS[foldForCompare(p.field)]
    if (p.field !== null && field === undefined) {
      // « Framasoft: » is a word followed by a colon; « auteur:dupont » asks for a field we lack.
      if (p.value.trim() !== '') throw new QueryError({ code: 'unknown-field', near: p.raw })
      p = { ...p, value: p.field, field: null }
      field = null
    }
    if (p.field !== null && p.value.trim() === '') throw new QueryError({ code: 'empty-field', near: p.raw })
    if (field === 'type') {
      const kind = KIND_ALIASES[foldForCompare(p.value.trim())]
      if (!kind) throw new QueryError({ code: 'unknown-type', near: p.raw })
      ;(p.negated ? excludedKinds : kinds).push(kind)
    } else if (field === 'tag') {
      ;(p.negated ? excludedTags : tags).push(foldForCompare(p.value.trim()))
    } else if (field === 'scope') {
      const scope = SCOPE_ALIASES[foldForCompare(p.value.trim())]
      if (!scope) throw new QueryError({ code: 'unknown-scope', near: p.raw })
      // « -in:notes » is « in:textes ».
      scopes.add(p.negated ? (scope === 'notes' ? 'texts' : 'notes') : scope)
    } else if (field === 'color') {
      ;(p.negated ? excludedColors : colors).push(foldForCompare(p.value.trim()))
    } else {
      const clause = termOf(p, field === 'title' ? 'title' : 'any')
      if (clause) clauses.push(clause)
    }
  }
  // Asking for both is asking for everything.
  const scope: SearchScope = scopes.size === 1 ? [...scopes][0]! : 'all'
  return { clauses, scope, kinds, excludedKinds, tags, excludedTags, colors, excludedColors }
}

/**
 * The fallback reading: field names are dropped (`auteur:dupont` → dupont) and every run of letters
 * and digits is a plain word that must match.
 */
export function plainWords(input: string): ParsedQuery {
  const words = input.replace(/[\p{L}]+:(?=\S)|(?<!\p{L})(?:titre|title|tag|type|[ée]tiquette|in|dans|couleur|colou?r):|~\d*/giu, ' ').match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? []
  const clauses = words.map((text): TermClause => ({ type: 'term', text, mode: 'word', distance: 0, field: 'any', negated: false }))
  return { ...EMPTY_QUERY, clauses }
}

export function parseQuery(input: string): ParseOutcome {
  try {
    return { query: strictParse(input), problem: null }
  } catch (e) {
    if (e instanceof QueryError) return { query: plainWords(input), problem: e.problem }
    // Not expected; still never thrown at the user.
    return { query: plainWords(input), problem: { code: 'stray-operator', near: input } }
  }
}

/** True when the query has something to look for (at least one positive term or phrase). */
export function hasPositiveClause(q: ParsedQuery): boolean {
  return q.clauses.some((c) => !c.negated)
}

/** The reading used while a query is typed: its last plain word (2 letters or more) as a prefix. */
export function asTyped(q: ParsedQuery): ParsedQuery {
  const i = q.clauses.findLastIndex((c) => !c.negated)
  const last = q.clauses[i]
  if (!last || last.type !== 'term' || last.mode !== 'word' || foldForCompare(last.text).replace(/[^\p{L}\p{N}]/gu, '').length < 2) return q
  return { ...q, clauses: q.clauses.map((c, j) => (j === i ? { ...last, mode: 'prefix' as const } : c)) }
}

/** Writes a parsed query back in the query language (for suggestions). */
export function formatQuery(q: ParsedQuery): string {
  const parts: string[] = []
  for (const c of q.clauses) {
    const prefix = `${c.negated ? '-' : ''}${c.field === 'title' ? 'titre:' : ''}`
    if (c.type === 'phrase') parts.push(`${prefix}"${c.text}"`)
    else parts.push(`${prefix}${c.text}${c.mode === 'prefix' ? '*' : c.mode === 'fuzzy' ? `~${c.distance}` : ''}`)
  }
  for (const k of q.kinds) parts.push(`type:${k}`)
  for (const k of q.excludedKinds) parts.push(`-type:${k}`)
  for (const t of q.tags) parts.push(`tag:${t}`)
  for (const t of q.excludedTags) parts.push(`-tag:${t}`)
  const quoted = (v: string): string => (/[\s"«»“”„]/u.test(v) ? `"${v.replace(/["«»“”„]/gu, '')}"` : v)
  for (const c of q.colors) parts.push(`couleur:${quoted(c)}`)
  for (const c of q.excludedColors) parts.push(`-couleur:${quoted(c)}`)
  if (q.scope !== 'all') parts.push(`in:${q.scope === 'notes' ? 'notes' : 'textes'}`)
  return parts.join(' ')
}
