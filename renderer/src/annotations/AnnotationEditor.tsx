/**
 * Edits one annotation: colour, note (Markdown with a sanitised preview) and tags (autocompleted
 * from the tags in use, normalised as people type them: shared/annotations/tags.ts), or deletes it.
 * A non-modal dialog that never loses what is typed:
 * - every keystroke is kept as a draft (drafts.ts) until saved or explicitly discarded, and a draft
 *   left from an earlier visit is restored when the editor opens again, with a notice;
 * - Enregistrer, Escape, Ctrl+Enter, Enter in the tags field, a click outside the editor, and
 *   leaving the page (unmount) all save;
 *   only « Annuler » discards, and it says so;
 * - a tag that cannot be a tag is named next to the field, in the UI's language; the note stays.
 * Every change goes through the undoable operations.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react'
import type { Annotation, ColorId, ColorLabels } from '../../../electron/shared/annotations/model'
import { parseTagInput } from '../../../electron/shared/annotations/tags'
import type { ParsedTags } from '../../../electron/shared/annotations/tags'
import { api } from '../lib/api'
import { useT } from '../i18n/i18n'
import type { Strings } from '../i18n/fr'
import { notify } from '../lib/notify'
import { ColorChoice } from './ColorChoice'
import { NoteView } from './NoteView'
import { clearDraft, readDraft, writeDraft } from './drafts'
import type { Draft } from './drafts'
import { deleteAnnotation, undo, updateAnnotation } from './undo'

function tagProblemText(t: Strings, p: ParsedTags['problems'][number]): string {
  const raw = p.raw.trim()
  if (p.problem === 'too-long') return t.annotations.tagTooLong(raw)
  if (p.problem === 'bad-char') return t.annotations.tagBadChar(raw, p.char ?? '')
  return t.annotations.tagEmpty
}

/** Same tags: the same text, or the same tags once normalised when every one of them is valid. */
function sameTags(a: string, b: string): boolean {
  if (a.trim() === b.trim()) return true
  const pa = parseTagInput(a)
  const pb = parseTagInput(b)
  return pa.problems.length === 0 && pb.problems.length === 0 && pa.tags.join('\u0000') === pb.tags.join('\u0000')
}
const same = (a: Draft, b: Draft): boolean => a.note === b.note && a.color === b.color && sameTags(a.tags, b.tags)

