/**
 * The presentation service with real collaborators (content library on a temp pack, deck store on
 * a temp data dir, event bus) and real Annotation objects (validated by the annotation model's
 * schema) behind the injected `annotationsFor` port.
 */
import { describe, expect, it } from 'vitest'
import { createContentLibrary } from '../content/content-library'
import { createEventBus } from '../platform/event-bus'
import { fixedClock } from '../platform/clock'
import { memoryLogger } from '../platform/log'
import { doc, tempDir, writePack } from '../testing/temp-pack'
import { AnnotationSchema, QUOTE_CONTEXT } from '../../shared/annotations/model'
import type { Annotation, ColorId } from '../../shared/annotations/model'
import type { RenderedDocument } from '../../shared/content/document'
import type { PresentationSnapshot } from '../../shared/presentation/state'
import { AppFailure } from '../../shared/result'
import { createDeckBuilder } from './deck-builder'
import { createDeckStore } from './deck-store'
import { createPresentationService } from './presentation-service'
import type { PresentationWindows } from './windows'

const BODY = `## Contexte

Les coopératives adoptent le logiciel libre. Elles y trouvent une cohérence avec leurs valeurs.

## Enjeux

${Array.from({ length: 8 }, (_, i) => `Phrase numéro ${i} sur la gouvernance partagée des outils numériques communs.`).join(' ')}

## Conclusion

Une passerelle reste à construire.
`

let uuid = 0
function annotation(d: RenderedDocument, quote: string, note: string, color: ColorId, opts: { docVersion?: string } = {}): Annotation {
  const start = d.text.indexOf(quote)
  expect(start).toBeGreaterThanOrEqual(0)
  const end = start + quote.length
  return AnnotationSchema.parse({
    id: `00000000-0000-4000-8000-${String(++uuid).padStart(12, '0')}`,
    type: 'Annotation',
    created: '2026-11-28T10:00:00Z',
    modified: '2026-11-28T10:00:00Z',
    body: { note, tags: [], color },
    target: {
      source: d.summary.id,
      docVersion: opts.docVersion ?? d.summary.hash,
      selector: [
        { type: 'TextQuoteSelector', exact: quote, prefix: d.text.slice(Math.max(0, start - QUOTE_CONTEXT), start), suffix: d.text.slice(end, end + QUOTE_CONTEXT) },
        { type: 'TextPositionSelector', start, end },
      ],
    },
    document: d.summary.id,
  })
}

async function setup(annotate: (d: RenderedDocument) => Annotation[] = () => []) {
  const dir = await writePack({ 'articles/a.md': doc({ id: 'article-a', title: 'Passerelles coopératives' }, BODY) })
  const log = memoryLogger()
  const library = await createContentLibrary({ contentDir: dir, log })
  const d = library.get('article-a')
  const annotations = annotate(d)
  const asked: string[] = []
  const builder = createDeckBuilder({
    library,
    annotationsFor: async (id) => {
      asked.push(id)
      return annotations
    },
  })
  const decks = await createDeckStore({ dataDir: await tempDir(), clock: fixedClock('2026-11-28T10:00:00Z'), log, library })
  const bus = createEventBus()
  const events: PresentationSnapshot[] = []
  bus.subscribe((name, payload) => {
    if (name === 'presentation.state') events.push(payload as PresentationSnapshot)
  })
  const calls: string[] = []
  const windows: PresentationWindows = {
    open: async () => void calls.push('open'),
    close: async () => void calls.push('close'),
    toggleFullscreen: async (role) => void calls.push(`fullscreen:${role}`),
  }
  let now = 1000
  const service = createPresentationService({ builder, decks, bus, windows, monotonic: () => now, log })
  return { service, d, decks, events, calls, asked, tick: (ms: number) => void (now += ms) }
}

