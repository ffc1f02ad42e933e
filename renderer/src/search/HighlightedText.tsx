/** Plain text with marked ranges, rendered as <mark> elements (no HTML strings involved). */
import type { Highlighted } from '../../../electron/shared/search/types'

export function HighlightedText({ value }: { value: Highlighted }): React.JSX.Element {
  const parts: React.ReactNode[] = []
  let at = 0
  value.marks.forEach(([s, e], i) => {
    if (s > at) parts.push(value.text.slice(at, s))
    parts.push(<mark key={i}>{value.text.slice(s, e)}</mark>)
    at = e
  })
  if (at < value.text.length) parts.push(value.text.slice(at))
  return <>{parts}</>
}
