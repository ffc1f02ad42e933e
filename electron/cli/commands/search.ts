/**
 * `search "<query>" [--json] [--limit N]`: ranked sections (docId, sectionId, title, score, snippet),
 * through the same handler as the app. A query that cannot be read is searched as plain words and a
 * notice says so on stderr.
 */
import type { Command } from '../commands'
import type { Highlighted, NoticeCode } from '../../shared/search/types'
import { UsageError } from '../args'
import { formatTable } from '../table'

/** Marked words between ⟨ ⟩ (plain text, greppable, no terminal escapes). */
export function markText(h: Highlighted): string {
  let out = ''
  let at = 0
  for (const [s, e] of h.marks) {
    out += `${h.text.slice(at, s)}⟨${h.text.slice(s, e)}⟩`
    at = e
  }
  return out + h.text.slice(at)
}

function parseLimit(raw: string | boolean | undefined): number {
  if (raw === undefined) return 20
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1 || n > 500) throw new UsageError('--limit needs a whole number from 1 to 500')
  return n
}

/** What happened to the query after a notice (by default it was searched as plain words). */
const NOTICE_EFFECT: Partial<Record<NoticeCode, string>> = {
  'unknown-color': 'no colour has this name or label, so no note matches',
  'nothing-to-search': 'nothing searched',
  'stop-words-only': 'nothing searched',
}

export const searchCommand: Command = {
  summary: 'Search the content pack (query language: see README)',
  synopsis: 'search "<query>" [--json] [--limit N]',
  flags: { json: 'boolean', limit: 'string' },
  async run({ api, args, io }) {
    const query = args.positionals.join(' ').trim()
    if (query === '') throw new UsageError('search needs a query, e.g. search "économie sociale"')
    const limit = parseLimit(args.flags.limit)
    const result = await api.search.query({ q: query, limit, perDocument: limit })
    if (!result.ok) {
      io.err.write(`${result.error.message}\n`)
      return 1
    }
    const r = result.value
    const rows = r.groups
      .flatMap((g) =>
        g.sections.map((s) => ({ docId: g.docId, sectionId: s.sectionId, annotationId: s.note?.annotationId ?? null, answer: s.answer ? { sessionId: s.answer.sessionId, answerId: s.answer.answerId, question: s.answer.question } : null, title: g.title.text, section: s.path.join(' › '), score: s.score, snippet: s.snippet })),
      )
      .sort((a, b) => b.score - a.score)
    if (r.notice) io.err.write(`notice: ${r.notice.code} near ${JSON.stringify(r.notice.near)}: ${NOTICE_EFFECT[r.notice.code] ?? 'searched as plain words'}\n`)
    if (args.flags.json) {
      io.out.write(`${JSON.stringify({ query, total: r.total, notice: r.notice, ignored: r.ignored, suggestions: r.suggestions, results: rows }, null, 2)}\n`)
      return 0
    }
    if (rows.length > 0) {
      const where = (x: (typeof rows)[number]): string => (x.annotationId ? `note ${x.annotationId.slice(0, 8)}` : x.answer ? `answer ${x.answer.answerId}` : x.sectionId)
      io.out.write(formatTable(['docId', 'where', 'score', 'title', 'snippet'], rows.map((x) => [x.docId, where(x), x.score.toFixed(2), x.section ? `${x.title} › ${x.section}` : x.title, markText(x.snippet)])))
    }
    const notes = r.total.bySource.annotations ?? 0
    const answers = r.total.bySource.answers ?? 0
    const answered = answers > 0 ? ` and ${answers} workshop answer(s)` : ''
    io.out.write(`${r.total.sections - notes - answers} section(s) and ${notes} note(s)${answered} in ${r.total.documents} document(s), ${r.tookMs.toFixed(1)} ms\n`)
    for (const s of r.suggestions) io.out.write(`try: ${s.query}  (${s.count} section(s))\n`)
    return 0
  },
}
