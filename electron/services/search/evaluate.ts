/**
 * Evaluates a compiled query on a loaded index: AND of the requirements over lunr's postings,
 * document filters, exclusions, phrase verification, then scoring of the survivors only with the
 * BM25 weights lunr stored in its field vectors (the best alternative per requirement and field,
 * summed). Cost grows with the postings read, not with the size of the index.
 */
import type { FrenchIndex } from './french-index'
import type { Atom, CompiledQuery, Requirement } from './compile'
import type { IndexField, StoredDoc } from './index-format'
import { phraseSpans } from './phrase'
import type { Positions } from './phrase'
import { foldForDisplay } from '../../shared/search/french-text'

/** Document-level conditions: from the query (`type:`, `tag:`) and from the UI's facets. */
export interface DocFilter {
  /** Any of these kinds (empty: all). */
  readonly kinds: readonly string[]
  readonly excludedKinds: readonly string[]
  /** All of these tags, folded (empty: no condition). */
  readonly tags: readonly string[]
  readonly excludedTags: readonly string[]
}

export interface Ranked {
  readonly record: number
  readonly score: number
}

export interface Evaluation {
  /** Sections that match, best first. */
  readonly ranked: readonly Ranked[]
  /** Document numbers matched before `facetFilter` applied: what facet counts are made of. */
  readonly facetDocs: readonly number[]
}

export function docPasses(doc: StoredDoc, f: DocFilter): boolean {
  if (f.kinds.length > 0 && !f.kinds.includes(doc.kind)) return false
  if (f.excludedKinds.includes(doc.kind)) return false
  if (f.tags.length === 0 && f.excludedTags.length === 0) return true
  const tags = doc.tags.map(foldForDisplay)
  return f.tags.every((t) => tags.includes(t)) && !f.excludedTags.some((t) => tags.includes(t))
}

function forEachRecord(atom: Atom, visit: (record: number, alternative: number, field: IndexField) => void): void {
  atom.alternatives.forEach((alt, a) => {
    for (const field of atom.fields) {
      const posting = alt.posting[field]
      if (!posting) continue
      for (const key in posting) visit(+key, a, field)
    }
  })
}

function atomHas(atom: Atom, record: number): boolean {
  const key = String(record)
  return atom.alternatives.some((alt) => atom.fields.some((f) => alt.posting[f]?.[key] !== undefined))
}

/** The text a field of a section indexed (positions point into it). */
export function fieldText(index: FrenchIndex, record: number, field: IndexField): string {
  const r = index.records[record]!
  if (field === 'body') return r.b
  if (field === 'headings') return r.h
  const doc = index.docs[r.d]!
  return field === 'title' ? doc.title : doc.tags.join(' ')
}

/** Verified phrase spans in one field of one section ([] if the requirement is not a phrase). */
export function phraseSpansIn(index: FrenchIndex, req: Requirement, record: number, field: IndexField, firstOnly = false): [number, number][] {
  if (!req.phrase) return []
  const key = String(record)
  const lists: (Positions | undefined)[] = []
  for (const atom of req.atoms) {
    const positions = atom.alternatives[0]?.posting[field]?.[key]?.position
    if (!positions) return []
    lists.push(positions)
  }
  return phraseSpans(fieldText(index, record, field), req.phrase, lists, firstOnly)
}

function requirementHolds(index: FrenchIndex, req: Requirement, record: number): boolean {
  if (!req.atoms.every((a) => atomHas(a, record))) return false
  if (!req.phrase) return true
  return req.atoms[0]!.fields.some((f) => phraseSpansIn(index, req, record, f, true).length > 0)
}

