/** When a document counts as begun: the library's cards and « Reprendre la lecture » agree on it. */

/**
 * Begun: scrolled past 2 % of the document, or past its header (offset > 0). A document read near
 * its top is stored at offset 0 (the header is still in view) yet shows « Lu à 6 % » on its card:
 * it is begun too, so the library offers to resume it rather than to start.
 */
export function isBegun(position: { readonly offset: number; readonly progress: number }): boolean {
  return position.offset > 0 || position.progress >= 0.02
}
