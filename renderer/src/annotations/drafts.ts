/**
 * Drafts of the annotation editor: what is being typed is kept in the profile's localStorage on
 * every keystroke, until it is saved or explicitly discarded, so a note survives a click elsewhere,
 * a navigation, a crash of the page or a save the store refused. One entry per annotation id.
 * Nothing else is kept there: the annotation store (data dir) stays the one record of saved notes.
 */
import type { ColorId } from '../../../electron/shared/annotations/model'

export interface Draft {
  readonly note: string
  readonly tags: string
  readonly color: ColorId
}

const key = (id: string): string => `passerelles.annotation-draft.${id}`

export function readDraft(id: string): Draft | null {
  try {
    const raw = window.localStorage.getItem(key(id))
    if (!raw) return null
    const d = JSON.parse(raw) as Partial<Draft>
    return typeof d.note === 'string' && typeof d.tags === 'string' && typeof d.color === 'string' ? { note: d.note, tags: d.tags, color: d.color as ColorId } : null
  } catch {
    return null // a draft that cannot be read is no draft; the saved note is untouched
  }
}

export function writeDraft(id: string, draft: Draft): void {
  try {
    window.localStorage.setItem(key(id), JSON.stringify(draft))
  } catch {
    // storage full or disabled: the editor still saves on close
  }
}

export function clearDraft(id: string): void {
  try {
    window.localStorage.removeItem(key(id))
  } catch {
    // nothing to clear
  }
}
