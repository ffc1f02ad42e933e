/**
 * The export service: gathers what the pure exporters (shared/export) need — the annotations from
 * the store with their anchoring state, the documents' titles and section maps from the library,
 * the colour labels, the clock and the app version — and renders, saves (one file, or one file per
 * document into a folder) or builds a section handout. Where to save is asked through injected
 * ports (main: native dialogs; e2e: a temp path; CLI: none), so the service never touches Electron.
 */
import { join } from 'node:path'
import { mkdir } from 'node:fs/promises'
import { applyScope, exportAnnotations, exportPerDocument, renderHandout, ExportRequestSchema } from '../../shared/export'
import type { ExportDocument, ExportInput, ExportRequest, ExportScope } from '../../shared/export'
import type { HandoutResult, RenderedExport, SavedExport, SavedFolder } from '../../shared/export/api'
import type { AnchorState } from '../../shared/annotations/model'
import { ListQuerySchema } from '../../shared/annotations/query'
import { AppFailure } from '../../shared/result'
import type { LibraryReader } from '../content/library-reader'
import type { AnnotationService } from '../annotations/annotation-service'
import type { Clock } from '../platform/clock'
import { writeFileAtomic } from '../platform/atomic-file'
import { shownText } from '../../shared/text/apparatus'
import type { AnnotationView } from '../../shared/annotations/query'
import { saveAs } from '../platform/save-as'
import { answersInScope } from '../../shared/export/answers'
import { workshopAnswers } from '../../shared/room/answers'
import type { WorkshopAnswer } from '../../shared/room/answers'
import type { RoomState } from '../../shared/room/state'
import { foldForCompare } from '../../shared/text/fold'
import type { ChooseSavePath } from '../platform/save-as'

export interface ExportServiceOptions {
  readonly library: LibraryReader
  /** Documents no longer in the library whose notes are kept (removed from « Mes documents »): their titles. */
  readonly formerTitles?: () => ReadonlyMap<string, string>
  readonly annotations: AnnotationService
  readonly clock: Clock
  readonly appVersion: string
  /** Asks where to save one file; null when cancelled or unavailable. */
  readonly chooseSavePath?: ChooseSavePath
  /** Asks for a folder (« un fichier par document »); null when cancelled or unavailable. */
  readonly chooseFolder?: () => Promise<string | null>
  /** The participation sessions kept in the data dir (RoomService.states), for the `answers` option. */
  readonly sessions?: () => Promise<readonly RoomState[]>
}

export interface ExportService {
  /** The export as text (preview, Copy, CLI). */
  render(request: ExportRequest): Promise<RenderedExport>
  /** Asks for a path then writes the export atomically; null when the user cancelled. */
  save(request: ExportRequest): Promise<SavedExport | null>
  /** Asks for a folder then writes one file per document; null when the user cancelled. */
  saveEach(request: ExportRequest): Promise<SavedFolder | null>
  /** The section's text with the annotations on it as footnotes. */
  handout(docId: string, sectionId: string, language?: 'fr' | 'en'): Promise<HandoutResult>
  /** The same handout written to a file the user chooses; null when cancelled. */
  saveHandout(docId: string, sectionId: string, language?: 'fr' | 'en'): Promise<SavedExport | null>
}

const defaultTitle = (day: string): string => `Notes — Passerelles (${day})`

