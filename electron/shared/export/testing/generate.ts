/**
 * A seeded, realistic export input at any scale, for benchmarks and scale tests: `documents`
 * documents with a section every ~2,000 characters, annotations spread over them with French
 * quotes, notes of varied length (a third plain, a third with Markdown, some hostile), tags from
 * the content vocabulary, the five colours, a few orphans and document-level notes. Same seed,
 * same input.
 */
import { COLOR_IDS, DEFAULT_COLOR_LABELS } from '../../annotations/model'
import type { AnchorState, Annotation } from '../../annotations/model'
import { TAG_VOCABULARY } from '../../content/front-matter'
import type { Section } from '../../content/document'
import type { ExportDocument, ExportInput } from '../types'

import { prng } from '../../testing/prng'

export { prng }

const WORDS = 'le logiciel libre est un commun que les associations de l’économie sociale et solidaire partagent avec leurs bénévoles pour gouverner ensemble des outils numériques sobres et ouverts'.split(' ')
const NOTES = [
  (w: string) => `À rapprocher de ${w}.`,
  (w: string) => `**Important** : ${w}, voir aussi [la source](https://www.april.org/).\n\n- premier point\n- second point`,
  (w: string) => `Question pour l’atelier : ${w} ?\n\n> citation d’un participant\n\n1. relire\n2. discuter`,
  (w: string) => `# Pas un titre <script>alert(1)</script> ${w} | a | b | %% ^anno-x`,
  (w: string) => `Code : \`${w}\`\n\n\`\`\`\nexemple < 2\n\`\`\``,
  () => '',
]

function uuid(rand: () => number): string {
  const h = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16))
  h[12] = '4'
  h[16] = ((parseInt(h[16]!, 16) & 3) | 8).toString(16)
  const s = h.join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}

export function generateExportInput(count: number, seed = 42, documents = 30): ExportInput {
  const rand = prng(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!
  const words = (n: number): string => Array.from({ length: n }, () => pick(WORDS)).join(' ')
  const docs: ExportDocument[] = Array.from({ length: documents }, (_, d) => {
    const length = 60_000 + Math.floor(rand() * 60_000)
    const sections: Section[] = []
    for (let start = 0, i = 0; start < length; start += 2000, i++) {
      sections.push({ id: `section-${i + 1}`, level: i % 3 === 0 ? 2 : 3, title: `Section ${i + 1} : ${words(3)}`, start, end: Math.min(length, start + 2000) })
    }
    return { id: `document-${d + 1}`, title: `Document ${d + 1} — ${words(4)}`, sections }
  })
  const states = new Map<string, AnchorState>()
  const annotations: Annotation[] = Array.from({ length: count }, () => {
    const doc = pick(docs)
    const id = uuid(rand)
    const created = new Date(Date.UTC(2026, 0, 1) + Math.floor(rand() * 300 * 86_400_000)).toISOString()
    const exact = words(4 + Math.floor(rand() * 30))
    const start = Math.floor(rand() * (doc.sections[doc.sections.length - 1]!.end - exact.length))
    const r = rand()
    if (r < 0.03) states.set(id, 'orphan')
    else if (r < 0.06) states.set(id, 'fuzzy')
    return {
      id,
      type: 'Annotation',
      created,
      modified: rand() < 0.3 ? new Date(Date.parse(created) + 86_400_000).toISOString() : created,
      body: { note: pick(NOTES)(words(5 + Math.floor(rand() * 40))), tags: Array.from({ length: Math.floor(rand() * 4) }, () => pick(TAG_VOCABULARY)).filter((t, i, all) => all.indexOf(t) === i), color: pick(COLOR_IDS) },
      target:
        r > 0.98
          ? null
          : {
              source: doc.id,
              docVersion: 'b'.repeat(64),
              selector: [
                { type: 'TextQuoteSelector', exact, prefix: words(4).slice(0, 32), suffix: words(4).slice(0, 32) },
                { type: 'TextPositionSelector', start, end: start + exact.length },
              ],
            },
      document: doc.id,
    }
  })
  return {
    annotations,
    states,
    documents: docs,
    colorLabels: DEFAULT_COLOR_LABELS,
    meta: { title: 'Notes', exported: '2026-11-28T18:00:00.000Z', app: { name: 'Passerelles', version: '0.1.0' }, scope: { kind: 'all' } },
  }
}
