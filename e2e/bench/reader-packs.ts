/**
 * Content packs for the reader benchmark: the shipped pack plus one 15,000-word document stitched
 * from the cahier's chapters (footnotes renamed per chapter, so every note stays distinct), and a
 * generated pack of 500 documents with varied kinds, tags, titles and summaries.
 */
import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { tempDir, doc } from '../../electron/services/testing/temp-pack'
import { splitFrontMatter } from '../../electron/shared/markdown/front-matter-split'
import { countWords } from '../../electron/shared/content/document'
import { TAG_VOCABULARY } from '../../electron/shared/content/front-matter'

export const LONG_ID = 'bench-long-document'

/** The shipped pack plus `cahier/zz-bench-long.md` (≥ 15,000 words); returns the pack dir and its word count. */
export async function packWithLongDocument(shippedDir: string): Promise<{ dir: string; words: number }> {
  const dir = await tempDir('passerelles-bench-long-')
  await cp(shippedDir, dir, { recursive: true })
  const chapters = (await readdir(join(shippedDir, 'cahier'))).filter((f) => f.endsWith('.md')).sort()
  const parts: string[] = []
  let words = 0
  for (let round = 0; words < 15_000; round++) {
    for (const file of chapters) {
      if (words >= 15_000) break
      const body = splitFrontMatter(await readFile(join(shippedDir, 'cahier', file), 'utf8')).body
      const prefix = `r${round}${file.slice(0, 2)}`
      const renamed = body.replace(/\[\^([^\]]+)\]/g, (_m, label: string) => `[^${prefix}-${label}]`).replace(/^## (.+)$/gm, `## $1 (${prefix})`)
      parts.push(renamed)
      words += countWords(renamed.replace(/\]\([^)]*\)/g, ']'))
    }
  }
  await writeFile(
    join(dir, 'cahier', 'zz-bench-long.md'),
    doc({ id: LONG_ID, kind: 'article', title: 'Un très long document', summary: 'Les chapitres du cahier mis bout à bout.', tags: ['ess'] }, parts.join('\n\n')),
  )
  return { dir, words }
}

const WORDS = ['coopérative', 'communs', 'logiciel', 'libre', 'association', 'mutualisation', 'gouvernance', 'territoire', 'hébergement', 'données', 'éducation', 'financement', 'plateforme', 'solidarité', 'énergie', 'mobilité', 'alimentation', 'licence', 'souveraineté', 'bénévolat']

function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length]!
}

/** 500 documents: 20 chapters, 240 articles, 239 case studies and a glossary. */
export async function generatedPack(count = 500): Promise<string> {
  const files: Record<string, string> = {}
  for (let i = 0; i < count; i++) {
    const kind = i === count - 1 ? 'glossaire' : i < 20 ? 'cahier' : i % 2 === 0 ? 'article' : 'cas'
    const w1 = pick(WORDS, i * 7)
    const w2 = pick(WORDS, i * 13 + 3)
    const fields: Record<string, unknown> = {
      id: `gen-${kind}-${i}`,
      kind,
      title: `${w1[0]!.toUpperCase()}${w1.slice(1)} et ${w2} : étude n° ${i}`,
      summary: `Ce document ${i} examine la ${w1} au regard de la ${w2}, avec des exemples tirés de l’économie sociale et solidaire et du logiciel libre.`,
      tags: [pick(TAG_VOCABULARY, i), pick(TAG_VOCABULARY, i * 5 + 1), pick(TAG_VOCABULARY, i * 11 + 2)].filter((t, k, all) => all.indexOf(t) === k),
    }
    if (kind === 'cahier') fields.order = i + 1
    if (kind === 'cas') fields.organisation = { name: `Structure ${i}`, legalForm: 'SCIC', founded: '2010', website: 'https://example.org' }
    files[`${kind}/${i}.md`] = doc(fields, `## ${w1}\n\nUn paragraphe sur la ${w1} et la ${w2}.\n`)
  }
  const dir = await tempDir('passerelles-bench-500-')
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir, path.split('/')[0]!), { recursive: true })
    await writeFile(join(dir, path), text)
  }
  return dir
}
