/**
 * `citation`: what a researcher needs to cite the pack.
 *
 * - No source on a host that is not the publisher's: staging and pre-production hosts, the `.com`
 *   look-alike of Wikipedia, document scrapers and Wikipedia mirrors (`REFUSED_HOSTS`). This holds
 *   for the front-matter `sources` and for every external link of the body (notes included).
 * - Notes are called in the order they are defined (`[^1]` before `[^2]`…): a reader who follows
 *   the numbers must meet them in the text in that order.
 * - Every source listed in the front matter is cited at least once in the body (a note or a link
 *   to the same address): a list of sources nobody can tie to a sentence cannot be checked. The
 *   glossary, which has no notes, is exempt.
 * - A blog's list page (a category, a tag, a search, a page of the archive) is not a source for a
 *   fact: its content changes as the blog grows. Where the article's own address could not be
 *   found, the list page may only stand beside the article's name: a front-matter source on a list
 *   page has the article's title in « » in its title, and a link to a list page in the text sits
 *   in a note that names the article in « » before the link and says « adresse permanente non
 *   retrouvée ».
 */
import type { Rule, ValidationIssue, ValidFile } from './issue'
import { lineOfPath } from '../yaml-lines'
import { maskCode } from './prose-mask'
import { bodyLines } from './source-lines'
import { referencesOf } from './references'

/** Why a host is refused, matched on the URL's host name (lower case, without a port). */
export const REFUSED_HOSTS: readonly { readonly test: (host: string) => boolean; readonly why: string }[] = [
  { test: (h) => /(^|[.-])staging([.-]|\d)/.test(h), why: 'a staging host: cite the publisher’s public page' },
  { test: (h) => /(^|[.-])pre-?prod(\d*)([.-])/.test(h), why: 'a pre-production host: cite the publisher’s public page' },
  { test: (h) => /(^|\.)wikipedia\.com$/.test(h), why: 'not Wikipedia’s domain: use wikipedia.org' },
  {
    test: (h) =>
      /(^|\.)(vdocuments|fdocuments|pdfslide|docslide|dokumen|doczz|docplayer|123dok|pdfprof|pdfhall|fr\.readkong|readkong)\.[a-z.]+$/.test(h),
    why: 'a document-scraping mirror: cite the original (publisher, journal, Cairn, HAL), or name the document in a note without a link and say it is an unofficial copy',
  },
  {
    test: (h) => /(^|\.)(profilpelajar\.com|wikimili\.com|wiki\.livda\.fr|valeriodistefano\.com|franco\.wiki|wikipedie\.ovh|frwiki\.wiki|wikiland\.org|wikimonde\.com|artikeldigital\.com|sagapedia\.com)$/.test(h),
    why: 'a Wikipedia mirror: cite the article on wikipedia.org (ideally a permanent revision link)',
  },
]

/** A blog's list page: category, tag, search or archive pages, whose content changes over time. */
export function isListPage(url: string): boolean {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false
  if (/\/(category|categorie|tag|tags|etiquette|search)\//i.test(u.pathname) || /\/page\/\d+\/?$/.test(u.pathname)) return true
  return u.searchParams.has('s')
}

const ARTICLE_TITLE = /«[^»]+»/
const NOT_FOUND = /adresse permanente non retrouvée/

function hostOf(url: string): string | null {
  try {
    const u = new URL(url)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase() : null
  } catch {
    return null
  }
}

export function refusedReason(url: string): string | null {
  const host = hostOf(url)
  if (host === null) return null
  return REFUSED_HOSTS.find((r) => r.test(host))?.why ?? null
}

function sourceIssues(f: ValidFile): ValidationIssue[] {
  const { meta, yamlDoc, yaml, body } = f.parsed
  const issues: ValidationIssue[] = []
  meta.sources.forEach((s, i) => {
    const line = lineOfPath(yamlDoc, yaml, ['sources', i, 'url']) ?? lineOfPath(yamlDoc, yaml, ['sources']) ?? 1
    const why = refusedReason(s.url)
    if (why) issues.push({ path: f.path, line, rule: 'citation', message: `source "${s.url}" is on ${why}` })
    if (isListPage(s.url) && !ARTICLE_TITLE.test(s.title)) {
      issues.push({ path: f.path, line, rule: 'citation', message: `source "${s.url}" is a blog's list page (category, tag, search): name the article it stands for in its title, in « »` })
    }
    if (meta.kind !== 'glossaire' && !body.includes(s.url)) {
      issues.push({ path: f.path, line, rule: 'citation', message: `source "${s.url}" is never cited in the text: cite it in a note where it is used, or remove it` })
    }
  })
  return issues
}

function noteOrderIssues(f: ValidFile): ValidationIssue[] {
  const { body, bodyLine } = f.parsed
  const lines = bodyLines(body, bodyLine)
  const text = maskCode(body)
  const defined: string[] = []
  for (const m of text.matchAll(/^ {0,3}\[\^([^\]\s]+)\]:/gm)) if (!defined.includes(m[1]!)) defined.push(m[1]!)
  const called: string[] = []
  for (const m of text.matchAll(/\[\^([^\]\s]+)\](?!:)/g)) {
    const label = m[1]!
    if (called.includes(label) || !defined.includes(label)) continue // undefined calls: the footnote rule
    const expected = defined.filter((d) => !called.includes(d))[0]
    called.push(label)
    if (label !== expected) {
      const message = `note [^${label}] is called before [^${expected}]: call notes in the order they are defined (renumber them)`
      return [{ path: f.path, line: lines.lineAt(m.index), rule: 'citation', message }]
    }
  }
  return []
}

function linkIssues(f: ValidFile, idForPath: (path: string) => string | undefined): ValidationIssue[] {
  const issues: ValidationIssue[] = []
  for (const link of referencesOf(f, idForPath).links) {
    if (link.target.kind !== 'external') continue
    const why = refusedReason(link.target.url)
    if (why) issues.push({ path: f.path, line: link.line, rule: 'citation', message: `link "${link.target.url}" is on ${why}` })
  }
  return issues
}

/** Links to list pages in the text: each in a line (a note) naming the article before it. */
function listPageIssues(f: ValidFile): ValidationIssue[] {
  const { body, bodyLine } = f.parsed
  const lines = bodyLines(body, bodyLine)
  const text = maskCode(body)
  const issues: ValidationIssue[] = []
  for (const m of text.matchAll(/\]\((https?:\/\/[^)\s]+)\)/g)) {
    const url = m[1]!
    if (!isListPage(url)) continue
    const lineStart = text.lastIndexOf('\n', m.index) + 1
    const lineEnd = text.indexOf('\n', m.index)
    const before = text.slice(lineStart, m.index)
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd)
    if (!ARTICLE_TITLE.test(before.replace(/\[[^\]]*$/, '')) || !NOT_FOUND.test(line)) {
      const message = `link "${url}" is a blog's list page (category, tag, search): cite the article — its title in « » before the link, and « adresse permanente non retrouvée » when only the list page can be given`
      issues.push({ path: f.path, line: lines.lineAt(m.index), rule: 'citation', message })
    }
  }
  return issues
}

export const citationsRule: Rule = ({ valid, library }) =>
  valid.flatMap((f) => [...sourceIssues(f), ...noteOrderIssues(f), ...listPageIssues(f), ...(library.idForPath(f.path) === undefined ? [] : linkIssues(f, library.idForPath))])
