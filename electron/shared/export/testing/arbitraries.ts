/**
 * fast-check generators of valid annotations whose strings are hostile: Markdown and HTML
 * fragments, comment terminators, fences, Obsidian syntax, line separators, lone surrogates, any
 * code point. Every generated annotation passes the model's schema (checked by the tests).
 */
import fc from 'fast-check'
import { COLOR_IDS, QUOTE_CONTEXT } from '../../annotations/model'
import type { AnchorState, Annotation } from '../../annotations/model'

export const HOSTILE_FRAGMENTS = [
  '# ', '## titre', '> ', '- ', '* ', '+ ', '1. ', '2) ', '```', '~~~', '    ', '\t', '|', '|---|', '===', '---',
  '<script>alert(1)</script>', '<!--', '-->', '--!>', '<!-- passerelles:annotation v1 {} -->', '<b>', '</p>', '&amp;', '&#106;',
  '[x]: javascript:alert(1)', '[^1]: ', '[^1]', '](javascript:alert(1))', '[lien](https://exemple.org)', '<https://a.b>',
  '%%', '$$', '^anno-12345678', '==', '[[wiki]]', '![[embed]]', '\\', '\\\\', '`', '``', '*', '_', '~', '"', "'",
  '\n', '\r\n', '\r', '\n\n', '\u2028', '\u2029', '\u0085', '\u0000', '\u001f', '\u007f', '\u200b', '\u202e', '\ufeff',
  '\ud800', '\udfff', '😀', 'é', 'Œ', '« ', ' »', ' ', 'économie sociale et solidaire', 'logiciel libre',
] as const

const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_FRAGMENTS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
)

/** A hostile string of bounded length (in UTF-16 units, as the schema counts). */
export function hostileString(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc
    .array(fragment, { maxLength: 12 })
    .map((parts) => parts.join('').slice(0, maxLength))
    .filter((s) => s.length >= minLength)
}

const TAG_CHARS = [...'abcdefghijklmnopqrstuvwxyzéèàçœßЖж中0123456789']
const tag = fc
  .tuple(fc.constantFrom(...TAG_CHARS), fc.array(fc.constantFrom(...TAG_CHARS, '-', '_'), { maxLength: 20 }))
  .map(([first, rest]) => first + rest.join(''))

const docId = fc.oneof(
  fc.constantFrom('cahier-01-pourquoi-ce-cahier', 'cas-framasoft', 'glossaire', 'articles-communs'),
  fc.array(fc.stringMatching(/^[a-z0-9]{1,6}$/), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('-')),
)

const MIN = Date.UTC(2000, 0, 1)
const MAX = Date.UTC(2099, 11, 31)
const isoDate = fc.tuple(fc.integer({ min: MIN, max: MAX }), fc.integer({ min: -12, max: 14 }), fc.boolean()).map(([t, offset, zulu]) => {
  if (zulu) return new Date(t).toISOString()
  const local = new Date(t + offset * 3_600_000).toISOString().slice(0, 19)
  const sign = offset < 0 ? '-' : '+'
  return `${local}${sign}${String(Math.abs(offset)).padStart(2, '0')}:00`
})

export const annotationArbitrary: fc.Arbitrary<Annotation> = fc
  .record({
    id: fc.uuid(),
    created: isoDate,
    modified: isoDate,
    note: fc.oneof(fc.constant(''), hostileString(0, 2000)),
    tags: fc.uniqueArray(tag, { maxLength: 6 }),
    color: fc.constantFrom(...COLOR_IDS),
    document: docId,
    anchored: fc.boolean(),
    exact: hostileString(1, 400),
    prefix: hostileString(0, QUOTE_CONTEXT),
    suffix: hostileString(0, QUOTE_CONTEXT),
    start: fc.nat({ max: 1_000_000 }),
    length: fc.integer({ min: 1, max: 5000 }),
    docVersion: fc.stringMatching(/^[0-9a-f]{64}$/),
  })
  .map((r): Annotation => {
    const target: Annotation['target'] = r.anchored
      ? {
          source: r.document,
          docVersion: r.docVersion,
          selector: [
            { type: 'TextQuoteSelector', exact: r.exact, prefix: r.prefix, suffix: r.suffix },
            { type: 'TextPositionSelector', start: r.start, end: r.start + r.length },
          ],
        }
      : null
    return { id: r.id, type: 'Annotation', created: r.created, modified: r.modified, body: { note: r.note, tags: r.tags, color: r.color }, target, document: r.document }
  })

/** Annotations with distinct ids, and a random re-anchoring state for each. */
export const exportSetArbitrary = (maxLength: number, minLength = 0): fc.Arbitrary<{ annotations: Annotation[]; states: Map<string, AnchorState> }> =>
  fc
    .tuple(
      fc.uniqueArray(annotationArbitrary, { minLength, maxLength, selector: (a) => a.id }),
      fc.array(fc.constantFrom<AnchorState>('anchored', 'moved', 'fuzzy', 'orphan'), { minLength: maxLength, maxLength }),
    )
    .map(([annotations, states]) => ({ annotations, states: new Map(annotations.map((a, i) => [a.id, states[i]!])) }))
