/**
 * A deck as one self-contained HTML file (electron/shared/presentation/export-html.ts): content
 * images are read from the content pack (through the same containment rules as the app://
 * protocol) and inlined as data: URLs; an image that cannot be read is replaced by its text; the
 * app's two fonts are embedded (deck-fonts.ts). Saving it is the one « save as » flow
 * (platform/save-as.ts: asked where, written atomically).
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { buildExportHtml } from '../../shared/presentation/export-html'
import { deckFonts } from './deck-fonts'
import type { Slide } from '../../shared/presentation/deck'
import { APP_ORIGIN } from '../../shared/security/urls'
import { resolveAppRequest } from '../protocol/resolve-request'
import { nodeWindow } from '../content/sanitize-node'
import type { Clock } from '../platform/clock'

async function inlineImages(html: string, contentDir: string): Promise<string> {
  if (!html.includes('<img')) return html
  const box = nodeWindow().document.createElement('div')
  box.innerHTML = html
  for (const img of Array.from(box.querySelectorAll('img'))) {
    const src = img.getAttribute('src') ?? ''
    const r = src.startsWith('/content/') ? resolveAppRequest('GET', `${APP_ORIGIN}${src}`, { bundle: contentDir, content: contentDir }) : null
    let data: Buffer | null = null
    if (r?.status === 200 && r.mime.startsWith('image/')) data = await readFile(r.file).catch(() => null)
    if (r?.status === 200 && data) img.setAttribute('src', `data:${r.mime};base64,${data.toString('base64')}`)
    else {
      const span = box.ownerDocument.createElement('span')
      span.className = 'dead-link'
      span.textContent = `[${img.getAttribute('alt') || 'image'}]`
      img.replaceWith(span)
    }
  }
  return box.innerHTML
}

export async function deckHtml(deck: { readonly title: string; readonly slides: readonly Slide[] }, opts: { readonly contentDir: string; readonly clock: Clock }): Promise<string> {
  const slides: Slide[] = []
  for (const s of deck.slides) slides.push({ ...s, bodyHtml: await inlineImages(s.bodyHtml, opts.contentDir) })
  return buildExportHtml(
    { title: deck.title, slides },
    { sha256Base64: (t) => createHash('sha256').update(t, 'utf8').digest('base64'), generatedAt: opts.clock.now().toISOString(), fonts: await deckFonts() },
  )
}
