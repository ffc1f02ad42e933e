/**
 * The preload runs in every window before the page: it must stay a few kB and carry no library
 * (review §18: importing the contract put all of zod — 205 kB — into it). This follows the preload's
 * RUNTIME imports (type-only imports are erased by the bundler) and pins what it may reach:
 * `electron` and our own environment-free files, never contract.ts nor any package.
 */
import { readFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '..', '..', '..')

/** The module specifiers a file imports or re-exports at runtime. */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false)
  const specifiers: string[] = []
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)))
      if (!typeOnly) specifiers.push(node.moduleSpecifier.text)
    } else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      specifiers.push(node.moduleSpecifier.text)
    }
  }
  return specifiers
}

/** Every file and package reached from `entry` through runtime imports. */
function reach(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string): void => {
    if (files.has(file)) return
    files.add(file)
    for (const spec of runtimeImports(file)) {
      if (spec.startsWith('.')) visit(`${resolve(dirname(file), spec)}.ts`)
      else packages.add(spec)
    }
  }
  visit(entry)
  return { files: [...files].map((f) => relative(ROOT, f)).sort(), packages: [...packages].sort() }
}

describe('the preload bundle', () => {
  it('reaches only electron and the plain channel names, transport and client — not the contract, not zod', () => {
    const { files, packages } = reach(resolve(ROOT, 'electron/preload/index.ts'))
    expect(packages).toEqual(['electron'])
    expect(files).toEqual([
      'electron/preload/index.ts',
      'electron/shared/api/channel-names.ts',
      'electron/shared/api/client.ts',
      'electron/shared/api/ipc-transport.ts',
    ])
  })

  it('the walker does see a runtime import of the contract (channels.ts reaches zod)', () => {
    const { files, packages } = reach(resolve(ROOT, 'electron/shared/api/channels.ts'))
    expect(files).toContain('electron/shared/api/contract.ts')
    expect(packages).toContain('zod')
  })
})
