/**
 * The room as services.ts composes it, on the shipped content: a session offers the chapter's own
 * « Questions pour l’atelier », the `room.changed` event carries only a revision, and the server
 * stops when the presentation ends (the session stays open, to resume).
 */
import { describe, expect, it } from 'vitest'
import { resolve } from 'node:path'
import { createServices } from '../services'
import { createHandlers } from '../handlers'
import { fixedClock } from '../platform/clock'
import { memoryLogger } from '../platform/log'
import { recordingOpener } from '../platform/external-opener'
import { tempDir } from '../testing/temp-pack'

const CONTENT = resolve(__dirname, '..', '..', '..', 'content')
const DOC = 'cahier-07-renforcer-les-passerelles'

describe('the room in the composed services', () => {
  it('asks the chapter’s questions, announces changes by revision only, and stops with the presentation', async () => {
    const services = await createServices({
      contentDir: CONTENT, dataDir: await tempDir(), clock: fixedClock('2026-11-28T10:00:00Z'), log: memoryLogger(), openUrl: recordingOpener(), appVersion: '0.0.0-test',
      roomHost: '127.0.0.1',
    })
    const handlers = createHandlers(services)
    const events: unknown[] = []
    services.bus.subscribe((name, payload) => {
      if (name === 'room.changed') events.push(payload)
    })
    try {
      const started = await handlers['room:start']({ docId: DOC, sectionId: null })
      expect(started).toMatchObject({ ok: true, value: { running: true } })
      const view = services.room.status().view!
      // The content's typography is kept: narrow no-break spaces before « ? » and « : ».
      expect(view.questions.map((q) => q.text)).toEqual([
        'Lequel des six chantiers votre structure peut-elle porter, même modestement, dans l’année qui vient\u202f?',
        'Quelle tête de réseau, quelle collectivité ou quel financeur de votre territoire faudrait-il convaincre en premier\u202f?',
        'Que seriez-vous prêts à payer pour un outil libre bien maintenu, et sous quelle forme\u202f: abonnement, cotisation, contribution\u202f?',
        'Comment éviter qu’une proposition de ce cahier reste un vœu pieux\u202f: qui, quand, avec quels moyens\u202f?',
      ])
      expect(view.current).toBe(view.questions[0]!.id)
      await expect.poll(() => events.length).toBeGreaterThan(0)
      expect(Object.keys(events[0] as object)).toEqual(['revision'])

      const sectionId = services.library.get(DOC).sections.find((s) => s.level === 2)!.id
      expect(await handlers['presentation:start']({ source: { kind: 'section', docId: DOC, sectionId } })).toMatchObject({ ok: true })
      expect(await handlers['presentation:dispatch']({ action: { type: 'stop' } })).toMatchObject({ ok: true })
      await expect.poll(() => services.room.status().running).toBe(false)
      expect(services.room.status().view!.closed).toBe(false)
    } finally {
      await services.close()
    }
  })

  it('journals the slide presented while the session listens (section and rank), and a new app finds it there', async () => {
    const dataDir = await tempDir()
    const make = (): ReturnType<typeof createServices> => createServices({
      contentDir: CONTENT, dataDir, clock: fixedClock('2026-11-28T10:00:00Z'), log: memoryLogger(), openUrl: recordingOpener(), appVersion: '0.0.0-test',
      roomHost: '127.0.0.1',
    })
    const services = await make()
    const handlers = createHandlers(services)
    const sections = services.library.get(DOC).sections.filter((s) => s.level === 2)
    const deck = await services.decks.create('Atelier', sections.slice(0, 2).map((s) => ({ docId: DOC, sectionId: s.id })))
    try {
      expect(await handlers['presentation:start']({ source: { kind: 'deck', id: deck.id } })).toMatchObject({ ok: true })
      expect(await handlers['room:start']({ docId: DOC, sectionId: sections[0]!.id })).toMatchObject({ ok: true })
      expect(services.room.status().view!.at).toEqual({ sectionId: sections[0]!.id, title: sections[0]!.title, slide: 0 })
      // The presenter goes to the second slide of the deck's second section.
      const slides = services.presentation.deck().slides
      const index = slides.findIndex((x) => x.source?.sectionId === sections[1]!.id) + 1
      expect(slides[index]!.source!.sectionId).toBe(sections[1]!.id)
      expect(await handlers['presentation:dispatch']({ action: { type: 'goto', index } })).toMatchObject({ ok: true })
      await expect.poll(() => services.room.status().view!.at).toEqual({ sectionId: sections[1]!.id, title: sections[1]!.title, slide: 1 })
    } finally {
      await services.close()
    }
    const again = await make()
    try {
      expect(again.room.status().view!.at).toEqual({ sectionId: sections[1]!.id, title: sections[1]!.title, slide: 1 })
    } finally {
      await again.close()
    }
  })
})
