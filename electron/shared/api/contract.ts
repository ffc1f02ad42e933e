/**
 * THE API CONTRACT. Every call the renderer can make, and every event it can receive, is listed
 * here and nowhere else. Channel names derive from the keys (`library:get`); the preload, the main
 * process, the e2e binding and the CLI all build on this object, so a renamed method or a changed
 * payload breaks compilation everywhere at once.
 */
import { z } from 'zod'
import { event, method } from './define'
import { DocIdSchema } from '../content/front-matter'
import type { DocumentSummary, RenderedDocument, ContentProblem } from '../content/document'
import { SettingsPatchSchema } from '../settings'
import type { Settings } from '../settings'
import { WindowActionSchema } from '../presentation/state'
import type { PresentationSnapshot } from '../presentation/state'
import { DeckItemSchema, MAX_DECK_ITEMS, PresentFormSchema, PresentSourceSchema } from '../presentation/deck'
import type { DeckList, DeckNotes, DeckView, PresentedDeck } from '../presentation/deck'
import { LocateRequestSchema, SearchRequestSchema } from '../search/types'
import type { LocateResponse, SearchResponse, SearchStatus } from '../search/types'
import {
  AnnotationIdSchema,
  AnnotationRangeSchema,
  CreateAnnotationSchema,
  DocumentIdSchema,
  ExportAnnotationsSchema,
  ImportAnnotationsSchema,
  RestoreAnnotationSchema,
  TagPrefixSchema,
  UpdateAnnotationSchema,
} from '../annotations/api'
import type { AnnotationStatus, AnnotationsJson, ImportReport } from '../annotations/api'
import { ColorLabelsPatchSchema } from '../annotations/model'
import type { Annotation, ColorLabels } from '../annotations/model'
import { ListQuerySchema } from '../annotations/query'
import type { AnnotationView, ListResult, TagCount } from '../annotations/query'
import type { AnchorReport } from '../annotations/reanchor'
import type { Glossary } from '../content/glossary'
import { ReadingPositionInputSchema } from '../reading'
import type { ReadingPosition } from '../reading'
import { ExportRequestSchema } from '../export/types'
import type { HandoutResult, RenderedExport, SavedExport, SavedFolder } from '../export/api'
import { ImportBytesSchema, ReplaceDocumentSchema, UpdateDocumentSchema } from '../documents/model'
import type { ImportProgress, ImportReport as DocumentsImportReport, MyDocument, NewVersion, PdfMarkupsReport, RemovedDocument } from '../documents/model'
import { SessionRefSchema, StartRoomSchema } from '../room/api'
import type { RoomAudienceView, RoomSessionSummary, RoomStatus, SavedCahier } from '../room/api'
import { RoomActionSchema } from '../room/actions'

export interface AppInfo {
  readonly name: string
  readonly version: string
  readonly contentDir: string
  readonly dataDir: string
  readonly documentCount: number
  readonly problems: readonly ContentProblem[]
}

const Empty = z.object({}).strict()
const DeckId = z.string().uuid()
const DeckItems = z.array(DeckItemSchema).max(MAX_DECK_ITEMS)

const HandoutRequestSchema = z.object({ docId: DocIdSchema, sectionId: z.string().max(200), language: z.enum(['fr', 'en']).default('fr') }).strict()

