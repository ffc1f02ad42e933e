import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { thirdPartyNotices } from './build/scripts/notices/vite-plugin'
import { cspMeta } from './build/scripts/csp-meta-plugin'

// Licence notices of everything the bundles contain, emitted as out/renderer/notices.json.
const notices = thirdPartyNotices()

// Main and preload from electron/, the renderer rooted at renderer/. Output: out/{main,preload,renderer}.
export default defineConfig({
  main: {
    plugins: [notices.main],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
      // ESM-only packages are bundled so the CommonJS main can load them.
      externalizeDeps: { exclude: ['approx-string-match', 'marked', 'marked-footnote'] },
    },
  },
  preload: {
    plugins: [notices.preload],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
      // A sandboxed preload can only require('electron'): it must be one self-contained file.
      externalizeDeps: false,
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
      sourcemap: false,
    },
    plugins: [react(), notices.renderer, cspMeta()],
  },
})
