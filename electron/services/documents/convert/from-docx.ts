/**
 * Word documents (.docx) with mammoth: it maps Word's structure (heading styles, lists, tables,
 * footnotes, links, bold and italic) to clean HTML and ignores the look, which is what a reading
 * copy needs; the HTML is then converted like any other. The archive is first checked by our own
 * bounded zip reader (entries, sizes, names) before mammoth inflates it; mammoth is told never to
 * read external files (a DOCX may link to one). docProps/core.xml gives the title, the creator and
 * the creation date.
 */
import mammoth from 'mammoth'
import { readZip } from './zip'
import { firstText, parseXml } from './xml'
import { elementToMarkdown, parseHtml } from './from-html'
import { cleanMeta, dayOf, ImportRefusal } from './converted'
import type { Converted } from './converted'

export async function docxToMarkdown(data: Uint8Array): Promise<Converted> {
  const zip = readZip(data, (n) => n === 'docProps/core.xml', 'DOCX')
  if (!zip.names.includes('word/document.xml')) throw new ImportRefusal('corrupt', 'This DOCX file has no word/document.xml: it is not a Word document.')
  let html: string
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(data.buffer, data.byteOffset, data.byteLength) },
      { externalFileAccess: false, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    )
    html = result.value
  } catch (e) {
    throw new ImportRefusal('corrupt', `This DOCX file cannot be read (${(e as Error).message}).`)
  }
  const coreXml = zip.text('docProps/core.xml')
  const core = coreXml === null ? null : parseXml(coreXml, 'DOCX metadata')
  const author = core ? cleanMeta(firstText(core, 'creator'), 200) : null
  return {
    markdown: elementToMarkdown(parseHtml(`<!doctype html><body>${html}</body>`).body),
    title: core ? cleanMeta(firstText(core, 'title')) : null,
    authors: author ? [author] : [],
    date: core ? dayOf(firstText(core, 'created')) : null,
  }
}
