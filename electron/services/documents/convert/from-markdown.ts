/**
 * Markdown as the reader wrote it. A YAML front matter, if any, gives the title, authors and date
 * (Obsidian's and Pandoc's keys: title, author/authors, date) and is left out of the body; without
 * one, the first level-1 heading is the title. The body goes through the same pipeline as the pack
 * (marked → DOMPurify), so raw HTML in it is sanitised like the shipped content.
 */
import { parse as parseYaml } from 'yaml'
import { cleanMeta, dayOf } from './converted'
import type { Converted } from './converted'

const FRONT = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\r?\n?/

function strings(v: unknown): string[] {
  const list = Array.isArray(v) ? v : [v]
  return list.map((x) => cleanMeta(typeof x === 'string' ? x : null, 200)).filter((x): x is string => x !== null)
}

export function markdownToMarkdown(source: string): Converted {
  let body = source.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '')
  let title: string | null = null
  let authors: string[] = []
  let date: string | null = null
  const m = FRONT.exec(body)
  if (m) {
    let data: unknown = null
    try {
      data = parseYaml(m[1]!, { maxAliasCount: 10 })
    } catch {
      data = null // not YAML after all: keep the block as text
    }
    if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
      const d = data as Record<string, unknown>
      title = cleanMeta(typeof d.title === 'string' ? d.title : null)
      authors = strings(d.authors ?? d.author ?? [])
      date = dayOf(d.date instanceof Date ? d.date.toISOString() : typeof d.date === 'string' ? d.date : null)
      body = body.slice(m[0].length)
    }
  }
  title ??= cleanMeta(/^#\s+(.+?)\s*#*\s*$/m.exec(body)?.[1] ?? null)
  return { markdown: body.endsWith('\n') ? body : `${body}\n`, title, authors, date }
}
