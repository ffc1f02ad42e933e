/** Picks a document, then one of its sections (or the whole document), to add to a deck. */
import { useEffect, useId, useState } from 'react'
import type { DocumentSummary, RenderedDocument } from '../../../electron/shared/content/document'
import type { DeckItem } from '../../../electron/shared/presentation/deck'
import { presentableSections } from '../../../electron/shared/presentation/spans'
import { api, unwrap } from '../lib/api'
import { useT } from '../i18n/i18n'

export function SectionPicker({ documents, onAdd }: { readonly documents: readonly DocumentSummary[]; readonly onAdd: (item: DeckItem) => void }): React.JSX.Element {
  const t = useT()
  const d = t.presentation.decks
  const id = useId()
  const [chosen, setDocId] = useState('')
  // Until the user picks one, the first document of the library (the list may arrive after us).
  const docId = chosen || documents[0]?.id || ''
  const [doc, setDoc] = useState<RenderedDocument | null>(null)
  const [sectionId, setSectionId] = useState('')

  useEffect(() => {
    if (!docId) return
    let live = true
    void unwrap(api.library.get({ id: docId })).then((r) => {
      if (!live) return
      setDoc(r)
      setSectionId(presentableSections(r.sections)[0]?.id ?? '')
    })
    return () => {
      live = false
    }
  }, [docId])

  const sections = doc && doc.summary.id === docId ? presentableSections(doc.sections) : []
  return (
    <form
      className="section-picker"
      onSubmit={(e) => {
        e.preventDefault()
        if (docId) onAdd({ docId, sectionId: sectionId === '' ? null : sectionId })
      }}
    >
      <label htmlFor={`${id}-doc`}>{d.addDocument}</label>
      <select id={`${id}-doc`} value={docId} onChange={(e) => setDocId(e.target.value)}>
        {documents.map((x) => <option key={x.id} value={x.id}>{x.title}</option>)}
      </select>
      <label htmlFor={`${id}-section`}>{d.addSection}</label>
      <select id={`${id}-section`} value={sectionId} onChange={(e) => setSectionId(e.target.value)} disabled={sections.length === 0 && !doc}>
        <option value="">{d.wholeDocument}</option>
        {sections.map((s) => (
          <option key={s.id} value={s.id}>{`${s.level >= 3 ? '— ' : ''}${s.title}`}</option>
        ))}
      </select>
      <button type="submit" className="button">{d.add}</button>
    </form>
  )
}
