/** The cahier's reading order: the chapters before and after a document (null outside the cahier). */
import type { DocumentSummary } from '../../../electron/shared/content/document'

export interface Neighbours {
  readonly previous: DocumentSummary | null
  readonly next: DocumentSummary | null
}

export function chapterNeighbours(docs: readonly DocumentSummary[], id: string): Neighbours | null {
  const chapters = docs.filter((d) => d.kind === 'cahier')
  const i = chapters.findIndex((d) => d.id === id)
  if (i < 0) return null
  return { previous: chapters[i - 1] ?? null, next: chapters[i + 1] ?? null }
}
