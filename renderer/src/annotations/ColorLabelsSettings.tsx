/**
 * Settings card: the meaning of each annotation colour. Each label is saved when its field loses
 * focus (or on Enter); a refused label (empty, too long) is shown as an error and the stored one kept.
 */
import { useEffect, useId, useState } from 'react'
import { COLOR_IDS } from '../../../electron/shared/annotations/model'
import type { ColorId } from '../../../electron/shared/annotations/model'
import { api } from '../lib/api'
import { useT } from '../i18n/i18n'
import { useColorLabels } from './use-annotations'

export function ColorLabelsSettings(): React.JSX.Element {
  const t = useT()
  const id = useId()
  const stored = useColorLabels()
  // What the service last said (its answer to our own change included: setLabels emits no event).
  const [labels, setLabels] = useState(stored)
  const [draft, setDraft] = useState(stored)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    setLabels(stored)
    setDraft(stored)
  }, [stored])

  const save = (c: ColorId): void => {
    if (draft[c] === labels[c]) return
    void api.annotations.setLabels({ [c]: draft[c] }).then((r) => {
      if (r.ok) {
        setError(null)
        setLabels(r.value)
        setDraft(r.value)
      } else {
        setError(r.error.message)
        setDraft(labels)
      }
    })
  }
  return (
    <section className="settings-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.annotations.labelsTitle}</h2>
      <p>{t.annotations.labelsHint}</p>
      <div className="color-labels">
        {COLOR_IDS.map((c) => (
          <div key={c} className={`color-label-row color-${c}`}>
            <span className="annot-swatch" aria-hidden="true" />
            <input
              aria-label={t.annotations.labelFor(c)}
              value={draft[c]}
              maxLength={40}
              onChange={(e) => setDraft({ ...draft, [c]: e.target.value })}
              onBlur={() => save(c)}
              onKeyDown={(e) => e.key === 'Enter' && save(c)}
            />
          </div>
        ))}
      </div>
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  )
}
