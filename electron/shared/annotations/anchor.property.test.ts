/**
 * Properties of selectors, the matching form and re-anchoring, on generated French-like texts and
 * arbitrary edits (fast-check). The safety property is the one that matters to readers: whatever the
 * edit, an annotation reported `anchored` or `moved` points at its own quote (up to spacing and
 * typography); anything less certain is `fuzzy` with a confidence at or above the minimum, or `orphan`.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { ANCHOR_POLICY, anchorTarget, prepareText } from './anchor'
import { reanchorAll } from './reanchor'
import { buildSelectors } from './selectors'
import { foldText, toMatchText } from './normalize'
import { QUOTE_CONTEXT } from './model'
import type { AnnotationTarget } from './model'

const OLD = '0'.repeat(64)
const NEW = '1'.repeat(64)
const WORDS = [
  'le', 'la', 'les', 'des', 'une', 'coopérative', 'logiciel', 'libre', 'économie', 'sociale', 'solidaire',
  'commun', 'gouvernance', 'association', 'salariés', 'usagers', 'outils', 'données', 'hébergement',
  'l’ESS', 'd’emploi', 'mutualisent', 'partagent', 'financement', 'territoire', 'collectif', 'éditeur',
  '«\u00a0Framasoft\u00a0»', 'CHATONS', 'plateforme', 'qui', 'décide\u202f?', 'paie\u202f;', '—', 'et', 'ou', 'à',
]
const SEPARATORS = [' ', ' ', ' ', ' ', ', ', '. ', '\n', '  ', '\u00a0']

const textArb = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength: 8, maxLength: 160 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''))

/** A text and a selection in it that holds at least one non-space character. */
const selectionArb = textArb.chain((text) =>
  fc
    .tuple(fc.nat({ max: text.length - 1 }), fc.integer({ min: 1, max: 120 }))
    .map(([start, len]) => ({ text, start, end: Math.min(text.length, start + len) }))
    .filter(({ text: t, start, end }) => t.slice(start, end).trim() !== ''),
)

function target(text: string, start: number, end: number): AnnotationTarget {
  const built = buildSelectors(text, start, end)
  if (!built.ok) throw new Error(built.message)
  return { source: 'doc', docVersion: OLD, selector: [...built.selectors] }
}

const DIGITS = fc.stringMatching(/^[0-9]{1,400}$/)

type Edit = { kind: 'insert'; at: number; text: string } | { kind: 'delete'; at: number; len: number } | { kind: 'replace'; at: number; len: number; text: string }
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(textArb, fc.string({ maxLength: 20 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }), text: fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 8 })) }),
)

function applyEdits(text: string, edits: readonly Edit[]): string {
  let t = text
  for (const e of edits) {
    const at = t.length === 0 ? 0 : e.at % (t.length + 1)
    if (e.kind === 'insert') t = t.slice(0, at) + e.text + t.slice(at)
    else if (e.kind === 'delete') t = t.slice(0, at) + t.slice(at + e.len)
    else t = t.slice(0, at) + e.text + t.slice(at + e.len)
  }
  return t
}

describe('matching form', () => {
  it('maps every folded character back to the raw character it came from, in order', () => {
    fc.assert(
      fc.property(fc.oneof(textArb, fc.string({ unit: 'grapheme' })), (raw) => {
        const m = toMatchText(raw)
        expect(m.text).toBe(foldText(raw))
        for (let i = 0; i < m.text.length; i++) {
          expect(foldText(raw[m.toRaw[i]!]!)).toContain(m.text[i])
          if (i > 0) expect(m.toRaw[i]!).toBeGreaterThanOrEqual(m.toRaw[i - 1]!)
        }
        expect(m.text).not.toMatch(/\s/)
      }),
    )
  })
})

