/**
 * The composition of Node services. Everything a service needs is passed in (directories, clock,
 * logger, the OS link opener): no hidden globals, so the same services run in Electron, in the CLI
 * and in tests.
 */
import { mkdir } from 'node:fs/promises'
import { createContentLibrary } from './content/content-library'
import type { ContentLibrary } from './content/content-library'
import { createExternalOpener } from './platform/external-opener'
import type { OpenUrl } from './platform/external-opener'
import type { Clock } from './platform/clock'
import type { Logger } from './platform/log'
import { createEventBus, onEvent } from './platform/event-bus'
import type { EventBus } from './platform/event-bus'
import { createSettingsService } from './settings/settings-service'
import type { SettingsService } from './settings/settings-service'
import { performance } from 'node:perf_hooks'
import { createDeckBuilder } from './presentation/deck-builder'
import type { AnnotationsFor, DeckBuilder } from './presentation/deck-builder'
import { createDeckStore } from './presentation/deck-store'
import type { DeckStore } from './presentation/deck-store'
import { createPresentationService } from './presentation/presentation-service'
import type { PresentationService } from './presentation/presentation-service'
import { NO_WINDOWS } from './presentation/windows'
import type { PresentationWindows } from './presentation/windows'
import type { PresentForm } from '../shared/presentation/deck'
import { deckHtml } from './presentation/export-deck'
import { saveAs } from './platform/save-as'
import type { ChooseSavePath, SavedFile } from './platform/save-as'
import { slugify } from '../shared/markdown/slug'
import { AppFailure } from '../shared/result'
import { createLibrarySource } from './search/library-source'
import { createNotesSource, notesCacheDir } from './search/notes-source'
import { createAnswersSource } from './search/answers-source'
import { createSearchService } from './search/search-service'
import type { SearchService } from './search/search-service'
import { ListQuerySchema } from '../shared/annotations/query'
import { createAnnotationService } from './annotations/annotation-service'
import type { AnnotationService } from './annotations/annotation-service'
import type { DocumentSource } from './annotations/anchoring'
import type { LibraryReader } from './content/library-reader'
import { createReadingService } from './reading/reading-service'
import type { ReadingService } from './reading/reading-service'
import { createExportService } from './export/export-service'
import type { ExportService } from './export/export-service'
import { createDocumentsService } from './documents/documents-service'
import type { DocumentsService } from './documents/documents-service'
import { createReaderLibrary } from './documents/reader-library'
import type { ReaderLibrary } from './documents/reader-library'
import { createMineIndex } from './search/mine-index'
import { createTextsSource } from './search/texts-source'
import { createRoomService } from './room/room-service'
import type { QuestionsFor, RoomService } from './room/room-service'
import type { RoomLimits } from './room/rate-limit'

export interface ServiceOptions {
  readonly contentDir: string
  readonly dataDir: string
  readonly clock: Clock
  readonly log: Logger
  readonly openUrl: OpenUrl
  readonly appVersion: string
  /** The presenter and audience windows (main: BrowserWindows; e2e: pages; CLI: none). */
  readonly presentationWindows?: PresentationWindows
  /** Asks the user where to save a file (main: a save dialog); null when cancelled or unavailable. */
  readonly chooseSavePath?: ChooseSavePath
  /** Asks the user for a folder (main: an open-directory dialog); null when cancelled or unavailable. */
  readonly chooseFolder?: () => Promise<string | null>
  /** Asks the user for files to import into « Mes documents » (main: a multi-selection open dialog); null when cancelled. */
  readonly chooseFiles?: () => Promise<readonly string[] | null>
  /**
   * Whether « Mes documents » follows changes made by another process on the same data dir (a
   * watch on its list): the app and the e2e harness, default true; the CLI passes false.
   */
  readonly watchDocuments?: boolean
  /** What an import batch awaits between two files (DocumentsOptions.betweenFiles); tests pace it. */
  readonly betweenImportFiles?: () => Promise<void>
  /** Monotonic milliseconds for the presentation timer (default: performance.now). */
  readonly monotonic?: () => number
  /**
   * Where the participation server listens (« Recueillir les avis »): all interfaces in the app
   * (default '0.0.0.0', so phones on the room's network reach it); '127.0.0.1' in tests.
   */
  readonly roomHost?: string
  /** The participation server's limits, when not the defaults (the load bench: its phones share one address). */
  readonly roomLimits?: Partial<RoomLimits>
}

