/**
 * Shown text without the footnote apparatus (ApparatusRange: calls « ¹ », back-links « ↩ », the
 * notes section). Stored quotes keep every character — they are what annotations are anchored to —
 * so what is shown or exported (export quotes, search snippets, the section handout) is cleaned
 * here, from the ranges the rendered document carries, never by guessing at digits.
 *
 * A cut never glues two words: when the characters on both sides of a removed range are letters or
 * digits (« mot¹autre »), one space takes its place; otherwise nothing does (« plateformes¹. »
 * becomes « plateformes. »).
 */
import type { ApparatusRange } from '../content/document'

export type Cut = readonly [start: number, end: number]

/** Calls and back-links: what is left out of prose everywhere it is shown. */
export const INLINE_APPARATUS: ReadonlySet<ApparatusRange['kind']> = new Set(['call', 'backref'])

/**
 * The apparatus ranges of the given kinds that overlap `[from, to)` of the document's text, clipped
 * to it and made relative to `from`, in order and merged.
 */
export function cutsIn(ranges: readonly ApparatusRange[], from: number, to: number, kinds: ReadonlySet<ApparatusRange['kind']> = INLINE_APPARATUS): Cut[] {
  const out: [number, number][] = []
  for (const r of ranges) {
    if (!kinds.has(r.kind) || r.end <= from || r.start >= to) continue
    const s = Math.max(r.start, from) - from
    const e = Math.min(r.end, to) - from
    const last = out[out.length - 1]
    if (last && s <= last[1]) last[1] = Math.max(last[1], e)
    else out.push([s, e])
  }
  return out.sort((a, b) => a[0] - b[0])
}

const WORD = /[\p{L}\p{N}]/u

export interface Stripped {
  readonly text: string
  /** Where an offset of the original text lands in `text` (an offset inside a cut: where the cut was). */
  readonly at: (offset: number) => number
}

/** `text` without the cuts (sorted, non-overlapping, relative to `text`), with the offset map. */
export function stripCuts(text: string, cuts: readonly Cut[]): Stripped {
  if (cuts.length === 0) return { text, at: (o) => o }
  let out = ''
  // Piece i is the kept text after cut i-1: it starts at keepStart[i] in `text`, outStart[i] in out.
  const keepStart = [0]
  const outStart = [0]
  const cutAt: number[] = []
  for (const [s, e] of cuts) {
    out += text.slice(keepStart[keepStart.length - 1], s)
    cutAt.push(out.length)
    const before = out[out.length - 1]
    const after = text[e]
    if (before !== undefined && after !== undefined && WORD.test(before) && WORD.test(after)) out += ' '
    keepStart.push(e)
    outStart.push(out.length)
  }
  out += text.slice(keepStart[keepStart.length - 1])
  const at = (offset: number): number => {
    let i = 0
    while (i < cuts.length && cuts[i]![0] <= offset) i++
    if (i > 0 && offset < cuts[i - 1]![1]) return cutAt[i - 1]!
    return outStart[i]! + (offset - keepStart[i]!)
  }
  return { text: out, at }
}

/** The document's text from `from` to `to` as shown: calls and back-links left out. */
export function shownText(text: string, ranges: readonly ApparatusRange[], from = 0, to = text.length, kinds: ReadonlySet<ApparatusRange['kind']> = INLINE_APPARATUS): string {
  return stripCuts(text.slice(from, to), cutsIn(ranges, from, to, kinds)).text
}
