import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { noteText } from './note-text'

describe('noteText (a note as search reads and shows it)', () => {
  it.each<[string, string]>([
    ['**Comparer** avec les _sociétaires_ [d’une SCIC](https://example.org/scic) ?', 'Comparer avec les sociétaires d’une SCIC ?'],
    ['l’**éco**nomie', 'l’économie'],
    ['- un\n- deux\n\n1. trois', 'un deux trois'],
    ['# Titre\n\n> cité\n> encore', 'Titre cité encore'],
    ['un `code` ici\n\n```\nbloc de code\n```', 'un code ici bloc de code'],
    ['| a | b |\n|---|---|\n| c | d |', 'a b c d'],
    ['<b>gras</b> et AT&amp;T, \\*pas d’emphase\\*', 'gras et AT&T, *pas d’emphase*'],
    ['<script>alert(1)</script>', 'alert(1)'],
    ['![logo de la coopérative](x.png) fin', 'logo de la coopérative fin'],
    ['ligne  \ncoupée', 'ligne coupée'],
    ['', ''],
    ['   \n ', ''],
  ])('%j → %j', (md, text) => expect(noteText(md)).toBe(text))

  it('never throws and keeps every letter of plain prose', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => void noteText(s)),
      { numRuns: 500 },
    )
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zéèàç]{1,12}$/), { minLength: 1, maxLength: 30 }), (words) => {
        expect(noteText(words.join(' '))).toBe(words.join(' '))
      }),
      { numRuns: 300 },
    )
  })
})
