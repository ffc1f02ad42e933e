import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkGolden } from '../../services/testing/golden'
import { exportAnnotations } from './index'
import { fixtureInput } from './testing/fixture'
import { inspectExport } from './testing/inspect'
import type { ExportOptionsInput } from './types'
import type { Annotation } from '../annotations/model'

const GOLDEN = fileURLToPath(new URL('./__golden__/', import.meta.url))
const NOTHING = { quotes: false, notes: false, tags: false, labels: false, dates: false, links: false }

const CASES: ReadonlyArray<readonly [string, ExportOptionsInput]> = [
  ['document', {}],
  ['color', { grouping: 'color' }],
  ['tag', { grouping: 'tag' }],
  ['document-callouts', { callouts: true }],
  ['tag-callouts-en', { grouping: 'tag', callouts: true, language: 'en' }],
  ['color-quotes-only', { grouping: 'color', include: { ...NOTHING, quotes: true } }],
  ['document-notes-tags-no-data', { include: { ...NOTHING, notes: true, tags: true }, data: false }],
  ['document-nothing', { include: NOTHING, data: false }],
]

const input = fixtureInput()
const ids = [...new Set(input.annotations.map((a) => a.id))].sort()
/** The export with its data comments removed: what a reader sees. */
const visible = (md: string): string => md.replace(/^<!-- passerelles:data v3\n[^]*?\n-->$/m, '')

