/** Benchmark data: many annotations on the shipped corpus, written as one compacted snapshot. */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createContentLibrary } from '../../electron/services/content/content-library'
import { serializeSnapshot } from '../../electron/services/annotations/snapshot'
import { memoryLogger } from '../../electron/services/platform/log'
import { tempDir } from '../../electron/services/testing/temp-pack'
import { prng, sampleAnnotation } from '../../electron/services/testing/annotations'
import { DEFAULT_COLOR_LABELS } from '../../electron/shared/annotations/model'
import type { Annotation } from '../../electron/shared/annotations/model'

export const CONTENT = join(__dirname, '..', '..', 'content')

/** `n` annotations spread over every document of the corpus (seeded: the same ones every run). */
export async function annotatedDataDir(n: number): Promise<{ dataDir: string; annotations: Annotation[]; bytes: number }> {
  const library = await createContentLibrary({ contentDir: CONTENT, log: memoryLogger() })
  const docs = library.list().map((d) => library.get(d.id))
  const rnd = prng(42)
  const annotations = Array.from({ length: n }, (_, i) => {
    const d = docs[i % docs.length]!
    const day = String(1 + (i % 28)).padStart(2, '0')
    return sampleAnnotation(rnd, { docId: d.summary.id, text: d.text, version: d.summary.hash, now: `2026-11-${day}T10:00:00.000Z` })
  })
  const dataDir = await tempDir('passerelles-bench-')
  const text = serializeSnapshot(1, DEFAULT_COLOR_LABELS, annotations)
  await writeFile(join(dataDir, 'annotations.json'), text)
  return { dataDir, annotations, bytes: Buffer.byteLength(text) }
}
