import { Lexer } from 'marked'
import type { Token } from 'marked'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { escapeInline, escapePiece, plainParagraphs, prefixLines, yamlString } from './escape'
import { HOSTILE_QUOTES } from './testing/fixture'

const decodeEntities = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')

/** The text a reader sees: text and escape tokens, recursively (autolinks show their URL). */
function visibleText(tokens: readonly Token[]): string {
  return tokens
    .map((t) => {
      if (t.type === 'escape') return t.text
      if (t.type === 'text') return 'tokens' in t && t.tokens ? visibleText(t.tokens) : decodeEntities(t.text)
      if ('tokens' in t && t.tokens) return visibleText(t.tokens)
      return `«${t.type}»`
    })
    .join('')
}

describe('escapeInline', () => {
  it.each([...HOSTILE_QUOTES, '1) deux', '- tiret', '+ plus', '2026. année', 'www.april.org et https://framasoft.org/?a=1&b=2'])(
    'renders %j as one paragraph of exactly that text',
    (text) => {
      const tokens = Lexer.lex(escapeInline(text), { gfm: true })
      expect(tokens.map((t) => t.type)).toEqual(['paragraph'])
      const inline = (tokens[0] as { tokens: Token[] }).tokens
      expect(inline.every((t) => ['text', 'escape', 'link'].includes(t.type))).toBe(true)
      expect(visibleText(inline)).toBe(text.replace(/\s+/g, ' ').trim())
    },
  )

  it.each(['https://x.org/[a](javascript:alert(1))', 'https://x.org/%%caché ==x== ~~y~~', 'www.x.org/*a*/_b_ <script>', 'https://x.org/`code`'])(
    'keeps %j from opening anything inside a bare URL',
    (text) => {
      const md = escapeInline(text)
      const walk = (tokens: readonly Token[]): string[] =>
        tokens.flatMap((t) => [t.type === 'link' ? `link:${t.href}` : t.type, ...('tokens' in t && t.tokens ? walk(t.tokens) : [])])
      const types = walk(Lexer.lex(md, { gfm: true }))
      expect(types.filter((t) => !['paragraph', 'text', 'escape'].includes(t) && !/^link:(https?:\/\/|http:\/\/www\.)/.test(t))).toEqual([])
      expect(md).not.toMatch(/%%|==|~~|(?<!\\)[<`[]/)
    },
  )

  it('leaves the usual characters of a bare URL alone, so the link works', () => {
    const url = 'https://fr.wikipedia.org/wiki/Économie_sociale_et_solidaire?a=1&b=%C3%A9#frag'
    expect(escapeInline(`voir ${url} ici`)).toBe(`voir ${url} ici`)
  })

  it('escapes line-start markers only at the start of a line when asked', () => {
    expect(escapeInline('- a', true)).toBe('\\- a')
    expect(escapeInline('- a', false)).toBe('- a')
    expect(escapeInline('12. a')).toBe('12\\. a')
    expect(escapeInline('1234567890. a')).toBe('1234567890. a') // 10 digits cannot start a list
  })

  it('collapses whitespace, so no line can start an indented code block', () => {
    expect(escapeInline('    code\tet\u00a0espaces  ')).toBe('code et espaces')
  })
})

describe('escapePiece', () => {
  it('keeps one space where a piece had some, except at the start of a line', () => {
    expect(escapePiece('  a b  ', false)).toBe(' a b ')
    expect(escapePiece('  - a', true)).toBe('\\- a')
    expect(escapePiece('   ', false)).toBe(' ')
  })
})

describe('plainParagraphs', () => {
  it('makes one paragraph per non-blank line, whatever the line break', () => {
    expect(plainParagraphs('un\r\ndeux\rtrois\u2028quatre\n\n\ncinq')).toEqual(['un', '', 'deux', '', 'trois', '', 'quatre', '', 'cinq'])
    expect(plainParagraphs(' \n\t ')).toEqual([])
  })

  it('inside a `> ` container gives exactly one blockquote of paragraphs', () => {
    const md = prefixLines(plainParagraphs(HOSTILE_QUOTES.join('\n')), '> ').join('\n')
    const tokens = Lexer.lex(md, { gfm: true })
    expect(tokens.map((t) => t.type)).toEqual(['blockquote'])
    const inner = (tokens[0] as { tokens: Token[] }).tokens.filter((t) => t.type !== 'space')
    expect(inner.map((t) => t.type)).toEqual(HOSTILE_QUOTES.map(() => 'paragraph'))
  })
})

describe('yamlString', () => {
  it.each(['simple', 'deux points: et # dièse', '"---\n<script>', '\u0085\u2028\u2029\ufeff\u007f', 'lone \ud800 surrogate', '😀 émoji', '\\ barre'])(
    'reads back as %j in a YAML parser',
    (s) => {
      expect(parseYaml(`key: ${yamlString(s)}\n`)).toEqual({ key: s })
      expect(yamlString(s)).not.toMatch(/[\n\r\u0085\u2028\u2029]/)
    },
  )
})
