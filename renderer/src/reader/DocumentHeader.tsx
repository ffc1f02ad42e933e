/** The document's header: kind, title, summary, date, reading time, authors, licence, tags, organisation and sources. */
import { memo } from 'react'
import type { RenderedDocument } from '../../../electron/shared/content/document'
import { useLanguage, useT } from '../i18n/i18n'
import { routeHash } from '../app/route'
import { openExternal } from '../lib/open-external'
import { useKindLabels } from '../documents/kind-labels'
import { MyDocumentActions } from '../documents/MyDocumentActions'

/** Known licences: a readable name and the licence's own page. */
const LICENCES: Readonly<Record<string, { readonly name: string; readonly url: string }>> = {
  'CC-BY-SA-4.0': { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/deed.fr' },
  'CC-BY-4.0': { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.fr' },
  'CC0-1.0': { name: 'CC0 1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/deed.fr' },
}

function ExternalLink({ href, children, className }: { href: string; children: React.ReactNode; className?: string }): React.JSX.Element {
  const t = useT()
  return (
    <a
      href={href}
      className={className}
      data-external="true"
      rel="noopener noreferrer"
      onClick={(e) => {
        e.preventDefault()
        void openExternal(href, t)
      }}
    >
      {children}
    </a>
  )
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '')
  } catch {
    return url
  }
}

export const DocumentHeader = memo(function DocumentHeader({ doc }: { doc: RenderedDocument }): React.JSX.Element {
  const t = useT()
  const kinds = useKindLabels()
  const lang = useLanguage()
  const r = t.reader.header
  const { meta, summary } = doc
  const licence = LICENCES[meta.licence]
  return (
    <header className="doc-header">
      <p className="doc-kicker">
        {meta.kind === 'cahier' && meta.order ? `${t.library.chapter(meta.order)} · ${t.library.kinds.cahier}` : kinds.singular[meta.kind]}
      </p>
      <h1 id="doc-title" tabIndex={-1}>{meta.title}</h1>
      <p className="doc-summary">{meta.summary}</p>
      <dl className="doc-meta">
        <div>
          <dt>{t.document.date}</dt>
          <dd>
            <time dateTime={meta.date}>{new Date(`${meta.date}T12:00:00`).toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long' })}</time>
          </dd>
        </div>
        <div>
          <dt>{t.document.readingTime}</dt>
          <dd>{t.library.minutes(summary.readingMinutes)}</dd>
        </div>
        {meta.authors.length > 0 && (
          <div>
            <dt>{r.authors}</dt>
            <dd>{meta.authors.join(', ')}</dd>
          </div>
        )}
        {/* An imported document (« Mes documents ») has no licence of ours to state. */}
        {meta.licence !== '' && (
          <div>
            <dt>{t.document.licence}</dt>
            <dd>{licence ? <ExternalLink href={licence.url}>{licence.name}</ExternalLink> : meta.licence}</dd>
          </div>
        )}
      </dl>
      {meta.kind === 'mien' && <MyDocumentActions id={meta.id} title={meta.title} />}
      <ul className="tags" aria-label={t.document.tags}>
        {meta.tags.map((tag) => (
          <li key={tag}>
            <a className="tag" href={routeHash({ view: 'library', tag })}>
              {tag}
            </a>
          </li>
        ))}
      </ul>
      {meta.organisation && (
        <section className="doc-organisation" aria-labelledby="doc-organisation-title">
          <h2 id="doc-organisation-title">{meta.organisation.name}</h2>
          <dl>
            <div>
              <dt>{r.legalForm}</dt>
              <dd>{meta.organisation.legalForm}</dd>
            </div>
            <div>
              <dt>{r.founded}</dt>
              <dd>{meta.organisation.founded}</dd>
            </div>
            {meta.organisation.sector !== undefined && (
              <div>
                <dt>{r.sector}</dt>
                <dd>{meta.organisation.sector}</dd>
              </div>
            )}
            {meta.organisation.licences !== undefined && (
              <div>
                <dt>{r.licences}</dt>
                <dd>{meta.organisation.licences.length > 0 ? meta.organisation.licences.join(', ') : r.noLicence}</dd>
              </div>
            )}
            <div>
              <dt>{r.website}</dt>
              <dd>
                <ExternalLink href={meta.organisation.website}>{hostOf(meta.organisation.website)}</ExternalLink>
              </dd>
            </div>
          </dl>
        </section>
      )}
      {meta.sources.length > 0 && (
        <details className="doc-sources">
          <summary>
            {t.document.sources} <span className="count">{meta.sources.length}</span>
          </summary>
          <ol>
            {meta.sources.map((s, i) => (
              <li key={`${i}-${s.url}`}>
                <ExternalLink href={s.url}>{s.title}</ExternalLink> <span className="source-host">{hostOf(s.url)}</span>
              </li>
            ))}
          </ol>
        </details>
      )}
    </header>
  )
})
