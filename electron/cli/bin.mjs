#!/usr/bin/env node
// Entry of `npm run cli` and of the `passerelles` bin: runs the TypeScript CLI through tsx, in plain
// Node 20, without Electron.
import { register } from 'tsx/cjs/api'
import { createRequire } from 'node:module'

register()
const { main } = createRequire(import.meta.url)('./main.ts')
process.exitCode = await main(process.argv.slice(2))
