/**
 * Tags as people type them, made into the tags the store keeps. The store's rule (TagSchema in
 * model.ts) is one token per tag: letters of any script, digits, emoji, `_` and `-`, with `/` for
 * nested tags (`terrain/asso`, as Obsidian writes them). What people type is turned into that form
 * where the intent is clear, and refused with a reason where it is not:
 *
 *   `#terrain`               → `terrain`          (a leading # is how Obsidian and Hypothesis users write tags)
 *   `logiciel libre`         → `logiciel-libre`   (inner spaces become one dash)
 *   `Économie_Sociale`       → `Économie_Sociale` (case and accents kept; NFC)
 *   `a/b`, `#a/b/`           → `a/b`              (nesting kept, empty levels dropped)
 *   `🌱`, `terrain🌱`         → kept as typed
 *   `«terrain»`, `a.b`, `?`  → refused: `bad-char` (the UI names the character)
 *
 * `parseTagInput` splits a field on commas and semicolons, and on spaces before a `#`
 * (`#a #b` is two tags, as in Obsidian). Pure: the editor, the CLI and imports share it.
 */

export type TagProblem = 'empty' | 'too-long' | 'bad-char'

export const MAX_TAG_LENGTH = 64

/** One level of a tag: starts with a letter, digit or emoji; then also marks, `_`, `-`, emoji joiners. */
const LEVEL = String.raw`[\p{L}\p{N}\p{Extended_Pictographic}](?:[\p{L}\p{M}\p{N}\p{Extended_Pictographic}_-]|\u200d|\ufe0f)*`
/** The whole stored form: levels joined by `/`. TagSchema uses it. */
export const TAG_PATTERN = new RegExp(`^${LEVEL}(?:/${LEVEL})*$`, 'u')
const ALLOWED_CHAR = /^(?:[\p{L}\p{M}\p{N}\p{Extended_Pictographic}_/-]|\u200d|\ufe0f)+$/u

export type NormalizedTag = { readonly ok: true; readonly tag: string } | { readonly ok: false; readonly raw: string; readonly problem: TagProblem; readonly char?: string }

export function normalizeTag(raw: string): NormalizedTag {
  const tag = raw
    .normalize('NFC')
    .trim()
    .replace(/^#+/u, '')
    .replace(/\s+/gu, '-')
    .split('/')
    .map((level) => level.replace(/^[-_]+|[-_]+$/gu, ''))
    .filter(Boolean)
    .join('/')
  if (tag === '') return { ok: false, raw, problem: 'empty' }
  if ([...tag].length > MAX_TAG_LENGTH) return { ok: false, raw, problem: 'too-long' }
  if (!TAG_PATTERN.test(tag)) {
    const char = [...tag].find((c) => !ALLOWED_CHAR.test(c))
    return { ok: false, raw, problem: 'bad-char', ...(char ? { char } : {}) }
  }
  return { ok: true, tag }
}

export interface ParsedTags {
  /** Normalised, without duplicates, in the order typed. */
  readonly tags: readonly string[]
  readonly problems: readonly Extract<NormalizedTag, { ok: false }>[]
}

export function parseTagInput(input: string): ParsedTags {
  const parts = input.split(/[,;]|\s+(?=#)/u).filter((p) => p.trim() !== '')
  const tags: string[] = []
  const problems: Extract<NormalizedTag, { ok: false }>[] = []
  for (const p of parts) {
    const n = normalizeTag(p)
    if (!n.ok) problems.push(n)
    else if (!tags.includes(n.tag)) tags.push(n.tag)
  }
  return { tags, problems }
}
