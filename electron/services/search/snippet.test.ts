import { describe, expect, it } from 'vitest'
import { cutSnippet, highlight, mergeSpans } from './snippet'
import type { Span } from './snippet'

const marked = (h: { text: string; marks: readonly (readonly [number, number])[] }): string[] => h.marks.map(([s, e]) => h.text.slice(s, e))

describe('snippets and highlights', () => {
  it.each<[string, Span[], string, string[]]>([
    ['  Une   coopérative\n\net  la mutuelle ', [[8, 19], [28, 36]], 'Une coopérative et la mutuelle', ['coopérative', 'mutuelle']],
    ['Économie\u00a0sociale', [[0, 8], [9, 16]], 'Économie sociale', ['Économie', 'sociale']],
    ['sans espace', [], 'sans espace', []],
    ['\n\n', [], '', []],
  ])('highlight(%j) collapses white space and moves the marks', (text, spans, out, words) => {
    const h = highlight(text, spans)
    expect(h.text).toBe(out)
    expect(marked(h)).toEqual(words)
  })

  it('merges overlapping spans', () => {
    expect(mergeSpans([[10, 20], [0, 5], [15, 25], [30, 31]])).toEqual([[0, 5], [10, 25], [30, 31]])
  })

  it('picks the window with the most matches and says what was cut', () => {
    const text = `${'alpha '.repeat(50)}cible un cible deux cible ${'beta '.repeat(20)}cible ${'gamma '.repeat(50)}`
    const spans: Span[] = [...text.matchAll(/cible/g)].map((m) => [m.index, m.index + 5])
    const s = cutSnippet(text, spans, 120)
    expect(marked(s)).toEqual(['cible', 'cible', 'cible', 'cible'].slice(0, marked(s).length))
    expect(marked(s).length).toBeGreaterThanOrEqual(3)
    expect(s.truncatedStart).toBe(true)
    expect(s.truncatedEnd).toBe(true)
    expect(s.text.startsWith('alpha')).toBe(true)
    expect(s.text.length).toBeLessThanOrEqual(120)
  })

  it('starts at the beginning when nothing matches in the text', () => {
    const s = cutSnippet('  Un début.\nUne suite.', [])
    expect(s).toEqual({ text: 'Un début. Une suite.', marks: [], truncatedStart: false, truncatedEnd: false })
  })
})
