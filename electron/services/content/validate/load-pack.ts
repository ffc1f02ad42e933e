/** Reads every document file of a pack (the same files the library reads) and parses its front matter. */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { listMarkdownFiles as markdownFiles } from '../list-files'
import { parseContentFile } from '../parse-document'
import type { PackFile, ValidationIssue } from './issue'

export async function loadPack(contentDir: string): Promise<{ files: PackFile[]; issues: ValidationIssue[] }> {
  let paths: string[]
  try {
    paths = await markdownFiles(contentDir)
  } catch (e) {
    return { files: [], issues: [{ path: contentDir, line: null, rule: 'pack', message: `cannot read the content folder: ${(e as Error).message}` }] }
  }
  const files: PackFile[] = []
  for (const path of paths) {
    const source = (await readFile(join(contentDir, path))).toString('utf8')
    files.push({ path, source, parsed: parseContentFile(path, source) })
  }
  const issues: ValidationIssue[] =
    files.length === 0 ? [{ path: contentDir, line: null, rule: 'pack', message: 'no Markdown document found in the content folder' }] : []
  return { files, issues }
}
