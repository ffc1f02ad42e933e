/**
 * Every door an annotation passes through, end to end below the UI, on the shipped content pack:
 * what the export screen writes (JSON W3C, Markdown) imports back into an empty data dir as the
 * identical store (annotations and colour labels); a CSV export is refused, saying it is export
 * only; a file of the old `annotations export` format still imports; a W3C file written the way
 * other tools write it imports, each passage placed by the anchoring engine, and a file with
 * passages that cannot be placed is refused whole, each listed by its reason.
 */
import { resolve } from 'node:path'
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { createServices } from '../services'
import { createHandlers } from '../handlers'
import { fixedClock } from '../platform/clock'
import { memoryLogger } from '../platform/log'
import { recordingOpener } from '../platform/external-opener'
import { tempDir } from '../testing/temp-pack'
import { inProcessClient, valueOf } from '../../shared/api/in-process'
import type { PasserellesApi } from '../../shared/api/types'
import { COLOR_IDS, DEFAULT_COLOR_LABELS, SCHEMA_VERSION } from '../../shared/annotations/model'
import type { Annotation, ColorLabels } from '../../shared/annotations/model'
import type { ExportFormat, Grouping } from '../../shared/export/types'
import { HOSTILE_FRAGMENTS, exportSetArbitrary } from '../../shared/export/testing/arbitraries'
import { prng } from '../../shared/testing/prng'
import type { Result } from '../../shared/result'

const SHIPPED = resolve(__dirname, '..', '..', '..', 'content')
const ok = async <T>(call: Promise<Result<T>>): Promise<T> => valueOf(await call)

async function open(): Promise<PasserellesApi> {
  const services = await createServices({ contentDir: SHIPPED, dataDir: await tempDir(), clock: fixedClock('2026-12-07T10:00:00Z'), log: memoryLogger(), openUrl: recordingOpener(), appVersion: '0' })
  return inProcessClient(createHandlers(services))
}

interface Store {
  readonly annotations: readonly Annotation[]
  readonly labels: ColorLabels
}
async function storeOf(api: PasserellesApi): Promise<Store> {
  const annotations = (await ok(api.annotations.list({}))).items.map((v) => v.annotation).sort((a, b) => (a.id < b.id ? -1 : 1))
  return { annotations, labels: await ok(api.annotations.labels({})) }
}
async function exported(api: PasserellesApi, format: ExportFormat, grouping: Grouping = 'document'): Promise<string> {
  return (await ok(api.export.render({ format, scope: { kind: 'all' }, options: { grouping } }))).content
}
async function importedInto(content: string): Promise<{ store: Store; report: Awaited<ReturnType<typeof importReport>> }> {
  const api = await open()
  const report = await importReport(api, content)
  return { store: await storeOf(api), report }
}
const importReport = (api: PasserellesApi, json: string) => ok(api.annotations.importJson({ json }))

/** Seeded annotations on the shipped texts: passages, notes, tags, every colour, document notes, renamed labels. */
async function seedShipped(api: PasserellesApi, count: number): Promise<void> {
  const random = prng(14)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!
  const docs = await ok(api.library.list({}))
  let made = 0
  for (let attempt = 0; made < count && attempt < count * 4; attempt++) {
    const d = pick(docs)
    const text = (await ok(api.library.get({ id: d.id }))).text
    const start = Math.floor(random() * (text.length - 1))
    const end = Math.min(text.length, start + 1 + Math.floor(random() * 300))
    const note = random() < 0.6 ? Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(HOSTILE_FRAGMENTS)).join('') : ''
    const tags = random() < 0.5 ? [pick(['communs', 'ess', 'terrain/asso', 'gouvernance', 'économie-sociale', '🌱'])] : []
    const r = await api.annotations.create({ docId: d.id, start, end, color: pick(COLOR_IDS), note, tags })
    if (!r.ok) continue // a selection of white space only: the app refuses it too
    made++
    if (random() < 0.05) await ok(api.annotations.detach({ id: r.value.annotation.id }))
  }
  await ok(api.annotations.setLabels({ blue: 'Piste « à creuser »', purple: 'Citation <b>|#' }))
}

