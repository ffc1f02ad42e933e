/**
 * Small real files of each format, made in the test (no committed binaries): DOCX, ODT and EPUB are
 * zips of the XML parts their specifications require (written with fflate), the PDF is written by
 * hand with a correct cross-reference table. Each takes the text it must carry, so tests can look
 * for it after import.
 */
import { strToU8, zipSync } from 'fflate'
import type { Zippable } from 'fflate'

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * A DOCX: a Heading1 then paragraphs. `bodyXml` adds raw WordprocessingML after them and
 * `relationships` raw <Relationship> elements of the document part (hyperlinks, linked images),
 * for hostile files.
 */
export function makeDocx(o: { title: string; author: string; heading: string; paragraphs: readonly string[]; bodyXml?: string; relationships?: string }): Uint8Array {
  const p = (text: string, style?: string): string =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${xmlEscape(text)}</w:t></w:r></w:p>`
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>${p(o.heading, 'Heading1')}${o.paragraphs.map((t) => p(t)).join('')}${o.bodyXml ?? ''}</w:body></w:document>`,
    ),
    ...(o.relationships
      ? { 'word/_rels/document.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${o.relationships}</Relationships>`) }
      : {}),
    'docProps/core.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xmlEscape(o.title)}</dc:title><dc:creator>${xmlEscape(o.author)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2023-05-04T10:00:00Z</dcterms:created></cp:coreProperties>`,
    ),
  }
  return zipSync(files)
}

export function makeOdt(o: { title: string; author: string; heading: string; paragraphs: readonly string[]; contentXml?: string }): Uint8Array {
  const ns = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xlink="http://www.w3.org/1999/xlink"'
  const content =
    o.contentXml ??
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ns} office:version="1.3"><office:body><office:text><text:h text:outline-level="1">${xmlEscape(o.heading)}</text:h>${o.paragraphs
      .map((t) => `<text:p>${xmlEscape(t)}</text:p>`)
      .join('')}<text:list><text:list-item><text:p>Premier point</text:p></text:list-item></text:list><text:p>Lien <text:a xlink:href="https://example.org/">ici</text:a> et <text:a xlink:href="javascript:alert(1)">là</text:a>.</text:p></office:text></office:body></office:document-content>`
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': strToU8(content),
    'meta.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><office:document-meta ${ns}><office:meta><dc:title>${xmlEscape(o.title)}</dc:title><meta:initial-creator>${xmlEscape(o.author)}</meta:initial-creator><meta:creation-date>2022-11-30T09:00:00</meta:creation-date></office:meta></office:document-meta>`,
    ),
  })
}

