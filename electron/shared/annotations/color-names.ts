/**
 * Which colours a word names, for the search filter `couleur:`. A colour answers to its id
 * (`yellow`), its name in French or English (« jaune », « jaunes », « blue ») and its label, the
 * meaning the reader gave it (« Question », « À vérifier »). Case, accents, spaces, hyphens and
 * apostrophes are ignored: `couleur:a-verifier` and `couleur:"à vérifier"` are the same filter.
 */
import { foldForDisplay } from '../search/french-text'
import { COLOR_IDS } from './model'
import type { ColorId, ColorLabels } from './model'

/** Names of each colour besides its label (folded, compact); French first, then English. */
const NAMES: Readonly<Record<ColorId, readonly string[]>> = {
  yellow: ['jaune', 'yellow'],
  blue: ['bleu', 'bleue', 'blue'],
  green: ['vert', 'verte', 'green'],
  orange: ['orange'],
  purple: ['violet', 'violette', 'purple', 'mauve'],
}

/** Lower case, no accents, letters and digits only (« À vérifier » → averifier). */
export function compactName(text: string): string {
  return foldForDisplay(text).replace(/[^\p{L}\p{N}]/gu, '')
}

/** The colours `value` names (several if the reader gave two colours the same label). */
export function colorsNamed(value: string, labels: ColorLabels): ColorId[] {
  const v = compactName(value)
  if (v === '') return []
  // A plural is the same name: « questions », « jaunes ».
  const same = (name: string): boolean => name === v || `${name}s` === v
  return COLOR_IDS.filter((id) => same(compactName(labels[id])) || NAMES[id].some(same))
}