export interface Services {
  readonly options: ServiceOptions
  /** The content pack only (the validator, the pack's search index). */
  readonly library: ContentLibrary
  /** What the reader sees: the pack and the reader's imported documents (« Mes documents »). */
  readonly reader: ReaderLibrary
  /** The reader's imported documents: import, metadata, removal. */
  readonly documents: DocumentsService
  readonly settings: SettingsService
  readonly annotations: AnnotationService
  readonly reading: ReadingService
  /** Notes export (Markdown, CSV, W3C JSON), per document files and section handouts. */
  readonly exports: ExportService
  readonly bus: EventBus
  /** Full-text search over the texts and the reader's notes; more sources join with `search.addSource`. */
  readonly search: SearchService
  readonly openExternal: (url: string) => Promise<null>
  readonly decks: DeckStore
  readonly deckBuilder: DeckBuilder
  readonly presentation: PresentationService
  /** « Recueillir les avis »: the participation session and its local web server. */
  readonly room: RoomService
  /**
   * « Exporter en HTML »: asks where, then writes the deck as one offline HTML file in the form asked
   * for, without the user's annotations (notes stay private); null when the user cancelled.
   */
  readonly exportDeck: (id: string, form?: PresentForm) => Promise<SavedFile | null>
  /** Waits for background work (annotation compaction and backups) to finish. */
  close(): Promise<void>
}

/** The annotations' view of the library (pack and imported documents): rendered text and version of each document. */
function documentSource(library: LibraryReader): DocumentSource {
  return {
    version: (id) => library.list().find((d) => d.id === id)?.hash ?? null,
    text(id) {
      try {
        const d = library.get(id)
        return { version: d.summary.hash, text: d.text }
      } catch (e) {
        if (e instanceof AppFailure && e.code === 'not-found') return null
        throw e
      }
    },
    ids: () => library.list().map((d) => d.id),
  }
}

/**
 * The room's questions for a section: its document's « Questions pour l’atelier », as the
 * discussion form finds them (one idea, one place: the same plans make the question slides).
 */
function questionsFrom(reader: ReaderLibrary, builder: DeckBuilder): QuestionsFor {
  return async (docId, sectionId) => {
    const doc = reader.get(docId)
    const section = sectionId === null ? null : (doc.sections.find((x) => x.id === sectionId) ?? null)
    const built = await builder.build([{ docId, sectionId: null }], null, { annotations: false, form: 'discussion' })
    return {
      section: { docId, sectionId: section ? section.id : null, docTitle: doc.summary.title, sectionTitle: section ? section.title : '' },
      questions: built.slides.filter((x) => x.kind === 'question').map((x) => x.text.trim()).filter((t) => t !== ''),
    }
  }
}

