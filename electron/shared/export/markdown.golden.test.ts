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
const visible = (md: string): string => md.replace(/^<!-- passerelles:annotation v2 .* -->$/gm, '')

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

  it('writes the colour label as an Obsidian callout type when asked', () => {
    const s = inspectExport(exportAnnotations('md', input, { callouts: true }).content)
    expect(s.quoteHeads).toContain('[!argument] Argument')
    expect(s.quoteHeads).toContain('[!a-verifier] À vérifier')
    expect(s.quoteHeads).toContain('[!citation-b] Citation <b>|#')
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
