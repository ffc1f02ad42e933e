/** A note's Markdown, rendered and sanitised (the renderer's only HTML sink). */
import { useLayoutEffect, useRef } from 'react'
import { marked } from 'marked'
import { setSanitizedHtml } from '../lib/sanitize'

export function NoteView({ markdown, label }: { markdown: string; label?: string }): React.JSX.Element | null {
  const ref = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    if (ref.current) setSanitizedHtml(ref.current, marked.parse(markdown, { async: false, gfm: true }))
  }, [markdown])
  if (!markdown.trim()) return null
  return <div className="annotation-note" ref={ref} aria-label={label} />
}
