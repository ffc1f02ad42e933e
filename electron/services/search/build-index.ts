/**
 * Builds the serialised search index from rendered documents: one lunr document per section, with
 * the document title, the section heading, the tags and the section text as fields.
 */
import lunr from 'lunr'
import type { ApparatusRange, Section } from '../../shared/content/document'
import { cutsIn } from '../../shared/text/apparatus'
import { frenchPlugin, registerFrenchPipeline, withVocabulary } from './french-pipeline'
import { encodePosting, FIELD_BOOSTS, INDEX_FIELDS, INDEX_FORMAT } from './index-format'
import type { StoredDoc, StoredIndex, StoredRecord } from './index-format'

/** What indexing needs from a document (a `RenderedDocument` provides it; so does the benchmark). */
export interface IndexableDocument {
  readonly id: string
  readonly title: string
  readonly kind: string
  readonly tags: readonly string[]
  /** The rendered text (`RenderedDocument.text`): record offsets point into it. */
  readonly text: string
  readonly sections: readonly Section[]
  /** The footnote apparatus (RenderedDocument.apparatus): calls and back-links are left out of snippets. */
  readonly apparatus?: readonly ApparatusRange[]
}

/** Splits a document into section records; `d` is the document's number in the store. */
export function sectionRecords(doc: IndexableDocument, d: number): StoredRecord[] {
  const path: { level: number; title: string }[] = []
  const out: StoredRecord[] = []
  for (const s of doc.sections) {
    let ho = -1
    let bo = s.start
    if (s.level > 0 && s.title !== '') {
      const at = doc.text.indexOf(s.title, s.start)
      if (at >= 0 && at < s.end) {
        ho = at
        bo = at + s.title.length
      }
      while (path.length > 0 && path[path.length - 1]!.level >= s.level) path.pop()
      path.push({ level: s.level, title: s.title })
    }
    const cuts = cutsIn(doc.apparatus ?? [], bo, s.end)
    out.push({ d, s: s.id, l: s.level, h: s.title, p: path.map((x) => x.title), ho, bo, b: doc.text.slice(bo, s.end), ...(cuts.length ? { a: cuts } : {}) })
  }
  if (out.length === 0) out.push({ d, s: '', l: 0, h: '', p: [], ho: -1, bo: 0, b: doc.text })
  return out
}

/**
 * Footnotes (marked-footnote's « Notes » section) and « Sources » lists repeat the keywords of the
 * titles they cite; prose about a subject should come first, so they weigh half.
 */
export function sectionBoost(r: StoredRecord): number {
  return r.s === 'footnote-label' || /^(sources|notes|références|bibliographie)$/iu.test(r.h.trim()) ? 0.5 : 1
}

export interface BuildOptions {
  /**
   * Store term positions (default true). Without them the index is about a third smaller and
   * phrases and highlights find positions again in the record's text (the imported documents'
   * indexes, kept on disk per document, are built without).
   */
  readonly positions?: boolean
}

export function buildStoredIndex(documents: readonly IndexableDocument[], contentHash: string, builtAt: string, options: BuildOptions = {}): StoredIndex {
  const docs: StoredDoc[] = documents.map((d) => ({ id: d.id, title: d.title, kind: d.kind, tags: [...d.tags] }))
  return buildRecordIndex(docs, documents.flatMap((d, i) => sectionRecords(d, i)), contentHash, builtAt, sectionBoost, options)
}

type LunrJsonPosting = { readonly _index: number } & Readonly<Record<string, Readonly<Record<string, object>>>>

/** A lunr posting without positions, compacted (see index-format.ts). */
function compactPosting(posting: LunrJsonPosting): string {
  return encodePosting({ termIndex: posting._index, sections: INDEX_FIELDS.map((f) => Object.keys(posting[f] ?? {}).map(Number)) })
}

/**
 * The body as indexed: footnote calls and back-links become spaces (same length, so positions stay
 * offsets into `b`), so « Solidaires² » is the word « solidaires », not « solidaires2 ».
 */
export function blankCuts(b: string, cuts: StoredRecord['a']): string {
  if (!cuts) return b
  let out = ''
  let from = 0
  for (const [s, e] of cuts) {
    out += b.slice(from, s) + ' '.repeat(e - s)
    from = e
  }
  return out + b.slice(from)
}

/**
 * The same index over records made by the caller (the notes source makes one record per
 * annotation: its note as `h`, its quote as `b`). `records[i].d` indexes `docs`.
 */
export function buildRecordIndex(
  docs: readonly StoredDoc[],
  records: readonly StoredRecord[],
  contentHash: string,
  builtAt: string,
  boost: (r: StoredRecord) => number = sectionBoost,
  options: BuildOptions = {},
): StoredIndex {
  const positions = options.positions ?? true
  registerFrenchPipeline()
  const { result: index, vocabulary } = withVocabulary(() =>
    lunr(function () {
      this.use(frenchPlugin)
      this.metadataWhitelist = positions ? ['position'] : []
      this.ref('r')
      for (const f of INDEX_FIELDS) this.field(f, { boost: FIELD_BOOSTS[f] })
      records.forEach((r, i) => {
        const doc = docs[r.d]!
        this.add({ r: String(i), title: doc.title, headings: r.h, tags: doc.tags.join(' '), body: blankCuts(r.b, r.a) }, { boost: boost(r) })
      })
    }),
  )
  const json = index.toJSON() as unknown as { version: string; fields: string[]; fieldVectors: [string, number[]][]; invertedIndex: [string, LunrJsonPosting][]; pipeline: string[] }
  const serialised = positions
    ? { ...json, invertedIndex: json.invertedIndex.map(([term, posting]) => [term, JSON.stringify(posting)] as const) }
    : { ...json, invertedIndex: json.invertedIndex.map(([term, posting]) => [term, compactPosting(posting)] as const), positions: false as const }
  return { format: INDEX_FORMAT, lunrVersion: lunr.version, contentHash, builtAt, docs: [...docs], records: [...records], vocabulary, index: serialised }
}