export function makeEpub(o: { title: string; author: string; chapters: readonly { heading: string; body: string }[]; extra?: Zippable }): Uint8Array {
  const chapters = Object.fromEntries(
    o.chapters.map((c, i) => [
      `OEBPS/ch${i + 1}.xhtml`,
      strToU8(`<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>${xmlEscape(c.heading)}</title></head><body><h1>${xmlEscape(c.heading)}</h1>${c.body}</body></html>`),
    ]),
  )
  return zipSync({
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8(
      '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
    ),
    'OEBPS/content.opf': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">x</dc:identifier><dc:title>${xmlEscape(o.title)}</dc:title><dc:creator>${xmlEscape(o.author)}</dc:creator><dc:date>2021-06-09</dc:date><dc:language>fr</dc:language></metadata><manifest>${o.chapters
        .map((_, i) => `<item id="c${i + 1}" href="ch${i + 1}.xhtml" media-type="application/xhtml+xml"/>`)
        .join('')}</manifest><spine>${o.chapters.map((_, i) => `<itemref idref="c${i + 1}"/>`).join('')}</spine></package>`,
    ),
    ...chapters,
    ...(o.extra ?? {}),
  })
}

/** A PDF markup annotation to write on the page (what Acrobat, Okular or Zotero save). */
export interface PdfMarkup {
  readonly subtype: 'Highlight' | 'Underline' | 'StrikeOut' | 'Squiggly' | 'Text'
  /** The characters covered: body line (0-based) and a character range of it; one quad per span. For `Text`, where the icon sits. */
  readonly spans: readonly { readonly line: number; readonly from: number; readonly to: number }[]
  /** RGB, each 0..1. */
  readonly color: readonly [number, number, number]
  readonly contents?: string
  /** A reply to another markup of this list (its index): /IRT, as Acrobat writes replies. */
  readonly inReplyTo?: number
}

/** A PDF text string: ASCII as a literal, anything else as UTF-16BE with its byte order mark. */
function pdfString(s: string): string {
  if (/^[\x20-\x7e]*$/.test(s)) return `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`
  let hex = 'FEFF'
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase()
  return `<${hex}>`
}

/** Where body lines sit: the first baseline, the line pitch, and the font size (12 pt). */
const BODY = { x: 72, y: 680, pitch: 16, size: 12 } as const

/**
 * A one-page PDF: a title line in 24 pt, then body lines in 12 pt (ASCII, Helvetica; Courier when
 * markups are given, so that a character's place is known: 0.6 em each), with document information,
 * and optionally markup annotations whose QuadPoints cover the given characters.
 */
export function makePdf(o: { title?: string; author?: string; heading: string; lines: readonly string[]; markups?: readonly PdfMarkup[] }): Uint8Array {
  const esc = (s: string): string => s.replace(/[\\()]/g, (c) => `\\${c}`)
  const markups = o.markups ?? []
  const font = markups.length > 0 ? 'Courier' : 'Helvetica'
  const content = [`BT /F1 24 Tf 72 720 Td (${esc(o.heading)}) Tj ET`, ...o.lines.map((l, i) => `BT /F1 ${BODY.size} Tf ${BODY.x} ${BODY.y - i * BODY.pitch} Td (${esc(l)}) Tj ET`)].join('\n')
  const info = [o.title ? `/Title (${esc(o.title)})` : '', o.author ? `/Author (${esc(o.author)})` : '', '/CreationDate (D:20200115120000Z)'].join(' ')
  const first = 7
  const char = BODY.size * 0.6
  const annots = markups.map((m) => {
    const quads = m.spans.map((s) => {
      const base = BODY.y - s.line * BODY.pitch
      const [x1, x2, y1, y2] = [BODY.x + s.from * char, BODY.x + s.to * char, base - 3, base + 10]
      return [x1, y2, x2, y2, x1, y1, x2, y1]
    })
    const xs = quads.flatMap((q) => [q[0]!, q[2]!])
    const ys = quads.flatMap((q) => [q[1]!, q[5]!])
    const rect = m.subtype === 'Text' ? [Math.min(...xs), Math.max(...ys), Math.min(...xs) + 20, Math.max(...ys) + 20] : [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]
    return [
      `<< /Type /Annot /Subtype /${m.subtype} /Rect [${rect.map((n) => n.toFixed(2)).join(' ')}]`,
      m.subtype === 'Text' ? '/Name /Comment' : `/QuadPoints [${quads.flat().map((n) => n.toFixed(2)).join(' ')}]`,
      `/C [${m.color.join(' ')}] /F 4 /M (D:20240312101500Z) /T (Camille)`,
      m.contents !== undefined ? `/Contents ${pdfString(m.contents)}` : '',
      m.inReplyTo !== undefined ? `/IRT ${first + m.inReplyTo} 0 R /RT /R` : '',
      '>>',
    ]
      .filter(Boolean)
      .join(' ')
  })
  const annotsEntry = annots.length ? ` /Annots [${annots.map((_, i) => `${first + i} 0 R`).join(' ')}]` : ''
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >>${annotsEntry} >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< /Type /Font /Subtype /Type1 /BaseFont /${font} >>`,
    `<< ${info} >>`,
    ...annots,
  ]
  return pdfFile(objects, 6)
}

/** A PDF file from its objects (numbered from 1; object 1 the catalog), with its cross-reference table. */
export function pdfFile(objects: readonly string[], infoObject: number): Uint8Array {
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((obj, i) => {
    offsets.push(out.length)
    out += `${i + 1} 0 obj\n${obj}\nendobj\n`
  })
  const xref = out.length
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((n) => `${String(n).padStart(10, '0')} 00000 n \n`).join('')}`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${infoObject} 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return strToU8(out)
}
