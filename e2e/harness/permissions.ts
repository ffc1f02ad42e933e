/**
 * The page's permissions, as Electron would give them: derived from the app's REAL web-contents
 * policy (electron/shared/security/web-contents-policy.ts), never granted by hand. Each Playwright
 * permission is mapped to the name Electron's handlers receive, and granted only if both the
 * policy's check handler and its request handler say yes for the page's URL.
 *
 * A refusal is enforced too, not just « not granted »: Chromium on its own lets a page write text to
 * the clipboard after a click even without the grant (and even with a CDP « denied » override),
 * where Electron asks the policy and rejects. So for each permission the policy refuses, an init
 * script makes the matching Clipboard methods reject with the error Chromium gives on a denial. If
 * the policy stopped granting clipboard writing, every « Copier » spec would fail.
 *
 * The harness serves the production bundle from http://127.0.0.1:<port> instead of app://reader; the
 * policy is asked with that origin as its `devUrl`, the mechanism by which main trusts the one
 * origin it loads in development.
 */
import type { BrowserContext } from '@playwright/test'
import { createWebContentsPolicy } from '../../electron/shared/security/web-contents-policy'

/** Playwright (Chromium) permission name → the permission Electron's session handlers are asked. */
export const ELECTRON_PERMISSION = {
  'clipboard-write': 'clipboard-sanitized-write',
  'clipboard-read': 'clipboard-read',
} as const

export type PlaywrightPermission = keyof typeof ELECTRON_PERMISSION

/** The Playwright permissions the policy grants to the top frame at `pageUrl` (served from `origin`). */
export function permissionsGrantedByPolicy(origin: string, pageUrl: string = `${origin}/`): PlaywrightPermission[] {
  const refusals: string[] = []
  const policy = createWebContentsPolicy({ devUrl: origin, log: { warn: (m) => refusals.push(m) } })
  const page = { getURL: () => pageUrl }
  return (Object.keys(ELECTRON_PERMISSION) as PlaywrightPermission[]).filter((name) => {
    const electronName = ELECTRON_PERMISSION[name]
    let requested = false
    policy.onPermissionRequest(page, electronName, (granted) => void (requested = granted), { requestingUrl: pageUrl, isMainFrame: true })
    const checked = policy.onPermissionCheck(page, electronName, new URL(pageUrl).origin, { requestingUrl: pageUrl, isMainFrame: true })
    return requested && checked
  })
}

/**
 * Gives every page of the context (call before they load) what the policy grants for `origin`,
 * refuses the rest, and returns the grants. `granted` defaults to the policy's answer; a spec passes
 * another list to play a policy that refuses.
 */
export async function grantAsElectron(
  context: BrowserContext,
  origin: string,
  granted: readonly PlaywrightPermission[] = permissionsGrantedByPolicy(origin),
): Promise<readonly PlaywrightPermission[]> {
  await context.clearPermissions()
  if (granted.length > 0) await context.grantPermissions([...granted], { origin })
  const refused = (Object.keys(ELECTRON_PERMISSION) as PlaywrightPermission[]).filter((p) => !granted.includes(p))
  for (const permission of refused) await context.addInitScript(REFUSE[permission])
  return granted
}

/**
 * Init scripts that make the Clipboard methods of a refused permission reject, as Chromium does when
 * the permission is denied (same DOMException name and message). Self-contained: they run in the page.
 */
const REFUSE: Readonly<Record<PlaywrightPermission, () => void>> = {
  'clipboard-write': () => {
    const deny = (method: string) => (): Promise<never> =>
      Promise.reject(new DOMException(`Failed to execute '${method}' on 'Clipboard': Write permission denied.`, 'NotAllowedError'))
    Object.defineProperty(navigator.clipboard, 'writeText', { value: deny('writeText'), configurable: true, writable: true })
    Object.defineProperty(navigator.clipboard, 'write', { value: deny('write'), configurable: true, writable: true })
  },
  'clipboard-read': () => {
    const deny = (method: string) => (): Promise<never> =>
      Promise.reject(new DOMException(`Failed to execute '${method}' on 'Clipboard': Read permission denied.`, 'NotAllowedError'))
    Object.defineProperty(navigator.clipboard, 'readText', { value: deny('readText'), configurable: true, writable: true })
    Object.defineProperty(navigator.clipboard, 'read', { value: deny('read'), configurable: true, writable: true })
  },
}
