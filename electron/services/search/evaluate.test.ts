import { describe, expect, it } from 'vitest'
import { topRanked } from './evaluate'

describe('topRanked', () => {
  const score = Float64Array.from([0.5, 2, 1, 2, 0, 3, 1])
  const e = { matched: [0, 1, 2, 3, 4, 5, 6], score, facetDocs: [] }

  it.each([
    [1, [5]],
    [3, [5, 1, 3]],
    [5, [5, 1, 3, 2, 6]],
    [10, [5, 1, 3, 2, 6, 0, 4]],
  ])('the %i best sections, best first, ties in section order', (k, records) => {
    expect(topRanked(e, k).map((r) => r.record)).toEqual(records)
  })

  it('only looks at matched sections', () => {
    expect(topRanked({ ...e, matched: [0, 2, 4] }, 2).map((r) => [r.record, r.score])).toEqual([[2, 1], [0, 0.5]])
  })
})
