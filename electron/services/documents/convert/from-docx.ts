/**
 * Word documents (.docx) with mammoth: it maps Word's structure (heading styles, lists, tables,
 * footnotes, links, bold and italic) to clean HTML and ignores the look, which is what a reading
 * copy needs; the HTML is then converted like any other. The archive is first checked by our own
 * bounded zip reader (entries, sizes, names) before mammoth inflates it; mammoth is told never to
 * read external files (a DOCX may link to one). The « Title », « Author » and « Date » paragraph
 * styles (Word's title, pandoc's three) mark the title block, taken out by title-block.ts; the
 * pictures stored in the file come in as data: URIs (embedded-images.ts; others stay placeholders),
 * notes become Markdown footnotes. docProps/core.xml gives the
 * title, the creators (« A; B ») and the creation date; the title block what they lack.
 */
import mammoth from 'mammoth'
import { zipSync } from 'fflate'
import { readZip } from './zip'
import { firstText, parseXml } from './xml'
import { elementToMarkdown, parseHtml } from './from-html'
import { fitHeadings } from './title-block'
import { authorsOf, cleanMeta, dayOf, ImportRefusal } from './converted'
import type { Converted } from './converted'
import { dataUriImages, EmbeddedImages, MAX_IMAGE_BYTES } from './embedded-images'
import { FootnoteLabels } from './html-footnotes'

/** The title block's paragraph styles, which mammoth leaves plain paragraphs. */
const STYLE_MAP = ["p[style-name='Title'] => h1.title:fresh", "p[style-name='Author'] => p.author:fresh", "p[style-name='Date'] => p.date:fresh"]

/**
 * An image's bytes as mammoth reads them: the part an `r:embed` relationship names inside the
 * archive zip.ts already checked (sizes, names; an entry named with `../` refuses the whole file).
 * A linked picture (`r:link`, outside the file) is never read (`externalFileAccess: false`), and a
 * relationship naming no entry fails here: both stay placeholders.
 */
async function mediaBytes(image: { readAsArrayBuffer(): Promise<ArrayBuffer> }): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await image.readAsArrayBuffer())
  } catch {
    return null
  }
}

/**
 * The archive mammoth reads: the file itself, or — when a part other than XML declares more than
 * MAX_IMAGE_BYTES (a picture past the bound, an embedded object) — a copy without those parts, so
 * mammoth never inflates a picture that would be refused (read, it would be whole before the
 * bound is checked); a missing picture stays a placeholder.
 */
export function mammothArchive(data: Uint8Array): { readonly archive: Uint8Array; readonly core: string | null; readonly names: readonly string[] } {
  const oversized = new Set<string>()
  const zip = readZip(data, (n, size) => {
    if (!/\.(?:xml|rels)$/i.test(n) && size > MAX_IMAGE_BYTES) oversized.add(n)
    return n === 'docProps/core.xml'
  }, 'DOCX')
  const core = zip.text('docProps/core.xml')
  if (oversized.size === 0) return { archive: data, core, names: zip.names }
  const kept = zip.names.filter((n) => !oversized.has(n) && !n.endsWith('/'))
  const parts = readZip(data, (n) => !oversized.has(n), 'DOCX')
  return { archive: zipSync(Object.fromEntries(kept.map((n) => [n, parts.bytes(n) ?? new Uint8Array()])), { level: 0 }), core, names: kept }
}

export async function docxToMarkdown(data: Uint8Array): Promise<Converted> {
  const { archive, core: coreXml, names } = mammothArchive(data)
  if (!names.includes('word/document.xml')) throw new ImportRefusal('corrupt', 'This DOCX file has no word/document.xml: it is not a Word document.')
  const images = new EmbeddedImages(() => null)
  let html: string
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength) },
      { externalFileAccess: false, styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(async (image) => ({ src: images.embed(await mediaBytes(image)) ?? '' })) },
    )
    html = result.value
  } catch (e) {
    throw new ImportRefusal('corrupt', `This DOCX file cannot be read (${(e as Error).message}).`)
  }
  const core = coreXml === null ? null : parseXml(coreXml, 'DOCX metadata')
  const title = core ? cleanMeta(firstText(core, 'title')) : null
  const authors = core ? authorsOf(firstText(core, 'creator')) : []
  const body = parseHtml(`<!doctype html><body>${html}</body>`).body
  const block = fitHeadings([body], title)
  return {
    // The images are already data: URIs checked above; the HTML pass keeps exactly those.
    markdown: elementToMarkdown(body, new FootnoteLabels(), dataUriImages()),
    title: title ?? block.title,
    authors: authors.length > 0 ? authors : block.authors,
    date: (core ? dayOf(firstText(core, 'created')) : null) ?? block.date,
  }
}
