/**
 * Reading the zip archives DOCX, ODT and EPUB are made of (fflate), with bounds: at most
 * MAX_ENTRIES entries, MAX_ENTRY_BYTES per entry and MAX_TOTAL_BYTES in all, judged on the sizes the
 * archive declares before anything is inflated (fflate inflates into a buffer of the declared size,
 * so a lying entry cannot grow past it). An entry whose name climbs out of the archive (`../`, an
 * absolute path) makes the whole archive refused: nothing is ever written from it, but such a name
 * only comes from a forged file.
 */
import { unzipSync } from 'fflate'
import { ImportRefusal } from './converted'

export const MAX_ENTRIES = 5000
export const MAX_ENTRY_BYTES = 100 * 1024 * 1024
export const MAX_TOTAL_BYTES = 300 * 1024 * 1024

export interface ZipEntries {
  /** Entry names, as stored. */
  readonly names: readonly string[]
  /** An entry's bytes, or null when the archive has no such entry (or it was not asked for). */
  bytes(name: string): Uint8Array | null
  /** An entry as UTF-8 text, or null. */
  text(name: string): string | null
}

function unsafeName(name: string): boolean {
  return name.startsWith('/') || name.includes('\\') || /^[a-zA-Z]:/.test(name) || name.split('/').some((s) => s === '..')
}

/**
 * Lists an archive and inflates the entries `wanted` accepts (given each name and declared size).
 * Throws ImportRefusal('corrupt') for anything that is not a readable, bounded, well-named zip.
 */
export function readZip(data: Uint8Array, wanted: (name: string, size: number) => boolean, what: string): ZipEntries {
  const names: string[] = []
  let total = 0
  let problem: string | null = null
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(data, {
      filter(file) {
        if (problem) return false
        names.push(file.name)
        if (names.length > MAX_ENTRIES) problem = `more than ${MAX_ENTRIES} entries`
        else if (unsafeName(file.name)) problem = `an entry named "${file.name}" points outside the archive`
        else if (file.originalSize > MAX_ENTRY_BYTES) problem = `the entry "${file.name}" would inflate to ${file.originalSize} bytes (limit ${MAX_ENTRY_BYTES})`
        else {
          total += file.originalSize
          if (total > MAX_TOTAL_BYTES) problem = `the archive would inflate to more than ${MAX_TOTAL_BYTES} bytes`
        }
        return problem === null && wanted(file.name, file.originalSize)
      },
    })
  } catch (e) {
    throw new ImportRefusal('corrupt', `This ${what} file is not a readable zip archive (${(e as Error).message}).`)
  }
  if (problem) throw new ImportRefusal('corrupt', `This ${what} file was refused: ${problem}.`)
  const decoder = new TextDecoder('utf-8')
  return {
    names,
    bytes: (name) => files[name] ?? null,
    text: (name) => (files[name] ? decoder.decode(files[name]) : null),
  }
}
