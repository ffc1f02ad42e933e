/**
 * « Enregistrer sous… », the one flow behind every file the reader saves (notes exports, section
 * handouts, workshop decks): ask where (a port: Electron's dialog in main, a temp path in tests and
 * the e2e harness), then write atomically (atomic-file.ts). Cancelling is not an error: null. A write
 * the file system refuses is an `io` AppFailure naming the path, which the handler table returns as an
 * error value (a previous file at that path is left intact).
 */
import { writeFileAtomic } from './atomic-file'
import { AppFailure } from '../../shared/result'

/** The dialog: a path for the suggested file name, or null when the user cancels (or no dialog exists). */
export type ChooseSavePath = (suggestedName: string) => Promise<string | null>

export interface SavedFile {
  readonly path: string
  /** Bytes written (UTF-8). */
  readonly bytes: number
}

/**
 * `content` may be a function, called only once a path is chosen: work the user may cancel (building
 * a deck) is not done before the dialog.
 */
export async function saveAs(choose: ChooseSavePath | undefined, suggestedName: string, content: string | (() => Promise<string>)): Promise<SavedFile | null> {
  const path = choose ? await choose(suggestedName) : null
  if (path === null) return null
  const text = typeof content === 'string' ? content : await content()
  try {
    await writeFileAtomic(path, text)
  } catch (e) {
    throw new AppFailure('io', `Could not write ${path}: ${e instanceof Error ? e.message : String(e)}`)
  }
  return { path, bytes: Buffer.byteLength(text, 'utf8') }
}