export const contract = {
  app: {
    /** Versions, directories and content problems, for « À propos » and diagnostics. */
    info: method<AppInfo>()(Empty),
    /** Opens an https:/mailto: link in the system browser; anything else is refused. */
    openExternal: method<null>()(z.object({ url: z.string().min(1).max(4096) }).strict()),
  },
  library: {
    /** Every document of the pack, in library order. */
    list: method<readonly DocumentSummary[]>()(Empty),
    /** One document, rendered and sanitised, with its text and section map. */
    get: method<RenderedDocument>()(z.object({ id: DocIdSchema }).strict()),
    /** The glossary's terms and definitions (one per `##` heading of the glossary document). */
    glossary: method<Glossary>()(Empty),
  },
  settings: {
    get: method<Settings>()(Empty),
    /** Merges a partial change; returns the settings as saved. */
    update: method<Settings>()(SettingsPatchSchema),
  },
  presentation: {
    /** Builds the slides of a section, a document or a saved deck and opens the two windows. */
    start: method<PresentationSnapshot>()(z.object({ source: PresentSourceSchema }).strict()),
    /** The current state (a window that just opened asks for it). */
    state: method<PresentationSnapshot>()(Empty),
    /** The slides being presented (`not-found` when nothing is). */
    deck: method<PresentedDeck>()(Empty),
    /** Speaker notes per slide: asked for by the presenter window only. */
    notes: method<DeckNotes>()(Empty),
    /** Next, previous, go to, black, overview… from either window; the new state goes to both. */
    dispatch: method<PresentationSnapshot>()(z.object({ action: WindowActionSchema }).strict()),
    /** Puts the presenter or the audience window in or out of fullscreen. */
    fullscreen: method<null>()(z.object({ window: z.enum(['presenter', 'audience']) }).strict()),
    /** Opens the presentation windows again (one was closed by mistake). */
    reopen: method<null>()(Empty),
  },
  decks: {
    /** The saved workshop decks, and what went wrong reading them if anything did. */
    list: method<DeckList>()(Empty),
    create: method<DeckView>()(z.object({ name: z.string().max(500), items: DeckItems.optional() }).strict()),
    /** Renames and/or replaces the ordered items (reordering sends the new order). */
    update: method<DeckView>()(z.object({ id: DeckId, name: z.string().max(500).optional(), items: DeckItems.optional() }).strict()),
    remove: method<null>()(z.object({ id: DeckId }).strict()),
    /**
     * Asks where to save, then writes the deck as one offline HTML file, in the form asked for
     * (default « Texte intégral »; never with the user's highlights or notes); null when cancelled.
     */
    export: method<{ readonly path: string; readonly bytes: number } | null>()(z.object({ id: DeckId, form: PresentFormSchema.optional() }).strict()),
  },
  search: {
    /** Full-text search (query language in shared/search/query.ts): sections grouped by document. */
    query: method<SearchResponse>()(SearchRequestSchema),
    /** Where a query matches in one document's text (offsets into `RenderedDocument.text`). */
    locate: method<LocateResponse>()(LocateRequestSchema),
    /** Whether the index is ready, where it came from, how long it took to load. */
    status: method<SearchStatus>()(Empty),
  },
  /**
   * Highlights, notes and tags (electron/shared/annotations/api.ts). Each annotation comes with where
   * it is in the current text (`anchor`: anchored, moved, fuzzy — to confirm —, orphan, or note).
   */
  annotations: {
    /** Store health: repairs and upgrades the user must be told about, read-only state, files. */
    status: method<AnnotationStatus>()(Empty),
    /** One document's annotations (side panel) or all (global view), filtered and sorted. */
    list: method<ListResult>()(ListQuerySchema),
    get: method<AnnotationView>()(AnnotationIdSchema),
    /** Highlight a selection (offsets into the rendered text); selectors are built by the service. */
    create: method<AnnotationView>()(CreateAnnotationSchema),
    /** Note, tags and/or colour. Undo = update with the previous values (or restore). */
    update: method<AnnotationView>()(UpdateAnnotationSchema),
    /** Returns the deleted record, so the UI can undo with `restore`. */
    delete: method<Annotation>()(AnnotationIdSchema),
    /** Puts a record back exactly, with its id (undo of delete or of any change; redo of create). */
    restore: method<AnnotationView>()(RestoreAnnotationSchema),
    /** Migration report of a document; refreshes the selectors of anchored/moved annotations. */
    reanchor: method<AnchorReport>()(DocumentIdSchema),
    /** Migration reports of every annotated document; changes nothing. */
    check: method<readonly AnchorReport[]>()(Empty),
    /** Accept a fuzzy match at the offsets shown; `conflict` if they are no longer current. */
    confirm: method<AnnotationView>()(AnnotationRangeSchema),
    /** Attach an annotation (an orphan, a document note) to a new selection; note and tags kept. */
    reattach: method<AnnotationView>()(AnnotationRangeSchema),
    /** Keep an annotation as a note on the whole document (its old quote is remembered). */
    detach: method<AnnotationView>()(AnnotationIdSchema),
    /** The colour labels (meanings), editable. */
    labels: method<ColorLabels>()(Empty),
    setLabels: method<ColorLabels>()(ColorLabelsPatchSchema),
    /** Tags in use, most used first, for autocompletion. */
    tags: method<readonly TagCount[]>()(TagPrefixSchema),
    /** W3C Web Annotation JSON-LD of all annotations, or one document's. */
    exportJson: method<AnnotationsJson>()(ExportAnnotationsSchema),
    /** W3C JSON-LD or a Passerelles annotation file; all or nothing, merged by id. */
    importJson: method<ImportReport>()(ImportAnnotationsSchema),
  },
  /** Notes exported as Markdown, CSV or W3C JSON (shared/export): preview, save, one file per document, handout. */
  export: {
    /** The export as text, for the live preview and Copy. */
    render: method<RenderedExport>()(ExportRequestSchema),
    /** Asks where to save (native dialog), then writes atomically; null when cancelled. */
    save: method<SavedExport | null>()(ExportRequestSchema),
    /** Asks for a folder, then writes one complete file per document; null when cancelled. */
    saveEach: method<SavedFolder | null>()(ExportRequestSchema),
    /** « Exporter cette section avec mes notes »: the section's Markdown, annotations as footnotes. */
    handout: method<HandoutResult>()(HandoutRequestSchema),
    /** The same handout saved to a file (asks where, native dialog); null when cancelled. */
    saveHandout: method<SavedExport | null>()(HandoutRequestSchema),
  },
  reading: {
    /** Where the reader stopped in one document, or null if it was never opened. */
    get: method<ReadingPosition | null>()(z.object({ id: DocIdSchema }).strict()),
    /** Every remembered position, most recently read first (« Reprendre la lecture », progress). */
    list: method<readonly ReadingPosition[]>()(Empty),
    /** Records the position; resolves once it is durable in the data dir. */
    save: method<ReadingPosition>()(ReadingPositionInputSchema),
  },
  /** « Mes documents »: the reader's own files, imported into the library (shared/documents/model.ts). */
  documents: {
    /** The imported documents' records (metadata as stored, original file name, format). */
    list: method<readonly MyDocument[]>()(Empty),
    /** « Ajouter des documents… »: asks for files (native dialog), imports each; null when cancelled. */
    add: method<DocumentsImportReport | null>()(Empty),
    /** Imports files handed over as bytes (a drop on the window, the CLI); one report line per file. */
    importFiles: method<DocumentsImportReport>()(ImportBytesSchema),
    /** Edits the title, authors, date and/or tags; returns the record as saved. */
    update: method<MyDocument>()(UpdateDocumentSchema),
    /** Removes an imported document (its annotations stay, as notes of a document no longer in the library). */
    remove: method<null>()(z.object({ id: DocIdSchema }).strict()),
    /** Documents removed from the library, with their titles: their notes are still listed and exported under them. */
    removed: method<readonly RemovedDocument[]>()(Empty),
    /** « Remplacer par cette version »: an import's `new-version` file becomes the document's content (same id); its annotations are re-anchored, as after a new edition of the pack. */
    replace: method<{ readonly document: MyDocument; readonly annotations: AnchorReport }>()(ReplaceDocumentSchema),
    /**
     * New versions waiting for « Mettre à jour » (kept across restarts): files imported again, or a
     * document's file changed at the path it was imported from. With `id` (the document is opened),
     * that file is checked first (size and time, then its bytes).
     */
    newVersions: method<readonly NewVersion[]>()(z.object({ id: DocIdSchema.optional() }).strict()),
    /** « Importer les surlignages du PDF »: the PDF's own highlights and notes become annotations, reported one by one, never twice. */
    importPdfMarkups: method<PdfMarkupsReport>()(z.object({ id: DocIdSchema }).strict()),
    /** « Annuler » during an import: stops between files and between a PDF's pages; what was imported stays. Whether an import was running. */
    cancelImport: method<boolean>()(Empty),
  },
  /**
   * « Recueillir les avis » (issue 18, shared/room/): a participation session served to the room's
   * phones by a separate local web server. The console (presenter window) drives it; the audience
   * screen may ask only `audience` (what the facilitator projected, and the invitation).
   */
  room: {
    /** The session (open or last), whether the server listens, the addresses to join. */
    status: method<RoomStatus>()(Empty),
    /** Opens a session for the section presented (or resumes the open one of that document) and starts the server. */
    start: method<RoomStatus>()(StartRoomSchema),
    /** Stops the server; the session stays open, to resume with the same address and code. */
    stop: method<RoomStatus>()(Empty),
    /** Ends the session (kept in the data dir) and stops the server. */
    end: method<RoomStatus>()(Empty),
    /** A facilitator's action: ask a question, hide, merge, group, project. */
    dispatch: method<RoomStatus>()(z.object({ action: RoomActionSchema }).strict()),
    /** What the audience screen shows: only the projected cards, and the invitation when chosen. */
    audience: method<RoomAudienceView>()(Empty),
    /** The sessions kept in the data dir (`room/`), most recent first: each attached to its section. */
    sessions: method<readonly RoomSessionSummary[]>()(Empty),
    /** The « Cahier de l’atelier » of a session (default: the open or last one) as Markdown, with its file name. */
    cahier: method<{ readonly markdown: string; readonly fileName: string }>()(SessionRefSchema),
    /** Asks for a folder (native dialog) and writes the cahier of a session there; null when cancelled. */
    saveCahier: method<SavedCahier | null>()(SessionRefSchema),
  },
} as const

