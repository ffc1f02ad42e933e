/**
 * `createHandlers(services)`: the one handler table behind every transport (Electron IPC, the e2e
 * Playwright binding, the CLI). It maps each contract method onto a service call; validation and
 * error values come from `bindImplementation`.
 */
import { bindImplementation } from '../shared/api/bind'
import type { HandlerTable, Implementation } from '../shared/api/types'
import type { Services } from './services'

export function createImplementation(s: Services): Implementation {
  return {
    app: {
      info: async () => ({
        name: 'Passerelles',
        version: s.options.appVersion,
        contentDir: s.options.contentDir,
        dataDir: s.options.dataDir,
        documentCount: s.library.list().length,
        problems: s.library.problems(),
      }),
      openExternal: async ({ url }) => s.openExternal(url),
    },
    library: {
      list: async () => s.library.list(),
      get: async ({ id }) => s.library.get(id),
    },
    settings: {
      get: async () => s.settings.get(),
      update: async (patch) => s.settings.update(patch),
    },
    search: {
      query: async (request) => s.search.query(request),
      locate: async ({ q, docId }) => s.search.locate(q, docId),
      status: async () => s.search.status(),
    },
  }
}

export function createHandlers(s: Services): HandlerTable {
  return bindImplementation(createImplementation(s), s.options.log)
}
