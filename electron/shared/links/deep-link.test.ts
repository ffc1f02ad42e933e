import { describe, expect, it } from 'vitest'
import { annotationLink, deepLinkArgument, deepLinkRoute, describeRouteProblem, documentLink, parseDeepLink, resolveDeepLink, sectionLink } from './deep-link'
import type { DeepLinkProblem } from './deep-link'
import { parseRoute } from './route'

const DOC = 'cahier-01-pourquoi-ce-cahier'
const ANNO = '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d'

describe('building links', () => {
  it('writes the three forms', () => {
    expect(documentLink(DOC)).toBe('passerelles://open/cahier-01-pourquoi-ce-cahier')
    expect(annotationLink(DOC, ANNO)).toBe(`passerelles://open/${DOC}#annotation=${ANNO}`)
    expect(sectionLink(DOC, 'vouloir-ne-suffit-pas')).toBe(`passerelles://open/${DOC}#section=vouloir-ne-suffit-pas`)
  })

  it('writes no link rather than a broken or injected one', () => {
    expect(annotationLink('../etc', ANNO)).toBeNull()
    expect(annotationLink(DOC, 'x) [evil](javascript:alert(1)')).toBeNull()
    expect(sectionLink(DOC, '')).toBeNull()
    expect(sectionLink(DOC, 'a b')).toBeNull()
  })

  it('parses back what it writes', () => {
    expect(parseDeepLink(annotationLink(DOC, ANNO)!)).toEqual({ ok: true, link: { kind: 'annotation', docId: DOC, annotationId: ANNO } })
    expect(parseDeepLink(sectionLink(DOC, 'conclusion')!)).toEqual({ ok: true, link: { kind: 'section', docId: DOC, sectionId: 'conclusion' } })
    expect(parseDeepLink(documentLink(DOC))).toEqual({ ok: true, link: { kind: 'document', docId: DOC } })
  })
})

describe('parseDeepLink', () => {
  it.each([
    [`PASSERELLES://OPEN/${DOC}`, { kind: 'document', docId: DOC }],
    [`passerelles://open/${DOC}/`, { kind: 'document', docId: DOC }],
    [`passerelles://open/${DOC}#`, { kind: 'document', docId: DOC }],
    [`passerelles://open/${DOC}/#annotation=${ANNO.toUpperCase()}`, { kind: 'annotation', docId: DOC, annotationId: ANNO.toUpperCase() }],
  ])('accepts the tolerated variant %s', (link, expected) => expect(parseDeepLink(link)).toEqual({ ok: true, link: expected }))

  it.each([
    ['x'.repeat(3000), 'too-long'],
    [`passerelles://open/${DOC} `, 'bad-characters'],
    [`passerelles://open/${DOC}\n#annotation=${ANNO}`, 'bad-characters'],
    [`passerelles://open/${DOC}\u202e`, 'bad-characters'],
    [`passerelles://open/${DOC}\u0000`, 'bad-characters'],
    [`passerelles://open/cahièr`, 'bad-characters'],
    ['', 'not-a-link'],
    ['passerelles:open/doc', 'not-a-link'],
    ['javascript://open/doc', 'other-scheme'],
    ['https://open/doc', 'other-scheme'],
    ['file:///etc/passwd', 'other-scheme'],
    ['app://reader/index.html', 'other-scheme'],
    ['passerelles://evil/doc', 'bad-action'],
    ['passerelles://user@open/doc', 'bad-action'],
    ['passerelles://open:8080/doc', 'bad-action'],
    ['passerelles://open/', 'bad-document-id'],
    ['passerelles://open/../../etc/passwd', 'bad-document-id'],
    ['passerelles://open/%2e%2e%2fetc%2fpasswd', 'bad-document-id'],
    ['passerelles://open/..%2F..%2Fsecret', 'bad-document-id'],
    ['passerelles://open/%63ahier', 'bad-document-id'],
    ['passerelles://open/doc/extra', 'bad-document-id'],
    ['passerelles://open/Doc', 'bad-document-id'],
    ['passerelles://open/doc--x', 'bad-document-id'],
    ['passerelles://open//doc', 'bad-document-id'],
    [`passerelles://open/${'a'.repeat(121)}`, 'bad-document-id'],
    [`passerelles://open/${DOC}?annotation=${ANNO}`, 'query-not-allowed'],
    [`passerelles://open/${DOC}?`, 'query-not-allowed'],
    [`passerelles://open/${DOC}#${ANNO}`, 'bad-fragment'],
    [`passerelles://open/${DOC}#=x`, 'bad-fragment'],
    [`passerelles://open/${DOC}#annotation=${ANNO}&`, 'bad-fragment'],
    [`passerelles://open/${DOC}#annotation=${ANNO}&debug=1`, 'unknown-parameter'],
    [`passerelles://open/${DOC}#Annotation=${ANNO}`, 'unknown-parameter'],
    [`passerelles://open/${DOC}#annotation=${ANNO}&annotation=${ANNO}`, 'repeated-parameter'],
    [`passerelles://open/${DOC}#annotation=${ANNO}&section=intro`, 'conflicting-parameters'],
    [`passerelles://open/${DOC}#annotation=42`, 'bad-annotation-id'],
    [`passerelles://open/${DOC}#annotation=`, 'bad-annotation-id'],
    [`passerelles://open/${DOC}#annotation=${ANNO}%00`, 'bad-annotation-id'],
    [`passerelles://open/${DOC}#annotation=%31b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d`, 'bad-annotation-id'],
    [`passerelles://open/${DOC}#annotation=${ANNO}=x`, 'bad-annotation-id'],
    [`passerelles://open/${DOC}#section=..%2F..`, 'bad-section-id'],
    [`passerelles://open/${DOC}#section=<script>`, 'bad-section-id'],
    [`passerelles://open/${DOC}#section=`, 'bad-section-id'],
    [`passerelles://open/${DOC}#section=${'a'.repeat(201)}`, 'bad-section-id'],
    // The short form and the screens: one grammar, the same refusals.
    ['passerelles://doc/', 'bad-document-id'],
    ['passerelles://doc/a/b/c', 'bad-path'],
    ['passerelles://doc/a/B', 'bad-section-id'],
    ['passerelles://doc/a?x=1', 'query-not-allowed'],
    ['passerelles://doc/a#section=b', 'bad-fragment'],
    ['passerelles://library/extra', 'bad-path'],
    ['passerelles://about?x', 'query-not-allowed'],
    ['passerelles://settings#x', 'bad-fragment'],
    ['passerelles://javascript:alert(1)', 'bad-action'],
  ])('refuses %j (%s)', (link, problem) => expect(parseDeepLink(link)).toEqual({ ok: false, problem }))
})

