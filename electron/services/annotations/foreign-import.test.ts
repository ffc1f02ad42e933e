/**
 * W3C annotations written the way other tools write them (Hypothesis-style ids, `target` arrays,
 * quote-only selectors without context, sources that are web pages), imported on the shipped pack:
 * each passage is placed by the anchoring engine and reported with its status; a file holding any
 * passage that cannot be placed is refused whole, each such passage listed with its reason. The
 * passages are taken from the shipped texts as they are now, so content edits do not break this.
 */
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createServices } from '../services'
import { createHandlers } from '../handlers'
import { fixedClock } from '../platform/clock'
import { memoryLogger } from '../platform/log'
import { recordingOpener } from '../platform/external-opener'
import { tempDir } from '../testing/temp-pack'
import { inProcessClient, valueOf } from '../../shared/api/in-process'
import type { PasserellesApi } from '../../shared/api/types'
import type { Result } from '../../shared/result'

const SHIPPED = resolve(__dirname, '..', '..', '..', 'content')
const ok = async <T>(call: Promise<Result<T>>): Promise<T> => valueOf(await call)

async function open(): Promise<PasserellesApi> {
  const services = await createServices({ contentDir: SHIPPED, dataDir: await tempDir(), clock: fixedClock('2026-12-07T10:00:00Z'), log: memoryLogger(), openUrl: recordingOpener(), appVersion: '0' })
  return inProcessClient(createHandlers(services))
}

interface Passage {
  readonly docId: string
  readonly exact: string
  readonly prefix: string
  readonly suffix: string
}

