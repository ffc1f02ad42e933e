/**
 * The few words the exporters write into files, French first with English alongside. Kept here
 * (not in the renderer's dictionaries) because the CLI writes the same files without a UI.
 */
import { colorName } from '../annotations/colors'
import type { ColorId } from '../annotations/model'
import type { ExportLanguage } from './types'
import type { EntryState } from './group'

/** The colours' written names, from the one colour vocabulary (annotations/colors.ts). */
const namesIn = (l: ExportLanguage): Record<ColorId, string> => ({
  yellow: colorName('yellow', l), blue: colorName('blue', l), green: colorName('green', l), orange: colorName('orange', l), purple: colorName('purple', l),
})

export interface ExportStrings {
  readonly note: string
  readonly openInApp: string
  readonly openSection: string
  readonly documentNotes: string
  readonly orphans: string
  readonly orphanHint: string
  readonly fuzzyHint: string
  readonly untagged: string
  readonly beforeFirstHeading: string
  readonly passages: string
  readonly unknownDocument: (id: string) => string
  readonly modified: (day: string) => string
  readonly section: string
  readonly emptyQuote: string
  readonly colorNames: Readonly<Record<ColorId, string>>
  /** How each anchoring state reads in a file (the CSV's status column). */
  readonly states: Readonly<Record<EntryState, string>>
  readonly csvHeaders: readonly string[]
  readonly handoutSource: string
}

const fr: ExportStrings = {
  note: 'Note',
  openInApp: 'Ouvrir dans Passerelles',
  openSection: 'Ouvrir la section',
  documentNotes: 'Notes sur le document',
  orphans: 'Annotations orphelines',
  orphanHint: 'passage introuvable dans la version actuelle',
  fuzzyHint: 'ancrage approximatif, à confirmer',
  untagged: 'Sans étiquette',
  beforeFirstHeading: 'Début du document',
  passages: 'Passages',
  unknownDocument: (id) => `Document introuvable (${id})`,
  modified: (day) => `modifiée le ${day}`,
  section: 'Section',
  emptyQuote: '(passage sans texte visible)',
  colorNames: namesIn('fr'),
  states: { anchored: 'en place', moved: 'déplacée', fuzzy: 'à confirmer', orphan: 'introuvable', 'document-note': 'note sur le document' },
  csvHeaders: ['id', 'document', 'titre du document', 'section', 'citation', 'note', 'étiquettes', 'couleur', 'libellé', 'état', 'créée', 'modifiée', 'début', 'fin', 'lien'],
  handoutSource: 'Extrait de',
}

const en: ExportStrings = {
  note: 'Note',
  openInApp: 'Open in Passerelles',
  openSection: 'Open the section',
  documentNotes: 'Notes on the document',
  orphans: 'Orphaned annotations',
  orphanHint: 'passage not found in the current version',
  fuzzyHint: 'approximate anchor, to be confirmed',
  untagged: 'Untagged',
  beforeFirstHeading: 'Opening',
  passages: 'Passages',
  unknownDocument: (id) => `Missing document (${id})`,
  modified: (day) => `modified on ${day}`,
  section: 'Section',
  emptyQuote: '(passage without visible text)',
  colorNames: namesIn('en'),
  states: { anchored: 'in place', moved: 'moved', fuzzy: 'to confirm', orphan: 'not found', 'document-note': 'note on the document' },
  csvHeaders: ['id', 'document', 'document title', 'section', 'quote', 'note', 'tags', 'colour', 'label', 'status', 'created', 'modified', 'start', 'end', 'link'],
  handoutSource: 'From',
}

export function exportStrings(language: ExportLanguage): ExportStrings {
  return language === 'en' ? en : fr
}
