/**
 * A converted document's headings, made to fit the reader. The reader's page already shows the
 * title, the authors and the date (from the metadata), and its contents list sections of level 2
 * and 3, as the pack's documents have them (their level 1 is the title). So, on the HTML bodies of
 * one document (an EPUB's chapters in spine order; one body for the other formats):
 *
 *  - the title block the file opens with is taken out: pandoc's and Word's « Title », « Author »
 *    and « Date » paragraphs (the converters mark them `h1.title`, `p.author`, `p.date`), an EPUB
 *    title page (`h1.title` in `epub:type="titlepage"`), or a first level-1 heading that repeats
 *    the title the metadata gives (a web page's). What it said is returned, for when the
 *    metadata lacks it (a Word file whose properties name no title), so nothing is lost;
 *  - if a level-1 heading is left, every heading goes down one level (h6 stays h6), so that the
 *    document's sections are level 2 like the pack's.
 */
import { cleanMeta, dayOf } from './converted'

export interface TitleBlock {
  readonly title: string | null
  readonly authors: readonly string[]
  readonly date: string | null
}

const text = (el: Element): string => (el.textContent ?? '').replace(/\s+/g, ' ').trim()
const isTitlePage = (el: Element): boolean => /\btitlepage\b/.test(`${el.getAttribute('epub:type') ?? ''} ${el.getAttribute('class') ?? ''}`)

/** Takes the title block off the start of `body` (mutated). */
function takeFrom(body: Element, knownTitle: string | null, found: { title: string | null; authors: string[]; date: string | null }): void {
  for (const el of [...body.children]) {
    if (isTitlePage(el) || ((el.localName === 'section' || el.localName === 'header') && el.querySelector('.title'))) {
      takeFrom(el, knownTitle, found)
      if (text(el) === '') el.remove()
      else return
      continue
    }
    if (text(el) === '' && !el.querySelector('img')) continue // mammoth's bookmark anchors, empty paragraphs
    const kind = el.classList.contains('title') ? 'title' : el.classList.contains('author') ? 'author' : el.classList.contains('date') ? 'date' : null
    if (kind === 'title' && found.title === null) found.title = cleanMeta(text(el))
    else if (kind === 'author') found.authors.push(...[cleanMeta(text(el), 200)].filter((a): a is string => a !== null))
    else if (kind === 'date' && found.date === null) found.date = dayOf(text(el))
    else if (kind === null && el.localName === 'h1' && found.title === null && knownTitle !== null && text(el) === knownTitle) found.title = knownTitle
    else return
    el.remove()
  }
}

/** Demotes every heading of the bodies by one level if any has a level-1 heading. */
function demoteHeadings(bodies: readonly Element[]): void {
  if (!bodies.some((b) => b.querySelector('h1'))) return
  for (const b of bodies) {
    for (const h of [...b.querySelectorAll('h1, h2, h3, h4, h5')]) {
      const lower = b.ownerDocument.createElement(`h${Number(h.localName[1]) + 1}`)
      lower.append(...h.childNodes)
      h.replaceWith(lower)
    }
  }
}

/**
 * Fits the bodies of one document to the reader (see above) and returns what its title block said.
 * `knownTitle` is the title the metadata gives (null when it gives none).
 */
export function fitHeadings(bodies: readonly Element[], knownTitle: string | null): TitleBlock {
  const found = { title: null as string | null, authors: [] as string[], date: null as string | null }
  const first = bodies.find((b) => text(b) !== '')
  if (first) takeFrom(first, knownTitle, found)
  demoteHeadings(bodies)
  return found
}
