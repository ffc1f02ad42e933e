/**
 * Re-anchoring one annotation target against a document's current text. An ordered chain, from
 * strict to fuzzy (after Hypothesis, src/annotator/anchoring/html.ts and match-quote.ts), with the
 * two things Hypothesis lacks: a minimum score, and the rule that an exact quote found in a
 * different context is never trusted silently.
 *
 *  1. Position: the text at the stored offsets equals the quote, and either the document version is
 *     unchanged or the context agrees → `anchored`.
 *  2. Shifted position (batch hint) or exact quote anywhere, in the matching form (normalize.ts: spaces
 *     and typography ignored), trusted only when one side of context agrees or the quote is long and
 *     unique → `moved` (or `anchored` if the offsets did not change).
 *  3. Best of: exact quotes in a foreign context and approximate matches (approx-string-match,
 *     errors bounded), scored on quote similarity, context and distance; kept only above MIN_SCORE,
 *     and only with some context support unless the quote is long → `fuzzy` (the reader confirms).
 *  4. Otherwise `orphan`: listed, never deleted.
 */
import search from 'approx-string-match'
import { QUOTE_CONTEXT } from './model'
import type { AnnotationTarget } from './model'
import { foldText, matchOffset, rawRange, toMatchText } from './normalize'
import type { MatchText } from './normalize'

/** The tunable constants, named so tests and the report can cite them. */
export const ANCHOR_POLICY = {
  /** Score weights (Hypothesis's): quote, prefix, suffix, position. */
  weights: { quote: 50, prefix: 20, suffix: 20, position: 2 },
  /** A fuzzy candidate below this score is not a match: the annotation becomes an orphan. */
  minScore: 0.7,
  /**
   * A context side vouches for an exact quote when it is at least this similar (over ≥ minSide
   * characters) AND its `adjacent` characters next to the quote are identical — similarity alone
   * would forgive a shift by one character.
   */
  contextTrust: 0.8,
  minSide: 8,
  adjacent: 8,
  /** An exact quote this long (matching form) and unique needs no context to be trusted. */
  uniqueTrustLength: 40,
  /** With both context sides below this, a fuzzy candidate needs a quote of bareQuoteLength. */
  contextFloor: 0.5,
  bareQuoteLength: 16,
  /** Approximate search: errors allowed per quote character, and an absolute cap (Hypothesis: ½, 256). */
  maxErrorRatio: 0.4,
  maxErrors: 256,
  /** Characters searched on each side of the expected position before searching the whole text. */
  window: 2000,
  /** Candidates scored per search (nearest to the expected position first). */
  maxCandidates: 200,
} as const

/** A document's current text, prepared once per version for any number of annotations. */
export interface PreparedText {
  readonly version: string
  readonly raw: string
  readonly match: MatchText
}

/** The matching form is built on first use: an unchanged document anchors without it. */
export function prepareText(raw: string, version: string): PreparedText {
  let match: MatchText | null = null
  return {
    version,
    raw,
    get match() {
      return (match ??= toMatchText(raw))
    },
  }
}

export type AnchorResult =
  | {
      readonly status: 'anchored' | 'moved' | 'fuzzy'
      /** Offsets into the current text. */
      readonly start: number
      readonly end: number
      /** The current text at those offsets (for `fuzzy`, what the reader is asked to confirm). */
      readonly quote: string
      /** The quote the annotation was made on. */
      readonly oldQuote: string
      /** 0–1; 1 for an exact match in an agreeing context. */
      readonly confidence: number
    }
  | {
      readonly status: 'orphan'
      readonly oldQuote: string
      readonly reason: 'no-match' | 'document-missing'
      /** Score of the best candidate rejected (0 when none), for diagnostics. */
      readonly bestScore: number
    }

interface Candidate {
  /** Matching-form range. */
  readonly ms: number
  readonly me: number
  readonly errors: number
}

interface Scored {
  readonly start: number
  readonly end: number
  readonly score: number
  readonly trusted: boolean
  readonly supported: boolean
}

