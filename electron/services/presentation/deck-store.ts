/**
 * Workshop decks, saved as `decks.json` in the data dir (atomic writes). A facilitator names a
 * deck, adds sections (or whole documents) from several documents, reorders them, removes them.
 *
 * Bad input never loses anything:
 * - a deck or item that refers to a document or section the library does not have is refused with
 *   a `not-found` error naming it;
 * - a `decks.json` that is not JSON, is from an unknown version or has invalid decks is moved aside
 *   (`decks.json.corrupt-<time>`, never overwritten); the valid decks it held are kept, and `list()`
 *   reports what happened until the next start.
 */
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { AppFailure } from '../../shared/result'
import { DECKS_SCHEMA_VERSION, DeckItemSchema, DeckNameSchema, MAX_DECK_ITEMS, StoredDeckSchema } from '../../shared/presentation/deck'
import type { DeckItem, DeckList, DeckView, DecksFile, StoredDeck } from '../../shared/presentation/deck'
import { presentableSpan } from '../../shared/presentation/spans'
import { writeFileAtomic } from '../platform/atomic-file'
import { moveAside, readJson } from '../platform/json-file'
import type { Clock } from '../platform/clock'
import type { Logger } from '../platform/log'
import type { LibraryReader } from '../content/library-reader'
import { serialQueue } from '../platform/serial-queue'

export interface DeckStore {
  list(): DeckList
  /** Throws `not-found` for an unknown id. */
  get(id: string): StoredDeck
  create(name: string, items?: readonly DeckItem[]): Promise<DeckView>
  /** Renames and/or replaces the ordered list of items (reordering is a new list). */
  update(id: string, patch: { readonly name?: string; readonly items?: readonly DeckItem[] }): Promise<DeckView>
  remove(id: string): Promise<null>
}

interface Loaded {
  readonly decks: StoredDeck[]
  readonly problem: string | null
}

/**
 * Reads decks.json, keeping every valid deck; anything wrong moves the file aside and is reported.
 * Read with the shared first step (json-file.ts `readJson`), then its own rule: not `loadJsonFile`,
 * which keeps all or nothing, while a deck file salvages its valid decks.
 */
async function load(file: string, now: () => Date): Promise<Loaded & { readonly salvaged: boolean }> {
  const read = await readJson(file)
  if (read.status === 'missing') return { decks: [], problem: null, salvaged: false }
  const reasons: string[] = read.status === 'not-json' ? [read.reason] : []
  const decks: StoredDeck[] = []
  const parsed = read.status === 'read' ? read.value : null
  if (reasons.length === 0) {
    const env = parsed as { schemaVersion?: unknown; decks?: unknown } | null
    if (typeof env !== 'object' || env === null || !Array.isArray(env.decks)) reasons.push('it has no list of decks')
    else if (env.schemaVersion !== DECKS_SCHEMA_VERSION) reasons.push(`it is of an unknown version (${JSON.stringify(env.schemaVersion)})`)
    else {
      env.decks.forEach((raw, i) => {
        const r = StoredDeckSchema.safeParse(raw)
        if (!r.success) reasons.push(`deck ${i + 1} is invalid (${r.error.issues[0]?.path.join('.') || 'deck'}: ${r.error.issues[0]?.message})`)
        else if (decks.some((d) => d.id === r.data.id)) reasons.push(`deck ${i + 1} repeats the id of another deck`)
        else decks.push(r.data)
      })
      if (Object.keys(env).some((k) => k !== 'schemaVersion' && k !== 'decks')) reasons.push('it has unknown fields')
    }
  }
  if (reasons.length === 0) return { decks, problem: null, salvaged: false }
  // The shared rule (json-file.ts): `decks.json.corrupt-<time>`, never overwriting an earlier one.
  const movedTo = await moveAside(file, now())
  const kept = decks.length > 0 ? ` ${decks.length} valid deck(s) were kept.` : ''
  return { decks, problem: `decks.json could not be read entirely: ${reasons.join('; ')}. The file was moved to ${movedTo}, unchanged.${kept}`, salvaged: decks.length > 0 }
}

