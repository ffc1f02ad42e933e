import { describe, expect, it } from 'vitest'
import { elisionLength, foldWord, isStopWord, nextWord, normaliseWord, stripElision, surfaceForm, tokenize, wordsBefore } from './french-text'

describe('tokenize: words with their exact offsets', () => {
  it.each([
    ['L’économie sociale', [['L’économie', 0, 10], ['sociale', 11, 18]]],
    ["l'adhérent, la mutuelle.", [["l'adhérent", 0, 10], ['la', 12, 14], ['mutuelle', 15, 23]]],
    ['tiers-lieu', [['tiers', 0, 5], ['lieu', 6, 10]]],
    ['«\u00a0ESS\u00a0» ; Framasoft\u202f!', [['ESS', 2, 5], ['Framasoft', 10, 19]]],
    ['salarié·es', [['salarié', 0, 7], ['es', 8, 10]]],
    ['aujourd’hui', [['aujourd’hui', 0, 11]]],
    ['loi 1901', [['loi', 0, 3], ['1901', 4, 8]]],
    ['jusqu’', [['jusqu', 0, 5]]],
  ])('%j', (text, expected) => {
    expect(tokenize(text).map((t) => [t.text, t.start, t.end])).toEqual(expected)
  })

  it('nextWord and wordsBefore find neighbours around an offset', () => {
    const text = 'Le congrès de l’économie sociale et solidaire.'
    expect(nextWord(text, 24)?.text).toBe('sociale')
    expect(nextWord(text, 46)).toBeNull()
    expect(wordsBefore(text, 24, 2).map((w) => w.text)).toEqual(['de', 'l’économie'])
    expect(wordsBefore(text, 2, 5).map((w) => w.text)).toEqual(['Le'])
  })
})

describe('pipeline steps as string rules', () => {
  it.each([
    ['L’Économie', 'l\'économie'],
    ['Œuvre', 'oeuvre'],
    ['Cæcum', 'caecum'],
    ['QU’IL', "qu'il"],
  ])('normaliseWord(%j) = %j', (input, out) => expect(normaliseWord(input)).toBe(out))

  it.each([
    ["l'économie", 2],
    ["d'intérêt", 2],
    ["qu'il", 3],
    ["jusqu'ici", 6],
    ["lorsqu'elle", 7],
    ["puisqu'on", 7],
    ["s'engager", 2],
    ["aujourd'hui", 0],
    ["l'", 0],
    ['économie', 0],
  ])('elisionLength(%j) = %i', (word, n) => expect(elisionLength(word)).toBe(n))

  it('stripElision keeps the word', () => expect(stripElision("d'association")).toBe('association'))

  it.each([
    ['économie', 'economie'],
    ['intérêt', 'interet'],
    ['ça', 'ca'],
    ['naïve', 'naive'],
    ['Noël', 'Noel'],
    ['œuvre', 'oeuvre'],
  ])('foldWord(%j) = %j', (input, out) => expect(foldWord(input)).toBe(out))

  it.each([
    ['de', true],
    ['été', false], // stop words are checked after folding: 'ete' is the folded form
    ['ete', true],
    ['a', true],
    ['à', false],
    ['coopérative', false],
    ['les', true],
  ])('isStopWord(%j) = %s', (word, stop) => expect(isStopWord(word)).toBe(stop))

  it.each([
    ['L’Économie', 'economie'],
    ["D'ASSOCIATIONS", 'associations'],
    ['Œuvres', 'oeuvres'],
    ['«ESS»', 'ess'],
  ])('surfaceForm(%j) = %j', (word, out) => expect(surfaceForm(word)).toBe(out))

  it('folds accents and ligatures of a word, as the table of fold.ts says', () => {
    expect(foldWord(normaliseWord('Économie'))).toBe('economie')
    expect(foldWord(normaliseWord('Œuvre'))).toBe('oeuvre')
  })
})
