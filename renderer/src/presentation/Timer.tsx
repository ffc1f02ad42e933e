/**
 * Elapsed time (with pause/resume and reset) and the wall clock. The elapsed time is the state's
 * (main's) value when the snapshot was sent, plus the time since it arrived, while running: no clock
 * is shared between windows, so none can drift.
 */
import { useEffect, useState } from 'react'
import type { Timer as TimerState, WindowAction } from '../../../electron/shared/presentation/state'
import { useLanguage, useT } from '../i18n/i18n'

export function formatElapsed(ms: number): string {
  const s = Math.floor(ms / 1000)
  const h = Math.floor(s / 3600)
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0')
  const ss = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`
}

function useNow(periodMs: number): number {
  const [now, setNow] = useState(() => performance.now())
  useEffect(() => {
    const id = window.setInterval(() => setNow(performance.now()), periodMs)
    return () => window.clearInterval(id)
  }, [periodMs])
  return now
}

export function Timer({ timer, elapsedMs, receivedAt, send }: {
  readonly timer: TimerState
  readonly elapsedMs: number
  readonly receivedAt: number
  readonly send: (action: WindowAction) => void
}): React.JSX.Element {
  const t = useT()
  const lang = useLanguage()
  const now = useNow(250)
  const running = timer.runningSince !== null
  const elapsed = elapsedMs + (running ? Math.max(0, now - receivedAt) : 0)
  const clock = new Date().toLocaleTimeString(lang === 'fr' ? 'fr-FR' : 'en-GB', { hour: '2-digit', minute: '2-digit' })
  return (
    <div className="timer">
      <div className="timer-elapsed" data-running={running ? 'true' : 'false'}>
        <span className="timer-label">{t.presentation.elapsed}</span>
        <span className="timer-value" data-testid="elapsed" role="timer" aria-live="off">{formatElapsed(elapsed)}</span>
        {!running && <span className="timer-paused">{t.presentation.paused}</span>}
      </div>
      <button type="button" className="icon-button" onClick={() => send({ type: 'timer-toggle' })} aria-label={running ? t.presentation.pause : t.presentation.resume} title={running ? t.presentation.pause : t.presentation.resume}>
        <span aria-hidden="true">{running ? '❚❚' : '▶'}</span>
      </button>
      <button type="button" className="icon-button" onClick={() => send({ type: 'timer-reset' })} aria-label={t.presentation.reset} title={t.presentation.reset}>
        <span aria-hidden="true">↺</span>
      </button>
      <div className="timer-clock">
        <span className="timer-label">{t.presentation.clock}</span>
        <span className="timer-value">{clock}</span>
      </div>
    </div>
  )
}
