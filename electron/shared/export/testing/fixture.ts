/**
 * A fixed, hostile fixture for the exporters' golden files and structure tests: two documents whose
 * text holds quotes beginning with #, >, -, 1., containing fences, pipes, HTML and <script>; notes
 * that try every way out of their container; an orphan, a fuzzy anchor, a document-level note and
 * an annotation of a document that no longer exists. Everything is fixed (ids, dates), so golden
 * files are byte-stable.
 */
import { DEFAULT_COLOR_LABELS, QUOTE_CONTEXT } from '../../annotations/model'
import type { AnchorState, Annotation, ColorId } from '../../annotations/model'
import type { Section } from '../../content/document'
import type { ExportDocument, ExportInput } from '../types'

type Block = { readonly heading: { readonly level: number; readonly id: string; readonly title: string } } | { readonly para: string }

export interface FixtureDocument {
  readonly doc: ExportDocument
  readonly text: string
}

/** A document's rendered text and section map, built the way the content library builds them. */
export function buildDocument(id: string, title: string, blocks: readonly Block[]): FixtureDocument {
  let text = ''
  const marks: { id: string; level: number; title: string; start: number }[] = []
  for (const b of blocks) {
    if ('heading' in b) marks.push({ ...b.heading, start: text.length })
    text += `${'heading' in b ? b.heading.title : b.para}\n`
  }
  const sections: Section[] = []
  const first = marks[0]?.start ?? text.length
  if (first > 0 && text.slice(0, first).trim() !== '') sections.push({ id: '', level: 0, title: '', start: 0, end: first })
  marks.forEach((m, i) => sections.push({ id: m.id, level: m.level, title: m.title, start: m.start, end: marks[i + 1]?.start ?? text.length }))
  return { doc: { id, title, sections }, text }
}

const HASH = 'a'.repeat(64)

interface AnnotationSpec {
  readonly id: string
  readonly doc: FixtureDocument | string
  /** The passage (must occur in the document's text), or a last known quote for an orphan. */
  readonly quote?: string
  readonly note?: string
  readonly tags?: readonly string[]
  readonly color?: ColorId
  readonly created: string
  readonly modified?: string
  /** For orphans: where the passage used to be. */
  readonly stalePosition?: number
}

export function makeAnnotation(spec: AnnotationSpec): Annotation {
  const docId = typeof spec.doc === 'string' ? spec.doc : spec.doc.doc.id
  let target: Annotation['target'] = null
  if (spec.quote !== undefined) {
    const text = typeof spec.doc === 'string' ? '' : spec.doc.text
    const found = spec.stalePosition === undefined ? text.indexOf(spec.quote) : -1
    if (spec.stalePosition === undefined && found < 0) throw new Error(`fixture: ${JSON.stringify(spec.quote)} is not in ${docId}`)
    const start = found >= 0 ? found : spec.stalePosition!
    const end = start + spec.quote.length
    target = {
      source: docId,
      docVersion: HASH,
      selector: [
        { type: 'TextQuoteSelector', exact: spec.quote, prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start), suffix: text.slice(end, end + QUOTE_CONTEXT) },
        { type: 'TextPositionSelector', start, end },
      ],
    }
  }
  return {
    id: spec.id,
    type: 'Annotation',
    created: spec.created,
    modified: spec.modified ?? spec.created,
    body: { note: spec.note ?? '', tags: [...(spec.tags ?? [])], color: spec.color ?? 'yellow' },
    target,
    document: docId,
  }
}

export const HOSTILE_QUOTES = [
  '# Pas un titre',
  '> pas une citation',
  '- pas une liste',
  '1. pas une liste numérotée',
  '```js',
  '| a | b |',
  '|---|---|',
  '<script>alert("quote")</script>',
  '<!-- passerelles:annotation {} --> et --> fin',
  '*gras* _italique_ ~~barré~~ `code` [lien](javascript:alert(1)) ![img](https://pixel.example/p.png)',
  '&lt;b&gt; &amp; %% Obsidian $$ x^2 $$ ==surligné== [[wikilien]] fin ^anno-deadbeef',
  '===',
  '+ plus 3) parenthèse *** ___',
  '\\ barre oblique inverse \\',
] as const

export const HOSTILE_NOTES = {
  markdown: 'Ma note **importante** avec une [source](https://www.april.org/).\n\n- un\n- deux\n\n```js\nconst ok = 1 < 2\n```',
  headings: '# Titre dans une note\nTexte\n===\n\nAutre\n---\n- liste\n  ## titre dans une liste\n> citée\n> ### titre cité',
  html: '<script>alert(1)</script>\n<b onclick="x()">gras</b> <!-- commentaire --> <https://exemple.org>',
  forgedData: '<!-- passerelles:annotation v1 {"id":"00000000-0000-4000-8000-000000000000"} -->',
  openFence: '```\nclôture jamais fermée\n# pas un titre\n<!-- passerelles:annotation v1 {} -->',
  definitions: '[x]: javascript:alert(1)\n[clic][x]\n\n[^1]: note volée\n\ntexte[^1]',
  schemes: '[a](javascript:alert(1)) [b](JAVASCRIPT\\:alert(1)) [c](<javascript:alert(1)>) [d](\njavascript:alert(1)) [e](&#106;avascript:alert(1)) [ok](https://framasoft.org)',
  obsidian: '%% caché\n$$ math\nfin ^anno-00000000\n![[intégration]]',
  table: '| a | b |\n|---|---|\n| <b>c</b> | `d|e` |',
  codeDisagreement: 'un ` accent\ngrave `<img src=x onerror=alert(1)>` suite',
  crlf: 'ligne un\r\nligne deux\rligne trois\u2028ligne quatre',
} as const

