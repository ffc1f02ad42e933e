import { describe, expect, it } from 'vitest'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { realpathInside, resolveAppRequest } from './resolve-request'
import { tempDir } from '../testing/temp-pack'

const roots = { bundle: '/srv/app/out/renderer', content: '/srv/app/content' }

describe('resolveAppRequest', () => {
  it.each([
    ['app://reader/', '/srv/app/out/renderer/index.html'],
    ['app://reader/index.html', '/srv/app/out/renderer/index.html'],
    ['app://reader/assets/index-abc.js', '/srv/app/out/renderer/assets/index-abc.js'],
    ['app://reader/content/images/sch%C3%A9ma%20ESS.png', '/srv/app/content/images/schéma ESS.png'],
    ['app://reader/index.html?x=1#/doc/a', '/srv/app/out/renderer/index.html'],
  ])('serves %s', (url, file) => {
    expect(resolveAppRequest('GET', url, roots)).toMatchObject({ status: 200, file })
  })

  // At least 15 traversal and encoding tricks, each refused with a 4xx.
  it.each([
    'app://reader/content/..%2f..%2fpackage.json',
    'app://reader/content/..%2F..%2Fetc%2Fpasswd',
    'app://reader/content/%2e%2e/%2e%2e/etc/passwd',
    'app://reader/content/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://reader/content/..%5c..%5cwindows%5cwin.ini',
    'app://reader/content/%252e%252e/%252e%252e/etc/passwd',
    'app://reader/content/%25252e%25252e/etc/passwd',
    'app://reader/content/%00x.png',
    'app://reader/content/x.png%00.html',
    'app://reader/content/C:%5cWindows%5cwin.ini',
    'app://reader/content//etc/passwd',
    'app://reader/content/%2fetc%2fpasswd',
    'app://reader//etc/passwd',
    'app://reader/..%2f..%2f..%2fetc%2fpasswd',
    'app://reader/%2e%2e%2f%2e%2e%2fpackage.json',
    'app://reader/content/..%c0%af..%c0%afetc/passwd',
    'app://reader/content/%E0%80%AE%E0%80%AE/passwd',
    'app://reader/content/cahier/01.md',
    'app://reader.evil/index.html',
    'app://reader@evil/index.html',
    'app://evil/index.html',
    'https://reader/index.html',
    'file:///etc/passwd',
    'app://reader/etc/passwd',
  ])('refuses %s', (url) => {
    const r = resolveAppRequest('GET', url, roots)
    expect(r.status, JSON.stringify(r)).toBeGreaterThanOrEqual(400)
    expect(r.status).toBeLessThan(500)
  })

  // The URL parser itself collapses literal and %2e dot segments before we see the path: these
  // resolve inside the bundle root (and 404 there), never outside it.
  it.each([
    'app://reader/content/../package.json',
    'app://reader/content/.%2e/package.json',
    'app://reader/content/%2E%2E/%2E%2E/%2E%2E/package.json',
    'app://reader/content-evil/x.png',
  ])('keeps %s inside the bundle root', (url) => {
    const r = resolveAppRequest('GET', url, roots)
    if (r.status === 200) expect(r.file.startsWith(`${roots.bundle}/`)).toBe(true)
    else expect(r.status).toBeGreaterThanOrEqual(400)
  })

  it.each(['evil.js', 'evil.mjs', 'page.html', 'style.css', 'data.json', 'notes.txt', 'font.woff2', 'cahier/01.md'])(
    'serves only images from the content pack, never %s (a hostile pack cannot plant same-origin code)',
    (file) => {
      expect(resolveAppRequest('GET', `app://reader/content/${file}`, roots)).toMatchObject({ status: 404 })
    },
  )

  it.each(['a.png', 'b.JPG', 'c.jpeg', 'd.webp', 'e.gif', 'f.svg'])('serves the content image %s', (file) => {
    expect(resolveAppRequest('GET', `app://reader/content/images/${file}`, roots)).toMatchObject({ status: 200 })
  })

  it('refuses methods other than GET and HEAD', () => {
    expect(resolveAppRequest('POST', 'app://reader/', roots).status).toBe(405)
    expect(resolveAppRequest('HEAD', 'app://reader/', roots).status).toBe(200)
  })
})

describe('realpathInside', () => {
  it('refuses a symlink planted inside the root that points outside', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'content'))
    await writeFile(join(dir, 'secret.txt'), 'secret')
    await writeFile(join(dir, 'content', 'ok.png'), 'png')
    await symlink(join(dir, 'secret.txt'), join(dir, 'content', 'leak.png'))
    expect(await realpathInside(join(dir, 'content'), join(dir, 'content', 'ok.png'))).toBe(true)
    expect(await realpathInside(join(dir, 'content'), join(dir, 'content', 'leak.png'))).toBe(false)
    expect(await realpathInside(join(dir, 'content'), join(dir, 'content', 'missing.png'))).toBe(false)
  })
})
