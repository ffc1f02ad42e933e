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
 * Each colour's swatches — the one palette; every stylesheet derives from it (color-css.ts), so
 * changing a colour here changes it everywhere (colors.test.ts pins that no other file holds one):
 *   paper     opaque, for light pages: the stylesheet of each W3C annotation, light slides
 *   night     slides, dark theme          contrast   slides, high-contrast theme
 *   screen    the app's highlights: translucent (they must work on light and dark pages), an RGB
 *             colour and its opacity on each
 *   ink       a strong tone for rules and borders (the presenter's notes)
 */
export interface ColorSwatches {
  readonly paper: string
  readonly night: string
  readonly contrast: string
  readonly screen: { readonly rgb: readonly [number, number, number]; readonly light: number; readonly dark: number }
  readonly ink: string
}

export const COLOR_SWATCHES: Readonly<Record<ColorId, ColorSwatches>> = {
  yellow: { paper: '#fde68a', night: '#6b5a12', contrast: '#ffe14d', screen: { rgb: [255, 214, 0], light: 0.45, dark: 0.35 }, ink: '#f5c84c' },
  blue: { paper: '#bfdbfe', night: '#1e3a66', contrast: '#7fc4ff', screen: { rgb: [80, 160, 255], light: 0.38, dark: 0.4 }, ink: '#6aa9f5' },
  green: { paper: '#bbf7d0', night: '#1d4d33', contrast: '#7dffa8', screen: { rgb: [60, 190, 90], light: 0.38, dark: 0.38 }, ink: '#5cc98a' },
  orange: { paper: '#fed7aa', night: '#6e3712', contrast: '#ffb067', screen: { rgb: [255, 140, 40], light: 0.42, dark: 0.4 }, ink: '#f39a4a' },
  purple: { paper: '#e9d5ff', night: '#4b2a6b', contrast: '#e3a6ff', screen: { rgb: [170, 100, 230], light: 0.36, dark: 0.42 }, ink: '#b98cf0' },
}

/** Highlight colours as CSS for programs that read our W3C JSON (the stylesheet of each annotation). */
export const COLOR_CSS: Readonly<Record<ColorId, string>> = {
  yellow: COLOR_SWATCHES.yellow.paper,
  blue: COLOR_SWATCHES.blue.paper,
  green: COLOR_SWATCHES.green.paper,
  orange: COLOR_SWATCHES.orange.paper,
  purple: COLOR_SWATCHES.purple.paper,
}

/**
 * How a colour is offered in a menu: the reader's label, then the colour's name — « Question
 * (bleu) » —, so the three words of the vocabulary (id, name, label) stay visible and a colour can be
 * found by name whatever it was renamed to; the name is left out when the label already says it
 * (a label « Jaune » for yellow).
 */
export function colorWithLabel(color: ColorId, label: string, language: 'fr' | 'en'): string {
  const l = compactName(label)
  const saysName = [color, ...COLOR_NAMES.fr[color], ...COLOR_NAMES.en[color]].some((n) => compactName(n) === l)
  return saysName ? label : `${label} (${colorName(color, language)})`
}

/**
 * The Obsidian callout type of each colour in a Markdown export « en encadrés » (the user's label is
 * the callout's title: `> [!warning] À vérifier`). Obsidian's own types, so each colour gets its own
 * icon and colour there; chosen for the default meanings: Argument → note (a neutral statement),
 * Question → question, Exemple → example, À vérifier → warning, Citation → quote.
 */
export const OBSIDIAN_CALLOUT: Readonly<Record<ColorId, 'note' | 'question' | 'example' | 'warning' | 'quote'>> = {
  yellow: 'note',
  blue: 'question',
  green: 'example',
  orange: 'warning',
  purple: 'quote',
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
