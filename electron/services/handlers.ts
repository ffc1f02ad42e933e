/**
 * `createHandlers(services)`: the one handler table behind every transport (Electron IPC, the e2e
 * Playwright binding, the CLI). It maps each contract method onto a service call; validation and
 * error values come from `bindImplementation`.
 */
import { bindImplementation } from '../shared/api/bind'
import type { HandlerTable, Implementation } from '../shared/api/types'
import type { Services } from './services'
import { importPdfMarkups } from './documents/pdf-markups-import'
import { AppFailure } from '../shared/result'

export function createImplementation(s: Services): Implementation {
  return {
    app: {
      info: async () => ({
        name: 'Passerelles',
        version: s.options.appVersion,
        contentDir: s.options.contentDir,
        dataDir: s.options.dataDir,
        documentCount: s.reader.list().length,
        problems: s.library.problems(),
      }),
      openExternal: async ({ url }) => s.openExternal(url), // eng-disable OPEN_EXTERNAL_JS_CHECK — the checked opener (platform/external-opener.ts), not shell
    },
    library: {
      list: async () => s.reader.list(),
      get: async ({ id }) => s.reader.get(id),
      glossary: async () => s.library.glossary(),
    },
    settings: {
      get: async () => s.settings.get(),
      update: async (patch) => s.settings.update(patch),
    },
    presentation: {
      start: async ({ source }) => s.presentation.start(source),
      state: async () => s.presentation.snapshot(),
      deck: async () => s.presentation.deck(),
      notes: async () => s.presentation.notes(),
      dispatch: async ({ action }) => s.presentation.dispatch(action),
      fullscreen: async ({ window }) => s.presentation.fullscreen(window),
      reopen: async () => s.presentation.reopen(),
    },
    decks: {
      list: async () => s.decks.list(),
      create: async ({ name, items }) => s.decks.create(name, items),
      update: async ({ id, name, items }) => s.decks.update(id, { ...(name === undefined ? {} : { name }), ...(items === undefined ? {} : { items }) }),
      remove: async ({ id }) => s.decks.remove(id),
      export: ({ id, form }) => s.exportDeck(id, form ?? 'full'),
    },
    search: {
      query: async (request) => s.search.query(request),
      locate: async ({ q, docId }) => s.search.locate(q, docId),
      status: async () => s.search.status(),
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
    export: {
      render: (request) => s.exports.render(request),
      save: (request) => s.exports.save(request),
      saveEach: (request) => s.exports.saveEach(request),
      handout: ({ docId, sectionId, language }) => s.exports.handout(docId, sectionId, language),
      saveHandout: ({ docId, sectionId, language }) => s.exports.saveHandout(docId, sectionId, language),
    },
    reading: {
      get: async ({ id }) => s.reading.get(id),
      list: async () => s.reading.list(),
      save: async (input) => {
        if (!s.reader.has(input.id)) throw new AppFailure('not-found', `No document with id "${input.id}".`)
        return s.reading.save(input)
      },
    },
    documents: {
      // Catches up with the CLI's changes first (a stat), should the watch have missed them.
      list: async () => (await s.documents.refresh(), s.documents.store.list().map((d) => d.record)),
      add: () => s.documents.add(),
      importFiles: ({ files }) => s.documents.importFiles(files.map((f) => ({ name: f.name, data: new Uint8Array(Buffer.from(f.base64, 'base64')) }))),
      update: (patch) => s.documents.update(patch),
      remove: ({ id }) => s.documents.remove(id),
      removed: async () => s.documents.store.removed(),
      async replace({ id, versionToken }) {
        const document = await s.documents.replace(id, versionToken)
        // The engine that handles new editions of the pack: statuses, fresh selectors, fuzzy to confirm, orphans kept.
        return { document, annotations: await s.annotations.reanchor(id) }
      },
      newVersions: ({ id }) => s.documents.newVersions(id),
      cancelImport: async () => s.documents.cancel(),
      importPdfMarkups: ({ id }) => importPdfMarkups({ documents: s.documents, annotations: s.annotations, clock: s.options.clock }, id),
    },
    room: {
      status: async () => s.room.status(),
      start: (input) => s.room.start(input),
      stop: () => s.room.stop(),
      end: () => s.room.end(),
      dispatch: ({ action }) => s.room.dispatch(action),
      audience: async () => s.room.audience(),
      sessions: () => s.room.sessions(),
      cahier: ({ id }) => s.room.cahier(id),
      saveCahier: async ({ id }) => {
        const dir = await (s.options.chooseFolder ?? (async () => null))()
        return dir === null ? null : s.room.saveCahier(dir, id)
      },
    },
  }
}

export function createHandlers(s: Services): HandlerTable {
  return bindImplementation(createImplementation(s), s.options.log)
}
