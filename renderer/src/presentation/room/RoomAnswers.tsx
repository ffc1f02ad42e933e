/**
 * The answers to the question asked, as they arrive: choose some (checkboxes), then group them
 * under a theme, merge them, or project them; hide or show one. Merged answers are listed under
 * the one they were merged into. Participants' words are text (React escapes them).
 */
import { memo, useCallback, useMemo, useState } from 'react'
import type { RoomAction } from '../../../../electron/shared/room/actions'
import type { RoomAnswerView, RoomConsoleView } from '../../../../electron/shared/room/views'
import { useT } from '../../i18n/i18n'
import type { Strings } from '../../i18n/fr'

type RoomMessages = Strings['room']
type Act = (a: RoomAction) => Promise<boolean>
const NO_CHILDREN: readonly RoomAnswerView[] = []

/** What a row shows of an answer: equal → the row is not rendered again (each status fetch brings new objects). */
function sameShown(a: RoomAnswerView, b: RoomAnswerView): boolean {
  return a.id === b.id && a.text === b.text && a.pseudonym === b.pseudonym && a.weight === b.weight && a.group === b.group && a.hidden === b.hidden && a.projected === b.projected
}

interface RowProps {
  readonly answer: RoomAnswerView
  readonly merged: readonly RoomAnswerView[]
  readonly selected: boolean
  readonly toggle: (id: string) => void
  readonly act: Act
  readonly t: RoomMessages
}

/**
 * One answer and those merged into it. Memoised on what it shows: under a room's load (an answer or
 * a « +1 » every few milliseconds) only the rows that changed are rendered again, not the whole list.
 */
const AnswerRow = memo(function AnswerRow({ answer: a, merged, selected, toggle, act, t }: RowProps): React.JSX.Element {
  return (
    <li className="room-answer" data-answer={a.id} data-hidden={a.hidden ? 'true' : 'false'} data-projected={a.projected ? 'true' : 'false'}>
      <input type="checkbox" checked={selected} onChange={() => toggle(a.id)} aria-label={t.select(a.text.slice(0, 80))} />
      <div className="room-answer-body">
        <p className="room-answer-text">{a.text}</p>
        <p className="room-answer-meta">
          {a.pseudonym && <span>{a.pseudonym} · </span>}
          <span>{t.support(a.weight)}</span>
          {a.group && <span className="room-tag"> · {a.group}</span>}
          {a.hidden && <span className="room-tag"> · {t.hidden}</span>}
          {a.projected && <span className="room-tag"> · {t.projected}</span>}
        </p>
        {merged.map((c) => (
          <p key={c.id} className="room-merged" data-answer={c.id}>
            <span>{c.text}</span>{c.pseudonym && <span> — {c.pseudonym}</span>}{' '}
            <button type="button" className="control small" onClick={() => void act({ type: 'unmerge', answerId: c.id })}>{t.unmerge}</button>
          </p>
        ))}
      </div>
      <button type="button" className="control small" onClick={() => void act({ type: 'hide', answerIds: [a.id], hidden: !a.hidden })}>{a.hidden ? t.unhide : t.hide}</button>
    </li>
  )
}, (p, n) => p.selected === n.selected && p.toggle === n.toggle && p.act === n.act && p.t === n.t && sameShown(p.answer, n.answer) &&
  p.merged.length === n.merged.length && p.merged.every((c, i) => sameShown(c, n.merged[i]!)))

export function RoomAnswers({ view, act }: { readonly view: RoomConsoleView; readonly act: Act }): React.JSX.Element {
  const t = useT().room
  const [chosen, setChosen] = useState<readonly string[]>([])
  const [theme, setTheme] = useState('')
  // Once per status: the current question's answers, its roots, and what is merged into each (a map, not a scan per row).
  const { answers, current } = view
  const { mine, roots, children } = useMemo(() => {
    const mine = answers.filter((a) => a.questionId === current)
    const children = new Map<string, RoomAnswerView[]>()
    for (const a of mine) {
      if (a.mergedInto === null) continue
      const list = children.get(a.mergedInto)
      if (list) list.push(a)
      else children.set(a.mergedInto, [a])
    }
    return { mine, roots: mine.filter((a) => a.mergedInto === null), children }
  }, [answers, current])
  const rootIds = useMemo(() => new Set(roots.map((a) => a.id)), [roots])
  const selected = chosen.filter((id) => rootIds.has(id))
  const toggle = useCallback((id: string): void => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id])), [])
  const done = (ok: boolean): void => {
    if (ok) setChosen([])
  }
  const projectable = selected.filter((id) => !roots.find((a) => a.id === id)?.hidden)

  return (
    <div className="room-answers">
      <p className="room-count" aria-live="polite">{t.answers(mine.length, view.devices)}</p>
      {roots.length === 0 ? (
        <p className="room-empty">{t.noAnswers}</p>
      ) : (
        <ul className="room-list">
          {roots.map((a) => <AnswerRow key={a.id} answer={a} merged={children.get(a.id) ?? NO_CHILDREN} selected={selected.includes(a.id)} toggle={toggle} act={act} t={t} />)}
        </ul>
      )}
      <div className="room-selection" role="group" aria-label={t.selection(selected.length)}>
        <p className="room-count">{t.selection(selected.length)}</p>
        <div className="room-row">
          <label className="room-field">{t.groupName}<input value={theme} maxLength={80} onChange={(e) => setTheme(e.target.value)} /></label>
          <button type="button" className="control" disabled={selected.length === 0} onClick={() => void act({ type: 'group', answerIds: selected, group: theme.trim() || null }).then(done)}>
            {theme.trim() ? t.group : t.ungroup}
          </button>
          <button type="button" className="control" disabled={selected.length < 2} onClick={() => void act({ type: 'merge', into: selected[0]!, answerIds: selected.slice(1) }).then(done)}>{t.merge}</button>
        </div>
        <div className="room-row">
          <button type="button" className="control primary" disabled={projectable.length === 0} onClick={() => void act({ type: 'project', answerIds: projectable, invitation: false }).then(done)}>{t.project}</button>
          <button type="button" className="control" disabled={!view.answers.some((a) => a.projected)} onClick={() => void act({ type: 'project', answerIds: [], invitation: view.invitation })}>{t.unproject}</button>
        </div>
      </div>
    </div>
  )
}
