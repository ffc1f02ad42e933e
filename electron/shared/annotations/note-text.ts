/**
 * A note's words without its Markdown (« **Voir** [la charte](https://…) » → « Voir la charte »):
 * what search indexes and shows in snippets, so marks fall on words and no `**` or URL shows up.
 * Code keeps its text, raw HTML loses its tags, images give their alt text; paragraphs, headings,
 * list items and table cells are separated by one space.
 */
import { Lexer } from 'marked'
import type { Token, Tokens } from 'marked'

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: '’', nbsp: '\u00a0' }

function decode(text: string): string {
  return text.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]+);/giu, (all, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all
    }
    return ENTITIES[name.toLowerCase()] ?? all
  })
}

function inline(tokens: readonly Token[], out: string[]): void {
  for (const t of tokens) {
    if (t.type === 'image') out.push((t as Tokens.Image).text)
    else if (t.type === 'html') out.push(decode((t as Tokens.HTML).text.replace(/<[^>]*>?/g, '')))
    else if (t.type === 'br') out.push(' ')
    else if ('tokens' in t && Array.isArray(t.tokens) && t.tokens.length > 0) inline(t.tokens as Token[], out)
    else if (t.type === 'codespan' || t.type === 'escape') out.push((t as Tokens.Codespan).text)
    else if ('text' in t && typeof t.text === 'string') out.push(decode(t.text))
  }
}

function blocks(tokens: readonly Token[], out: string[]): void {
  for (const t of tokens) {
    switch (t.type) {
      case 'list':
        for (const item of (t as Tokens.List).items) blocks(item.tokens, out)
        break
      case 'blockquote':
        blocks((t as Tokens.Blockquote).tokens, out)
        break
      case 'table': {
        const table = t as Tokens.Table
        for (const cell of [...table.header, ...table.rows.flat()]) {
          inline(cell.tokens, out)
          out.push(' ')
        }
        break
      }
      case 'code':
        out.push((t as Tokens.Code).text)
        break
      case 'html':
        out.push(decode((t as Tokens.HTML).text.replace(/<[^>]*>?/g, ' ')))
        break
      default:
        if ('tokens' in t && Array.isArray(t.tokens)) inline(t.tokens as Token[], out)
        else if ('text' in t && typeof t.text === 'string') out.push(decode(t.text))
    }
    out.push(' ')
  }
}

export function noteText(markdown: string): string {
  if (markdown.trim() === '') return ''
  const out: string[] = []
  blocks(Lexer.lex(markdown, { gfm: true }), out)
  return out.join('').replace(/\s+/gu, ' ').trim()
}
