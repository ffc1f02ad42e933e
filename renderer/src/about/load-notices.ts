/**
 * Loads the licence notices the build wrote next to the renderer (out/renderer/notices.json) from
 * the app's own origin, and validates them: a file that does not match the schema is reported as
 * unavailable rather than shown half-broken. Not an API call: it is a static file of our bundle,
 * like a stylesheet (CSP connect-src 'self').
 */
import { NOTICES_FILE, NoticesSchema } from '../../../electron/shared/about/notices'
import type { Notices } from '../../../electron/shared/about/notices'

export async function loadNotices(): Promise<Notices> {
  const response = await fetch(new URL(NOTICES_FILE, document.baseURI))
  if (!response.ok) throw new Error(`${NOTICES_FILE}: HTTP ${response.status}`)
  const parsed = NoticesSchema.safeParse(await response.json())
  if (!parsed.success) throw new Error(`${NOTICES_FILE} does not match its schema`)
  return parsed.data
}

/** « **gras** reste » → alternating plain and bold runs, for the content licence paragraph. */
export function boldRuns(text: string): { readonly text: string; readonly bold: boolean }[] {
  return text
    .split('**')
    .map((run, i) => ({ text: run, bold: i % 2 === 1 }))
    .filter((r) => r.text.length > 0)
}
