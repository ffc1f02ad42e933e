/**
 * One file → its format and normalised Markdown. The format comes from the file name's extension
 * and must agree with the bytes (a PDF starts with `%PDF-`, DOCX/ODT/EPUB are zips, text formats
 * are valid UTF-8 without NUL bytes): a mislabelled file is refused with a message naming both.
 */
import { MAX_IMPORT_BYTES } from '../../../shared/documents/model'
import type { ImportFormat } from '../../../shared/documents/model'
import { ImportRefusal } from './converted'
import type { Converted } from './converted'
import { markdownToMarkdown } from './from-markdown'
import { textToMarkdown } from './from-text'
import { htmlToMarkdown } from './from-html'
import { docxToMarkdown } from './from-docx'
import { odtToMarkdown } from './from-odt'
import { epubToMarkdown } from './from-epub'
import { pdfToMarkdown } from './from-pdf'

const EXTENSIONS: Readonly<Record<string, ImportFormat>> = {
  md: 'markdown', markdown: 'markdown', mdown: 'markdown', mkd: 'markdown',
  txt: 'text', text: 'text',
  html: 'html', htm: 'html', xhtml: 'html',
  docx: 'docx', odt: 'odt', epub: 'epub', pdf: 'pdf',
}

/** The extensions we import, for messages and the open dialog's filter. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(EXTENSIONS)

export function formatOf(name: string): ImportFormat | null {
  const ext = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase()
  return ext ? (EXTENSIONS[ext] ?? null) : null
}

const startsWith = (data: Uint8Array, magic: string): boolean => [...magic].every((c, i) => data[i] === c.charCodeAt(0))

function utf8(data: Uint8Array, name: string): string {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data)
  } catch {
    throw new ImportRefusal('unsupported', `"${name}" is not a UTF-8 text file (save it as UTF-8, or import the original document).`)
  }
  if (text.includes('\u0000')) throw new ImportRefusal('unsupported', `"${name}" is named like a text file but holds binary data.`)
  return text
}

export interface ConvertedFile extends Converted {
  readonly format: ImportFormat
}

/** A long conversion's controls: cancellation (checked between PDF pages) and page progress. */
export interface ConvertControl {
  readonly signal?: AbortSignal
  readonly onPage?: (page: number, pages: number) => void
}

export async function convertFile(name: string, data: Uint8Array, control: ConvertControl = {}): Promise<ConvertedFile> {
  const format = formatOf(name)
  if (format === null) {
    throw new ImportRefusal('unsupported', `"${name}" is not a format Passerelles imports (supported: ${SUPPORTED_EXTENSIONS.map((e) => `.${e}`).join(', ')}).`)
  }
  if (data.byteLength > MAX_IMPORT_BYTES) {
    throw new ImportRefusal('too-large', `"${name}" is ${(data.byteLength / 1048576).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB.`)
  }
  if (data.byteLength === 0) throw new ImportRefusal('no-text', `"${name}" is empty.`)
  const zipped = format === 'docx' || format === 'odt' || format === 'epub'
  if (zipped && !startsWith(data, 'PK\u0003\u0004')) throw new ImportRefusal('corrupt', `"${name}" is named .${format} but is not a zip archive, as a ${format.toUpperCase()} file is.`)
  if (format === 'pdf' && !startsWith(data, '%PDF-')) throw new ImportRefusal('corrupt', `"${name}" is named .pdf but does not start like a PDF file.`)
  if (!zipped && format !== 'pdf' && (startsWith(data, '%PDF-') || startsWith(data, 'PK\u0003\u0004'))) {
    throw new ImportRefusal('unsupported', `"${name}" is named like a ${format} file but is a ${startsWith(data, '%PDF-') ? 'PDF' : 'zip archive'}: rename it with its real extension.`)
  }
  const converted = await convertAs(format, name, data, control)
  if (converted.markdown.trim() === '') throw new ImportRefusal('no-text', `"${name}" has no text to show.`)
  return { ...converted, format }
}

async function convertAs(format: ImportFormat, name: string, data: Uint8Array, control: ConvertControl): Promise<Converted> {
  switch (format) {
    case 'markdown':
      return markdownToMarkdown(utf8(data, name))
    case 'text':
      return textToMarkdown(utf8(data, name))
    case 'html':
      return htmlToMarkdown(utf8(data, name))
    case 'docx':
      return docxToMarkdown(data)
    case 'odt':
      return odtToMarkdown(data)
    case 'epub':
      return epubToMarkdown(data)
    case 'pdf':
      return pdfToMarkdown(data, control)
  }
}
