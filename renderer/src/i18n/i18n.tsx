/** The UI dictionary in React context; `useT()` returns the strings of the current language. */
import { createContext, useContext } from 'react'
import type { Language } from '../../../electron/shared/settings'
import { fr } from './fr'
import type { Strings } from './fr'
import { en } from './en'

export const DICTIONARIES: Readonly<Record<Language, Strings>> = { fr, en }

export const LanguageContext = createContext<Language>('fr')

export function useT(): Strings {
  return DICTIONARIES[useContext(LanguageContext)]
}

export function useLanguage(): Language {
  return useContext(LanguageContext)
}
