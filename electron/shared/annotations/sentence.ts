/**
 * The sentence around a caret offset of a text (keyboard path: with nothing selected, the highlight
 * shortcut takes the sentence at the caret). Sentences end at . ! ? … or a line break.
 */
export function sentenceAt(text: string, offset: number): { start: number; end: number } | null {
  if (text.length === 0) return null
  const at = Math.min(Math.max(0, offset), text.length - 1)
  let start = at
  while (start > 0 && !/[.!?…\n]/.test(text[start - 1]!)) start--
  let end = at
  while (end < text.length && !/[.!?…\n]/.test(text[end]!)) end++
  if (end < text.length && text[end] !== '\n') end++
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return end > start ? { start, end } : null
}
