/**
 * The find bar (Ctrl+F): a search landmark floating under the top bar. Enter / Shift+Enter (or F3 /
 * Shift+F3, or the arrows) move between matches; Escape closes it and gives focus back. The count is
 * shown, and announced politely once typing pauses.
 */
import { useEffect, useId, useRef, useState } from 'react'
import { useT } from '../../i18n/i18n'
import { matchesAction } from '../../app/use-global-shortcuts'
import type { Find } from './use-find'
import { Icon } from '../../lib/icons'

export function FindBar({ find, onClose, focusToken }: { find: Find; onClose: () => void; focusToken: number }): React.JSX.Element {
  const t = useT()
  const f = t.reader.find
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [announcement, setAnnouncement] = useState('')

  useEffect(() => {
    input.current?.focus()
    input.current?.select()
  }, [focusToken])

  const { query, count, current } = find
  const label = query.trim() === '' ? '' : count === 0 ? f.none : f.count(current + 1, count)
  useEffect(() => {
    const timer = setTimeout(() => setAnnouncement(query.trim() === '' ? '' : count === 0 ? f.none : f.position(current + 1, count)), 500)
    return () => clearTimeout(timer)
  }, [query, count, current, f])

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>): void => {
    const native = e.nativeEvent
    if (matchesAction(native, 'findPrevious')) {
      e.preventDefault()
      find.previous()
    } else if (matchesAction(native, 'findNext')) {
      e.preventDefault()
      find.next()
    } else if (e.key === 'Escape') {
      e.preventDefault()
      e.stopPropagation()
      onClose()
    }
  }

  return (
    <div className="find-bar" role="search" aria-label={f.label}>
      <label htmlFor={id} className="sr-only">
        {f.label}
      </label>
      <span className="find-icon">
        <Icon name="search" size={17} />
      </span>
      <input
        ref={input}
        id={id}
        type="search"
        value={find.query}
        placeholder={f.placeholder}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={`${id}-count`}
        onChange={(e) => find.setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <span id={`${id}-count`} className={`find-count${find.query && find.count === 0 ? ' find-none' : ''}`}>
        {label}
      </span>
      <button type="button" className="icon-button" aria-label={f.previous} onClick={find.previous} disabled={find.count === 0}>
        <Icon name="up" />
      </button>
      <button type="button" className="icon-button" aria-label={f.next} onClick={find.next} disabled={find.count === 0}>
        <Icon name="down" />
      </button>
      <button type="button" className="icon-button" aria-label={f.close} onClick={onClose}>
        <Icon name="close" />
      </button>
      <span className="sr-only" role="status">
        {announcement}
      </span>
    </div>
  )
}
