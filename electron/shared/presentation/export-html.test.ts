import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { buildExportHtml } from './export-html'
import type { Slide } from './deck'

const sha = (t: string): string => createHash('sha256').update(t, 'utf8').digest('base64')

const source = { docId: 'cas-x', docTitle: 'Cas <X>', kind: 'cas' as const, order: null, authors: ['Équipe'], licence: 'CC-BY-SA-4.0', sectionTitle: 'Qui' }
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
