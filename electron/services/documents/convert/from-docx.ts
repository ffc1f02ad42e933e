/**
 * Word documents (.docx) with mammoth: it maps Word's structure (heading styles, lists, tables,
 * footnotes, links, bold and italic) to clean HTML and ignores the look, which is what a reading
 * copy needs; the HTML is then converted like any other. The archive is first checked by our own
 * bounded zip reader (entries, sizes, names) before mammoth inflates it; mammoth is told never to
 * read external files (a DOCX may link to one). The « Title » paragraph style becomes a level-1
 * heading (mammoth knows only the Heading styles); images become their placeholder (from-html.ts),
 * notes Markdown footnotes. docProps/core.xml gives the title, the creators (« A; B ») and the
 * creation date.
 */
import mammoth from 'mammoth'
import { readZip } from './zip'
import { firstText, parseXml } from './xml'
import { elementToMarkdown, parseHtml } from './from-html'
import { authorsOf, cleanMeta, dayOf, ImportRefusal } from './converted'
import type { Converted } from './converted'

/** Word's « Title » paragraph style (pandoc and LibreOffice write it too), which mammoth leaves a plain paragraph. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh"]

export async function docxToMarkdown(data: Uint8Array): Promise<Converted> {
  const zip = readZip(data, (n) => n === 'docProps/core.xml', 'DOCX')
  if (!zip.names.includes('word/document.xml')) throw new ImportRefusal('corrupt', 'This DOCX file has no word/document.xml: it is not a Word document.')
  let html: string
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(data.buffer, data.byteOffset, data.byteLength) },
      { externalFileAccess: false, styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    )
    html = result.value
  } catch (e) {
    throw new ImportRefusal('corrupt', `This DOCX file cannot be read (${(e as Error).message}).`)
  }
  const coreXml = zip.text('docProps/core.xml')
  const core = coreXml === null ? null : parseXml(coreXml, 'DOCX metadata')
  return {
    markdown: elementToMarkdown(parseHtml(`<!doctype html><body>${html}</body>`).body),
    title: core ? cleanMeta(firstText(core, 'title')) : null,
    authors: core ? authorsOf(firstText(core, 'creator')) : [],
    date: core ? dayOf(firstText(core, 'created')) : null,
  }
}
