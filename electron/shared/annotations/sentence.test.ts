import { describe, expect, it } from 'vitest'
import { sentenceAt } from './sentence'

describe('sentenceAt', () => {
  const text = 'Première phrase. Deuxième phrase ici ! Troisième\nLigne suivante'
  it('takes the sentence around the caret, with its final punctuation, without spaces around', () => {
    const s = sentenceAt(text, text.indexOf('phrase ici'))!
    expect(text.slice(s.start, s.end)).toBe('Deuxième phrase ici !')
  })
  it('stops at a line break', () => {
    const s = sentenceAt(text, text.indexOf('Troisième') + 2)!
    expect(text.slice(s.start, s.end)).toBe('Troisième')
    const l = sentenceAt(text, text.length)!
    expect(text.slice(l.start, l.end)).toBe('Ligne suivante')
  })
  it('gives null for empty or blank text', () => {
    expect(sentenceAt('', 0)).toBeNull()
    expect(sentenceAt('   ', 1)).toBeNull()
  })
})
