import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { formatQuery, hasPositiveClause, parseQuery } from './query'
import type { Clause, ProblemCode } from './query'

const word = (text: string, more: Partial<Clause> = {}): Clause => ({ type: 'term', text, mode: 'word', distance: 0, field: 'any', negated: false, ...more } as Clause)
const phrase = (text: string, more: Partial<Clause> = {}): Clause => ({ type: 'phrase', text, field: 'any', negated: false, ...more } as Clause)

describe('the query language', () => {
  it.each<[string, Clause[]]>([
    ['économie sociale', [word('économie'), word('sociale')]],
    ['  mutuelle   de santé ', [word('mutuelle'), word('de'), word('santé')]],
    ['"logiciel libre"', [phrase('logiciel libre')]],
    ['«\u00a0économie sociale et solidaire\u00a0»', [phrase('économie sociale et solidaire')]],
    ['“communs numériques”', [phrase('communs numériques')]],
    ['coop*', [word('coop', { mode: 'prefix' })]],
    ['écon*', [word('écon', { mode: 'prefix' })]],
    ['cooperatve~1', [word('cooperatve', { mode: 'fuzzy', distance: 1 })]],
    ['cooperatve~', [word('cooperatve', { mode: 'fuzzy', distance: 1 })]],
    ['souveraineté~2', [word('souveraineté', { mode: 'fuzzy', distance: 2 })]],
    ['coopérative -brevet', [word('coopérative'), word('brevet', { negated: true })]],
    ['-"logiciel propriétaire" libre', [phrase('logiciel propriétaire', { negated: true }), word('libre')]],
    ['titre:framasoft', [word('framasoft', { field: 'title' })]],
    ['Titre:"coopératives éditrices"', [phrase('coopératives éditrices', { field: 'title' })]],
    ['title:coop*', [word('coop', { mode: 'prefix', field: 'title' })]],
    ["l'économie", [word("l'économie")]],
    ['tiers-lieu', [word('tiers-lieu')]],
    ['+logiciel', [word('logiciel')]],
    ['ESS : définition ?', [word('ESS'), word('définition')]],
    ['Framasoft:', [word('Framasoft')]],
  ])('%j', (input, clauses) => {
    const { query, problem } = parseQuery(input)
    expect(problem).toBeNull()
    expect(query.clauses).toEqual(clauses)
  })

  it('reads type: and tag: as document filters', () => {
    const { query, problem } = parseQuery('licences type:cas type:Articles -type:glossaire tag:logiciel-libre -tag:ESS étiquette:communs')
    expect(problem).toBeNull()
    expect(query.clauses).toEqual([word('licences')])
    expect(query.kinds).toEqual(['cas', 'article'])
    expect(query.excludedKinds).toEqual(['glossaire'])
    expect(query.tags).toEqual(['logiciel-libre', 'communs'])
    expect(query.excludedTags).toEqual(['ess'])
  })

  it('reads in: as where to look and couleur: as a filter on notes', () => {
    const { query, problem } = parseQuery('communs in:notes couleur:Question -couleur:"À vérifier" color:jaune')
    expect(problem).toBeNull()
    expect(query.clauses).toEqual([word('communs')])
    expect(query.scope).toBe('notes')
    expect(query.colors).toEqual(['question', 'jaune'])
    expect(query.excludedColors).toEqual(['a verifier'])
    expect(parseQuery('communs').query).toMatchObject({ scope: 'all', colors: [], excludedColors: [] })
  })

  it.each<[string, string]>([
    ['in:notes', 'notes'],
    ['dans:Annotations', 'notes'],
    ['in:textes', 'texts'],
    ['dans:documents', 'texts'],
    ['-in:notes', 'texts'],
    ['-in:textes', 'notes'],
    ['in:notes in:textes', 'all'],
  ])('scope %j is %j', (input, scope) => expect(parseQuery(`coop ${input}`).query.scope).toBe(scope))

  it.each([
    ['type:étude', 'cas'],
    ['type:chapitre', 'cahier'],
    ['type:glossaire', 'glossaire'],
  ])('type alias %j is %j', (input, kind) => expect(parseQuery(input).query.kinds).toEqual([kind]))
})

describe('a query that cannot be read falls back to plain words, with the reason', () => {
  it.each<[string, ProblemCode, string, string[]]>([
    ['"économie sociale', 'unclosed-quote', '"économie sociale', ['économie', 'sociale']],
    ['« logiciel libre', 'unclosed-quote', '« logiciel libre', ['logiciel', 'libre']],
    ['titre: framasoft', 'empty-field', 'titre:', ['framasoft']],
    ['auteur:dupont économie', 'unknown-field', 'auteur:dupont', ['dupont', 'économie']],
    ['type:livre communs', 'unknown-type', 'type:livre', ['livre', 'communs']],
    ['in:agenda communs', 'unknown-scope', 'in:agenda', ['agenda', 'communs']],
    ['couleur: communs', 'empty-field', 'couleur:', ['communs']],
    ['cooperative~3', 'bad-fuzzy', 'cooperative~3', ['cooperative']],
    ['cooperative~x', 'bad-fuzzy', 'cooperative~x', ['cooperative', 'x']],
    ['coop*~1', 'bad-fuzzy', 'coop*~1', ['coop']],
    ['*operative', 'bad-wildcard', '*operative', ['operative']],
    ['co*op', 'bad-wildcard', 'co*op', ['co', 'op']],
    ['c*', 'short-prefix', 'c*', ['c']],
    ['logiciel - libre', 'stray-operator', '-', ['logiciel', 'libre']],
    ['économie ~', 'stray-operator', '~', ['économie']],
  ])('%j → %s near %j, searched as %j', (input, code, near, words) => {
    const { query, problem } = parseQuery(input)
    expect(problem).toEqual({ code, near })
    expect(query.clauses).toEqual(words.map((w) => word(w)))
    expect(query.kinds).toEqual([])
  })

  it('never throws, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab é"«»“”*~-:+ ()^\\'.split('')), maxLength: 40 }), (input) => {
        const out = parseQuery(input)
        expect(Array.isArray(out.query.clauses)).toBe(true)
      }),
      { numRuns: 2000 },
    )
    fc.assert(fc.property(fc.string(), (input) => void parseQuery(input)), { numRuns: 1000 })
  })
})

describe('helpers', () => {
  it('hasPositiveClause is false for exclusions only', () => {
    expect(hasPositiveClause(parseQuery('-brevet').query)).toBe(false)
    expect(hasPositiveClause(parseQuery('coop* -brevet').query)).toBe(true)
  })

  it.each([
    'économie sociale',
    '"logiciel libre" -brevet',
    'titre:coop* cooperatve~1',
    'type:cas tag:communs -type:article -tag:ess',
    'communs in:notes couleur:question -couleur:"à vérifier"',
    'in:textes licences',
  ])(
    'formatQuery(parseQuery(%j)) reads back the same',
    (input) => {
      const once = parseQuery(input).query
      expect(parseQuery(formatQuery(once)).query).toEqual(once)
    },
  )
})
