/** Reads electron-builder.yml (the one packaging configuration) for the checks. */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'

export const REPO = resolve(__dirname, '..', '..', '..')

export interface BuilderConfig {
  readonly appId: string
  readonly productName: string
  readonly files: readonly string[]
  readonly asar: boolean
  readonly npmRebuild: boolean
  readonly publish: unknown
  readonly electronFuses: Readonly<Record<string, boolean>>
  readonly protocols: readonly { readonly name: string; readonly schemes: readonly string[] }[]
  readonly linux: Readonly<Record<string, unknown>>
  readonly nsis: Readonly<Record<string, unknown>>
  readonly mac: Readonly<Record<string, unknown>>
}

export function readBuilderConfig(file = join(REPO, 'electron-builder.yml')): BuilderConfig {
  return parse(readFileSync(file, 'utf8')) as BuilderConfig
}
