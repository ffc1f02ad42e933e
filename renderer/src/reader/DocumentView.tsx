/**
 * The document screen, composed of small parts: top-bar tools (breadcrumbs, contents toggle, find,
 * reading settings), the contents sidebar with scrollspy, the header, the body (a plain container),
 * previous/next chapter, glossary terms, footnote popovers, find bar, reading position.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { DocumentSummary, RenderedDocument } from '../../../electron/shared/content/document'
import type { ReadingPosition } from '../../../electron/shared/reading'
import { forgetLibrary, loadDocument, loadLibrary, peekDocument, peekLibrary } from '../lib/library-data'
import { loadPosition, positionOf } from '../lib/reading-positions'
import { useAsync } from '../lib/use-async'
import { openExternal } from '../lib/open-external'
import { useT } from '../i18n/i18n'
import { api } from '../lib/api'
import { navigate } from '../app/route'
import { InTopBar } from '../app/topbar-slot'
import { useSettingsHandle } from '../settings/settings-context'
import { ReaderContext } from './reader-context'
import { DocumentHeader } from './DocumentHeader'
import { DocumentBody } from './DocumentBody'
import { TableOfContents, tocEntries } from './TableOfContents'
import { ReaderTools } from './ReaderTools'
import { ChapterNav } from './ChapterNav'
import { chapterNeighbours } from './chapters'
import { useScrollSpy } from './use-scroll-spy'
import { useReadingPosition } from './use-reading-position'
import { useReaderShortcuts } from './use-reader-shortcuts'
import { useFind } from './find/use-find'
import { FindBar } from './find/FindBar'
import { FootnotePopover, footnoteFor } from './footnotes/FootnotePopover'
import type { OpenFootnote } from './footnotes/FootnotePopover'
import { GlossaryTerms } from './glossary/Glossary'
import { focusHeading } from './focus'
import { PresentMenu } from '../presentation/PresentMenu'
import { SearchHighlights } from '../search/highlight/SearchHighlights'
import { AnnotationLayer } from '../annotations/AnnotationLayer'
import type { LinkHandlers } from './links'

interface ReaderData {
  readonly doc: RenderedDocument
  readonly saved: ReadingPosition | null
  readonly docs: readonly DocumentSummary[]
}

async function loadReaderData(id: string): Promise<ReaderData> {
  const [doc, saved, docs] = await Promise.all([
    loadDocument(id),
    loadPosition(id).catch(() => null), // no saved position: start at the top
    loadLibrary().catch(() => []), // no list: no previous/next chapter
  ])
  performance.mark('reader:data-ready')
  return { doc, saved, docs }
}

/** Everything already at hand (reopening a document): the screen renders in the same frame. */
function peekReaderData(id: string): ReaderData | null {
  const docs = peekLibrary()
  const doc = peekDocument(id, docs)
  const saved = positionOf(id)
  if (!docs || !doc || saved === undefined) return null
  performance.mark('reader:data-ready')
  return { doc, saved, docs }
}

/**
 * One document. An imported document given a new version while it is open (« Mettre à jour », or
 * `cli add --replace` in another process) is read again: the library list is asked anew and, when
 * it lists another version of this document, the reader starts over on it.
 */
export function DocumentView(props: { id: string; anchor: string | null; highlight?: string | null; annotation?: string | null }): React.JSX.Element {
  const { id } = props
  const [version, setVersion] = useState<string | null>(() => peekLibrary()?.find((d) => d.id === id)?.hash ?? null)
  useEffect(() => {
    let live = true
    const off = api.on('documents.changed', ({ ids }) => {
      if (!ids.includes(id)) return
      // The version shown, if the list was not at hand when this view opened.
      const listed = peekLibrary()?.find((d) => d.id === id)?.hash ?? null
      forgetLibrary()
      void loadLibrary().then((docs) => {
        const now = docs.find((d) => d.id === id)?.hash ?? null
        if (live && now !== null) setVersion((shown) => (now === (shown ?? listed) ? shown : now))
      })
    })
    return () => {
      live = false
      off()
    }
  }, [id])
  return <DocumentAt key={version ?? ''} {...props} />
}

function DocumentAt({ id, anchor, highlight = null, annotation = null }: { id: string; anchor: string | null; highlight?: string | null; annotation?: string | null }): React.JSX.Element {
  const [cached] = useState(() => peekReaderData(id))
  return cached ? <Reader data={cached} anchor={anchor} highlight={highlight} annotation={annotation} /> : <LoadingReader id={id} anchor={anchor} highlight={highlight} annotation={annotation} />
}

function LoadingReader({ id, anchor, highlight, annotation }: { id: string; anchor: string | null; highlight: string | null; annotation: string | null }): React.JSX.Element {
  const t = useT()
  const state = useAsync(() => loadReaderData(id), id)
  if (state.status === 'ready') return <Reader data={state.value} anchor={anchor} highlight={highlight} annotation={annotation} />
  return (
    <main id="main" tabIndex={-1} className="reader reader-message">
      {state.status === 'loading' && <p className="loading" aria-busy="true">{t.document.loading}</p>}
      {state.status === 'error' && (
        <div role="alert" className="error">
          <p>
            {t.document.notFound} <span className="error-detail">{state.error.message}</span>
          </p>
          <p>
            <a href="#/">{t.reader.backToLibrary}</a>
          </p>
        </div>
      )}
    </main>
  )
}

