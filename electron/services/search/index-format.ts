/**
 * The serialised search index: one JSON file holding the lunr index (French pipeline, positions
 * whitelisted) or, for the imported documents' segments, the term frequencies lunr's weights are
 * computed from (`SerialisedTfIndex`), the section store that snippets are cut from, and the folded
 * vocabulary that prefixes and fuzzy terms are matched against. Section refs in lunr are record
 * numbers ("0", "1"…).
 */
/** Bump when the layout, the fields, the boosts or the pipeline change: older files are rebuilt. */
export const INDEX_FORMAT = 6

/** lunr fields and their boosts: title, then headings, then tags, then body. */
export const FIELD_BOOSTS = { title: 8, headings: 4, tags: 2, body: 1 } as const
export type IndexField = keyof typeof FIELD_BOOSTS
export const INDEX_FIELDS = Object.keys(FIELD_BOOSTS) as IndexField[]

export interface StoredDoc {
  readonly id: string
  readonly title: string
  readonly kind: string
  readonly tags: readonly string[]
}

/** One section (heading to next heading) of one document. */
export interface StoredRecord {
  /** Index into `docs`. */
  readonly d: number
  /** Section id (the heading's id attribute); '' for the text before the first heading. */
  readonly s: string
  /** Heading level (0 for the text before the first heading). */
  readonly l: number
  /** The heading's text. */
  readonly h: string
  /** Titles of the enclosing headings, outermost first, this one last. */
  readonly p: readonly string[]
  /** Offset of the heading's text in the document's `text` (-1 without a heading). */
  readonly ho: number
  /** Offset of `b` in the document's `text`. */
  readonly bo: number
  /** The section's text after its heading: what the `body` field indexed and snippets are cut from. */
  readonly b: string
  /**
   * The footnote calls and back-links in `b` ([start, end) offsets into `b`), left out of snippets
   * (shared/text/apparatus.ts); absent when there are none. Still indexed: offsets stay the document's.
   */
  readonly a?: readonly (readonly [number, number])[]
}

export interface StoredIndex {
  readonly format: number
  readonly lunrVersion: string
  /** Identifies the content the index was built from (see `contentHash`). */
  readonly contentHash: string
  readonly builtAt: string
  readonly docs: readonly StoredDoc[]
  readonly records: readonly StoredRecord[]
  /** Folded, unstemmed words of every field, sorted (code-unit order). */
  readonly vocabulary: readonly string[]
  /**
   * lunr's serialised index (`lunr.Index#toJSON()`), each posting kept as its JSON text; or, for the
   * imported documents' segments, term frequencies from which lunr's weights are computed on load.
   */
  readonly index: SerialisedLunrIndex | SerialisedTfIndex
}

/**
 * `lunr.Index#toJSON()` with one change: each term's posting is stored as JSON text, parsed the
 * first time a query needs that term. Loading then parses the term list, not every posting of
 * every term (on the shipped pack that halves the parse), and `toLunrJson` restores lunr's exact
 * format for `lunr.Index.load`.
 */
export interface SerialisedLunrIndex {
  readonly version: string
  readonly fields: readonly string[]
  /** [`${field}/${ref}`, [termIndex, weight, …]] */
  readonly fieldVectors: readonly (readonly [string, readonly number[]])[]
  /** [term, posting JSON] */
  readonly invertedIndex: readonly (readonly [string, string])[]
  /** Labels of the search pipeline's functions: they must be registered before loading. */
  readonly pipeline: readonly string[]
  /**
   * `false`: built without term positions, each posting stored compactly (`encodePosting`);
   * positions are then found again in the record's text when a phrase or a snippet needs them
   * (french-index.ts). Absent: lunr's postings with positions.
   */
  readonly positions?: false
  readonly kind?: never
}

/**
 * An index built without lunr.Builder (tf-index.ts), for the imported documents' segments: what
 * lunr's weights are computed from instead of the weights themselves (lunr's field vectors were
 * most of a segment file, and computing them most of its build). Per term and field, the sections
 * holding the term with its frequency there; per field and section, the number of terms indexed;
 * the boosts. `FrenchIndex` computes lunr's BM25 weight of each (term, field, section) from these
 * with lunr's formula (bm25.ts), so scores equal those of the same records indexed by lunr
 * (tf-index.test.ts). Built without positions, like a `positions: false` lunr index.
 */
