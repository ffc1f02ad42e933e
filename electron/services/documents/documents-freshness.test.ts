/**
 * The app and the CLI on one data dir: what `cli add` / `cli remove` change reaches the running
 * app's services (library, search, the `documents.changed` event) without a restart.
 */
import { describe, expect, it } from 'vitest'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createServices } from '../services'
import type { Services } from '../services'
import { createHandlers } from '../handlers'
import { inProcessClient } from '../../shared/api/in-process'
import type { PasserellesApi } from '../../shared/api/types'
import { fixedClock } from '../platform/clock'
import { memoryLogger } from '../platform/log'
import { recordingOpener } from '../platform/external-opener'
import { doc, tempDir, writePack } from '../testing/temp-pack'

const b64 = (s: string): string => Buffer.from(s).toString('base64')

async function open(contentDir: string, dataDir: string, watchDocuments: boolean): Promise<{ s: Services; api: PasserellesApi }> {
  const s = await createServices({ contentDir, dataDir, clock: fixedClock('2026-12-01T10:00:00Z'), log: memoryLogger(), openUrl: recordingOpener(), appVersion: 'test', watchDocuments })
  return { s, api: inProcessClient(createHandlers(s)) }
}

/** The app and a CLI process on the same data dir; the app watches, the CLI does not (like cli/main.ts). */
async function appAndCli(appWatches = true): Promise<{ app: Services; appApi: PasserellesApi; cli: PasserellesApi; cliServices: Services; dataDir: string; close: () => Promise<void> }> {
  const contentDir = await writePack({ 'a.md': doc({ id: 'doc-a', title: 'Les coopératives' }, '## Statut\n\nUne coopérative d’intérêt collectif.\n') })
  const dataDir = await tempDir()
  const app = await open(contentDir, dataDir, appWatches)
  const cli = await open(contentDir, dataDir, false)
  return { app: app.s, appApi: app.api, cli: cli.api, cliServices: cli.s, dataDir, close: async () => (await cli.s.close(), await app.s.close()) }
}

/** Resolves with the ids of the next change the service reports for which `until` holds. */
function nextChange(s: Services, until: (ids: readonly string[]) => boolean = () => true): Promise<readonly string[]> {
  return new Promise((resolve) => s.documents.onChange((ids) => until(ids) && resolve(ids)))
}

function addedId(r: Awaited<ReturnType<PasserellesApi['documents']['importFiles']>>): string {
  const item = r.ok ? r.value.items[0] : undefined
  if (!item?.ok) throw new Error(`not imported: ${JSON.stringify(r)}`)
  return item.id
}

