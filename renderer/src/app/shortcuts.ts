/**
 * Every keyboard shortcut of the reader, in one list: the handlers match against it and the
 * shortcuts sheet (`?`) displays it, so the sheet cannot drift from what the keys do.
 * Ctrl+K belongs to the search palette and is not listed here.
 */

export const SHORTCUTS = {
  shortcuts: ['?'],
  back: ['Alt+ArrowLeft'],
  forward: ['Alt+ArrowRight'],
  library: ['Ctrl+L'],
  settings: ['Ctrl+,'],
  find: ['Ctrl+F'],
  findNext: ['Enter', 'F3'],
  findPrevious: ['Shift+Enter', 'Shift+F3'],
  close: ['Escape'],
  previousSection: ['Alt+ArrowUp'],
  nextSection: ['Alt+ArrowDown'],
  previousChapter: ['Alt+PageUp'],
  nextChapter: ['Alt+PageDown'],
  toggleContents: ['Ctrl+B'],
  readingSettings: ['Ctrl+.'],
  largerText: ['Alt+='],
  smallerText: ['Alt+-'],
  nextTheme: ['Alt+T'],
  highlight: ['Alt+H'],
  undo: ['Ctrl+Z'],
  redo: ['Ctrl+Shift+Z', 'Ctrl+Y'],
} as const

export type ShortcutAction = keyof typeof SHORTCUTS

/** How the sheet groups them. */
export const SHORTCUT_GROUPS: readonly { readonly id: 'general' | 'reading' | 'find' | 'display' | 'annotations'; readonly actions: readonly ShortcutAction[] }[] = [
  { id: 'general', actions: ['shortcuts', 'back', 'forward', 'library', 'settings', 'close'] },
  { id: 'reading', actions: ['previousSection', 'nextSection', 'previousChapter', 'nextChapter', 'toggleContents'] },
  { id: 'find', actions: ['find', 'findNext', 'findPrevious'] },
  { id: 'display', actions: ['readingSettings', 'largerText', 'smallerText', 'nextTheme'] },
  { id: 'annotations', actions: ['highlight', 'undo', 'redo'] },
]
