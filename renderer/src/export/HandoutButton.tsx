/**
 * « Exporter cette section avec mes notes »: a self-contained button for any section. It asks the
 * export service to save the handout (the section's Markdown, annotations as footnotes) to a file
 * the user chooses — what « Exporter » promises — and offers « Copier » in the confirmation, for
 * pasting it somewhere at once. « Copié » is said only when the clipboard took the text.
 */
import { useState } from 'react'
import { api, unwrap } from '../lib/api'
import { useLanguage, useT } from '../i18n/i18n'
import { notify } from '../lib/notify'
import { copyText } from '../lib/clipboard'

/** `label`: the section's title, so that one button per section still has a distinct accessible name. */
export function HandoutButton({ docId, sectionId, className, label }: { docId: string; sectionId: string; className?: string; label?: string }): React.JSX.Element {
  const t = useT()
  const language = useLanguage()
  const [busy, setBusy] = useState(false)
  const run = async (): Promise<void> => {
    setBusy(true)
    try {
      const saved = await unwrap(api.export.saveHandout({ docId, sectionId, language }))
      if (!saved) {
        notify(t.exportNotes.cancelled, undefined, 4000)
        return
      }
      notify(`${t.exportNotes.handoutSaved(saved.path)} ${t.exportNotes.count(saved.count)}`, {
        label: t.exportNotes.copy,
        run: () =>
          void unwrap(api.export.handout({ docId, sectionId, language }))
            .then((h) => copyText(h.content))
            .then((copied) => notify(copied.ok ? t.exportNotes.copied : t.exportNotes.copyFailed(copied.message))),
      })
    } catch (e) {
      notify(t.exportNotes.failed((e as Error).message))
    } finally {
      setBusy(false)
    }
  }
  return (
    <button type="button" className={className ?? 'handout-button'} disabled={busy} onClick={() => void run()} data-doc={docId} data-section={sectionId} aria-label={label ? `${t.exportNotes.handout} — ${label}` : undefined} title={t.exportNotes.handout}>
      {t.exportNotes.handout}
    </button>
  )
}
