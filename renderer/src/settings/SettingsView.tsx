/** Reading and interface settings, saved in the data dir through the settings service. */
import type { Settings, SettingsPatch } from '../../../electron/shared/settings'
import { LANGUAGES } from '../../../electron/shared/settings'
import { useT } from '../i18n/i18n'

const LANGUAGE_NAMES = { fr: 'Français', en: 'English' } as const

export function SettingsView({ settings, update }: { settings: Settings; update(p: SettingsPatch): Promise<void> }): React.JSX.Element {
  const t = useT()
  const s = t.settings
  return (
    <main id="main" tabIndex={-1} className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{s.title}</h1>
      <form className="settings-form" onSubmit={(e) => e.preventDefault()}>
        <fieldset>
          <legend>{s.language}</legend>
          {LANGUAGES.map((l) => (
            <label key={l} className="radio">
              <input type="radio" name="language" value={l} checked={settings.language === l} onChange={() => void update({ language: l })} />
              <span lang={l}>{LANGUAGE_NAMES[l]}</span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{s.theme}</legend>
          {(['system', 'light', 'dark', 'sepia'] as const).map((th) => (
            <label key={th} className="radio">
              <input type="radio" name="theme" value={th} checked={settings.theme === th} onChange={() => void update({ theme: th })} />
              <span>{s.themes[th]}</span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{s.fontFamily}</legend>
          {(['serif', 'sans'] as const).map((f) => (
            <label key={f} className="radio">
              <input type="radio" name="font" value={f} checked={settings.fontFamily === f} onChange={() => void update({ fontFamily: f })} />
              <span>{s.fontFamilies[f]}</span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{s.lineWidth}</legend>
          {(['narrow', 'medium', 'wide'] as const).map((w) => (
            <label key={w} className="radio">
              <input type="radio" name="width" value={w} checked={settings.lineWidth === w} onChange={() => void update({ lineWidth: w })} />
              <span>{s.lineWidths[w]}</span>
            </label>
          ))}
        </fieldset>
        <label className="range">
          <span>{s.fontSize} ({settings.fontSize} px)</span>
          <input type="range" min={14} max={28} step={1} value={settings.fontSize} onChange={(e) => void update({ fontSize: Number(e.target.value) })} />
        </label>
      </form>
    </main>
  )
}
