import { describe, expect, it } from 'vitest'
import { encodeDataBlock, encodeDataComment } from './data-comment'
import { exportAnnotations } from './index'
import { importMarkdown } from './import-markdown'
import { fixtureAnnotations, fixtureInput } from './testing/fixture'

const md = exportAnnotations('md', fixtureInput()).content
const [first] = fixtureAnnotations().annotations

function failure(text: string): string {
  const r = importMarkdown(text)
  expect(r.ok).toBe(false)
  return r.ok ? '' : `${r.error.code}: ${r.error.message}`
}

describe('importMarkdown', () => {
  it('reads the count announced in the front matter', () => {
    const r = importMarkdown(md)
    expect(r.ok && r.value.announcedCount).toBe(20)
  })

  it('warns, and still imports, when annotations were removed from the file by hand', () => {
    const edited = md.replace(/^\{"id":"00000002-.*\n/m, '')
    expect(edited.length).toBeLessThan(md.length)
    const r = importMarkdown(edited)
    expect(r.ok && r.value.annotations).toHaveLength(19)
    expect(r.ok && r.value.warnings).toEqual(['the file announces 20 annotations but holds 19 (it may have been edited)'])
  })

  it('refuses a file without annotation data', () => {
    expect(failure('# Mes notes\n\n> une citation\n')).toMatch(/^corrupt: this file holds no annotation data/)
    expect(failure(exportAnnotations('md', fixtureInput(), { data: false }).content)).toMatch(/no annotation data/)
  })

  it('refuses a file of another format', () => {
    expect(failure(md.replace('format: "passerelles-notes/1"', 'format: "passerelles-handout/1"'))).toMatch(/format "passerelles-handout\/1"/)
  })

  it('refuses the whole file, naming the line, when one line of the data is damaged', () => {
    const lines = md.split('\n')
    const at = lines.findIndex((l) => l.startsWith('{"id":'))
    expect(at).toBeGreaterThan(0)
    const good = lines[at]!
    lines[at] = good.replace(/"c":"[a-z]+"/, '"c":"rouge"')
    expect(failure(lines.join('\n'))).toMatch(new RegExp(`^corrupt: line ${at + 1}: the annotation data cannot be imported: it is not a valid annotation \\(body.color: `))
    lines[at] = '{"id": '
    expect(failure(lines.join('\n'))).toMatch(new RegExp(`^corrupt: line ${at + 1}: the annotation data cannot be imported: its JSON cannot be read`))
    lines[at] = good
    const close = lines.lastIndexOf('-->')
    expect(failure(lines.slice(0, close).join('\n'))).toMatch(/the data block is not closed/)
  })

  it('still reads v2 files: one W3C data comment per annotation', () => {
    const v2 = `# Notes\n\n> une citation\n\n${encodeDataComment(first!)}\n`
    const r = importMarkdown(v2)
    expect(r.ok && r.value.annotations).toEqual([first])
  })

  it('reads back each field of the compact v3 lines exactly (notes, tags, detached quotes, document notes)', () => {
    const all = fixtureAnnotations().annotations
    const block = encodeDataBlock(all)
    const r = importMarkdown(`# Notes\n\n${block}\n`)
    expect(r.ok && r.value.annotations).toEqual(all)
    // One line per annotation and the document versions written once.
    expect(block.split('\n')).toHaveLength(all.length + 3)
    const version = all.find((a) => a.target)!.target!.docVersion
    expect(block.split(version).length - 1).toBe(1)
  })

  it('still reads the data comments of older exports (v1: the stored record as JSON)', () => {
    const v1 = `<!-- passerelles:annotation v1 ${JSON.stringify(first!).replace(/[<>&%$]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)} -->`
    const r = importMarkdown(`# Notes\n\n${v1}\n`)
    expect(r.ok && r.value.annotations).toEqual([first])
  })

  it('refuses a file where an id appears twice', () => {
    const comment = encodeDataComment(first!)
    expect(failure(`${comment}\n\ntexte\n\n${comment}\n`)).toBe(`corrupt: line 5: annotation ${first!.id} already appears on line 1`)
  })

  it('ignores comment-looking lines inside fenced code and inside other comments', () => {
    const comment = encodeDataComment(first!)
    const other = encodeDataComment({ ...first!, id: '11111111-1111-4111-8111-111111111111' })
    const text = `${comment}\n\n\`\`\`\n${other}\n\`\`\`\n\n<!-- un commentaire\n${other}\n-->\n\n~~~~\n${other}\n~~~\n~~~~\n`
    const r = importMarkdown(text)
    expect(r.ok && r.value.annotations.map((a) => a.id)).toEqual([first!.id])
  })

  it('ignores data comments written inside notes (they are never at the start of a line)', () => {
    const r = importMarkdown(md)
    expect(r.ok && r.value.annotations.some((a) => a.id === '00000000-0000-4000-8000-000000000000')).toBe(false)
  })
})
