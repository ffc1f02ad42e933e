import { describe, expect, it } from 'vitest'
import { AnswerInputSchema, JoinSchema, RoomEventSchema, VoteInputSchema, cleanText, ANSWER_MAX_CHARS } from './model'
import { reduceRoom, refusal } from './state'
import { consoleView, participantView, projectionView } from './views'
import { cahierFileName, cahierMarkdown } from './cahier'
import { ASKED, DEV, OPEN, answer, roomOf } from './testing'

describe('participant input', () => {
  it('keeps an answer as text, trimmed, without control or bidi characters', () => {
    const r = AnswerInputSchema.parse({ questionId: 'q1', text: '  <b>oui</b>\u202e\u0007 ', pseudonym: ' Anne ' })
    expect(r).toEqual({ questionId: 'q1', text: '<b>oui</b>', pseudonym: 'Anne' })
  })
  it('refuses an empty, oversized or extra-field answer', () => {
    expect(AnswerInputSchema.safeParse({ questionId: 'q1', text: '   ' }).success).toBe(false)
    expect(AnswerInputSchema.safeParse({ questionId: 'q1', text: 'x'.repeat(ANSWER_MAX_CHARS + 1) }).success).toBe(false)
    expect(AnswerInputSchema.safeParse({ questionId: 'q1', text: 'x'.repeat(ANSWER_MAX_CHARS) }).success).toBe(true)
    expect(AnswerInputSchema.safeParse({ questionId: 'q1', text: 'oui', html: true }).success).toBe(false)
    expect(AnswerInputSchema.safeParse({ questionId: '../q1', text: 'oui' }).success).toBe(false)
  })
  it('accepts only a six-digit code and a room id to vote for', () => {
    expect(JoinSchema.safeParse({ code: '123456' }).success).toBe(true)
    expect(JoinSchema.safeParse({ code: '12345' }).success).toBe(false)
    expect(JoinSchema.safeParse({ code: 123456 }).success).toBe(false)
    expect(VoteInputSchema.safeParse({ answerId: 'A1' }).success).toBe(false)
  })
  it('collapses long runs of blank lines', () => {
    expect(cleanText('a\r\n\r\n\r\n\r\nb')).toBe('a\n\nb')
  })
})

describe('the room reducer', () => {
  const base = [...ASKED, { t: 'join', device: DEV[0] }, { t: 'join', device: DEV[1] }, { t: 'join', device: DEV[2] }] as const

  it('counts one « +1 » per device, withdrawn when given again, never on one’s own answer', () => {
    let s = roomOf([...base, answer('a1', 'Un outil partagé', DEV[0])])
    expect(refusal(s, { t: 'vote', answerId: 'a1', device: DEV[0] })).toMatch(/own/)
    s = reduceRoom(s, { t: 'vote', answerId: 'a1', device: DEV[1] })
    s = reduceRoom(s, { t: 'vote', answerId: 'a1', device: DEV[2] })
    expect(consoleView(s).answers[0]!.votes).toBe(2)
    s = reduceRoom(s, { t: 'vote', answerId: 'a1', device: DEV[2] })
    expect(consoleView(s).answers[0]!.votes).toBe(1)
    expect(participantView(s, DEV[1]).answers[0]).toMatchObject({ voted: true, mine: false, votes: 1 })
    expect(participantView(s, DEV[0]).answers[0]).toMatchObject({ voted: false, mine: true })
  })

  it('refuses answers to a question no longer asked', () => {
    const s = roomOf([...base, { t: 'question', id: 'q2', text: 'Autre', at: OPEN.at }, { t: 'ask', questionId: 'q2' }])
    expect(refusal(s, answer('a1', 'x', DEV[0]))).toMatch(/no longer asked/)
    expect(refusal(s, { ...answer('a1', 'x', DEV[0]), questionId: 'q2' } as never)).toBeNull()
  })

  it('merges into a root, flattened, and counts the support of the merged answers', () => {
    let s = roomOf([...base, answer('a1', 'Mutualiser', DEV[0]), answer('a2', 'Partager les outils', DEV[1]), answer('a3', 'Mettre en commun', DEV[2])])
    s = reduceRoom(s, { t: 'vote', answerId: 'a3', device: DEV[0] })
    s = reduceRoom(s, { t: 'merge', into: 'a2', answerIds: ['a3'] })
    s = reduceRoom(s, { t: 'merge', into: 'a1', answerIds: ['a2'] })
    const v = consoleView(s)
    expect(v.answers.map((a) => a.mergedInto)).toEqual([null, 'a1', 'a1'])
    expect(v.answers[0]!.weight).toBe(4) // a1 itself, a2, a3 and a3's « +1 »
    expect(refusal(s, { t: 'merge', into: 'a2', answerIds: ['a1'] })).toMatch(/no such answer to merge into/)
    expect(participantView(s, DEV[0]).answers.map((a) => a.id)).toEqual(['a1'])
    s = reduceRoom(s, { t: 'unmerge', answerId: 'a3' })
    expect(consoleView(s).answers[0]!.weight).toBe(2)
  })

  it('shows the audience only what was projected, and never a hidden answer', () => {
    let s = roomOf([...base, answer('a1', 'Un', DEV[0]), answer('a2', 'Deux', DEV[1]), answer('a3', 'Trois', DEV[2])])
    expect(projectionView(s).groups).toEqual([])
    s = reduceRoom(s, { t: 'group', answerIds: ['a1', 'a2'], group: 'Financer' })
    s = reduceRoom(s, { t: 'project', answerIds: ['a1', 'a2'], invitation: false })
    expect(projectionView(s).groups.map((g) => [g.name, g.cards.map((c) => c.text)])).toEqual([['Financer', ['Un', 'Deux']]])
    expect(projectionView(s).question).toBe('Quel chantier votre structure peut-elle porter ?')
    s = reduceRoom(s, { t: 'hide', answerIds: ['a2'], hidden: true })
    expect(projectionView(s).groups.flatMap((g) => g.cards.map((c) => c.id))).toEqual(['a1'])
    expect(refusal(s, { t: 'project', answerIds: ['a2'], invitation: false })).toMatch(/visible/)
    expect(participantView(s, DEV[0]).answers.map((a) => a.id)).toEqual(['a3', 'a1'])
  })

  it('is total: unknown ids, duplicates and events after the close change nothing', () => {
    const s = roomOf([...base, answer('a1', 'Un', DEV[0])])
    expect(reduceRoom(s, { t: 'vote', answerId: 'zzzz', device: DEV[1] })).toEqual(s)
    expect(reduceRoom(s, answer('a1', 'Encore', DEV[1]))).toEqual(s)
    const closed = reduceRoom(s, { t: 'close', at: OPEN.at })
    expect(reduceRoom(closed, answer('a9', 'Tard', DEV[1]))).toBe(closed)
    expect(refusal(closed, answer('a9', 'Tard', DEV[1]))).toMatch(/closed/)
  })

  it('validates journal lines strictly', () => {
    expect(RoomEventSchema.safeParse(answer('a1', 'Un', DEV[0])).success).toBe(true)
    expect(RoomEventSchema.safeParse({ ...answer('a1', 'Un', DEV[0]), extra: 1 }).success).toBe(false)
    expect(RoomEventSchema.safeParse({ t: 'drop-table' }).success).toBe(false)
  })

  it('keeps where the presenter is: the section opened on, then each slide presented (section and rank)', () => {
    expect(roomOf([]).at).toEqual({ sectionId: null, title: 'Questions pour l’atelier', slide: 0 })
    const at = { t: 'at', sectionId: 'deuxieme', title: 'Deuxième partie', slide: 3 } as const
    expect(RoomEventSchema.safeParse(at).success).toBe(true)
    expect(RoomEventSchema.safeParse({ ...at, slide: -1 }).success).toBe(false)
    const s = roomOf([...ASKED, at])
    expect(consoleView(s).at).toEqual({ sectionId: 'deuxieme', title: 'Deuxième partie', slide: 3 })
    expect(s.current).toBe('q1')
  })
})

