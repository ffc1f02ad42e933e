/**
 * A number that changes after every change to a body's subtree (text wrapped in a glossary link,
 * the document's HTML replaced). DOM Ranges made before such a change may have collapsed (a text
 * node moved into a wrapper takes live range boundaries out with it), so whoever paints Ranges from
 * text offsets — search matches, annotations, find — lists this version among its effect's
 * dependencies and rebuilds them.
 */
import { useEffect, useState } from 'react'

export function useDomVersion(body: HTMLElement | null, active = true): number {
  const [version, setVersion] = useState(0)
  useEffect(() => {
    if (!body || !active) return
    const observer = new MutationObserver(() => setVersion((v) => v + 1))
    observer.observe(body, { childList: true, subtree: true, characterData: true })
    return () => observer.disconnect()
  }, [body, active])
  return version
}
