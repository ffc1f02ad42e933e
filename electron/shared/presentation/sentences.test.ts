import { describe, expect, it } from 'vitest'
import { sentenceStarts } from './sentences'

/** The sentences of `text`, cut where `sentenceStarts` says (each keeps its trailing space). */
function sentences(text: string): string[] {
  const cuts = [0, ...sentenceStarts(text), text.length]
  return cuts.slice(0, -1).map((c, i) => text.slice(c, cuts[i + 1]))
}

const NBSP = '\u00A0'
const NNBSP = '\u202F'

describe('French sentence boundaries', () => {
  const cases: [string, string, string[]][] = [
    ['two plain sentences', 'Le libre avance. Les coopératives suivent.', ['Le libre avance. ', 'Les coopératives suivent.']],
    ['question and exclamation after a narrow no-break space', `Pourquoi${NNBSP}? Parce que${NNBSP}! Voilà.`, [`Pourquoi${NNBSP}? `, `Parce que${NNBSP}! `, 'Voilà.']],
    ['a colon or semicolon never ends a sentence', `Trois points${NNBSP}: un, deux${NNBSP}; Trois.`, [`Trois points${NNBSP}: un, deux${NNBSP}; Trois.`]],
    ['closing guillemets after the period stay with the sentence', `Il dit «${NBSP}C’est fini.${NBSP}» Puis il part.`, [`Il dit «${NBSP}C’est fini.${NBSP}» `, 'Puis il part.']],
    ['a sentence may start with an opening guillemet', `Elle répond. «${NBSP}Non${NBSP}!${NBSP}»`, ['Elle répond. ', `«${NBSP}Non${NBSP}!${NBSP}»`]],
    ['titles are not sentence ends', 'M. Dupont et Mme Durand arrivent. Dr Martin aussi.', ['M. Dupont et Mme Durand arrivent. ', 'Dr Martin aussi.']],
    ['cf., p. and art. are abbreviations', 'Voir cf. Dupont, p. 12 et art. L. 123. Ensuite.', ['Voir cf. Dupont, p. 12 et art. L. 123. ', 'Ensuite.']],
    ['initials are not sentence ends', 'Fondé par A. Kauffmann en 2001. Puis J.-C. Martin.', ['Fondé par A. Kauffmann en 2001. ', 'Puis J.-C. Martin.']],
    ['etc. before a capital ends the sentence', 'Des outils, des guides, etc. Le reste suit.', ['Des outils, des guides, etc. ', 'Le reste suit.']],
    ['numbers and addresses are not cut', 'Version 1.4 sur framasoft.net est prête. Elle coûte 1,5 €.', ['Version 1.4 sur framasoft.net est prête. ', 'Elle coûte 1,5 €.']],
    ['a lower-case word after a period does not start a sentence', 'Il y a 3 p. environ. la suite.', ['Il y a 3 p. environ. la suite.']],
    ['an ellipsis ends a sentence', 'On hésite… Puis on choisit.', ['On hésite… ', 'Puis on choisit.']],
    ['repeated terminators stay together', `Vraiment${NNBSP}?! Oui.`, [`Vraiment${NNBSP}?! `, 'Oui.']],
    ['a sentence may start with a digit', 'Le bilan est net. 38 personnes y travaillent.', ['Le bilan est net. ', '38 personnes y travaillent.']],
    ['a no-break space after a period is not a break', `Fin.${NBSP}Pas coupé.`, [`Fin.${NBSP}Pas coupé.`]],
    ['newlines count as whitespace', 'Première.\nSeconde.', ['Première.\n', 'Seconde.']],
    ['no terminator, one sentence', 'Une seule proposition sans point', ['Une seule proposition sans point']],
  ]
  for (const [name, text, expected] of cases) {
    it(name, () => {
      expect(sentences(text)).toEqual(expected)
      expect(sentences(text).join('')).toBe(text)
    })
  }
})