export function AnnotationEditor(props: { annotation: Annotation; labels: ColorLabels; onClose: () => void; onDone: (message: string) => void }): React.JSX.Element {
  const { annotation: a, labels, onClose, onDone } = props
  const t = useT()
  const id = useId()
  const stored: Draft = { note: a.body.note, tags: a.body.tags.join(', '), color: a.body.color }
  const [restored, setRestored] = useState(() => {
    const d = readDraft(a.id)
    return d && !same(d, stored) ? d : null
  })
  const [draft, setDraft] = useState<Draft>(restored ?? stored)
  const [known, setKnown] = useState<readonly string[]>([])
  const [error, setError] = useState<string | null>(null)
  const [tagError, setTagError] = useState<string | null>(null)
  const root = useRef<HTMLDivElement>(null)
  const first = useRef<HTMLTextAreaElement>(null)
  // The latest state for the unmount and outside-click paths (they run outside React's render).
  const latest = useRef({ draft, a, settled: false })
  latest.current = { ...latest.current, draft, a }

  useEffect(() => {
    first.current?.focus()
    void api.annotations.tags({ prefix: '' }).then((r) => r.ok && setKnown(r.value.map((x) => x.tag)))
  }, [])

  const change = (patch: Partial<Draft>): void => {
    setDraft((d) => {
      const next = { ...d, ...patch }
      writeDraft(a.id, next)
      return next
    })
    if (patch.tags !== undefined) setTagError(null)
  }

  /**
   * Saves what differs from the stored record. `strict`: refuse (and say why) when a tag is not
   * valid; otherwise (closing paths) save the note, colour and valid tags, and keep the draft so the
   * tags typed are still there next time. True when the draft was fully saved.
   */
  const commit = useCallback(
    async (strict: boolean): Promise<boolean> => {
      const { draft: d, a: base } = latest.current
      const parsed = parseTagInput(d.tags)
      if (parsed.problems.length > 0 && strict) {
        setTagError(parsed.problems.map((p) => tagProblemText(t, p)).join(' '))
        return false
      }
      const patch: { note?: string; tags?: string[]; color?: ColorId } = {}
      if (d.color !== base.body.color) patch.color = d.color
      if (d.note !== base.body.note) patch.note = d.note
      if (parsed.tags.join('\u0000') !== base.body.tags.join('\u0000')) patch.tags = [...parsed.tags]
      try {
        if (Object.keys(patch).length > 0) await updateAnnotation(base, patch)
      } catch (e) {
        setError(`${t.annotations.saveFailed} ${e instanceof Error ? e.message : String(e)}`)
        return false
      }
      if (parsed.problems.length === 0) clearDraft(base.id)
      if (Object.keys(patch).length > 0) {
        onDone(t.annotations.saved)
        notify(t.annotations.saved, { label: t.annotations.undo, run: () => void undo() }, 4000)
      }
      return parsed.problems.length === 0
    },
    [t, onDone],
  )

  const saveAndClose = async (): Promise<void> => {
    if (await commit(true)) {
      latest.current.settled = true
      onClose()
    }
  }
  const cancel = (): void => {
    const changed = !same(latest.current.draft, stored)
    clearDraft(a.id)
    latest.current.settled = true
    if (changed) notify(t.annotations.discarded, undefined, 4000)
    onClose()
  }
  const remove = async (): Promise<void> => {
    try {
      await deleteAnnotation(a.id)
      clearDraft(a.id)
      latest.current.settled = true
      onDone(t.annotations.deleted)
      notify(t.annotations.deleted, { label: t.annotations.undo, run: () => void undo() }, 6000)
      onClose()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }

  // A click outside the editor saves and closes it (a tag that is not valid keeps it open, named).
  useEffect(() => {
    const onDown = (e: PointerEvent): void => {
      if (!(e.target instanceof Node) || root.current?.contains(e.target)) return
      void commit(true).then((ok) => {
        if (ok) {
          latest.current.settled = true
          onClose()
        }
      })
    }
    document.addEventListener('pointerdown', onDown, true)
    return () => document.removeEventListener('pointerdown', onDown, true)
  }, [commit, onClose])

  // Leaving the page with the editor open (a link, the top bar, Back) saves what can be saved.
  useEffect(
    () => () => {
      if (!latest.current.settled) void commit(false)
    },
    [commit],
  )

  // Autocomplete the tag being typed (the part after the last comma).
  const typed = draft.tags.split(',').at(-1)?.trim() ?? ''
  const suggestions = known.filter((k) => k !== typed && k.toLowerCase().startsWith(typed.replace(/^#/, '').toLowerCase())).slice(0, 8)
  const prefix = draft.tags.includes(',') ? draft.tags.slice(0, draft.tags.lastIndexOf(',') + 1) + ' ' : ''

  return (
    <div
      ref={root}
      className="annotation-editor"
      role="dialog"
      aria-label={t.annotations.editor}
      onKeyDown={(e) => {
        // Escape and Ctrl+Enter (⌘+Enter) save and close; so does Enter in the tags field.
        const inTags = e.target instanceof HTMLInputElement && e.target.id === `${id}-tags`
        if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey || inTags))) {
          e.preventDefault()
          e.stopPropagation()
          void saveAndClose()
        }
      }}
    >
      {restored && (
        <p className="annotation-draft-notice" role="status">
          {t.annotations.draftRestored}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              clearDraft(a.id)
              setDraft(stored)
              setRestored(null)
            }}
          >
            {t.annotations.draftDiscard}
          </button>
        </p>
      )}
      {a.target && <blockquote className="annotation-quote">{a.target.selector[0].exact}</blockquote>}
      <ColorChoice labels={labels} value={draft.color} onChange={(color) => change({ color })} legend={t.annotations.color} name={`${id}-color`} />
      <label htmlFor={`${id}-note`}>{t.annotations.note}</label>
      <textarea id={`${id}-note`} ref={first} value={draft.note} rows={4} onChange={(e) => change({ note: e.target.value })} />
      <NoteView markdown={draft.note} label={t.annotations.preview} />
      <label htmlFor={`${id}-tags`}>{t.annotations.tags}</label>
      <input
        id={`${id}-tags`}
        list={`${id}-known`}
        value={draft.tags}
        onChange={(e) => change({ tags: e.target.value })}
        autoComplete="off"
        aria-invalid={tagError ? true : undefined}
        aria-describedby={tagError ? `${id}-tag-error` : `${id}-tag-hint`}
      />
      {tagError ? (
        <p id={`${id}-tag-error`} role="alert" className="error">{tagError}</p>
      ) : (
        <p id={`${id}-tag-hint`} className="hint">{t.annotations.tagsHint}</p>
      )}
      <datalist id={`${id}-known`}>
        {suggestions.map((s) => (
          <option key={s} value={prefix + s} />
        ))}
      </datalist>
      {error && <p role="alert" className="error">{error}</p>}
      <div className="annotation-editor-actions">
        <button type="button" className="primary" onClick={() => void saveAndClose()}>{t.annotations.save}</button>
        <button type="button" onClick={cancel}>{t.annotations.cancel}</button>
        <button type="button" className="danger" onClick={() => void remove()}>{t.annotations.remove}</button>
      </div>
    </div>
  )
}

/**
 * The editor floating at `top` px from the top of the window (reader, « Mes notes »): its wrapper
 * ends 1rem above the window's bottom, so the editor always fits and scrolls inside itself.
 */
export function FloatingAnnotationEditor(props: Parameters<typeof AnnotationEditor>[0] & { top: number }): React.JSX.Element {
  const { top, ...editor } = props
  return (
    <div className="annotation-editor-position" style={{ top, maxHeight: `calc(100vh - ${top}px - 1rem)` }}>
      <AnnotationEditor {...editor} />
    </div>
  )
}
