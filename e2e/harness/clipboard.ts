/**
 * Seeing what the app copied. The policy (like Electron's) never grants `clipboard-read`, so a spec
 * cannot read the clipboard back; instead an init script wraps `navigator.clipboard.writeText`: it
 * calls the REAL write, awaits it, and records the text only once the write resolved (a refused
 * write rejects as before and records nothing). A refused write is played with
 * `grantAsElectron(context, origin, [])` (harness/permissions.ts).
 */
import type { Page } from '@playwright/test'

interface RecordingWindow {
  __clipboardWrites?: string[]
}

/** Call before the page loads (before `app.open`). */
export async function recordClipboardWrites(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const clipboard = navigator.clipboard
    const realWrite = clipboard.writeText.bind(clipboard)
    const writes: string[] = []
    ;(window as unknown as RecordingWindow).__clipboardWrites = writes
    clipboard.writeText = async (text: string): Promise<void> => {
      await realWrite(text)
      writes.push(text)
    }
  })
}

/** The texts written to the clipboard so far, oldest first. */
export async function clipboardWrites(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((window as unknown as RecordingWindow).__clipboardWrites ?? [])])
}
