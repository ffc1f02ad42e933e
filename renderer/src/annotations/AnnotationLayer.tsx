/**
 * Annotations in the reader: paints the document's highlights (CSS Custom Highlight API, the body's
 * DOM never changes), shows the selection toolbar, opens the editor on a click on a highlight (or
 * from the panel), handles the keyboard path (Alt+H highlights the selection, or the sentence at the
 * caret) and undo/redo (Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y outside text fields), and announces each
 * change in an aria-live region. DocumentView renders only <AnnotationLayer>.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { RenderedDocument } from '../../../electron/shared/content/document'
import type { Annotation, ColorId } from '../../../electron/shared/annotations/model'
import { sentenceAt } from '../../../electron/shared/annotations/sentence'
import { matchesAction } from '../app/use-global-shortcuts'
import { isTypingTarget } from '../app/keyboard'
import { textIndexFor } from '../lib/text-offsets'
import { useT } from '../i18n/i18n'
import { notify } from '../lib/notify'
import { useDomVersion } from '../lib/use-dom-version'
import { replaceRoute } from '../app/route'
import { FloatingAnnotationEditor } from './AnnotationEditor'
import { AnnotationPanel } from './AnnotationPanel'
import { annotationsAt, paint, scrollToAndFlash, selectionOffsets, unpaint } from './highlight-paint'
import { SelectionToolbar } from './SelectionToolbar'
import type { ToolbarAt } from './SelectionToolbar'
import { createAnnotation, redo, undo } from './undo'
import { placeOf, useAnnotationList, useColorLabels } from './use-annotations'

export function AnnotationLayer({ doc, body, focus }: { doc: RenderedDocument; body: HTMLElement | null; focus: string | null }): React.JSX.Element {
  const t = useT()
  const docId = doc.summary.id
  const query = useMemo(() => ({ docId }), [docId])
  const { items, loaded } = useAnnotationList(query)
  const labels = useColorLabels()
  const [toolbar, setToolbar] = useState<ToolbarAt | null>(null)
  const [editing, setEditing] = useState<{ annotation: Annotation; top: number } | null>(null)
  const [message, setMessage] = useState('')
  const [panelOpen, setPanelOpen] = useState(false)

  // Repainted when the body's DOM changes too (glossary links wrap text after the first paint).
  const domVersion = useDomVersion(body)
  useEffect(() => {
    if (body) paint(body, items)
  }, [body, items, domVersion])
  useEffect(() => unpaint, [])

  // Keep the editor's record current (another window, or undo, may change it).
  useEffect(() => {
    setEditing((e) => {
      if (!e) return e
      const now = items.find((v) => v.annotation.id === e.annotation.id)
      return now ? { ...e, annotation: now.annotation } : null
    })
  }, [items])

  const announce = useCallback((m: string) => setMessage((old) => (old === m ? `${m}\u00a0` : m)), [])

  const openEditor = useCallback(
    (a: Annotation) => {
      const v = items.find((x) => x.annotation.id === a.id)
      const p = v ? placeOf(v) : null
      const rect = p && body ? textIndexFor(body).range(p.start, p.end)?.getBoundingClientRect() : null
      // Under the passage when there is room for a usable editor, higher otherwise (it never runs off: CSS).
      setEditing({ annotation: a, top: rect ? Math.max(8, Math.min(rect.bottom + 8, window.innerHeight - Math.min(420, window.innerHeight * 0.6))) : 80 })
    },
    [items, body],
  )

  const highlight = useCallback(
    async (start: number, end: number, color: ColorId, withNote: boolean) => {
      setToolbar(null)
      try {
        const created = await createAnnotation({ docId, start, end, color })
        window.getSelection()?.removeAllRanges()
        announce(t.annotations.created(labels[color]))
        // Visible too, with the way back (Ctrl+Z does the same).
        notify(t.annotations.created(labels[color]), { label: t.annotations.undo, run: () => void undo().then((did) => did && notify(t.annotations.undone, undefined, 4000)) }, 4000)
        if (withNote) setEditing({ annotation: created, top: 80 })
      } catch (e) {
        announce(e instanceof Error ? e.message : String(e))
      }
    },
    [docId, labels, t, announce],
  )

  // The toolbar follows the selection of the body.
  useEffect(() => {
    if (!body) return
    const update = (): void => {
      const sel = selectionOffsets(body)
      setToolbar(sel ? { start: sel.start, end: sel.end, rect: sel.rect } : null)
    }
    const onUp = (e: Event): void => {
      if (e.target instanceof Element && e.target.closest('.selection-toolbar, .annotation-editor, .annotation-panel')) return
      window.setTimeout(update, 0)
    }
    const onChange = (): void => {
      if (window.getSelection()?.isCollapsed) setToolbar(null)
    }
    document.addEventListener('mouseup', onUp)
    document.addEventListener('keyup', onUp)
    document.addEventListener('selectionchange', onChange)
    return () => {
      document.removeEventListener('mouseup', onUp)
      document.removeEventListener('keyup', onUp)
      document.removeEventListener('selectionchange', onChange)
    }
  }, [body])

  // A click on a highlight (with nothing selected) opens its editor.
  useEffect(() => {
    if (!body) return
    const onClick = (e: MouseEvent): void => {
      if (!window.getSelection()?.isCollapsed || (e.target instanceof Element && e.target.closest('a, button'))) return
      const hit = annotationsAt(body, items, e.clientX, e.clientY)[0]
      if (hit) openEditor(hit.annotation)
    }
    body.addEventListener('click', onClick)
    return () => body.removeEventListener('click', onClick)
  }, [body, items, openEditor])

  // Keyboard: highlight, undo, redo.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!body) return
      if (matchesAction(e, 'highlight')) {
        e.preventDefault()
        const sel = selectionOffsets(body)
        if (sel) return void highlight(sel.start, sel.end, 'yellow', false)
        const s = window.getSelection()
        const caret = s && s.rangeCount > 0 ? textIndexFor(body).offsetOf(s.getRangeAt(0).startContainer, s.getRangeAt(0).startOffset) : null
        const sentence = caret === null ? null : sentenceAt(doc.text, caret)
        if (sentence) void highlight(sentence.start, sentence.end, 'yellow', false)
        else announce(t.annotations.noSelection)
        return
      }
      if (isTypingTarget(e.target)) return
      const isUndo = matchesAction(e, 'undo')
      const isRedo = matchesAction(e, 'redo')
      if (!isUndo && !isRedo) return
      e.preventDefault()
      void (isUndo ? undo() : redo())
        .then((did) => {
          const m = did ? (isUndo ? t.annotations.undone : t.annotations.redone) : t.annotations.nothing
          announce(m)
          notify(m, undefined, 4000)
        })
        .catch((err: unknown) => announce(err instanceof Error ? err.message : String(err)))
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [body, doc.text, highlight, announce, t])

  // `#/doc/<id>?annotation=<uuid>` (the global view, a search hit, an exported link): this layer is
  // the one owner of that parameter. Once the document's annotations are loaded: scroll to the
  // passage and flash it, once; a note without a passage (orphan, document note) opens the panel;
  // an unknown one (deleted, or of another document) leaves the document at the top, and says so.
  const focused = useRef<string | null>(null)
  useEffect(() => {
    if (!focus || !body || !loaded || focused.current === focus) return
    focused.current = focus
    const v = items.find((x) => x.annotation.id === focus)
    const p = v ? placeOf(v) : null
    if (p) scrollToAndFlash(body, p.start, p.end)
    else if (v) {
      setPanelOpen(true)
      notify(t.annotations.focusUnplaced)
    } else {
      notify(t.exportNotes.annotationMissing)
      replaceRoute({ view: 'document', id: docId, anchor: null })
    }
  }, [focus, body, items, loaded, docId, t])

  const jump = useCallback(
    (start: number, end: number) => {
      if (body) scrollToAndFlash(body, start, end)
    },
    [body],
  )

  return (
    <>
      {toolbar && !editing && <SelectionToolbar at={toolbar} labels={labels} onHighlight={(c, withNote) => void highlight(toolbar.start, toolbar.end, c, withNote)} />}
      {editing && (
        <FloatingAnnotationEditor key={editing.annotation.id} top={editing.top} annotation={editing.annotation} labels={labels} onClose={() => setEditing(null)} onDone={announce} />
      )}
      <button type="button" className="annotation-panel-toggle" aria-expanded={panelOpen} aria-controls="annotation-panel" onClick={() => setPanelOpen((o) => !o)}>
        {t.annotations.panelToggle} ({items.length})
      </button>
      {panelOpen && <AnnotationPanel docId={docId} body={body} labels={labels} onEdit={openEditor} onJump={jump} onClose={() => setPanelOpen(false)} announce={announce} />}
      <div className="sr-only" role="status" aria-live="polite" data-testid="annotation-status">
        {message}
      </div>
    </>
  )
}
