/** Splits a Markdown file into its YAML front matter and body, keeping line numbers for errors. */

export interface SplitDocument {
  /** The YAML text between the `---` fences, or null when the file has none. */
  readonly yaml: string | null
  readonly body: string
  /** 1-based line number of the first body line in the file. */
  readonly bodyLine: number
}

export function splitFrontMatter(source: string): SplitDocument {
  const text = source.replace(/^\uFEFF/, '')
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text)
  if (!m) return { yaml: null, body: text, bodyLine: 1 }
  const consumed = m[0]
  return { yaml: m[1]!, body: text.slice(consumed.length), bodyLine: consumed.split('\n').length }
}
