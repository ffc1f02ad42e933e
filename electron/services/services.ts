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
import { createReadingService } from './reading/reading-service'
import type { ReadingService } from './reading/reading-service'

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
  readonly reading: ReadingService
  readonly bus: EventBus
  readonly openExternal: (url: string) => Promise<null>
}

export async function createServices(options: ServiceOptions): Promise<Services> {
  await mkdir(options.dataDir, { recursive: true })
  const library = await createContentLibrary({ contentDir: options.contentDir, log: options.log })
  const settings = await createSettingsService(options)
  const reading = await createReadingService(options)
  const bus = createEventBus()
  settings.onChange((next) => bus.emit('settings.changed', next))
  return { options, library, settings, reading, bus, openExternal: createExternalOpener(options.openUrl) }
}
