import { describe, expect, it } from 'vitest'
import { deepLinkFromArgv, deepLinkRoute } from './deep-link'

describe('passerelles:// links', () => {
  it.each([
    ['passerelles://doc/cas-framasoft', '#/doc/cas-framasoft'],
    ['passerelles://doc/cas-framasoft/', '#/doc/cas-framasoft'],
    ['passerelles://doc/cas-framasoft/gouvernance-et-statut', '#/doc/cas-framasoft/gouvernance-et-statut'],
    ['PASSERELLES://doc/glossaire', '#/doc/glossaire'],
    ['passerelles://library', '#/'],
    ['passerelles://settings/', '#/settings'],
    ['passerelles://about', '#/about'],
    ['passerelles://open/cas-framasoft', '#/doc/cas-framasoft'],
    ['passerelles://open/cas-framasoft#section=gouvernance', '#/doc/cas-framasoft/gouvernance'],
    ['passerelles://open/cas-framasoft#annotation=0f8E4a2c-1b3d-4e5f-8a9b-0c1d2e3f4a5b', '#/doc/cas-framasoft?annotation=0f8e4a2c-1b3d-4e5f-8a9b-0c1d2e3f4a5b'],
  ])('%s → %s', (link, route) => expect(deepLinkRoute(link)).toBe(route))

  it.each([
    'passerelles://doc/',
    'passerelles://doc/../../etc/passwd',
    'passerelles://doc/%2e%2e%2fsecret',
    'passerelles://doc/Cas_Framasoft',
    'passerelles://doc/a/b/c',
    'passerelles://doc/a/<img src=x onerror=alert(1)>',
    'passerelles://doc/a?x=1',
    'passerelles://user:pw@doc/a',
    'passerelles://doc:8080/a',
    'passerelles://library/extra',
    'passerelles://evil/x',
    'passerelles:doc/a',
    'passerelles://javascript:alert(1)',
    'https://doc/cas-framasoft',
    'app://reader/#/doc/x',
    'passerelles://doc/--inspect=9229',
    'passerelles://open/a#annotation=not-a-uuid',
    'passerelles://open/a#annotation=0f8e4a2c-1b3d-4e5f-8a9b-0c1d2e3f4a5b&x=1',
    'passerelles://open/%2e%2e#annotation=0f8e4a2c-1b3d-4e5f-8a9b-0c1d2e3f4a5b',
    'passerelles://open/a?annotation=0f8e4a2c-1b3d-4e5f-8a9b-0c1d2e3f4a5b',
    'passerelles://open/a#annotation=0f8e4a2c-1b3d-4e5f-8a9b-0c1d2e3f4a5b/../x',
    `passerelles://doc/${'a'.repeat(2000)}`,
    '',
  ])('refuses %j', (link) => expect(deepLinkRoute(link)).toBeNull())

  it('finds the link among the arguments the OS passes, and ignores everything else', () => {
    expect(deepLinkFromArgv(['/opt/Passerelles/passerelles', '--no-sandbox', 'passerelles://doc/april'])).toBe('#/doc/april')
    expect(deepLinkFromArgv(['/opt/Passerelles/passerelles', '--data-dir=/tmp/x'])).toBeNull()
    expect(deepLinkFromArgv(['passerelles', 'passerelles://doc/../x'])).toBeNull()
  })
})
