/**
 * The choice between the two forms of a presentation (issue 16), where presenting starts: the
 * reader's « Présenter » menu and the workshops screen. Two radio buttons, each with a one-line
 * hint of what the room will see; the caller remembers the choice (settings.presentForm).
 */
import { useId } from 'react'
import { PRESENT_FORMS } from '../../../electron/shared/presentation/deck'
import type { PresentForm } from '../../../electron/shared/presentation/deck'
import { useT } from '../i18n/i18n'

export function PresentFormChoice({ value, onChange }: { readonly value: PresentForm; readonly onChange: (form: PresentForm) => void }): React.JSX.Element {
  const p = useT().presentation
  const name = useId()
  return (
    <fieldset className="present-form">
      <legend>{p.form}</legend>
      {PRESENT_FORMS.map((f) => (
        <label key={f} className="present-form-option" data-form={f}>
          <input type="radio" name={name} value={f} checked={value === f} onChange={() => onChange(f)} />
          <span className="present-form-text">
            <span className="present-form-name">{p.forms[f].name}</span>
            <span className="present-form-hint">{p.forms[f].hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  )
}