export async function createDeckStore(opts: {
  readonly dataDir: string
  readonly clock: Clock
  readonly log: Logger
  readonly library: LibraryReader
  readonly newId?: () => string
}): Promise<DeckStore> {
  const file = join(opts.dataDir, 'decks.json')
  const loaded = await load(file, () => opts.clock.now())
  if (loaded.problem) opts.log.warn(loaded.problem)
  let decks: StoredDeck[] = loaded.decks
  const newId = opts.newId ?? randomUUID
  const queue = serialQueue()

  const save = async (next: StoredDeck[]): Promise<void> => {
    const data: DecksFile = { schemaVersion: DECKS_SCHEMA_VERSION, decks: next }
    await writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`)
    decks = next
  }
  if (loaded.salvaged) await save(decks)

  /** One change at a time, each saved before the next starts. */
  const serial = <T>(run: () => Promise<T>): Promise<T> => queue.run(run)
  const find = (id: string): StoredDeck => {
    const d = decks.find((x) => x.id === id)
    if (!d) throw new AppFailure('not-found', `No deck with id "${id}".`)
    return d
  }
  /**
   * Items must exist in the library — except those the deck already holds: a section that vanished
   * from the content pack stays listed (flagged `missing`) until the facilitator removes it.
   */
  const checkItems = (items: readonly DeckItem[], already: readonly DeckItem[] = []): DeckItem[] => {
    if (items.length > MAX_DECK_ITEMS) throw new AppFailure('invalid-payload', `A deck holds at most ${MAX_DECK_ITEMS} sections.`)
    return items.map((raw) => {
      const r = DeckItemSchema.safeParse(raw)
      if (!r.success) throw new AppFailure('invalid-payload', `Invalid deck item: ${r.error.issues[0]?.message ?? 'unknown shape'}`)
      const item = r.data
      if (already.some((a) => a.docId === item.docId && a.sectionId === item.sectionId)) return item
      const doc = opts.library.get(item.docId)
      if (item.sectionId !== null && !presentableSpan(doc.sections, item.sectionId)) {
        throw new AppFailure('not-found', `The document "${item.docId}" has no section "${item.sectionId}".`)
      }
      return item
    })
  }
  const checkName = (name: string): string => {
    const r = DeckNameSchema.safeParse(name)
    if (!r.success) throw new AppFailure('invalid-payload', r.error.issues[0]?.message ?? 'invalid deck name')
    return r.data
  }
  const view = (d: StoredDeck): DeckView => ({
    id: d.id,
    name: d.name,
    modified: d.modified,
    items: d.items.map((item) => {
      try {
        const doc = opts.library.get(item.docId)
        const section = item.sectionId === null ? null : doc.sections.find((s) => s.id === item.sectionId)
        return { ...item, docTitle: doc.summary.title, sectionTitle: section?.title ?? '', missing: section === undefined }
      } catch {
        return { ...item, docTitle: item.docId, sectionTitle: item.sectionId ?? '', missing: true }
      }
    }),
  })

  return {
    list: () => ({ decks: decks.map(view), problem: loaded.problem }),
    get: (id) => find(id),
    create: (name, items = []) =>
      serial(async () => {
        const at = opts.clock.now().toISOString()
        const deck: StoredDeck = { id: newId(), name: checkName(name), items: checkItems(items), created: at, modified: at }
        await save([...decks, deck])
        return view(deck)
      }),
    update: (id, patch) =>
      serial(async () => {
        const d = find(id)
        const next: StoredDeck = {
          ...d,
          name: patch.name === undefined ? d.name : checkName(patch.name),
          items: patch.items === undefined ? d.items : checkItems(patch.items, d.items),
          modified: opts.clock.now().toISOString(),
        }
        await save(decks.map((x) => (x.id === id ? next : x)))
        return view(next)
      }),
    remove: (id) =>
      serial(async () => {
        find(id)
        await save(decks.filter((x) => x.id !== id))
        return null
      }),
  }
}
