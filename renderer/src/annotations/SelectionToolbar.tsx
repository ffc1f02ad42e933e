/**
 * The small toolbar shown over a selection of the document body: one button per colour (named by
 * its label) and « add a note » (highlights in the first colour, then opens the editor for the
 * note and tags).
 */
import { COLOR_IDS } from '../../../electron/shared/annotations/model'
import type { ColorId, ColorLabels } from '../../../electron/shared/annotations/model'
import { useT } from '../i18n/i18n'

export interface ToolbarAt {
  readonly start: number
  readonly end: number
  readonly rect: DOMRect
}

export function SelectionToolbar(props: { at: ToolbarAt; labels: ColorLabels; onHighlight: (color: ColorId, withNote: boolean) => void }): React.JSX.Element {
  const t = useT()
  const { rect } = props.at
  const top = Math.max(8, rect.top - 48)
  const left = Math.min(Math.max(8, rect.left + rect.width / 2 - 140), window.innerWidth - 300)
  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label={t.annotations.toolbar}
      style={{ top, left }}
      // Keep the selection: a mousedown on the toolbar must not collapse it.
      onMouseDown={(e) => e.preventDefault()}
    >
      {COLOR_IDS.map((c) => (
        <button key={c} type="button" className={`annot-swatch-button color-${c}`} aria-label={t.annotations.highlightIn(t.annotations.colorOption(c, props.labels[c]))} title={t.annotations.colorOption(c, props.labels[c])} onClick={() => props.onHighlight(c, false)}>
          <span className="annot-swatch" aria-hidden="true" />
        </button>
      ))}
      <button type="button" className="note-button" onClick={() => props.onHighlight(COLOR_IDS[0], true)}>
        {t.annotations.addNote}
      </button>
    </div>
  )
}
