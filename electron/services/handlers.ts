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
    annotations: {
      status: () => s.annotations.status(),
      list: (query) => s.annotations.list(query),
      get: ({ id }) => s.annotations.get(id),
      create: (input) => s.annotations.create(input),
      update: (input) => s.annotations.update(input),
      delete: ({ id }) => s.annotations.remove(id),
      restore: ({ annotation }) => s.annotations.restore(annotation),
      reanchor: ({ docId }) => s.annotations.reanchor(docId),
      check: () => s.annotations.check(),
      confirm: (input) => s.annotations.confirm(input),
      reattach: (input) => s.annotations.reattach(input),
      detach: ({ id }) => s.annotations.detach(id),
      labels: () => s.annotations.labels(),
      setLabels: (patch) => s.annotations.setLabels(patch),
      tags: ({ prefix }) => s.annotations.tags(prefix),
      exportJson: ({ docId }) => s.annotations.exportJson(docId),
      importJson: ({ json }) => s.annotations.importJson(json),
    },
  }
}

export function createHandlers(s: Services): HandlerTable {
  return bindImplementation(createImplementation(s), s.options.log)
}
