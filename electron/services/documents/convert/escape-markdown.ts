/**
 * Text that must be shown as written, made safe to put in Markdown: every character Markdown or
 * HTML could read as syntax is escaped, so a plain-text file or an XML text node never becomes a
 * link, a heading, a tag or an entity.
 */

/** Backslash-escapes Markdown punctuation and turns `&` `<` `>` into entities (CommonMark allows both). */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|~^$:]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}

/** Escapes text for HTML (converters that build HTML for turndown). */
export function escapeHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
