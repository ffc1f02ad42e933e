/**
 * Reads one content file's front matter: YAML parse + schema validation, with line numbers in
 * errors ("cas/x.md:4: tags.2: …"). Never throws: problems come back as values.
 */
import { parseDocument as parseYaml, isMap, isScalar } from 'yaml'
import type { Document } from 'yaml'
import type { z } from 'zod'
import { FrontMatterSchema } from '../../shared/content/front-matter'
import type { FrontMatter } from '../../shared/content/front-matter'
import { splitFrontMatter } from '../../shared/markdown/front-matter-split'
import type { ContentProblem } from '../../shared/content/document'
import { lineOfPath } from './yaml-lines'

export type ParsedFile =
  | {
      readonly ok: true
      readonly meta: FrontMatter
      readonly body: string
      readonly bodyLine: number
      /** The front matter's YAML text and parsed document (for line numbers of its values). */
      readonly yaml: string
      readonly yamlDoc: Document
    }
  | { readonly ok: false; readonly problems: ContentProblem[] }

/** The key a zod issue is about: for an unknown key, the key itself (so the line points at it). */
function issuePath(i: z.core.$ZodIssue): PropertyKey[] {
  return i.code === 'unrecognized_keys' && i.keys.length > 0 ? [...i.path, i.keys[0]!] : [...i.path]
}

export function parseContentFile(path: string, source: string): ParsedFile {
  const split = splitFrontMatter(source)
  if (split.yaml === null) {
    return { ok: false, problems: [{ path, line: 1, message: 'no front matter: the file must start with a --- YAML block' }] }
  }
  const doc = parseYaml(split.yaml, { prettyErrors: true, uniqueKeys: true })
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        path,
        line: e.linePos?.[0] ? e.linePos[0].line + 1 : 1,
        message: `broken front matter: ${e.message.split('\n')[0]}`,
      })),
    }
  }
  if (!isMap(doc.contents) && !(isScalar(doc.contents) && doc.contents.value === null)) {
    return { ok: false, problems: [{ path, line: 2, message: 'broken front matter: expected key: value pairs' }] }
  }
  const parsed = FrontMatterSchema.safeParse(doc.toJS() ?? {})
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i: z.core.$ZodIssue) => ({
        path,
        line: lineOfPath(doc, split.yaml!, issuePath(i)),
        message: `front matter ${i.path.length ? i.path.join('.') : ''}: ${i.message}`.replace(' : ', ': '),
      })),
    }
  }
  return { ok: true, meta: parsed.data, body: split.body, bodyLine: split.bodyLine, yaml: split.yaml, yamlDoc: doc }
}
