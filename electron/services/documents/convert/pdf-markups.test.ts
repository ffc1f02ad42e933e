import { describe, expect, it } from 'vitest'
import { contextOf, markupsOfPage } from './pdf-markups'
import type { PageRun } from './pdf-markups'

const runs: PageRun[] = [
  { text: 'Le conseil se reunit en juin.', x: 72, y: 700, width: 200, eol: true },
  { text: 'Le conseil vote le budget.', x: 72, y: 684, width: 180, eol: true },
]

describe('PDF markups as pdf.js gives them', () => {
  it('keeps visible markups with text or a note, folds replies into their note, joins lines and cut words', () => {
    const found = markupsOfPage(
      2,
      [
        { subtype: 'Highlight', id: '10R', rect: [72.2, 680.4, 200, 710], color: new Uint8ClampedArray([255, 255, 0]), overlaidText: 'coopé-\nratives libres', contentsObj: { str: ' À citer ' }, modificationDate: 'D:20240312101500Z' },
        { subtype: 'Text', id: '11R', inReplyTo: '10R', contentsObj: { str: 'Réponse' } },
        { subtype: 'Underline', id: '12R', rect: [0, 0, 1, 1], overlaidText: '', contentsObj: { str: '' } },
        { subtype: 'Highlight', id: '13R', rect: [0, 0, 1, 1], overlaidText: 'caché', annotationFlags: 2 },
        { subtype: 'Link', id: '14R', rect: [0, 0, 1, 1] },
        { subtype: 'Text', id: '15R', rect: [300, 700, 320, 720], color: null, contentsObj: { str: 'Une note' } },
      ],
      [],
    )
    expect(found).toEqual([
      { key: 'p2:10R:72,680,200,710', page: 2, kind: 'highlight', quote: 'coopératives libres', prefix: '', suffix: '', note: 'À citer\n\nRéponse', color: 'yellow', created: null, modified: 'D:20240312101500Z' },
      { key: 'p2:15R:300,700,320,720', page: 2, kind: 'note', quote: '', prefix: '', suffix: '', note: 'Une note', color: 'yellow', created: null, modified: null },
    ])
  })

  it('takes the context of the occurrence nearest to the markup’s first quad', () => {
    expect(contextOf('Le conseil', runs, { x: 72, y: 681 })).toEqual({ prefix: 'Le conseil se reunit en juin. ', suffix: ' vote le budget. ' })
    expect(contextOf('Le conseil', runs, { x: 72, y: 697 })).toEqual({ prefix: '', suffix: ' se reunit en juin. Le conseil v' })
    expect(contextOf('absent', runs, null)).toEqual({ prefix: '', suffix: '' })
    expect(contextOf('', runs, null)).toEqual({ prefix: '', suffix: '' })
  })
})
