import { describe, expect, it } from 'vitest'
import lunr from 'lunr'
import { analyseWord, frenchPlugin, LABELS, registerFrenchPipeline, stem } from './french-pipeline'

registerFrenchPipeline()
const registered = (lunr.Pipeline as unknown as { registeredFunctions: Record<string, lunr.PipelineFunction> }).registeredFunctions

/** Runs one registered pipeline function on one token; null when it drops the token. */
function step(label: string, word: string, position?: [number, number]): { text: string; position?: [number, number] } | null {
  const token = new lunr.Token(word, position ? { position } : {})
  const out = registered[label]!(token, 0, [token]) as lunr.Token | null | undefined
  if (!out) return null
  return { text: out.toString(), position: (out as unknown as { metadata: { position?: [number, number] } }).metadata.position }
}

describe('each step of the French pipeline, as registered in lunr', () => {
  it.each([
    ['L’Économie', "l'économie"],
    ['ŒUVRE', 'oeuvre'],
    ['Ex‘æquo', "ex'aequo"],
  ])('normalise %j → %j', (word, out) => expect(step(LABELS.normalise, word)?.text).toBe(out))

  it.each<[string, string, [number, number], [number, number]]>([
    ["l'économie", 'économie', [10, 10], [12, 8]],
    ["d'association", 'association', [0, 13], [2, 11]],
    ["qu'il", 'il', [5, 5], [8, 2]],
    ["jusqu'ici", 'ici', [0, 9], [6, 3]],
    ["aujourd'hui", "aujourd'hui", [0, 11], [0, 11]],
  ])('elision %j → %j, position moved past it', (word, out, before, after) => {
    expect(step(LABELS.elision, word, before)).toEqual({ text: out, position: after })
  })

  it.each([
    ['économie', 'economie'],
    ['intérêt', 'interet'],
    ['façon', 'facon'],
    ['ambiguïté', 'ambiguite'],
  ])('fold %j → %j', (word, out) => expect(step(LABELS.fold, word)?.text).toBe(out))

  it.each([
    ['de', null],
    ['ete', null],
    ['sommes', null],
    ['mutuelle', 'mutuelle'],
  ])('stop words: %j → %j', (word, out) => expect(step(LABELS.stopWords, word)?.text ?? null).toBe(out))

  it.each([
    ['cooperatives', 'cooper'],
    ['cooperative', 'cooper'],
    ['cooperation', 'cooper'],
    ['economie', 'econom'],
    ['associations', 'associ'],
    ['mutuelles', 'mutuel'],
  ])('stemmer %j → %j', (word, out) => expect(step(LABELS.stemmer, word)?.text).toBe(out))
})

describe('the whole pipeline, index side and query side', () => {
  const index = lunr(function () {
    this.use(frenchPlugin)
    this.metadataWhitelist = ['position']
    this.ref('id')
    this.field('body')
    this.add({ id: 'a', body: 'L’Économie sociale et les Coopératives d’intérêt collectif.' })
  })
  const terms = Object.keys((index as unknown as { invertedIndex: Record<string, unknown> }).invertedIndex).sort()

  it('indexes stems of folded, elision-free words, without stop words', () => {
    expect(terms).toEqual(['collect', 'cooper', 'econom', 'interet', 'social'].sort())
  })

  it('records positions of the written word, past the elision', () => {
    const inv = (index as unknown as { invertedIndex: Record<string, { body: Record<string, { position: number[][] }> }> }).invertedIndex
    expect(inv.econom!.body.a!.position).toEqual([[2, 8]])
    expect(inv.interet!.body.a!.position).toEqual([[41, 7]])
  })

  it.each([
    ['économie', 'economie', 'econom'],
    ["L'ÉCONOMIE", 'economie', 'econom'],
    ['d’intérêt', 'interet', 'interet'],
    ['Œuvres', 'oeuvres', 'oeuvr'],
    ['de', 'de', null],
    ['été', 'ete', null],
    ['«', '', null],
  ])('analyseWord(%j): surface %j, term %j', (word, surface, term) => {
    expect(analyseWord(word)).toEqual({ surface, term })
  })

  it('query terms find the indexed stems', () => {
    for (const q of ['économie', 'economie', "l'économie", 'coopérative', 'interet']) {
      expect(index.query((b) => b.term(analyseWord(q).term!, { usePipeline: false })).map((r) => r.ref)).toEqual(['a'])
    }
  })

  it('registration is idempotent and the stemmer works alone', () => {
    expect(registerFrenchPipeline()).toBe(lunr)
    expect(stem('solidaires')).toBe('solidair')
  })
})
