/**
 * For facilitators (#15): presenting a chapter of the cahier (« Présenter » on the whole document)
 * ends with its « À retenir » slides then its « Questions pour l’atelier » slides (only the
 * document's notes, its references, follow as an appendix), for every chapter, and those closing slides fit the audience screen at 1280×720 and 1024×768 like every
 * other slide (no overflow, type scaled no lower than the layout spec allows).
 */
import { test, expect } from '../harness/fixtures'

const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
] as const
const KEEP = 'À retenir'
const ASK = 'Questions pour l’atelier'
/** The heading of a document's footnotes when it is presented whole. */
const NOTES = 'Notes'
/** Same floor as presentation-layout.spec.ts. */
const MIN_SCALE = 0.75

function plain(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&nbsp;|\u00a0/g, ' ').trim()
}

for (const viewport of VIEWPORTS) {
  test(`every cahier chapter closes with « ${KEEP} » and « ${ASK} », fitting at ${viewport.width}×${viewport.height}`, async ({ app }) => {
    test.setTimeout(180_000)
    const chapters = app.services.library
      .list()
      .filter((d) => d.kind === 'cahier')
      .map((d) => d.id)
    expect(chapters.length).toBeGreaterThanOrEqual(8)

    const closing: number[] = []
    for (const docId of chapters) {
      await app.services.presentation.start({ kind: 'document', docId })
      const slides = app.services.presentation.deck().slides
      // Each slide's topic: its own heading, or the heading it continues.
      const topics = slides.map((s) => plain(s.headingHtml) || s.continues)
      const firstKeep = topics.indexOf(KEEP)
      const firstAsk = topics.indexOf(ASK)
      expect(firstKeep, `${docId}: a « ${KEEP} » slide`).toBeGreaterThan(0)
      expect(firstAsk, `${docId}: « ${ASK} » after « ${KEEP} »`).toBeGreaterThan(firstKeep)
      // Nothing else after them but the document's notes (its references, shown last as an appendix).
      const notes = topics.indexOf(NOTES) < 0 ? slides.length : topics.indexOf(NOTES)
      expect(notes, `${docId}: the notes come after the questions`).toBeGreaterThan(firstAsk)
      expect(topics.slice(firstKeep, firstAsk).every((t) => t === KEEP), `${docId}: only « ${KEEP} » slides before the questions`).toBe(true)
      expect(topics.slice(firstAsk, notes).every((t) => t === ASK), `${docId}: the questions close the chapter`).toBe(true)
      expect(topics.slice(notes).every((t) => t === NOTES), `${docId}: only notes after the questions`).toBe(true)
      // Three to five points and three to five questions, all shown.
      const items = (from: number, to: number): number => slides.slice(from, to).reduce((n, s) => n + (s.bodyHtml.match(/<li[\s>]/g) ?? []).length, 0)
      expect(items(firstKeep, firstAsk)).toBeGreaterThanOrEqual(3)
      expect(items(firstKeep, firstAsk)).toBeLessThanOrEqual(5)
      expect(items(firstAsk, notes)).toBeGreaterThanOrEqual(3)
      expect(items(firstAsk, notes)).toBeLessThanOrEqual(5)
      closing.push(notes - firstKeep)
    }

    // Fit: present all chapters in one deck and measure the closing slides of each.
    const deck = await app.services.decks.create('Chapitres du cahier', chapters.map((docId) => ({ docId, sectionId: null })))
    await app.open('#/')
    await app.services.presentation.start({ kind: 'deck', id: deck.id })
    const { presenter, audience } = await app.presentation.windows()
    await presenter.close()
    await audience.setViewportSize(viewport)
    const all = app.services.presentation.deck().slides
    const targets: number[] = []
    for (let i = 0; i < all.length; i++) {
      const topic = plain(all[i]!.headingHtml) || all[i]!.continues
      if (topic === KEEP || topic === ASK) targets.push(i)
    }
    expect(targets.length).toBe(closing.reduce((a, b) => a + b, 0))
    await expect(audience.locator('.audience-slide .slide[data-fit]')).toBeAttached()
    await audience.evaluate(() => document.fonts.ready)

    const measures = await audience.evaluate(async (indices: number[]) => {
      const rendered = (i: number): Promise<void> =>
        new Promise((resolve) => {
          const check = (): void => {
            const frame = document.querySelector<HTMLElement>('.audience-slide')
            if (frame?.dataset.slideIndex === String(i) && frame.querySelector<HTMLElement>('.slide')?.dataset.fit) resolve()
            else requestAnimationFrame(check)
          }
          check()
        })
      const out: { i: number; text: string; fit: number; overflows: boolean }[] = []
      for (const i of indices) {
        const r = await window.passerelles.presentation.dispatch({ action: { type: 'goto', index: i } })
        if (!r.ok) throw new Error(r.error.message)
        await rendered(i)
        const slide = document.querySelector<HTMLElement>('.audience-slide .slide')!
        const inner = slide.querySelector<HTMLElement>('.slide-inner')!
        const root = document.documentElement
        out.push({
          i,
          text: inner.textContent ?? '',
          fit: Number(slide.dataset.fit),
          overflows:
            inner.scrollHeight > inner.clientHeight + 1 ||
            inner.scrollWidth > inner.clientWidth + 1 ||
            root.scrollHeight > window.innerHeight ||
            root.scrollWidth > window.innerWidth,
        })
      }
      return out
    }, targets)

    expect(measures.length).toBe(targets.length)
    for (const m of measures) expect(m.text, `slide ${m.i} shows its closing heading`).toMatch(/À retenir|Questions pour l’atelier/)
    expect(measures.filter((m) => m.overflows).map((m) => m.i), 'closing slides whose content overflows').toEqual([])
    expect(Math.min(...measures.map((m) => m.fit))).toBeGreaterThanOrEqual(MIN_SCALE)
  })
}

test(`a section presented alone in « Texte intégral » ends on its chapter's « ${KEEP} » and « ${ASK} », for every chapter`, async ({ app }) => {
  test.setTimeout(120_000)
  const chapters = app.services.library.list().filter((d) => d.kind === 'cahier')
  expect(chapters.length).toBeGreaterThanOrEqual(8)
  await app.open('#/')
  for (const { id: docId } of chapters) {
    const doc = app.services.library.get(docId)
    const section = doc.sections.find((s) => s.level === 2 && s.title !== KEEP && s.title !== ASK)!
    await app.services.presentation.start({ kind: 'section', docId, sectionId: section.id, form: 'full' })
    const slides = app.services.presentation.deck().slides
    const topics = slides.map((s) => plain(s.headingHtml) || s.continues)
    const firstKeep = topics.indexOf(KEEP)
    const firstAsk = topics.indexOf(ASK)
    expect(firstKeep, `${docId} § ${section.title}: « ${KEEP} » follows the section`).toBeGreaterThan(0)
    expect(firstAsk, `${docId} § ${section.title}: « ${ASK} » after « ${KEEP} »`).toBeGreaterThan(firstKeep)
    expect(topics.slice(firstKeep, firstAsk).every((t) => t === KEEP)).toBe(true)
    expect(topics.slice(firstAsk).every((t) => t === ASK), `${docId}: the questions close the part`).toBe(true)
    expect(topics.slice(0, firstKeep)).not.toContain(ASK)
  }
  // What the room sees at the end of the last one: the questions.
  const { presenter, audience } = await app.presentation.windows()
  await presenter.close()
  await audience.keyboard.press('End')
  await expect(audience.locator('.audience-slide .slide-inner')).toContainText(ASK)
})
