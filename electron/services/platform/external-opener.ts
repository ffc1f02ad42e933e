/**
 * The port through which services ask the operating system to open a link. Main plugs in
 * `shell.openExternal`; tests and the e2e harness plug in a recorder. The URL is checked here, on
 * the trusted side, whatever the renderer already checked.
 */
import { isAllowedExternalUrl } from '../../shared/security/urls'
import { AppFailure } from '../../shared/result'

export type OpenUrl = (url: string) => Promise<void>

export function createExternalOpener(open: OpenUrl): (url: string) => Promise<null> {
  return async (url) => {
    if (!isAllowedExternalUrl(url)) {
      throw new AppFailure('invalid-payload', `Refusing to open ${JSON.stringify(url.slice(0, 120))}: only https: and mailto: links are opened.`)
    }
    await open(url)
    return null
  }
}

/** For tests and the CLI: remembers the URLs instead of opening them. */
export function recordingOpener(): OpenUrl & { opened: string[] } {
  const opened: string[] = []
  return Object.assign(async (url: string) => void opened.push(url), { opened })
}
