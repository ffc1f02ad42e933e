/** Persists the reading and interface settings as `settings.json` in the data dir. */
import { join } from 'node:path'
import { DEFAULT_SETTINGS, SettingsSchema } from '../../shared/settings'
import type { Settings, SettingsPatch } from '../../shared/settings'
import { writeFileAtomic } from '../platform/atomic-file'
import { loadJsonFile } from '../platform/json-file'
import type { Clock } from '../platform/clock'
import type { Logger } from '../platform/log'
import { serialQueue } from '../platform/serial-queue'

export interface SettingsService {
  get(): Settings
  update(patch: SettingsPatch): Promise<Settings>
  /** Called after every successful update (main rebuilds the menu when the language changes). */
  onChange(listener: (s: Settings) => void): void
}

export async function createSettingsService(opts: { dataDir: string; clock: Clock; log: Logger }): Promise<SettingsService> {
  const file = join(opts.dataDir, 'settings.json')
  const loaded = await loadJsonFile(file, SettingsSchema, () => ({ ...DEFAULT_SETTINGS }), () => opts.clock.now())
  if (loaded.status === 'recovered') opts.log.warn(`settings.json was unreadable (${loaded.reason}); moved to ${loaded.movedTo}, defaults restored`)
  let current: Settings = loaded.value
  const listeners: ((s: Settings) => void)[] = []
  const queue = serialQueue()
  return {
    get: () => current,
    update(patch) {
      return queue.run(async () => {
        const next = SettingsSchema.parse({ ...current, ...patch })
        await writeFileAtomic(file, `${JSON.stringify(next, null, 2)}\n`)
        current = next
        for (const l of listeners) l(next)
        return next
      })
    },
    onChange: (l) => void listeners.push(l),
  }
}
