/**
 * Glossary terms and where they occur in a document's text. The glossary is the `glossaire` document
 * (one `##` heading per term, its definition below); the content library extracts the terms, the
 * reader marks the first occurrence of each term per section. Matching is pure text work on
 * `RenderedDocument.text`, so it never depends on the DOM and never changes the text.
 */
import type { Section } from './document'
import { typographicPattern } from '../text/fold'

export interface GlossaryTerm {
  /** The term's heading id in the glossary document (its anchor). */
  readonly id: string
  /** The term as written in its heading (« Économie sociale », « SCIC »). */
  readonly term: string
  /** The definition as plain text (footnote markers left out). */
  readonly definition: string
}

export interface Glossary {
  /** The glossary document's id, or null when the pack has no glossary. */
  readonly docId: string | null
  readonly terms: readonly GlossaryTerm[]
}

export interface TermOccurrence {
  readonly termId: string
  /** Offsets into the document text. */
  readonly start: number
  readonly end: number
  /** Index into the document's section list. */
  readonly section: number
}

const LETTER = '\\p{L}\\p{N}'

/** An acronym (« ESS », « SCIC », « CC BY-SA ») is matched case-sensitively; other terms are not. */
export function isAcronym(term: string): boolean {
  const letters = term.replace(/[^\p{L}]/gu, '')
  return letters.length >= 2 && letters === letters.toUpperCase()
}

/**
 * The pattern for one term: the glossary profile of the table of typographic equivalences
 * (text/fold.ts: any run of spaces, any apostrophe or dash, « oe » for « œ »), an optional plural
 * s/x on the last word. Accents stay significant (the pack is typeset); an acronym keeps its case.
 */
function termPattern(term: string): string {
  const body = typographicPattern(term)
  return isAcronym(term) ? body : `${body}[sx]?`
}

export interface TermMatcher {
  /** Every occurrence of every term in `text`, in text order, with its section. */
  occurrences(text: string, sections: readonly Section[]): TermOccurrence[]
}

/**
 * Compiles the glossary into two regular expressions (acronyms case-sensitive, the rest
 * case-insensitive), longest terms first so « Communs numériques » wins over « Commun ».
 */
export function compileGlossary(terms: readonly GlossaryTerm[]): TermMatcher {
  const byLength = [...terms].sort((a, b) => b.term.length - a.term.length)
  const build = (group: GlossaryTerm[], flags: string): { re: RegExp; ids: string[] } | null => {
    if (group.length === 0) return null
    const alternation = group.map((t) => `(${termPattern(t.term)})`).join('|')
    return { re: new RegExp(`(?<![${LETTER}])(?:${alternation})(?![${LETTER}])`, flags), ids: group.map((t) => t.id) }
  }
  const matchers = [build(byLength.filter((t) => isAcronym(t.term)), 'gu'), build(byLength.filter((t) => !isAcronym(t.term)), 'giu')].filter(
    (m): m is { re: RegExp; ids: string[] } => m !== null,
  )
  return {
    occurrences(text, sections) {
      const found: { termId: string; start: number; end: number }[] = []
      for (const { re, ids } of matchers) {
        re.lastIndex = 0
        for (const m of text.matchAll(re)) {
          const group = m.slice(1).findIndex((g) => g !== undefined)
          found.push({ termId: ids[group]!, start: m.index, end: m.index + m[0].length })
        }
      }
      found.sort((a, b) => a.start - b.start || b.end - a.end)
      // Drop matches that overlap an earlier (or longer) one: « ESS » inside a longer term.
      const kept: TermOccurrence[] = []
      let s = 0
      let lastEnd = -1
      for (const f of found) {
        if (f.start < lastEnd) continue
        while (s < sections.length - 1 && sections[s]!.end <= f.start) s++
        kept.push({ ...f, section: s })
        lastEnd = f.end
      }
      return kept
    },
  }
}
