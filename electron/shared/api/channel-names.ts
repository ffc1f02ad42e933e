/**
 * The contract's channel and event names as plain string literals, for the PRELOAD. The preload
 * must not import `contract.ts`: its zod schemas would be bundled into (and evaluated in) every
 * window only to list these names (review §18: 205 kB). Main validates payloads; the preload only
 * forwards them.
 *
 * Written by hand, and pinned to the contract: `satisfies` refuses a name the contract does not have,
 * and channel-names.test.ts fails if one is missing or out of order. When the contract changes,
 * update these lists (the test prints the expected ones). Imports here are type-only (erased).
 */
import type { Channel } from './types'
import type { Events } from './contract'

/** Every invoke channel (`namespace:method`), in contract order. */
export const INVOKE_CHANNEL_NAMES = [
  'app:info', 'app:openExternal',
  'library:list', 'library:get', 'library:glossary',
  'settings:get', 'settings:update',
  'presentation:start', 'presentation:state', 'presentation:deck', 'presentation:notes', 'presentation:dispatch',
  'presentation:fullscreen', 'presentation:reopen',
  'decks:list', 'decks:create', 'decks:update', 'decks:remove', 'decks:export',
  'search:query', 'search:locate', 'search:status',
  'annotations:status', 'annotations:list', 'annotations:get', 'annotations:create', 'annotations:update',
  'annotations:delete', 'annotations:restore', 'annotations:reanchor', 'annotations:check', 'annotations:confirm',
  'annotations:reattach', 'annotations:detach', 'annotations:labels', 'annotations:setLabels', 'annotations:tags',
  'annotations:exportJson', 'annotations:importJson',
  'export:render', 'export:save', 'export:saveEach', 'export:handout', 'export:saveHandout',
  'reading:get', 'reading:list', 'reading:save',
  'documents:list', 'documents:add', 'documents:importFiles', 'documents:update', 'documents:remove',
  'documents:removed', 'documents:replace', 'documents:newVersions', 'documents:importPdfMarkups', 'documents:cancelImport',
  'room:status', 'room:start', 'room:stop', 'room:end', 'room:dispatch', 'room:audience', 'room:sessions', 'room:cahier', 'room:saveCahier',
] as const satisfies readonly Channel[]

/** Every main → renderer event name, in contract order. */
export const EVENT_NAME_LIST = [
  'menu.command', 'settings.changed', 'presentation.state', 'app.navigate', 'annotations.changed', 'documents.changed', 'documents.progress', 'room.changed',
] as const satisfies readonly (keyof Events)[]

/** The invoke channel of a contract method. */
export function channelOf(namespace: string, name: string): string {
  return `${namespace}:${name}`
}

/** The channel of a main → renderer event. */
export function eventChannel(name: keyof Events): string {
  return `event:${name}`
}
