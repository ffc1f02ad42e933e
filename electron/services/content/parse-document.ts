/**
 * Reads one content file's front matter: YAML parse + schema validation, with line numbers in
 * errors ("cas/x.md:4: tags.2: …"). Never throws: problems come back as values.
 */
import { parseDocument as parseYaml, isMap, isScalar } from 'yaml'
import type { z } from 'zod'
import { FrontMatterSchema } from '../../shared/content/front-matter'
import type { FrontMatter } from '../../shared/content/front-matter'
import { splitFrontMatter } from '../../shared/markdown/front-matter-split'
import type { ContentProblem } from '../../shared/content/document'

export type ParsedFile =
  | { readonly ok: true; readonly meta: FrontMatter; readonly body: string; readonly bodyLine: number }
  | { readonly ok: false; readonly problems: ContentProblem[] }

/** 1-based line of a top-level key in the YAML (offset by the opening `---`), for error reports. */
function lineOfKey(yamlText: string, key: string | number | undefined): number | null {
  if (typeof key !== 'string') return null
  const idx = yamlText.split('\n').findIndex((l) => l.startsWith(`${key}:`))
  return idx < 0 ? null : idx + 2
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
        line: lineOfKey(split.yaml!, i.path[0] as string | number | undefined),
        message: `front matter ${i.path.length ? i.path.join('.') : ''}: ${i.message}`.replace(' : ', ': '),
      })),
    }
  }
  return { ok: true, meta: parsed.data, body: split.body, bodyLine: split.bodyLine }
}