describe.each(CASES)('Markdown export, %s', (name, options) => {
  const md = exportAnnotations('md', input, options).content
  const s = inspectExport(md)

  it('matches its golden file exactly', () => {
    const golden = checkGolden(GOLDEN, `${name}.md`, md)
    expect(golden.ok ? md : golden.expected, `golden ${name}.md (UPDATE_GOLDEN=1 to write it)`).toBe(md)
  })

  it('parses back into the intended structure and nothing else', () => {
    expect(s.problems).toEqual([])
    // Entries: each annotation once, except in the tag grouping (once per tag, orphans once).
    const orphan = (a: Annotation): boolean => input.states?.get(a.id) === 'orphan'
    const entries = input.annotations.flatMap((a) => (options.grouping === 'tag' && !orphan(a) ? Array<Annotation>(Math.max(1, a.body.tags.length)).fill(a) : [a]))
    const o = { quotes: true, notes: true, ...options.include }
    expect(s.quotes).toHaveLength(o.quotes ? entries.filter((a) => a.target !== null).length : 0)
    expect(s.notes).toBe(o.notes ? entries.filter((a) => a.body.note.trim() !== '').length : 0)
    expect(s.headings.every((h) => h.depth === 1 || h.depth === 2)).toBe(true)
    expect(s.headings[0]?.depth).toBe(1)
  })

  it('carries every annotation exactly once as data (when asked), and one block id each', () => {
    expect([...s.dataComments].sort()).toEqual(options.data === false ? [] : ids)
    const blockIds = [...md.matchAll(/(?<!\\)\^anno-([0-9a-f]+)$/gm)].map((m) => m[1])
    expect(blockIds).toHaveLength(ids.length)
    expect(new Set(blockIds).size).toBe(ids.length)
  })

  it('shows only what the options include', () => {
    const o = { ...{ quotes: true, notes: true, tags: true, labels: true, dates: true, links: true }, ...options.include }
    const text = visible(md)
    expect(s.quotes.length > 0).toBe(o.quotes)
    expect(s.notes > 0).toBe(o.notes)
    expect(/passerelles:\/\//.test(text)).toBe(o.links)
    expect(/\b2026-11-\d\d\b/.test(s.metaLines.join('\n'))).toBe(o.dates)
    expect(/#licences/.test(s.metaLines.join('\n'))).toBe(o.tags)
    expect(/Argument|Question/.test(s.metaLines.join('\n') + s.quoteHeads.join('\n'))).toBe(o.labels)
  })
})

describe('Markdown export structure', () => {
  it('groups by document then section, with document notes first and orphans last', () => {
    const s = inspectExport(exportAnnotations('md', input).content)
    expect(s.headings).toEqual([
      { depth: 1, text: 'Pourquoi ce cahier ? # [1] <em>' },
      { depth: 2, text: 'Notes sur le document' },
      { depth: 2, text: 'Vouloir ne suffit pas' },
      { depth: 2, text: 'Un monde *bénévole* | <b>' },
      { depth: 2, text: 'Conclusion' },
      { depth: 2, text: 'Annotations orphelines' },
      { depth: 1, text: 'Framasoft <script>alert(1)</script>' },
      { depth: 2, text: 'Dégoogliser Internet' },
      { depth: 1, text: 'Document introuvable (document-supprime)' },
      { depth: 2, text: 'Annotations orphelines' },
    ])
    // Every quote shows exactly the passage (the last known one for orphans), in reading order.
    const expected = input.annotations.filter((a) => a.target !== null).map((a) => a.target!.selector[0].exact)
    expect([...s.quotes].sort()).toEqual([...expected].sort())
  })

  it('groups by colour label in palette order, orphans last', () => {
    const s = inspectExport(exportAnnotations('md', input, { grouping: 'color' }).content)
    expect(s.headings.filter((h) => h.depth === 1).map((h) => h.text)).toEqual(['Argument', 'Question', 'Exemple', 'À vérifier', 'Citation <b>|#', 'Annotations orphelines'])
  })

  it('groups by tag alphabetically; an annotation with several tags is repeated but its data only once', () => {
    const md = exportAnnotations('md', input, { grouping: 'tag' }).content
    const s = inspectExport(md)
    expect(s.headings.filter((h) => h.depth === 1).map((h) => h.text)).toEqual(['#a-relire', '#chatons', '#communs', '#gouvernance', '#licences', 'Sans étiquette', 'Annotations orphelines'])
    const withTwoTags = input.annotations.filter((a) => a.body.tags.length === 2 && input.states?.get(a.id) !== 'orphan')
    expect(s.quotes.length).toBe(input.annotations.filter((a) => a.target !== null).length + withTwoTags.length)
    expect(s.dataComments).toHaveLength(ids.length)
  })

  it('writes each colour as its Obsidian callout type, the user\'s label as the title', () => {
    const s = inspectExport(exportAnnotations('md', input, { callouts: true }).content)
    expect(s.quoteHeads).toContain('[!note] Argument')
    expect(s.quoteHeads).toContain('[!question] Question')
    expect(s.quoteHeads).toContain('[!example] Exemple')
    expect(s.quoteHeads).toContain('[!warning] À vérifier')
    expect(s.quoteHeads).toContain('[!quote] Citation <b>|#')
    // Only Obsidian's own types: each colour renders with its own icon and colour there.
    expect(new Set(s.quoteHeads.map((h) => /^\[!([a-z]+)\]/.exec(h)![1]))).toEqual(new Set(['note', 'question', 'example', 'warning', 'quote']))
  })

  it('never repeats a block id in one file, whatever the grouping; each stands after its passage', () => {
    for (const grouping of ['document', 'color', 'tag'] as const) {
      for (const callouts of [false, true]) {
        const md = exportAnnotations('md', input, { grouping, callouts }).content
        const s = inspectExport(md)
        expect(s.problems).toEqual([])
        const all = [...visible(md).matchAll(/(?<!\\)\^anno-[0-9a-f]+/g)].map((m) => m[0])
        expect(new Set(all).size, `${grouping} ${callouts}`).toBe(all.length)
        expect(all).toHaveLength(ids.length)
        // Every annotation with a passage has its id on its own line, right after the quote block.
        expect(s.blockIds).toHaveLength(ids.length)
      }
    }
    // The tag grouping repeats annotations with several tags, not their ids.
    const tagged = exportAnnotations('md', input, { grouping: 'tag' }).content
    expect(inspectExport(tagged).quotes.length).toBeGreaterThan(ids.length)
  })

  it('keeps a note\'s « # heading » as a heading inside the note, below the export\'s own levels', () => {
    const a = input.annotations.find((x) => x.target !== null)!
    const one = { ...input, annotations: [{ ...a, body: { ...a.body, note: '# Date clé\n\n1983 : la loi.\n\n## Et ensuite' } }] }
    for (const grouping of ['document', 'color', 'tag'] as const) {
      const md = exportAnnotations('md', one, { grouping, callouts: true }).content
      const s = inspectExport(md)
      expect(s.problems).toEqual([])
      expect(s.headings.every((h) => h.depth <= 2)).toBe(true)
      expect(s.headings.map((h) => h.text)).not.toContain('Date clé')
      expect(md).toContain('> #### Date clé')
      expect(md).toContain('> ##### Et ensuite')
    }
  })

  it('writes a YAML front matter that a YAML parser reads back', async () => {
    const { parse } = await import('yaml')
    const md = exportAnnotations('md', input).content
    const yaml = /^---\n([\s\S]*?)\n---\n/.exec(md)![1]!
    expect(parse(yaml)).toEqual({
      title: input.meta.title,
      exported: '2026-11-28T18:00:00.000Z',
      app: 'Passerelles',
      app_version: '0.1.0',
      scope: 'filter',
      filters: { tags: ['communs', 'licences'], text: '"---\n<script>', from: '2026-11-01' },
      count: ids.length,
      grouping: 'document',
      format: 'passerelles-notes/1',
    })
  })
})
