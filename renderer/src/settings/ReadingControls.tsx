/**
 * The reading settings as native form controls (radio groups and a stepper), shared by the settings
 * screen and the reader's « Aa » panel: theme, text size, line width, typeface.
 */
import { useId } from 'react'
import type { Settings } from '../../../electron/shared/settings'
import { useT } from '../i18n/i18n'
import { useSettingsHandle } from './settings-context'
import { FONT_SIZE } from '../app/use-global-shortcuts'

const THEMES: readonly Settings['theme'][] = ['light', 'sepia', 'dark', 'system']
const WIDTHS: readonly Settings['lineWidth'][] = ['narrow', 'medium', 'wide']
const FONTS: readonly Settings['fontFamily'][] = ['serif', 'sans']

function RadioGroup<V extends string>(props: { legend: string; name: string; value: V; options: readonly V[]; label: (v: V) => string; className?: string; onChange: (v: V) => void; swatch?: boolean }): React.JSX.Element {
  const name = `${props.name}-${useId()}`
  return (
    <fieldset className={`choice-group ${props.className ?? ''}`}>
      <legend>{props.legend}</legend>
      <div className="choices">
        {props.options.map((v) => (
          <label key={v} className="choice" data-value={v}>
            <input type="radio" name={name} value={v} checked={props.value === v} onChange={() => props.onChange(v)} />
            {props.swatch && <span className={`swatch swatch-${v}`} aria-hidden="true">Aa</span>}
            <span className="choice-label">{props.label(v)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}

export function ReadingControls({ compact = false }: { compact?: boolean }): React.JSX.Element {
  const t = useT()
  const s = t.settings
  const { settings, update } = useSettingsHandle()
  return (
    <div className={`reading-controls${compact ? ' compact' : ''}`}>
      <RadioGroup legend={s.theme} name="theme" value={settings.theme} options={THEMES} label={(v) => s.themes[v]} swatch className="themes" onChange={(theme) => void update({ theme })} />
      <fieldset className="choice-group size">
        <legend>{s.fontSize}</legend>
        <div className="stepper">
          <button type="button" className="step" aria-label={t.reader.smallerText} disabled={settings.fontSize <= FONT_SIZE.min} onClick={() => void update({ fontSize: settings.fontSize - 1 })}>
            <span aria-hidden="true" className="small-a">A</span>
          </button>
          <output className="step-value" aria-live="polite">{t.reader.pixels(settings.fontSize)}</output>
          <button type="button" className="step" aria-label={t.reader.largerText} disabled={settings.fontSize >= FONT_SIZE.max} onClick={() => void update({ fontSize: settings.fontSize + 1 })}>
            <span aria-hidden="true" className="big-a">A</span>
          </button>
        </div>
      </fieldset>
      <RadioGroup legend={s.lineWidth} name="width" value={settings.lineWidth} options={WIDTHS} label={(v) => s.lineWidths[v]} onChange={(lineWidth) => void update({ lineWidth })} />
      <RadioGroup legend={s.fontFamily} name="font" value={settings.fontFamily} options={FONTS} label={(v) => s.fontFamilies[v]} className="fonts" onChange={(fontFamily) => void update({ fontFamily })} />
    </div>
  )
}