interface Query {
  readonly doc: PreparedText
  readonly exact: string
  readonly quote: string
  readonly prefix: string
  readonly suffix: string
  readonly prefixAtStart: boolean
  readonly suffixAtEnd: boolean
  /** Expected matching-form start. */
  readonly hint: number
}

/** Similarity 0–1 of a context side: edit distance of the stored side within the actual one. */
function sideSimilarity(expected: string, actual: string): number {
  if (expected === actual) return 1 // the common case (context intact): no edit-distance search
  if (expected.length === 0) return actual.length === 0 ? 1 : 0
  if (actual.length === 0) return 0
  const found = search(actual, expected, expected.length)
  const errors = found.reduce((min, m) => Math.min(min, m.errors), expected.length)
  return 1 - errors / expected.length
}

/** Whether one context side vouches for the candidate; `side` says which end touches the quote. */
function sideTrusted(side: 'prefix' | 'suffix', expected: string, actual: string, similarity: number, oldAtEdge: boolean, newAtEdge: boolean): boolean {
  if (expected.length < ANCHOR_POLICY.minSide) return oldAtEdge && newAtEdge && expected === actual
  const k = ANCHOR_POLICY.adjacent
  const touching = side === 'prefix' ? expected.slice(-k) === actual.slice(-k) : expected.slice(0, k) === actual.slice(0, k)
  return touching && similarity >= ANCHOR_POLICY.contextTrust
}

function score(q: Query, start: number, end: number, errors: number, unique: boolean): Scored {
  const { raw } = q.doc
  const before = foldText(raw.slice(Math.max(0, start - QUOTE_CONTEXT), start))
  const after = foldText(raw.slice(end, end + QUOTE_CONTEXT))
  const p = sideSimilarity(q.prefix, before)
  const s = sideSimilarity(q.suffix, after)
  const w = ANCHOR_POLICY.weights
  const quoteSim = 1 - errors / q.quote.length
  const ms = matchOffset(q.doc.match, start)
  const pos = 1 - Math.min(1, Math.abs(ms - q.hint) / Math.max(1, q.doc.match.text.length))
  const total = (w.quote * quoteSim + w.prefix * p + w.suffix * s + w.position * pos) / (w.quote + w.prefix + w.suffix + w.position)
  const trusted =
    errors === 0 &&
    (sideTrusted('prefix', q.prefix, before, p, q.prefixAtStart, start < QUOTE_CONTEXT) ||
      sideTrusted('suffix', q.suffix, after, s, q.suffixAtEnd, end > raw.length - QUOTE_CONTEXT) ||
      (unique && q.quote.length >= ANCHOR_POLICY.uniqueTrustLength))
  const supported = Math.max(p, s) >= ANCHOR_POLICY.contextFloor || q.quote.length >= ANCHOR_POLICY.bareQuoteLength
  return { start, end, score: total, trusted, supported }
}

function scoreCandidate(q: Query, c: Candidate, unique: boolean): Scored {
  const r = rawRange(q.doc.match, c.ms, c.me)
  return score(q, r.start, r.end, c.errors, unique)
}

function nearest<T extends Candidate>(list: T[], hint: number): T[] {
  if (list.length <= ANCHOR_POLICY.maxCandidates) return list
  return list.sort((a, b) => Math.abs(a.ms - hint) - Math.abs(b.ms - hint)).slice(0, ANCHOR_POLICY.maxCandidates)
}

function exactCandidates(q: Query): Candidate[] {
  const text = q.doc.match.text
  const out: Candidate[] = []
  for (let i = text.indexOf(q.quote); i !== -1; i = text.indexOf(q.quote, i + 1)) {
    out.push({ ms: i, me: i + q.quote.length, errors: 0 })
  }
  return out
}

function approximateCandidates(q: Query, from: number, to: number): Candidate[] {
  const maxErrors = Math.min(ANCHOR_POLICY.maxErrors, Math.max(1, Math.floor(q.quote.length * ANCHOR_POLICY.maxErrorRatio)))
  const found = search(q.doc.match.text.slice(from, to), q.quote, maxErrors)
  return nearest(
    found.filter((m) => m.end > m.start).map((m) => ({ ms: m.start + from, me: m.end + from, errors: m.errors })),
    q.hint,
  )
}

