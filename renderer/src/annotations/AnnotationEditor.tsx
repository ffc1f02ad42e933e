/**
 * Edits one annotation: colour, note (Markdown with a sanitised preview) and tags (autocompleted
 * from the tags in use), or deletes it. A non-modal dialog; Escape or Cancel closes it and gives
 * focus back to where it came from. Every change goes through the undoable operations.
 */
import { useEffect, useId, useRef, useState } from 'react'
import type { Annotation, ColorId, ColorLabels } from '../../../electron/shared/annotations/model'
import { api } from '../lib/api'
import { useT } from '../i18n/i18n'
import { ColorChoice } from './ColorChoice'
import { NoteView } from './NoteView'
import { deleteAnnotation, updateAnnotation } from './undo'

export function parseTags(s: string): string[] {
  return [...new Set(s.split(',').map((t) => t.trim()).filter(Boolean))]
}

export function AnnotationEditor(props: { annotation: Annotation; labels: ColorLabels; onClose: () => void; onDone: (message: string) => void }): React.JSX.Element {
  const { annotation: a, labels, onClose, onDone } = props
  const t = useT()
  const id = useId()
  const [color, setColor] = useState<ColorId>(a.body.color)
  const [note, setNote] = useState(a.body.note)
  const [tags, setTags] = useState(a.body.tags.join(', '))
  const [known, setKnown] = useState<readonly string[]>([])
  const [error, setError] = useState<string | null>(null)
  const first = useRef<HTMLTextAreaElement>(null)

  useEffect(() => {
    first.current?.focus()
    void api.annotations.tags({ prefix: '' }).then((r) => r.ok && setKnown(r.value.map((x) => x.tag)))
  }, [])

  const save = async (): Promise<void> => {
    const nextTags = parseTags(tags)
    const change: { note?: string; tags?: string[]; color?: ColorId } = {}
    if (color !== a.body.color) change.color = color
    if (note !== a.body.note) change.note = note
    if (nextTags.join('\u0000') !== a.body.tags.join('\u0000')) change.tags = nextTags
    try {
      if (Object.keys(change).length > 0) await updateAnnotation(a, change)
      onDone(t.annotations.save)
      onClose()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }
  const remove = async (): Promise<void> => {
    try {
      await deleteAnnotation(a.id)
      onDone(t.annotations.deleted)
      onClose()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }
  // Autocomplete the tag being typed (the part after the last comma).
  const typed = tags.split(',').at(-1)?.trim() ?? ''
  const suggestions = known.filter((k) => k !== typed && k.toLowerCase().startsWith(typed.toLowerCase())).slice(0, 8)
  const prefix = tags.includes(',') ? tags.slice(0, tags.lastIndexOf(',') + 1) + ' ' : ''

  return (
    <div
      className="annotation-editor"
      role="dialog"
      aria-label={t.annotations.editor}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          onClose()
        }
      }}
    >
      {a.target && <blockquote className="annotation-quote">{a.target.selector[0].exact}</blockquote>}
      <ColorChoice labels={labels} value={color} onChange={setColor} legend={t.annotations.color} name={`${id}-color`} />
      <label htmlFor={`${id}-note`}>{t.annotations.note}</label>
      <textarea id={`${id}-note`} ref={first} value={note} rows={4} onChange={(e) => setNote(e.target.value)} />
      <NoteView markdown={note} label={t.annotations.preview} />
      <label htmlFor={`${id}-tags`}>{t.annotations.tags}</label>
      <input id={`${id}-tags`} list={`${id}-known`} value={tags} onChange={(e) => setTags(e.target.value)} autoComplete="off" />
      <datalist id={`${id}-known`}>
        {suggestions.map((s) => (
          <option key={s} value={prefix + s} />
        ))}
      </datalist>
      {error && <p role="alert" className="error">{error}</p>}
      <div className="annotation-editor-actions">
        <button type="button" className="primary" onClick={() => void save()}>{t.annotations.save}</button>
        <button type="button" onClick={onClose}>{t.annotations.cancel}</button>
        <button type="button" className="danger" onClick={() => void remove()}>{t.annotations.remove}</button>
      </div>
    </div>
  )
}
