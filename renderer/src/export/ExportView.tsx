/**
 * « Exporter les notes… » (`#/export[?doc=<id>]`): the actions first — Save (native save dialog,
 * the primary button, in view without scrolling at 1024×768), Copy (clipboard), one file per
 * document (folder dialog) —, then scope, grouping and options on the left and the live preview on
 * the right (the `export:render` handler — the same exporter the files get; a CSV is shown as a
 * table, as a spreadsheet will show it).
 */
import { useEffect, useRef, useState } from 'react'
import { useLanguage, useT } from '../i18n/i18n'
import { api, unwrap } from '../lib/api'
import type { DocumentSummary } from '../../../electron/shared/content/document'
import type { ColorLabels } from '../../../electron/shared/annotations/model'
import type { RenderedExport } from '../../../electron/shared/export/api'
import { EXPORT_FORMATS, GROUPINGS } from '../../../electron/shared/export/types'
import { COLOR_IDS, INITIAL_FORM, csvDelimiterFor, requestOf } from './export-request'
import type { CsvDelimiter, ExportForm } from './export-request'
import { copyText } from '../lib/clipboard'
import { CsvPreview } from './CsvPreview'

const CSV_DELIMITERS: readonly CsvDelimiter[] = [';', ',']

const INCLUDE_KEYS = ['quotes', 'notes', 'tags', 'labels', 'dates', 'links'] as const

