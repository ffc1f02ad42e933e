import { describe, expect, it } from 'vitest'
import { strToU8, zipSync } from 'fflate'
import { convertFile } from './convert-file'
import { ImportRefusal } from './converted'
import { renderBody } from '../../content/render-document'
import { makeDocx, makeEpub, makeOdt, makePdf } from '../testing/make-files'

const text = (s: string): Uint8Array => strToU8(s)
/** The rendered text's blocks, one per line (what the reader shows). */
const rendered = (md: string): string[] => renderBody(md, { path: 'x.md', idForPath: () => undefined }).text.split('\n').filter(Boolean)

async function refusal(name: string, data: Uint8Array): Promise<ImportRefusal> {
  const e: unknown = await convertFile(name, data).then(() => null, (x: unknown) => x)
  expect(e).toBeInstanceOf(ImportRefusal)
  return e as ImportRefusal
}

describe('convertFile: each format to Markdown with its metadata', () => {
  it('Markdown: front matter gives title, authors, date and is left out of the body', async () => {
    const c = await convertFile('n.md', text('---\ntitle: Notes de terrain\nauthors: [Camille, Sam]\ndate: 2024-03-02\n---\n# Intro\n\nLa coopérative.\n'))
    expect(c).toMatchObject({ format: 'markdown', title: 'Notes de terrain', authors: ['Camille', 'Sam'], date: '2024-03-02' })
    expect(c.markdown).toBe('# Intro\n\nLa coopérative.\n')
  })

  it('plain text is shown as written: no Markdown, HTML or entity is interpreted', async () => {
    const c = await convertFile('t.txt', text('Titre court\n\nUne ligne *pas* en italique,\ncoupée & <b>gras</b> [lien](https://x.org) &amp; # non titre\n'))
    expect(c.title).toBe('Titre court')
    expect(rendered(c.markdown)).toEqual(['Titre court', 'Une ligne *pas* en italique, coupée & <b>gras</b> [lien](https://x.org) &amp; # non titre'])
  })

  it('HTML: title and author from the head; scripts, styles, forms and frames dropped; images become their description', async () => {
    const html = '<html><head><title>Une page</title><meta name="author" content="Lou"><style>p{}</style><script>alert(1)</script></head><body><h1>Grand titre</h1><p>Un <em>texte</em> <a href="https://example.org">lié</a>.</p><iframe src="https://evil.example"></iframe><form><input value="x"></form><img src="https://tracker.example/p.png" alt="Un schéma"><script>document.write("x")</script></body></html>'
    const c = await convertFile('p.html', text(html))
    expect(c).toMatchObject({ format: 'html', title: 'Une page', authors: ['Lou'] })
    expect(c.markdown).toContain('## Grand titre')
    expect(c.markdown).toContain('Un *texte* [lié](https://example.org).')
    expect(c.markdown).not.toMatch(/script|alert|iframe|tracker|input/)
    expect(c.markdown).toContain('Un schéma')
  })

  it('DOCX (mammoth): heading style (one level down, as the pack’s sections), paragraphs and core properties', async () => {
    const c = await convertFile('r.docx', makeDocx({ title: 'Rapport annuel', author: 'Association X', heading: 'Bilan', paragraphs: ['Les bénévoles ont tenu 12 ateliers.'] }))
    expect(c).toMatchObject({ format: 'docx', title: 'Rapport annuel', authors: ['Association X'], date: '2023-05-04' })
    expect(c.markdown).toBe('## Bilan\n\nLes bénévoles ont tenu 12 ateliers.\n')
  })

  it('ODT: headings with their level, paragraphs, lists, only http(s) links; meta.xml', async () => {
    const c = await convertFile('s.odt', makeOdt({ title: 'Statuts', author: 'Coop Y', heading: 'Article premier', paragraphs: ['Il est fondé une société coopérative.'] }))
    expect(c).toMatchObject({ format: 'odt', title: 'Statuts', authors: ['Coop Y'], date: '2022-11-30' })
    expect(c.markdown).toContain('## Article premier\n\nIl est fondé une société coopérative.')
    expect(c.markdown).toContain('-   Premier point')
    expect(c.markdown).toContain('[ici](https://example.org/)')
    expect(c.markdown).not.toContain('javascript')
  })

  it('ODT: bold and italic from text styles (inherited through parents), numbered lists, a frame’s description, notes as footnotes', async () => {
    const ns =
      'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"'
    const contentXml = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ns}><office:automatic-styles><style:style style:name="Gras" style:family="text"><style:text-properties fo:font-weight="700"/></style:style><style:style style:name="T7" style:family="text" style:parent-style-name="Gras"/><style:style style:name="T8" style:family="text"><style:text-properties fo:font-style="oblique"/></style:style><style:style style:name="P3" style:family="paragraph"><style:text-properties fo:font-weight="bold"/></style:style><text:list-style style:name="L2"><text:list-level-style-number text:level="1"/></text:list-style></office:automatic-styles><office:body><office:text><text:p text:style-name="P3">Un <text:span text:style-name="T7">fort</text:span>, un <text:span text:style-name="T8">penché</text:span>, un <text:span text:style-name="Inconnu">simple</text:span>.<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>La note.</text:p></text:note-body></text:note></text:p><text:list text:style-name="L2"><text:list-item><text:p>Premier</text:p></text:list-item><text:list-item><text:p>Second</text:p></text:list-item></text:list><text:p><draw:frame><draw:image xlink:href="Pictures/x.png"/><svg:title>Un plan</svg:title></draw:frame></text:p></office:text></office:body></office:document-content>`
    const c = await convertFile('s.odt', makeOdt({ title: 't', author: 'A; B', heading: '', paragraphs: [], contentXml }))
    expect(c.authors).toEqual(['A', 'B'])
    expect(c.markdown).toBe('Un **fort**, un *penché*, un simple.[^1]\n\n1.  Premier\n2.  Second\n\n*\\[image : Un plan\\]*\n\n[^1]: La note.\n')
  })
  it('EPUB: spine order, OPF metadata, hostile markup dropped', async () => {
    const c = await convertFile('l.epub', makeEpub({ title: 'Un livre', author: 'A. Autrice', chapters: [{ heading: 'Un', body: '<p>Premier chapitre.</p><script>alert(1)</script>' }, { heading: 'Deux', body: '<p onclick="x()">Second chapitre.</p>' }] }))
    expect(c).toMatchObject({ format: 'epub', title: 'Un livre', authors: ['A. Autrice'], date: '2021-06-09' })
    expect(c.markdown).toBe('## Un\n\nPremier chapitre.\n\n## Deux\n\nSecond chapitre.\n')
  })

  it('PDF (pdf.js, no worker, no canvas): lines, a heading from the larger font, document information', async () => {
    const c = await convertFile('p.pdf', makePdf({ title: 'Etude', author: 'Labo', heading: 'Introduction', lines: ['Les cooperatives de logiciel libre', 'mutualisent leurs serveurs.'] }))
    expect(c).toMatchObject({ format: 'pdf', title: 'Etude', authors: ['Labo'], date: '2020-01-15' })
    expect(rendered(c.markdown)).toEqual(['Introduction', 'Les cooperatives de logiciel libre mutualisent leurs serveurs.'])
    expect(c.markdown.startsWith('## Introduction\n')).toBe(true)
  })
})

describe('convertFile: bad input gets a clear refusal', () => {
  it('unknown extensions, mislabelled files, empty files, non-UTF-8 text', async () => {
    expect((await refusal('a.xyz', text('x'))).problem).toBe('unsupported')
    expect((await refusal('a.pdf', text('not a pdf'))).message).toContain('does not start like a PDF')
    expect((await refusal('a.docx', text('plain'))).message).toContain('not a zip archive')
    expect((await refusal('a.txt', makePdf({ heading: 'x', lines: [] }))).message).toContain('is a PDF')
    expect((await refusal('a.md', new Uint8Array(0))).problem).toBe('no-text')
    expect((await refusal('a.txt', new Uint8Array([0xff, 0xfe, 0x41]))).message).toContain('UTF-8')
  })

  it('a truncated PDF and a PDF without a text layer', async () => {
    const pdf = makePdf({ heading: 'x', lines: [] })
    expect((await refusal('cut.pdf', pdf.slice(0, 40))).problem).toBe('corrupt')
    const noText = makePdf({ heading: '', lines: [] })
    expect((await refusal('scan.pdf', noText)).message).toContain('no OCR')
  })

  it('zips with an entry climbing out of the archive, or too big once inflated, are refused', async () => {
    const climbing = zipSync({ '../evil.txt': strToU8('x'), 'META-INF/container.xml': strToU8('<a/>') })
    expect((await refusal('e.epub', climbing)).message).toContain('points outside the archive')
    // 150 MB of zeros compress to a few hundred kB: refused on its declared size, before inflating.
    const bomb = zipSync({ 'content.xml': new Uint8Array(150 * 1024 * 1024) }, { level: 9 })
    expect((await refusal('b.odt', bomb)).message).toContain('would inflate')
  })

  it('XML with entity declarations is never expanded recursively; a broken XML part is corrupt', async () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:p>&c;</text:p></office:text></office:body></office:document-content>'
    const c = await convertFile('l.odt', makeOdt({ title: 't', author: 'a', heading: 'h', paragraphs: [], contentXml: laughs })).catch((e: unknown) => e)
    if (c instanceof ImportRefusal) expect(c.problem).toBe('corrupt')
    else expect((c as { markdown: string }).markdown.length).toBeLessThan(200)
    expect((await refusal('x.odt', makeOdt({ title: 't', author: 'a', heading: 'h', paragraphs: [], contentXml: '<a><b></a>' }))).problem).toBe('corrupt')
  })
})
