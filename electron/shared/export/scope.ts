/**
 * Chooses the annotations an export covers: one document, all, or the « current filter », with
 * the same meaning as the side panel's and the notes view's (annotations/filter.ts). Shared by the
 * dialog's live preview, the service and the CLI (`--doc`, `--tag`, `--label`), so all three pick
 * the same annotations.
 */
import { compileFilter } from '../annotations/filter'
import type { Annotation, ColorLabels } from '../annotations/model'
import type { AnnotationFilter, ExportScope } from './types'

/** `labels` resolve `couleur:` words of the text. */
export function matchesFilter(a: Annotation, f: AnnotationFilter, labels: ColorLabels): boolean {
  return compileFilter(f, labels)({ annotation: a })
}

export function applyScope(annotations: readonly Annotation[], scope: ExportScope, labels: ColorLabels): Annotation[] {
  switch (scope.kind) {
    case 'all':
      return [...annotations]
    case 'document':
      return annotations.filter((a) => a.document === scope.documentId)
    case 'filter': {
      const matches = compileFilter(scope.filter, labels)
      return annotations.filter((annotation) => matches({ annotation }))
    }
  }
}
