/**
 * From positioned PDF text to Markdown, pure: text runs are grouped into lines (same baseline),
 * lines into paragraphs (a gap larger than the usual line spacing, or a change of font size), and
 * headings are guessed from font sizes: the size carrying most characters is the body; the up to
 * three larger sizes used on short lines become `#`, `##`, `###`, largest first. A word cut by a
 * hyphen at the end of a line is joined again.
 */
import { escapeMarkdownText } from './escape-markdown'

/** One run of text on a page (pdf.js TextItem reduced to what layout needs). */
export interface Run {
  readonly text: string
  readonly x: number
  /** Baseline, in PDF units (grows upwards). */
  readonly y: number
  /** Font size (the run's height). */
  readonly size: number
  /** pdf.js says a line ends after this run. */
  readonly eol: boolean
  /** Advance width, in PDF units, when known: runs that touch are joined without a space. */
  readonly width?: number
}

interface Line {
  text: string
  y: number
  size: number
}

const HEADING_MAX_CHARS = 140

/** Lines of PDF text as one run of prose: joined by a space, a word cut by a hyphen at a line's end joined again. */
export function joinPdfLines(lines: readonly string[]): string {
  return lines.join(' ').replace(/\s+/g, ' ').replace(/(\p{L})- (\p{Ll})/gu, '$1$2')
}

function linesOf(runs: readonly Run[]): Line[] {
  const lines: Line[] = []
  let current: Line | null = null
  /** Where the previous run of the line ends (NaN when its width is unknown). */
  let end = Number.NaN
  for (const r of runs) {
    const sameLine = current !== null && Math.abs(current.y - r.y) <= Math.max(1, r.size * 0.3)
    if (!sameLine && r.text.trim() === '') {
      if (current) lines.push(current)
      current = null
      continue
    }
    if (current && sameLine) {
      // A word set in italic or bold is a run of its own: the comma after it touches it (no gap), a next word does not.
      const touching = r.x - end < r.size * 0.1
      const glue = current.text.endsWith(' ') || r.text.startsWith(' ') || current.text === '' || touching ? '' : ' '
      current.text += (r.text.trim() === '' ? '' : glue) + r.text
      current.size = Math.max(current.size, r.size)
    } else {
      if (current) lines.push(current)
      current = { text: r.text, y: r.y, size: r.size }
    }
    end = r.width === undefined ? Number.NaN : r.x + r.width
    if (r.eol && current) {
      lines.push(current)
      current = null
    }
  }
  if (current) lines.push(current)
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim(), size: Math.round(l.size * 2) / 2 })).filter((l) => l.text !== '')
}

/** The body size (most characters) and the heading level of each larger size used on short lines. */
function headingLevels(pages: readonly Line[][]): { body: number; level: Map<number, number> } {
  const chars = new Map<number, number>()
  for (const l of pages.flat()) chars.set(l.size, (chars.get(l.size) ?? 0) + l.text.length)
  const body = [...chars.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0
  const larger = [...new Set(pages.flat().filter((l) => l.size >= body * 1.15 && l.text.length <= HEADING_MAX_CHARS).map((l) => l.size))].sort((a, b) => b - a).slice(0, 3)
  return { body, level: new Map(larger.map((s, i) => [s, i + 1])) }
}

/** Markdown of a document's pages, each page a list of runs in pdf.js's reading order. */
export function pagesToMarkdown(pages: readonly (readonly Run[])[]): string {
  const lines = pages.map(linesOf)
  const { level } = headingLevels(lines)
  const blocks: string[] = []
  let para: string[] = []
  let prev: Line | null = null
  const flush = (): void => {
    if (para.length > 0) blocks.push(escapeMarkdownText(joinPdfLines(para)))
    para = []
  }
  for (const page of lines) {
    prev = null
    for (const l of page) {
      const h = level.get(l.size)
      if (h !== undefined && l.text.length <= HEADING_MAX_CHARS) {
        flush()
        const last = blocks[blocks.length - 1]
        // A heading wrapped over two lines of the same size stays one heading.
        if (prev && prev.size === l.size && last?.startsWith(`${'#'.repeat(h)} `)) blocks[blocks.length - 1] = `${last} ${escapeMarkdownText(l.text)}`
        else blocks.push(`${'#'.repeat(h)} ${escapeMarkdownText(l.text)}`)
      } else {
        const gap = prev ? prev.y - l.y : 0
        if (prev && (level.has(prev.size) || Math.abs(prev.size - l.size) > 0.5 || gap > l.size * 1.8 || gap < 0)) flush()
        para.push(l.text)
      }
      prev = l
    }
  }
  flush()
  return `${blocks.join('\n\n')}\n`
}

/**
 * The PDF's Markdown fitted to the reader as title-block.ts fits the other formats: a first
 * level-1 heading repeating the document's title is taken out (the reader's page shows it), then,
 * if a level-1 heading is left, every heading goes down one level. Every line starting with `#`
 * here is a heading pagesToMarkdown wrote (text is escaped).
 */
export function fitPdfHeadings(markdown: string, title: string | null): string {
  let blocks = markdown.trimEnd().split('\n\n')
  if (title !== null && blocks[0] === `# ${escapeMarkdownText(title)}`) blocks = blocks.slice(1)
  if (blocks.some((b) => b.startsWith('# '))) blocks = blocks.map((b) => (/^#{1,5} /.test(b) ? `#${b}` : b))
  return `${blocks.join('\n\n')}\n`
}
