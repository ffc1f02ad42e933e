import { describe, expect, it } from 'vitest'
import { htmlToMarkdown } from './from-html'
import { renderBody } from '../../content/render-document'

const md = (body: string): string => htmlToMarkdown(`<!doctype html><html><head><title>T</title></head><body>${body}</body></html>`).markdown

describe('notes of converted HTML become Markdown footnotes', () => {
  it('a call whose note links back, or a noteref without a back-link; a second call to the same note shares its label', () => {
    expect(
      md(
        '<p>Un<sup><a href="#n1" id="r1">1</a></sup> et deux<a href="#n2" epub:type="noteref">2</a>, encore un<sup><a href="#n1" id="r1b">1</a></sup>.</p><section class="footnotes"><hr><ol><li id="n1"><p>Première <em>note</em>.</p><p>Suite.</p><a href="#r1">↩</a></li><li id="n2">Seconde.</li></ol></section>',
      ),
    ).toBe('Un[^1] et deux[^2], encore un[^1].\n\n[^1]: Première *note*.\n\n    Suite.\n\n[^2]: Seconde.\n')
    // Drawn as the pack's notes: a two-paragraph note stays one note.
    const html = renderBody(md('<p>Un<a href="#n1" id="r1">1</a>.</p><ol><li id="n1"><p>A.</p><p>B.</p><a href="#r1">↩</a></li></ol>'), { path: 'x.md', idForPath: () => undefined }).html
    expect(html).toMatch(/<section class="footnotes"[\s\S]*<li id="footnote-1">\s*<p>A\.<\/p>\s*<p>B\./)
  })

  it('links to a place in the document that are not notes stay links; a note list with other items keeps them', () => {
    expect(md('<p><a href="#plan">Voir le plan</a></p><h2 id="plan">Plan</h2><ol><li id="x">Un point</li></ol><p><a href="#x">point</a></p>')).toBe(
      '[Voir le plan](#plan)\n\n## Plan\n\n1.  Un point\n\n[point](#x)\n',
    )
  })

  it('a data: URI picture is embedded with its description as alt text; a remote image becomes a placeholder, no address kept', () => {
    const out = md('<p><img src="data:image/png;base64,iVBORw0KGgo=" alt="Un [logo] *gras* \\ &amp; <b>"> <img src="https://example.org/x.png"></p>')
    expect(out).toBe('![Un \\[logo\\] *gras* \\\\ & <b>](data:image/png;base64,iVBORw0KGgo=) *\\[image\\]*\n')
    const { html, text } = renderBody(out, { path: 'x.md', idForPath: () => undefined })
    expect(html).toContain('<img src="data:image/png;base64,iVBORw0KGgo=" alt="Un [logo] *gras* \\ &amp; &lt;b&gt;">')
    expect(text.trim()).toBe('[image]')
  })
})
