/**
 * `annotations check|export|import`: the readers' annotations from the command line, through the
 * same handler table as the app (and the same store: the app may be running).
 *
 *   annotations check [--json]                  what the content pack (--content-dir) does to the notes
 *   annotations export [--format json] [--out FILE] [--doc ID]
 *   annotations import FILE                     W3C JSON, a Passerelles file, or a Markdown export
 */
import { readFile } from 'node:fs/promises'
import type { Command, CommandContext } from '../commands'
import type { Result } from '../../shared/result'
import { writeFileAtomic } from '../../services/platform/atomic-file'
import { formatTable } from '../table'

/** How an imported passage was found (ImportedItem.placement), for people. */
const PLACEMENT = { 'as-written': 'where the file says', 'by-quote': 'by its quote', 'in-library': 'by its quote, in this library' } as const

const SYNOPSIS = 'annotations check [--json] | export [--format json] [--out FILE] [--doc ID] | import FILE'

/** The value of a call, or null after writing its error for the user. */
function valueOr<T>(ctx: CommandContext, r: Result<T>): T | null {
  if (r.ok) return r.value
  ctx.io.err.write(`passerelles annotations: ${r.error.message}\n`)
  return null
}

function usageError(ctx: CommandContext, message: string): number {
  ctx.io.err.write(`passerelles annotations: ${message}\nUsage: passerelles ${SYNOPSIS}\n`)
  return 2
}

async function check(ctx: CommandContext): Promise<number> {
  const reports = valueOr(ctx, await ctx.api.annotations.check({}))
  if (!reports) return 1
  if (ctx.args.flags.json) {
    ctx.io.out.write(`${JSON.stringify(reports, null, 2)}\n`)
    return 0
  }
  if (reports.length === 0) {
    ctx.io.out.write(`No annotations in ${ctx.services.options.dataDir}.\n`)
    return 0
  }
  const title = new Map(ctx.services.library.list().map((d) => [d.id, d.title]))
  const total = { anchored: 0, moved: 0, fuzzy: 0, orphan: 0, note: 0 }
  const rows = reports.map((r) => {
    for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r.counts[k]
    const c = r.counts
    return [r.docId, String(c.anchored), String(c.moved), String(c.fuzzy), String(c.orphan), String(c.note), r.docVersion ? (title.get(r.docId) ?? '') : '(no longer in the content pack)']
  })
  ctx.io.out.write(formatTable(['document', 'anchored', 'moved', 'fuzzy', 'orphan', 'notes', 'title'], rows))
  ctx.io.out.write(
    `${reports.length} annotated document(s) in ${ctx.services.options.contentDir}: ${total.anchored} anchored, ${total.moved} moved, ` +
      `${total.fuzzy} to confirm (fuzzy), ${total.orphan} orphan(s), ${total.note} document note(s). Details: --json.\n`,
  )
  return 0
}

async function exportJson(ctx: CommandContext): Promise<number> {
  const format = ctx.args.flags.format ?? 'json'
  if (format !== 'json') return usageError(ctx, `unknown format "${String(format)}" (supported: json, W3C Web Annotation JSON-LD)`)
  const doc = ctx.args.flags.doc
  const out = valueOr(ctx, await ctx.api.annotations.exportJson(typeof doc === 'string' ? { docId: doc } : {}))
  if (!out) return 1
  const file = ctx.args.flags.out
  if (typeof file === 'string') {
    await writeFileAtomic(file, out.json)
    ctx.io.err.write(`Exported ${out.count} annotation(s) to ${file}.\n`)
  } else ctx.io.out.write(out.json)
  return 0
}

async function importFile(ctx: CommandContext, file: string): Promise<number> {
  let json: string
  try {
    json = await readFile(file, 'utf8')
  } catch (e) {
    ctx.io.err.write(`passerelles annotations: cannot read ${file}: ${(e as Error).message}\n`)
    return 1
  }
  const r = valueOr(ctx, await ctx.api.annotations.importJson({ json }))
  if (!r) return 1
  const labels = r.labels === 'imported' ? ' Colour labels imported.' : r.labels === 'kept' ? ' Your colour labels were kept.' : ''
  ctx.io.out.write(`Imported ${file}: ${r.added} added, ${r.updated} updated, ${r.unchanged} already present (of ${r.total}).${labels}\n`)
  const placed = r.items.filter((i) => i.placement !== 'as-written' || i.status !== 'anchored')
  if (placed.length) {
    ctx.io.out.write(formatTable(['id', 'document', 'placed', 'status'], placed.map((i) => [i.id, i.document, PLACEMENT[i.placement], i.status])))
  }
  return 0
}

export const annotationsCommand: Command = {
  summary: 'Readers’ notes: check [--json], export [--format json] [--out FILE] [--doc ID], import FILE',
  synopsis: 'annotations check|export|import …',
  flags: { json: 'boolean', format: 'string', out: 'string', doc: 'string' },
  async run(ctx) {
    const [sub, ...rest] = ctx.args.positionals
    const f = ctx.args.flags
    const only = (allowed: string[]): string | null => Object.keys(f).find((k) => !['content-dir', 'data-dir', ...allowed].includes(k)) ?? null
    if (sub === 'check') {
      const bad = only(['json'])
      return rest.length || bad ? usageError(ctx, `check takes no ${bad ? `--${bad}` : 'argument'}`) : check(ctx)
    }
    if (sub === 'export') {
      const bad = only(['format', 'out', 'doc'])
      return rest.length || bad ? usageError(ctx, `export takes no ${bad ? `--${bad}` : 'argument'}`) : exportJson(ctx)
    }
    if (sub === 'import') {
      const bad = only([])
      return rest.length !== 1 || bad ? usageError(ctx, bad ? `import takes no --${bad}` : 'import takes one FILE') : importFile(ctx, rest[0]!)
    }
    return usageError(ctx, sub ? `unknown subcommand "${sub}"` : 'missing subcommand')
  },
}
