/**
 * File line numbers for values inside a document's YAML front matter, from the YAML parser's node
 * ranges (not from text search), so errors point at the real line: `sources.1.url`, `tags.3`…
 */
import { isMap, isScalar, isSeq } from 'yaml'
import type { Document } from 'yaml'

/** Lines of the front matter start at file line 2 (line 1 is the opening `---`). */
export const FRONT_MATTER_FIRST_LINE = 2

export function lineAtOffset(yamlText: string, offset: number): number {
  let line = FRONT_MATTER_FIRST_LINE
  for (let i = 0; i < offset && i < yamlText.length; i++) if (yamlText.charCodeAt(i) === 10) line++
  return line
}

/**
 * The file line of the deepest existing node along `path`: a map member points at its key's line,
 * a sequence member at the item's line. Null when not even the first segment exists (a missing
 * top-level key).
 */
export function lineOfPath(doc: Document, yamlText: string, path: readonly PropertyKey[]): number | null {
  let node: unknown = doc.contents
  let line: number | null = null
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === seg)
      const start = pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined
      if (!pair || start === undefined) break
      line = lineAtOffset(yamlText, start)
      node = pair.value
    } else if (isSeq(node) && typeof seg === 'number') {
      const item: unknown = node.items[seg]
      const start = isScalar(item) || isMap(item) || isSeq(item) ? item.range?.[0] : undefined
      if (start === undefined) break
      line = lineAtOffset(yamlText, start)
      node = item
    } else break
  }
  return line
}
