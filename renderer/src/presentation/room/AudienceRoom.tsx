/**
 * On the audience screen, over the slide: the invitation (address and code, large) while the
 * facilitator shows it, and the cards the facilitator projected — nothing else of the session ever
 * reaches this window (it may call `room.audience` only). Participants' words are text.
 */
import { useT } from '../../i18n/i18n'
import { useRoomAudience } from './use-room'
import { QrCode } from './QrCode'

export function AudienceRoom(): React.JSX.Element | null {
  const t = useT().room
  const { value } = useRoomAudience()
  if (!value) return null
  const { projection, join } = value
  if (!join && projection.groups.length === 0) return null
  return (
    <section className="audience-room" aria-label={join ? t.joinTitle : t.cardsTitle} data-testid="audience-room">
      {join && (
        <div className="room-invitation" data-testid="room-invitation">
          <h2>{t.joinTitle}</h2>
          <p>{t.joinStep1}</p>
          <QrCode text={join.url} label={t.qrLabel(join.url)} />
          <p className="room-invitation-url">{join.url.replace(/^http:\/\//, '')}</p>
          <p>{t.joinStep2}</p>
          <p className="room-invitation-code">{join.code.slice(0, 3)} {join.code.slice(3)}</p>
        </div>
      )}
      {projection.groups.length > 0 && (
        <div className="room-cards">
          {projection.question && <h2 className="room-cards-question">{projection.question}</h2>}
          {projection.groups.map((g) => (
            <section key={g.name ?? ''} className="room-card-group" data-group={g.name ?? ''}>
              {(g.name !== null || projection.groups.length > 1) && <h3>{g.name ?? t.otherGroup} <span className="room-card-count">{t.cardSupport(g.weight)}</span></h3>}
              <ul>
                {g.cards.map((c) => (
                  <li key={c.id} className="room-card" data-card={c.id}>
                    <p className="room-card-text">{c.text}</p>
                    <p className="room-card-meta">{c.pseudonym && <span>{c.pseudonym} · </span>}{t.cardSupport(c.weight)}</p>
                    {c.merged.length > 0 && (
                      <p className="room-card-merged">{t.alsoSaid} {c.merged.map((m) => m.text).join(' · ')}</p>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </section>
  )
}
