/**
 * `remove ID… [--json]`: removes imported documents (« Mes documents ») through the app's handler
 * (documents.remove). Their annotations are kept, as notes of a document no longer in the library.
 * A document of the content pack cannot be removed. Exit codes: 0 every id removed, 1 at least one
 * refused (the others are removed), 2 usage (no id).
 */
import type { Command } from '../commands'
import { UsageError } from '../args'

export const removeCommand: Command = {
  summary: 'Remove imported documents (their notes are kept)',
  synopsis: 'remove ID… [--json]',
  flags: { json: 'boolean' },
  async run({ api, args, io, services }) {
    if (args.positionals.length === 0) throw new UsageError('remove needs the id of an imported document, e.g. remove mien-rapport-1a2b3c4d5e (see list --mine)')
    const results: { id: string; ok: boolean; message: string }[] = []
    for (const id of args.positionals) {
      const record = services.documents.store.get(id)
      if (!record) {
        const inPack = services.library.list().some((d) => d.id === id)
        results.push({ id, ok: false, message: inPack ? `"${id}" is a document of the content pack; only imported documents (« Mes documents ») can be removed.` : `No imported document with id "${id}" (see list --mine).` })
        continue
      }
      const notes = await api.annotations.list({ docId: id })
      const r = await api.documents.remove({ id })
      const count = notes.ok ? notes.value.items.length : 0
      results.push(r.ok ? { id, ok: true, message: `« ${record.record.title} » removed; its ${count} annotation(s) are kept as notes.` } : { id, ok: false, message: r.error.message })
    }
    if (args.flags.json) io.out.write(`${JSON.stringify({ items: results }, null, 2)}\n`)
    else for (const r of results) (r.ok ? io.out : io.err).write(`${r.ok ? 'removed' : 'refused'}  ${r.id}: ${r.message}\n`)
    return results.every((r) => r.ok) ? 0 : 1
  },
}
