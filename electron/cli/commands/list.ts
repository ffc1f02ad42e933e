/**
 * `list [--mine] [--json]`: the documents of the library (the pack and « Mes documents »), or with
 * `--mine` the imported documents only, with their format, date and original file name.
 */
import type { Command, CommandContext } from '../commands'
import { formatTable } from '../table'

async function listMine({ api, args, io }: CommandContext): Promise<number> {
  const result = await api.documents.list({})
  if (!result.ok) {
    io.err.write(`${result.error.message}\n`)
    return 1
  }
  const docs = result.value
  if (args.flags.json) io.out.write(`${JSON.stringify(docs, null, 2)}\n`)
  else {
    io.out.write(formatTable(['id', 'format', 'date', 'file', 'title'], docs.map((d) => [d.id, d.format, d.date, d.originalName, d.title])))
    io.out.write(`${docs.length} imported document(s)\n`)
  }
  return 0
}

export const listCommand: Command = {
  summary: 'List the documents of the library (--mine: the imported documents only)',
  synopsis: 'list [--mine] [--json]',
  flags: { json: 'boolean', mine: 'boolean' },
  async run(ctx) {
    if (ctx.args.flags.mine) return listMine(ctx)
    const { api, args, io, services } = ctx
    const result = await api.library.list({})
    if (!result.ok) {
      io.err.write(`${result.error.message}\n`)
      return 1
    }
    const docs = result.value
    if (args.flags.json) {
      io.out.write(`${JSON.stringify(docs, null, 2)}\n`)
    } else {
      io.out.write(
        formatTable(
          ['id', 'kind', 'order', 'words', 'title'],
          docs.map((d) => [d.id, d.kind, d.order === null ? '' : String(d.order), String(d.wordCount), d.title]),
        ),
      )
      io.out.write(`${docs.length} document(s) in ${services.options.contentDir}\n`)
    }
    const problems = services.library.problems()
    for (const p of problems) io.err.write(`warning: ${p.path}${p.line ? `:${p.line}` : ''}: ${p.message}\n`)
    return 0
  },
}
