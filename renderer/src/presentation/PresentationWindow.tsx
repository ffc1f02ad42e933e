/** A presentation window (presenter or audience): the same bundle, told apart by its hash route. */
import { useEffect } from 'react'
import { useT } from '../i18n/i18n'
import { api } from '../lib/api'
import { usePresentation } from './use-presentation'
import { usePresentationKeys } from './use-presentation-keys'
import { AudienceView } from './AudienceView'
import { PresenterView } from './PresenterView'

export function PresentationWindow({ role }: { role: 'presenter' | 'audience' }): React.JSX.Element {
  const t = useT()
  const view = usePresentation(role === 'presenter')
  const state = view.snapshot?.state
  const presenting = state?.status === 'presenting' ? state : null
  const { buffer } = usePresentationKeys({
    overview: presenting?.overview ?? false,
    send: view.send,
    fullscreen: () => void api.presentation.fullscreen({ window: role }),
  })

  useEffect(() => {
    document.title = `${role === 'presenter' ? t.presentation.presenterTitle : t.presentation.audienceTitle} — ${presenting?.deck.title ?? t.appName}`
  }, [role, t, presenting?.deck.title])

  if (!presenting || !view.deck) {
    return (
      <main id="main" className={`present-idle present-${role}`} data-presentation={role} data-state={state?.status ?? 'loading'}>
        <p role={view.error ? 'alert' : 'status'}>{view.error ?? (state?.status === 'idle' ? t.presentation.ended : t.presentation.starting)}</p>
      </main>
    )
  }
  return role === 'presenter' ? (
    <PresenterView state={presenting} deck={view.deck} notes={view.notes} elapsedMs={view.snapshot!.elapsedMs} receivedAt={view.receivedAt} send={view.send} buffer={buffer} error={view.error} />
  ) : (
    <AudienceView state={presenting} deck={view.deck} send={view.send} buffer={buffer} />
  )
}
