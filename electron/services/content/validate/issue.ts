/** What the content validator works on and what it reports. */
import type { ContentLibrary } from '../content-library'
import type { ParsedFile } from '../parse-document'

export const RULES = [
  'pack',
  'front-matter',
  'unique-id',
  'tags',
  'sources',
  'link',
  'footnote',
  'citation',
  'organisation',
  'workshop',
  'image',
  'typography',
  'target',
] as const
export type RuleName = (typeof RULES)[number]

/** One error: printed as `path:line: rule: message` (line omitted when the error is about a folder). */
export interface ValidationIssue {
  /** Content-relative path with forward slashes (`cas/mobicoop.md`), or the folder itself. */
  readonly path: string
  /** 1-based line in the file as it is on disk (front matter included). */
  readonly line: number | null
  readonly rule: RuleName
  readonly message: string
}

/** A Markdown file of the pack, read once, with its front matter parsed (or its problems). */
export interface PackFile {
  readonly path: string
  readonly source: string
  readonly parsed: ParsedFile
}

/** A file whose front matter is valid: the rules after `front-matter` look only at these. */
export type ValidFile = PackFile & { readonly parsed: Extract<ParsedFile, { ok: true }> }

export interface RuleContext {
  readonly contentDir: string
  readonly files: readonly PackFile[]
  readonly valid: readonly ValidFile[]
  /** The app's own library on the same folder: link resolution and rendering as the reader sees them. */
  readonly library: ContentLibrary
}

export type Rule = (ctx: RuleContext) => ValidationIssue[] | Promise<ValidationIssue[]>

export function formatIssue(i: ValidationIssue): string {
  return `${i.path}${i.line === null ? '' : `:${i.line}`}: ${i.rule}: ${i.message}`
}
