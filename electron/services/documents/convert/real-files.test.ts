/**
 * The converters on files written by the real tools (e2e/fixtures/documents/libre-et-ess.*: pandoc's
 * DOCX, ODT and EPUB, Chromium's PDF, all from build/scripts/fixtures/libre-et-ess.md), on hostile
 * variants of them (hostile/real-hostile.*), and on forged variants made here from their bytes.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import type { Zippable } from 'fflate'
import { convertFile } from './convert-file'
import { ImportRefusal } from './converted'
import { mammothArchive } from './from-docx'
import { renderBody } from '../../content/render-document'

const FIXTURES = join(__dirname, '..', '..', '..', '..', 'e2e', 'fixtures', 'documents')
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)))
/** The PNG the pandoc fixtures carry (build/scripts/fixtures/ateliers.png, 112 bytes) as the data: URI it becomes. */
const ATELIERS = new Uint8Array(readFileSync(join(__dirname, '..', '..', '..', '..', 'build', 'scripts', 'fixtures', 'ateliers.png')))
const ATELIERS_URI = `data:image/png;base64,${Buffer.from(ATELIERS).toString('base64')}`
const render = (md: string): { html: string; text: string } => renderBody(md, { path: 'mes-documents/x.md', idForPath: () => undefined })

/** A fixture's zip with some entries edited (texts), added or replaced. */
function forged(name: string, edit: (entry: string, text: string) => string, extra: Readonly<Record<string, string | Uint8Array>> = {}): Uint8Array {
  const out: Zippable = {}
  for (const [entry, bytes] of Object.entries(unzipSync(fixture(name)))) out[entry] = /\.(xml|xhtml|opf|rels)$/.test(entry) ? strToU8(edit(entry, strFromU8(bytes))) : bytes
  for (const [entry, content] of Object.entries(extra)) out[entry] = typeof content === 'string' ? strToU8(content) : content
  return zipSync(out)
}