export function fixtureDocuments(): { a: FixtureDocument; b: FixtureDocument } {
  const a = buildDocument('cahier-01-pourquoi-ce-cahier', 'Pourquoi ce cahier ? # [1] <em>', [
    { para: 'Un préambule avant le premier titre, qui cite > et # sans danger.' },
    { heading: { level: 2, id: 'vouloir-ne-suffit-pas', title: 'Vouloir ne suffit pas' } },
    ...HOSTILE_QUOTES.slice(0, 7).map((para) => ({ para })),
    { heading: { level: 3, id: 'un-monde-benevole', title: 'Un monde *bénévole* | <b>' } },
    ...HOSTILE_QUOTES.slice(7).map((para) => ({ para })),
    { heading: { level: 2, id: 'conclusion', title: 'Conclusion' } },
    { para: 'Le logiciel libre est un commun. Les associations le savent.' },
  ])
  const b = buildDocument('cas-framasoft', 'Framasoft <script>alert(1)</script>', [
    { heading: { level: 2, id: 'degoogliser', title: 'Dégoogliser Internet' } },
    { para: 'Framasoft a lancé la campagne en 2014 ; elle a duré trois ans.' },
  ])
  return { a, b }
}

const day = (d: number, h = 10): string => `2026-11-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00.000Z`
const uuid = (n: number): string => `${n.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`

export function fixtureAnnotations(): { annotations: Annotation[]; states: Map<string, AnchorState> } {
  const { a, b } = fixtureDocuments()
  const notes = Object.values(HOSTILE_NOTES)
  const colors: ColorId[] = ['yellow', 'blue', 'green', 'orange', 'purple']
  const annotations: Annotation[] = HOSTILE_QUOTES.map((quote, i) =>
    makeAnnotation({
      id: uuid(i + 1),
      doc: a,
      quote,
      note: notes[i % notes.length],
      tags: i % 3 === 0 ? ['communs', 'gouvernance'] : i % 3 === 1 ? ['licences'] : [],
      color: colors[i % colors.length],
      created: day(1 + i),
      modified: i % 4 === 0 ? day(20 + (i % 5)) : undefined,
    }),
  )
  annotations.push(
    makeAnnotation({ id: uuid(100), doc: a, quote: 'Le logiciel libre est un commun.', note: 'Une note simple, sans Markdown.', tags: ['communs'], color: 'purple', created: day(15) }),
    makeAnnotation({ id: uuid(101), doc: a, note: 'Une note sur tout le document :\n\n1. relire\n2. partager', tags: ['a-relire'], color: 'orange', created: day(16) }),
    makeAnnotation({ id: uuid(102), doc: a, quote: '# Un passage supprimé <script>', stalePosition: 40, note: '> orpheline\n# et hostile', tags: ['communs'], color: 'blue', created: day(17) }),
    makeAnnotation({ id: uuid(103), doc: b, quote: 'Framasoft a lancé la campagne en 2014', note: '', tags: ['chatons'], color: 'green', created: day(18) }),
    makeAnnotation({ id: uuid(104), doc: 'document-supprime', quote: 'Un texte disparu avec son document', stalePosition: 3, note: 'Document retiré du pack.', color: 'yellow', created: day(19) }),
    // Same 8-hex prefix as uuid(1): its block id must be lengthened.
    makeAnnotation({ id: '00000001-0000-4000-8000-0000000000ff', doc: b, quote: 'elle a duré trois ans', note: 'Préfixe en collision.', color: 'blue', created: day(21) }),
  )
  const states = new Map<string, AnchorState>([
    [uuid(102), 'orphan'],
    [uuid(104), 'orphan'],
    [uuid(3), 'fuzzy'],
    [uuid(5), 'moved'],
  ])
  return { annotations, states }
}

export function fixtureInput(): ExportInput {
  const { a, b } = fixtureDocuments()
  const { annotations, states } = fixtureAnnotations()
  return {
    annotations,
    states,
    documents: [a.doc, b.doc],
    colorLabels: { ...DEFAULT_COLOR_LABELS, purple: 'Citation <b>|#' },
    meta: {
      title: 'Mes notes — « Passerelles » : test\n---',
      exported: '2026-11-28T18:00:00.000Z',
      app: { name: 'Passerelles', version: '0.1.0' },
      scope: { kind: 'filter', filter: { tags: ['communs', 'licences'], text: '"---\n<script>', from: '2026-11-01' } },
    },
  }
}
