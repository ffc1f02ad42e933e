/**
 * Plain text: paragraphs are separated by blank lines; lines inside a paragraph are joined (text
 * files are often wrapped at 72 columns). Every character is shown as written (escape-markdown.ts).
 * The title is the first line when it is short, else none (the file name is used).
 */
import { escapeMarkdownText } from './escape-markdown'
import type { Converted } from './converted'

export function textToMarkdown(text: string): Converted {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.split('\n').map((l) => l.trim()).filter(Boolean).join(' '))
    .filter((p) => p !== '')
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() !== '')?.trim() ?? null
  const title = first !== null && first.length <= 120 ? first : null
  return { markdown: paragraphs.map(escapeMarkdownText).join('\n\n') + '\n', title, authors: [], date: null }
}
