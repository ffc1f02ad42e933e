/**
 * A modal question with two answers (the native <dialog>, opened with showModal: focus is held
 * inside, Escape cancels, the page behind is inert). Announced as an alertdialog with its title and
 * explanation; the safe answer (cancel) has the focus first, so Enter never destroys by surprise.
 * Focus returns to what had it when the dialog closes.
 */
import { useEffect, useRef } from 'react'

export interface ConfirmDialogProps {
  readonly title: string
  readonly body: string
  readonly confirm: string
  readonly cancel: string
  readonly onConfirm: () => void
  readonly onCancel: () => void
}

export function ConfirmDialog({ title, body, confirm, cancel, onConfirm, onCancel }: ConfirmDialogProps): React.JSX.Element {
  const ref = useRef<HTMLDialogElement>(null)
  const answered = useRef(false)
  useEffect(() => {
    const dialog = ref.current
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (dialog && !dialog.open) dialog.showModal()
    return () => returnTo?.focus({ preventScroll: true })
  }, [])
  const answer = (yes: boolean): void => {
    answered.current = true
    ref.current?.close()
    if (yes) onConfirm()
    else onCancel()
  }
  return (
    <dialog
      ref={ref}
      className="sheet confirm-dialog"
      role="alertdialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onClose={() => {
        if (!answered.current) onCancel() // Escape
      }}
    >
      <h2 id="confirm-title">{title}</h2>
      <p id="confirm-body">{body}</p>
      <div className="confirm-actions">
        <button type="button" className="button" autoFocus onClick={() => answer(false)}>
          {cancel}
        </button>
        <button type="button" className="button danger" onClick={() => answer(true)}>
          {confirm}
        </button>
      </div>
    </dialog>
  )
}