function best(list: readonly Scored[]): Scored | undefined {
  let top: Scored | undefined
  for (const s of list) if (!top || s.score > top.score) top = s
  return top
}

function located(q: Query, status: 'anchored' | 'moved' | 'fuzzy', s: Pick<Scored, 'start' | 'end'>, confidence: number): AnchorResult {
  return { status, start: s.start, end: s.end, quote: q.doc.raw.slice(s.start, s.end), oldQuote: q.exact, confidence: Math.min(1, confidence) }
}

export interface AnchorOptions {
  /** Where the passage is expected now (raw offset), e.g. the old start shifted like its neighbours. */
  readonly expectedStart?: number
  /** Stop after the exact steps (1–2) and return null instead of searching approximately. */
  readonly exactOnly?: boolean
}

export function anchorTarget(doc: PreparedText, target: AnnotationTarget, options: AnchorOptions = {}): AnchorResult | null {
  const [sel, pos] = target.selector
  // 1. Same version, quote in place: nothing else to look at (and no matching form to build).
  if (target.docVersion === doc.version && doc.raw.slice(pos.start, pos.end) === sel.exact) {
    return { status: 'anchored', start: pos.start, end: pos.end, quote: sel.exact, oldQuote: sel.exact, confidence: 1 }
  }
  const expected = options.expectedStart ?? pos.start
  const q: Query = {
    doc,
    exact: sel.exact,
    quote: foldText(sel.exact),
    prefix: foldText(sel.prefix),
    suffix: foldText(sel.suffix),
    prefixAtStart: sel.prefix.length < QUOTE_CONTEXT - 1,
    suffixAtEnd: sel.suffix.length < QUOTE_CONTEXT - 1,
    hint: matchOffset(doc.match, expected),
  }
  const orphan = (bestScore: number): AnchorResult => ({ status: 'orphan', oldQuote: sel.exact, reason: 'no-match', bestScore })
  if (q.quote.length === 0) return orphan(0)

  // 1. The stored position in a new version (and 2a. the position shifted like the neighbours).
  const len = pos.end - pos.start
  for (const start of new Set([pos.start, expected])) {
    if (doc.raw.slice(start, start + len) !== sel.exact) continue
    const s = score(q, start, start + len, 0, false)
    if (s.trusted) return located(q, start === pos.start ? 'anchored' : 'moved', s, s.score)
  }

  // 2b. Exact quote anywhere (matching form).
  const exact = exactCandidates(q)
  const unique = exact.length === 1
  const exactScored = nearest(exact, q.hint).map((c) => scoreCandidate(q, c, unique))
  const trusted = best(exactScored.filter((s) => s.trusted))
  if (trusted) {
    const same = trusted.start === pos.start && trusted.end === pos.end && doc.raw.slice(trusted.start, trusted.end) === sel.exact
    return located(q, same ? 'anchored' : 'moved', trusted, trusted.score)
  }
  if (options.exactOnly) return null

  // 3. Fuzzy: near the expected position first, then the whole text if nothing good enough.
  const acceptable = (s: Scored | undefined): s is Scored => !!s && s.score >= ANCHOR_POLICY.minScore && s.supported
  const text = q.doc.match.text
  const span = Math.max(ANCHOR_POLICY.window, 2 * q.quote.length)
  const from = Math.max(0, q.hint - span)
  const to = Math.min(text.length, q.hint + q.quote.length + span)
  let pool = [...exactScored, ...approximateCandidates(q, from, to).map((c) => scoreCandidate(q, c, false))]
  let top = best(pool.filter((s) => s.supported))
  if (!acceptable(top) && (from > 0 || to < text.length)) {
    pool = [...pool, ...approximateCandidates(q, 0, text.length).map((c) => scoreCandidate(q, c, false))]
    top = best(pool.filter((s) => s.supported))
  }
  if (acceptable(top)) return located(q, 'fuzzy', top, top.score)
  return orphan(best(pool)?.score ?? 0)
}
