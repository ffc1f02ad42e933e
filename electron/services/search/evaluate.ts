/**
 * Evaluates a compiled query on a loaded index: AND of the requirements over lunr's postings,
 * document filters, exclusions, phrase verification, then scoring of the survivors with the BM25
 * weights lunr computed (the best alternative per requirement and field, summed). Cost grows with
 * the postings read, not with the size of the index.
 */
import { findSection, positionsIn } from './french-index'
import type { FrenchIndex } from './french-index'
import type { Atom, CompiledQuery, Requirement } from './compile'
import type { IndexField, StoredDoc } from './index-format'
import { phraseSpans } from './phrase'
import type { Positions } from './phrase'
import { foldForCompare } from '../../shared/text/fold'

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
  /** Sections that match, in section order (see `topRanked` for the best ones). */
  readonly matched: readonly number[]
  /** Score of each matching section, indexed by section number. */
  readonly score: Float64Array
  /** Document numbers matched before `facetFilter` applied: what facet counts are made of. */
  readonly facetDocs: readonly number[]
}

/** The `k` best sections, best first (ties: section order). Only these are sorted. */
export function topRanked(e: Evaluation, k: number): Ranked[] {
  const top: Ranked[] = []
  const worse = (a: Ranked, b: Ranked): boolean => a.score < b.score || (a.score === b.score && a.record > b.record)
  for (const record of e.matched) {
    const entry = { record, score: e.score[record]! }
    if (top.length === k && !worse(top[k - 1]!, entry)) continue
    let i = Math.min(top.length, k - 1)
    if (top.length < k) top.push(entry)
    while (i > 0 && worse(top[i - 1]!, entry)) {
      top[i] = top[i - 1]!
      i--
    }
    top[i] = entry
  }
  return top
}

export function docPasses(doc: StoredDoc, f: DocFilter): boolean {
  if (f.kinds.length > 0 && !f.kinds.includes(doc.kind)) return false
  if (f.excludedKinds.includes(doc.kind)) return false
  if (f.tags.length === 0 && f.excludedTags.length === 0) return true
  const tags = doc.tags.map(foldForCompare)
  return f.tags.every((t) => tags.includes(t)) && !f.excludedTags.some((t) => tags.includes(t))
}

function atomHas(atom: Atom, record: number): boolean {
  for (const alt of atom.alternatives) for (const f of atom.fields) if (alt.posting[f] && findSection(alt.posting[f]!, record) >= 0) return true
  return false
}

/** The text a field of a section indexed (positions point into it). */
export function fieldText(index: FrenchIndex, record: number, field: IndexField): string {
  return index.fieldText(record, field)
}

/** Verified phrase spans in one field of one section ([] if the requirement is not a phrase). */
export function phraseSpansIn(index: FrenchIndex, req: Requirement, record: number, field: IndexField, firstOnly = false): [number, number][] {
  if (!req.phrase) return []
  const lists: Positions[] = []
  for (const atom of req.atoms) {
    const positions = positionsIn(atom.alternatives[0]?.posting[field], record)
    if (!positions) return []
    lists.push(positions)
  }
  return phraseSpans(fieldText(index, record, field), req.phrase, lists, firstOnly)
}

/** Fields in the order a phrase is most likely to be found. */
const PHRASE_ORDER: readonly IndexField[] = ['body', 'headings', 'title', 'tags']

function requirementHolds(index: FrenchIndex, req: Requirement, record: number): boolean {
  if (!req.atoms.every((a) => atomHas(a, record))) return false
  if (!req.phrase) return true
  const fields = req.atoms[0]!.fields
  return PHRASE_ORDER.some((f) => fields.includes(f) && phraseSpansIn(index, req, record, f, true).length > 0)
}

const OWN_FIELDS: readonly IndexField[] = ['headings', 'body']

/**
 * Sections where every positive atom occurs (before phrases, filters and exclusions), and which of
 * them match through their own heading or text (`own`), not only their document's title or tags.
 */
function candidates(index: FrenchIndex, atoms: readonly Atom[]): { records: number[]; own: Uint8Array } {
  const own = new Uint8Array(index.size)
  if (atoms.length === 0) {
    // Filters only (« type:cas »): each document once, by its first section.
    const seen = new Set<number>()
    return { records: index.records.flatMap((r, i) => (seen.has(r.d) ? [] : (seen.add(r.d), [i]))), own }
  }
  const hits = new Uint16Array(index.size)
  atoms.forEach((atom, i) => {
    for (const alt of atom.alternatives) {
      for (const field of atom.fields) {
        const p = alt.posting[field]
        if (!p) continue
        const isOwn = OWN_FIELDS.includes(field)
        for (const r of p.sections) {
          if (hits[r] === i) hits[r] = i + 1
          if (isOwn && hits[r] === i + 1) own[r] = 1
        }
      }
    }
  })
  const records: number[] = []
  for (let r = 0; r < hits.length; r++) if (hits[r] === atoms.length) records.push(r)
  return { records, own }
}

/**
 * Title and tags are indexed in every section of a document, so that « framasoft association »
 * finds the section about the association in the document titled Framasoft. A section matched
 * only through them says nothing about itself: keep such sections only for documents with no
 * better one, and then only the first.
 */
function dropDocumentLevelDuplicates(index: FrenchIndex, records: readonly number[], own: Uint8Array, hasAtoms: boolean): number[] {
  if (!hasAtoms) return [...records]
  const docsWithOwn = new Set<number>()
  for (const r of records) if (own[r]) docsWithOwn.add(index.records[r]!.d)
  const seen = new Set<number>()
  return records.filter((r) => {
    if (own[r]) return true
    const d = index.records[r]!.d
    if (docsWithOwn.has(d) || seen.has(d)) return false
    seen.add(d)
    return true
  })
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
        const p = alt.posting[field]
        if (!p) continue
        const { sections, weights } = p
        for (let i = 0; i < sections.length; i++) {
          const r = sections[i]!
          if (!alive[r]) continue
          const w = weights[i]! * alt.weight
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

export function evaluate(index: FrenchIndex, q: CompiledQuery, queryFilter: DocFilter, facetFilter: DocFilter): Evaluation {
  const atoms = q.positive.flatMap((r) => r.atoms)
  if (q.emptied || atoms.some((a) => a.alternatives.length === 0)) return { matched: [], score: new Float64Array(0), facetDocs: [] }
  const phrases = q.positive.filter((r) => r.phrase)
  const negative = q.negative.filter((n) => n.atoms.length > 0)
  const { records, own } = candidates(index, atoms)
  const kept: number[] = []
  for (const r of records) {
    const doc = index.docs[index.records[r]!.d]!
    if (!docPasses(doc, queryFilter)) continue
    if (phrases.length > 0 && !phrases.every((p) => requirementHolds(index, p, r))) continue
    if (negative.length > 0 && negative.some((n) => requirementHolds(index, n, r))) continue
    kept.push(r)
  }
  const matched = dropDocumentLevelDuplicates(index, kept, own, atoms.length > 0)
  const facetDocs = [...new Set(matched.map((r) => index.records[r]!.d))]
  const survivors = matched.filter((r) => docPasses(index.docs[index.records[r]!.d]!, facetFilter))
  return { matched: survivors, score: scores(index, atoms, survivors), facetDocs }
}
