/**
 * PDF with a text layer, read by pdf.js (pdfjs-dist, legacy build: runs in Node 20 and in
 * Electron's main process without a worker thread, a canvas or fonts, since only text is asked
 * for; eval is disabled). Text runs come in pdf.js's reading order and are laid out by
 * pdf-layout.ts. An encrypted PDF (a password is needed) and a PDF without any text (a scan: we do
 * no OCR) are refused with a message that says so. The document information gives the title,
 * author and creation date.
 */
import { cleanMeta, dayOf, ImportRefusal } from './converted'
import type { Converted } from './converted'
import type { ConvertControl } from './convert-file'
import { fitPdfHeadings, pagesToMarkdown } from './pdf-layout'
import type { Run } from './pdf-layout'
import { isImportableMarkup, markupsOfPage } from './pdf-markups'
import type { FoundMarkup, PageRun, PdfAnnotationData } from './pdf-markups'
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs'

type PdfJs = typeof PdfJsModule
let pdfjs: Promise<PdfJs> | null = null
/**
 * Loaded on the first PDF only (pdf.js is large, and most sessions never import one). pdf.js builds
 * a `DOMMatrix` when its module loads; Node and Electron's main process have none, and its own
 * fallback is the native @napi-rs/canvas, which the app does not ship (a native module per
 * platform, for page rendering we never do). A pure-JS DOMMatrix (@thednp/dommatrix) is installed
 * first when there is none — always, so the tests exercise what the packed app runs.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= (async () => {
    if (!('DOMMatrix' in globalThis)) {
      const { default: CSSMatrix } = await import('@thednp/dommatrix')
      Object.assign(globalThis, { DOMMatrix: CSSMatrix })
    }
    return import('pdfjs-dist/legacy/build/pdf.mjs')
  })()
  return pdfjs
}

interface PdfInfo {
  readonly Title?: unknown
  readonly Author?: unknown
  readonly CreationDate?: unknown
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)

/** An open pdf.js document (call `destroy()` when done). */
export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>

/** Opens a PDF with pdf.js; a password-protected or unreadable file is refused with a message that says which. */
export async function openPdf(data: Uint8Array): Promise<{ lib: PdfJs; doc: PdfDocument }> {
  const lib = await loadPdfJs()
  // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const task = lib.getDocument({ data: new Uint8Array(data), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false })
  try {
    return { lib, doc: await task.promise }
  } catch (e) {
    const name = (e as { name?: string }).name
    if (name === 'PasswordException') throw new ImportRefusal('encrypted', 'This PDF is protected by a password: open it in a PDF reader, save an unprotected copy, then import that.')
    throw new ImportRefusal('corrupt', `This file is not a readable PDF (${(e as Error).message}).`)
  }
}

export async function pdfToMarkdown(data: Uint8Array, control: ConvertControl = {}): Promise<Converted> {
  const { signal, onPage } = control
  const { doc } = await openPdf(data)
  try {
    const pages: Run[][] = []
    let markups = 0
    for (let n = 1; n <= doc.numPages; n++) {
      if (signal?.aborted) throw new ImportRefusal('cancelled', 'The import was cancelled.')
      onPage?.(n, doc.numPages)
      const page = await doc.getPage(n)
      const content = await page.getTextContent()
      const runs: Run[] = []
      for (const item of content.items) {
        if (!('str' in item)) continue
        runs.push({ text: item.str, x: item.transform[4] as number, y: item.transform[5] as number, size: Math.hypot(item.transform[2] as number, item.transform[3] as number) || item.height, eol: item.hasEOL, width: item.width })
      }
      pages.push(runs)
      // Counted only (their text is read when the reader asks to import them: readPdfMarkups).
      markups += ((await page.getAnnotations({ intent: 'display' })) as PdfAnnotationData[]).filter(isImportableMarkup).length
      page.cleanup()
    }
    if (!pages.some((p) => p.some((r) => r.text.trim() !== ''))) {
      throw new ImportRefusal('no-text', 'This PDF has no text layer (a scan or images only): Passerelles does not recognise text in images (no OCR).')
    }
    const { info } = (await doc.getMetadata()) as { info: PdfInfo }
    const author = cleanMeta(str(info.Author), 200)
    const title = cleanMeta(str(info.Title))
    return { markdown: fitPdfHeadings(pagesToMarkdown(pages), title), title, authors: author ? [author] : [], date: dayOf(str(info.CreationDate)), pdfMarkups: markups }
  } finally {
    await doc.destroy()
  }
}

/** The markup annotations of every page (pdf-markups.ts), dates as ISO strings (null when the PDF has none). */
export async function readPdfMarkups(data: Uint8Array): Promise<FoundMarkup[]> {
  const { lib, doc } = await openPdf(data)
  const iso = (d: string | null): string | null => (d ? (lib.PDFDateString.toDateObject(d)?.toISOString() ?? null) : null)
  try {
    const out: FoundMarkup[] = []
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const annotations = (await page.getAnnotations({ intent: 'display' })) as PdfAnnotationData[]
      if (!annotations.some(isImportableMarkup)) {
        page.cleanup()
        continue
      }
      const runs: PageRun[] = []
      for (const item of (await page.getTextContent()).items) {
        if ('str' in item) runs.push({ text: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width, eol: item.hasEOL })
      }
      for (const m of markupsOfPage(n, annotations, runs)) out.push({ ...m, created: iso(m.created), modified: iso(m.modified) })
      page.cleanup()
    }
    return out
  } finally {
    await doc.destroy()
  }
}
