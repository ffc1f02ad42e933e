/**
 * Markdown → (unsanitised) HTML for a content document: GFM, footnotes, unique French-aware heading
 * ids, internal links turned into in-app routes, external links marked for the safe opener, local
 * images served from `/content/…`, an imported file's own images kept as their `data:` URI (raster
 * types only, isEmbeddedImage), remote images replaced by an inert placeholder (offline and
 * private: no request ever leaves). The result MUST go through the sanitiser before reaching a DOM.
 */
import { Marked } from 'marked'
import type { Tokens } from 'marked'
import markedFootnote from 'marked-footnote'
import { SlugRegistry } from './slug'
import { classifyLink, resolveRelativePath } from './links'
import type { LinkTarget } from './links'
import { escapeHtml } from './escape-html'
import { imageSourceNote, isEmbeddedImage, remoteImageLabel } from './sanitize-config'
import { documentRoute } from '../links/route'

export interface RenderContext {
  /** The document's path relative to the content dir (`cas/mobicoop.md`). */
  readonly path: string
  /** Maps a content-relative path to a document id (undefined when no such document exists). */
  readonly idForPath: (path: string) => string | undefined
  /** Called for each link, so the validator can report broken ones. */
  readonly onLink?: (target: LinkTarget, raw: string) => void
  /** Called for each local image with its content-relative path. */
  readonly onImage?: (path: string | null, raw: string) => void
}

export { escapeHtml }

export function markdownToHtml(markdown: string, ctx: RenderContext): string {
  const slugs = new SlugRegistry()
  const marked = new Marked({ gfm: true, async: false })
  // The footnotes heading is a real, visible heading (« Notes », in the TOC); the back-links are
  // labelled in French, the language of the content.
  marked.use(markedFootnote({ description: 'Notes', refMarkers: false, headingClass: 'footnotes-title', backRefLabel: 'Revenir à l’appel de note {0}' }))
  marked.use({
    renderer: {
      heading(this: { parser: { parseInline(t: Tokens.Generic[]): string } }, token: Tokens.Heading): string {
        const inner = this.parser.parseInline(token.tokens)
        const id = slugs.next(token.text.replace(/<[^>]*>/g, ''))
        return `<h${token.depth} id="${escapeHtml(id)}">${inner}</h${token.depth}>\n`
      },
      link(this: { parser: { parseInline(t: Tokens.Generic[]): string } }, token: Tokens.Link): string {
        const inner = this.parser.parseInline(token.tokens)
        const title = token.title ? ` title="${escapeHtml(token.title)}"` : ''
        const target = classifyLink(token.href, ctx.path, ctx.idForPath)
        ctx.onLink?.(target, token.href)
        switch (target.kind) {
          case 'anchor':
            return `<a href="#${escapeHtml(encodeURIComponent(target.anchor))}" data-anchor="${escapeHtml(target.anchor)}"${title}>${inner}</a>`
          case 'document':
            return `<a href="${escapeHtml(documentRoute(target.docId, target.anchor))}" data-doc="${escapeHtml(target.docId)}"${
              target.anchor ? ` data-anchor="${escapeHtml(target.anchor)}"` : ''
            }${title}>${inner}</a>`
          case 'external':
            return `<a href="${escapeHtml(target.url)}" data-external="true" rel="noopener noreferrer"${title}>${inner}</a>`
          case 'broken':
          case 'blocked':
            return `<span class="dead-link" title="${escapeHtml(target.href)}">${inner}</span>`
        }
      },
      image(token: Tokens.Image): string {
        // The description is plain text: marked leaves Markdown's backslash escapes in it (`\*`).
        const description = token.text.replace(/\\([!-/:-@[-`{-~])/g, '$1')
        const alt = escapeHtml(description)
        const href = token.href.trim()
        if (isEmbeddedImage(href)) return `<img src="${escapeHtml(href)}" alt="${alt}"${token.title ? ` title="${escapeHtml(token.title)}"` : ''}>`
        if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) {
          ctx.onImage?.(null, href)
          return `<span class="remote-image" data-src="${escapeHtml(imageSourceNote(href))}">${escapeHtml(remoteImageLabel(description, href))}</span>`
        }
        const path = resolveRelativePath(ctx.path, href.split('#')[0]!.split('?')[0]!)
        ctx.onImage?.(path, href)
        if (path === null) return `<span class="dead-link">[${alt}]</span>`
        const src = `/content/${path.split('/').map(encodeURIComponent).join('/')}`
        return `<img src="${escapeHtml(src)}" alt="${alt}"${token.title ? ` title="${escapeHtml(token.title)}"` : ''} loading="lazy">`
      },
    },
  })
  return labelRepeatedBackRefs(marked.parse(markdown) as string)
}

/**
 * marked-footnote gives every back-link of a note cited several times the same label, while the
 * second one shows « ↩² »: each gets its own label naming its number (« Revenir à l’appel 2 de la
 * note 1 »), so a screen reader can tell them apart and the visible number is in the name.
 */
function labelRepeatedBackRefs(html: string): string {
  return html.replace(
    /(<a href="#[^"]*" data-footnote-backref aria-label=")Revenir à l’appel de note ([^"]*)(">↩<sup>(\d+)<\/sup><\/a>)/g,
    (_m, open: string, note: string, close: string, n: string) => `${open}Revenir à l’appel ${n} de la note ${note}${close}`,
  )
}
