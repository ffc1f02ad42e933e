/** A benchmark document in the shape the index consumes: rendered text plus section map. */
import type { Section } from '../../../electron/shared/content/document'
import { slugify } from '../../../electron/shared/markdown/slug'
import type { IndexableDocument } from '../../../electron/services/search/build-index'

export type BenchDocument = IndexableDocument

/** Assembles text and section map the way the renderer's text map does (heading text, then body). */
export function assemble(id: string, title: string, kind: string, tags: readonly string[], intro: string, parts: readonly { title: string; body: string }[]): BenchDocument {
  let text = intro ? `${intro}\n` : ''
  const sections: Section[] = []
  if (intro) sections.push({ id: '', level: 0, title: '', start: 0, end: text.length })
  const used = new Set<string>()
  for (const p of parts) {
    let sid = slugify(p.title) || 'section'
    while (used.has(sid)) sid += '-2'
    used.add(sid)
    const start = text.length
    text += `${p.title}\n${p.body}\n`
    sections.push({ id: sid, level: 2, title: p.title, start, end: text.length })
  }
  return { id, title, kind, tags, text, sections }
}