describe('« Cahier de l’atelier »', () => {
  it('writes questions, themes, support, date and place, pseudonyms only, escaped', () => {
    let s = roomOf([
      ...ASKED, { t: 'join', device: DEV[0] }, { t: 'join', device: DEV[1] }, { t: 'join', device: DEV[2] },
      answer('a1', 'Un outil *partagé*', DEV[0], 'Anne'),
      answer('a2', '# <script>alert(1)</script>', DEV[1]),
      answer('a3', 'Mettre en commun\nles serveurs', DEV[2], 'Lou'),
      answer('a4', 'Hors sujet', DEV[2]),
    ])
    s = reduceRoom(s, { t: 'vote', answerId: 'a1', device: DEV[1] })
    s = reduceRoom(s, { t: 'merge', into: 'a1', answerIds: ['a3'] })
    s = reduceRoom(s, { t: 'group', answerIds: ['a1'], group: 'Mutualiser' })
    s = reduceRoom(s, { t: 'hide', answerIds: ['a4'], hidden: true })
    expect(cahierMarkdown(s)).toBe([
      '# Cahier de l’atelier',
      '',
      '- Texte : Renforcer les passerelles — Questions pour l’atelier',
      '- Date : 28 novembre 2026',
      '- Lieu : Brest, salle du Patronage',
      '- Participation : 3 appareils, 4 réponses',
      '- 1 réponse masquée par l’animation, non reprise ici',
      '',
      '## Quel chantier votre structure peut-elle porter ?',
      '',
      '### Mutualiser (3 soutiens)',
      '',
      '- Un outil \\*partagé\\* — Anne (3 soutiens)',
      '  - Mettre en commun / les serveurs — Lou',
      '',
      '### Autres réponses (1 soutien)',
      '',
      '- \\# &lt;script\\>alert(1)&lt;/script\\> (1 soutien)',
      '',
      '---',
      '',
      'Réponses recueillies avec Passerelles, sans compte ni connexion à Internet. Seuls les pseudonymes choisis par les participants figurent ici.',
      '',
    ].join('\n'))
    expect(cahierMarkdown(s)).not.toContain(DEV[0])
    expect(cahierFileName(s)).toBe('cahier-de-l-atelier-2026-11-28-questions-pour-l-atelier.md')
  })
})