describe('files written by pandoc (DOCX, ODT, EPUB): structure, emphasis, notes, links, images', () => {
  for (const [ext, label] of [['docx', 'Word'], ['odt', 'OpenDocument'], ['epub', 'EPUB']] as const) {
    it(`${ext.toUpperCase()}: metadata, the title block taken out, headings one level down, bold and italic, a tight list, a footnote, a link, the image as a data: URI`, async () => {
      const c = await convertFile(`libre-et-ess.${ext}`, fixture(`libre-et-ess.${ext}`))
      expect(c).toMatchObject({ format: ext, title: `Le libre au service de l’ESS (${label})`, authors: ['Camille Martin', 'Sam Dupont'], date: '2024-03-02' })
      const md = c.markdown
      // The reader's page shows the title, authors and date: the file's own title block (pandoc's Title, Author, Date paragraphs; the EPUB's title page) is not repeated.
      expect(md.startsWith('## Pourquoi mutualiser\n')).toBe(true)
      expect(md).not.toMatch(/Le libre au service|Camille Martin|2024-03-02/)
      expect(md).toContain('\n### Ce que la coopérative met en commun\n')
      expect(md).toContain('\n## Ce qui reste à faire\n')
      expect(md).toContain('un logiciel **libre** garde la main')
      expect(md).toContain('Elle peut le *modifier*, le partager')
      expect(md).toContain('une charte de ***sobriété numérique***.')
      expect(md).toContain('-   un serveur de fichiers hébergé dans la région ;\n-   une messagerie pour les bénévoles ;\n-   un agenda partagé entre les trois lieux.\n')
      expect(md).toContain('pour l’adapter.[^1]')
      expect(md).toContain('[^1]: Le contrat de maintenance est signé pour deux ans.')
      expect(md).toContain('[le site de la coopérative](https://example.org/services)')
      // The 112-byte PNG stored in the file comes in as a data: URI. pandoc's ODT gives it no description (its caption is the next paragraph); DOCX and EPUB carry it as alt text.
      expect(md).toContain(`![${ext === 'odt' ? '' : 'Ateliers tenus chaque trimestre'}](${ATELIERS_URI})`)
      expect(md).not.toContain('\\[image')
      expect(md).not.toMatch(/footnote-ref|#fn\d|↩|↑|ch00\d\.xhtml|media\/|Pictures\//)

      // Through the one rendering pipeline: the note is a real footnote, the link opens outside, the image is an <img> whose data: URI is no text (search, anchors).
      const { html, text } = render(md)
      expect(html).toMatch(/<sup[^>]*><a[^>]*href="#footnote-1"/)
      expect(html).toContain('<section class="footnotes"')
      expect(html).toMatch(/<a [^>]*href="https:\/\/example\.org\/services"/)
      expect(html).toContain(`<img src="${ATELIERS_URI}" alt="${ext === 'odt' ? '' : 'Ateliers tenus chaque trimestre'}">`)
      expect(text).not.toMatch(/base64|iVBOR|\[image/)
      expect(text.match(/Le contrat de maintenance/g)).toHaveLength(1)
    })
  }

  it('EPUB: the navigation document in the spine (pandoc --toc) is left out; the chapters come in spine order', async () => {
    const opf = strFromU8(unzipSync(fixture('libre-et-ess.epub'))['EPUB/content.opf']!)
    expect(opf).toMatch(/<itemref idref="nav"/)
    const md = (await convertFile('l.epub', fixture('libre-et-ess.epub'))).markdown
    expect(md.match(/^## /gm)).toHaveLength(2)
    expect(md.indexOf('## Pourquoi mutualiser')).toBeLessThan(md.indexOf('## Ce qui reste à faire'))
    expect(md).not.toMatch(/\[Pourquoi mutualiser\]/)
  })

  it('a DOCX and an ODT whose properties name no title, author or date take them from their title block', async () => {
    const bare = (t: string): string => t.replace(/<dc:title>[^<]*<\/dc:title>|<dc:creator>[^<]*<\/dc:creator>|<meta:initial-creator>[^<]*<\/meta:initial-creator>|<dcterms:created[^>]*>[^<]*<\/dcterms:created>|<meta:creation-date>[^<]*<\/meta:creation-date>|<dc:date>[^<]*<\/dc:date>/g, '')
    const docx = await convertFile('r.docx', forged('libre-et-ess.docx', (n, t) => (n === 'docProps/core.xml' ? bare(t) : t)))
    const odt = await convertFile('s.odt', forged('libre-et-ess.odt', (n, t) => (n === 'meta.xml' ? bare(t) : t)))
    expect(docx).toMatchObject({ title: 'Le libre au service de l’ESS (Word)', authors: ['Camille Martin', 'Sam Dupont'], date: '2024-03-02' })
    expect(odt).toMatchObject({ title: 'Le libre au service de l’ESS (OpenDocument)', authors: ['Camille Martin', 'Sam Dupont'], date: '2024-03-02' })
    expect(docx.markdown.startsWith('## Pourquoi mutualiser\n')).toBe(true)
  })

  it('PDF printed by Chromium: title from the document information, the print date, headings from the font sizes, the text in order', async () => {
    const c = await convertFile('libre-et-ess.pdf', fixture('libre-et-ess.pdf'))
    // Chromium writes the page's <title> and its own print date, not the authors.
    expect(c).toMatchObject({ format: 'pdf', title: 'Le libre au service de l’ESS (PDF)', authors: [], date: '2026-12-07', pdfMarkups: 0 })
    // Its first heading repeats the title: taken out, the others one level down.
    expect(c.markdown).not.toContain('Le libre au service')
    expect(c.markdown).toContain('\n## Pourquoi mutualiser\n')
    expect(c.markdown).toContain('\n### Ce que la coopérative met en commun\n')
    const { text } = render(c.markdown)
    expect(text).toContain('un serveur de fichiers hébergé dans la région ; une messagerie pour les bénévoles')
    // An italic word and a link are runs of their own: the punctuation touching them stays against them.
    expect(text).toContain('Elle peut le modifier, le partager')
    expect(text).toContain('publié sur le site de la coopérative.')
    expect(text.indexOf('Pourquoi mutualiser')).toBeLessThan(text.indexOf('Ce qui reste à faire'))
  })
})

describe('the pictures inside a file: embedded as data: URIs, bounded, raster only, never fetched', () => {
  /** A PNG of `bytes` bytes: the fixture's signature and header, padded (only the first bytes are checked). */
  const pngOf = (bytes: number): Uint8Array => {
    const b = new Uint8Array(bytes)
    b.set(ATELIERS.subarray(0, 32))
    return b
  }
  const SVG = strToU8('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><image href="https://evil.example/p.png"/></svg>')
  /** The EPUB's first chapter with its image's src (and alt) replaced, and entries added. */
  const epubWith = (imgs: readonly string[], extra: Readonly<Record<string, Uint8Array>> = {}): Uint8Array =>
    forged('libre-et-ess.epub', (n, t) => (n.endsWith('ch001.xhtml') ? t.replace(/<img [^>]*\/>/, imgs.map((src, i) => `<img src="${src}" alt="image ${i + 1}" />`).join('')) : t), extra)
  const images = async (name: string, data: Uint8Array): Promise<string[]> => (await convertFile(name, data)).markdown.match(/!\[[^\]]*\]\(data:[^)]*\)|\*\\\[image[^\]]*\\\]\*/g) ?? []

  it('an EPUB image is read relative to its XHTML file’s folder; one that climbs out of the archive, is absent, remote or SVG stays a placeholder', async () => {
    const found = await images('l.epub', epubWith(['../media/file0.png', '../../../file0.png', '../media/absent.png', 'https://evil.example/p.png', '//evil.example/p.png', 'file:///etc/passwd', '../media/p.svg', '../media/fake.png'], { 'EPUB/media/p.svg': SVG, 'EPUB/media/fake.png': SVG }))
    expect(found).toEqual([`![image 1](${ATELIERS_URI})`, ...[2, 3, 4, 5, 6, 7, 8].map((n) => `*\\[image : image ${n}\\]*`)])
  })

  it('per image at most 2 MB, per document at most 8 MB: past a bound the placeholder stays', async () => {
    const big = { 'EPUB/media/big.png': pngOf(2 * 1024 * 1024 + 1), 'EPUB/media/a.png': pngOf(1900 * 1024), 'EPUB/media/b.png': pngOf(1900 * 1024), 'EPUB/media/c.png': pngOf(1900 * 1024), 'EPUB/media/d.png': pngOf(1900 * 1024), 'EPUB/media/e.png': pngOf(1900 * 1024) }
    const found = await images('l.epub', epubWith(['../media/big.png', '../media/a.png', '../media/b.png', '../media/c.png', '../media/d.png', '../media/e.png'], big))
    expect(found.map((f) => (f.startsWith('!') ? f.slice(0, f.indexOf('(')) : f))).toEqual(['*\\[image : image 1\\]*', '![image 2]', '![image 3]', '![image 4]', '![image 5]', '*\\[image : image 6\\]*'])
  })

  it('a DOCX picture that is SVG, too large, or whose relationship names an absent entry or climbs out of the archive stays a placeholder', async () => {
    const docx = (target: string, extra: Readonly<Record<string, Uint8Array>> = {}): Uint8Array => forged('libre-et-ess.docx', (n, t) => (n === 'word/_rels/document.xml.rels' ? t.replace('Target="media/rId22.png"', `Target="${target}"`) : t), extra)
    const placeholder = '*\\[image : Ateliers tenus chaque trimestre\\]*'
    expect(await images('a.docx', docx('media/rId22.png'))).toEqual([`![Ateliers tenus chaque trimestre](${ATELIERS_URI})`])
    expect(await images('a.docx', docx('media/rId22.png', { 'word/media/rId22.png': SVG }))).toEqual([placeholder])
    expect(await images('a.docx', docx('media/rId22.png', { 'word/media/rId22.png': pngOf(2 * 1024 * 1024 + 1) }))).toEqual([placeholder])
    expect(await images('a.docx', docx('media/absent.png'))).toEqual([placeholder])
    // A picture past the bound is not even given to mammoth (it would inflate it whole); the rest of the archive is.
    const names = mammothArchive(docx('media/rId22.png', { 'word/media/rId22.png': pngOf(2 * 1024 * 1024 + 1) })).names
    expect(names).not.toContain('word/media/rId22.png')
    expect(names).toContain('word/document.xml')
    expect(mammothArchive(fixture('libre-et-ess.docx')).archive).toEqual(fixture('libre-et-ess.docx'))
    expect(await images('a.docx', docx('../../rId22.png'))).toEqual([placeholder])
  })

  it('an ODT picture is read from Pictures/; SVG bytes, an absent entry or a path out of the archive stay placeholders', async () => {
    const odt = (href: string, extra: Readonly<Record<string, Uint8Array>> = {}): Uint8Array => forged('libre-et-ess.odt', (n, t) => (n === 'content.xml' ? t.replace('xlink:href="Pictures/0.png"', `xlink:href="${href}"`) : t), extra)
    expect(await images('a.odt', odt('./Pictures/0.png'))).toEqual([`![](${ATELIERS_URI})`])
    expect(await images('a.odt', odt('Pictures/0.png', { 'Pictures/0.png': SVG }))).toEqual(['*\\[image\\]*'])
    expect(await images('a.odt', odt('Pictures/absent.png'))).toEqual(['*\\[image\\]*'])
    expect(await images('a.odt', odt('../Pictures/0.png'))).toEqual(['*\\[image\\]*'])
    expect(await images('a.odt', odt('https://evil.example/0.png'))).toEqual(['*\\[image\\]*'])
  })

  it('an HTML page’s data: URI image is embedded when its bytes are a raster picture; SVG, a disguised type or a remote src is not', async () => {
    const html = (src: string): Uint8Array => strToU8(`<html><body><p>Texte.</p><p><img src="${src}" alt="photo"></p></body></html>`)
    expect(await images('p.html', html(ATELIERS_URI))).toEqual([`![photo](${ATELIERS_URI})`])
    for (const src of [`data:image/svg+xml;base64,${Buffer.from(SVG).toString('base64')}`, `data:image/png;base64,${Buffer.from(SVG).toString('base64')}`, 'data:text/html,<script>alert(1)</script>', 'https://evil.example/p.png', 'p.png']) {
      expect(await images('p.html', html(src))).toEqual(['*\\[image : photo\\]*'])
    }
  })
})

describe('hostile variants of the real files', () => {
  for (const [name, sentence, title] of [
    ['real-hostile.docx', 'DOCX-réel', 'Rapport réel hostile <img src=x onerror="__xssHit(\'real-docx-title\')">'],
    ['real-hostile.odt', 'ODT-réel', 'Statuts réels hostiles'],
    ['real-hostile.epub', 'EPUB-réel', 'Livre réel hostile'],
  ] as const) {
    it(`${name}: the text comes in, markup in the text stays text, no script, handler, javascript: link or remote image survives`, async () => {
      const c = await convertFile(name, fixture(join('hostile', name)))
      expect(c.title).toBe(title)
      expect(c.markdown).toContain(`Texte visible du fichier ${sentence} hostile.`)
      expect(c.markdown).not.toMatch(/javascript:|evil\.example|<script|<iframe|<img/i)
      expect(c.markdown).toContain('*\\[image : image distante\\]*')
      const { html, text } = render(c.markdown)
      expect(html).not.toMatch(/<script|<iframe|<[^>]*\son\w+=|javascript:|evil\.example/i)
      // The one image shown is the file's own picture, as a data: URI.
      expect(html.match(/<img [^>]*>/g)?.every((img) => img.includes(`src="${ATELIERS_URI}"`))).toBe(true)
      expect(text).toContain('lien piégé')
      expect(text).toContain('Pourquoi mutualiser')
    })
  }

  it('the real DOCX and ODT show markup typed in their text as text', async () => {
    expect(render((await convertFile('h.docx', fixture('hostile/real-hostile.docx'))).markdown).text).toContain("<script>__xssHit('real-docx-text')</script>")
    expect(render((await convertFile('h.odt', fixture('hostile/real-hostile.odt'))).markdown).text).toContain(`<img src=x onerror="__xssHit('real-odt-text')">`)
  })

  it('an entry climbing out of the archive added to each real file makes it refused, with nothing read', async () => {
    for (const ext of ['docx', 'odt', 'epub']) {
      const e: unknown = await convertFile(`x.${ext}`, forged(`libre-et-ess.${ext}`, (_n, t) => t, { '../../evil.txt': 'x' })).catch((x: unknown) => x)
      expect(e).toBeInstanceOf(ImportRefusal)
      expect((e as ImportRefusal).message).toContain('points outside the archive')
    }
  })

  it('entity expansion (« billion laughs ») put into the real ODT’s content and EPUB’s chapter is never expanded', async () => {
    const laughs = '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
    const odt = forged('libre-et-ess.odt', (n, t) => (n === 'content.xml' ? t.replace(/\?>/, `?>${laughs}`).replace('Pourquoi mutualiser', '&d;') : t))
    const epub = forged('libre-et-ess.epub', (n, t) => (n.endsWith('ch001.xhtml') ? t.replace('<!DOCTYPE html>', laughs).replace('Pourquoi mutualiser', '&d;') : t))
    for (const [name, data] of [['l.odt', odt], ['l.epub', epub]] as const) {
      const r: unknown = await convertFile(name, data).catch((e: unknown) => e)
      if (r instanceof ImportRefusal) expect(r.problem).toBe('corrupt')
      else expect((r as { markdown: string }).markdown).not.toContain('a'.repeat(1000))
    }
  })
})
