/** `list [--json]`: the documents of the pack, as a table or as JSON. */
import type { Command } from '../commands'
import { formatTable } from '../table'

export const listCommand: Command = {
  summary: 'List the documents of the content pack',
  synopsis: 'list [--json]',
  flags: { json: 'boolean' },
  async run({ api, args, io, services }) {
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
