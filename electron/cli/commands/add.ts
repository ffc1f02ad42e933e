/**
 * `add FILE… [--replace] [--highlights] [--json]`: imports files into « Mes documents » through the
 * same service as the app's open dialog (`documents.importPaths`: each file's path is recorded, so
 * the app offers a new version when the file changes there). One line per file: added (id, title)
 * or refused (why). `--replace`: a file that is a new version of an imported document (same
 * name, other bytes) replaces it and its annotations are re-anchored (documents.replace).
 * `--highlights`: the highlights and notes saved in an added PDF become annotations
 * (documents.importPdfMarkups). Exit codes: 0 every file imported (or replaced), 1 at least one
 * refused (the others are imported), 2 usage.
 */
import { stat } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import type { Command, CommandContext } from '../commands'
import type { ImportItem } from '../../shared/documents/model'
import { MAX_IMPORT_BYTES, MAX_IMPORT_FILES } from '../../shared/documents/model'
import { UsageError } from '../args'

/** A file the CLI could not even read, reported like the service's refusals; else its absolute path. */
async function payloadOf(path: string): Promise<{ name: string; path: string } | ImportItem> {
  const name = basename(path)
  try {
    const info = await stat(path)
    if (!info.isFile()) return { name, ok: false, problem: 'io', message: `"${path}" is not a file.` }
    if (info.size > MAX_IMPORT_BYTES) return { name, ok: false, problem: 'too-large', message: `"${name}" is ${(info.size / 1048576).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB.` }
    return { name, path: resolve(path) }
  } catch (e) {
    return { name, ok: false, problem: 'io', message: `"${path}" cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).` }
  }
}

/** What `--replace` and `--highlights` did, one line each. */
async function followUps({ api, args }: CommandContext, items: ImportItem[]): Promise<{ lines: string[]; replaced: Set<number> }> {
  const lines: string[] = []
  const replaced = new Set<number>()
  for (const [n, item] of items.entries()) {
    if (!item.ok && item.problem === 'new-version' && item.existingId && item.versionToken && args.flags.replace) {
      const r = await api.documents.replace({ id: item.existingId, versionToken: item.versionToken })
      if (!r.ok) throw new Error(r.error.message)
      const c = r.value.annotations.counts
      replaced.add(n)
      lines.push(`replaced ${item.existingId}  « ${r.value.document.title} »  (${item.name}; annotations: ${c.anchored + c.moved} in place, ${c.fuzzy} to confirm, ${c.orphan} not found)`)
    }
    if (item.ok && item.pdfMarkups && args.flags.highlights) {
      const r = await api.documents.importPdfMarkups({ id: item.id })
      if (!r.ok) throw new Error(r.error.message)
      const count = (o: string): number => r.value.items.filter((i) => i.outcome === o).length
      lines.push(`highlights ${item.id}: ${count('added')} added, ${count('already')} already there, ${count('not-placed')} not placed`)
      for (const i of r.value.items) if (i.outcome === 'not-placed') lines.push(`  p. ${i.page} ${i.kind}: ${i.reason ?? ''}`)
    }
  }
  return { lines, replaced }
}

export const addCommand: Command = {
  summary: 'Import files into « Mes documents » (md, txt, html, docx, odt, epub, pdf)',
  synopsis: 'add FILE… [--replace] [--highlights] [--json]',
  flags: { json: 'boolean', replace: 'boolean', highlights: 'boolean' },
  async run(ctx) {
    const { args, io, services } = ctx
    if (args.positionals.length === 0) throw new UsageError('add needs at least one file, e.g. add rapport.pdf notes.md')
    const items: ImportItem[] = []
    for (let i = 0; i < args.positionals.length; i += MAX_IMPORT_FILES) {
      const payloads = await Promise.all(args.positionals.slice(i, i + MAX_IMPORT_FILES).map(payloadOf))
      const files = payloads.filter((p): p is { name: string; path: string } => 'path' in p)
      const answered = files.length === 0 ? [] : [...(await services.documents.importPaths(files.map((f) => f.path))).items]
      // Back in the order given: the service answers for the files that could be read, in order.
      for (const p of payloads) items.push('path' in p ? answered.shift()! : p)
    }
    const { lines, replaced } = await followUps(ctx, items)
    if (args.flags.json) io.out.write(`${JSON.stringify({ items, done: lines }, null, 2)}\n`)
    else {
      for (const [n, item] of items.entries()) {
        if (item.ok) io.out.write(`added    ${item.id}  « ${item.title} »  (${item.name}, ${item.format})${item.pdfMarkups && !args.flags.highlights ? ` — ${item.pdfMarkups} highlight(s) and note(s) in the PDF: add --highlights to import them` : ''}\n`)
        else if (!replaced.has(n)) {
          const hint = item.problem === 'new-version' ? ' — add --replace to replace it (it is kept: the app offers « Mettre à jour »)' : ''
          io.err.write(`refused  ${item.name}: ${item.message}${item.existingId ? ` (existing: ${item.existingId})` : ''}${hint}\n`)
        }
      }
      for (const line of lines) io.out.write(`${line}\n`)
      const added = items.filter((i) => i.ok).length
      io.out.write(`${added} of ${items.length} file(s) imported${replaced.size ? `, ${replaced.size} replaced` : ''}.\n`)
    }
    return items.every((i, n) => i.ok || replaced.has(n)) ? 0 : 1
  },
}
