/**
 * The YAML front matter of an export: title, export date, app and version, scope and filters, count,
 * grouping and the file format's name (which the importer checks). Values are written as quoted
 * scalars or flow sequences of quoted scalars (see `yamlString`), so no title or filter text can
 * end the block or change its shape.
 */
import type { ColorId } from '../annotations/model'
import { yamlString } from './escape'
import type { ExportMeta, Grouping } from './types'

export const EXPORT_FORMAT_NAME = 'passerelles-notes/1'

export interface FrontMatterFacts {
  readonly meta: ExportMeta
  readonly count: number
  readonly grouping?: Grouping
  readonly colorLabels: Readonly<Record<ColorId, string>>
  /** Extra entries (handouts add the document and section). */
  readonly extra?: ReadonlyArray<readonly [string, string]>
  /** Defaults to EXPORT_FORMAT_NAME (what the importer accepts). */
  readonly formatName?: string
}

const list = (values: readonly string[]): string => `[${values.map(yamlString).join(', ')}]`

function scopeLines(meta: ExportMeta, colorLabels: Readonly<Record<ColorId, string>>): string[] {
  const scope = meta.scope
  switch (scope.kind) {
    case 'all':
      return ['scope: "all"']
    case 'document':
      return ['scope: "document"', `document: ${yamlString(scope.documentId)}`]
    case 'filter': {
      const f = scope.filter
      const lines = ['scope: "filter"']
      const entries: string[] = []
      if (f.documents?.length) entries.push(`  documents: ${list(f.documents)}`)
      if (f.colors?.length) {
        entries.push(`  colors: ${list(f.colors)}`)
        entries.push(`  labels: ${list(f.colors.map((c) => colorLabels[c]))}`)
      }
      if (f.tags?.length) entries.push(`  tags: ${list(f.tags)}`)
      if (f.text !== undefined && f.text !== '') entries.push(`  text: ${yamlString(f.text)}`)
      if (f.from) entries.push(`  from: ${yamlString(f.from)}`)
      if (f.to) entries.push(`  to: ${yamlString(f.to)}`)
      lines.push(entries.length ? 'filters:' : 'filters: {}', ...entries)
      return lines
    }
  }
}

export function frontMatterLines(facts: FrontMatterFacts): string[] {
  const { meta } = facts
  return [
    '---',
    `title: ${yamlString(meta.title)}`,
    `exported: ${yamlString(meta.exported)}`,
    `app: ${yamlString(meta.app.name)}`,
    `app_version: ${yamlString(meta.app.version)}`,
    ...scopeLines(meta, facts.colorLabels),
    ...(facts.extra ?? []).map(([k, v]) => `${k}: ${yamlString(v)}`),
    `count: ${facts.count}`,
    ...(facts.grouping ? [`grouping: ${yamlString(facts.grouping)}`] : []),
    `format: ${yamlString(facts.formatName ?? EXPORT_FORMAT_NAME)}`,
    '---',
  ]
}
