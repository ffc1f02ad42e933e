/** Reading and interface settings, saved in the data dir through the settings service, with a live preview. */
import { useId, useLayoutEffect } from 'react'
import { LANGUAGES } from '../../../electron/shared/settings'
import { useT } from '../i18n/i18n'
import { useSettingsHandle } from './settings-context'
import { ReadingControls } from './ReadingControls'
import { focusHeading } from '../reader/focus'
import { ColorLabelsSettings } from '../annotations/ColorLabelsSettings'

const LANGUAGE_NAMES = { fr: 'Français', en: 'English' } as const

export function SettingsView(): React.JSX.Element {
  const t = useT()
  const s = t.settings
  const { settings, update } = useSettingsHandle()
  const name = useId()
  useLayoutEffect(() => {
    window.scrollTo(0, 0)
    focusHeading(document.getElementById('settings-title'))
  }, [])
  return (
    <main id="main" tabIndex={-1} className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{s.title}</h1>
      <p className="lede">{t.reader.settingsIntro}</p>
      <div className="settings-grid">
        <form className="settings-form" onSubmit={(e) => e.preventDefault()}>
          <section className="settings-card" aria-labelledby="settings-reading">
            <h2 id="settings-reading">{t.reader.readingSettings}</h2>
            <ReadingControls />
          </section>
          <section className="settings-card" aria-labelledby="settings-interface">
            <h2 id="settings-interface">{t.reader.interface}</h2>
            <fieldset className="choice-group">
              <legend>{s.language}</legend>
              <div className="choices">
                {LANGUAGES.map((l) => (
                  <label key={l} className="choice">
                    <input type="radio" name={`language-${name}`} value={l} checked={settings.language === l} onChange={() => void update({ language: l })} />
                    <span className="choice-label" lang={l}>
                      {LANGUAGE_NAMES[l]}
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
          </section>
          <ColorLabelsSettings />
        </form>
        <aside className="settings-preview" aria-labelledby="settings-preview-title">
          <h2 id="settings-preview-title">{t.reader.preview}</h2>
          <div className="preview-page">
            <p className="doc-kicker">{t.library.chapter(2)} · {t.library.kinds.cahier}</p>
            <p className="preview-title" lang="fr">Deux mondes, des valeurs</p>
            <div className="preview-body" lang="fr">
              <p>
                L’économie sociale et solidaire et le logiciel libre partagent une même intuition&#x202F;: ce qui est produit en commun
                gagne à rester commun. Coopératives, associations et mutuelles ont fait de la gouvernance démocratique une règle&#x202F;;
                les communautés du libre en ont fait une pratique quotidienne.
              </p>
            </div>
          </div>
        </aside>
      </div>
    </main>
  )
}
