/**
 * The side panel of the reader: the document's annotations in reading order (or by date), filtered
 * by colour label, tag and text. A click scrolls to the passage and flashes it; fuzzy matches are
 * confirmed here, orphans re-attached to the current selection or kept as document notes.
 */
import { useEffect, useRef } from 'react'
import type { ColorLabels, Annotation } from '../../../electron/shared/annotations/model'
import { api, unwrap } from '../lib/api'
import { useT } from '../i18n/i18n'
import { AnnotationItem } from './AnnotationItem'
import { FilteredAnnotations } from './FilteredAnnotations'
import { selectionOffsets } from './highlight-paint'
import { placeOf } from './use-annotations'

export function AnnotationPanel(props: {
  docId: string
  body: HTMLElement | null
  labels: ColorLabels
  onEdit: (a: Annotation) => void
  onJump: (start: number, end: number) => void
  onClose: () => void
  announce: (m: string) => void
}): React.JSX.Element {
  const { docId, body, labels, onEdit, onJump, onClose, announce } = props
  const t = useT()
  const heading = useRef<HTMLHeadingElement>(null)
  // Selection made in the document before pressing « Rattacher » (the click itself keeps it, but
  // remember the last one in case focus moved).
  const lastSelection = useRef<{ start: number; end: number } | null>(null)
  useEffect(() => {
    heading.current?.focus()
    const onChange = (): void => {
      const s = body ? selectionOffsets(body) : null
      if (s) lastSelection.current = { start: s.start, end: s.end }
    }
    document.addEventListener('selectionchange', onChange)
    return () => document.removeEventListener('selectionchange', onChange)
  }, [body])

  const run = (p: Promise<unknown>): void => void p.catch((e: unknown) => announce(e instanceof Error ? e.message : String(e)))

  return (
    <aside
      id="annotation-panel"
      className="annotation-panel"
      aria-labelledby="annotation-panel-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose()
      }}
    >
      <div className="annotation-panel-head">
        <h2 id="annotation-panel-title" tabIndex={-1} ref={heading}>
          {t.annotations.panel}
        </h2>
        <button type="button" onClick={onClose} aria-label={t.annotations.closePanel} title={t.annotations.closePanel}>×</button>
      </div>
      <FilteredAnnotations
        docId={docId}
        labels={labels}
        renderItem={(v) => {
          const p = placeOf(v)
          const id = v.annotation.id
          return (
            <AnnotationItem
              key={id}
              view={v}
              labels={labels}
              actions={{
                onOpen: p ? () => onJump(p.start, p.end) : undefined,
                onEdit: () => onEdit(v.annotation),
                onConfirm: p ? () => run(unwrap(api.annotations.confirm({ id, start: p.start, end: p.end }))) : undefined,
                onReattach: () => {
                  const s = (body ? selectionOffsets(body) : null) ?? lastSelection.current
                  if (!s) return announce(t.annotations.selectFirst)
                  run(unwrap(api.annotations.reattach({ id, start: s.start, end: s.end })))
                },
                onDetach: () => run(unwrap(api.annotations.detach({ id }))),
              }}
            />
          )
        }}
      />
    </aside>
  )
}