describe('W3C from another tool, on the shipped pack', () => {
  let texts: Map<string, string>
  /** A passage of `length` characters found once in the whole library, of words only (no edge spaces). */
  const unique = (docId: string, length: number, from = 0.3): Passage => {
    const text = texts.get(docId)!
    for (let i = Math.floor(text.length * from); i + length < text.length; i++) {
      const exact = text.slice(i, i + length)
      if (!/^\p{L}.*\p{L}$/u.test(exact) || exact.includes('\n')) continue
      if ([...texts.values()].reduce((n, t) => n + t.split(exact).length - 1, 0) !== 1) continue
      return { docId, exact, prefix: text.slice(Math.max(0, i - 32), i), suffix: text.slice(i + length, i + length + 32) }
    }
    throw new Error(`no unique passage in ${docId}`)
  }
  const hypothesis = (n: number, target: unknown, note = `note ${n}`) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `https://hypothes.is/a/foreign${n}`,
    type: 'Annotation',
    created: '2025-03-04T05:06:07.000000+00:00',
    modified: '2025-03-05T05:06:07.000000+00:00',
    body: [{ type: 'TextualBody', value: note, format: 'text/markdown' }, { type: 'TextualBody', purpose: 'tagging', value: 'vu ailleurs' }],
    target,
  })
  let docs: string[]
  beforeAll(async () => {
    const api = await open()
    docs = (await ok(api.library.list({}))).map((d) => d.id)
    texts = new Map(await Promise.all(docs.map(async (id) => [id, (await ok(api.library.get({ id }))).text] as const)))
  }, 60_000)

  it('imports quote-only selectors, target arrays and foreign sources, each with the engine’s status', async () => {
    const withContext = unique(docs[0]!, 40)
    const bare = unique(docs[1]!, 30)
    const foreign = unique(docs[2]!, 45)
    const typo = unique(docs[3]!, 60, 0.5)
    const misspelt = `${typo.exact.slice(0, 30)}${typo.exact[30] === 'x' ? 'y' : 'x'}${typo.exact.slice(31)}`
    const file = {
      type: 'AnnotationPage',
      items: [
        hypothesis(1, [{ source: `passerelles://open/${withContext.docId}`, selector: [{ type: 'TextQuoteSelector', exact: withContext.exact, prefix: withContext.prefix, suffix: withContext.suffix }] }]),
        hypothesis(2, { source: `urn:passerelles:doc:${bare.docId}`, selector: { type: 'TextQuoteSelector', exact: bare.exact } }),
        hypothesis(3, [{ source: 'https://example.org/un-article-qui-cite-le-cahier', selector: [{ type: 'RangeSelector' }, { type: 'TextQuoteSelector', exact: foreign.exact, prefix: foreign.prefix, suffix: foreign.suffix }, { type: 'TextPositionSelector', start: 5, end: 50 }] }]),
        hypothesis(4, [{ source: `passerelles://open/${typo.docId}`, selector: [{ type: 'TextQuoteSelector', exact: misspelt, prefix: typo.prefix, suffix: typo.suffix }] }]),
      ],
    }
    const api = await open()
    const report = await ok(api.annotations.importJson({ json: JSON.stringify(file) }))
    expect(report).toMatchObject({ total: 4, added: 4, updated: 0, unchanged: 0 })
    expect(report.items.map((i) => [i.document, i.placement, i.status])).toEqual([
      [withContext.docId, 'by-quote', 'anchored'],
      [bare.docId, 'by-quote', 'anchored'],
      [foreign.docId, 'in-library', 'anchored'],
      [typo.docId, 'by-quote', 'fuzzy'],
    ])
    const stored = (await ok(api.annotations.list({}))).items
    const byDoc = (docId: string) => stored.find((v) => v.annotation.document === docId)!
    for (const p of [withContext, bare, foreign]) expect(byDoc(p.docId).anchor).toMatchObject({ status: 'anchored', quote: p.exact })
    // The fuzzy one shows the passage as it is, and keeps the quote as written for the reader to confirm.
    expect(byDoc(typo.docId).anchor).toMatchObject({ status: 'fuzzy', quote: typo.exact, oldQuote: misspelt })
    expect(byDoc(bare.docId).annotation.body).toEqual({ note: 'note 2', tags: ['vu-ailleurs'], color: 'yellow' })
    // Importing the same file again adds nothing: foreign ids give the same UUIDs.
    expect(await ok(api.annotations.importJson({ json: JSON.stringify(file) }))).toMatchObject({ added: 0, unchanged: 4 })
  }, 60_000)

  it('refuses a file with passages that cannot be placed, listing each by reason, and imports nothing of it', async () => {
    const good = unique(docs[0]!, 40)
    const repeated = ['logiciel libre', 'économie sociale', 'coopérative'].find((w) => texts.get(docs[0]!)!.split(w).length > 2)!
    const file = [
      hypothesis(1, [{ source: `passerelles://open/${good.docId}`, selector: [{ type: 'TextQuoteSelector', exact: good.exact, prefix: good.prefix, suffix: good.suffix }] }]),
      hypothesis(2, [{ source: 'https://example.org/ailleurs', selector: [{ type: 'TextQuoteSelector', exact: 'une phrase que la bibliothèque ne contient nulle part', prefix: 'avant ', suffix: ' après' }] }]),
      hypothesis(3, [{ source: `passerelles://open/${docs[0]!}`, selector: [{ type: 'TextQuoteSelector', exact: repeated }] }]),
      hypothesis(4, [{ source: 'passerelles://open/un-document-disparu', selector: [{ type: 'TextQuoteSelector', exact: good.exact }] }]),
      hypothesis(5, ['https://example.org/a', 'https://example.org/b']),
      hypothesis(6, 'https://example.org/page-entiere'),
    ]
    const api = await open()
    const r = await api.annotations.importJson({ json: JSON.stringify(file) })
    expect(r.ok).toBe(false)
    const message = r.ok ? '' : r.error.message
    expect(message).toMatch(/^Nothing imported: 5 of 6 annotation\(s\) cannot be imported\. /)
    expect(message.split(' | ').map((line) => line.replace(/^Nothing imported: [^.]*\. /, ''))).toEqual([
      'item 1 (https://hypothes.is/a/foreign2): its source "https://example.org/ailleurs" is not a document of Passerelles, and no document of the library holds its quote with its context',
      expect.stringMatching(new RegExp(`^item 2 \\(https://hypothes.is/a/foreign3\\): its quote appears [0-9]+ times in "${docs[0]}" and it has no context`)),
      'item 3 (https://hypothes.is/a/foreign4): its document "un-document-disparu" is not in this library, so its quote cannot be placed',
      'item 4 (https://hypothes.is/a/foreign5): it has 2 targets; an annotation of Passerelles points at one passage',
      'item 5 (https://hypothes.is/a/foreign6): its source "https://example.org/page-entiere" is not a document of Passerelles and it has no quote to find the passage by',
    ])
    expect((await ok(api.annotations.list({}))).total).toBe(0)
  }, 60_000)
})
