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
import type { Glossary } from '../content/glossary'
import { ReadingPositionInputSchema } from '../reading'
import type { ReadingPosition } from '../reading'

export interface AppInfo {
  readonly name: string
  readonly version: string
  readonly contentDir: string
  readonly dataDir: string
  readonly documentCount: number
  readonly problems: readonly ContentProblem[]
}

const Empty = z.object({}).strict()

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
  reading: {
    /** Where the reader stopped in one document, or null if it was never opened. */
    get: method<ReadingPosition | null>()(z.object({ id: DocIdSchema }).strict()),
    /** Every remembered position, most recently read first (« Reprendre la lecture », progress). */
    list: method<readonly ReadingPosition[]>()(Empty),
    /** Records the position; resolves once it is durable in the data dir. */
    save: method<ReadingPosition>()(ReadingPositionInputSchema),
  },
} as const

export type MenuCommand = 'open-library' | 'open-settings' | 'open-search' | 'show-shortcuts' | 'show-about' | 'find-in-document' | 'go-back' | 'go-forward'

export const events = {
  /** A native-menu item the renderer should act on. */
  'menu.command': event<{ readonly command: MenuCommand }>(),
  /** The settings changed (in another window, or from the menu). */
  'settings.changed': event<Settings>(),
} as const

export type Contract = typeof contract
export type Events = typeof events
