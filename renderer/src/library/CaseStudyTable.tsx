/**
 * The case studies side by side (#15): one row per study — name (a link to it), legal form,
 * founding year, sector and licences, as its front matter's `organisation` gives them. The rows
 * come from the rendered documents (loadDocument, cached), fetched when the table is first shown;
 * a study hidden by the library's filters is hidden here too.
 */
import { useMemo } from 'react'
import type { DocumentSummary } from '../../../electron/shared/content/document'
import type { Organisation } from '../../../electron/shared/content/front-matter'
import { loadDocument } from '../lib/library-data'
import { useAsync } from '../lib/use-async'
import { routeHash } from '../app/route'
import { useT } from '../i18n/i18n'

interface Row {
  readonly doc: DocumentSummary
  readonly organisation: Organisation | null
}

export function CaseStudyTable({ docs, shown }: { docs: readonly DocumentSummary[]; shown: ReadonlySet<string> }): React.JSX.Element {
  const t = useT()
  const c = t.library.caseColumns
  const key = useMemo(() => docs.map((d) => `${d.id}@${d.hash}`).join(','), [docs])
  const state = useAsync(
    async (): Promise<Row[]> => Promise.all(docs.map(async (doc) => ({ doc, organisation: (await loadDocument(doc.id)).meta.organisation ?? null }))),
    `case-table:${key}`,
  )
  if (state.status === 'loading') return <p className="loading" aria-busy="true">{t.library.caseTableLoading}</p>
  if (state.status === 'error') return <p role="alert" className="error">{state.error.message}</p>
  return (
    <div className="case-table-wrap">
      <table className="case-table">
        <caption>{t.library.caseTableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{c.name}</th>
            <th scope="col">{c.legalForm}</th>
            <th scope="col">{c.founded}</th>
            <th scope="col">{c.sector}</th>
            <th scope="col">{c.licences}</th>
          </tr>
        </thead>
        <tbody>
          {state.value.map(({ doc, organisation: o }) => (
            <tr key={doc.id} data-doc-id={doc.id} hidden={!shown.has(doc.id)}>
              <th scope="row">
                <a href={routeHash({ view: 'document', id: doc.id, anchor: null })}>{o?.name ?? doc.title}</a>
              </th>
              <td>{o?.legalForm ?? '—'}</td>
              <td>{o?.founded ?? '—'}</td>
              <td>{o?.sector ?? '—'}</td>
              <td>{o?.licences === undefined ? '—' : o.licences.length === 0 ? t.library.noLicence : o.licences.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
