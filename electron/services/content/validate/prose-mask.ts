/**
 * Keeps only the prose of a Markdown body: every character of code (fenced blocks and spans), raw
 * HTML (tags, comments, entities), link and image destinations, reference definitions, footnote
 * markers, bare URLs and table delimiter rows becomes a space. Newlines are kept and nothing moves,
 * so an offset in the mask is the same offset in the source (and the same file line).
 *
 * Not recognised: indented (4-space) code blocks — content/README.md asks for fenced code.
 */

type Span = readonly [start: number, end: number]

function maskSpans(text: string, spans: Iterable<Span>): string {
  const out = text.split('')
  for (const [start, end] of spans) for (let i = start; i < end; i++) if (out[i] !== '\n') out[i] = ' '
  return out.join('')
}

function regexSpans(text: string, re: RegExp, keep: (m: RegExpExecArray) => boolean = () => true): Span[] {
  const spans: Span[] = []
  for (const m of text.matchAll(re)) if (keep(m)) spans.push([m.index, m.index + m[0].length])
  return spans
}

/** Fenced code blocks (``` or ~~~, also inside lists and block quotes), fences included. */
function fencedBlocks(text: string): Span[] {
  const spans: Span[] = []
  const open = /^[ \t]*(?:>[ \t]*)*(`{3,}|~{3,})/
  let fence: string | null = null
  let start = 0
  let offset = 0
  for (const line of text.split('\n')) {
    const m = open.exec(line)
    if (fence === null) {
      if (m) {
        fence = m[1]!
        start = offset
      }
    } else if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && line.slice(m[0].length).trim() === '') {
      spans.push([start, offset + line.length])
      fence = null
    }
    offset += line.length + 1
  }
  if (fence !== null) spans.push([start, text.length])
  return spans
}

/** `](destination "title")` of inline links and images, balanced parentheses, backslash escapes. */
function linkDestinations(text: string): Span[] {
  const spans: Span[] = []
  for (let at = text.indexOf(']('); at >= 0; at = text.indexOf('](', at + 2)) {
    let depth = 0
    for (let i = at + 1; i < text.length; i++) {
      const c = text[i]
      if (c === '\\') i++
      else if (c === '(') depth++
      else if (c === ')' && --depth === 0) {
        spans.push([at + 1, i + 1])
        break
      } else if (c === '\n' && /^[ \t]*(?:\n|$)/.test(text.slice(i + 1))) break
    }
  }
  return spans
}

/** Code spans: a run of backticks closed by the same run, within one paragraph. */
const codeSpans = (t: string): Span[] => regexSpans(t, /(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, (m) => !/\n[ \t]*\n/.test(m[0]))

const CODE_STEPS: readonly ((text: string) => Span[])[] = [fencedBlocks, (t) => regexSpans(t, /<!--[\s\S]*?-->/g), codeSpans]

const STEPS: readonly ((text: string) => Span[])[] = [
  ...CODE_STEPS,
  linkDestinations,
  // Reference definitions `[label]: url "title"` (whole line) and footnote markers `[^1]:`.
  (t) => regexSpans(t, /^ {0,3}\[(?!\^)[^\]\n]+\]:.*$/gm),
  (t) => regexSpans(t, /^ {0,3}\[\^[^\]\n]+\]:/gm),
  // Autolinks and raw HTML tags.
  (t) => regexSpans(t, /<[a-z][a-z0-9+.-]*:[^\s<>]*>|<[^\s<>@]+@[^\s<>]+>|<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/gi),
  (t) => regexSpans(t, /\b(?:https?|ftp):\/\/[^\s<>]*|\bmailto:[^\s<>]*|\bwww\.[^\s<>]+/gi),
  (t) => regexSpans(t, /&(?:[a-z][a-z0-9]*|#\d+|#x[0-9a-f]+);/gi),
  // Table delimiter rows (`| --- | :-: |`) and thematic breaks.
  (t) => regexSpans(t, /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/gm),
  // The `!` that opens an image.
  (t) => regexSpans(t, /!(?=\[)/g),
]

export function maskNonProse(markdown: string): string {
  return STEPS.reduce((text, step) => maskSpans(text, step(text)), markdown)
}

/** Only code (fenced blocks, spans) and HTML comments masked: Markdown syntax stays readable. */
export function maskCode(markdown: string): string {
  return CODE_STEPS.reduce((text, step) => maskSpans(text, step(text)), markdown)
}

/** For plain-text values (front-matter titles and summaries): only URLs are not prose. */
export function maskUrls(text: string): string {
  return maskSpans(text, regexSpans(text, /\b(?:https?|ftp):\/\/[^\s<>]*|\bmailto:[^\s<>]*|\bwww\.[^\s<>]+/gi))
}