export function ExportView({ doc }: { doc: string | null }): React.JSX.Element {
  const t = useT()
  const language = useLanguage()
  const [form, setForm] = useState<ExportForm>(() => (doc ? { ...INITIAL_FORM, scope: 'document', documentId: doc } : INITIAL_FORM))
  const [docs, setDocs] = useState<readonly DocumentSummary[]>([])
  const [labels, setLabels] = useState<ColorLabels | null>(null)
  const [preview, setPreview] = useState<RenderedExport | null>(null)
  const [status, setStatus] = useState('')
  const heading = useRef<HTMLHeadingElement>(null)
  const latest = useRef(0)

  useEffect(() => {
    heading.current?.focus()
    void unwrap(api.library.list({})).then(setDocs, () => undefined)
    void unwrap(api.annotations.labels({})).then(setLabels, () => undefined)
  }, [])

  const request = requestOf(form, language)
  const key = JSON.stringify(request)
  useEffect(() => {
    // Only the latest request's answer is shown (typing in the text filter sends several).
    const n = ++latest.current
    void api.export.render(JSON.parse(key) as typeof request).then((r) => {
      if (n !== latest.current) return
      if (r.ok) setPreview(r.value)
      else setStatus(t.exportNotes.failed(r.error.message))
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  // Annotations edited elsewhere (the panel, another window) refresh the preview.
  useEffect(() => api.on('annotations.changed', () => setForm((f) => ({ ...f }))), [])

  const set = <K extends keyof ExportForm>(k: K, v: ExportForm[K]): void => setForm((f) => ({ ...f, [k]: v }))
  const run = async (action: () => Promise<void>): Promise<void> => {
    try {
      await action()
    } catch (e) {
      setStatus(t.exportNotes.failed((e as Error).message))
    }
  }
  const save = (): Promise<void> =>
    run(async () => {
      const r = await unwrap(api.export.save(request))
      setStatus(r ? t.exportNotes.saved(r.path, r.count) : t.exportNotes.cancelled)
    })
  const saveEach = (): Promise<void> =>
    run(async () => {
      const r = await unwrap(api.export.saveEach(request))
      setStatus(r ? t.exportNotes.savedEach(r.folder, r.files.length) : t.exportNotes.cancelled)
    })
  const copy = (): Promise<void> =>
    run(async () => {
      if (!preview) return
      const copied = await copyText(preview.content)
      setStatus(copied.ok ? t.exportNotes.copied : t.exportNotes.copyFailed(copied.message))
    })

  return (
    <main id="main" className="export-view" tabIndex={-1}>
      <h1 ref={heading} tabIndex={-1}>{t.exportNotes.title}</h1>
      <p className="export-intro">{t.exportNotes.intro}</p>
      <div className="export-actions" role="group" aria-label={t.exportNotes.actions}>
        <button type="button" className="button primary" onClick={() => void save()}>{t.exportNotes.save}</button>
        <button type="button" className="button" onClick={() => void copy()} disabled={!preview}>{t.exportNotes.copy}</button>
        <button type="button" className="button" onClick={() => void saveEach()}>{t.exportNotes.each}</button>
        <p className="export-status" role="status" aria-live="polite">{status}</p>
      </div>
      <div className="export-layout">
        <form className="export-form" aria-label={t.exportNotes.title} onSubmit={(e) => e.preventDefault()}>
          <fieldset>
            <legend>{t.exportNotes.format}</legend>
            {EXPORT_FORMATS.map((f) => (
              <label key={f}>
                <input type="radio" name="format" value={f} checked={form.format === f} onChange={() => set('format', f)} /> {t.exportNotes.formats[f]}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t.exportNotes.scope}</legend>
            {(['all', 'document', 'filter'] as const).map((s) => (
              <label key={s}>
                <input type="radio" name="scope" value={s} checked={form.scope === s} onChange={() => set('scope', s)} /> {t.exportNotes.scopes[s]}
              </label>
            ))}
            {form.scope === 'document' && (
              <label className="export-field">
                {t.exportNotes.document}
                <select value={form.documentId} onChange={(e) => set('documentId', e.target.value)}>
                  <option value="">—</option>
                  {docs.map((d) => (
                    <option key={d.id} value={d.id}>{d.title}</option>
                  ))}
                </select>
              </label>
            )}
            {form.scope === 'filter' && (
              <div className="export-filter">
                <fieldset>
                  <legend>{t.exportNotes.colors}</legend>
                  {COLOR_IDS.map((c) => (
                    <label key={c} className={`export-color color-${c}`}>
                      <input
                        type="checkbox"
                        checked={form.colors.includes(c)}
                        onChange={(e) => set('colors', e.target.checked ? [...form.colors, c] : form.colors.filter((x) => x !== c))}
                      />{' '}
                      {labels ? t.annotations.colorOption(c, labels[c]) : c}
                    </label>
                  ))}
                </fieldset>
                <label className="export-field">
                  {t.exportNotes.tags}
                  <input type="text" value={form.tags} onChange={(e) => set('tags', e.target.value)} />
                </label>
                <label className="export-field">
                  {t.exportNotes.text}
                  <input type="search" value={form.text} onChange={(e) => set('text', e.target.value)} />
                </label>
                <label className="export-field">
                  {t.exportNotes.from}
                  <input type="date" value={form.from} onChange={(e) => set('from', e.target.value)} />
                </label>
                <label className="export-field">
                  {t.exportNotes.to}
                  <input type="date" value={form.to} onChange={(e) => set('to', e.target.value)} />
                </label>
              </div>
            )}
          </fieldset>
          {form.format === 'csv' && (
            <fieldset>
              <legend>{t.exportNotes.delimiter}</legend>
              {CSV_DELIMITERS.map((d) => (
                <label key={d}>
                  <input type="radio" name="csv-delimiter" value={d} checked={(form.csvDelimiter ?? csvDelimiterFor(language)) === d} onChange={() => set('csvDelimiter', d)} />{' '}
                  {t.exportNotes.delimiters[d === ';' ? 'semicolon' : 'comma']}
                </label>
              ))}
            </fieldset>
          )}
          <fieldset disabled={form.format !== 'md'}>
            <legend>{t.exportNotes.grouping}</legend>
            {GROUPINGS.map((g) => (
              <label key={g}>
                <input type="radio" name="grouping" value={g} checked={form.grouping === g} onChange={() => set('grouping', g)} /> {t.exportNotes.groupings[g]}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t.exportNotes.options}</legend>
            {INCLUDE_KEYS.map((k) => (
              <label key={k}>
                <input type="checkbox" checked={form.include[k]} onChange={(e) => set('include', { ...form.include, [k]: e.target.checked })} /> {t.exportNotes.include[k]}
              </label>
            ))}
            <label>
              <input type="checkbox" checked={form.callouts} disabled={form.format !== 'md'} onChange={(e) => set('callouts', e.target.checked)} /> {t.exportNotes.callouts}
            </label>
            <label>
              <input type="checkbox" checked={form.answers} onChange={(e) => set('answers', e.target.checked)} /> {t.exportNotes.answers}
            </label>
          </fieldset>
        </form>
        <section className="export-preview" aria-labelledby="export-preview-title">
          <h2 id="export-preview-title">
            {t.exportNotes.preview} <span className="export-count" aria-live="polite">{preview ? t.exportNotes.count(preview.count, preview.answers) : ''}</span>
          </h2>
          {preview?.format === 'csv' ? (
            <CsvPreview content={preview.content} delimiter={request.options.csvDelimiter} />
          ) : (
            <pre tabIndex={0} data-testid="export-preview">{preview?.content ?? ''}</pre>
          )}
        </section>
      </div>
    </main>
  )
}
