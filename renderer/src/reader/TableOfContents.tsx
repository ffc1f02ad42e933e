import type { RenderedDocument } from '../../../electron/shared/content/document'
import { useT } from '../i18n/i18n'
import { routeHash } from '../app/route'

export function TableOfContents({ doc }: { doc: RenderedDocument }): React.JSX.Element {
  const t = useT()
  const entries = doc.sections.filter((s) => s.level >= 2 && s.level <= 3 && s.id !== '')
  return (
    <nav className="toc" aria-labelledby="toc-title">
      <h2 id="toc-title">{t.document.contents}</h2>
      <ol>
        {entries.map((s) => (
          <li key={s.id} className={`toc-level-${s.level}`}>
            <a href={routeHash({ view: 'document', id: doc.summary.id, anchor: s.id })}>{s.title}</a>
          </li>
        ))}
      </ol>
    </nav>
  )
}
