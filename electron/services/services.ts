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
import { createLibrarySource } from './search/library-source'
import { createSearchService } from './search/search-service'
import type { SearchService } from './search/search-service'

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
  readonly bus: EventBus
  /** Full-text search; more sources (annotations) join with `search.addSource`. */
  readonly search: SearchService
  readonly openExternal: (url: string) => Promise<null>
}

export async function createServices(options: ServiceOptions): Promise<Services> {
  await mkdir(options.dataDir, { recursive: true })
  const library = await createContentLibrary({ contentDir: options.contentDir, log: options.log })
  const settings = await createSettingsService(options)
  const bus = createEventBus()
  settings.onChange((next) => bus.emit('settings.changed', next))
  // Starts loading the prebuilt (or cached) index now; queries wait for it.
  const librarySource = createLibrarySource({ library, dataDir: options.dataDir, clock: options.clock, log: options.log })
  const search = createSearchService([librarySource], () => librarySource.status())
  return { options, library, settings, bus, search, openExternal: createExternalOpener(options.openUrl) }
}
