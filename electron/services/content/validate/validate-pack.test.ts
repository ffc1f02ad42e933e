import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { doc, writePack } from '../../testing/temp-pack'
import { validatePack } from './validate-pack'
import type { RuleName, ValidationIssue } from './issue'

const NB = '\u00a0' // no-break space (inside « »)
const NN = '\u202f' // narrow no-break space (before : ; ! ?)

const CAS_FIELDS = {
  kind: 'cas',
  sources: [
    { title: 'Première source', url: 'https://example.org/1' },
    { title: 'Deuxième source', url: 'https://example.org/2' },
  ],
  organisation: { name: 'Coop', legalForm: 'société coopérative d’intérêt collectif (SCIC)', founded: '2010', website: 'https://coop.example.org', sector: 'mobilité', licences: ['AGPL-3.0'] },
}

/** A small pack that follows every rule: each test breaks one thing in a copy of it. */
function cleanFiles(): Record<string, string> {
  return {
    'cahier/01.md': doc(
      { id: 'ch-1', kind: 'cahier', order: 1, title: `Pourquoi ce cahier${NN}?` },
      [
        '## Les communs',
        '',
        `Le logiciel libre${NN}: un commun. Voir [Mobicoop](../cas/m.md#gouvernance) et [plus bas](#en-pratique)${NN}!`,
        '',
        `On parle de «${NB}dégooglisation${NB}»${NN}; l’ESS s’en empare. Le code \`x = "y"\` et <abbr title="a:b">ESS</abbr> sont permis.`,
        '',
        '## En pratique',
        '',
        '![Une carte](../images/carte.png) Voir https://example.org/a?b=c:d et [le site](https://example.org/x?y=1).[^1]',
        '',
        '```sh',
        'echo "l\'ESS: 1"',
        '```',
        '',
        '| colonne | autre |',
        '| :--- | ---: |',
        '| 10:30 | (?) |',
        '',
        '## À retenir',
        '',
        '- Un.\n- Deux.\n- Trois.',
        '',
        '## Questions pour l’atelier',
        '',
        `- Pourquoi${NN}?\n- Comment${NN}?\n- Avec qui${NN}?`,
        '',
        '[^1]: Une note, avec [un renvoi](../glossaire.md#scop).',
      ].join('\n'),
    ),
    'cas/m.md': doc({ id: 'cas-m', title: 'Mobicoop', ...CAS_FIELDS }, `## Gouvernance\n\n**Dates et chiffres clés.** Structure${NN}: SCIC créée en 2010.\n\nUne SCIC[^1].\n\n[^1]: [Première](https://example.org/1)${NN}; [deuxième](https://example.org/2).\n`),
    'glossaire.md': doc({ id: 'glossaire', kind: 'glossaire', title: 'Glossaire', sources: [] }, '## Scop\n\nUne coopérative.\n'),
    'images/carte.png': 'not really a png, but a file',
  }
}

async function check(files: Record<string, string>, enforceTargets = false): Promise<{ issues: readonly ValidationIssue[]; dir: string; ok: boolean }> {
  const dir = await writePack(files)
  const report = await validatePack({ contentDir: dir, enforceTargets })
  return { issues: report.issues, dir, ok: report.ok }
}

function ofRule(issues: readonly ValidationIssue[], rule: RuleName): ValidationIssue[] {
  return issues.filter((i) => i.rule === rule)
}

/** The file line an issue points at (to prove line numbers are real lines of the file). */
async function lineOf(dir: string, issue: ValidationIssue): Promise<string> {
  const text = await readFile(join(dir, issue.path), 'utf8')
  return text.split('\n')[issue.line! - 1] ?? ''
}

