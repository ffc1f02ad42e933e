/**
 * The renderer side of the one sanitising policy: DOMPurify on the real DOM with the shared config.
 * Documents arrive already sanitised by the services; we sanitise again here because the renderer
 * must never trust a string it puts into the DOM. This module is the only HTML sink's gatekeeper.
 */
import DOMPurify from 'dompurify'
import { hardenElement, keepHeadingIds, replaceRemoteImage, SANITIZE_CONFIG } from '../../../electron/shared/markdown/sanitize-config'

const purify = DOMPurify(window)
purify.addHook('uponSanitizeElement', (node) => replaceRemoteImage(node))
purify.addHook('uponSanitizeAttribute', (node, event) => keepHeadingIds(node, event))
purify.addHook('afterSanitizeAttributes', hardenElement)

export function sanitizeHtml(dirty: string): string {
  return purify.sanitize(dirty, { ...SANITIZE_CONFIG, RETURN_TRUSTED_TYPE: false }) as string
}

/**
 * Recently sanitised strings and their clean form: the same input always gives the same output, so
 * reopening a document skips DOMPurify's walk over its 100,000 characters. Keyed by the input.
 */
const recent = new Map<string, string>()
const RECENT_MAX = 8

/** Replaces an element's content with sanitised HTML (the renderer's only HTML sink). */
export function setSanitizedHtml(el: Element, dirty: string): void {
  let clean = recent.get(dirty)
  if (clean === undefined) {
    clean = sanitizeHtml(dirty)
    recent.set(dirty, clean)
    if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value!)
  }
  el.innerHTML = clean
}
