/**
 * Test helpers that read an export back with marked's lexer and say what structure a reader gets:
 * headings, quotes (as the text they show), notes, meta lines, data comments — and anything that
 * should not be there (a token type the exporter never writes at that place, HTML, a link to a
 * scheme we do not allow).
 */
import { Lexer, marked } from 'marked'
import type { Token } from 'marked'
import { splitFrontMatter } from '../../markdown/front-matter-split'
import { DATA_BLOCK_OPEN, decodeDataBlock, decodeDataComment } from '../data-comment'
import { tokensAreSafe } from '../note'

const decodeEntities = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')

export function childTokens(t: Token): Token[] {
  const kids: Token[] = []
  if ('tokens' in t && Array.isArray(t.tokens)) kids.push(...(t.tokens as Token[]))
  if (t.type === 'list') kids.push(...(t.items as Token[]))
  if (t.type === 'table') {
    for (const cell of t.header as Array<{ tokens: Token[] }>) kids.push(...cell.tokens)
    for (const row of t.rows as Array<Array<{ tokens: Token[] }>>) for (const cell of row) kids.push(...cell.tokens)
  }
  return kids
}

/** Every token type, depth first. */
export function tokenTypes(tokens: readonly Token[]): string[] {
  return tokens.flatMap((t) => [t.type, ...tokenTypes(childTokens(t))])
}

/** The text a reader sees (entities decoded, escapes resolved; autolinks show their URL). */
export function visibleText(tokens: readonly Token[]): string {
  return tokens
    .map((t) => {
      if (t.type === 'escape') return t.text as string
      if (t.type === 'text') return 'tokens' in t && t.tokens ? visibleText(t.tokens as Token[]) : decodeEntities(t.text as string)
      if (t.type === 'codespan') return decodeEntities(t.text as string)
      if (t.type === 'br') return '\n'
      const kids = childTokens(t)
      return kids.length ? visibleText(kids) : ''
    })
    .join('')
}

/**
 * Any tag marked does not produce from Markdown alone (HTML that came from user text), or any tag
 * with an event-handler attribute. (`img` is Markdown image syntax; its src is checked by
 * `unsafeHrefs`.)
 */
export const UNEXPECTED_TAG = /<(?!\/?(?:blockquote|p|em|strong|ul|ol|li|code|pre|a|img|table|thead|tbody|tr|th|td|del|br|hr|input|h[1-6]|section|sup)\b)[a-z!?/]|<[a-z][a-z0-9]*(?:\s+[a-z-]+(?:=(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*\s+on[a-z]+\s*=/i

/** hrefs/srcs in rendered HTML whose scheme, as a browser reads it, is not one we allow. */
export function unsafeHrefs(html: string): string[] {
  return [...html.matchAll(/(?:href|src)="([^"]*)"/g)]
    .map((m) => decodeEntities(m[1]!))
    .filter((href) => /^\s*[a-z][a-z0-9+.-]*:/i.test(href) && !/^(https?|mailto|passerelles):/i.test(href.trim()))
}

export interface ExportStructure {
  readonly headings: Array<{ readonly depth: number; readonly text: string }>
  /** The text each quote shows, paragraphs joined with \n. */
  readonly quotes: string[]
  /** Callout header of each quote (`[!question] À vérifier`), '' without callouts. */
  readonly quoteHeads: string[]
  notes: number
  readonly metaLines: string[]
  readonly linkLines: string[]
  /** Ids of the annotations carried as data (the v3 block, or v2 comments), in order. */
  readonly dataComments: string[]
  /** The Obsidian block ids standing on their own line (`^anno-…`), in order. */
  readonly blockIds: string[]
  /** Everything unexpected; empty for a well-formed export. */
  readonly problems: string[]
}

const isCalloutHead = (text: string): boolean => /^\[![a-z0-9-]+\]/.test(text)

export function inspectExport(markdown: string): ExportStructure {
  const s: ExportStructure = { headings: [], quotes: [], quoteHeads: [], notes: 0, metaLines: [], linkLines: [], dataComments: [], blockIds: [], problems: [] }
  const body = splitFrontMatter(markdown).body
  for (const t of Lexer.lex(body, { gfm: true })) {
    switch (t.type) {
      case 'space':
        break
      case 'heading':
        if (t.depth !== 1 && t.depth !== 2) s.problems.push(`heading of depth ${t.depth}`)
        s.headings.push({ depth: t.depth, text: visibleText(childTokens(t)) })
        break
      case 'blockquote': {
        const kids = (t.tokens as Token[]).filter((k) => k.type !== 'space')
        const first = kids[0] ? visibleText([kids[0]]) : ''
        if (first === 'Note' || first.startsWith('[!info]')) {
          s.notes++
          if (!tokensAreSafe(kids.slice(1))) s.problems.push(`unsafe note: ${tokenTypes(kids).join(',')}`)
          break
        }
        const paragraphs = isCalloutHead(first) ? kids.slice(1) : kids
        s.quoteHeads.push(isCalloutHead(first) ? first : '')
        const allowed = ['paragraph', 'text', 'escape', 'link']
        const bad = tokenTypes(paragraphs).filter((x) => !allowed.includes(x))
        if (bad.length) s.problems.push(`quote holds ${bad.join(',')}`)
        if (paragraphs.some((p) => p.type !== 'paragraph')) s.problems.push('quote holds a non-paragraph block')
        s.quotes.push(paragraphs.map((p) => visibleText([p])).join('\n'))
        break
      }
      case 'paragraph': {
        if (/^\^anno-[0-9a-f]+\n*$/.test(t.raw)) {
          s.blockIds.push(t.raw.trim())
          break
        }
        const inline = childTokens(t)
        const types = tokenTypes(inline)
        const bad = types.filter((x) => !['text', 'escape', 'strong', 'em', 'link'].includes(x))
        if (bad.length) s.problems.push(`paragraph holds ${bad.join(',')}: ${t.raw}`)
        const hrefs = inline.flatMap((k) => (k.type === 'link' ? [String(k.href)] : []))
        if (hrefs.some((h) => !h.startsWith('passerelles://'))) s.problems.push(`link elsewhere: ${t.raw}`)
        if (hrefs.length === 1 && inline.length === 1) s.linkLines.push(t.raw)
        else s.metaLines.push(t.raw)
        break
      }
      case 'html': {
        if (t.raw.startsWith(DATA_BLOCK_OPEN)) {
          const block = decodeDataBlock(t.raw.trimEnd().split('\n'), 0)
          if (block.ok && block.lines === t.raw.trimEnd().split('\n').length) s.dataComments.push(...block.annotations.map((a) => a.annotation.id))
          else s.problems.push(`a data block that does not read back: ${block.ok ? 'it ends early' : block.reason}`)
          break
        }
        const decoded = decodeDataComment(t.raw)
        if (decoded.ok) s.dataComments.push(decoded.annotation.id)
        else s.problems.push(`html that is not a data comment: ${t.raw.slice(0, 80)}`)
        break
      }
      default:
        s.problems.push(`unexpected top-level ${t.type}: ${t.raw.slice(0, 80)}`)
    }
  }
  const html = marked.parse(body, { async: false, gfm: true }).replace(/<!-- passerelles:annotation v[0-9] [^\n]* -->/g, '').replace(/<!-- passerelles:data v3\n[^]*?\n-->/g, '')
  const tag = UNEXPECTED_TAG.exec(html)
  if (tag) s.problems.push(`HTML from user text: ${html.slice(tag.index, tag.index + 60)}`)
  for (const href of unsafeHrefs(html)) s.problems.push(`unsafe link ${href}`)
  return s
}
