/** Test and benchmark helper: realistic annotations on a synthetic French text, deterministic by seed. */
import { randomUUID } from 'node:crypto'
import { newAnnotation } from '../../shared/annotations/operations'
import { COLOR_IDS } from '../../shared/annotations/model'
import type { Annotation } from '../../shared/annotations/model'
import { BASE } from '../../shared/annotations/anchor-fixture'

export const SAMPLE_TEXT = BASE
export const SAMPLE_VERSION = 'd'.repeat(64)

/** The annotation concurrent test writers all edit (see annotation-writer.ts). */
export const SHARED_ID = '00000000-0000-4000-8000-00000000cafe'

import { prng } from '../../shared/testing/prng'

export { prng }

export function sampleAnnotation(rnd: () => number, opts: { docId?: string; text?: string; version?: string; now?: string; id?: string } = {}): Annotation {
  const text = opts.text ?? SAMPLE_TEXT
  for (;;) {
    const start = Math.floor(rnd() * (text.length - 80))
    const made = newAnnotation({
      id: opts.id ?? randomUUID(),
      now: opts.now ?? '2026-11-28T10:00:00.000Z',
      docId: opts.docId ?? `doc-${Math.floor(rnd() * 20)}`,
      doc: { version: opts.version ?? SAMPLE_VERSION, text },
      start,
      end: start + 10 + Math.floor(rnd() * 70),
      color: COLOR_IDS[Math.floor(rnd() * COLOR_IDS.length)]!,
      note: rnd() < 0.6 ? `Note ${Math.floor(rnd() * 1e6)} : à relire avec l’équipe, voir aussi le chapitre suivant.` : '',
      tags: rnd() < 0.5 ? ['ess', rnd() < 0.5 ? 'gouvernance' : 'communs'] : [],
    })
    if (made.ok) return made.annotation
  }
}
