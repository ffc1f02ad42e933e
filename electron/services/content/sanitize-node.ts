/** DOMPurify bound to a jsdom window: the Node side of the one sanitising policy. */
import createDOMPurify from 'dompurify'
import { JSDOM } from 'jsdom'
import { hardenElement, keepHeadingIds, replaceRemoteImage, SANITIZE_CONFIG } from '../../shared/markdown/sanitize-config'
import type { Sanitize } from '../../shared/markdown/sanitize-config'

let window: JSDOM['window'] | null = null

/** The shared jsdom window (created once: jsdom start-up is the expensive part). */
export function nodeWindow(): JSDOM['window'] {
  window ??= new JSDOM('<!doctype html><html><body></body></html>').window
  return window
}

export function createNodeSanitizer(): Sanitize {
  const purify = createDOMPurify(nodeWindow() as unknown as Parameters<typeof createDOMPurify>[0])
  purify.addHook('uponSanitizeElement', (node) => replaceRemoteImage(node))
  purify.addHook('uponSanitizeAttribute', (node, event) => keepHeadingIds(node, event))
  purify.addHook('afterSanitizeAttributes', hardenElement)
  return (dirty) => purify.sanitize(dirty, { ...SANITIZE_CONFIG, RETURN_TRUSTED_TYPE: false }) as string
}
