/**
 * The answers to the question asked, as they arrive: choose some (checkboxes), then group them
 * under a theme, merge them, or project them; hide or show one. Merged answers are listed under
 * the one they were merged into. Participants' words are text (React escapes them).
 */
import { useMemo, useState } from 'react'
import type { RoomAction } from '../../../../electron/shared/room/actions'
import type { RoomAnswerView, RoomConsoleView } from '../../../../electron/shared/room/views'
import { useT } from '../../i18n/i18n'

export function RoomAnswers({ view, act }: { readonly view: RoomConsoleView; readonly act: (a: RoomAction) => Promise<boolean> }): React.JSX.Element {
  const t = useT().room
  const [chosen, setChosen] = useState<readonly string[]>([])
  const [theme, setTheme] = useState('')
  const mine = useMemo(() => view.answers.filter((a) => a.questionId === view.current), [view])
  const roots = mine.filter((a) => a.mergedInto === null)
  const children = (id: string): RoomAnswerView[] => mine.filter((a) => a.mergedInto === id)
  const selected = chosen.filter((id) => roots.some((a) => a.id === id))
  const toggle = (id: string): void => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]))
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
          {roots.map((a) => (
            <li key={a.id} className="room-answer" data-answer={a.id} data-hidden={a.hidden ? 'true' : 'false'} data-projected={a.projected ? 'true' : 'false'}>
              <input type="checkbox" checked={selected.includes(a.id)} onChange={() => toggle(a.id)} aria-label={t.select(a.text.slice(0, 80))} />
              <div className="room-answer-body">
                <p className="room-answer-text">{a.text}</p>
                <p className="room-answer-meta">
                  {a.pseudonym && <span>{a.pseudonym} · </span>}
                  <span>{t.support(a.weight)}</span>
                  {a.group && <span className="room-tag"> · {a.group}</span>}
                  {a.hidden && <span className="room-tag"> · {t.hidden}</span>}
                  {a.projected && <span className="room-tag"> · {t.projected}</span>}
                </p>
                {children(a.id).map((c) => (
                  <p key={c.id} className="room-merged" data-answer={c.id}>
                    <span>{c.text}</span>{c.pseudonym && <span> — {c.pseudonym}</span>}{' '}
                    <button type="button" className="control small" onClick={() => void act({ type: 'unmerge', answerId: c.id })}>{t.unmerge}</button>
                  </p>
                ))}
              </div>
              <button type="button" className="control small" onClick={() => void act({ type: 'hide', answerIds: [a.id], hidden: !a.hidden })}>{a.hidden ? t.unhide : t.hide}</button>
            </li>
          ))}
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
