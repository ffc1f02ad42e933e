/**
 * The CSV export's preview as the spreadsheet will show it: a table, headers first, read back with
 * the exporter's own reader (`parseCsv`). Long exports show their first rows and say how many more
 * the file holds; the file itself is always complete.
 */
import { useMemo } from 'react'
import { useT } from '../i18n/i18n'
import { parseCsv } from '../../../electron/shared/export/csv'

const SHOWN_ROWS = 100

export function CsvPreview({ content, delimiter }: { content: string; delimiter: string }): React.JSX.Element {
  const t = useT()
  const [header, ...rows] = useMemo(() => parseCsv(content, delimiter), [content, delimiter])
  const shown = rows.slice(0, SHOWN_ROWS)
  return (
    <div className="export-csv" tabIndex={0} role="region" aria-label={t.exportNotes.csvTable} data-testid="export-preview">
      <table>
        <thead>
          <tr>{(header ?? []).map((h, i) => <th key={i} scope="col">{h}</th>)}</tr>
        </thead>
        <tbody>
          {shown.map((r, i) => (
            <tr key={i}>{r.map((c, j) => <td key={j} title={c}>{c}</td>)}</tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown.length && <p className="export-more">{t.exportNotes.moreRows(rows.length - shown.length)}</p>}
    </div>
  )
}
