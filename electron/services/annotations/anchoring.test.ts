import { describe, expect, it } from 'vitest'
import { createAnchorCache } from './anchoring'
import type { DocumentSource } from './anchoring'
import { newAnnotation } from '../../shared/annotations/operations'
import type { Annotation } from '../../shared/annotations/model'
import { BASE } from '../../shared/annotations/anchor-fixture'

const V1 = '1'.repeat(64)
const V2 = '2'.repeat(64)

/** A document port over real texts that counts renders. */
function source(docs: Record<string, { version: string; text: string }>): DocumentSource & { renders: number } {
  const s = {
    renders: 0,
    version: (id: string) => docs[id]?.version ?? null,
    text(id: string) {
      s.renders++
      return docs[id] ?? null
    },
    ids: () => Object.keys(docs),
  }
  return s
}

function at(quote: string, version = V1, id = '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b'): Annotation {
  const start = BASE.indexOf(quote)
  const m = newAnnotation({ id, now: '2026-11-28T10:00:00.000Z', docId: 'doc', doc: { version, text: BASE }, start, end: start + quote.length, color: 'blue' })
  if (!m.ok) throw new Error(m.message)
  return m.annotation
}

describe('anchor cache', () => {
  it('checks every annotation against the current text, once per record and version', () => {
    const docs = source({ doc: { version: V2, text: `Un ajout.\n${BASE}` } })
    const cache = createAnchorCache(docs)
    const a = at('gouvernance partagée')
    expect(cache.anchors('doc', [a]).get(a.id)).toMatchObject({ status: 'moved', start: BASE.indexOf('gouvernance partagée') + 10 })
    cache.anchors('doc', [a])
    expect(docs.renders).toBe(2) // the text is asked for, the anchoring itself is cached
  })

  it('the global list trusts an unchanged version without rendering; anything else is checked', () => {
    const docs = source({ doc: { version: V1, text: BASE } })
    const cache = createAnchorCache(docs)
    const current = at('gouvernance partagée')
    expect(cache.listAnchors('doc', [current]).get(current.id)).toMatchObject({ status: 'anchored', start: BASE.indexOf('gouvernance partagée') })
    expect(docs.renders).toBe(0)
    const older = at('logiciel libre', V2, '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b')
    cache.listAnchors('doc', [current, older])
    expect(docs.renders).toBe(1)
  })

  it('the reader’s per-document anchors still catch a text that changed under the same version (e.g. a new renderer)', () => {
    const docs = source({ doc: { version: V1, text: ` ${BASE}` } })
    const cache = createAnchorCache(docs)
    const a = at('gouvernance partagée')
    expect(cache.listAnchors('doc', [a]).get(a.id)).toMatchObject({ status: 'anchored' }) // the documented shortcut
    expect(cache.anchors('doc', [a]).get(a.id)).toMatchObject({ status: 'moved', start: BASE.indexOf('gouvernance partagée') + 1 })
  })

  it('a document that left the pack makes orphans; document notes stay notes', () => {
    const cache = createAnchorCache(source({}))
    const a = at('gouvernance partagée')
    const note = { ...a, id: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', target: null }
    const r = cache.anchors('doc', [a, note])
    expect(r.get(a.id)).toMatchObject({ status: 'orphan', reason: 'document-missing' })
    expect(r.get(note.id)).toEqual({ status: 'note' })
  })
})