/** Sections where every positive atom occurs (before phrases, filters and exclusions). */
function candidates(index: FrenchIndex, atoms: readonly Atom[]): number[] {
  if (atoms.length === 0) {
    // Filters only (« type:cas »): each document once, by its first section.
    const seen = new Set<number>()
    return index.records.flatMap((r, i) => (seen.has(r.d) ? [] : (seen.add(r.d), [i])))
  }
  const hits = new Uint16Array(index.size)
  atoms.forEach((atom, i) => forEachRecord(atom, (record) => void (hits[record] === i && (hits[record] = i + 1))))
  const out: number[] = []
  for (let r = 0; r < hits.length; r++) if (hits[r] === atoms.length) out.push(r)
  return out
}

function scores(index: FrenchIndex, atoms: readonly Atom[], survivors: readonly number[]): Float64Array {
  const total = new Float64Array(index.size)
  const alive = new Uint8Array(index.size)
  for (const r of survivors) alive[r] = 1
  // best[r]: the best alternative's weight for the current atom and field; `touched` lists the r set.
  const best = new Float64Array(index.size)
  const touched: number[] = []
  for (const atom of atoms) {
    for (const field of atom.fields) {
      for (const alt of atom.alternatives) {
        const posting = alt.posting[field]
        if (!posting) continue
        for (const key in posting) {
          const r = +key
          if (!alive[r]) continue
          const w = index.weight(alt.posting, field, r) * alt.weight
          if (best[r] === 0) touched.push(r)
          if (w > best[r]!) best[r] = w
        }
      }
      for (const r of touched) {
        total[r]! += best[r]!
        best[r] = 0
      }
      touched.length = 0
    }
  }
  return total
}

const OWN_FIELDS: readonly IndexField[] = ['headings', 'body']

/** Matched through its own heading or text, not only through its document's title or tags. */
function matchesOwnText(atoms: readonly Atom[], record: number): boolean {
  const key = String(record)
  return atoms.some((atom) => atom.alternatives.some((alt) => OWN_FIELDS.some((f) => atom.fields.includes(f) && alt.posting[f]?.[key] !== undefined)))
}

/**
 * Title and tags are indexed in every section of a document, so that « framasoft association »
 * finds the section about the association in the document titled Framasoft. A section matched
 * only through them says nothing about itself: keep such sections only for documents with no
 * better one, and then only the first.
 */
function dropDocumentLevelDuplicates(index: FrenchIndex, atoms: readonly Atom[], records: readonly number[]): number[] {
  if (atoms.length === 0) return [...records]
  const own = new Set(records.filter((r) => matchesOwnText(atoms, r)))
  const docsWithOwn = new Set([...own].map((r) => index.records[r]!.d))
  const seen = new Set<number>()
  return records.filter((r) => {
    const d = index.records[r]!.d
    if (own.has(r)) return true
    if (docsWithOwn.has(d) || seen.has(d)) return false
    seen.add(d)
    return true
  })
}

export function evaluate(index: FrenchIndex, q: CompiledQuery, queryFilter: DocFilter, facetFilter: DocFilter): Evaluation {
  const atoms = q.positive.flatMap((r) => r.atoms)
  if (q.emptied || atoms.some((a) => a.alternatives.length === 0)) return { ranked: [], facetDocs: [] }
  const phrases = q.positive.filter((r) => r.phrase)
  const kept: number[] = []
  for (const r of candidates(index, atoms)) {
    const doc = index.docs[index.records[r]!.d]!
    if (!docPasses(doc, queryFilter)) continue
    if (!phrases.every((p) => requirementHolds(index, p, r))) continue
    if (q.negative.some((n) => n.atoms.length > 0 && requirementHolds(index, n, r))) continue
    kept.push(r)
  }
  const matched = dropDocumentLevelDuplicates(index, atoms, kept)
  const facetDocs = [...new Set(matched.map((r) => index.records[r]!.d))]
  const survivors = matched.filter((r) => docPasses(index.docs[index.records[r]!.d]!, facetFilter))
  const total = scores(index, atoms, survivors)
  const ranked = survivors.map((record) => ({ record, score: total[record]! })).sort((a, b) => b.score - a.score || a.record - b.record)
  return { ranked, facetDocs }
}