describe('presentation service', () => {
  it('starts a section: builds its slides, opens the windows, pushes the state to every window', async () => {
    const { service, events, calls } = await setup()
    const snap = await service.start({ kind: 'section', docId: 'article-a', sectionId: 'enjeux' })
    expect(snap.state).toMatchObject({ status: 'presenting', index: 0, deck: { revision: 1, title: 'Enjeux' } })
    expect(calls).toEqual(['open'])
    expect(events.at(-1)).toEqual(snap)
    const deck = service.deck()
    expect(deck.slides.length).toBe(snap.state.status === 'presenting' ? snap.state.deck.count : -1)
    expect(deck.slides[0]).toMatchObject({ kind: 'title', source: { docTitle: 'Passerelles coopératives', sectionTitle: 'Enjeux' } })
    expect(deck.slides.length).toBeGreaterThanOrEqual(3) // 8 sentences of 11 words: split over slides
  })

  it('actions from either window change the one state; stop closes the windows and ends the deck', async () => {
    const { service, events, calls, tick } = await setup()
    await service.start({ kind: 'document', docId: 'article-a' })
    await service.dispatch({ type: 'next' })
    await service.dispatch({ type: 'toggle-black' })
    expect(events.at(-1)!.state).toMatchObject({ index: 1, black: true })
    tick(5000)
    await service.dispatch({ type: 'timer-toggle' })
    expect(events.at(-1)!.elapsedMs).toBe(5000)
    tick(60_000)
    expect(service.snapshot().elapsedMs).toBe(5000)
    await service.fullscreen('audience')
    await service.dispatch({ type: 'stop' })
    expect(calls).toEqual(['open', 'fullscreen:audience', 'close'])
    expect(service.snapshot().state.status).toBe('idle')
    expect(() => service.deck()).toThrow(AppFailure)
    await expect(service.fullscreen('audience')).rejects.toThrow(/Nothing is being presented/)
  })

  it('a closed presenter window ends the presentation', async () => {
    const { service, events } = await setup()
    await service.start({ kind: 'document', docId: 'article-a' })
    service.windowsClosed()
    expect(events.at(-1)!.state.status).toBe('idle')
  })

  it('speaker notes are the notes of the annotations whose passage is on the slide; highlights keep their colour', async () => {
    const { service, asked } = await setup((d) => [
      annotation(d, 'cohérence avec leurs valeurs', 'Demander **un exemple** au groupe.', 'yellow'),
      annotation(d, 'Phrase numéro 6 sur la gouvernance', 'Relancer sur la *gouvernance*.', 'blue'),
      annotation(d, 'Une passerelle', '', 'green'), // a plain highlight: no note
      annotation(d, 'Les coopératives adoptent', '<img src=x onerror=alert(1)> [lien](javascript:alert(1)) ok', 'orange'),
    ])
    await service.start({ kind: 'document', docId: 'article-a' })
    expect(asked).toEqual(['article-a'])
    const { slides } = service.deck()
    const { notes } = service.notes()
    expect(notes.length).toBe(slides.length)
    const slideWith = (text: string): number => slides.findIndex((s) => s.text.includes(text))
    const onSlide = (i: number): string[] => notes[i]!.map((n) => n.quote)

    const contexte = slideWith('cohérence avec leurs valeurs')
    expect(onSlide(contexte)).toEqual(['Les coopératives adoptent', 'cohérence avec leurs valeurs'])
    expect(notes[contexte]![1]).toMatchObject({ color: 'yellow', html: expect.stringContaining('<strong>un exemple</strong>') })
    const six = slideWith('Phrase numéro 6')
    expect(six).toBeGreaterThan(contexte)
    expect(onSlide(six)).toEqual(['Phrase numéro 6 sur la gouvernance'])
    expect(notes.flat().length).toBe(3)
    // Notes are sanitised like everything else.
    const unsafe = notes[contexte]![0]!.html
    expect(unsafe).not.toMatch(/onerror|javascript:/)
    expect(unsafe).toContain('ok')

    expect(slides[contexte]!.bodyHtml).toContain('<mark class="hl" data-color="yellow">cohérence avec leurs valeurs</mark>')
    expect(slides[slideWith('Une passerelle')]!.bodyHtml).toContain('<mark class="hl" data-color="green">Une passerelle</mark>')
    // Highlights add markup, never text.
    expect(slides.map((s) => s.text).join('')).not.toContain('<mark')
  })

  it('an annotation made on another version of the document is found again by its quote; an orphan is left out', async () => {
    const { service } = await setup((d) => {
      const moved = annotation(d, 'Une passerelle reste', 'Retrouvée par la citation.', 'purple', { docVersion: 'f'.repeat(64) })
      const orphan = annotation(d, 'Une passerelle reste', 'Introuvable.', 'blue', { docVersion: 'e'.repeat(64) })
      const gone = { ...orphan, target: { ...orphan.target!, selector: [{ ...orphan.target!.selector[0], exact: 'un texte qui n’existe plus', prefix: '', suffix: '' }, orphan.target!.selector[1]] as const } }
      return [moved, AnnotationSchema.parse(gone)]
    })
    await service.start({ kind: 'section', docId: 'article-a', sectionId: 'conclusion' })
    expect(service.notes().notes.flat().map((n) => n.html)).toEqual([expect.stringContaining('Retrouvée par la citation.')])
  })

  it('a document-level note goes to the title slide of a whole-document presentation', async () => {
    const { service } = await setup((d) => [
      AnnotationSchema.parse({ ...annotation(d, 'Une passerelle', 'Note générale sur le document.', 'yellow'), target: null }),
    ])
    await service.start({ kind: 'document', docId: 'article-a' })
    expect(service.notes().notes[0]!.map((n) => n.html)).toEqual([expect.stringContaining('Note générale')])
    await service.start({ kind: 'section', docId: 'article-a', sectionId: 'enjeux' })
    expect(service.notes().notes.flat()).toEqual([])
  })

  it('a saved deck presents its sections in order, after a slide with its name and agenda', async () => {
    const { service, decks } = await setup()
    const d = await decks.create('Atelier', [
      { docId: 'article-a', sectionId: 'conclusion' },
      { docId: 'article-a', sectionId: 'contexte' },
    ])
    const snap = await service.start({ kind: 'deck', id: d.id })
    expect(snap.state.status === 'presenting' && snap.state.deck.title).toBe('Atelier')
    const { slides } = service.deck()
    expect(slides[0]).toMatchObject({ kind: 'deck', deckTitle: 'Atelier', agenda: ['Conclusion', 'Contexte'] })
    expect(slides.filter((s) => s.kind === 'title').map((s) => s.source?.sectionTitle)).toEqual(['Conclusion', 'Contexte'])
    await expect(service.start({ kind: 'deck', id: (await decks.create('Vide')).id })).rejects.toThrow(/no sections yet/)
  })

  it('an unknown section is a clear not-found error, and the state does not change', async () => {
    const { service, events } = await setup()
    await expect(service.start({ kind: 'section', docId: 'article-a', sectionId: 'absente' })).rejects.toThrow(/no section "absente"/)
    expect(events).toEqual([])
  })
})
