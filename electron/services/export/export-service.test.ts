/**
 * The export namespace end to end below the UI: the real handler table on a real pack and temp
 * data dir; files written through the injected save/folder ports; an export imported into an
 * empty data dir restores exactly the same annotations.
 */
import { describe, expect, it } from 'vitest'
import { readFile, readdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { marked } from 'marked'
import { createServices } from '../services'
import { createHandlers } from '../handlers'
import type { Channel } from '../../shared/api/types'
import type { Result } from '../../shared/result'
import { fixedClock } from '../platform/clock'
import { memoryLogger } from '../platform/log'
import { recordingOpener } from '../platform/external-opener'
import { doc, tempDir, writePack } from '../testing/temp-pack'
import type { AnnotationView } from '../../shared/annotations/query'
import type { ColorId } from '../../shared/annotations/model'
import { inProcessClient, valueOf } from '../../shared/api/in-process'

/** The value of an API call that must succeed. */
const ok = async <T>(call: Promise<Result<T>>): Promise<T> => valueOf(await call)

const BODY_A = '## Gouvernance\n\nLes sociétés coopératives associent salariés et usagers à leurs décisions.\n\n## Financement\n\nLes communs numériques cherchent un financement durable.\n'
const BODY_B = 'Le logiciel libre rend aux collectifs la maîtrise de leurs outils.\n'

async function setup(pack?: string) {
  const packDir = pack ?? (await writePack({ 'a.md': doc({ id: 'doc-a', title: 'Premier' }, BODY_A), 'b.md': doc({ id: 'doc-b', title: 'Second' }, BODY_B) }))
  const data = await tempDir()
  const out = await tempDir('passerelles-out-')
  let answer: string | null = join(out, 'notes.md')
  const services = await createServices({
    contentDir: packDir, dataDir: data, clock: fixedClock('2026-11-28T10:00:00Z'), log: memoryLogger(), openUrl: recordingOpener(), appVersion: '1.2.3',
    chooseSavePath: async () => answer,
    chooseFolder: async () => (answer === null ? null : join(out, 'par-document')),
  })
  const handlers = createHandlers(services)
  const api = inProcessClient(handlers)
  const annotate = async (docId: string, quote: string, extra: { color: ColorId; note?: string; tags?: string[] }): Promise<AnnotationView> => {
    const t = (await ok(api.library.get({ id: docId }))).text
    const start = t.indexOf(quote)
    return ok(api.annotations.create({ docId, start, end: start + quote.length, ...extra }))
  }
  return { packDir, services, handlers, api, annotate, out, cancel: () => void (answer = null) }
}

async function seeded() {
  const s = await setup()
  await s.annotate('doc-a', 'coopératives associent', { color: 'green', note: '# pas un titre\n> ni une citation <script>x</script>', tags: ['ess'] })
  await s.annotate('doc-a', 'financement durable', { color: 'blue', note: '', tags: ['communs'] })
  await s.annotate('doc-b', 'logiciel libre', { color: 'yellow', note: 'À **citer**', tags: [] })
  return s
}

describe('export service', () => {
  it('renders the chosen scope in each format, with title, version and count', async () => {
    const { api } = await seeded()
    const all = await ok(api.export.render({ format: 'md' }))
    expect(all.count).toBe(3)
    expect(all.fileName).toBe('notes-passerelles-2026-11-28.md')
    expect(all.content).toMatch(/^app_version: "?1\.2\.3"?$/m)
    expect(all.content).toContain('passerelles://open/doc-a#annotation=')
    // The hostile note cannot add a heading: only the document and section headings exist.
    const headings = marked.lexer(all.content).filter((t) => t.type === 'heading').map((t) => (t as { text: string }).text)
    expect(headings.some((h) => h.includes('pas un titre'))).toBe(false)
    const one = await ok(api.export.render({ format: 'md', scope: { kind: 'document', documentId: 'doc-b' } }))
    expect(one.count).toBe(1)
    expect(one.fileName).toBe('notes-doc-b-2026-11-28.md')
    const filtered = await ok(api.export.render({ format: 'csv', scope: { kind: 'filter', filter: { tags: ['communs'] } } }))
    expect(filtered.count).toBe(1)
    expect(filtered.content.startsWith('\uFEFF')).toBe(true)
    expect(filtered.content).toContain('financement durable')
    const json = await ok(api.export.render({ format: 'json', scope: { kind: 'filter', filter: { colors: ['green', 'yellow'] } } }))
    expect(json.count).toBe(2)
    expect(JSON.parse(json.content)).toMatchObject({ type: 'AnnotationCollection' })
  })

  it('refuses bad requests with clear error values', async () => {
    const { handlers } = await seeded()
    const bad = async (channel: Channel, payload: unknown): Promise<string> => {
      const r = await handlers[channel](payload)
      return r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`
    }
    expect(await bad('export:render', { format: 'pdf' })).toMatch(/^invalid-payload/)
    expect(await bad('export:render', { scope: { kind: 'document', documentId: 'doc-zzz' } })).toMatch(/^not-found/)
    expect(await bad('export:render', { extra: true })).toMatch(/^invalid-payload/)
    expect(await bad('export:handout', { docId: 'doc-a', sectionId: 'nulle-part' })).toMatch(/^not-found/)
  })

  it('saves through the injected port, atomically, and returns null when cancelled', async () => {
    const s = await seeded()
    const saved = await ok(s.api.export.save({ format: 'md' }))
    expect(saved).toMatchObject({ path: join(s.out, 'notes.md'), count: 3 })
    expect(await readFile(saved!.path, 'utf8')).toBe((await ok(s.api.export.render({ format: 'md' }))).content)
    const each = await ok(s.api.export.saveEach({ format: 'md' }))
    expect(each!.files.map((f) => [f.documentId, f.count])).toEqual([['doc-a', 2], ['doc-b', 1]])
    expect((await readdir(join(s.out, 'par-document'))).sort()).toEqual(['doc-a.md', 'doc-b.md'])
    s.cancel()
    expect(await ok(s.api.export.save({ format: 'csv' }))).toBeNull()
    expect(await ok(s.api.export.saveEach({ format: 'csv' }))).toBeNull()
  })

  it('builds a section handout with the annotations as footnotes', async () => {
    const { api } = await seeded()
    const doc = await ok(api.library.get({ id: 'doc-a' }))
    const section = doc.sections.find((x) => x.title === 'Financement')!
    const h = await ok(api.export.handout({ docId: 'doc-a', sectionId: section.id }))
    expect(h.count).toBe(1)
    expect(h.content).toContain('[^1]')
    expect(h.content).toContain('communs numériques')
    expect(h.content).not.toContain('coopératives associent')
  })

  it('saves a section handout where the user chooses, the same text as the handout; nothing on cancel', async () => {
    const s = await seeded()
    const section = (await ok(s.api.library.get({ id: 'doc-a' }))).sections.find((x) => x.title === 'Financement')!
    const saved = await ok(s.api.export.saveHandout({ docId: 'doc-a', sectionId: section.id }))
    expect(saved).toMatchObject({ path: join(s.out, 'notes.md'), count: 1 })
    const h = await ok(s.api.export.handout({ docId: 'doc-a', sectionId: section.id }))
    expect(await readFile(saved!.path, 'utf8')).toBe(h.content)
    expect(saved!.bytes).toBe(Buffer.byteLength(h.content, 'utf8'))
    s.cancel()
    expect(await ok(s.api.export.saveHandout({ docId: 'doc-a', sectionId: section.id }))).toBeNull()
  })

  it('round trip: a Markdown export imported into an empty data dir restores the same annotations', async () => {
    const s = await seeded()
    const md = (await ok(s.api.export.render({ format: 'md' }))).content
    const before = (await ok(s.api.annotations.list({}))).items.map((v) => v.annotation)
    const fresh = await setup(s.packDir)
    const report = await ok(fresh.api.annotations.importJson({ json: md }))
    expect(report).toMatchObject({ total: 3, added: 3 })
    expect((await ok(fresh.api.annotations.list({}))).items.map((v) => v.annotation)).toEqual(before)
    // Importing again changes nothing (dedupe by id).
    expect(await ok(fresh.api.annotations.importJson({ json: md }))).toMatchObject({ added: 0, unchanged: 3 })
    // A damaged file imports nothing (all or nothing) and says so.
    const empty = await setup(s.packDir)
    const damaged = md.replace('\n{"id":', '\n{oops"id":')
    expect(damaged).not.toBe(md)
    expect(await empty.api.annotations.importJson({ json: damaged })).toMatchObject({ ok: false, error: { code: 'corrupt' } })
    expect((await ok(empty.api.annotations.list({}))).total).toBe(0)
  })

  it('footnote calls and back-links stay in the stored quote but not in what is exported or handed out (shipped pack)', async () => {
    const s = await setup(resolve(join(__dirname, '..', '..', '..', 'content')))
    const quote = 'grandes plateformes1. Le collectif des CHATONS'
    const created = await s.annotate('article-chatons-hebergement', quote, { color: 'purple', note: 'dissonance' })
    expect(created.annotation.target?.selector[0].exact).toBe(quote)
    const shown = 'grandes plateformes. Le collectif des CHATONS'
    const md = (await ok(s.api.export.render({ format: 'md', options: { data: false } }))).content
    expect(md).toContain(`> ${shown}`)
    expect(md).not.toContain('plateformes1')
    const csv = (await ok(s.api.export.render({ format: 'csv' }))).content
    expect(csv).toContain(shown)
    expect(csv).not.toContain('plateformes1')
    // The data (JSON, and the Markdown's re-import data) keeps the anchor text exactly.
    expect((await ok(s.api.export.render({ format: 'json' }))).content).toContain(quote)
    const handout = (await ok(s.api.export.handout({ docId: 'article-chatons-hebergement', sectionId: '' }))).content
    expect(handout).toContain('grandes plateformes. Le collectif des CHATONS[^1]')
    expect(handout).toContain(`« ${shown} »`)
    expect(handout).not.toMatch(/plateformes1|\p{L}\d+\. /u)
    // The notes search shows the passage the same way (and finds « plateformes » in it).
    const found = await ok(s.api.search.query({ q: 'in:notes plateformes', limit: 20 }))
    const hit = found.groups.flatMap((g) => g.sections).find((h) => h.note?.annotationId === created.annotation.id)!
    expect(hit.note!.quote.text).toBe(shown)
  })
})