describe('selectors', () => {
  it('quote and context are the text around a tightened range, within the limits', () => {
    fc.assert(
      fc.property(selectionArb, ({ text, start, end }) => {
        const built = buildSelectors(text, start, end)
        expect(built.ok).toBe(true)
        if (!built.ok) return
        const [q, p] = built.selectors
        expect(text.slice(p.start, p.end)).toBe(q.exact)
        expect(p.start).toBeGreaterThanOrEqual(start)
        expect(p.end).toBeLessThanOrEqual(end)
        expect(q.exact).toBe(q.exact.trim())
        expect(q.prefix.length).toBeLessThanOrEqual(QUOTE_CONTEXT)
        expect(q.suffix.length).toBeLessThanOrEqual(QUOTE_CONTEXT)
        expect(text.slice(p.start - q.prefix.length, p.end + q.suffix.length)).toBe(q.prefix + q.exact + q.suffix)
      }),
    )
  })

  it('refuses ranges outside the text and blank selections', () => {
    fc.assert(
      fc.property(textArb, fc.integer({ min: -5, max: 5 }), (text, d) => {
        expect(buildSelectors(text, text.length, text.length + 1 + Math.abs(d)).ok).toBe(false)
        expect(buildSelectors(text, 3, 3).ok).toBe(false)
      }),
    )
    expect(buildSelectors('a   b', 1, 4)).toEqual({ ok: false, message: 'The selection holds only white space.' })
  })
})

describe('re-anchoring properties', () => {
  it('an unchanged text anchors every annotation where it was made', () => {
    fc.assert(
      fc.property(selectionArb, ({ text, start, end }) => {
        const t = target(text, start, end)
        const r = anchorTarget(prepareText(text, OLD), t)!
        expect(r).toMatchObject({ status: 'anchored', start: t.selector[1].start, end: t.selector[1].end, confidence: 1 })
      }),
    )
  })

  it('text inserted away from the quote and its context moves it by exactly the insertion', () => {
    fc.assert(
      fc.property(selectionArb, DIGITS, fc.boolean(), fc.nat(), ({ text, start, end }, ins, before, pick) => {
        const t = target(text, start, end)
        const [q, p] = t.selector
        const lo = p.start - q.prefix.length - 1
        const hi = p.end + q.suffix.length + 1
        const at = before ? (lo < 0 ? null : pick % (lo + 1)) : hi > text.length ? null : hi + (pick % (text.length - hi + 1))
        fc.pre(at !== null)
        const edited = text.slice(0, at!) + ins + text.slice(at!)
        const r = anchorTarget(prepareText(edited, NEW), t)!
        expect(['anchored', 'moved']).toContain(r.status)
        if (r.status === 'orphan') return
        expect(r.quote).toBe(q.exact)
        const window = q.prefix + q.exact + q.suffix
        if (edited.indexOf(window) === edited.lastIndexOf(window)) expect(r.start).toBe(p.start + (before ? ins.length : 0))
      }),
    )
  })

  it('SAFETY: after any edits, anchored/moved point at the quote itself; fuzzy states a confidence above the minimum', () => {
    fc.assert(
      fc.property(selectionArb, fc.array(editArb, { minLength: 1, maxLength: 4 }), ({ text, start, end }, edits) => {
        const t = target(text, start, end)
        const edited = applyEdits(text, edits)
        const r = anchorTarget(prepareText(edited, NEW), t)!
        if (r.status === 'orphan') {
          expect(r.oldQuote).toBe(t.selector[0].exact)
          return
        }
        expect(r.start).toBeGreaterThanOrEqual(0)
        expect(r.end).toBeGreaterThan(r.start)
        expect(r.end).toBeLessThanOrEqual(edited.length)
        expect(r.quote).toBe(edited.slice(r.start, r.end))
        if (r.status === 'fuzzy') {
          expect(r.confidence).toBeGreaterThanOrEqual(ANCHOR_POLICY.minScore)
          expect(r.confidence).toBeLessThanOrEqual(1)
        } else {
          expect(foldText(r.quote)).toBe(foldText(t.selector[0].exact))
        }
      }),
      { numRuns: 300 },
    )
  })

  it('batch re-anchoring after an insertion at the top moves every annotation by the same amount', () => {
    fc.assert(
      fc.property(textArb, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 60 })), { minLength: 1, maxLength: 12 }), DIGITS, (text, spans, ins) => {
        const items = spans
          .map(([s, len], i) => ({ id: String(i), start: s % text.length, end: Math.min(text.length, (s % text.length) + len) }))
          .filter((x) => text.slice(x.start, x.end).trim() !== '')
          .map((x) => ({ id: x.id, target: target(text, x.start, x.end) }))
        const results = reanchorAll(prepareText(ins + text, NEW), items)
        for (const { id, target: t } of items) {
          const r = results.get(id)!
          expect(['anchored', 'moved']).toContain(r.status)
          if (r.status === 'orphan') continue
          expect(r.quote).toBe(t.selector[0].exact)
          expect(r.start).toBe(t.selector[1].start + ins.length)
        }
      }),
    )
  })
})
