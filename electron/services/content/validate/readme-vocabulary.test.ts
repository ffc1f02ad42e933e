import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { TAG_VOCABULARY } from '../../../shared/content/front-matter'

const README = join(__dirname, '..', '..', '..', '..', 'content', 'README.md')

/** The backquoted words of the README's vocabulary section (up to the next `##` heading). */
async function readmeVocabulary(): Promise<string[]> {
  const text = await readFile(README, 'utf8')
  const start = text.indexOf('## Vocabulaire contrôlé des étiquettes')
  expect(start).toBeGreaterThanOrEqual(0)
  const rest = text.slice(start).split('\n').slice(1).join('\n')
  const section = rest.slice(0, rest.search(/^## /m) >>> 0)
  return [...section.matchAll(/`([^`]+)`/g)].map((m) => m[1]!).filter((w) => w !== 'tags')
}

describe('content/README.md', () => {
  it('lists exactly the tag vocabulary the validator enforces, each word once', async () => {
    const listed = await readmeVocabulary()
    expect(new Set(listed).size).toBe(listed.length)
    expect([...listed].sort()).toEqual([...TAG_VOCABULARY].sort())
  })
})
