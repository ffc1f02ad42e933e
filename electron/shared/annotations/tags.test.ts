import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { normalizeTag, parseTagInput, TAG_PATTERN } from './tags'
import { TagSchema } from './model'

describe('normalizeTag', () => {
  it.each([
    ['terrain', 'terrain'],
    ['#terrain', 'terrain'],
    ['##terrain ', 'terrain'],
    ['logiciel libre', 'logiciel-libre'],
    ['  hébergement   mutualisé ', 'hébergement-mutualisé'],
    ['Économie_Sociale', 'Économie_Sociale'],
    ['a/b', 'a/b'],
    ['#a/b/', 'a/b'],
    ['a//b', 'a/b'],
    ['🌱', '🌱'],
    ['terrain🌱', 'terrain🌱'],
    ['👩‍💻', '👩‍💻'],
    ['Москва', 'Москва'],
    ['協同組合', '協同組合'],
    ['-x-', 'x'],
    ['e\u0301conomie', 'économie'],
  ])('%j → %j', (raw, tag) => {
    expect(normalizeTag(raw)).toEqual({ ok: true, tag })
    expect(TagSchema.safeParse(tag).success).toBe(true)
  })

  it.each([
    ['', 'empty', undefined],
    ['#', 'empty', undefined],
    [' / ', 'empty', undefined],
    ['«terrain»', 'bad-char', '«'],
    ['a.b', 'bad-char', '.'],
    ['pourquoi?', 'bad-char', '?'],
    ['x'.repeat(65), 'too-long', undefined],
  ])('refuses %j (%s)', (raw, problem, char) => {
    const n = normalizeTag(raw)
    expect(n.ok).toBe(false)
    if (!n.ok) {
      expect(n.problem).toBe(problem)
      expect(n.char).toBe(char)
    }
  })

  it('gives only tags the store accepts, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        const n = normalizeTag(s)
        if (!n.ok) return
        expect(TAG_PATTERN.test(n.tag)).toBe(true)
        expect(TagSchema.safeParse(n.tag).success).toBe(true)
        expect(normalizeTag(n.tag)).toEqual(n)
      }),
      { seed: 7, numRuns: 2000 },
    )
  })
})

describe('parseTagInput', () => {
  it('splits on commas, semicolons and before a #, normalises, drops duplicates', () => {
    expect(parseTagInput('hébergement, logiciel libre; #terrain #chatons, terrain')).toEqual({
      tags: ['hébergement', 'logiciel-libre', 'terrain', 'chatons'],
      problems: [],
    })
  })

  it('keeps the good tags and reports the others with their reason', () => {
    const p = parseTagInput('a/b, «x», , 🌱')
    expect(p.tags).toEqual(['a/b', '🌱'])
    expect(p.problems).toEqual([{ ok: false, raw: ' «x»', problem: 'bad-char', char: '«' }])
  })
})
