/**
 * One annotation in a list (side panel, global view): colour label, status, quote, note, tags.
 * Fuzzy matches show the old and the new quote with « Confirmer »; orphans offer « Rattacher à la
 * sélection » (the current selection of the document) and « Garder comme note du document ».
 */
import type { ReactNode } from 'react'
import type { ColorLabels } from '../../../electron/shared/annotations/model'
import type { AnnotationView } from '../../../electron/shared/annotations/query'
import { useT } from '../i18n/i18n'
import { useShownQuote } from './use-shown-quote'
import { NoteView } from './NoteView'

export interface ItemActions {
  readonly onOpen?: () => void
  readonly onEdit?: () => void
  readonly onDelete?: () => void
  readonly onConfirm?: () => void
  readonly onReattach?: () => void
  readonly onDetach?: () => void
}

export function AnnotationItem(props: { view: AnnotationView; labels: ColorLabels; actions: ItemActions; extra?: ReactNode }): React.JSX.Element {
  const t = useT()
  const { annotation: a, anchor } = props.view
  const { onOpen, onEdit, onDelete, onConfirm, onReattach, onDetach } = props.actions
  // The passage as it reads (footnote calls left out); the stored quote keeps them, being the anchor text.
  const quote = useShownQuote(a.document, anchor) ?? a.target?.selector[0].exact ?? ''
  return (
    <li className={`annotation-item color-${a.body.color} status-${anchor.status}`} data-annotation-id={a.id}>
      <div className="annotation-item-head">
        <span className="annot-swatch" aria-hidden="true" />
        <span className="annotation-label">{props.labels[a.body.color]}</span>
        <span className="annotation-status">{t.annotations.status[anchor.status]}</span>
        {props.extra}
      </div>
      {anchor.status === 'fuzzy' ? (
        <dl className="annotation-fuzzy">
          <dt>{t.annotations.oldQuote}</dt>
          <dd>{anchor.oldQuote}</dd>
          <dt>{t.annotations.newQuote}</dt>
          <dd>{onOpen ? <button type="button" className="annotation-quote-button" onClick={onOpen}>{anchor.quote}</button> : anchor.quote}</dd>
        </dl>
      ) : quote ? (
        onOpen ? (
          <button type="button" className="annotation-quote-button" onClick={onOpen}>
            {quote}
          </button>
        ) : (
          <blockquote className="annotation-quote">{quote}</blockquote>
        )
      ) : null}
      <NoteView markdown={a.body.note} />
      {a.body.tags.length > 0 && (
        <ul className="annotation-tags">
          {a.body.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      )}
      <div className="annotation-item-actions">
        {anchor.status === 'fuzzy' && onConfirm && <button type="button" onClick={onConfirm}>{t.annotations.confirm}</button>}
        {anchor.status === 'orphan' && onReattach && <button type="button" onClick={onReattach}>{t.annotations.reattach}</button>}
        {anchor.status === 'orphan' && onDetach && <button type="button" onClick={onDetach}>{t.annotations.detach}</button>}
        {onEdit && <button type="button" onClick={onEdit}>{t.annotations.edit}</button>}
        {onDelete && <button type="button" className="danger" onClick={onDelete}>{t.annotations.remove}</button>}
      </div>
    </li>
  )
}
