import { describe, expect, it } from 'vitest'
import { createNodeSanitizer } from './sanitize-node'
import { markdownToHtml } from '../../shared/markdown/to-html'
import { isRemoteResource } from '../../shared/markdown/sanitize-config'

const sanitize = createNodeSanitizer()
const render = (md: string): string => sanitize(markdownToHtml(md, { path: 'a.md', idForPath: () => undefined }))

describe('the sanitising policy (Node side)', () => {
  it('keeps heading ids that name DOM properties, so sections and #anchors hold', () => {
    const html = render('## Images\n\n## Action\n\n## Formulaires\n')
    expect(html).toContain('<h2 id="images">')
    expect(html).toContain('<h2 id="action">')
    expect(html).toContain('<h2 id="formulaires">')
  })

  it('still drops clobbering ids and names on other elements', () => {
    const html = sanitize('<img id="cookie" src="/content/a.png"><a name="location">x</a><p id="images">p</p>')
    expect(html).not.toMatch(/id="cookie"|name="location"|id="images"/)
  })

  it('turns raw-HTML remote images into the inert placeholder, keeps pack images', () => {
    const html = sanitize('<p><img src="https://tracker.example/p.png" alt="pixel" onerror="x()"> <img src="/content/images/a.png" alt="ok"> <img src="//cdn.example/b.png"></p>')
    expect(html).toContain('<span class="remote-image" data-src="https://tracker.example/p.png">[pixel : https://tracker.example/p.png]</span>')
    expect(html).toContain('<img src="/content/images/a.png" alt="ok">')
    expect(html).toContain('data-src="//cdn.example/b.png"')
    expect(html).not.toMatch(/onerror|<img[^>]*tracker|<img[^>]*cdn/)
  })

  it('removes media, frames, forms, styles and script-bearing URLs', () => {
    const html = sanitize(
      '<video src="https://e.example/v.mp4" poster="https://e.example/p.png"></video><audio src="https://e.example/a.mp3"></audio>' +
        '<iframe src="https://e.example"></iframe><form action="https://e.example"><input></form><style>*{}</style>' +
        '<div style="background:url(https://e.example/x)">d</div><a href="javascript:alert(1)">j</a><a href="data:text/html,x">d</a>',
    )
    expect(html).not.toMatch(/video|audio|iframe|form|input|style|javascript:|data:|e\.example/)
  })
})

describe('images embedded as data: URIs (an imported file’s own pictures)', () => {
  const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg=='
  const renderBody = (md: string): string => sanitize(markdownToHtml(md, { path: 'mes-documents/a.md', idForPath: () => undefined }))

  it('keeps a raster data:image src on an <img>, from Markdown and from raw HTML', () => {
    expect(renderBody(`![Ateliers](${PNG})`)).toContain(`<img src="${PNG}" alt="Ateliers">`)
    for (const type of ['png', 'jpeg', 'gif', 'webp']) expect(sanitize(`<img src="data:image/${type};base64,AAAA" alt="a">`)).toBe(`<img src="data:image/${type};base64,AAAA" alt="a">`)
  })

  it('drops SVG, HTML and other data: sources, in Markdown and raw HTML, without writing the URI as text', () => {
    const hostile = ['data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'data:image/png,<svg onload=alert(1)>', 'data:application/octet-stream;base64,AAAA']
    for (const src of hostile) {
      for (const html of [renderBody(`![piège](${src.replace(/[<> ]/g, '')})`), sanitize(`<p><img src="${src}" alt="piège"></p>`)]) {
        expect(html).not.toMatch(/<img|base64|svg|text\/html|onload/i)
        expect(html).toContain('[piège]')
      }
    }
  })

  it('refuses a data: src on an element that is not an <img>', () => {
    expect(sanitize('<a href="data:image/png;base64,AAAA">x</a><p src="data:text/html,x">y</p>')).not.toMatch(/data:/)
  })
})

describe('isRemoteResource', () => {
  it.each(['https://evil.example/x.png', 'http://x/y', '//evil.example/x', ' https://x/y', 'HTTPS://X/Y', 'ftp://x/y', 'file:///etc/passwd', '\\\\server\\share', 'data:image/svg+xml;base64,AAAA', 'data:text/html,x'])(
    '%j is remote',
    (url) => expect(isRemoteResource(url)).toBe(true),
  )
  it.each(['/content/images/a.png', 'images/a.png', '../x.png', 'data:image/png;base64,AAAA', '#x'])('%j is local', (url) => expect(isRemoteResource(url)).toBe(false))
})

describe('the Node sanitiser (ship checks)', () => {

  it('blocks a remote src on any element that is not an image (those become placeholders)', () => {
    expect(sanitize('<a href="https://example.org/" src="https://evil.example/p.png">x</a>')).not.toMatch(/ src="https/)
  })

  it('removes media elements (DOMPurify drops their contents too)', () => {
    expect(sanitize('<p>a<video src="https://evil.example/v.mp4"><source src="x">vidéo</video><audio>son</audio>b</p>')).toBe('<p>ab</p>')
  })

  it('gives every link rel=noopener noreferrer and no target', () => {
    expect(sanitize('<a href="https://example.org/" target="_blank">x</a>')).toBe('<a href="https://example.org/" rel="noopener noreferrer">x</a>')
  })
})
