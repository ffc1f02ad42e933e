/**
 * Keyboard shortcuts: one notation (`Ctrl+F`, `Alt+ArrowLeft`, `Shift+F3`, `?`) used both to match
 * events and to show keys in the shortcuts sheet. `Ctrl` also means ⌘ on macOS. Letters and symbols
 * are matched by physical key as well as by character, so Alt combinations work on every layout.
 */

export interface ParsedShortcut {
  readonly ctrl: boolean
  readonly alt: boolean
  readonly shift: boolean
  readonly key: string
}

export function parseShortcut(spec: string): ParsedShortcut {
  const parts = spec.split('+')
  // `Alt+=`/`Alt++`: a trailing empty part means the key itself was '+'.
  const key = parts.at(-1) === '' ? '+' : parts.at(-1)!
  const mods = new Set(parts.slice(0, -1).filter(Boolean))
  return { ctrl: mods.has('Ctrl'), alt: mods.has('Alt'), shift: mods.has('Shift'), key }
}

function keyMatches(e: KeyboardEvent, key: string): boolean {
  if (key.length === 1 && /[a-z]/i.test(key)) {
    // The character when it is a letter (any layout); the physical key when a modifier turned it
    // into something else (⌥T gives '†' on macOS).
    return /^[a-z]$/i.test(e.key) ? e.key.toLowerCase() === key.toLowerCase() : e.code === `Key${key.toUpperCase()}`
  }
  if (key === '=' || key === '+') return e.key === '=' || e.key === '+' || e.code === 'NumpadAdd'
  if (key === '-') return e.key === '-' || e.code === 'NumpadSubtract'
  return e.key === key
}

export function matchesShortcut(e: KeyboardEvent, spec: string): boolean {
  const s = parseShortcut(spec)
  if ((e.ctrlKey || e.metaKey) !== s.ctrl || e.altKey !== s.alt) return false
  // Printable symbols such as '?' need Shift on most layouts: Shift is not part of their identity.
  const symbol = s.key.length === 1 && !/[a-z0-9]/i.test(s.key)
  if (!symbol && e.shiftKey !== s.shift) return false
  return keyMatches(e, s.key)
}

/** True when the key press is meant for a text field (shortcuts without Ctrl/Alt must not fire). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type)
  return false
}

export interface KeyNames {
  readonly ctrl: string
  readonly shift: string
  readonly alt: string
  readonly escape: string
  readonly enter: string
  readonly pageUp: string
  readonly pageDown: string
}

/** Key names as shown to people, per UI language: `Ctrl+F` → ['Ctrl', 'F']. */
export function displayShortcut(spec: string, names: KeyNames): string[] {
  const s = parseShortcut(spec)
  const keyNames: Readonly<Record<string, string>> = {
    ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓',
    Escape: names.escape, Enter: names.enter, PageUp: names.pageUp, PageDown: names.pageDown,
  }
  return [...(s.ctrl ? [names.ctrl] : []), ...(s.alt ? [names.alt] : []), ...(s.shift ? [names.shift] : []), keyNames[s.key] ?? s.key.toUpperCase()]
}