export interface SerialisedTfIndex {
  readonly kind: 'tf'
  /** The lunr version whose scoring the weights reproduce. */
  readonly version: string
  readonly fields: readonly string[]
  /** Each field's boost, `fields` order. */
  readonly fieldBoosts: readonly number[]
  /** lengths[field][section]: how many terms the field of that section indexed (`fields` order). */
  readonly lengths: readonly (readonly number[])[]
  /** [section, boost] of the sections whose boost is not 1. */
  readonly recordBoosts: readonly (readonly [number, number])[]
  /** [term, posting (`encodeTfPosting`)], sorted by term. */
  readonly invertedIndex: readonly (readonly [string, string])[]
  /** Labels of the search pipeline's functions (checked on load, as lunr does). */
  readonly pipeline: readonly string[]
}

/** A position-free posting: lunr's term index, then the sections holding the term in each field (INDEX_FIELDS order, increasing). */
export interface CompactPosting {
  readonly termIndex: number
  readonly sections: readonly (readonly number[])[]
}

/**
 * `termIndex;title;headings;tags;body`, each field's sections as comma-separated gaps from the
 * previous one (« 5012;;;;3,1,40 » is term 5012 in the bodies of sections 3, 4 and 44): about half
 * the size of the same posting as JSON.
 */
export function encodePosting(p: CompactPosting): string {
  return [String(p.termIndex), ...p.sections.map((list) => list.map((s, i) => s - (i === 0 ? 0 : list[i - 1]!)).join(','))].join(';')
}

export function decodePosting(text: string): CompactPosting {
  const [termIndex, ...fields] = text.split(';')
  return {
    termIndex: Number(termIndex),
    sections: fields.map((f) => {
      if (f === '') return []
      let at = 0
      return f.split(',').map((gap) => (at += Number(gap)))
    }),
  }
}

/** A term's occurrences: per field (INDEX_FIELDS order), the sections holding it (increasing) and its frequency in each. */
export interface TfPosting {
  readonly sections: readonly (readonly number[])[]
  readonly tfs: readonly (readonly number[])[]
}

/**
 * `title;headings;tags;body`, each field's sections as comma-separated gaps from the previous one,
 * `:tf` after a gap when the term occurs more than once there (« ;;;3,1:4,40 » is the term once in
 * the body of section 3, four times in section 4's, once in section 44's).
 */
export function encodeTfPosting(p: TfPosting): string {
  return p.sections
    .map((list, f) => {
      const tfs = p.tfs[f]!
      return list.map((s, i) => {
        const gap = String(s - (i === 0 ? 0 : list[i - 1]!))
        return tfs[i] === 1 ? gap : `${gap}:${tfs[i]}`
      }).join(',')
    })
    .join(';')
}

export function decodeTfPosting(text: string): TfPosting {
  const sections: number[][] = []
  const tfs: number[][] = []
  for (const field of text.split(';')) {
    const s: number[] = []
    const t: number[] = []
    if (field !== '') {
      let at = 0
      for (const entry of field.split(',')) {
        const colon = entry.indexOf(':')
        at += Number(colon < 0 ? entry : entry.slice(0, colon))
        s.push(at)
        t.push(colon < 0 ? 1 : Number(entry.slice(colon + 1)))
      }
    }
    sections.push(s)
    tfs.push(t)
  }
  return { sections, tfs }
}

/**
 * A cheap shape check for a file read from disk, in O(1) rather than a schema walk over megabytes
 * (the lunr part is then checked by `lunr.Index.load`). A file that fails it is rebuilt.
 */
export function isStoredIndex(v: unknown): v is StoredIndex {
  if (typeof v !== 'object' || v === null) return false
  const o = v as Record<string, unknown>
  const index = o.index as Record<string, unknown> | null
  return (
    o.format === INDEX_FORMAT &&
    typeof o.contentHash === 'string' &&
    typeof o.builtAt === 'string' &&
    typeof o.lunrVersion === 'string' &&
    Array.isArray(o.docs) &&
    Array.isArray(o.records) &&
    Array.isArray(o.vocabulary) &&
    typeof index === 'object' &&
    index !== null &&
    Array.isArray(index.invertedIndex) &&
    (index.invertedIndex.length === 0 || typeof (index.invertedIndex[0] as unknown[])[1] === 'string') &&
    Array.isArray(index.pipeline) &&
    (index.kind === 'tf'
      ? Array.isArray(index.lengths) && index.lengths.length === INDEX_FIELDS.length && index.lengths.every((l) => Array.isArray(l) && l.length === (o.records as unknown[]).length) && Array.isArray(index.recordBoosts) && Array.isArray(index.fieldBoosts)
      : Array.isArray(index.fieldVectors))
  )
}
