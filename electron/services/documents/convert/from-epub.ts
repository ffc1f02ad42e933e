/**
 * EPUB (2 and 3): META-INF/container.xml names the package document (OPF); its metadata gives the
 * title, creators and date, its spine the reading order of the XHTML files, which are converted
 * like HTML and joined (notes numbered across the book; a title page taken out and the headings
 * fitted to the reader by title-block.ts). The navigation document (EPUB 3's
 * `properties="nav"`, which pandoc puts in the spine with --toc) is left out: its links point into
 * the files the reader already shows in order. Paths are resolved inside the archive only (an href climbing out of it
 * finds nothing); an image is read from the archive relative to its XHTML file's folder and
 * embedded (embedded-images.ts); scripts, styles and remote resources are dropped by the HTML converter.
 */
import { posix } from 'node:path'
import { readZip } from './zip'
import { byLocalName, firstText, parseXml } from './xml'
import { elementToMarkdown, parseHtml } from './from-html'
import { FootnoteLabels } from './html-footnotes'
import { fitHeadings } from './title-block'
import { cleanMeta, dayOf, ImportRefusal } from './converted'
import type { Converted } from './converted'
import { entryPath, isImageEntry, zipImages } from './embedded-images'

export function epubToMarkdown(data: Uint8Array): Converted {
  const zip = readZip(data, (n, size) => /\.(xml|opf|x?html?)$/i.test(n) || n === 'mimetype' || isImageEntry(n, size), 'EPUB')
  const container = zip.text('META-INF/container.xml')
  if (container === null) throw new ImportRefusal('corrupt', 'This EPUB file has no META-INF/container.xml.')
  const opfPath = byLocalName(parseXml(container, 'EPUB container'), 'rootfile')[0]?.getAttribute('full-path') ?? null
  const opfXml = opfPath === null ? null : zip.text(opfPath)
  if (opfPath === null || opfXml === null) throw new ImportRefusal('corrupt', 'This EPUB file names no package document (OPF) it contains.')
  const opf = parseXml(opfXml, 'EPUB package document')
  const opfDir = posix.dirname(opfPath) === '.' ? '' : posix.dirname(opfPath)
  const manifest = new Map(byLocalName(opf, 'item').map((i) => [i.getAttribute('id') ?? '', i]))
  const bodies: { body: Element; dir: string }[] = []
  for (const ref of byLocalName(opf, 'itemref')) {
    if (ref.getAttribute('linear') === 'no') continue
    const item = manifest.get(ref.getAttribute('idref') ?? '')
    if (!item || /(^|\s)nav(\s|$)/.test(item.getAttribute('properties') ?? '')) continue
    const href = item.getAttribute('href')
    const name = href ? entryPath(opfDir, href) : null
    const xhtml = name ? zip.text(name) : null
    if (name === null || xhtml === null) continue
    bodies.push({ body: parseHtml(xhtml).body, dir: posix.dirname(name) === '.' ? '' : posix.dirname(name) })
  }
  const title = cleanMeta(firstText(opf, 'title'))
  const block = fitHeadings(bodies.map((b) => b.body), title)
  const labels = new FootnoteLabels()
  const images = zipImages(zip)
  const parts = bodies.map((b) => elementToMarkdown(b.body, labels, images, b.dir).trim()).filter((md) => md !== '')
  if (parts.length === 0) throw new ImportRefusal('no-text', 'This EPUB file has no readable text in its spine.')
  const authors = byLocalName(opf, 'creator').map((c) => cleanMeta(c.textContent, 200)).filter((a): a is string => a !== null)
  return {
    markdown: `${parts.join('\n\n')}\n`,
    title: title ?? block.title,
    authors: authors.length > 0 ? authors : block.authors,
    date: dayOf(firstText(opf, 'date')) ?? block.date,
  }
}
