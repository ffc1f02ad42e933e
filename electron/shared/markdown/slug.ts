/**
 * French-aware heading slugs: « Économie sociale et solidaire » → `economie-sociale-et-solidaire`.
 * Accents are folded, ligatures expanded (œ → oe), apostrophes and every other run of
 * non-alphanumerics become one dash. Authors rely on this rule for `doc.md#anchor` links
 * (content/README.md), so changing it breaks links: a test pins it.
 */
export function foldAccents(s: string): string {
  return s
    .replace(/[œŒ]/g, (c) => (c === 'œ' ? 'oe' : 'OE'))
    .replace(/[æÆ]/g, (c) => (c === 'æ' ? 'ae' : 'AE'))
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
}

export function slugify(text: string): string {
  return foldAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** Hands out unique slugs within one document: `x`, `x-2`, `x-3`… Empty titles become `section`. */
export class SlugRegistry {
  private readonly seen = new Map<string, number>()

  next(text: string): string {
    const base = slugify(text) || 'section'
    const n = (this.seen.get(base) ?? 0) + 1
    this.seen.set(base, n)
    let slug = n === 1 ? base : `${base}-${n}`
    while (n > 1 && this.seen.has(slug)) slug = `${slug}-${n}`
    if (n > 1) this.seen.set(slug, 1)
    return slug
  }
}
