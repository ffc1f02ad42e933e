/**
 * Maps offsets in a document body to file lines, and finds where a link or image address sits in
 * the source. Marked reports links in document order, so each search resumes after the previous
 * hit; an address the search cannot find again (escaped in the source…) falls back to its first
 * occurrence, then to the first body line.
 */
export interface BodyLines {
  /** File line of an offset in the body. */
  lineAt(offset: number): number
  /** File line of the next occurrence of `raw` (document order). */
  locateNext(raw: string): number
}

export function bodyLines(body: string, bodyLine: number): BodyLines {
  const starts = [0]
  for (let i = 0; i < body.length; i++) if (body.charCodeAt(i) === 10) starts.push(i + 1)
  const lineAt = (offset: number): number => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return bodyLine + lo
  }
  let cursor = 0
  return {
    lineAt,
    locateNext(raw) {
      let at = raw === '' ? -1 : body.indexOf(raw, cursor)
      if (at < 0 && raw !== '') at = body.indexOf(raw)
      if (at < 0) return bodyLine
      cursor = at + raw.length
      return lineAt(at)
    },
  }
}
