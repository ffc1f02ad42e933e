import { describe, expect, it } from 'vitest'
import { clipTokens, fullText, renderTokens, textSpan, visibleText } from './tokens'
import type { Token } from './tokens'

const open = (tag: string, attrs: [string, string][] = []): Token => ({ k: 'open', tag, attrs })
const close = (tag: string): Token => ({ k: 'close', tag })
const text = (t: string, at: number): Token => ({ k: 'text', text: t, at })

// <p>Un <strong>mot fort</strong> ici<sup>1</sup>.</p>\n  — text offsets from 100
const paragraph: Token[] = [
  open('p'), text('Un ', 100), open('strong'), text('mot fort', 103), close('strong'), text(' ici', 111),
  { k: 'marker', text: '1', at: 115 }, text('.', 116), close('p'), text('\n', 117),
]

// <ul>\n<li>A</li>\n<li>B</li>\n</ul>\n — from 10
const list: Token[] = [
  open('ul'), text('\n', 10), open('li'), text('A', 11), close('li'), text('\n', 12),
  open('li'), text('B', 13), close('li'), text('\n', 14), close('ul'), text('\n', 15),
]

describe('tokens', () => {
  it('text with and without footnote markers, and the span covered', () => {
    expect(fullText(paragraph)).toBe('Un mot fort ici1.\n')
    expect(visibleText(paragraph)).toBe('Un mot fort ici.\n')
    expect(textSpan(paragraph)).toEqual({ start: 100, end: 118 })
    expect(renderTokens(paragraph)).toBe('<p>Un <strong>mot fort</strong> ici.</p>\n')
  })

  it('clipping inside an element re-opens and closes it', () => {
    const a = clipTokens(paragraph, 100, 107)
    const b = clipTokens(paragraph, 107, 118)
    expect(renderTokens(a)).toBe('<p>Un <strong>mot </strong></p>')
    expect(renderTokens(b)).toBe('<p><strong>fort</strong> ici.</p>\n')
    expect(fullText(a) + fullText(b)).toBe(fullText(paragraph))
  })

  it('clipping at list items keeps whole items, the whitespace after an item with it', () => {
    const first = clipTokens(list, 10, 13)
    const second = clipTokens(list, 13, 16)
    expect(renderTokens(first)).toBe('<ul>\n<li>A</li>\n</ul>')
    expect(renderTokens(second)).toBe('<ul><li>B</li>\n</ul>\n')
    expect(fullText(first) + fullText(second)).toBe(fullText(list))
  })

  it('a void element goes with the range that starts at its position', () => {
    const img: Token[] = [open('p'), { k: 'void', tag: 'img', attrs: [['src', '/content/a.png'], ['alt', 'Un "schéma"']] }, close('p'), text('\n', 50)]
    expect(renderTokens(clipTokens(img, 50, 51))).toBe('<p><img src="/content/a.png" alt="Un &#34;schéma&#34;"></p>\n')
    expect(clipTokens(img, 40, 50)).toEqual([])
  })

  it('text is escaped, highlights become marks of their colour, the most specific one wins', () => {
    const t: Token[] = [open('p'), text('a <b> & c', 0), close('p')]
    expect(renderTokens(t)).toBe('<p>a &#60;b&#62; &#38; c</p>')
    const marked = renderTokens(t, [
      { start: 0, end: 9, color: 'yellow' },
      { start: 2, end: 5, color: 'blue' },
    ])
    expect(marked).toBe(
      '<p><mark class="hl" data-color="yellow">a </mark><mark class="hl" data-color="blue">&#60;b&#62;</mark><mark class="hl" data-color="yellow"> &#38; c</mark></p>',
    )
  })

  it('a highlight across elements is cut at their boundaries and stays well-formed', () => {
    const html = renderTokens(paragraph, [{ start: 101, end: 106, color: 'green' }])
    expect(html).toBe('<p>U<mark class="hl" data-color="green">n </mark><strong><mark class="hl" data-color="green">mot</mark> fort</strong> ici.</p>\n')
  })
})