export function createExportService(o: ExportServiceOptions): ExportService {
  const library = o.library
  const titles = (): Map<string, string> => new Map(library.list().map((d) => [d.id, d.title]))

  /** Documents in library order, with their section maps, then removed documents under their former titles; unknown documents are left to the exporter. */
  function documentsFor(ids: ReadonlySet<string>): ExportDocument[] {
    const out: ExportDocument[] = []
    for (const d of library.list()) {
      if (!ids.has(d.id)) continue
      out.push({ id: d.id, title: d.title, sections: library.get(d.id).sections })
    }
    const listed = new Set(out.map((d) => d.id))
    for (const [id, title] of o.formerTitles?.() ?? []) if (ids.has(id) && !listed.has(id)) out.push({ id, title, sections: [] })
    return out
  }

  /**
   * The passages as shown (ExportInput.shownQuotes): where an annotation is found exactly (anchored
   * or moved), its text without footnote calls and back-links. Fuzzy passages and orphans keep the
   * stored quote: what it spans now is not what was quoted.
   */
  function shownQuotes(views: readonly AnnotationView[]): Map<string, string> {
    const known = titles()
    const out = new Map<string, string>()
    for (const v of views) {
      const target = v.annotation.target
      if (target === null || !known.has(v.annotation.document) || (v.anchor.status !== 'anchored' && v.anchor.status !== 'moved')) continue
      const doc = library.get(v.annotation.document)
      const { start, end } = v.anchor
      if (doc.apparatus.length === 0 || doc.text.slice(start, end) !== target.selector[0].exact) continue
      const shown = shownText(doc.text, doc.apparatus, start, end)
      if (shown !== target.selector[0].exact) out.set(v.annotation.id, shown)
    }
    return out
  }

  /** The workshops' answers of the scope, session by session (oldest first), in the cahier's order. */
  async function answersFor(scope: ExportScope): Promise<WorkshopAnswer[]> {
    const states = (await o.sessions?.()) ?? []
    return answersInScope(states.flatMap(workshopAnswers), scope, foldForCompare)
  }

  async function inputFor(request: ExportRequest): Promise<ExportInput> {
    const scope: ExportScope = request.scope
    if (scope.kind === 'document' && !titles().has(scope.documentId)) throw new AppFailure('not-found', `No document "${scope.documentId}" in the library.`)
    const views = (await o.annotations.list(ListQuerySchema.parse({}))).items
    const states = new Map<string, AnchorState>()
    for (const v of views) if (v.anchor.status !== 'note' && v.anchor.status !== 'anchored') states.set(v.annotation.id, v.anchor.status)
    const colorLabels = await o.annotations.labels()
    const annotations = applyScope(
      views.map((v) => v.annotation),
      scope,
      colorLabels,
    )
    const exported = o.clock.now().toISOString()
    const chosen = new Set(annotations.map((a) => a.id))
    const answers = request.options.answers ? await answersFor(scope) : undefined
    return {
      ...(answers ? { answers } : {}),
      annotations,
      states,
      shownQuotes: shownQuotes(views.filter((v) => chosen.has(v.annotation.id))),
      documents: documentsFor(new Set(annotations.map((a) => a.document))),
      colorLabels,
      meta: {
        title: request.title ?? defaultTitle(exported.slice(0, 10)),
        exported,
        app: { name: 'Passerelles', version: o.appVersion },
        scope,
      },
    }
  }

  function baseName(request: ExportRequest, day: string): string {
    return request.scope.kind === 'document' ? `notes-${request.scope.documentId}-${day}` : `notes-passerelles-${day}`
  }

  async function render(request: ExportRequest): Promise<RenderedExport> {
    const input = await inputFor(request)
    const r = exportAnnotations(request.format, input, request.options)
    return { format: r.format, extension: r.extension, content: r.content, count: r.count, answers: r.answers, fileName: `${baseName(request, input.meta.exported.slice(0, 10))}${r.extension}` }
  }

  const service: ExportService = {
    render,
    async save(request) {
      const r = await render(request)
      const saved = await saveAs(o.chooseSavePath, r.fileName, r.content)
      return saved && { ...saved, count: r.count }
    },
    async saveEach(request) {
      const input = await inputFor(request)
      const folder = await (o.chooseFolder ?? (async () => null))()
      if (folder === null) return null
      await mkdir(folder, { recursive: true })
      const files = []
      for (const f of exportPerDocument(request.format, input, request.options)) {
        const path = join(folder, f.fileName)
        await writeFileAtomic(path, f.result.content)
        files.push({ path, documentId: f.documentId, count: f.result.count })
      }
      return { folder, files, count: files.reduce((n, f) => n + f.count, 0) }
    },
    async handout(docId, sectionId, language = 'fr') {
      const doc = library.get(docId) // not-found for an unknown document
      const views = (await o.annotations.list(ListQuerySchema.parse({ docId }))).items
      const states = new Map<string, AnchorState>()
      for (const v of views) if (v.anchor.status !== 'note' && v.anchor.status !== 'anchored') states.set(v.annotation.id, v.anchor.status)
      const exported = o.clock.now().toISOString()
      const out = renderHandout(
        {
          document: { id: docId, title: doc.summary.title, sections: doc.sections },
          sectionId,
          text: doc.text,
          apparatus: doc.apparatus,
          annotations: views.map((v) => v.annotation),
          states,
          colorLabels: await o.annotations.labels(),
          meta: { title: doc.summary.title, exported, app: { name: 'Passerelles', version: o.appVersion }, scope: { kind: 'document', documentId: docId } },
        },
        { language, include: ExportRequestSchema.parse({}).options.include },
      )
      if (!out) throw new AppFailure('not-found', `No section "${sectionId}" in "${docId}".`)
      return { ...out, fileName: `${docId}${sectionId ? `-${sectionId}` : ''}-notes.md` }
    },
    async saveHandout(docId, sectionId, language = 'fr') {
      const h = await service.handout(docId, sectionId, language)
      const saved = await saveAs(o.chooseSavePath, h.fileName, h.content)
      return saved && { ...saved, count: h.count }
    },
  }
  return service
}
