/**
 * `add FILE… [--json]`: imports files into « Mes documents » through the same handler as a drop on
 * the app's window (documents.importFiles). One line per file: added (id, title) or refused (why).
 * Exit codes: 0 every file imported, 1 at least one refused (the others are imported), 2 usage.
 */
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Command } from '../commands'
import type { ImportItem } from '../../shared/documents/model'
import { MAX_IMPORT_BYTES, MAX_IMPORT_FILES } from '../../shared/documents/model'
import { UsageError } from '../args'

/** A file the CLI could not even read, reported like the service's refusals. */
async function payloadOf(path: string): Promise<{ name: string; base64: string } | ImportItem> {
  const name = basename(path)
  try {
    const info = await stat(path)
    if (!info.isFile()) return { name, ok: false, problem: 'io', message: `"${path}" is not a file.` }
    if (info.size > MAX_IMPORT_BYTES) return { name, ok: false, problem: 'too-large', message: `"${name}" is ${(info.size / 1048576).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB.` }
    return { name, base64: (await readFile(path)).toString('base64') }
  } catch (e) {
    return { name, ok: false, problem: 'io', message: `"${path}" cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).` }
  }
}

export const addCommand: Command = {
  summary: 'Import files into « Mes documents » (md, txt, html, docx, odt, epub, pdf)',
  synopsis: 'add FILE… [--json]',
  flags: { json: 'boolean' },
  async run({ api, args, io }) {
    if (args.positionals.length === 0) throw new UsageError('add needs at least one file, e.g. add rapport.pdf notes.md')
    const items: ImportItem[] = []
    for (let i = 0; i < args.positionals.length; i += MAX_IMPORT_FILES) {
      const payloads = await Promise.all(args.positionals.slice(i, i + MAX_IMPORT_FILES).map(payloadOf))
      const files = payloads.filter((p): p is { name: string; base64: string } => 'base64' in p)
      const answered = files.length === 0 ? [] : await api.documents.importFiles({ files }).then((r) => {
        if (!r.ok) throw new Error(r.error.message)
        return [...r.value.items]
      })
      // Back in the order given: the service answers for the files that could be read, in order.
      for (const p of payloads) items.push('base64' in p ? answered.shift()! : p)
    }
    if (args.flags.json) io.out.write(`${JSON.stringify({ items }, null, 2)}\n`)
    else {
      for (const item of items) {
        if (item.ok) io.out.write(`added    ${item.id}  « ${item.title} »  (${item.name}, ${item.format})\n`)
        else io.err.write(`refused  ${item.name}: ${item.message}${item.existingId ? ` (existing: ${item.existingId})` : ''}\n`)
      }
      const added = items.filter((i) => i.ok).length
      io.out.write(`${added} of ${items.length} file(s) imported.\n`)
    }
    return items.every((i) => i.ok) ? 0 : 1
  },
}
