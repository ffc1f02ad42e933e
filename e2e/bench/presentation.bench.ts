/**
 * Presentation: how long « Présenter » takes before the first slide can show (blocks from the DOM,
 * split, slide HTML), for the longest shipped document and for every section of the pack, and the
 * size of an exported deck. No target is set by issue 8; these are the figures to watch.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createContentLibrary } from '../../electron/services/content/content-library'
import { memoryLogger } from '../../electron/services/platform/log'
import { fixedClock } from '../../electron/services/platform/clock'
import { createDeckBuilder } from '../../electron/services/presentation/deck-builder'
import { deckHtml } from '../../electron/services/presentation/export-deck'
import { saveAs } from '../../electron/services/platform/save-as'
import { presentableSections } from '../../electron/shared/presentation/spans'
import type { BenchResult } from './types'

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

export async function run(): Promise<BenchResult[]> {
  const contentDir = resolve(__dirname, '..', '..', 'content')
  const library = await createContentLibrary({ contentDir, log: memoryLogger() })
  const docs = library.list()
  const longest = [...docs].sort((a, b) => b.wordCount - a.wordCount)[0]!

  // Cold: a fresh builder (no block cache) on the longest document.
  const cold: number[] = []
  for (let i = 0; i < 5; i++) {
    const builder = createDeckBuilder({ library, annotationsFor: async () => [] })
    const t = performance.now()
    await builder.build([{ docId: longest.id, sectionId: null }], null)
    cold.push(performance.now() - t)
  }
  cold.sort((a, b) => a - b)

  // Warm: every section of the pack, one « Présenter » each, blocks cached per document.
  const builder = createDeckBuilder({ library, annotationsFor: async () => [] })
  const perSection: number[] = []
  let slides = 0
  for (const d of docs) {
    for (const s of presentableSections(library.get(d.id).sections)) {
      const t = performance.now()
      const built = await builder.build([{ docId: d.id, sectionId: s.id }], null)
      perSection.push(performance.now() - t)
      slides += built.slides.length
    }
  }
  perSection.sort((a, b) => a - b)

  const dir = await mkdtemp(join(tmpdir(), 'passerelles-bench-'))
  const deck = await builder.build(docs.slice(0, 3).map((d) => ({ docId: d.id, sectionId: null })), 'Atelier')
  const t = performance.now()
  const written = await saveAs(async () => join(dir, 'deck.html'), 'deck.html', () => deckHtml(deck, { contentDir, clock: fixedClock('2026-11-28T10:00:00Z') }))
  if (!written) throw new Error('the deck was not written')
  const exportMs = performance.now() - t
  await rm(dir, { recursive: true, force: true })

  return [
    { name: `slides of the longest document (${longest.wordCount} words), cold, median`, value: percentile(cold, 50), unit: 'ms', detail: { max: cold.at(-1)! } },
    { name: `slides of one section, warm, p50 (${perSection.length} sections)`, value: percentile(perSection, 50), unit: 'ms', detail: { p95: percentile(perSection, 95), max: perSection.at(-1)!, slides } },
    { name: `export of a 3-document deck (${deck.slides.length} slides)`, value: exportMs, unit: 'ms' },
    { name: 'exported HTML size, 3-document deck', value: written.bytes / 1024, unit: 'kB' },
  ]
}
