/** Labels of every library kind (the pack's from the dictionary, « Mes documents » from strings.ts), in the current language. */
import type { LibraryKind } from '../../../electron/shared/content/front-matter'
import { useLanguage, useT } from '../i18n/i18n'
import type { Strings } from '../i18n/fr'
import { documentsEn, documentsFr } from './strings'
import type { DocumentsStrings } from './strings'

export interface KindLabels {
  readonly plural: Readonly<Record<LibraryKind, string>>
  readonly singular: Readonly<Record<LibraryKind, string>>
}

export function kindLabelsOf(t: Strings, d: DocumentsStrings): KindLabels {
  return { plural: { ...t.library.kinds, mien: d.kind }, singular: { ...t.library.kindSingular, mien: d.kindSingular } }
}

export function useDocumentsStrings(): DocumentsStrings {
  return useLanguage() === 'en' ? documentsEn : documentsFr
}

export function useKindLabels(): KindLabels {
  return kindLabelsOf(useT(), useDocumentsStrings())
}
