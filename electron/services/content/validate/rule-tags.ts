/** `tags`: every tag comes from the controlled vocabulary (listed in content/README.md). */
import { TAG_VOCABULARY } from '../../../shared/content/front-matter'
import { lineOfPath } from '../yaml-lines'
import type { Rule } from './issue'

const VOCABULARY: ReadonlySet<string> = new Set(TAG_VOCABULARY)

export const tagsRule: Rule = ({ valid }) =>
  valid.flatMap((f) => {
    const { meta, yamlDoc, yaml } = f.parsed
    return meta.tags.flatMap((tag, i) =>
      VOCABULARY.has(tag)
        ? []
        : [{ path: f.path, line: lineOfPath(yamlDoc, yaml, ['tags', i]) ?? 1, rule: 'tags' as const, message: `"${tag}" is not in the tag vocabulary (content/README.md)` }],
    )
  })
