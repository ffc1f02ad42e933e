import { describe, expect, it } from 'vitest'
import { buildStoredIndex } from './build-index'
import { FrenchIndex } from './french-index'
import { compileQuery } from './compile'
import { phraseSpansIn } from './evaluate'
import { parseQuery } from '../../shared/search/query'
import { indexableDoc } from '../testing/indexable-doc'

/** Verified spans of a quoted phrase in a text, with the positions lunr stored for that text. */
function spans(text: string, phrase: string): string[] {
  const index = FrenchIndex.load(buildStoredIndex([indexableDoc('d', 'Titre', { sections: [{ title: 'Partie', body: text }] })], 'x', 'y'))
  const q = compileQuery(index, parseQuery(`"${phrase}"`).query)
  const req = q.positive[0]!
  if (req.atoms.some((a) => a.alternatives.length === 0)) return []
  return phraseSpansIn(index, req, 0, 'body').map(([s, e]) => index.records[0]!.b.slice(s, e))
}

describe('phrase verification with term positions', () => {
  it.each<[string, string, string[]]>([
    ['Le congrès de l’économie sociale et solidaire.', 'économie sociale et solidaire', ['économie sociale et solidaire']],
    ['Une économie fragile, une politique sociale timide et une jeunesse solidaire.', 'économie sociale et solidaire', []],
    ['Économie sociale ou solidaire ?', 'économie sociale et solidaire', []],
    ['économie sociale, et solidaire', 'économie sociale et solidaire', ['économie sociale, et solidaire']],
    ['Les Économies Sociales et Solidaires', 'économie sociale et solidaire', ['Économies Sociales et Solidaires']],
    ['un logiciel libre, deux logiciels libres', 'logiciel libre', ['logiciel libre', 'logiciels libres']],
    ['libre logiciel', 'logiciel libre', []],
    ['le rôle de l’économie sociale', 'de l’économie', ['de l’économie']],
    ['le rôle de l’économie sociale', "de l'économie sociale", ['de l’économie sociale']],
    ['le rôle des économies', "de l'économie", []],
    ['la coopérative', 'la coopérative', ['la coopérative']],
    ['une coopérative', 'la coopérative', []],
    ['le tiers-lieu du quartier', 'tiers lieu', ['tiers-lieu']],
    ['mutuelle de santé', 'mutuelle de santé', ['mutuelle de santé']],
    ['mutuelle et santé', 'mutuelle de santé', []],
    ['mutuelle santé', 'mutuelle de santé', []],
    ['société coopérative d’intérêt collectif', 'coopérative d’intérêt collectif', ['coopérative d’intérêt collectif']],
    ['ESS : économie sociale et solidaire', 'ess économie', ['ESS : économie']],
  ])('in %j, "%s" → %j', (text, phrase, expected) => {
    expect(spans(text, phrase)).toEqual(expected)
  })
})
