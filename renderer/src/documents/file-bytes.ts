/** Dropped files as the `documents.importFiles` payload (name + base64): no path leaves the page. */
import { MAX_IMPORT_BYTES, MAX_IMPORT_FILES } from '../../../electron/shared/documents/model'

function base64Of(bytes: Uint8Array): string {
  let binary = ''
  const CHUNK = 0x8000
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  return btoa(binary)
}

/**
 * The files to send, at most MAX_IMPORT_FILES; a file over the size limit is sent empty so the
 * service reports it by name (reading it here would cost the memory the limit protects).
 */
export async function filesPayload(files: readonly File[]): Promise<{ name: string; base64: string }[]> {
  const out: { name: string; base64: string }[] = []
  for (const f of files.slice(0, MAX_IMPORT_FILES)) {
    const bytes = f.size > MAX_IMPORT_BYTES ? new Uint8Array(0) : new Uint8Array(await f.arrayBuffer())
    out.push({ name: f.name || 'document', base64: base64Of(bytes) })
  }
  return out
}
