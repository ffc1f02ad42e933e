/** The five colours as a radio group, each with its label (the colour's meaning) and its name. */
import { COLOR_IDS } from '../../../electron/shared/annotations/model'
import type { ColorId, ColorLabels } from '../../../electron/shared/annotations/model'
import { useT } from '../i18n/i18n'

export function ColorChoice(props: { labels: ColorLabels; value: ColorId; onChange: (c: ColorId) => void; legend: string; name: string }): React.JSX.Element {
  const t = useT()
  return (
    <fieldset className="color-choice">
      <legend>{props.legend}</legend>
      {COLOR_IDS.map((c) => (
        <label key={c} className={`color-option color-${c}`}>
          <input type="radio" name={props.name} value={c} checked={props.value === c} onChange={() => props.onChange(c)} />
          <span className="annot-swatch" aria-hidden="true" />
          {t.annotations.colorOption(c, props.labels[c])}
        </label>
      ))}
    </fieldset>
  )
}
