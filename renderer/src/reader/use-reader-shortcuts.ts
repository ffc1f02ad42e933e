/** The document screen's shortcuts (see app/shortcuts.ts for the full list shown in the sheet). */
import { useEffect, useRef } from 'react'
import { isTypingTarget } from '../app/keyboard'
import { matchesAction } from '../app/use-global-shortcuts'
import type { ShortcutAction } from '../app/shortcuts'

export type ReaderCommands = Partial<Record<ShortcutAction, () => void>>

/** Window event the app fires for the native menu's « Rechercher dans le document ». */
export const FIND_COMMAND = 'passerelles:find-in-document'

/** Actions that also fire from a text field (Ctrl+F from the find box selects its text again). */
const WHILE_TYPING: ReadonlySet<ShortcutAction> = new Set(['find', 'toggleContents', 'readingSettings'])

export function useReaderShortcuts(commands: ReaderCommands): void {
  const latest = useRef(commands)
  useEffect(() => {
    latest.current = commands
  })
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented) return
      const typing = isTypingTarget(e.target)
      for (const [action, run] of Object.entries(latest.current) as [ShortcutAction, () => void][]) {
        if (typing && !WHILE_TYPING.has(action)) continue
        if (matchesAction(e, action)) {
          e.preventDefault()
          run()
          return
        }
      }
    }
    const onMenuFind = (): void => latest.current.find?.()
    window.addEventListener('keydown', onKey)
    window.addEventListener(FIND_COMMAND, onMenuFind)
    return () => {
      window.removeEventListener('keydown', onKey)
      window.removeEventListener(FIND_COMMAND, onMenuFind)
    }
  }, [])
}
