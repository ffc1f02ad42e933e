/**
 * Arranges annotations into the two heading levels of an export, for each grouping:
 *   document → `#` document, `##` « Notes sur le document », each section in reading order,
 *              « Annotations orphelines » last;
 *   color    → `#` colour label (in the palette's order), `##` document; orphans in a last group;
 *   tag      → `#` tag (French alphabetical order), `##` document; « Sans étiquette », then orphans.
 * An annotation with several tags appears under each; only its first appearance is `primary` (it
 * alone carries the data comment and the Obsidian block id, so both stay unique in the file).
 * Pure data in, pure data out: the Markdown writer only formats what this decides.
 */
import { COLOR_IDS } from '../annotations/model'
import type { AnchorState, Annotation, ColorId } from '../annotations/model'
import { sectionAt } from '../content/document'
import type { Section } from '../content/document'
import { documentLink, sectionLink } from '../links/deep-link'
import type { ExportStrings } from './strings'
import type { ExportDocument, ExportInput, Grouping } from './types'

export type EntryState = AnchorState | 'document-note'

export interface Entry {
  readonly annotation: Annotation
  readonly state: EntryState
  /** The section the passage starts in (null for document notes, orphans and unknown documents). */
  readonly section: Section | null
  readonly document: ExportDocument
  /** First appearance in the file (see above). */
  readonly primary: boolean
}

export interface SubGroup {
  readonly heading: string
  readonly link: string | null
  readonly entries: readonly Entry[]
}

export interface Group {
  readonly heading: string
  readonly link: string | null
  readonly subgroups: readonly SubGroup[]
}

/** The innermost section containing `offset`; the first section for an offset before it. */
function sectionOf(sections: readonly Section[], offset: number): Section | null {
  return sectionAt(sections, offset) ?? sections[0] ?? null
}

/** The user's label for a colour, or the colour's name if the label is blank. */
export function colorLabel(input: ExportInput, color: ColorId, strings: ExportStrings): string {
  const label = input.colorLabels[color]
  return label.trim() === '' ? strings.colorNames[color] : label
}

/** The passage as people read it (ExportInput.shownQuotes), '' for a document note. */
export function shownQuote(input: ExportInput, a: Annotation): string {
  return a.target === null ? '' : (input.shownQuotes?.get(a.id) ?? a.target.selector[0].exact)
}

export function stateOf(annotation: Annotation, states: ReadonlyMap<string, AnchorState> | undefined): EntryState {
  return annotation.target === null ? 'document-note' : (states?.get(annotation.id) ?? 'anchored')
}

interface Sorted {
  readonly entry: Entry
  readonly docRank: number
  readonly position: number
}

function compareSorted(a: Sorted, b: Sorted): number {
  return (
    a.docRank - b.docRank ||
    a.position - b.position ||
    (a.entry.annotation.created < b.entry.annotation.created ? -1 : a.entry.annotation.created > b.entry.annotation.created ? 1 : 0) ||
    (a.entry.annotation.id < b.entry.annotation.id ? -1 : 1)
  )
}

/** All entries, in document order then reading order (document notes first in each document). */
function sortedEntries(input: ExportInput, strings: ExportStrings): Sorted[] {
  const rank = new Map(input.documents.map((d, i) => [d.id, { doc: d, rank: i }]))
  const unknown = [...new Set(input.annotations.map((a) => a.document).filter((id) => !rank.has(id)))].sort()
  unknown.forEach((id, i) => rank.set(id, { doc: { id, title: strings.unknownDocument(id), sections: [] }, rank: input.documents.length + i }))
  return input.annotations
    .map((annotation) => {
      const { doc, rank: docRank } = rank.get(annotation.document)!
      const state = stateOf(annotation, input.states)
      const position = annotation.target === null ? -1 : annotation.target.selector[1].start
      const section = state === 'document-note' || state === 'orphan' ? null : sectionOf(doc.sections, position)
      return { entry: { annotation, state, section, document: doc, primary: true }, docRank, position }
    })
    .sort(compareSorted)
}

