/** Pure parts of the splitter (the pipeline cases are in electron/services/presentation/splitter-cases.test.ts). */
import { describe, expect, it } from 'vitest'
import { balancedGroups } from './splitter'

/** Word counts per group, for reading the expectations. */
function grouped(counts: number[], limit: number): number[] {
  const starts = [0, ...balancedGroups(counts, limit), counts.length]
  return starts.slice(0, -1).map((s, i) => counts.slice(s, starts[i + 1]).reduce((a, b) => a + b, 0))
}

describe('grouping sentences into slides', () => {
  const cases: [string, number[], number[]][] = [
    ['fits on one slide', [10, 20, 25], [55]],
    ['as few groups as the limit allows, evenly', Array.from({ length: 9 }, () => 16), [48, 48, 48]],
    ['no lonely last sentence when an even split exists', [20, 18, 17, 23], [38, 40]],
    ['a long sentence stays whole, alone', [80, 10], [80, 10]],
    ['the largest group is as small as possible', [55, 10, 10, 10], [55, 30]],
    ['nothing to group', [], [0]],
  ]
  for (const [name, counts, expected] of cases) {
    it(name, () => {
      const got = grouped(counts, 60)
      expect(got).toEqual(expected)
      for (const g of got) if (g > 60) expect(counts).toContain(g)
    })
  }
})
