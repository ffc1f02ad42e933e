/**
 * What the notes source (notes-source.ts) keeps of the notes a query matched: those that matched
 * through themselves, not only their document's title (`ownMatch`), and those of the colours the
 * query names with `couleur:` (`colorFilter`).
 */
import { colorsNamed } from '../../shared/annotations/colors'
import type { ColorId, ColorLabels } from '../../shared/annotations/model'
import type { ParsedQuery } from '../../shared/search/query'
import type { CompiledQuery } from './compile'
import type { FrenchIndex } from './french-index'
import { matchSpans } from './snippet'

/**
 * Whether a matching note matched through itself (its note, passage or tags), not only through its
 * document's title, which every note of the document shares (« framasoft » would match them all).
 * A note found through the title alone is kept only when the query asked for titles alone (titre:).
 */
export function ownMatch(index: FrenchIndex, compiled: CompiledQuery): (record: number) => boolean {
  const atoms = compiled.positive.flatMap((r) => r.atoms)
  if (atoms.length === 0 || atoms.every((a) => a.fields.length === 1 && a.fields[0] === 'title')) return () => true
  // The title is the same in every record of a shard: if no word matches it, every match is the note's own.
  if (index.size === 0 || matchSpans(index, compiled, 0, 'title').length === 0) return () => true
  return (r) => (['headings', 'body', 'tags'] as const).some((f) => matchSpans(index, compiled, r, f).length > 0)
}

/** The colours a query keeps and leaves out, and the `couleur:` values that name no colour. */
export function colorFilter(q: ParsedQuery, labels: ColorLabels): { keep: Set<ColorId> | null; drop: Set<ColorId>; unknown: string[] } {
  const unknown: string[] = []
  const resolve = (values: readonly string[]): Set<ColorId> => {
    const out = new Set<ColorId>()
    for (const v of values) {
      const ids = colorsNamed(v, labels)
      if (ids.length === 0) unknown.push(v)
      for (const id of ids) out.add(id)
    }
    return out
  }
  const keep = q.colors.length > 0 ? resolve(q.colors) : null
  return { keep, drop: resolve(q.excludedColors), unknown }
}