/**
 * The renderer's copies of what the content library hands out. The pack does not change while the
 * app runs, so the list and the glossary are fetched once, and the last few rendered documents are
 * kept (keyed by id and content hash), so going back to a document does not cross the IPC again.
 * A failed fetch is not cached: the next call tries again.
 */
import type { DocumentSummary, RenderedDocument } from '../../../electron/shared/content/document'
import type { Glossary } from '../../../electron/shared/content/glossary'
import { api, unwrap } from './api'

const MAX_DOCUMENTS = 8

let list: Promise<readonly DocumentSummary[]> | null = null
let glossary: Promise<Glossary> | null = null
const documents = new Map<string, RenderedDocument>()

function once<T>(get: () => Promise<T> | null, set: (p: Promise<T> | null) => void, load: () => Promise<T>): Promise<T> {
  const existing = get()
  if (existing) return existing
  const p = load()
  set(p)
  p.catch(() => set(null))
  return p
}

export function loadLibrary(): Promise<readonly DocumentSummary[]> {
  return once(
    () => list,
    (p) => (list = p),
    async () => {
      const docs = await unwrap(api.library.list({}))
      settledList = docs
      return docs
    },
  )
}

export function loadGlossary(): Promise<Glossary> {
  return once(() => glossary, (p) => (glossary = p), () => unwrap(api.library.glossary({})))
}

/** The cached rendered document, synchronously, when the library lists that version (else null). */
export function peekDocument(id: string, summaries: readonly DocumentSummary[] | null): RenderedDocument | null {
  const hash = summaries?.find((d) => d.id === id)?.hash
  return hash ? (documents.get(`${id}@${hash}`) ?? null) : null
}

let settledList: readonly DocumentSummary[] | null = null

/** The library list if it has already arrived (synchronously), else null. */
export function peekLibrary(): readonly DocumentSummary[] | null {
  return settledList
}

/**
 * Forgets the library list (the reader's imported documents changed: `documents.changed`); the next
 * `loadLibrary` asks again. Rendered documents stay cached by version, so nothing stale is shown.
 */
export function forgetLibrary(): void {
  list = null
  settledList = null
}

/** The rendered document, from the local cache when its version is the one the library lists. */
export async function loadDocument(id: string): Promise<RenderedDocument> {
  const summaries = list ? await list.catch(() => null) : null
  const hash = summaries?.find((d) => d.id === id)?.hash
  const key = hash ? `${id}@${hash}` : null
  const cached = key ? documents.get(key) : undefined
  if (cached) {
    documents.delete(key!)
    documents.set(key!, cached)
    return cached
  }
  const doc = await unwrap(api.library.get({ id }))
  documents.set(`${id}@${doc.summary.hash}`, doc)
  while (documents.size > MAX_DOCUMENTS) documents.delete(documents.keys().next().value!)
  return doc
}
