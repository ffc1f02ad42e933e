import fc from 'fast-check'
import { Lexer, marked } from 'marked'
import type { Token } from 'marked'
import { describe, expect, it } from 'vitest'
import { prefixLines } from './escape'
import { neutralizeNote, tokensAreSafe } from './note'
import { HOSTILE_NOTES } from './testing/fixture'
import { hostileString } from './testing/arbitraries'
import { UNEXPECTED_TAG, childTokens, tokenTypes, unsafeHrefs } from './testing/inspect'

const lex = (md: string): Token[] => Lexer.lex(md, { gfm: true })

const types = tokenTypes

/** The depth of every heading token, at any depth of nesting. */
function headingDepths(tokens: readonly Token[]): number[] {
  return tokens.flatMap((t) => [...(t.type === 'heading' ? [t.depth as number] : []), ...headingDepths(childTokens(t))])
}

/** The note inside its container, followed by a paragraph that must survive untouched. */
function embed(note: string): Token[] {
  return lex(`${prefixLines(['*Note*', '', ...neutralizeNote(note).lines], '> ').join('\n')}\n\nAPRÈS\n`)
}

describe('neutralizeNote', () => {
  it('keeps ordinary Markdown as written', () => {
    const r = neutralizeNote(HOSTILE_NOTES.markdown)
    expect(r.mode).toBe('markdown')
    expect(r.lines.join('\n')).toBe(HOSTILE_NOTES.markdown)
    expect(types(lex(r.lines.join('\n')))).toEqual(expect.arrayContaining(['strong', 'link', 'list', 'code']))
  })

  it.each(Object.entries(HOSTILE_NOTES))('%s: stays inside its container and holds nothing unsafe', (_name, note) => {
    const tokens = embed(note)
    expect(tokens.map((t) => t.type)).toEqual(['blockquote', 'space', 'paragraph'])
    expect((tokens[2] as { text: string }).text).toBe('APRÈS')
    expect(tokensAreSafe((tokens[0] as { tokens: Token[] }).tokens)).toBe(true)
    const all = types(tokens)
    for (const forbidden of ['html', 'def']) expect(all).not.toContain(forbidden)
    // A heading may stay a heading inside the note, three levels down: never one of the export's own levels.
    expect(headingDepths(tokens).every((d) => d >= 4)).toBe(true)
    const html = marked.parse(prefixLines(neutralizeNote(note).lines, '> ').join('\n'), { async: false, gfm: true })
    expect(html).not.toMatch(UNEXPECTED_TAG)
    expect(unsafeHrefs(html)).toEqual([])
  })

  it('demotes headings by three levels, escapes setext underlines and definitions, keeps the text', () => {
    expect(neutralizeNote(HOSTILE_NOTES.headings).lines).toEqual([
      '#### Titre dans une note', 'Texte', '\\===', '', 'Autre', '\\---', '- liste', '  ##### titre dans une liste', '> citée', '> ###### titre cité',
    ])
    expect(neutralizeNote('# Date clé\n\n1983, la loi.').lines).toEqual(['#### Date clé', '', '1983, la loi.'])
    expect(neutralizeNote(HOSTILE_NOTES.definitions).lines).toEqual(['\\[x]: javascript:alert(1)', '[clic][x]', '', '\\[\\^1]: note volée', '', 'texte[\\^1]'])
  })

  it('keeps a thematic break after a blank line (it cannot be a setext underline there)', () => {
    expect(neutralizeNote('avant\n\n---\n\naprès').lines).toEqual(['avant', '', '---', '', 'après'])
  })

  it('refuses link destinations other than http(s), mailto and passerelles, however written', () => {
    const out = neutralizeNote(HOSTILE_NOTES.schemes).lines.join('\n')
    const links = types(lex(out)).filter((t) => t === 'link')
    expect(links).toHaveLength(2) // [e] keeps a harmless relative href (&#106;… stays literal), [ok] is https
    const hrefs: string[] = []
    const walk = (tokens: readonly Token[]): void =>
      tokens.forEach((t) => {
        if (t.type === 'link') hrefs.push(t.href)
        if ('tokens' in t && Array.isArray(t.tokens)) walk(t.tokens)
      })
    walk(lex(out))
    expect(hrefs).toEqual(['&#106;avascript:alert(1)', 'https://framasoft.org'])
  })

  it('neutralises Obsidian comments, math and block ids', () => {
    const out = neutralizeNote(HOSTILE_NOTES.obsidian).lines.join('\n')
    expect(out).not.toMatch(/(?<!\\)%%|(?<!\\)\$\$| \^anno/)
    expect(out).toContain('![[intégration]]')
  })

  it('does not let a bare URL swallow the escape of a following `<`', () => {
    for (const note of ['https://a.b<img src=x onerror=alert(1)>', 'https://a.b\\<img src=x onerror=alert(1)>']) {
      expect(types(embed(note))).not.toContain('html')
    }
  })

  it('trusts a fence opened at column 0 (CommonMark keeps everything up to its close as code)', () => {
    const note = '```html\n<b onclick="x()">gras</b>\n# pas un titre\n```\naprès <b>'
    const r = neutralizeNote(note)
    expect(r).toEqual({ mode: 'markdown', lines: ['```html', '<b onclick="x()">gras</b>', '# pas un titre', '```', 'après &lt;b>'] })
    expect(types(embed(note))).not.toContain('html')
  })

  it('checks a fence inside a container, where a line can end the container and the fence', () => {
    const note = '- a\n  ```\n<b onclick="x()">\n  ```'
    expect(types(embed(note))).not.toContain('html')
    expect(neutralizeNote(note).mode).toBe('literal')
  })

  it('keeps code verbatim, `<` included', () => {
    expect(neutralizeNote('`a < b` et <b>').lines).toEqual(['`a < b` et &lt;b>'])
  })

  it('falls back to literal text when code boundaries are ambiguous and the check fails', () => {
    const r = neutralizeNote(HOSTILE_NOTES.codeDisagreement)
    expect(r.mode).toBe('literal')
    expect(types(lex(r.lines.join('\n')))).not.toContain('html')
  })

  it('splits on every kind of line break for display', () => {
    expect(neutralizeNote(HOSTILE_NOTES.crlf).lines).toEqual(['ligne un', 'ligne deux', 'ligne trois', 'ligne quatre'])
  })

  it('never lets a hostile note out of its container (property)', () => {
    fc.assert(
      fc.property(hostileString(0, 400), (note) => {
        const tokens = embed(note)
        expect(tokens.map((t) => t.type)).toEqual(['blockquote', 'space', 'paragraph'])
        expect(tokensAreSafe((tokens[0] as { tokens: Token[] }).tokens)).toBe(true)
        expect(marked.parse(prefixLines(neutralizeNote(note).lines, '> ').join('\n'), { async: false, gfm: true })).not.toMatch(UNEXPECTED_TAG)
      }),
      { numRuns: 2000 },
    )
  })
})
