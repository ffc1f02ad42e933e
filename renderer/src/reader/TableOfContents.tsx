/**
 * The contents sidebar: the document's ## and ### headings as a plain list of links (keyboard:
 * Tab; the APG notes a list of links is fully adequate), the current section marked by scrollspy
 * (`aria-current="location"`) and kept in view. Hidden, not removed, when collapsed.
 */
import { memo, useEffect, useRef } from 'react'
import type { RenderedDocument, Section } from '../../../electron/shared/content/document'
import { useT } from '../i18n/i18n'
import { routeHash } from '../app/route'
import { markAfterPaint } from '../lib/perf'
import { Icon } from '../lib/icons'
import { useActiveSection } from './use-scroll-spy'
import type { SpyStore } from './use-scroll-spy'

export function tocEntries(doc: RenderedDocument): Section[] {
  return doc.sections.filter((s) => s.level >= 2 && s.level <= 3 && s.id !== '')
}

export const TableOfContents = memo(function TableOfContents(props: { doc: RenderedDocument; entries: readonly Section[]; spy: SpyStore; open: boolean; onClose: () => void }): React.JSX.Element {
  const { doc, entries, open } = props
  const active = useActiveSection(props.spy)
  const t = useT()
  const list = useRef<HTMLOListElement>(null)
  useEffect(() => {
    if (!active || !open) return
    const link = list.current?.querySelector<HTMLElement>(`[data-toc-id="${CSS.escape(active)}"]`)
    const box = list.current?.closest('nav')
    if (!link || !box) return
    // Scroll the sidebar only (scrollIntoView could move the page under the reader).
    const l = link.getBoundingClientRect()
    const b = box.getBoundingClientRect()
    if (l.top < b.top + 40) box.scrollTop -= b.top + 40 - l.top
    else if (l.bottom > b.bottom - 16) box.scrollTop += l.bottom - b.bottom + 16
  }, [active, open])
  useEffect(() => {
    markAfterPaint('reader:toc-ready', { entries: entries.length })
  }, [doc, entries])
  return (
    <nav id="toc" className="toc" aria-labelledby="toc-title" hidden={!open}>
      <div className="toc-head">
        <h2 id="toc-title">{t.document.contents}</h2>
        <button type="button" className="icon-button toc-close" aria-label={t.reader.hideContents} aria-controls="toc" onClick={props.onClose}>
          <Icon name="close" size={16} />
        </button>
      </div>
      {entries.length === 0 ? (
        <p className="toc-empty">{t.reader.noSections}</p>
      ) : (
        <ol ref={list}>
          {entries.map((s) => (
            <li key={s.id} className={`toc-level-${s.level}`}>
              <a
                href={routeHash({ view: 'document', id: doc.summary.id, anchor: s.id })}
                data-toc-id={s.id}
                aria-current={active === s.id ? 'location' : undefined}
              >
                {s.title}
              </a>
            </li>
          ))}
        </ol>
      )}
    </nav>
  )
})
