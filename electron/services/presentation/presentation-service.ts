/**
 * The presentation, held by main: the current deck and the state (reduced by the pure reducer),
 * pushed to every window through the `presentation.state` event after each change. Windows send
 * actions; neither window drives the other.
 *
 * Time for the elapsed timer comes from an injected monotonic clock (not the wall clock: a clock
 * change during a talk must not jump the timer). Snapshots carry the elapsed time when sent.
 */
import { AppFailure } from '../../shared/result'
import { INITIAL_STATE, reduce, snapshotOf } from '../../shared/presentation/state'
import type { PresentationAction, PresentationSnapshot, PresentationState, WindowAction } from '../../shared/presentation/state'
import type { DeckItem, DeckNotes, PresentForm, PresentSource, PresentedDeck } from '../../shared/presentation/deck'
import type { EventBus } from '../platform/event-bus'
import type { Logger } from '../platform/log'
import type { BuiltDeck, DeckBuilder } from './deck-builder'
import type { DeckStore } from './deck-store'
import type { PresentationWindowRole, PresentationWindows } from './windows'

export interface PresentationService {
  /** Builds the deck for `source` in its form (default « Texte intégral »), shows its first slide in both windows (opening them). */
  start(source: PresentSource): Promise<PresentationSnapshot>
  snapshot(): PresentationSnapshot
  /** The slides being presented (refused when nothing is). */
  deck(): PresentedDeck
  /** The speaker notes of each slide (for the presenter window only). */
  notes(): DeckNotes
  dispatch(action: WindowAction): Promise<PresentationSnapshot>
  fullscreen(role: PresentationWindowRole): Promise<null>
  /** Opens the windows again (e.g. the audience window was closed by mistake). */
  reopen(): Promise<null>
  /** Main tells us the presenter window was closed: the presentation ends. */
  windowsClosed(): void
}

export function createPresentationService(deps: {
  readonly builder: DeckBuilder
  readonly decks: DeckStore
  readonly bus: EventBus
  readonly windows: PresentationWindows
  /** Monotonic milliseconds (performance.now in the app). */
  readonly monotonic: () => number
  readonly log: Logger
}): PresentationService {
  let state: PresentationState = INITIAL_STATE
  let built: BuiltDeck | null = null
  let form: PresentForm = 'full'
  let revision = 0

  const snapshot = (): PresentationSnapshot => snapshotOf(state, deps.monotonic())
  const apply = (action: PresentationAction): PresentationSnapshot => {
    state = reduce(state, action, deps.monotonic())
    const snap = snapshot()
    deps.bus.emit('presentation.state', snap)
    return snap
  }
  const itemsOf = (source: PresentSource): { items: DeckItem[]; name: string | null } => {
    switch (source.kind) {
      case 'section':
        return { items: [{ docId: source.docId, sectionId: source.sectionId }], name: null }
      case 'document':
        return { items: [{ docId: source.docId, sectionId: null }], name: null }
      case 'deck': {
        const d = deps.decks.get(source.id)
        if (d.items.length === 0) throw new AppFailure('not-found', `The deck "${d.name}" has no sections yet.`)
        return { items: d.items, name: d.name }
      }
    }
  }
  const presenting = (): BuiltDeck => {
    if (state.status !== 'presenting' || !built) throw new AppFailure('not-found', 'Nothing is being presented.')
    return built
  }

  return {
    async start(source) {
      const { items, name } = itemsOf(source)
      const next = await deps.builder.build(items, name, { form: source.form ?? 'full' })
      built = next
      form = source.form ?? 'full'
      revision++
      const snap = apply({ type: 'load', deck: { revision, title: next.title, count: next.slides.length } })
      await deps.windows.open()
      return snap
    },
    snapshot,
    deck() {
      const d = presenting()
      return { revision, form, title: d.title, slides: d.slides }
    },
    notes() {
      return { revision, notes: presenting().notes }
    },
    async dispatch(action) {
      const snap = apply(action)
      if (action.type === 'stop') {
        built = null
        await deps.windows.close()
      }
      return snap
    },
    async fullscreen(role) {
      presenting()
      await deps.windows.toggleFullscreen(role)
      return null
    },
    async reopen() {
      presenting()
      await deps.windows.open()
      return null
    },
    windowsClosed() {
      if (state.status === 'idle') return
      built = null
      apply({ type: 'stop' })
      deps.log.info('presentation ended: its window was closed')
    },
  }
}
