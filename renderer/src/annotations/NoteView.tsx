/**
 * A note's Markdown, rendered and sanitised (the renderer's only HTML sink). Links in a note are
 * never followed by the browser: https:/mailto: go to the system browser through the checked opener,
 * anything else (relative, same-origin, other schemes) does nothing — a note must not be able to
 * navigate the app away (found by the XSS suite's note sink). A single line break shows as one, as
 * in Obsidian (its default) and any notes app: people type notes line by line.
 */
import { useLayoutEffect, useRef } from 'react'
import { marked } from 'marked'
import { setSanitizedHtml } from '../lib/sanitize'
import { api } from '../lib/api'

function onNoteClick(e: React.MouseEvent<HTMLDivElement>): void {
  const a = (e.target as Element | null)?.closest('a')
  if (!a) return
  e.preventDefault()
  const href = a.getAttribute('href') ?? ''
  if (/^(https|mailto):/i.test(href)) void api.app.openExternal({ url: href }) // eng-disable OPEN_EXTERNAL_JS_CHECK — our API: main re-checks the URL
}

export function NoteView({ markdown, label }: { markdown: string; label?: string }): React.JSX.Element | null {
  const ref = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    if (ref.current) setSanitizedHtml(ref.current, marked.parse(markdown, { async: false, gfm: true, breaks: true }))
  }, [markdown])
  if (!markdown.trim()) return null
  return <div className="annotation-note" ref={ref} aria-label={label} onClick={onNoteClick} />
}
