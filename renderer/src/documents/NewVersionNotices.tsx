/**
 * « Une nouvelle version de ce fichier est disponible » with « Mettre à jour »: the new versions the
 * service keeps (documents.newVersions, across restarts) — a file imported again, or changed at the
 * path it was imported from (files from the open dialog or `cli add`; a dropped file has no path).
 * Under the title of an imported document (`id`: its file is checked as it opens) and at the top of
 * the library (every document, titled). « Mettre à jour » is documents.replace, as « Remplacer par
 * cette version » in the import report; what the re-anchoring did is said in a toast, since the
 * reader shows the new text at once (DocumentView reloads on `documents.changed`).
 */
import { useEffect, useState } from 'react'
import type { NewVersion } from '../../../electron/shared/documents/model'
import { api } from '../lib/api'
import { notify } from '../lib/notify'
import { useAction } from '../lib/use-action'
import { useDocumentsStrings } from './kind-labels'

function useNewVersions(id: string | undefined): readonly NewVersion[] {
  const [versions, setVersions] = useState<readonly NewVersion[]>([])
  useEffect(() => {
    let live = true
    const load = (): void => void api.documents.newVersions(id === undefined ? {} : { id }).then((r) => live && r.ok && setVersions(r.value))
    load()
    const off = api.on('documents.changed', ({ ids }) => {
      if (id === undefined || ids.includes(id)) load()
    })
    return () => {
      live = false
      off()
    }
  }, [id])
  return versions
}

function Notice({ version, title, here }: { version: NewVersion; title: string; here: boolean }): React.JSX.Element {
  const d = useDocumentsStrings()
  const { state, run } = useAction(
    () => api.documents.replace({ id: version.id, versionToken: version.versionToken }),
    (replaced) => notify(d.updated(replaced.document.title, replaced.annotations.counts)),
  )
  return (
    <div className="new-version-notice" role="status" data-doc-id={version.id}>
      <p>
        <strong>{here ? d.newVersionHere : d.newVersionOf(title)}</strong> <span className="new-version-why">({d.newVersionWhy(version.name, version.origin)})</span>
      </p>
      <button type="button" className="button" disabled={state.kind === 'busy'} onClick={run}>
        {state.kind === 'busy' ? d.updating : d.update}
      </button>
      {state.kind === 'failed' && (
        <p role="alert" className="error">
          {state.message}
        </p>
      )}
    </div>
  )
}

/** The new version of one imported document (the reader), its file checked as it opens. */
export function NewVersionNotice({ id, title }: { id: string; title: string }): React.JSX.Element | null {
  const [version] = useNewVersions(id)
  return version ? <Notice version={version} title={title} here /> : null
}

/** Every new version waiting (the library), each with its document's title; not those `except` names (by token: the import report offers them). */
export function NewVersionNotices({ titleOf, except }: { titleOf: (id: string) => string | undefined; except: ReadonlySet<string> }): React.JSX.Element | null {
  const d = useDocumentsStrings()
  const versions = useNewVersions(undefined).filter((v) => titleOf(v.id) !== undefined && !except.has(v.versionToken))
  if (versions.length === 0) return null
  return (
    <section className="new-versions" aria-label={d.newVersions}>
      {versions.map((v) => (
        <Notice key={v.id} version={v} title={titleOf(v.id)!} here={false} />
      ))}
    </section>
  )
}
