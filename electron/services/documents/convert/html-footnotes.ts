/**
 * Footnotes in converted HTML, turned into Markdown footnotes (`[^1]` and `[^1]: …`), which the one
 * rendering pipeline draws as the pack's notes (marked-footnote: numbered calls, a « Notes » list,
 * back-links). Producers write a note as a link from the call to the note, and a link back:
 *
 *  - mammoth (DOCX): `<sup><a href="#footnote-3" id="footnote-ref-3">[1]</a></sup>` … `<li id="footnote-3">… <a href="#footnote-ref-3">↑</a></li>`;
 *  - pandoc and most EPUBs: `<a href="#fn1" id="fnref1" epub:type="noteref">1</a>` … `<li id="fn1">…<a href="#fnref1">↩︎</a></li>`;
 *  - the ODT reader here writes the same shape for `text:note`.
 *
 * A link is a call when its target (an element of the same body) links back to the call (or to the
 * `sup` around it), or when it is marked `noteref` (epub:type or role). The note is then taken out
 * of the body with its back-links, and the lists and « footnotes » sections it leaves empty go too.
 * Anything else (a table of contents, an anchor link) is left as it is.
 */

/** Note labels of one document, shared by its parts (an EPUB's chapters): 1, 2, 3… */
export class FootnoteLabels {
  private next = 1
  take(): string {
    return String(this.next++)
  }
}

/** The attribute that marks a call for the turndown rule (`[^label]`). */
export const FOOTNOTE_CALL = 'data-passerelles-footnote'

/** A note taken out of the body: its label and its element (to be converted by the caller). */
export interface TakenNote {
  readonly label: string
  readonly body: Element
}

const isNoteRef = (a: Element): boolean => /\bnoteref\b/.test(`${a.getAttribute('epub:type') ?? ''} ${a.getAttribute('role') ?? ''}`)

function targetOf(a: Element, ids: ReadonlyMap<string, Element>): Element | null {
  const href = a.getAttribute('href') ?? ''
  if (!href.startsWith('#') || href.length < 2) return null
  let id: string
  try {
    id = decodeURIComponent(href.slice(1))
  } catch {
    return null
  }
  const target = ids.get(id) ?? null
  return target && !target.contains(a) && !a.contains(target) ? target : null
}

/** The links inside `note` that go back to `call` (to its id or to an ancestor's, up to two levels). */
function backLinks(note: Element, call: Element): Element[] {
  const ids = [call, call.parentElement, call.parentElement?.parentElement].map((e) => e?.getAttribute('id')).filter((id): id is string => !!id)
  return [...note.querySelectorAll('a[href^="#"]')].filter((b) => ids.some((id) => b.getAttribute('href') === `#${id}` || b.getAttribute('href') === `#${encodeURIComponent(id)}`))
}

/** Removes `el` and then each ancestor (up to `body`) left with no text. */
function removeEmptied(el: Element, body: Element): void {
  let parent: Element | null = el.parentElement
  el.remove()
  while (parent && parent !== body && (parent.textContent ?? '').trim() === '') {
    const up: Element | null = parent.parentElement
    parent.remove()
    parent = up
  }
}

/**
 * Marks each note call of `body` with FOOTNOTE_CALL (its text kept, so it is not a blank element)
 * and takes the notes out, in the order of their first call. Mutates `body`.
 */
export function takeFootnotes(body: Element, labels: FootnoteLabels): TakenNote[] {
  const taken = new Map<Element, string>()
  const notes: TakenNote[] = []
  const ids = new Map<string, Element>()
  for (const el of body.querySelectorAll('[id]')) if (!ids.has(el.getAttribute('id')!)) ids.set(el.getAttribute('id')!, el)
  for (const a of [...body.querySelectorAll('a[href^="#"]')]) {
    if (!body.contains(a)) continue // inside a note already taken out
    const note = targetOf(a, ids)
    if (!note) continue
    let label = taken.get(note)
    const back = label === undefined ? backLinks(note, a) : []
    if (label === undefined && back.length === 0 && !isNoteRef(a)) continue
    if (label === undefined) {
      label = labels.take()
      taken.set(note, label)
      for (const b of back) b.remove()
      notes.push({ label, body: note })
    }
    const call = a.parentElement?.localName === 'sup' && (a.parentElement.textContent ?? '').trim() === (a.textContent ?? '').trim() ? a.parentElement : a
    const marker = body.ownerDocument.createElement('sup')
    marker.setAttribute(FOOTNOTE_CALL, label)
    marker.textContent = label
    call.replaceWith(marker)
  }
  for (const n of notes) if (body.contains(n.body)) removeEmptied(n.body, body)
  return notes
}

/** A note's Markdown as a footnote definition: continuation lines indented by four spaces. */
export function footnoteDefinition(label: string, markdown: string): string {
  const lines = markdown.trim().split('\n')
  return `[^${label}]: ${lines.map((l, i) => (i === 0 || l === '' ? l : `    ${l}`)).join('\n')}`
}
