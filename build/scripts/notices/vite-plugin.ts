/**
 * Collects, during `electron-vite build`, the modules rolldown bundles into main, preload and the
 * renderer, and emits `notices.json` next to the renderer (out/renderer/notices.json, served at
 * app://reader/notices.json). electron-vite builds main, then preload, then the renderer, in one
 * process: the three plugins share one collector, and the renderer's build writes the file.
 */
import { resolve } from 'node:path'
import type { Plugin } from 'vite'
import { NOTICES_FILE } from '../../../electron/shared/about/notices'
import { buildNotices } from './notices'
import type { BundleTarget } from './notices'

interface ChunkLike {
  readonly type: 'chunk' | 'asset'
  readonly moduleIds?: readonly string[]
}

export function thirdPartyNotices(root = resolve(__dirname, '..', '..', '..')): Readonly<Record<BundleTarget, Plugin>> {
  const seen: Record<BundleTarget, string[] | null> = { main: null, preload: null, renderer: null }
  const collect = (target: BundleTarget, bundle: Readonly<Record<string, ChunkLike>>): string[] => {
    const ids = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [...(c.moduleIds ?? [])] : []))
    seen[target] = ids
    return ids
  }
  const plugin = (target: BundleTarget): Plugin => ({
    name: `passerelles:third-party-notices:${target}`,
    apply: 'build',
    generateBundle(_options, bundle) {
      collect(target, bundle as unknown as Record<string, ChunkLike>)
      if (target !== 'renderer') return
      if (!seen.main || !seen.preload) {
        this.error('third-party notices: main and preload must be built before the renderer (electron-vite builds them in that order)')
      }
      const notices = buildNotices(root, { main: seen.main!, preload: seen.preload!, renderer: seen.renderer! })
      this.emitFile({ type: 'asset', fileName: NOTICES_FILE, source: `${JSON.stringify(notices, null, 1)}\n` })
    },
  })
  return { main: plugin('main'), preload: plugin('preload'), renderer: plugin('renderer') }
}
