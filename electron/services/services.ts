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
import { createEventBus } from './platform/event-bus'
import type { EventBus } from './platform/event-bus'
import { createSettingsService } from './settings/settings-service'
import type { SettingsService } from './settings/settings-service'
import { createAnnotationService } from './annotations/annotation-service'
import type { AnnotationService } from './annotations/annotation-service'
import type { DocumentSource } from './annotations/anchoring'
import { AppFailure } from '../shared/result'

export interface ServiceOptions {
  readonly contentDir: string
  readonly dataDir: string
  readonly clock: Clock
  readonly log: Logger
  readonly openUrl: OpenUrl
  readonly appVersion: string
}

export interface Services {
  readonly options: ServiceOptions
  readonly library: ContentLibrary
  readonly settings: SettingsService
  readonly annotations: AnnotationService
  readonly bus: EventBus
  readonly openExternal: (url: string) => Promise<null>
  /** Waits for background work (annotation compaction and backups) to finish. */
  close(): Promise<void>
}

/** The annotations' view of the content library: rendered text and version of each document. */
function documentSource(library: ContentLibrary): DocumentSource {
  const versions = new Map(library.list().map((d) => [d.id, d.hash]))
  return {
    version: (id) => versions.get(id) ?? null,
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

export async function createServices(options: ServiceOptions): Promise<Services> {
  await mkdir(options.dataDir, { recursive: true })
  const library = await createContentLibrary({ contentDir: options.contentDir, log: options.log })
  const settings = await createSettingsService(options)
  const bus = createEventBus()
  settings.onChange((next) => bus.emit('settings.changed', next))
  const annotations = await createAnnotationService({ dataDir: options.dataDir, clock: options.clock, log: options.log, documents: documentSource(library) })
  annotations.onChange((docIds) => bus.emit('annotations.changed', { docIds }))
  return { options, library, settings, annotations, bus, openExternal: createExternalOpener(options.openUrl), close: () => annotations.close() }
}
