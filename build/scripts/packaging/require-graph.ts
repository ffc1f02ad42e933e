/**
 * Walks the module graph of an extracted app.asar from `out/main/index.js` with esbuild's resolver
 * (bundling to nowhere): every static `require`, `import` and `export … from`, resolved the way Node
 * resolves it from that file — the archive's own node_modules, nothing above it — with the
 * package's conditions. A module that does not resolve is a file the packing rules dropped (yaml's
 * dist/doc/ was). A `require` inside try/catch that fails is what a package does for an optional
 * peer (jsdom and canvas): esbuild leaves it external without an error, as Node would survive it.
 * A `require.resolve("./x")` is checked by hand: the file must be there.
 *
 * Static on purpose: it also reaches files main loads late (a lazy require on a rarely used path),
 * which booting main would not.
 */
import { existsSync } from 'node:fs'
import { dirname, join, sep } from 'node:path'
import { build } from 'esbuild'
import type { Message } from 'esbuild'

export interface RequireGraph {
  /** How many files the walk reached. */
  readonly files: number
  /** What did not resolve, as « file: message ». */
  readonly missing: readonly string[]
}

const where = (m: Message): string => (m.location ? `${m.location.file}:${m.location.line}` : '(no location)')

export async function walkRequireGraph(root: string, entry: string, external: readonly string[]): Promise<RequireGraph> {
  try {
    const r = await build({
      entryPoints: [entry], bundle: true, write: false, metafile: true, logLevel: 'silent', absWorkingDir: root,
      platform: 'node', format: 'cjs', target: 'node22', external: [...external], loader: { '.node': 'empty' },
    })
    const missing: string[] = []
    for (const w of r.warnings) {
      const spec = /^"([^"]+)" should be marked as external for use with "require\.resolve"/.exec(w.text)?.[1]
      if (!spec) continue
      if (spec.startsWith('.') && w.location && !existsSync(join(root, dirname(w.location.file), spec))) missing.push(`${where(w)}: require.resolve("${spec}") names a file the archive does not ship`)
    }
    return { files: Object.keys(r.metafile.inputs).length, missing }
  } catch (e) {
    const errors = (e as { errors?: readonly Message[] }).errors
    if (!errors) throw e
    return { files: 0, missing: errors.map((m) => `${where(m)}: ${m.text}`) }
  }
}

/** True when no folder above `dir` has a node_modules (so `require` sees only the archive). */
export function nothingAbove(dir: string): boolean {
  for (let d = dirname(dir); ; d = dirname(d)) {
    if (existsSync(`${d}${sep}node_modules`)) return false
    if (dirname(d) === d) return true
  }
}
