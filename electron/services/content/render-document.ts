/**
 * The one rendering pipeline on the Node side: Markdown body → HTML (marked) → sanitised HTML
 * (DOMPurify) → text and section map (from the parsed sanitised DOM). The renderer re-sanitises
 * with the same policy and an e2e test proves both sides produce the same text.
 */
import { markdownToHtml } from '../../shared/markdown/to-html'
import type { RenderContext } from '../../shared/markdown/to-html'
import { extractTextAndSections } from '../../shared/markdown/text-map'
import type { MiniNode } from '../../shared/markdown/text-map'
import type { ApparatusRange, Section } from '../../shared/content/document'
import { createNodeSanitizer, nodeWindow } from './sanitize-node'
import type { Sanitize } from '../../shared/markdown/sanitize-config'

export interface RenderedBody {
  readonly html: string
  readonly text: string
  readonly sections: readonly Section[]
  readonly apparatus: readonly ApparatusRange[]
}

let sanitize: Sanitize | null = null

export function renderBody(markdown: string, ctx: RenderContext): RenderedBody {
  sanitize ??= createNodeSanitizer()
  const html = sanitize(markdownToHtml(markdown, ctx))
  const container = nodeWindow().document.createElement('div')
  container.innerHTML = html
  const { text, sections, apparatus } = extractTextAndSections(container as unknown as MiniNode)
  return { html, text, sections, apparatus }
}
