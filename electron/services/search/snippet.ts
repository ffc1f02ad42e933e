/**
 * Match spans of a query in one section (from lunr's stored positions, so stemmed and accent-folded
 * matches are marked exactly: « coopératives » for `coopérative`, « Économie » for `economie`), and
 * the snippet: the window of the section text with the most matches, cut at word boundaries.
 */
import { positionsIn } from './french-index'
import type { FrenchIndex } from './french-index'
import type { CompiledQuery } from './compile'
import type { IndexField } from './index-format'
import { phraseSpansIn } from './evaluate'
import type { Highlighted, Snippet } from '../../shared/search/types'
import { stripCuts } from '../../shared/text/apparatus'
import type { Cut } from '../../shared/text/apparatus'

export type Span = readonly [number, number]

/** Sorted, non-overlapping spans of every positive match in one field of one section. */
export function matchSpans(index: FrenchIndex, q: CompiledQuery, record: number, field: IndexField): Span[] {
  const spans: [number, number][] = []
  for (const req of q.positive) {
    if (req.phrase) {
      spans.push(...phraseSpansIn(index, req, record, field))
      continue
    }
    for (const atom of req.atoms) {
      if (!atom.fields.includes(field)) continue
      for (const alt of atom.alternatives) {
        for (const [s, l] of positionsIn(alt.posting[field], record) ?? []) spans.push([s, s + l])
      }
    }
  }
  return mergeSpans(spans)
}

export function mergeSpans(spans: readonly Span[]): [number, number][] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const out: [number, number][] = []
  for (const [s, e] of sorted) {
    const last = out[out.length - 1]
    if (last && s < last[1]) last[1] = Math.max(last[1], e)
    else out.push([s, e])
  }
  return out
}

/** White space as JavaScript's \s sees it, by code (a regular expression per character is costly). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
}

/**
 * Whitespace runs collapsed to one space and trimmed at both ends, spans moved accordingly (spans
 * must lie in `text`). One pass over the characters; the text is copied by slices.
 */
function collapse(text: string, spans: readonly Span[]): Highlighted {
  const n = text.length
  // map[i]: where text offset i lands in the output (inside a space run: where its one space goes).
  const map = new Int32Array(n + 1)
  let out = ''
  let segStart = 0
  let inSpace = true
  let spacePending = false
  for (let i = 0; i < n; i++) {
    if (isSpace(text.charCodeAt(i))) {
      if (!inSpace) {
        out += text.slice(segStart, i)
        inSpace = true
        spacePending = true
      }
      map[i] = out.length
    } else {
      if (inSpace) {
        if (spacePending && out.length > 0) out += ' '
        spacePending = false
        inSpace = false
        segStart = i
      }
      map[i] = out.length + (i - segStart)
    }
  }
  if (!inSpace) out += text.slice(segStart, n)
  map[n] = out.length
  const marks = spans.map(([s, e]): [number, number] => [map[s]!, Math.min(map[e]!, out.length)]).filter(([s, e]) => e > s)
  return { text: out, marks }
}

export function highlight(text: string, spans: readonly Span[]): Highlighted {
  return collapse(text, spans)
}

function hasText(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return true
  return false
}

/**
 * The best window of about `width` characters: most matches (spans are sorted), then earliest.
 * `cuts` (sorted [start, end) in `text`: footnote calls and back-links) are left out first, so a
 * snippet never shows « Solidaires2. » or « ↩ ».
 */
export function cutSnippet(raw: string, rawSpans: readonly Span[], width = 220, cuts: readonly Cut[] = []): Snippet {
  const stripped = stripCuts(raw, cuts)
  const text = stripped.text
  const spans = cuts.length === 0 ? rawSpans : rawSpans.map(([s, e]): Span => [stripped.at(s), stripped.at(e)]).filter(([s, e]) => e > s)
  let start = 0
  let best = -1
  for (let i = 0, j = 0; i < spans.length; i++) {
    const from = Math.max(0, spans[i]![0] - 40)
    // Spans from i on that end inside [from, from + width]; spans before i start before `from`
    // only when they overlap the 40-character lead, which we do not count.
    if (j < i) j = i
    while (j < spans.length && spans[j]![1] <= from + width) j++
    if (j - i > best) {
      best = j - i
      start = from
    }
  }
  while (start < text.length && isSpace(text.charCodeAt(start))) start++
  let end = Math.min(text.length, start + width)
  // Word boundaries: do not start or end inside a word, unless the word is longer than the window.
  if (start > 0 && !isSpace(text.charCodeAt(start - 1))) {
    let k = start
    while (k < Math.min(text.length, start + 40) && !isSpace(text.charCodeAt(k))) k++
    if (k < start + 40 && !spans.some(([a]) => a >= start && a < k)) start = k + 1
  }
  if (end < text.length) {
    const cut = text.lastIndexOf(' ', end)
    if (cut > start + width / 2 && !spans.some(([a, b]) => a < cut && b > cut)) end = cut
  }
  const inside = spans.filter(([a, b]) => a >= start && b <= end).map(([a, b]): Span => [a - start, b - start])
  const h = collapse(text.slice(start, end), inside)
  return { ...h, truncatedStart: hasText(text, 0, start), truncatedEnd: hasText(text, end, text.length) }
}
