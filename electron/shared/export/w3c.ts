/**
 * The « JSON W3C » export format: the annotation codec's collection (shared/annotations/w3c/),
 * with the export's title, the labels as the export shows them and each passage's anchoring state.
 * Importing it back (`annotations import`, read.ts) restores the identical store.
 */
import { renderW3cCollection } from '../annotations/w3c/write'
import { answersJson } from './answers'
import { colorLabel, stateOf } from './group'
import { exportStrings } from './strings'
import type { ExportInput, ExportOptions, ExportPlugin, ExportResult } from './types'

export function renderW3C(input: ExportInput, options: ExportOptions): { content: string; count: number } {
  const strings = exportStrings(options.language)
  return renderW3cCollection({
    annotations: input.annotations,
    colorLabels: input.colorLabels,
    title: input.meta.title,
    generated: input.meta.exported,
    labelOf: (color) => colorLabel(input, color, strings),
    stateOf: (a) => stateOf(a, input.states),
    ...(input.answers ? { extra: { workshopAnswers: answersJson(input.answers) } } : {}),
  })
}

export const w3cPlugin: ExportPlugin = {
  format: 'json',
  extension: '.json',
  mediaType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
  export(input, options): ExportResult {
    const { content, count } = renderW3C(input, options)
    return { format: 'json', extension: '.json', mediaType: this.mediaType, content, count, answers: input.answers?.length ?? 0 }
  },
}
