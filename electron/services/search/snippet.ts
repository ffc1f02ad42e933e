/**
 * Match spans of a query in one section (from lunr's stored positions, so stemmed and accent-folded
 * matches are marked exactly: « coopératives » for `coopérative`, « Économie » for `economie`), and
 * the snippet: the window of the section text with the most matches, cut at word boundaries.
 */
import type { FrenchIndex } from './french-index'
import type { CompiledQuery } from './compile'
import type { IndexField } from './index-format'
import { phraseSpansIn } from './evaluate'
import type { Highlighted, Snippet } from '../../shared/search/types'

export type Span = readonly [number, number]

/** Sorted, non-overlapping spans of every positive match in one field of one section. */
export function matchSpans(index: FrenchIndex, q: CompiledQuery, record: number, field: IndexField): Span[] {
  const key = String(record)
  const spans: [number, number][] = []
  for (const req of q.positive) {
    if (req.phrase) {
      spans.push(...phraseSpansIn(index, req, record, field))
      continue
    }
    for (const atom of req.atoms) {
      if (!atom.fields.includes(field)) continue
      for (const alt of atom.alternatives) {
        for (const [s, l] of alt.posting[field]?.[key]?.position ?? []) spans.push([s, s + l])
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

/** Whitespace runs collapsed to one space, spans moved accordingly (spans must lie in `text`). */
function collapse(text: string, spans: readonly Span[]): Highlighted {
  const map = new Int32Array(text.length + 1)
  let out = ''
  for (let i = 0; i < text.length; i++) {
    map[i] = out.length
    const c = text[i]!
    if (/\s/u.test(c)) {
      if (out.length > 0 && !out.endsWith(' ')) out += ' '
    } else {
      out += c
    }
  }
  map[text.length] = out.length
  const trimmed = out.trimEnd()
  const marks = spans.map(([s, e]): [number, number] => [map[s]!, Math.min(map[e]!, trimmed.length)]).filter(([s, e]) => e > s)
  return { text: trimmed, marks }
}

export function highlight(text: string, spans: readonly Span[]): Highlighted {
  return collapse(text, spans)
}

/** The best window of about `width` characters: most matches, then earliest. */
export function cutSnippet(text: string, spans: readonly Span[], width = 220): Snippet {
  let start = 0
  if (spans.length > 0) {
    let bestCount = -1
    for (const [s] of spans) {
      const from = Math.max(0, s - 40)
      const count = spans.filter(([a, b]) => a >= from && b <= from + width).length
      if (count > bestCount) {
        bestCount = count
        start = from
      }
    }
  }
  while (start < text.length && /\s/u.test(text[start]!)) start++
  let end = Math.min(text.length, start + width)
  // Word boundaries: do not start or end inside a word, unless the word is longer than the window.
  if (start > 0 && /\S/u.test(text[start - 1]!)) {
    const space = text.slice(start, start + 40).search(/\s/u)
    if (space >= 0 && !spans.some(([a]) => a >= start && a < start + space)) start += space + 1
  }
  if (end < text.length) {
    const cut = text.lastIndexOf(' ', end)
    if (cut > start + width / 2 && !spans.some(([a, b]) => a < cut && b > cut)) end = cut
  }
  const inside = spans.filter(([a, b]) => a >= start && b <= end).map(([a, b]): Span => [a - start, b - start])
  const h = collapse(text.slice(start, end), inside)
  return { ...h, truncatedStart: start > 0 && text.slice(0, start).trim() !== '', truncatedEnd: end < text.length && text.slice(end).trim() !== '' }
}
