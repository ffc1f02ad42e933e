/**
 * Reads a Markdown export back into the annotations it carries (its data block, or the per-annotation
 * data comments of older files), exactly as
 * they were exported: ids, quotes and selectors, notes, tags, colours, dates. The visible text is
 * for people; the comments are the data. All or nothing: one unreadable comment, a duplicated id
 * or a file from another program is an error value naming the line, and nothing is imported.
 *
 * Only data comments that are top-level HTML blocks count: a comment-looking line inside a fenced
 * code block or inside another HTML comment (a user's own edits) is ignored, and user text inside
 * an export can never produce one (notes and quotes live in `> ` containers with `<` escaped).
 */
import type { Annotation } from '../annotations/model'
import { splitFrontMatter } from '../markdown/front-matter-split'
import { err, ok } from '../result'
import type { Result } from '../result'
import { decodeDataBlock, decodeDataComment, isDataBlockStart, isDataCommentLine } from './data-comment'
import { EXPORT_FORMAT_NAME } from './front-matter'

export interface MarkdownImport {
  readonly annotations: readonly Annotation[]
  /** The `count` the front matter announced, or null if absent. */
  readonly announcedCount: number | null
  /** Things worth telling the user that do not prevent the import. */
  readonly warnings: readonly string[]
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/

function frontMatterValue(yaml: string, key: string): string | null {
  const m = new RegExp(`^${key}:[ \\t]*(.*)$`, 'm').exec(yaml)
  if (!m) return null
  return m[1]!.trim().replace(/^["']|["']$/g, '')
}

export function importMarkdown(source: string): Result<MarkdownImport> {
  const { yaml, body, bodyLine } = splitFrontMatter(source.replace(/\r\n?/g, '\n'))
  const warnings: string[] = []
  let announcedCount: number | null = null
  if (yaml !== null) {
    const format = frontMatterValue(yaml, 'format')
    if (format !== null && format !== EXPORT_FORMAT_NAME) {
      return err('corrupt', `this file says it is in the format "${format}", not "${EXPORT_FORMAT_NAME}"`)
    }
    const count = frontMatterValue(yaml, 'count')
    if (count !== null && /^\d+$/.test(count)) announcedCount = Number(count)
  }

  const annotations: Annotation[] = []
  const lineOf = new Map<string, number>()
  let fence: { char: string; length: number } | null = null
  let inComment = false
  const lines = body.split('\n')
  /** Adds one decoded annotation; the error message when its id was already read. */
  const add = (annotation: Annotation, at: number): string | null => {
    const previous = lineOf.get(annotation.id)
    if (previous !== undefined) return `line ${at}: annotation ${annotation.id} already appears on line ${previous}`
    lineOf.set(annotation.id, at)
    annotations.push(annotation)
    return null
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const lineNo = bodyLine + i
    if (fence) {
      const close = FENCE.exec(line)
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length && line.trim() === close[1]) fence = null
      continue
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false
      continue
    }
    const open = FENCE.exec(line)
    if (open) {
      fence = { char: open[1]![0]!, length: open[1]!.length }
      continue
    }
    if (isDataBlockStart(line)) {
      const block = decodeDataBlock(lines, i)
      if (!block.ok) return err('corrupt', `line ${bodyLine + block.line}: ${block.reason}`)
      for (const item of block.annotations) {
        const problem = add(item.annotation, bodyLine + item.line)
        if (problem) return err('corrupt', problem)
      }
      i += block.lines - 1
      continue
    }
    if (isDataCommentLine(line)) {
      const decoded = decodeDataComment(line)
      if (!decoded.ok) return err('corrupt', `line ${lineNo}: the annotation data cannot be imported: ${decoded.reason}`)
      const problem = add(decoded.annotation, lineNo)
      if (problem) return err('corrupt', problem)
      continue
    }
    if (line.startsWith('<!--') && !line.includes('-->')) inComment = true
  }

  if (annotations.length === 0) {
    return err('corrupt', 'this file holds no annotation data (it was not exported by Passerelles, or without the data for re-import)')
  }
  if (announcedCount !== null && announcedCount !== annotations.length) {
    warnings.push(`the file announces ${announcedCount} annotations but holds ${annotations.length} (it may have been edited)`)
  }
  return ok({ annotations, announcedCount, warnings })
}
