/**
 * Proves the layering rules fire: each snippet is linted as if it lived in a given room, with the
 * project's real ESLint config, and must produce a no-restricted-imports error (or none, for the
 * allowed imports).
 */
import { describe, expect, it } from 'vitest'
import { ESLint } from 'eslint'
import { join } from 'node:path'

const root = join(__dirname, '..', '..')
const eslint = new ESLint({ cwd: root })

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('layering (ESLint zones)', () => {
  it.each([
    ['electron/shared/x.ts', "import { readFile } from 'node:fs'\nexport const f = readFile\n"],
    ['electron/shared/x.ts', "import { app } from 'electron'\nexport const a = app\n"],
    ['electron/shared/x.ts', "import React from 'react'\nexport const r = React\n"],
    ['electron/shared/x.ts', "import { JSDOM } from 'jsdom'\nexport const j = JSDOM\n"],
    ['electron/shared/x.ts', "import { createServices } from '../services/services'\nexport const c = createServices\n"],
    ['electron/services/x.ts', "import { app } from 'electron'\nexport const a = app\n"],
    ['electron/services/x.ts', "import { createMainWindow } from '../main/window'\nexport const w = createMainWindow\n"],
    ['electron/preload/x.ts', "import { readFile } from 'fs'\nexport const f = readFile\n"],
    ['electron/preload/x.ts', "import { createServices } from '../services/services'\nexport const c = createServices\n"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron'\nexport const i = ipcRenderer\n"],
    ['renderer/src/x.ts', "import { join } from 'node:path'\nexport const j = join\n"],
    ['renderer/src/x.ts', "import { createServices } from '../../electron/services/services'\nexport const c = createServices\n"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).not.toEqual([])
  })

  it.each([
    ['electron/shared/x.ts', "import { z } from 'zod'\nexport const s = z.string()\n"],
    ['electron/services/x.ts', "import { readFile } from 'node:fs/promises'\nexport const f = readFile\n"],
    ['electron/main/x.ts', "import { app } from 'electron'\nexport const a = app\n"],
    ['renderer/src/x.ts', "import { slugify } from '../../electron/shared/markdown/slug'\nexport const s = slugify\n"],
  ])('%s may: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([])
  })
})
