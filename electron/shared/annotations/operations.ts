/**
 * Pure transformations of one annotation: make one from a selection, edit its body, point it at a
 * new passage (confirming a fuzzy match, re-attaching an orphan), refresh its selectors after an
 * automatic re-anchoring, turn it into a document-level note. The service supplies ids and time.
 */
import { AnnotationSchema } from './model'
import type { Annotation, AnnotationBody, AnnotationTarget, ColorId } from './model'
import { buildSelectors } from './selectors'

/** The current text of a document and its version (content hash). */
export interface DocText {
  readonly version: string
  readonly text: string
}

export type Made = { readonly ok: true; readonly annotation: Annotation } | { readonly ok: false; readonly message: string }

function targetAt(docId: string, doc: DocText, start: number, end: number): { ok: true; target: AnnotationTarget } | { ok: false; message: string } {
  const built = buildSelectors(doc.text, start, end)
  if (!built.ok) return built
  return { ok: true, target: { source: docId, docVersion: doc.version, selector: [built.selectors[0], built.selectors[1]] } }
}

function checked(candidate: Annotation): Made {
  const parsed = AnnotationSchema.safeParse(candidate)
  if (parsed.success) return { ok: true, annotation: parsed.data }
  return { ok: false, message: parsed.error.issues.map((i) => `${i.path.join('.') || '(annotation)'}: ${i.message}`).join('; ') }
}

export interface NewAnnotation {
  readonly id: string
  readonly now: string
  readonly docId: string
  readonly doc: DocText
  readonly start: number
  readonly end: number
  readonly color: ColorId
  readonly note?: string
  readonly tags?: readonly string[]
}

export function newAnnotation(input: NewAnnotation): Made {
  const t = targetAt(input.docId, input.doc, input.start, input.end)
  if (!t.ok) return t
  return checked({
    id: input.id,
    type: 'Annotation',
    created: input.now,
    modified: input.now,
    body: { note: input.note ?? '', tags: [...(input.tags ?? [])], color: input.color },
    target: t.target,
    document: input.docId,
  })
}

export function edited(a: Annotation, patch: Partial<AnnotationBody>, now: string): Made {
  return checked({ ...a, modified: now, body: { ...a.body, ...patch } })
}

/** Points the annotation at [start, end) of the current text (note, tags and colour kept). */
export function retargeted(a: Annotation, doc: DocText, start: number, end: number, now: string): Made {
  const t = targetAt(a.document, doc, start, end)
  if (!t.ok) return t
  const { detachedQuote: _gone, ...rest } = a
  return checked({ ...rest, modified: now, target: t.target })
}

/**
 * After an automatic `anchored`/`moved` result: the same passage, fresh selectors for the current
 * version. `modified` is left alone: the reader changed nothing.
 */
export function refreshed(a: Annotation, doc: DocText, start: number, end: number): Made {
  const t = targetAt(a.document, doc, start, end)
  if (!t.ok) return t
  return checked({ ...a, target: t.target })
}

/** Keeps an orphan (or any annotation) as a note on the whole document, remembering its quote. */
export function detached(a: Annotation, now: string): Made {
  if (!a.target) return { ok: true, annotation: a }
  return checked({ ...a, modified: now, target: null, detachedQuote: a.target.selector[0].exact })
}
