import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { buildExportHtml, FRENCH_CONTROL_LABELS } from './export-html'
import type { Slide } from './deck'

const sha = (t: string): string => createHash('sha256').update(t, 'utf8').digest('base64')

const source = { docId: 'cas-x', docTitle: 'Cas <X>', kind: 'cas' as const, order: null, authors: ['Équipe'], licence: 'CC-BY-SA-4.0', sectionTitle: 'Qui', sectionId: 'qui' }
const slides: Slide[] = [
  { kind: 'title', source, headingHtml: 'Qui', bodyHtml: '', text: 'Qui', continues: '', deckTitle: '', agenda: [], span: { start: 0, end: 3 } },
  { kind: 'text', source, headingHtml: '', bodyHtml: '<p>Un <strong>texte</strong>.</p>', text: 'Un texte.', continues: 'Qui', deckTitle: '', agenda: [], span: { start: 3, end: 12 } },
  { kind: 'image', source, headingHtml: '', bodyHtml: '<p><img src="data:image/png;base64,AAAA" alt="schéma"></p>', text: '', continues: 'Qui', deckTitle: '', agenda: [], span: null },
]

describe('exported HTML deck', () => {
  const html = buildExportHtml({ title: 'Atelier "A" <b>', slides }, { sha256Base64: sha, generatedAt: '2026-11-28T10:00:00.000Z' })

  it('carries a strict CSP whose hashes are exactly its inline style and script', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!.replace(/&#39;/g, "'")
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain(`style-src 'sha256-${sha(style)}'`)
    expect(csp).toContain(`script-src 'sha256-${sha(script)}'`)
    expect(csp).toContain('img-src data:')
    expect(csp).not.toMatch(/unsafe|https?:|\*/)
    // The CSP meta comes before anything it governs.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'))
  })

  it('references nothing outside itself', () => {
    const urls = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]!)
    expect(urls.every((u) => u.startsWith('data:'))).toBe(true)
    expect(html).not.toMatch(/@import|url\(|<link|<iframe/)
    expect(html).toContain('font-src &#39;none&#39;')
  })

  it('embeds the fonts it is given as data: URLs in the hashed stylesheet, and allows only data: fonts', () => {
    const woff2 = Buffer.from('wOF2 not really a font').toString('base64')
    const withFonts = buildExportHtml({ title: 'A', slides }, {
      sha256Base64: sha, generatedAt: '2026-11-28T10:00:00.000Z',
      fonts: [{ family: 'Inter Variable', weight: '100 900', style: 'normal', woff2Base64: woff2 }],
    })
    const style = /<style>([\s\S]*?)<\/style>/.exec(withFonts)![1]!
    expect(style).toContain(`@font-face { font-family: 'Inter Variable'; font-style: normal; font-weight: 100 900; font-display: block; src: url(data:font/woff2;base64,${woff2}) format('woff2'); }`)
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(withFonts)![1]!.replace(/&#39;/g, "'")
    expect(csp).toContain('font-src data:')
    expect(csp).toContain(`style-src 'sha256-${sha(style)}'`)
    expect([...withFonts.matchAll(/url\(([^)]*)\)/g)].every((m) => m[1]!.startsWith('data:'))).toBe(true)
  })

  it('has on-screen controls and a help listing the keys, in French', () => {
    expect(html).toMatch(/<nav class="controls" aria-label="Commandes de la présentation">/)
    expect(html).toContain('<button type="button" class="prev" aria-label="Diapositive précédente"')
    expect(html).toContain('<button type="button" class="next" aria-label="Diapositive suivante"')
    expect(html).toContain('<span class="pos" aria-hidden="true">1 / 3</span>')
    expect(html).toMatch(/<section class="help" id="deck-help" role="dialog"[^>]*hidden>/)
    for (const [keys, what] of FRENCH_CONTROL_LABELS.keys) expect(html).toContain(`<dt>${keys}</dt><dd>${what}</dd>`)
  })

  it('has every slide in order, the first one shown, titles escaped', () => {
    const frames = [...html.matchAll(/<div class="slide-frame"[^>]*aria-label="([^"]+)"([^>]*)>/g)]
    expect(frames.map((f) => f[1])).toEqual(['Diapositive 1 sur 3', 'Diapositive 2 sur 3', 'Diapositive 3 sur 3'])
    expect(frames.map((f) => f[2]!.includes('hidden'))).toEqual([false, true, true])
    expect(html).toContain('<title>Atelier &#34;A&#34; &#60;b&#62;</title>')
    expect(html).toContain('Cas &#60;X&#62;')
    expect(html).toContain('<p>Un <strong>texte</strong>.</p>')
    expect(html).toContain('<h1 class="slide-title">Qui</h1>')
    expect(html).toContain('<p class="slide-continues">Qui</p>')
  })
})
