/**
 * The content library: reads a content pack (Markdown + YAML front matter), lists its documents and
 * renders one on demand. Broken files are kept as `problems` (shown in « À propos », printed by the
 * CLI), never silently dropped and never fatal for the rest of the pack.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { compareForLibrary, countWords, WORDS_PER_MINUTE } from '../../shared/content/document'
import type { ContentProblem, PackSummary, RenderedDocument } from '../../shared/content/document'
import type { FrontMatter } from '../../shared/content/front-matter'
import type { Glossary } from '../../shared/content/glossary'
import { AppFailure } from '../../shared/result'
import { parseContentFile } from './parse-document'
import { renderBody } from './render-document'
import { lineOfPath } from './yaml-lines'
import { listMarkdownFiles } from './list-files'
import { extractGlossaryTerms } from './glossary-terms'
import type { Logger } from '../platform/log'

interface Entry {
  readonly summary: PackSummary
  readonly meta: FrontMatter
  readonly body: string
}

export interface ContentLibrary {
  readonly contentDir: string
  list(): readonly PackSummary[]
  problems(): readonly ContentProblem[]
  /** Throws AppFailure('not-found') for an unknown id. */
  get(id: string): RenderedDocument
  /** The raw Markdown body and its front matter (for the validator and exporters). */
  source(id: string): { readonly meta: FrontMatter; readonly body: string; readonly path: string }
  idForPath(path: string): string | undefined
  /** The glossary's terms and definitions (from the first `glossaire` document), computed once. */
  glossary(): Glossary
}

/** Approximate prose word count from Markdown (link targets, tags and footnote markers left out). */
function proseWords(body: string): number {
  return countWords(
    body
      .replace(/\]\([^)]*\)/g, ']')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\[\^[^\]]+\]/g, ' '),
  )
}

export async function createContentLibrary(options: { contentDir: string; log: Logger }): Promise<ContentLibrary> {
  const { contentDir, log } = options
  const entries = new Map<string, Entry>()
  const byPath = new Map<string, string>()
  const problems: ContentProblem[] = []

  let files: string[] = []
  try {
    files = await listMarkdownFiles(contentDir)
  } catch (e) {
    problems.push({ path: '.', line: null, message: `cannot read the content folder ${contentDir}: ${(e as Error).message}` })
  }
  for (const path of files) {
    const bytes = await readFile(join(contentDir, path))
    const parsed = parseContentFile(path, bytes.toString('utf8'))
    if (!parsed.ok) {
      problems.push(...parsed.problems)
      continue
    }
    const { meta, body } = parsed
    if (entries.has(meta.id)) {
      problems.push({ path, line: lineOfPath(parsed.yamlDoc, parsed.yaml, ['id']), message: `duplicate id "${meta.id}" (already used by ${entries.get(meta.id)!.summary.path})` })
      continue
    }
    const words = proseWords(body)
    const summary: PackSummary = {
      id: meta.id,
      title: meta.title,
      kind: meta.kind,
      order: meta.order ?? null,
      summary: meta.summary,
      tags: meta.tags,
      date: meta.date,
      wordCount: words,
      readingMinutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)),
      path,
      hash: createHash('sha256').update(bytes).digest('hex'),
    }
    entries.set(meta.id, { summary, meta, body })
    byPath.set(path, meta.id)
  }
  for (const p of problems) log.warn(`content: ${p.path}${p.line ? `:${p.line}` : ''}: ${p.message}`)

  const list = [...entries.values()].map((e) => e.summary).sort(compareForLibrary)
  const idForPath = (p: string): string | undefined => byPath.get(p)
  /** Rendered documents keyed by content hash: reopening a document costs a map lookup. */
  const rendered = new Map<string, RenderedDocument>()
  let glossary: Glossary | null = null

  function entry(id: string): Entry {
    const e = entries.get(id)
    if (!e) throw new AppFailure('not-found', `No document with id "${id}".`)
    return e
  }

  function render(id: string): RenderedDocument {
    const e = entry(id)
    const cached = rendered.get(e.summary.hash)
    if (cached) return cached
    const body = renderBody(e.body, { path: e.summary.path, idForPath })
    const doc: RenderedDocument = { summary: e.summary, meta: e.meta, ...body }
    rendered.set(e.summary.hash, doc)
    return doc
  }

  return {
    contentDir,
    list: () => list,
    problems: () => problems,
    idForPath,
    source(id) {
      const e = entry(id)
      return { meta: e.meta, body: e.body, path: e.summary.path }
    },
    glossary() {
      if (glossary) return glossary
      const doc = list.find((d) => d.kind === 'glossaire')
      glossary = doc ? { docId: doc.id, terms: extractGlossaryTerms(render(doc.id)) } : { docId: null, terms: [] }
      return glossary
    },
    get: render,
  }
}
