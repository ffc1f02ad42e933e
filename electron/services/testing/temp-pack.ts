/** Test helper: writes a small content pack (path → file text) into a fresh temp dir. */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export async function tempDir(prefix = 'passerelles-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix))
}

export async function writePack(files: Readonly<Record<string, string>>): Promise<string> {
  const dir = await tempDir('passerelles-pack-')
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true })
    await writeFile(join(dir, path), text)
  }
  return dir
}

/** A valid document's front matter + body; override fields as needed. */
export function doc(fields: Record<string, unknown>, body = 'Un paragraphe de texte.\n'): string {
  const fm: Record<string, unknown> = {
    title: 'Un document',
    kind: 'article',
    summary: 'Un résumé.',
    tags: ['ess'],
    date: '2026-11-28',
    authors: ['Équipe éditoriale Passerelles'],
    licence: 'CC-BY-SA-4.0',
    sources: [{ title: 'Source', url: 'https://example.org/' }],
    ...fields,
  }
  return `---\n${JSON.stringify(fm, null, 2)}\n---\n${body}`
}
