/**
 * The one vocabulary of highlight colours: each colour's id (stored, never changes), its names in
 * French and English, and its swatch as CSS for files read by other programs. The reader's label
 * (its meaning: « Question », « À vérifier ») is user data, stored with the annotations.
 * `colorsNamed` resolves what a person types against all three, the same way for the search's
 * `couleur:`, the annotation filters' `couleur:` (panel, notes view, export) and the CLI's `--label`.
 */
import { foldForCompare } from '../text/fold'
import { COLOR_IDS } from './model'
import type { ColorId, ColorLabels } from './model'

export { COLOR_IDS }
export type { ColorId }

/** Each colour's name: the first is the one written (exports, messages); the others are accepted too. */
export const COLOR_NAMES: Readonly<Record<'fr' | 'en', Readonly<Record<ColorId, readonly [string, ...string[]]>>>> = {
  fr: { yellow: ['jaune'], blue: ['bleu', 'bleue'], green: ['vert', 'verte'], orange: ['orange'], purple: ['violet', 'violette', 'mauve'] },
  en: { yellow: ['yellow'], blue: ['blue'], green: ['green'], orange: ['orange'], purple: ['purple'] },
}

/** French adjectives agree with « couleur » (feminine) after the noun: « la couleur bleue ». */
const FR_AFTER_COULEUR: Readonly<Record<ColorId, string>> = { yellow: 'jaune', blue: 'bleue', green: 'verte', orange: 'orange', purple: 'violette' }

/** The written name of a colour in a language; `after-noun` is the form that follows « couleur ». */
export function colorName(color: ColorId, language: 'fr' | 'en', form: 'name' | 'after-noun' = 'name'): string {
  return language === 'fr' && form === 'after-noun' ? FR_AFTER_COULEUR[color] : COLOR_NAMES[language][color][0]
}

/**
 * Highlight colours as CSS, for programs that read our W3C JSON (the stylesheet of each annotation)
 * and for the light theme of exported slides. The app's own highlights are translucent CSS
 * variables in renderer/src/styles/annotations.css (they must work on light and dark pages).
 */
export const COLOR_CSS: Readonly<Record<ColorId, string>> = {
  yellow: '#fde68a',
  blue: '#bfdbfe',
  green: '#bbf7d0',
  orange: '#fed7aa',
  purple: '#e9d5ff',
}

/** Lower case, no accents, letters and digits only (« À vérifier » → averifier). */
export function compactName(text: string): string {
  return foldForCompare(text).replace(/[^\p{L}\p{N}]/gu, '')
}

/**
 * The colours `value` names: its id (`yellow`), its name in French or English (« jaune », « bleue »,
 * « blue »; a plural is the same name) or its label (« Question »). Case, accents, spaces, hyphens
 * and apostrophes are ignored: `a-verifier` and « À vérifier » are the same. Several colours when the
 * reader gave two the same label; none for an unknown word.
 */
export function colorsNamed(value: string, labels: ColorLabels): ColorId[] {
  const v = compactName(value)
  if (v === '') return []
  const same = (name: string): boolean => {
    const n = compactName(name)
    return n === v || `${n}s` === v
  }
  return COLOR_IDS.filter((id) => same(id) || same(labels[id]) || COLOR_NAMES.fr[id].some(same) || COLOR_NAMES.en[id].some(same))
}

/** Hue in degrees (0–360) of a #rrggbb swatch or an RGB triple (0–255); null for a grey (no hue to speak of). */
function hueOf([r, g, b]: readonly [number, number, number]): number | null {
  const max = Math.max(r, g, b)
  const min = Math.min(r, g, b)
  if (max === 0 || (max - min) / max < 0.15) return null
  const d = max - min
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4
  return (h * 60 + 360) % 360
}

const rgbOfCss = (css: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(css.slice(i, i + 2), 16)) as [number, number, number]

/**
 * The colour of ours nearest to a colour another program used (a PDF highlight's /C, 0–255 each):
 * nearest by hue on the colour wheel, since other readers use saturated colours where ours are pale
 * (Acrobat's and Zotero's yellow → yellow, red → orange, pink → purple, cyan → blue). A grey, black,
 * white or missing colour is yellow, the usual highlighter.
 */
export function nearestColor(rgb: readonly [number, number, number] | null): ColorId {
  const hue = rgb ? hueOf(rgb) : null
  if (hue === null) return 'yellow'
  const distance = (id: ColorId): number => {
    const d = Math.abs(hue - (hueOf(rgbOfCss(COLOR_CSS[id])) ?? 0))
    return Math.min(d, 360 - d)
  }
  return [...COLOR_IDS].sort((a, b) => distance(a) - distance(b))[0]!
}
