import { describe, expect, it } from 'vitest'
import { createNodeSanitizer } from './sanitize-node'
import { isRemoteResource } from '../../shared/markdown/sanitize-config'

describe('isRemoteResource', () => {
  it.each(['https://evil.example/x.png', 'http://x/y', '//evil.example/x', ' https://x/y', 'HTTPS://X/Y', 'ftp://x/y', 'file:///etc/passwd', '\\\\server\\share'])(
    '%j is remote',
    (url) => expect(isRemoteResource(url)).toBe(true),
  )
  it.each(['/content/images/a.png', 'images/a.png', '../x.png', 'data:image/png;base64,AAAA', '#x'])('%j is local', (url) => expect(isRemoteResource(url)).toBe(false))
})

describe('the Node sanitiser', () => {
  const sanitize = createNodeSanitizer()

  it('drops remote image sources (tracking pixels) but keeps local ones and the alt text', () => {
    const out = sanitize('<img src="https://evil.example/p.png" alt="a"><img src="/content/images/ok.png" alt="b">')
    expect(out).toBe('<img alt="a" data-blocked-src="https://evil.example/p.png"><img src="/content/images/ok.png" alt="b">')
  })

  it('removes media elements (DOMPurify drops their contents too)', () => {
    expect(sanitize('<p>a<video src="https://evil.example/v.mp4"><source src="x">vidéo</video><audio>son</audio>b</p>')).toBe('<p>ab</p>')
  })

  it('gives every link rel=noopener noreferrer and no target', () => {
    expect(sanitize('<a href="https://example.org/" target="_blank">x</a>')).toBe('<a href="https://example.org/" rel="noopener noreferrer">x</a>')
  })
})
