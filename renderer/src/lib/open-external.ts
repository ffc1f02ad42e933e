/**
 * Opens a link in the system browser through the checked opener. Main refuses anything but https:
 * and mailto: (an http: source, say); the person is then told, and offered the address to copy
 * (then told whether it was copied).
 */
import { api } from './api'
import { notify } from './notify'
import { copyText } from './clipboard'
import type { Strings } from '../i18n/fr'

export async function openExternal(url: string, t: Strings): Promise<void> {
  const r = await api.app.openExternal({ url }) // eng-disable OPEN_EXTERNAL_JS_CHECK — our API: main re-checks the URL
  if (r.ok) return
  notify(t.reader.externalRefused(url), {
    label: t.reader.copyAddress,
    run: () => void copyText(url).then((r) => notify(r.ok ? t.reader.addressCopied : t.reader.addressNotCopied(r.message))),
  })
}
