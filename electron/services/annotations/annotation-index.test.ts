import { describe, expect, it } from 'vitest'
import { AnnotationIndex } from './annotation-index'
import { parseSnapshot, serializeSnapshot } from './snapshot'
import { prng, sampleAnnotation } from '../testing/annotations'
import { DEFAULT_COLOR_LABELS } from '../../shared/annotations/model'
import type { Annotation } from '../../shared/annotations/model'

const rnd = prng(12)
const notes = ['"id":"fake", "document":"x" {}', 'ligne\nsur deux', 'guillemets « » et \\ antislash', '']
const annotations: Annotation[] = Array.from({ length: 40 }, (_, i) => {
  const a = sampleAnnotation(rnd, { docId: `doc-${i % 3}` })
  return { ...a, body: { ...a.body, note: notes[i % notes.length]! } }
})

function loaded(text: string): AnnotationIndex {
  const r = parseSnapshot(Buffer.from(text))
  if (r.status !== 'ok') throw new Error(JSON.stringify(r))
  return r.content.annotations
}

describe('lazily parsed annotations', () => {
  it('a snapshot we wrote is indexed without parsing, and gives back exactly the annotations', () => {
    const index = loaded(serializeSnapshot(3, DEFAULT_COLOR_LABELS, annotations))
    expect(index.size).toBe(40)
    expect([...index.keys()]).toEqual(annotations.map((a) => a.id))
    for (const a of annotations) expect(index.documentOf(a.id)).toBe(a.document)
    expect(index.ofDocument('doc-1')).toEqual(annotations.filter((a) => a.document === 'doc-1'))
    expect([...index.values()]).toEqual(annotations)
  })

  it('keeps the text of untouched annotations byte for byte through the next snapshot', () => {
    const text = serializeSnapshot(3, DEFAULT_COLOR_LABELS, annotations)
    const index = loaded(text)
    index.get(annotations[5]!.id) // parsed, not changed
    expect(serializeSnapshot(3, DEFAULT_COLOR_LABELS, index)).toBe(text)
    index.set({ ...annotations[6]!, body: { ...annotations[6]!.body, note: 'changée' } })
    index.delete(annotations[7]!.id)
    const next = loaded(serializeSnapshot(4, DEFAULT_COLOR_LABELS, index))
    expect(next.get(annotations[6]!.id)!.body.note).toBe('changée')
    expect(next.has(annotations[7]!.id)).toBe(false)
    expect(next.size).toBe(39)
  })

  it('a file of another shape with a matching checksum is not trusted line by line: it is parsed and validated in full', () => {
    const text = serializeSnapshot(3, DEFAULT_COLOR_LABELS, annotations.slice(0, 2))
    const [head, ...rest] = text.split('\n')
    const reformatted = `${head}\n${rest.join('\n').replace('},\n{', '}, {')}`
    expect(AnnotationIndex.fromTrustedLines(Buffer.from(rest.join('\n').replace('},\n{', '}\n  junk\n{')))).toBeNull()
    const r = parseSnapshot(Buffer.from(reformatted))
    expect(r.status === 'ok' && [...r.content.annotations.values()]).toEqual(annotations.slice(0, 2))
  })
})
