/** `sources`: the minimum number of sources per kind (a case study rests on at least two). */
import type { DocumentKind } from '../../../shared/content/front-matter'
import { lineOfPath } from '../yaml-lines'
import type { Rule } from './issue'

export const MIN_SOURCES: Readonly<Record<DocumentKind, number>> = { cas: 2, article: 1, cahier: 1, glossaire: 0 }

const KIND_LABEL: Readonly<Record<DocumentKind, string>> = { cas: 'a case study', article: 'an article', cahier: 'a cahier chapter', glossaire: 'the glossary' }

export const sourcesRule: Rule = ({ valid }) =>
  valid.flatMap((f) => {
    const { meta, yamlDoc, yaml } = f.parsed
    const min = MIN_SOURCES[meta.kind]
    if (meta.sources.length >= min) return []
    const message = `${meta.sources.length} source(s); ${KIND_LABEL[meta.kind]} needs at least ${min}`
    return [{ path: f.path, line: lineOfPath(yamlDoc, yaml, ['sources']) ?? 1, rule: 'sources' as const, message }]
  })