export async function createServices(options: ServiceOptions): Promise<Services> {
  await mkdir(options.dataDir, { recursive: true })
  const library = await createContentLibrary({ contentDir: options.contentDir, log: options.log })
  const documents = await createDocumentsService({
    dataDir: options.dataDir, clock: options.clock, log: options.log, watch: options.watchDocuments ?? true,
    ...(options.chooseFiles ? { chooseFiles: options.chooseFiles } : {}),
    ...(options.betweenImportFiles ? { betweenFiles: options.betweenImportFiles } : {}),
  })
  const reader = createReaderLibrary(library, documents.library)
  const settings = await createSettingsService(options)
  const reading = await createReadingService(options)
  const bus = createEventBus()
  settings.onChange((next) => bus.emit('settings.changed', next))

  const annotations = await createAnnotationService({ dataDir: options.dataDir, clock: options.clock, log: options.log, documents: documentSource(reader) })
  annotations.onChange((docIds) => bus.emit('annotations.changed', { docIds }))
  documents.onChange((ids) => bus.emit('documents.changed', { ids }))
  documents.onProgress((p) => bus.emit('documents.progress', p))
  // Speaker notes and highlights on slides come from the user's annotations of the document.
  const annotationsFor: AnnotationsFor = async (docId) => (await annotations.list(ListQuerySchema.parse({ docId }))).items.map((v) => v.annotation)
  const deckBuilder = createDeckBuilder({ library: reader, annotationsFor, labels: () => annotations.labels() })
  const decks = await createDeckStore({ dataDir: options.dataDir, clock: options.clock, log: options.log, library: reader })
  const presentation = createPresentationService({
    builder: deckBuilder,
    decks,
    bus,
    windows: options.presentationWindows ?? NO_WINDOWS,
    monotonic: options.monotonic ?? (() => performance.now()),
    log: options.log,
  })
  const exportDeck = async (id: string, form: PresentForm = 'full'): Promise<SavedFile | null> => {
    const d = decks.get(id)
    // Said before the dialog: there is nothing to save.
    if (d.items.length === 0) throw new AppFailure('not-found', `The deck "${d.name}" has no sections yet.`)
    return saveAs(options.chooseSavePath, `${slugify(d.name) || 'atelier'}.html`, async () =>
      deckHtml(await deckBuilder.build(d.items, d.name, { annotations: false, form }), { contentDir: options.contentDir, clock: options.clock }),
    )
  }
  // Starts loading the prebuilt (or cached) index now; queries wait for it.
  const packSource = createLibrarySource({ library, dataDir: options.dataDir, clock: options.clock, log: options.log })
  // The texts: the pack's index and the imported documents' index, merged as one source.
  const mineIndex = createMineIndex({ documents: documents.library, dataDir: options.dataDir, log: options.log })
  documents.onChange(() => mineIndex.invalidate())
  const librarySource = createTextsSource(packSource, mineIndex, documents.library)
  // The reader's notes are searched too (in:notes, couleur:, tag:), placed in sections by the library's index.
  const notesSource = createNotesSource({
    annotations, documents: () => reader.list(), sectionAt: (id, offset) => librarySource.sectionAt(id, offset), apparatus: (id) => reader.get(id).apparatus,
    cache: { dir: notesCacheDir(options.dataDir), log: options.log, version: options.appVersion },
  })
  const search = createSearchService([librarySource, notesSource], () => librarySource.status())
  const exports = createExportService({
    library: reader, annotations, clock: options.clock, appVersion: options.appVersion,
    formerTitles: () => new Map(documents.store.removed().map((d) => [d.id, d.title])),
    ...(options.chooseSavePath ? { chooseSavePath: options.chooseSavePath } : {}),
    ...(options.chooseFolder ? { chooseFolder: options.chooseFolder } : {}),
    sessions: () => room.states(),
  })
  const room = await createRoomService({
    dataDir: options.dataDir, clock: options.clock, log: options.log, questionsFor: questionsFrom(reader, deckBuilder),
    host: options.roomHost ?? '0.0.0.0',
    ...(options.roomLimits ? { limits: options.roomLimits } : {}),
    onChange: (revision) => bus.emit('room.changed', { revision }),
  })
  // The workshops' answers are searched with the notes (in:notes), each at the section its session presented.
  search.addSource(createAnswersSource({ sessions: () => room.states(), documents: () => reader.list() }))
  // The session's server stops with the presentation (the session stays open: « Reprendre » resumes it).
  // While it listens, the slide presented is journaled (as its section and its rank there): a session
  // resumed, even after a crash, brings the console back to it.
  onEvent(bus, 'presentation.state', (snap) => {
    const status = room.status()
    if (!status.running) return
    if (snap.state.status === 'idle') {
      room.stop().catch((e: unknown) => options.log.error('room: could not stop the server', e))
      return
    }
    const slides = presentation.deck().slides
    const source = slides[snap.state.index]?.source
    const view = status.view
    if (!source || !view || view.closed || source.docId !== view.section.docId) return
    const slide = snap.state.index - slides.findIndex((x) => x.source?.docId === source.docId && x.source.sectionId === source.sectionId)
    if (source.sectionId === view.at.sectionId && slide === view.at.slide) return
    room.dispatch({ type: 'at', sectionId: source.sectionId, title: source.sectionTitle, slide }).catch((e: unknown) => options.log.error('room: could not note the slide presented', e))
  })
  return {
    options, library, reader, documents, settings, reading, exports, annotations, bus, search, openExternal: createExternalOpener(options.openUrl), decks, deckBuilder, presentation, exportDeck, room,
    close: async () => {
      await documents.close()
      await room.close()
      await annotations.close()
    },
  }
}
