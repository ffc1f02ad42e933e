/**
 * Copies the production CSP into the built index.html as a <meta http-equiv> (build only: the dev
 * server needs React Refresh's inline preamble). The header sent by the app:// protocol handler
 * stays the authority; the meta is a second copy that holds wherever the page is loaded, and lets
 * static scanners (Electronegativity) see the policy. `frame-ancestors` is left out of the meta:
 * browsers ignore it there and warn.
 */
import type { Plugin } from 'vite'
import { PRODUCTION_CSP } from '../../electron/shared/security/csp'

export function metaPolicy(policy: string = PRODUCTION_CSP): string {
  return policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d.length > 0 && !d.startsWith('frame-ancestors'))
    .join('; ')
}

/** Right after <meta charset>: before any script or stylesheet, which a meta policy only governs if it comes first. */
export function insertCspMeta(html: string, policy: string = PRODUCTION_CSP): string {
  const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html)
  if (!charset) throw new Error('index.html has no <meta charset>: cannot place the CSP <meta> before the scripts')
  const at = charset.index + charset[0].length
  const content = metaPolicy(policy).replace(/'/g, '&#39;')
  return `${html.slice(0, at)}\n    <meta http-equiv="Content-Security-Policy" content="${content}" />${html.slice(at)}`
}

export function cspMeta(policy: string = PRODUCTION_CSP): Plugin {
  return {
    name: 'passerelles:csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => insertCspMeta(html, policy),
    },
  }
}
