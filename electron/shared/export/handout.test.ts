import { fileURLToPath } from 'node:url'
import { Marked } from 'marked'
import type { Token } from 'marked'
import markedFootnote from 'marked-footnote'
import { describe, expect, it } from 'vitest'
import { checkGolden } from '../../services/testing/golden'
import { renderHandout, sectionSpan } from './handout'
import { tokensAreSafe } from './note'
import { buildDocument, fixtureAnnotations, fixtureDocuments, fixtureInput, makeAnnotation } from './testing/fixture'
import { UNEXPECTED_TAG, childTokens, tokenTypes, unsafeHrefs, visibleText } from './testing/inspect'
import type { HandoutInput } from './handout'

const GOLDEN = fileURLToPath(new URL('./__golden__/', import.meta.url))
const { a } = fixtureDocuments()
const { annotations, states } = fixtureAnnotations()
const base = fixtureInput()

function handoutInput(sectionId: string, over: Partial<HandoutInput> = {}): HandoutInput {
  return { document: a.doc, sectionId, text: a.text, annotations, states, colorLabels: base.colorLabels, meta: { ...base.meta, scope: { kind: 'document', documentId: a.doc.id } }, ...over }
}

/** marked with footnotes, as the app renders Markdown. */
function lexWithFootnotes(md: string): Token[] {
  const m = new Marked({ gfm: true, async: false })
  m.use(markedFootnote())
  return m.lexer(md.replace(/^---\n[\s\S]*?\n---\n/, ''))
}

function render(md: string): string {
  const m = new Marked({ gfm: true, async: false })
  m.use(markedFootnote())
  return m.parse(md.replace(/^---\n[\s\S]*?\n---\n/, '')) as string
}

describe('section handout', () => {
  const md = renderHandout(handoutInput('vouloir-ne-suffit-pas'))!.content

  it('matches its golden file exactly', () => {
    const golden = checkGolden(GOLDEN, 'handout.md', md)
    expect(golden.ok ? md : golden.expected).toBe(md)
  })

  it('covers the section with its sub-sections, not the next section of the same level', () => {
    const span = sectionSpan(a.doc.sections, 'vouloir-ne-suffit-pas')!
    expect(span.headings.map((h) => h.id)).toEqual(['vouloir-ne-suffit-pas', 'un-monde-benevole'])
    expect(a.text.slice(span.start, span.end)).not.toContain('Conclusion')
    expect(sectionSpan(a.doc.sections, 'absente')).toBeNull()
  })

  it('parses (marked + footnotes) into headings, paragraphs and one footnote per annotation, nothing else', () => {
    const tokens = lexWithFootnotes(md)
    const top = tokens.filter((t) => t.type !== 'space').map((t) => t.type)
    // marked-footnote puts its collector first and the definitions where they are written.
    expect(top.filter((t) => t !== 'paragraph')).toEqual(['footnotes', 'heading', 'heading', ...Array<string>(14).fill('footnote')])
    const headings = tokens.flatMap((t) => (t.type === 'heading' ? [[t.depth, visibleText(childTokens(t))]] : []))
    expect(headings).toEqual([[1, 'Vouloir ne suffit pas'], [2, 'Un monde *bénévole* | <b>']])
    const footnotes = tokens.filter((t) => t.type === 'footnote') as unknown as Array<{ label: string; content: Token[] }>
    expect(footnotes.map((f) => f.label)).toEqual(Array.from({ length: 14 }, (_, i) => String(i + 1)))
    for (const f of footnotes) {
      const quote = f.content.filter((t) => t.type === 'blockquote')
      for (const q of quote) expect(tokensAreSafe(childTokens(q))).toBe(true)
      expect(tokenTypes(f.content)).not.toContain('html')
    }
    expect(tokenTypes(tokens)).not.toContain('html')
    const html = render(md)
    expect(html).not.toMatch(UNEXPECTED_TAG)
    expect(unsafeHrefs(html)).toEqual([])
  })

  it('puts each marker right after its passage', () => {
    const tokens = lexWithFootnotes(md)
    const inSection = annotations.filter((x) => x.target && x.document === a.doc.id && states.get(x.id) !== 'orphan' && x.target.selector[1].start >= a.doc.sections[1]!.start && x.target.selector[1].end <= a.doc.sections[3]!.start)
    const paragraphs = tokens.filter((t) => t.type === 'paragraph')
    for (const [i, x] of inSection.sort((p, q) => p.target!.selector[1].end - q.target!.selector[1].end).entries()) {
      const holder = paragraphs.find((p) => childTokens(p).some((k) => k.type === 'footnoteRef' && k.label === String(i + 1)))
      if (!holder) throw new Error(`no paragraph holds [^${i + 1}] (${x.id}) among ${paragraphs.length}`)
      const kids = childTokens(holder)
      const before = visibleText(kids.slice(0, kids.findIndex((k) => k.type === 'footnoteRef' && k.label === String(i + 1))))
      expect(before.trimEnd().endsWith(x.target!.selector[0].exact.replace(/\s+/g, ' ').trim()), `${before} / ${x.target!.selector[0].exact}`).toBe(true)
    }
  })

  it('places markers inside a paragraph at the exact offset, and escapes what follows them', () => {
    const doc = buildDocument('cas-test', 'Cas', [{ heading: { level: 2, id: 'cas', title: 'Cas' } }, { para: 'Une phrase importante(1) et une autre! Fin.' }])
    const notes = [
      makeAnnotation({ id: '00000000-0000-4000-8000-0000000000a1', doc, quote: 'phrase importante', created: '2026-11-01T00:00:00Z' }),
      makeAnnotation({ id: '00000000-0000-4000-8000-0000000000a2', doc, quote: 'une autre!', created: '2026-11-02T00:00:00Z' }),
      makeAnnotation({ id: '00000000-0000-4000-8000-0000000000a3', doc, quote: 'Cas', created: '2026-11-03T00:00:00Z' }),
    ]
    const out = renderHandout(handoutInput('cas', { document: doc.doc, text: doc.text, annotations: notes, states: new Map() }))!.content
    expect(out).toContain('# Cas[^1]\n')
    expect(out).toContain('Une phrase importante[^2]\\(1) et une autre\\![^3] Fin.')
    const refs = tokenTypes(lexWithFootnotes(out)).filter((t) => t === 'footnoteRef')
    expect(refs).toHaveLength(3)
  })

  it('leaves out orphans and document-level notes, and respects the options', () => {
    expect(md).not.toContain('Un passage supprimé')
    expect(md).not.toContain('Une note sur tout le document')
    const bare = renderHandout(handoutInput('conclusion'), { language: 'en', include: { quotes: false, notes: false, tags: false, labels: false, dates: false, links: false } })!.content
    expect(bare).not.toContain('passerelles://')
    expect(bare).toContain('*From Pourquoi ce cahier ?')
    expect(bare).toMatch(/\[\^1\]: Passages\n?$/)
  })

  it('starts a handout of the part before the first heading with the document title', () => {
    const out = renderHandout(handoutInput(''))!.content
    expect(out).toContain('# Pourquoi ce cahier ? \\# \\[1\\] &lt;em\\>\n\n*Extrait de [Pourquoi ce cahier ? \\# \\[1\\] &lt;em\\>](passerelles://open/cahier-01-pourquoi-ce-cahier)*')
    expect(out).toContain('Un préambule avant le premier titre, qui cite \\> et \\# sans danger.')
  })
})
