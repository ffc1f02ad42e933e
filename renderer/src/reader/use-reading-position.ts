/**
 * Restores and records the reading position of the open document.
 *
 * Restore order: the position stored in this history entry (Back/Forward/reload land where you
 * were), else the route's anchor (a link to a section), else the position saved by the reading
 * service (reopening the document, even after a restart), else the top. Focus then goes to the
 * heading of the section shown, without scrolling.
 *
 * Record: as the reader scrolls, the offset at the top is kept in the history entry at once and
 * saved through the reading service shortly after (and when leaving the document). A change of text
 * size, width, typeface or sidebar keeps the same text at the top.
 */
import { useEffect, useLayoutEffect, useRef } from 'react'
import type { RenderedDocument } from '../../../electron/shared/content/document'
import type { ReadingPosition } from '../../../electron/shared/reading'
import { savePosition } from '../lib/reading-positions'
import { historyState, updateHistoryState } from '../app/route'
import { useSettingsHandle } from '../settings/settings-context'
import { sectionAt } from '../../../electron/shared/content/document'
import { offsetAtTop, progressOf, scrollToOffset } from './reading-position'
import { focusHeading } from './focus'

interface EntryState {
  readonly docId: string
  readonly offset: number
}

const SAVE_DELAY_MS = 700
const ENTRY_DELAY_MS = 150

export function useReadingPosition(opts: {
  body: HTMLElement | null
  article: HTMLElement | null
  doc: RenderedDocument
  anchor: string | null
  saved: ReadingPosition | null
  /** `?annotation=`: the annotations layer scrolls to that passage; « resume reading » must not. */
  annotation?: string | null
}): void {
  const { body, article, doc, anchor, saved, annotation = null } = opts
  const docId = doc.summary.id
  const current = useRef({ offset: 0, progress: 0 })
  const lastSaved = useRef<{ offset: number; progress: number } | null>(null)
  const restoredOnce = useRef(false)
  /** The location the last restore ran for: until the next restore, the entry is not ours to write. */
  const restoredAt = useRef('')

  // Restore, when the body is ready and whenever the anchor changes.
  useLayoutEffect(() => {
    if (!body) return
    const entry = historyState<EntryState>('reader')
    let offset: number | null = null
    let target: HTMLElement | null = null
    if (entry && entry.docId === docId) {
      offset = entry.offset
    } else if (anchor) {
      target = body.querySelector<HTMLElement>(`[id="${CSS.escape(anchor)}"]`)
      if (!target) offset = 0
    } else if (!restoredOnce.current && saved && !annotation) {
      if (saved.hash === doc.summary.hash) offset = saved.offset
      else target = saved.sectionId ? body.querySelector<HTMLElement>(`[id="${CSS.escape(saved.sectionId)}"]`) : null
    }
    restoredOnce.current = true
    if (target) {
      target.scrollIntoView({ block: 'start' })
      offset = offsetAtTop(body)
      focusHeading(target)
    } else {
      scrollToOffset(body, offset ?? 0)
      // At the top, the document's title; further down, the heading of the section shown.
      const section = offset ? sectionAt(doc.sections, offset) : null
      focusHeading((section?.id ? body.querySelector<HTMLElement>(`[id="${CSS.escape(section.id)}"]`) : null) ?? document.getElementById('doc-title'))
    }
    current.current = { offset: offset ?? 0, progress: article ? progressOf(article) : 0 }
    restoredAt.current = location.hash
    performance.mark('reader:position-restored')
    updateHistoryState({ reader: { docId, offset: current.current.offset } satisfies EntryState })
    // `annotation` is read on the first restore only: it must not scroll again when it changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [body, article, anchor, doc, docId, saved])

  // Keep the same text at the top when the layout changes under it.
  const { settings } = useSettingsHandle()
  const layoutKey = `${settings.fontSize}|${settings.lineWidth}|${settings.fontFamily}|${settings.tocOpen}`
  const previousLayout = useRef(layoutKey)
  useLayoutEffect(() => {
    if (!body || previousLayout.current === layoutKey) return
    previousLayout.current = layoutKey
    scrollToOffset(body, current.current.offset)
  }, [body, layoutKey])

  // Record while scrolling; save shortly after, and on the way out.
  useEffect(() => {
    if (!body || !article) return
    const save = (): void => {
      const { offset, progress } = current.current
      const last = lastSaved.current
      if (last && last.offset === offset && Math.abs(last.progress - progress) < 0.005) return
      lastSaved.current = { offset, progress }
      const section = sectionAt(doc.sections, offset)
      savePosition({ id: docId, hash: doc.summary.hash, offset, progress: Math.round(progress * 1000) / 1000, sectionId: section?.id ?? '' })
    }
    // The history entry is written when scrolling pauses, and just before the reader acts (a click
    // or a key may navigate away): Chromium ignores replaceState beyond ~200 calls in 10 s.
    let pendingEntry = false
    const writeEntry = (): void => {
      if (!pendingEntry) return
      pendingEntry = false
      if (location.hash === restoredAt.current) updateHistoryState({ reader: { docId, offset: current.current.offset } satisfies EntryState })
    }
    let frame = 0
    let saveTimer = 0
    let entryTimer = 0
    const measure = (): void => {
      frame = 0
      const offset = offsetAtTop(body)
      const progress = progressOf(article)
      current.current = { offset, progress }
      document.documentElement.style.setProperty('--read-progress', progress.toFixed(4))
      pendingEntry = true
      clearTimeout(entryTimer)
      entryTimer = window.setTimeout(writeEntry, ENTRY_DELAY_MS)
      clearTimeout(saveTimer)
      saveTimer = window.setTimeout(save, SAVE_DELAY_MS)
    }
    const onScroll = (): void => {
      if (!frame) frame = requestAnimationFrame(measure)
    }
    const onHide = (): void => {
      if (document.visibilityState === 'hidden') save()
    }
    measure()
    window.addEventListener('scroll', onScroll, { passive: true })
    window.addEventListener('resize', onScroll, { passive: true })
    window.addEventListener('pointerdown', writeEntry, true)
    window.addEventListener('keydown', writeEntry, true)
    document.addEventListener('visibilitychange', onHide)
    window.addEventListener('pagehide', save)
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(saveTimer)
      clearTimeout(entryTimer)
      window.removeEventListener('scroll', onScroll)
      window.removeEventListener('resize', onScroll)
      window.removeEventListener('pointerdown', writeEntry, true)
      window.removeEventListener('keydown', writeEntry, true)
      document.removeEventListener('visibilitychange', onHide)
      window.removeEventListener('pagehide', save)
      save()
      document.documentElement.style.removeProperty('--read-progress')
    }
  }, [body, article, doc, docId])
}
