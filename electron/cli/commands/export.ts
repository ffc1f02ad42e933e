/**
 * `export [--format md|csv|json] [--doc ID] [--tag T] [--label L] [--delimiter ';'|','] [--answers] [--out FILE]`: the readers' notes
 * through the same exporter as the app's dialog (the `export:render` handler). `--label` names a
 * colour as `couleur:` does in the search (colors.ts): its id (`blue`), its French or English name
 * (`bleu`, `bleue`) or its label (« Question »), case and accents ignored. Without --out the export
 * goes to stdout; with it, the file is written atomically. `--delimiter` is the CSV's separator:
 * `,` by default (RFC 4180, what scripts expect), `;` for a French spreadsheet, as the app offers.
 * `--answers` adds the workshops' answers (« Recueillir les avis ») of the same documents, as the
 * export screen's option does (shared/export/answers.ts).
 */
import type { Command, CommandContext } from '../commands'
import { colorsNamed } from '../../shared/annotations/colors'
import { ExportFormatSchema } from '../../shared/export/types'
import type { AnnotationFilter, ExportScope } from '../../shared/export/types'
import { writeFileAtomic } from '../../services/platform/atomic-file'

const SYNOPSIS = "export [--format md|csv|json] [--doc ID] [--tag T] [--label L] [--delimiter ';'|','] [--answers] [--out FILE]"

function usageError(ctx: CommandContext, message: string): number {
  ctx.io.err.write(`passerelles export: ${message}\nUsage: passerelles ${SYNOPSIS}\n`)
  return 2
}

export const exportCommand: Command = {
  summary: 'Export the readers’ notes as Markdown (default), CSV or W3C JSON',
  synopsis: SYNOPSIS,
  flags: { format: 'string', doc: 'string', tag: 'string', label: 'string', delimiter: 'string', answers: 'boolean', out: 'string' },
  async run(ctx) {
    const f = ctx.args.flags
    if (ctx.args.positionals.length) return usageError(ctx, `unexpected argument "${ctx.args.positionals[0]}"`)
    const format = ExportFormatSchema.safeParse(typeof f.format === 'string' ? f.format : 'md')
    if (!format.success) return usageError(ctx, `unknown format "${String(f.format)}" (md, csv or json)`)
    const delimiter = f.delimiter === undefined ? ',' : f.delimiter
    if (delimiter !== ',' && delimiter !== ';') return usageError(ctx, `unknown delimiter "${String(delimiter)}" (';' or ',')`)
    const filter: AnnotationFilter = {}
    const mutable = filter as { -readonly [K in keyof AnnotationFilter]: AnnotationFilter[K] }
    if (typeof f.doc === 'string') mutable.documents = [f.doc]
    if (typeof f.tag === 'string') mutable.tags = [f.tag.replace(/^#/, '')]
    if (typeof f.label === 'string') {
      const labels = await ctx.api.annotations.labels({})
      const colors = labels.ok ? colorsNamed(f.label, labels.value) : []
      if (colors.length === 0) return usageError(ctx, `no colour or label "${f.label}" (a colour's id, its name — jaune, bleu, vert, orange, violet — or your label for it)`)
      mutable.colors = colors
    }
    const onlyDoc = Object.keys(filter).length === 1 && filter.documents
    const scope: ExportScope = Object.keys(filter).length === 0 ? { kind: 'all' } : onlyDoc ? { kind: 'document', documentId: onlyDoc[0]! } : { kind: 'filter', filter }
    const r = await ctx.api.export.render({ format: format.data, scope, options: { csvDelimiter: delimiter, answers: f.answers === true } })
    if (!r.ok) {
      ctx.io.err.write(`passerelles export: ${r.error.message}\n`)
      return r.error.code === 'invalid-payload' ? 2 : 1
    }
    const out = r.value
    if (typeof f.out === 'string') {
      await writeFileAtomic(f.out, out.content)
      ctx.io.err.write(`Exported ${out.count} annotation(s)${f.answers === true ? ` and ${out.answers} workshop answer(s)` : ''} to ${f.out}.\n`)
    } else ctx.io.out.write(out.content)
    return 0
  },
}
