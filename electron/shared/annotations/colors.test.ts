import { describe, expect, it } from 'vitest'
import { colorsNamed } from './color-names'
import { DEFAULT_COLOR_LABELS } from './model'

describe('colorsNamed (the couleur: filter)', () => {
  it.each<[string, string[]]>([
    ['question', ['blue']],
    ['Questions', ['blue']],
    ['à vérifier', ['orange']],
    ['A-VERIFIER', ['orange']],
    ['a_verifier', ['orange']],
    ['jaune', ['yellow']],
    ['jaunes', ['yellow']],
    ['yellow', ['yellow']],
    ['verte', ['green']],
    ['violet', ['purple']],
    ['citation', ['purple']],
    ['fuchsia', []],
    ['', []],
    ['--', []],
  ])('%j names %j', (value, ids) => expect(colorsNamed(value, DEFAULT_COLOR_LABELS)).toEqual(ids))

  it('follows the reader’s labels, and two colours may share one', () => {
    const labels = { ...DEFAULT_COLOR_LABELS, yellow: 'Idée', green: 'idee' }
    expect(colorsNamed('idée', labels)).toEqual(['yellow', 'green'])
    expect(colorsNamed('argument', labels)).toEqual([])
    // The colour's own name still works after a rename.
    expect(colorsNamed('jaune', labels)).toEqual(['yellow'])
  })
})
