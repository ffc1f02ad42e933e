/**
 * Test and benchmark helper: a document in the shape the search index consumes (rendered text plus
 * section map), assembled the way the renderer's text map lays it out (heading text, then body).
 */
import type { Section } from '../../shared/content/document'
import { slugify } from '../../shared/markdown/slug'
import type { IndexableDocument } from '../search/build-index'

export interface DocParts {
  readonly kind?: string
  readonly tags?: readonly string[]
  /** Text before the first heading. */
  readonly intro?: string
  /** `##` sections, in order. */
  readonly sections?: readonly { readonly title: string; readonly body: string; readonly level?: number }[]
}

export function indexableDoc(id: string, title: string, parts: DocParts = {}): IndexableDocument {
  const intro = parts.intro ?? ''
  let text = intro ? `${intro}\n` : ''
  const sections: Section[] = []
  if (intro) sections.push({ id: '', level: 0, title: '', start: 0, end: text.length })
  const used = new Set<string>()
  for (const p of parts.sections ?? []) {
    let sid = slugify(p.title) || 'section'
    while (used.has(sid)) sid += '-2'
    used.add(sid)
    const start = text.length
    text += `${p.title}\n${p.body}\n`
    sections.push({ id: sid, level: p.level ?? 2, title: p.title, start, end: text.length })
  }
  return { id, title, kind: parts.kind ?? 'article', tags: parts.tags ?? ['ess'], text, sections }
}
