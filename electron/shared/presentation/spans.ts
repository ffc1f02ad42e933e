/** What « Présenter » turns into slides: a span of a document's text. */
import type { Section } from '../content/document'

export interface Span {
  readonly start: number
  readonly end: number
}

/**
 * The span presented for a section: the section itself and the sections nested under it (a
 * chapter's « ## » with its « ### »), up to the next heading of the same or a higher level.
 * `Section.end` stops at the next heading of ANY level; this goes on over deeper ones.
 * Returns null for an unknown id.
 */
export function presentableSpan(sections: readonly Section[], sectionId: string): Span | null {
  const i = sections.findIndex((s) => s.id === sectionId)
  if (i < 0) return null
  const s = sections[i]!
  let end = s.end
  for (let j = i + 1; j < sections.length; j++) {
    const next = sections[j]!
    if (s.level === 0 || next.level <= s.level) break
    end = next.end
  }
  return { start: s.start, end }
}

/** The sections a facilitator can pick, in document order (the ones with a heading). */
export function presentableSections(sections: readonly Section[]): Section[] {
  return sections.filter((s) => s.id !== '' && s.title !== '')
}
