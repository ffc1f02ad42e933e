import type { RenderedDocument } from '../../../electron/shared/content/document'
import { useT } from '../i18n/i18n'
import { api } from '../lib/api'

export function DocumentHeader({ doc }: { doc: RenderedDocument }): React.JSX.Element {
  const t = useT()
  const { meta, summary } = doc
  return (
    <header className="doc-header">
      <nav className="breadcrumbs" aria-label={t.document.breadcrumbs}>
        <a href="#/">{t.nav.library}</a> <span aria-hidden="true">›</span> <span>{t.library.kinds[meta.kind]}</span>
      </nav>
      <p className="doc-kicker">
        {meta.kind === 'cahier' && meta.order ? t.library.chapter(meta.order) : t.library.kindSingular[meta.kind]}
      </p>
      <h1 id="doc-title">{meta.title}</h1>
      <p className="doc-summary">{meta.summary}</p>
      <dl className="doc-meta">
        <div>
          <dt>{t.document.date}</dt>
          <dd><time dateTime={meta.date}>{new Date(meta.date).toLocaleDateString(document.documentElement.lang, { dateStyle: 'long' })}</time></dd>
        </div>
        <div>
          <dt>{t.document.tags}</dt>
          <dd className="tags">{meta.tags.map((tag) => <span key={tag} className="tag">{tag}</span>)}</dd>
        </div>
        <div>
          <dt>{t.document.licence}</dt>
          <dd>{meta.licence}</dd>
        </div>
        <div>
          <dt>{t.document.readingTime}</dt>
          <dd>{t.library.minutes(summary.readingMinutes)}</dd>
        </div>
      </dl>
      {meta.sources.length > 0 && (
        <details className="doc-sources">
          <summary>{t.document.sources} ({meta.sources.length})</summary>
          <ul>
            {meta.sources.map((s) => (
              <li key={s.url}>
                <a href={s.url} onClick={(e) => {
                  e.preventDefault()
                  void api.app.openExternal({ url: s.url }) // eng-disable OPEN_EXTERNAL_JS_CHECK — our API: main re-checks the URL
                }}>{s.title}</a>
              </li>
            ))}
          </ul>
        </details>
      )}
    </header>
  )
}
