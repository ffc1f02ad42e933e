/**
 * Numbered lists keep every digit of their numbers, on slides and in the reader: the gutter of an
 * ordered list must hold « 16. » in the list's own font (slides clip at .slide-inner, so « 12. »
 * showed as « 2. » to the room). Measured on the real stylesheets at projector and laptop sizes.
 */
import { test, expect } from '../harness/fixtures'
import { SLIDE_CSS } from '../../electron/shared/presentation/slide-style'

const items = Array.from({ length: 7 }, (_, i) => `<li>Point numéro ${i + 10}, une phrase assez longue pour la ligne</li>`).join('')

for (const size of [{ width: 1280, height: 720 }, { width: 1024, height: 768 }]) {
  test(`a slide's list numbered 10–16 shows every digit at ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize(size)
    await page.setContent(`<!doctype html><html lang="fr"><style>${SLIDE_CSS} html,body{margin:0} .slide-frame{width:100vw;height:100vh;container-type:size}</style>
      <div class="slide-frame"><section class="slide" data-kind="section"><div class="slide-inner"><div class="slide-body"><ol start="10">${items}</ol></div></div></section></div>`)
    const room = await page.evaluate(() => {
      const ol = document.querySelector('ol')!
      const probe = document.createElement('span')
      probe.textContent = '16.'
      probe.style.fontWeight = '700'
      ol.querySelector('li')!.append(probe)
      const needed = probe.getBoundingClientRect().width
      probe.remove()
      return { gutter: parseFloat(getComputedStyle(ol).paddingLeft), needed }
    })
    expect(room.gutter, `gutter ${room.gutter}px for « 16. » (${room.needed}px)`).toBeGreaterThan(room.needed * 1.15)
  })
}

test('the reader’s footnotes 10–16 show every digit', async ({ app }) => {
  const doc = app.services.library.list()[0]!
  await app.open(`#/doc/${doc.id}`)
  await expect(app.page.locator('.doc-body')).toBeVisible()
  const room = await app.page.evaluate(() => {
    const ol = document.createElement('ol')
    ol.start = 10
    ol.innerHTML = '<li>note</li>'
    document.querySelector('.doc-body')!.append(ol)
    const probe = document.createElement('span')
    probe.textContent = '16.'
    ol.querySelector('li')!.append(probe)
    const r = { gutter: parseFloat(getComputedStyle(ol).paddingLeft), needed: probe.getBoundingClientRect().width }
    ol.remove()
    return r
  })
  expect(room.gutter).toBeGreaterThan(room.needed * 1.15)
})
