/**
 * Copying text, for every « Copier » of the app. `navigator.clipboard.writeText` can be refused (in
 * Electron, by the session's permission handlers; anywhere, when the page has no focus or the API is
 * missing): the caller gets the outcome as a value and must tell the person which it was — no UI says
 * « copié » unless the write resolved.
 */
export type CopyOutcome = { readonly ok: true } | { readonly ok: false; readonly message: string }

export async function copyText(text: string): Promise<CopyOutcome> {
  try {
    // `navigator.clipboard` is undefined outside a secure context.
    const clipboard = navigator.clipboard as Clipboard | undefined
    if (!clipboard) return { ok: false, message: 'navigator.clipboard is unavailable' }
    await clipboard.writeText(text)
    return { ok: true }
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) }
  }
}