describe('« Mes documents » changed by another process (the CLI on the same data dir)', () => {
  it('the running app sees a document the CLI adds, then removes: event, library and search, without a restart', async () => {
    const { app, appApi, cli, close } = await appAndCli()
    const events: (readonly string[])[] = []
    app.bus.subscribe((name, payload) => name === 'documents.changed' && events.push((payload as { ids: readonly string[] }).ids))

    const seen = nextChange(app)
    const id = addedId(await cli.documents.importFiles({ files: [{ name: 'terrain.md', base64: b64('# Notes de terrain\n\nLa ressourcerie de Quimper répare des vélos.\n') }] }))
    expect(await seen).toEqual([id])
    expect(events).toEqual([[id]])
    expect(app.reader.list().map((d) => d.id)).toContain(id)
    expect(app.reader.get(id).text).toContain('ressourcerie de Quimper')
    const found = await appApi.search.query({ q: 'ressourcerie Quimper' })
    expect(found.ok && found.value.groups.map((g) => g.docId)).toEqual([id])

    const gone = nextChange(app)
    expect((await cli.documents.remove({ id })).ok).toBe(true)
    expect(await gone).toEqual([id])
    expect(app.reader.list().map((d) => d.id)).not.toContain(id)
    const after = await appApi.search.query({ q: 'ressourcerie Quimper' })
    expect(after.ok && after.value.groups).toEqual([])
    expect(await appApi.documents.removed({})).toMatchObject({ ok: true, value: [{ id, title: 'Notes de terrain' }] })
    await close()
  })

  it('metadata edited and a new version put in by the CLI reach the app too', async () => {
    const { app, cli, close } = await appAndCli()
    const first = nextChange(app)
    const id = addedId(await cli.documents.importFiles({ files: [{ name: 'cr.md', base64: b64('# Compte rendu\n\nPremière version.\n') }] }))
    await first
    const renamed = nextChange(app)
    await cli.documents.update({ id, title: 'Titre changé en ligne de commande' })
    expect(await renamed).toEqual([id])
    expect(app.reader.get(id).summary.title).toBe('Titre changé en ligne de commande')

    const offered = await cli.documents.importFiles({ files: [{ name: 'cr.md', base64: b64('# Compte rendu\n\nDeuxième version, corrigée.\n') }] })
    const item = offered.ok ? offered.value.items[0] : undefined
    if (!item || item.ok || !item.versionToken) throw new Error('no new version offered')
    const replaced = nextChange(app, (ids) => ids.includes(id))
    expect((await cli.documents.replace({ id, versionToken: item.versionToken })).ok).toBe(true)
    await replaced
    expect(app.reader.get(id).text).toContain('Deuxième version, corrigée.')
    await close()
  })

  it('its own writes are not reported again: after an import, a refresh finds nothing new', async () => {
    const { app, appApi, close } = await appAndCli()
    const events: (readonly string[])[] = []
    app.documents.onChange((ids) => void events.push(ids))
    const id = addedId(await appApi.documents.importFiles({ files: [{ name: 'a.md', base64: b64('# A\n\nTexte.\n') }] }))
    expect(await app.documents.refresh()).toEqual([])
    await appApi.documents.update({ id, tags: ['terrain'] })
    expect(await app.documents.refresh()).toEqual([])
    expect(events).toEqual([[id], [id]])
    await close()
  })

  it('a change of ours made right after the CLI’s still reports the CLI’s (found by the re-read every change starts with)', async () => {
    const { app, appApi, cli, close } = await appAndCli(false)
    const events: (readonly string[])[] = []
    app.documents.onChange((ids) => void events.push(ids))
    const theirs = addedId(await cli.documents.importFiles({ files: [{ name: 'cli.md', base64: b64('# Du terminal\n\nTexte.\n') }] }))
    const ours = addedId(await appApi.documents.importFiles({ files: [{ name: 'app.md', base64: b64('# De la fenêtre\n\nTexte.\n') }] }))
    expect(events).toEqual([[theirs], [ours]])
    expect(app.reader.list().filter((d) => d.kind === 'mien').map((d) => d.id).sort()).toEqual([theirs, ours].sort())
    await close()
  })

  it('a list half written (a hand edit saved in two steps) is left for the next refresh: nothing lost, nothing moved aside', async () => {
    const { app, cli, cliServices, dataDir, close } = await appAndCli(false)
    const id = addedId(await cli.documents.importFiles({ files: [{ name: 'a.md', base64: b64('# A\n\nTexte.\n') }] }))
    expect(await app.documents.refresh()).toEqual([id])
    const listPath = join(dataDir, 'documents', 'documents.json')
    const full = await readFile(listPath, 'utf8')
    const edited = full.replace('"title": "A"', '"title": "A, corrigé à la main"')
    expect(edited).not.toBe(full)
    // Written in place, not atomically: the first half is on disk when the app looks.
    await writeFile(listPath, edited.slice(0, Math.floor(edited.length / 2)))
    expect(await app.documents.refresh()).toEqual([])
    expect(app.reader.get(id).summary.title).toBe('A')
    expect((await readdir(join(dataDir, 'documents'))).filter((f) => f.includes('corrupt'))).toEqual([])
    await writeFile(listPath, edited)
    expect(await app.documents.refresh()).toEqual([id])
    expect(app.reader.get(id).summary.title).toBe('A, corrigé à la main')
    expect(cliServices.documents.store.recovered()).toBeNull()
    await close()
  })
})