describe('round trips on the shipped pack', () => {
  let source: PasserellesApi
  let original: Store
  beforeAll(async () => {
    source = await open()
    await seedShipped(source, 200)
    original = await storeOf(source)
  }, 120_000)

  it('seeds 200 annotations, document notes among them, with renamed colour labels', () => {
    expect(original.annotations).toHaveLength(200)
    expect(original.annotations.some((a) => a.target === null && a.detachedQuote !== undefined)).toBe(true)
    expect(original.labels).not.toEqual(DEFAULT_COLOR_LABELS)
  })

  it('export screen JSON W3C → import → the identical store, each passage as written and anchored', async () => {
    const { store, report } = await importedInto(await exported(source, 'json'))
    expect(store).toEqual(original)
    expect(report).toMatchObject({ total: 200, added: 200, labels: 'imported' })
    expect(new Set(report.items.map((i) => i.placement))).toEqual(new Set(['as-written']))
    expect(report.items.filter((i) => i.status !== 'anchored' && i.status !== 'note')).toEqual([])
  }, 120_000)

  it.each<Grouping>(['document', 'color', 'tag'])('Markdown export (grouped by %s) → import → the identical annotations', async (grouping) => {
    const { store } = await importedInto(await exported(source, 'md', grouping))
    // Markdown carries the annotations; the colour labels are the reader's display, not data.
    expect(store.annotations).toEqual(original.annotations)
  }, 120_000)

  it('CSV is an export only: importing it is refused, saying so, and changes nothing', async () => {
    const api = await open()
    for (const csv of [await exported(source, 'csv'), (await ok(source.export.render({ format: 'csv', options: { language: 'en', csvDelimiter: ';' } }))).content]) {
      const r = await api.annotations.importJson({ json: csv })
      expect(r.ok ? 'imported' : r.error.message).toMatch(/^Nothing imported: a CSV export is for spreadsheets and cannot be imported back/)
    }
    expect((await storeOf(api)).annotations).toEqual([])
  })

  it('an old `annotations export` file (urn:passerelles:doc:, passerelles: terms) still imports, exactly', async () => {
    const dir = resolve(__dirname, '..', '..', 'shared', 'annotations', '__fixtures__')
    const legacy = JSON.parse(readFileSync(resolve(dir, 'legacy-fixture-annotations.json'), 'utf8')) as { annotations: Annotation[]; labels: ColorLabels }
    const { store } = await importedInto(readFileSync(resolve(dir, 'legacy-annotations-export.json'), 'utf8'))
    expect(store).toEqual({ annotations: [...legacy.annotations].sort((a, b) => (a.id < b.id ? -1 : 1)), labels: legacy.labels })
  })
})

describe('round trips of 1,000 generated hostile annotations through the services', () => {
  const { annotations } = fc.sample(exportSetArbitrary(1000, 1000), { numRuns: 1, seed: 1414 })[0]!
  const labels: ColorLabels = { ...DEFAULT_COLOR_LABELS, yellow: '<!-- -->', green: 'Exemple\u2028« » %% $$' }
  let source: PasserellesApi
  let original: Store
  beforeAll(async () => {
    source = await open()
    // Seeded as a store file (a backup from another machine), the third kind of file import reads.
    await ok(source.annotations.importJson({ json: JSON.stringify({ schemaVersion: SCHEMA_VERSION, generation: 0, colorLabels: labels, annotations }) }))
    original = await storeOf(source)
  }, 120_000)

  it('holds the 1,000 annotations', () => {
    expect(original.annotations).toEqual([...annotations].sort((a, b) => (a.id < b.id ? -1 : 1)))
  })

  it('export screen JSON W3C → import → the identical store', async () => {
    expect((await importedInto(await exported(source, 'json'))).store).toEqual(original)
  }, 120_000)

  it('Markdown export → import → the identical annotations', async () => {
    expect((await importedInto(await exported(source, 'md', 'tag'))).store.annotations).toEqual(original.annotations)
  }, 120_000)
})