function sectionHeading(section: Section | null, strings: ExportStrings): string {
  if (section === null) return strings.passages
  return section.title.trim() === '' ? strings.beforeFirstHeading : section.title
}

function byDocument(sorted: readonly Sorted[], strings: ExportStrings): Group[] {
  const groups: Group[] = []
  let i = 0
  while (i < sorted.length) {
    const doc = sorted[i]!.entry.document
    const notes: Entry[] = []
    const orphans: Entry[] = []
    const sections: SubGroup[] = []
    for (; i < sorted.length && sorted[i]!.entry.document === doc; i++) {
      const e = sorted[i]!.entry
      if (e.state === 'document-note') notes.push(e)
      else if (e.state === 'orphan') orphans.push(e)
      else {
        const last = sections[sections.length - 1]
        if (last && last.entries[0]!.section === e.section) (last.entries as Entry[]).push(e)
        else sections.push({ heading: sectionHeading(e.section, strings), link: e.section ? sectionLink(doc.id, e.section.id) : null, entries: [e] })
      }
    }
    const subgroups: SubGroup[] = []
    if (notes.length) subgroups.push({ heading: strings.documentNotes, link: null, entries: notes })
    subgroups.push(...sections)
    if (orphans.length) subgroups.push({ heading: strings.orphans, link: null, entries: orphans })
    groups.push({ heading: doc.title, link: documentLink(doc.id), subgroups })
  }
  return groups
}

/** Splits entries (already in document order) into one subgroup per document. */
function perDocument(entries: readonly Entry[]): SubGroup[] {
  const subgroups: SubGroup[] = []
  for (const e of entries) {
    const last = subgroups[subgroups.length - 1]
    if (last && last.entries[0]!.document === e.document) (last.entries as Entry[]).push(e)
    else subgroups.push({ heading: e.document.title, link: documentLink(e.document.id), entries: [e] })
  }
  return subgroups
}

function byKeys(sorted: readonly Sorted[], keysOf: (e: Entry) => readonly string[], order: readonly string[], headingOf: (key: string) => string, strings: ExportStrings): Group[] {
  const buckets = new Map<string, Entry[]>(order.map((k) => [k, []]))
  const orphans: Entry[] = []
  const seen = new Set<string>()
  for (const { entry } of sorted) {
    if (entry.state === 'orphan') {
      orphans.push(entry)
      continue
    }
    for (const key of keysOf(entry)) buckets.get(key)!.push(entry)
  }
  const groups: Group[] = []
  for (const key of order) {
    const entries = buckets.get(key)!
    if (entries.length === 0) continue
    const marked = entries.map((e) => {
      const primary = !seen.has(e.annotation.id)
      seen.add(e.annotation.id)
      return primary ? e : { ...e, primary: false }
    })
    groups.push({ heading: headingOf(key), link: null, subgroups: perDocument(marked) })
  }
  if (orphans.length) groups.push({ heading: strings.orphans, link: null, subgroups: perDocument(orphans) })
  return groups
}

const UNTAGGED = '\u0000untagged'

export function groupEntries(input: ExportInput, grouping: Grouping, strings: ExportStrings): Group[] {
  const sorted = sortedEntries(input, strings)
  switch (grouping) {
    case 'document':
      return byDocument(sorted, strings)
    case 'color':
      return byKeys(sorted, (e) => [e.annotation.body.color], COLOR_IDS, (c) => colorLabel(input, c as ColorId, strings), strings)
    case 'tag': {
      const tags = [...new Set(input.annotations.flatMap((a) => a.body.tags))].sort((a, b) => a.localeCompare(b, 'fr') || (a < b ? -1 : 1))
      const tagOrder = new Map(tags.map((t, i) => [t, i]))
      const keysOf = (e: Entry): string[] => {
        const own = [...new Set(e.annotation.body.tags)].sort((a, b) => tagOrder.get(a)! - tagOrder.get(b)!)
        return own.length ? own : [UNTAGGED]
      }
      return byKeys(sorted, keysOf, [...tags, UNTAGGED], (k) => (k === UNTAGGED ? strings.untagged : `#${k}`), strings)
    }
  }
}