describe('validatePack', () => {
  it('passes a clean pack: typography, links, anchors, images, code and URLs all as they should be', async () => {
    const { issues, ok } = await check(cleanFiles())
    expect(issues).toEqual([])
    expect(ok).toBe(true)
  })

  it('front-matter: schema errors, with the line of the faulty key', async () => {
    const files = cleanFiles()
    files['articles/bad.md'] = '---\nid: bad\ntitle: Mauvais\nkind: chronique\nsummary: Un résumé.\ntags: [ess]\ndate: 2026-11-28\nauthors: [Équipe]\nlicence: CC-BY-SA-4.0\ncolour: red\n---\nTexte.\n'
    files['articles/none.md'] = 'Pas d’en-tête.\n'
    const { issues, dir } = await check(files)
    const fm = ofRule(issues, 'front-matter')
    expect(fm.map((i) => [i.path, i.line])).toEqual([
      ['articles/bad.md', 4],
      ['articles/bad.md', 10],
      ['articles/none.md', 1],
    ])
    expect(await lineOf(dir, fm[0]!)).toBe('kind: chronique')
    expect(fm[1]!.message).toMatch(/colour/)
    expect(fm[2]!.message).toMatch(/no front matter/)
  })

  it('unique-id: a second document with the same id, at its id line', async () => {
    const files = cleanFiles()
    files['cas/z.md'] = doc({ id: 'cas-m', title: 'Doublon', ...CAS_FIELDS })
    const { issues, dir } = await check(files)
    const dup = ofRule(issues, 'unique-id')
    expect(dup).toHaveLength(1)
    expect(dup[0]).toMatchObject({ path: 'cas/z.md', message: expect.stringMatching(/already used by cas\/m\.md/) })
    expect(await lineOf(dir, dup[0]!)).toContain('"id": "cas-m"')
  })

  it('tags: a word outside the vocabulary, at the line of that tag', async () => {
    const files = cleanFiles()
    files['articles/t.md'] = '---\nid: t\ntitle: T\nkind: article\nsummary: S.\ntags:\n  - ess\n  - blockchain\ndate: 2026-11-28\nauthors: [Équipe]\nlicence: CC-BY-SA-4.0\nsources: [{ title: S, url: "https://example.org/" }]\n---\nTexte.\n'
    const { issues, dir } = await check(files)
    const tags = ofRule(issues, 'tags')
    expect(tags).toHaveLength(1)
    expect(tags[0]!.message).toMatch(/"blockchain" is not in the tag vocabulary/)
    expect(await lineOf(dir, tags[0]!)).toBe('  - blockchain')
  })

  it('sources: a case study needs two, a chapter or an article one, the glossary none', async () => {
    const files = cleanFiles()
    files['cas/m.md'] = doc({ id: 'cas-m', title: 'Mobicoop', ...CAS_FIELDS, sources: [{ title: 'Une seule', url: 'https://example.org/' }] }, '## Gouvernance\n')
    files['articles/a.md'] = doc({ id: 'art', sources: [] })
    const { issues } = await check(files)
    expect(ofRule(issues, 'sources').map((i) => [i.path, i.message])).toEqual([
      ['articles/a.md', '0 source(s); an article needs at least 1'],
      ['cas/m.md', '1 source(s); a case study needs at least 2'],
    ])
  })

  it('link: unknown documents, missing headings (here and there) and forbidden schemes, on their lines', async () => {
    const files = cleanFiles()
    const body = [
      'Intro.',
      '',
      `Voir [absent](../cas/absent.md)${NN}; [ancre](../cas/m.md#statut)${NN}; [ici](#nulle-part).`,
      '',
      '[piège](javascript:alert(1)) et [bon](../cas/m.md#gouvernance).',
    ].join('\n')
    files['articles/l.md'] = `---\nid: l\ntitle: L\nkind: article\nsummary: S.\ntags: [ess]\ndate: 2026-11-28\nauthors: [Équipe]\nlicence: CC-BY-SA-4.0\nsources: [{ title: S, url: "https://example.org/" }]\n---\n${body}\n`
    const { issues, dir } = await check(files)
    const links = ofRule(issues, 'link')
    expect(links.map((i) => i.message)).toEqual([
      '"../cas/absent.md" does not lead to a document of the pack',
      'no heading "#statut" in cas/m.md',
      'no heading "#nulle-part" in this document',
      '"javascript:alert(1)" uses a scheme the app never follows',
    ])
    expect(links.map((i) => i.line)).toEqual([14, 14, 14, 16])
    expect(await lineOf(dir, links[3]!)).toContain('javascript:')
  })

  it('footnote: a call without definition, a definition never called, a definition given twice', async () => {
    const files = cleanFiles()
    files['articles/n.md'] = doc({ id: 'n' }, 'Un appel[^1] et un autre[^2], puis `[^code]`.\n\n[^1]: Première.\n[^1]: Encore.\n[^3]: Orpheline.\n')
    const { issues, dir } = await check(files)
    const notes = ofRule(issues, 'footnote')
    expect(notes.map((i) => i.message)).toEqual([
      'note [^2] has no definition',
      'note [^1] is defined twice (first on line 25)',
      'note [^3] is defined but never called',
    ])
    expect(await lineOf(dir, notes[1]!)).toBe('[^1]: Encore.')
  })

  it('citation: a staging, a pre-production, a wikipedia.com, a scraper and a mirror source are refused, in the front matter and in the text', async () => {
    const files = cleanFiles()
    const sources = [
      { title: 'Libé', url: 'https://www.staging.libe.io/france/2001/04/07/ouvaton_360689' },
      { title: 'Restitution', url: 'https://preprod2.youscribe.com/catalogue/documents/x-1688826' },
      { title: 'SILL', url: 'http://fr.wikipedia.com/wiki/Socle' },
      { title: 'Enquête', url: 'https://vdocuments.mx/du-18-octobre.html' },
      { title: 'Notice', url: 'https://wikimili.com/en/Mobilizon' },
      { title: 'Bonne', url: 'https://www.liberation.fr/france/2001/04/07/ouvaton_360689/' },
    ]
    const notes = sources.map((s, i) => `[^${i + 1}]: [${s.title}](${s.url}).`).join('\n')
    const calls = sources.map((_, i) => `[^${i + 1}]`).join(' ')
    files['articles/c.md'] = doc({ id: 'c', sources }, `Un passage cité${calls}. Voir aussi <https://doczz.fr/doc/1/compte-rendu>.\n\n${notes}\n`)
    const { issues, dir } = await check(files)
    const refused = ofRule(issues, 'citation')
    expect(refused.map((i) => i.message.replace(/ is on .*/, ''))).toEqual([
      'source "https://www.staging.libe.io/france/2001/04/07/ouvaton_360689"',
      'source "https://preprod2.youscribe.com/catalogue/documents/x-1688826"',
      'source "http://fr.wikipedia.com/wiki/Socle"',
      'source "https://vdocuments.mx/du-18-octobre.html"',
      'source "https://wikimili.com/en/Mobilizon"',
      'link "https://doczz.fr/doc/1/compte-rendu"',
      'link "https://www.staging.libe.io/france/2001/04/07/ouvaton_360689"',
      'link "https://preprod2.youscribe.com/catalogue/documents/x-1688826"',
      'link "http://fr.wikipedia.com/wiki/Socle"',
      'link "https://vdocuments.mx/du-18-octobre.html"',
      'link "https://wikimili.com/en/Mobilizon"',
    ])
    expect(refused[0]!.message).toMatch(/staging host/)
    expect(refused[2]!.message).toMatch(/use wikipedia\.org/)
    expect(refused[4]!.message).toMatch(/Wikipedia mirror/)
    expect(await lineOf(dir, refused[0]!)).toContain('staging.libe.io')
    expect(await lineOf(dir, refused[5]!)).toContain('doczz.fr')
  })

  it('citation: notes called out of order, at the first call that jumps ahead', async () => {
    const files = cleanFiles()
    files['articles/o.md'] = doc({ id: 'o', sources: [{ title: 'S', url: 'https://example.org/' }] }, 'Un[^1], deux[^3], trois[^2], encore un[^1].\n\n[^1]: [S](https://example.org/).\n[^2]: Deux.\n[^3]: Trois.\n')
    const { issues, dir } = await check(files)
    const order = ofRule(issues, 'citation')
    expect(order.map((i) => i.message)).toEqual(['note [^3] is called before [^2]: call notes in the order they are defined (renumber them)'])
    expect(await lineOf(dir, order[0]!)).toContain('deux[^3]')
  })

  it('citation: a blog list page (category, tag, search, archive page) stands only beside the article it holds', async () => {
    const files = cleanFiles()
    const cat = 'https://blog.example.org/category/vie-asso/'
    const tag = 'https://blog.example.org/tag/dons/?print=1'
    const search = 'https://blog.example.org/?s=bilan'
    const archive = 'https://blog.example.org/page/3/'
    const named = 'https://blog.example.org/tag/named/'
    files['articles/l.md'] = doc(
      { id: 'l', sources: [{ title: 'Blog, catégorie vie associative', url: cat }, { title: '«\u00a0Le bilan\u00a0» (Blog, 2022)', url: named }] },
      [
        'Un fait[^1], un autre[^2], un troisième[^3], le dernier[^4].',
        '',
        `[^1]: [Blog, catégorie vie associative](${cat}).`,
        `[^2]: «\u00a0Un billet\u00a0», Blog, 2022, sur [la page de l’étiquette](${tag}).`,
        `[^3]: Adresse permanente non retrouvée, voir [la recherche](${search}) et [l’archive](${archive}).`,
        `[^4]: «\u00a0Le bilan\u00a0», Blog, 2022 (adresse permanente non retrouvée${NN}: l’article est listé sur [la page de l’étiquette](${named})) ; [un article](https://blog.example.org/2022/05/01/bilan/).`,
        '',
      ].join('\n'),
    )
    const { issues, dir } = await check(files)
    const listed = ofRule(issues, 'citation')
    expect(listed.map((i) => i.message.replace(/ is a blog.*/, ''))).toEqual([
      `source "${cat}"`,
      `link "${cat}"`,
      `link "${tag}"`,
      `link "${search}"`,
      `link "${archive}"`,
    ])
    expect(listed[0]!.message).toMatch(/name the article it stands for in its title, in « »/)
    expect(listed[2]!.message).toMatch(/adresse permanente non retrouvée/)
    expect(await lineOf(dir, listed[0]!)).toContain(cat)
    expect(await lineOf(dir, listed[2]!)).toContain('[^2]:')
  })

  it('citation: a listed source never cited in the text, except in the glossary', async () => {
    const files = cleanFiles()
    const sources = [
      { title: 'Citée', url: 'https://example.org/cited' },
      { title: 'Oubliée', url: 'https://example.org/forgotten' },
    ]
    files['articles/u.md'] = doc({ id: 'u', sources }, 'Un fait[^1].\n\n[^1]: [Citée](https://example.org/cited).\n')
    files['glossaire.md'] = doc({ id: 'glossaire', kind: 'glossaire', title: 'Glossaire', sources }, '## Scop\n\nUne coopérative.\n')
    const { issues, dir } = await check(files)
    const unused = ofRule(issues, 'citation')
    expect(unused.map((i) => [i.path, i.message])).toEqual([
      ['articles/u.md', 'source "https://example.org/forgotten" is never cited in the text: cite it in a note where it is used, or remove it'],
    ])
    expect(await lineOf(dir, unused[0]!)).toContain('https://example.org/forgotten')
  })

  it('organisation: a missing sector, a legal form outside the vocabulary, a founding date that is not a year, a missing « Dates et chiffres clés » line', async () => {
    const files = cleanFiles()
    files['cas/x.md'] = doc(
      { id: 'cas-x', title: 'X', ...CAS_FIELDS, organisation: { name: 'X', legalForm: 'collectif de coopératives (forme juridique non documentée)', founded: 'vers 2010', website: 'https://x.example.org', licences: [] } },
      `## Qui\n\nUne structure[^1].\n\n[^1]: [Première](https://example.org/1)${NN}; [deuxième](https://example.org/2).\n`,
    )
    files['cas/y.md'] = doc(
      { id: 'cas-y', title: 'Y', ...CAS_FIELDS },
      `## Qui\n\n**Dates et chiffres clés.** Une.\n\n**Dates et chiffres clés.** Deux.\n\nTexte[^1].\n\n[^1]: [Première](https://example.org/1)${NN}; [deuxième](https://example.org/2).\n`,
    )
    const { issues, dir } = await check(files)
    const org = ofRule(issues, 'organisation')
    expect(org.map((i) => [i.path, i.message.replace(/: ".*/, '')])).toEqual([
      ['cas/x.md', 'organisation.sector is missing: the library’s table of case studies shows it (licences: [] when none)'],
      ['cas/x.md', 'legalForm "collectif de coopératives (forme juridique non documentée)" is not in the vocabulary'],
      ['cas/x.md', 'founded "vers 2010" is not a year: the year the structure named by legalForm was created'],
      ['cas/x.md', 'no « Dates et chiffres clés » line: a paragraph starting with **Dates et chiffres clés.**'],
      ['cas/y.md', '2 « Dates et chiffres clés » lines: one per case study'],
    ])
    expect(await lineOf(dir, org[0]!)).toContain('"name"')
    expect(await lineOf(dir, org[1]!)).toContain('"legalForm"')
    expect(await lineOf(dir, org[2]!)).toContain('"founded"')
  })

  it('workshop: a chapter without its closing sections, or with too few points or too many questions', async () => {
    const files = cleanFiles()
    files['cahier/02.md'] = doc({ id: 'ch-2', kind: 'cahier', order: 2 }, '## Une section\n\nTexte.\n\n## À retenir\n\n- Un seul point.\n')
    files['cahier/03.md'] = doc(
      { id: 'ch-3', kind: 'cahier', order: 3 },
      `## À retenir\n\n- Un.\n- Deux.\n\n## Questions pour l’atelier\n\n${[1, 2, 3, 4, 5, 6].map((n) => `- Question ${n}${NN}?`).join('\n')}\n`,
    )
    const { issues, dir } = await check(files)
    const workshop = ofRule(issues, 'workshop')
    expect(workshop.map((i) => [i.path, i.message])).toEqual([
      ['cahier/02.md', 'a chapter ends with the sections « À retenir » then « Questions pour l’atelier » (found: « Une section », « À retenir »)'],
      ['cahier/03.md', '« À retenir » has 2 list item(s); it needs 3 to 5'],
      ['cahier/03.md', '« Questions pour l’atelier » has 6 list item(s); it needs 3 to 5'],
    ])
    expect(await lineOf(dir, workshop[1]!)).toBe('## À retenir')
  })

  it('image: a missing local file and a remote image', async () => {
    const files = cleanFiles()
    files['articles/i.md'] = doc({ id: 'i' }, 'Texte.\n\n![absente](../images/absente.png)\n\n![distante](https://tracker.example/p.png)\n')
    const { issues, dir } = await check(files)
    const images = ofRule(issues, 'image')
    expect(images.map((i) => i.message)).toEqual([
      'image "../images/absente.png" not found (images/absente.png)',
      'remote image "https://tracker.example/p.png": images must be files of the pack',
    ])
    expect(await lineOf(dir, images[0]!)).toContain('absente.png')
    expect(await lineOf(dir, images[1]!)).toContain('tracker.example')
  })

  it.each([
    ['a straight double quote', 'Il dit "bonjour ici.', /straight double quote/],
    ['a straight apostrophe', 'C\'est ainsi.', /straight apostrophe/],
    ['an ordinary space before a colon', 'Le principe : simple.', /ordinary space before ':'/],
    ['no space before a question mark', 'Pourquoi?', /missing no-break space before '\?'/],
    ['no space before a semicolon after a link', `Voir [ceci](../cas/m.md); et cela.`, /missing no-break space before ';'/],
    ['an ordinary space before an exclamation mark', 'Enfin !', /ordinary space before '!'/],
    ['an ordinary space inside guillemets', `Le « libre${NB}» et`, /ordinary space after '«'/],
    ['no space before a closing guillemet', `Le «${NB}libre» et`, /missing no-break space before '»'/],
  ])('typography: %s', async (_name, sentence, message) => {
    const files = cleanFiles()
    files['articles/ty.md'] = doc({ id: 'ty' }, `## Titre\n\nUne phrase correcte${NN}: oui.\n\n${sentence}\n`)
    const { issues, dir } = await check(files)
    const typo = ofRule(issues, 'typography')
    expect(typo).toHaveLength(1)
    expect(typo[0]!.message).toMatch(message)
    expect(await lineOf(dir, typo[0]!)).toBe(sentence)
  })

  it('typography: ignores code, URLs, link targets, raw HTML and front-matter keys, but checks titles and summaries', async () => {
    const files = cleanFiles()
    const body = [
      'Du `code "cité": oui` et <span data-x="a:b">du HTML</span>.',
      '',
      '~~~',
      'let s = \'a\'; // "b"',
      '~~~',
      '',
      '[lien](../cas/m.md "titre \'x\'") <https://example.org/?a=b;c> http://example.org/x:y',
      '',
      '<!-- note "interne": à voir -->',
      '',
      '[ref]: https://example.org/ "Titre"',
    ].join('\n')
    files['articles/ok.md'] = `---\nid: ok\ntitle: "L'article"\nkind: article\nsummary: "Un résumé : voilà."\ntags: [ess]\ndate: 2026-11-28\nauthors: [Équipe]\nlicence: CC-BY-SA-4.0\nsources: [{ title: S, url: "https://example.org/" }]\n---\n${body}\n`
    const { issues } = await check(files)
    const typo = ofRule(issues, 'typography')
    expect(typo.map((i) => [i.line, i.message.split(' (')[0]])).toEqual([
      [3, "title: straight apostrophe \"'\": use ’"],
      [5, "summary: ordinary space before ':': use a no-break space"],
    ])
  })

  it('targets: reported, and errors only when enforced', async () => {
    const relaxed = await check(cleanFiles())
    expect(relaxed.ok).toBe(true)
    const strict = await check(cleanFiles(), true)
    expect(strict.ok).toBe(false)
    const targets = ofRule(strict.issues, 'target')
    expect(targets.map((i) => i.path)).toEqual(expect.arrayContaining(['.', 'articles/', 'cahier/', 'cas/', 'glossaire.md']))
    expect(targets.find((i) => i.path === 'cas/m.md')?.message).toMatch(/^\d+ words; words of each case study must be at least 600$/)
  })

  it('reports an unreadable folder', async () => {
    const report = await validatePack({ contentDir: '/nonexistent/passerelles-pack' })
    expect(report.issues).toEqual([expect.objectContaining({ rule: 'pack', line: null, message: expect.stringMatching(/cannot read/) })])
  })
})
