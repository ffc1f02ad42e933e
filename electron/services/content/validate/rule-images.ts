/** `image`: every image is a file of the pack (the app never loads remote images). */
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { referencesOf } from './references'
import type { Rule, ValidationIssue } from './issue'

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

export const imagesRule: Rule = async ({ valid, library, contentDir }) => {
  const issues: ValidationIssue[] = []
  for (const f of valid) {
    for (const img of referencesOf(f, library.idForPath).images) {
      const base = { path: f.path, line: img.line, rule: 'image' as const }
      if (img.path === null) {
        const remote = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(img.raw.trim())
        issues.push({ ...base, message: remote ? `remote image "${img.raw}": images must be files of the pack` : `image "${img.raw}" points outside the pack` })
      } else if (!(await isFile(join(contentDir, img.path)))) {
        issues.push({ ...base, message: `image "${img.raw}" not found (${img.path})` })
      }
    }
  }
  return issues
}
