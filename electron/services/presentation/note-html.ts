/** A note's Markdown → sanitised HTML (the one sanitising policy, in jsdom), for the presenter's notes. */
import { Marked } from 'marked'
import { createNodeSanitizer } from '../content/sanitize-node'
import type { Sanitize } from '../../shared/markdown/sanitize-config'

let sanitize: Sanitize | null = null
const marked = new Marked({ gfm: true, breaks: true, async: false })

export function noteHtml(markdown: string): string {
  sanitize ??= createNodeSanitizer()
  return sanitize(marked.parse(markdown) as string)
}
