import { describe, expect, it } from 'vitest'
import { maskNonProse } from './prose-mask'

/** What is left of the text once masked, with runs of spaces squeezed. */
const prose = (md: string): string => maskNonProse(md).replace(/[ ]+/g, ' ').trim()

describe('maskNonProse', () => {
  it('keeps length and newlines, so offsets and lines stay those of the source', () => {
    const md = 'Un `code` et [lien](../a.md#b).\n\n```\nx\n```\n<b>gras</b> https://x.org/a?b'
    const masked = maskNonProse(md)
    expect(masked).toHaveLength(md.length)
    expect(masked.split('\n').length).toBe(md.split('\n').length)
  })

  it.each([
    ['code spans', 'a `b "c"` d', 'a d'],
    ['double-backtick code spans', 'a ``b ` c`` d', 'a d'],
    ['fenced code blocks', 'a\n```js\nlet x = "y"\n```\nd', 'a\n \n \n \nd'],
    ['tilde fences inside a list', '- a\n  ~~~\n  "x"\n  ~~~\n- d', '- a\n \n \n \n- d'],
    ['link destinations and titles', '[texte](../a(b).md "titre") fin', '[texte] fin'],
    ['image destinations and the opening !', '![alt](img.png)', '[alt]'],
    ['reference definitions', 'a [x][r]\n\n[r]: https://x.org "T"', 'a [x][r]'],
    ['footnote markers (not their text)', '[^1]: Une note', 'Une note'],
    ['autolinks and bare URLs', '<https://x.org/a:b> et http://y.org/?q=1;2', 'et'],
    ['raw HTML tags and comments (not the text between tags)', '<abbr title="x:y">ESS</abbr> <!-- "c": d -->', 'ESS'],
    ['HTML entities', 'a&nbsp;: b &#8239;', 'a : b'],
    ['table delimiter rows', '| a | b |\n| :-- | --: |', '| a | b |'],
  ])('masks %s', (_name, md, expected) => {
    expect(prose(md).replace(/ \n/g, '\n').replace(/\n /g, '\n')).toBe(expected.replace(/ \n/g, '\n').replace(/\n /g, '\n'))
  })

  it('does not let a code span run across paragraphs', () => {
    expect(prose('un ` seul\n\nparagraphe `')).toBe('un ` seul\n\nparagraphe `')
  })
})
