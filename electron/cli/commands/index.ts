/**
 * `index [--out FILE]`: builds the library's search index from the rendered documents and writes it
 * next to the content (`<content dir>/search-index.json`), where the app loads it at start without
 * rebuilding. `npm run build` runs it, so the packaged app ships a ready index.
 */
import { chmod } from 'node:fs/promises'
import { relative } from 'node:path'
import type { Command } from '../commands'
import { buildLibraryIndex } from '../../services/search/library-source'
import { prebuiltIndexPath, writeIndexFile } from '../../services/search/index-store'

export const indexCommand: Command = {
  summary: 'Build the search index of the content pack (written next to the content)',
  synopsis: 'index [--out FILE]',
  flags: { out: 'string' },
  async run({ services, args, io }) {
    const started = performance.now()
    const stored = await buildLibraryIndex(services.library, services.options.clock)
    const path = typeof args.flags.out === 'string' ? args.flags.out : prebuiltIndexPath(services.options.contentDir)
    const bytes = await writeIndexFile(path, stored)
    // A packaged asset, readable by whoever runs the app (atomic writes create files 0600).
    await chmod(path, 0o644)
    const ms = performance.now() - started
    io.out.write(
      `${stored.docs.length} document(s), ${stored.records.length} section(s), ${stored.vocabulary.length} word(s): ` +
        `${(bytes / 1024).toFixed(0)} kB written to ${relative(process.cwd(), path) || path} in ${(ms / 1000).toFixed(1)} s\n`,
    )
    for (const p of services.library.problems()) io.err.write(`warning: ${p.path}${p.line ? `:${p.line}` : ''}: ${p.message}\n`)
    return 0
  },
}
