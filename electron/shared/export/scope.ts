/**
 * Chooses the annotations an export covers: one document, all, or the « current filter » (see
 * AnnotationFilterSchema for its semantics). Shared by the dialog's live preview, the service and
 * the CLI (`--doc`, `--tag`, `--label`), so all three pick the same annotations.
 */
import { COLOR_IDS } from '../annotations/model'
import type { Annotation, ColorId } from '../annotations/model'
import { foldAccents } from '../markdown/slug'
import type { AnnotationFilter, ExportScope } from './types'

const fold = (s: string): string => foldAccents(s).toLowerCase()

export function matchesFilter(a: Annotation, f: AnnotationFilter): boolean {
  if (f.documents?.length && !f.documents.includes(a.document)) return false
  if (f.colors?.length && !f.colors.includes(a.body.color)) return false
  if (f.tags?.length && !f.tags.some((t) => a.body.tags.includes(t))) return false
  const day = a.created.slice(0, 10)
  if (f.from && day < f.from) return false
  if (f.to && day > f.to) return false
  if (f.text !== undefined && f.text.trim() !== '') {
    const needle = fold(f.text.trim())
    const hay = fold([a.target?.selector[0].exact ?? '', a.body.note, ...a.body.tags].join('\n'))
    if (!hay.includes(needle)) return false
  }
  return true
}

export function applyScope(annotations: readonly Annotation[], scope: ExportScope): Annotation[] {
  switch (scope.kind) {
    case 'all':
      return [...annotations]
    case 'document':
      return annotations.filter((a) => a.document === scope.documentId)
    case 'filter':
      return annotations.filter((a) => matchesFilter(a, scope.filter))
  }
}

/**
 * Resolves what a user typed for a colour (`--label Question`, `--label blue`) to a colour id:
 * a colour id, or a label matched ignoring case and accents. Undefined when nothing matches.
 */
export function resolveColor(text: string, labels: Readonly<Record<ColorId, string>>): ColorId | undefined {
  const t = fold(text.trim())
  return COLOR_IDS.find((c) => c === t) ?? COLOR_IDS.find((c) => fold(labels[c]) === t)
}
