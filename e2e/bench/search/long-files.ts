/**
 * Long import inputs for the benchmark, made here rather than committed: a PDF of many pages
 * (written like documents/testing/make-files.ts's one-page PDF: Helvetica text objects, a correct
 * cross-reference table) and a DOCX of many paragraphs (make-files.ts's `makeDocx`). The words are
 * the benchmark corpus's, folded to ASCII (the PDF's standard font encodes nothing else here).
 */
import { makeDocx, pdfFile } from '../../../electron/services/documents/testing/make-files'
import { generateCorpus } from './corpus'

/** `n` words of French prose from the benchmark corpus (accents kept). */
export function proseWords(n: number): string[] {
  const out: string[] = []
  for (let seed = 100; out.length < n; seed++) for (const d of generateCorpus(50, seed)) out.push(...d.text.split(/\s+/u).filter(Boolean))
  return out.slice(0, n)
}

const ascii = (s: string): string => s.normalize('NFD').replace(/[^\x20-\x7e]/g, '')

/** A PDF with a text layer: 12 words a line, 45 lines a page, a 20-point heading every 10 pages. */
export function makeLongPdf(title: string, words: readonly string[]): Uint8Array {
  const esc = (s: string): string => ascii(s).replace(/[\\()]/g, (c) => `\\${c}`)
  const lines: string[] = []
  for (let i = 0; i < words.length; i += 12) lines.push(words.slice(i, i + 12).join(' '))
  const pages: string[] = []
  for (let p = 0; p * 45 < lines.length; p++) {
    const head = p % 10 === 0 ? [`BT /F1 20 Tf 72 750 Td (${esc(`Chapitre ${p / 10 + 1}`)}) Tj ET`] : []
    pages.push([...head, ...lines.slice(p * 45, (p + 1) * 45).map((l, i) => `BT /F1 11 Tf 72 ${720 - i * 15} Td (${esc(l)}) Tj ET`)].join('\n'))
  }
  const first = 4 // objects: 1 catalog, 2 pages, 3 font, then page + content per page, then info
  const kids = pages.map((_, i) => `${first + i * 2} 0 R`).join(' ')
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']
  pages.forEach((content, i) => {
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${first + i * 2 + 1} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`)
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`)
  })
  objects.push(`<< /Title (${esc(title)}) /CreationDate (D:20200115120000Z) >>`)
  return pdfFile(objects, objects.length)
}

/** A DOCX: one heading, paragraphs of 40 words. */
export function makeLongDocx(title: string, words: readonly string[]): Uint8Array {
  const paragraphs: string[] = []
  for (let i = 0; i < words.length; i += 40) paragraphs.push(words.slice(i, i + 40).join(' '))
  return makeDocx({ title, author: 'Banc d’essai', heading: title, paragraphs })
}
