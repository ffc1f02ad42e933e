import { describe, expect, it } from 'vitest'
import { COLOR_CSS, COLOR_IDS, COLOR_NAMES, colorName, colorsNamed, colorWithLabel, nearestColor } from './colors'
import { DEFAULT_COLOR_LABELS } from './model'

describe('colorsNamed (couleur:, the annotation filters, cli --label)', () => {
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

describe('the colour vocabulary', () => {
  it('names every colour in both languages and gives each a CSS swatch', () => {
    for (const c of COLOR_IDS) {
      expect(colorName(c, 'fr')).toBe(COLOR_NAMES.fr[c][0])
      expect(colorName(c, 'en')).toBe(c)
      expect(COLOR_CSS[c]).toMatch(/^#[0-9a-f]{6}$/)
      // Every name, in every language, and the id name the colour they belong to, and only it.
      for (const name of [c, ...COLOR_NAMES.fr[c], ...COLOR_NAMES.en[c]]) expect(colorsNamed(name, DEFAULT_COLOR_LABELS)).toEqual([c])
    }
  })
})

describe('a colour in a menu', () => {
  it('shows the label and the colour’s name, in the interface’s language', () => {
    expect(colorWithLabel('blue', 'Question', 'fr')).toBe('Question (bleu)')
    expect(colorWithLabel('blue', 'Question', 'en')).toBe('Question (blue)')
    expect(colorWithLabel('orange', 'À vérifier', 'fr')).toBe('À vérifier (orange)')
  })

  it('does not repeat a name the label already says', () => {
    expect(colorWithLabel('yellow', 'Jaune', 'fr')).toBe('Jaune')
    expect(colorWithLabel('green', 'VERTE', 'en')).toBe('VERTE')
    expect(colorWithLabel('purple', 'purple', 'fr')).toBe('purple')
    // A label naming another colour is a meaning like any other: the real colour follows it.
    expect(colorWithLabel('purple', 'Bleu', 'fr')).toBe('Bleu (violet)')
  })
})

describe('nearestColor (PDF highlights made in other readers)', () => {
  it.each<[string, [number, number, number] | null, string]>([
    ['Acrobat yellow', [255, 255, 0], 'yellow'],
    ['Zotero yellow', [255, 212, 0], 'yellow'],
    ['Okular green', [0, 255, 0], 'green'],
    ['blue', [0, 0, 255], 'blue'],
    ['cyan', [0, 255, 255], 'blue'],
    ['red', [255, 0, 0], 'orange'],
    ['Zotero orange', [241, 152, 55], 'orange'],
    ['magenta', [255, 0, 255], 'purple'],
    ['Zotero purple', [162, 138, 229], 'purple'],
    ['grey', [128, 128, 128], 'yellow'],
    ['none', null, 'yellow'],
  ])('%s → %s', (_name, rgb, id) => expect(nearestColor(rgb)).toBe(id))
})
