/** The presenter's control bar: every keyboard command as a button, usable with the mouse. */
import { useState } from 'react'
import { THEMES } from '../../../electron/shared/presentation/state'
import type { PresentationState, WindowAction } from '../../../electron/shared/presentation/state'
import { api } from '../lib/api'
import { useT } from '../i18n/i18n'
import { useAudiencePresence } from './audience-presence'

type Presenting = Extract<PresentationState, { status: 'presenting' }>

function Cmd({ label, action, pressed, keys, disabled }: {
  readonly label: string
  readonly action: () => void
  readonly pressed?: boolean
  readonly keys?: string
  readonly disabled?: boolean
}): React.JSX.Element {
  return (
    <button type="button" className="control" onClick={action} aria-pressed={pressed} disabled={disabled} title={keys ? `${label} (${keys})` : label}>
      {label}
    </button>
  )
}

export function ControlBar({ state, send }: { readonly state: Presenting; readonly send: (a: WindowAction) => void }): React.JSX.Element {
  const t = useT()
  const p = t.presentation
  const [target, setTarget] = useState('')
  const count = state.deck.count
  return (
    <nav className="control-bar" aria-label={p.controls}>
      <div className="control-group">
        <Cmd label={p.first} keys="Début" action={() => send({ type: 'first' })} disabled={state.index === 0} />
        <Cmd label={`← ${p.previous}`} keys="←, Page↑" action={() => send({ type: 'previous' })} disabled={state.index === 0} />
        <Cmd label={`${p.nextSlide} →`} keys="→, Espace, Page↓" action={() => send({ type: 'next' })} disabled={state.index >= count - 1} />
        <Cmd label={p.last} keys="Fin" action={() => send({ type: 'last' })} disabled={state.index >= count - 1} />
        <form
          className="goto"
          onSubmit={(e) => {
            e.preventDefault()
            const n = Number(target)
            if (Number.isInteger(n) && n >= 1) send({ type: 'goto', index: n - 1 })
            setTarget('')
          }}
        >
          <label>
            <span className="sr-only">{p.goTo}</span>
            <input type="number" min={1} max={count} inputMode="numeric" value={target} onChange={(e) => setTarget(e.target.value)} placeholder="n°" aria-label={p.goTo} />
          </label>
          <button type="submit" className="control">{p.go}</button>
        </form>
      </div>
      <div className="control-group">
        <Cmd label={p.black} keys="B" action={() => send({ type: 'toggle-black' })} pressed={state.black} />
        <Cmd label={p.overview} keys="O" action={() => send({ type: 'toggle-overview' })} pressed={state.overview} />
        <Cmd label={p.highlights} keys="H" action={() => send({ type: 'toggle-highlights' })} pressed={state.highlights} />
        <label className="control-select">
          <span className="sr-only">{p.theme}</span>
          <select value={state.theme} aria-label={p.theme} onChange={(e) => send({ type: 'set-theme', theme: e.target.value as Presenting['theme'] })}>
            {THEMES.map((th) => <option key={th} value={th}>{p.themes[th]}</option>)}
          </select>
        </label>
      </div>
    </nav>
  )
}

/**
 * The audience window's controls and « Quitter », in the console's header. « Rouvrir l'écran
 * public » shows only while the audience window is closed (and says so).
 */
export function WindowControls({ send }: { readonly send: (a: WindowAction) => void }): React.JSX.Element {
  const p = useT().presentation
  const audience = useAudiencePresence()
  return (
    <div className="control-group window-controls" role="group" aria-label={p.audienceTitle} data-audience={audience}>
      <Cmd label={p.fullscreen} keys="F" action={() => void api.presentation.fullscreen({ window: 'audience' })} />
      {audience === 'closed' && (
        <>
          <span className="audience-closed" role="status">{p.audienceClosed}</span>
          <Cmd label={p.reopen} action={() => void api.presentation.reopen({})} />
        </>
      )}
      <Cmd label={p.quit} keys="Échap" action={() => send({ type: 'stop' })} />
    </div>
  )
}
