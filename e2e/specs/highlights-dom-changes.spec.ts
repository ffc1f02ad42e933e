/**
 * Highlights survive changes to the body's DOM. Glossary terms are wrapped in links after a
 * document is shown (when the glossary arrives), and moving a text node into a wrapper takes the
 * boundaries of live DOM Ranges with it: highlights painted before would silently lose those words
 * (an e2e run under load caught search matches turning into empty ranges). Here the page wraps the
 * words itself, after painting, exactly as the glossary does; every highlight must still cover its
 * words.
 */
import { test, expect } from '../harness/fixtures'
import { DocumentPage } from '../pages/document-page'
import { MatchBar } from '../pages/search-page'

test('search matches and annotations are repainted when text is wrapped after they were painted', async ({ app }) => {
  const docId = app.services.library.list().find((d) => app.services.library.get(d.id).text.includes('coopérative'))!.id
  const text = app.services.library.get(docId).text
  const start = text.indexOf('coopérative')
  const made = await app.api.annotations.create({ docId, start, end: start + 'coopérative'.length, color: 'green' })
  if (!made.ok) throw new Error(made.error.message)
  const quote = made.value.annotation.target!.selector[0].exact

  await app.open(`#/doc/${docId}?q=${encodeURIComponent('coopérative')}`)
  await new DocumentPage(app.page).waitFor(docId)
  const bar = new MatchBar(app.page)
  const located = await app.api.search.locate({ q: 'coopérative', docId })
  if (!located.ok) throw new Error(located.error.message)
  const words = located.value.ranges.map((r) => text.slice(r.start, r.end))
  expect(words.length).toBeGreaterThan(0)
  await expect.poll(() => bar.highlighted('search-match')).toEqual(words)
  const annotated = (): Promise<string[]> => app.page.evaluate(() => [...(CSS.highlights.get('annotation-green') ?? [])].map((r) => r.toString()))
  await expect.poll(annotated).toEqual([quote])

  // Wrap every highlighted word in a span, the glossary's way (split, replace, append).
  const wrapped = await app.page.evaluate(() => {
    const ranges = [...(CSS.highlights.get('search-match') ?? [])] as Range[]
    let n = 0
    for (const r of [...ranges].reverse()) {
      const node = r.startContainer
      if (node !== r.endContainer || !(node instanceof Text)) continue
      // Read before splitting: the range is live and follows the split.
      const [from, to] = [r.startOffset, r.endOffset]
      const middle = from > 0 ? node.splitText(from) : node
      if (to - from < middle.data.length) middle.splitText(to - from)
      const span = document.createElement('span')
      middle.replaceWith(span)
      span.append(middle)
      n++
    }
    return n
  })
  expect(wrapped).toBeGreaterThan(0)
  await expect.poll(() => bar.highlighted('search-match')).toEqual(words)
  await expect.poll(() => bar.highlighted('search-current')).not.toEqual([''])
  await expect.poll(annotated).toEqual([quote])
})