export type MenuCommand = 'open-library' | 'open-settings' | 'open-search' | 'show-shortcuts' | 'show-about' | 'find-in-document' | 'go-back' | 'go-forward' | 'export-notes'

export const events = {
  /** A native-menu item the renderer should act on. */
  'menu.command': event<{ readonly command: MenuCommand }>(),
  /** The settings changed (in another window, or from the menu). */
  'settings.changed': event<Settings>(),
  /** The presentation state changed (pushed to every window after each action). */
  'presentation.state': event<PresentationSnapshot>(),
  /** Show a route of the app: a passerelles:// link the OS handed to main, validated there (shared/links/deep-link.ts). */
  'app.navigate': event<{ readonly route: string }>(),
  /** Annotations of these documents changed (null: any may have, e.g. after another process's changes). */
  'annotations.changed': event<{ readonly docIds: readonly string[] | null }>(),
  /** Imported documents were added, changed or removed: the library and its lists are to be read again. */
  'documents.changed': event<{ readonly ids: readonly string[] }>(),
  /** Where the running import is (before each file, and each page of a PDF). */
  'documents.progress': event<ImportProgress>(),
  /** The participation session changed (answers, votes, the facilitator's choices): each window asks for what it may see. */
  'room.changed': event<{ readonly revision: number }>(),
} as const

export type Contract = typeof contract
export type Events = typeof events