describe('describeRouteProblem', () => {
  it('has a distinct sentence for each problem', () => {
    const problems: DeepLinkProblem[] = ['too-long', 'bad-characters', 'not-a-link', 'other-scheme', 'bad-action', 'bad-document-id', 'bad-path', 'query-not-allowed', 'bad-fragment', 'unknown-parameter', 'repeated-parameter', 'conflicting-parameters', 'bad-annotation-id', 'bad-section-id']
    const sentences = problems.map(describeRouteProblem)
    expect(new Set(sentences).size).toBe(problems.length)
    expect(sentences.every((s) => s.length > 10)).toBe(true)
  })
})

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
    const deepLinkFromArgv = (argv: readonly string[]): string | null => {
      const link = deepLinkArgument(argv)
      return link === null ? null : deepLinkRoute(link)
    }
    expect(deepLinkFromArgv(['/opt/Passerelles/passerelles', '--no-sandbox', 'passerelles://doc/april'])).toBe('#/doc/april')
    expect(deepLinkFromArgv(['/opt/Passerelles/passerelles', '--data-dir=/tmp/x'])).toBeNull()
    expect(deepLinkFromArgv(['passerelles', 'passerelles://doc/../x'])).toBeNull()
  })
})

describe('one grammar, one route encoder', () => {
  it('parses the short form and the screens', () => {
    expect(parseDeepLink('passerelles://doc/cas-framasoft/gouvernance')).toEqual({ ok: true, link: { kind: 'section', docId: 'cas-framasoft', sectionId: 'gouvernance' } })
    expect(parseDeepLink('PASSERELLES://ABOUT/')).toEqual({ ok: true, link: { kind: 'place', place: 'about' } })
  })

  it('builds routes the renderer parses back to the link it came from', () => {
    expect(parseRoute(deepLinkRoute(annotationLink(DOC, ANNO.toUpperCase())!)!)).toEqual({ view: 'document', id: DOC, anchor: null, highlight: null, annotation: ANNO })
    expect(parseRoute(deepLinkRoute(sectionLink(DOC, 'conclusion')!)!)).toEqual({ view: 'document', id: DOC, anchor: 'conclusion', highlight: null, annotation: null })
    expect(parseRoute(deepLinkRoute('passerelles://settings')!)).toEqual({ view: 'settings' })
  })

  it('says why a link is refused (main logs it)', () => {
    expect(resolveDeepLink('passerelles://open/a?x')).toEqual({ ok: false, problem: 'query-not-allowed' })
    expect(resolveDeepLink(documentLink(DOC))).toEqual({ ok: true, hash: `#/doc/${DOC}` })
  })

  it('finds the raw link among the arguments', () => {
    expect(deepLinkArgument(['/opt/Passerelles/passerelles', 'PASSERELLES://doc/april'])).toBe('PASSERELLES://doc/april')
    expect(deepLinkArgument(['/opt/Passerelles/passerelles'])).toBeNull()
  })
})
