/**
 * The annotations API as the reader UI will use it (phase 2 builds the UI on exactly these calls):
 * from the page, through the same binding as the preload, on the real services and data dir.
 * It waits for API results and events, not for any UI.
 */
import { test, expect } from '../harness/fixtures'

test('the page creates, edits, undoes and redoes an annotation, gets change events, and finds it after a restart', async ({ app }) => {
  await app.open('#/')
  const doc = app.services.library.list()[0]!
  const text = app.services.library.get(doc.id).text
  // A real passage of the rendered text: the first words, up to 60 characters, ending on a letter.
  const start = text.search(/\p{L}/u)
  const end = start + text.slice(start, start + 60).replace(/[^\p{L}]+$/u, '').length

  const result = await app.page.evaluate(
    async ({ docId, start, end }) => {
      const api = window.passerelles.annotations
      const events: unknown[] = []
      // Events arrive on their own path (main → page), after the calls that caused them resolve.
      const changedHere = new Promise<void>((resolve) =>
        window.passerelles.on('annotations.changed', (p) => {
          events.push(p)
          if (p.docIds?.includes(docId)) resolve()
        }),
      )
      const created = await api.create({ docId, start, end, color: 'blue', note: 'Une *note*', tags: ['ess'] })
      if (!created.ok) throw new Error(created.error.message)
      const id = created.value.annotation.id
      const edited = await api.update({ id, color: 'green', tags: ['ess', 'gouvernance'] })
      const deleted = await api.delete({ id })
      const listedAfterDelete = await api.list({ docId })
      const restored = deleted.ok ? await api.restore({ annotation: deleted.value }) : deleted
      const bad = await api.create({ docId, start: end, end: start, color: 'blue' })
      const tags = await api.tags({ prefix: 'gou' })
      await changedHere
      return { id, created: created.value, edited, listedAfterDelete, restored, bad, tags, events }
    },
    { docId: doc.id, start, end },
  )
  expect(result.created.anchor).toMatchObject({ status: 'anchored', start, end, quote: text.slice(start, end) })
  expect(result.edited).toMatchObject({ ok: true, value: { annotation: { body: { color: 'green', tags: ['ess', 'gouvernance'] } } } })
  expect(result.listedAfterDelete).toMatchObject({ ok: true, value: { total: 0 } })
  expect(result.restored).toMatchObject({ ok: true, value: { annotation: { id: result.id, body: { color: 'green' } } } })
  expect(result.bad).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
  expect(result.tags).toEqual({ ok: true, value: [{ tag: 'gouvernance', count: 1 }] })
  expect(result.events).toContainEqual({ docIds: [doc.id] })

  await app.restart()
  const after = await app.page.evaluate((docId) => window.passerelles.annotations.list({ docId }), doc.id)
  expect(after).toMatchObject({ ok: true, value: { total: 1, items: [{ annotation: { id: result.id, body: { note: 'Une *note*', color: 'green' } }, anchor: { status: 'anchored' } }] } })
  const status = await app.page.evaluate(() => window.passerelles.annotations.status({}))
  expect(status).toMatchObject({ ok: true, value: { readOnly: null, notices: [], annotationCount: 1 } })
})