function Reader({ data, anchor, highlight, annotation }: { data: ReaderData; anchor: string | null; highlight: string | null; annotation: string | null }): React.JSX.Element {
  const { doc, saved, docs } = data
  const docId = doc.summary.id
  const t = useT()
  const { settings, update } = useSettingsHandle()
  const [body, setBody] = useState<HTMLDivElement | null>(null)
  // Search highlighting reads the body through a ref object.
  const bodyRef = useMemo(() => ({ current: body }), [body])
  const [article, setArticle] = useState<HTMLElement | null>(null)
  const [main, setMain] = useState<HTMLElement | null>(null)
  const [findOpen, setFindOpen] = useState(false)
  const [findToken, setFindToken] = useState(0)
  const findReturn = useRef<HTMLElement | null>(null)
  const [settingsOpen, setSettingsOpen] = useState(false)
  const [footnote, setFootnote] = useState<OpenFootnote | null>(null)

  const entries = useMemo(() => tocEntries(doc), [doc])
  const ids = useMemo(() => entries.map((e) => e.id), [entries])
  const spy = useScrollSpy(body, ids)
  const handle = useMemo(() => ({ doc, body }), [doc, body])
  const find = useFind(body, doc.text, findOpen)
  const neighbours = useMemo(() => chapterNeighbours(docs, docId), [docs, docId])
  useReadingPosition({ body, article, doc, anchor, saved, annotation })

  const links = useMemo<LinkHandlers>(
    () => ({
      docId,
      openExternal: (url) => void openExternal(url, t),
      onFootnoteRef: (ref) => {
        const container = ref.closest<HTMLElement>('.doc-body')
        const note = container ? footnoteFor(ref, container) : null
        if (note) setFootnote({ ref, note })
      },
    }),
    [docId, t],
  )

  const closeFootnote = useCallback(() => setFootnote(null), [])
  const toggleToc = useCallback(() => {
    const open = !settings.tocOpen
    void update({ tocOpen: open }).then(() => {
      if (!open) document.querySelector<HTMLElement>('.toc-toggle')?.focus({ preventScroll: true })
    })
  }, [settings.tocOpen, update])

  const openFind = useCallback(() => {
    if (!findOpen) findReturn.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
    setFindOpen(true)
    setFindToken((n) => n + 1)
  }, [findOpen])
  const closeFind = useCallback(() => {
    setFindOpen(false)
    const back = findReturn.current
    if (back && back.isConnected && back !== document.body) back.focus({ preventScroll: true })
    else focusHeading(document.getElementById('doc-title'))
  }, [])

  const goSection = (delta: 1 | -1): void => {
    // From the heading that has focus (a previous Alt+↑/↓), else from the section being read.
    const focused = document.activeElement instanceof HTMLElement && body?.contains(document.activeElement) ? document.activeElement.id : ''
    const active = spy.get()
    const from = ids.includes(focused) ? focused : active
    const i = from ? ids.indexOf(from) : -1
    const id = ids[Math.max(0, i + delta)]
    const el = id && body ? body.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`) : null
    if (i + delta < 0) {
      window.scrollTo(0, 0)
      focusHeading(document.getElementById('doc-title'))
    } else if (el) {
      el.scrollIntoView({ block: 'start' })
      focusHeading(el)
    }
  }
  useReaderShortcuts({
    find: openFind,
    toggleContents: toggleToc,
    readingSettings: () => setSettingsOpen((o) => !o),
    previousSection: () => goSection(-1),
    nextSection: () => goSection(1),
    previousChapter: () => neighbours?.previous && navigate({ view: 'document', id: neighbours.previous.id, anchor: null }),
    nextChapter: () => neighbours?.next && navigate({ view: 'document', id: neighbours.next.id, anchor: null }),
  })

  return (
    <ReaderContext.Provider value={handle}>
      <InTopBar>
        <ReaderTools
          doc={doc}
          spy={spy}
          entries={entries}
          tocOpen={settings.tocOpen}
          onToggleToc={toggleToc}
          onFind={openFind}
          settingsOpen={settingsOpen}
          setSettingsOpen={setSettingsOpen}
        />
      </InTopBar>
      <div className={`reader-layout${settings.tocOpen ? '' : ' toc-closed'}`}>
        <TableOfContents doc={doc} entries={entries} spy={spy} open={settings.tocOpen} onClose={toggleToc} />
        <main id="main" tabIndex={-1} className="reader" ref={setMain}>
          {findOpen && <FindBar find={find} onClose={closeFind} focusToken={findToken} />}
          <article className="doc" lang="fr" aria-labelledby="doc-title" ref={setArticle}>
            <DocumentHeader doc={doc} />
            <PresentMenu doc={doc} />
            <DocumentBody doc={doc} links={links} onReady={setBody} />
            {neighbours && <ChapterNav neighbours={neighbours} />}
          </article>
          <GlossaryTerms body={body} container={main} doc={doc} />
          <FootnotePopover open={footnote} container={main} links={links} onClose={closeFootnote} />
          <SearchHighlights doc={doc} body={bodyRef} query={highlight} anchor={anchor} onJump={spy.pin} />
          <AnnotationLayer doc={doc} body={body} focus={annotation} />
        </main>
      </div>
    </ReaderContext.Provider>
  )
}
