/** Renders the notices of lib/notify in a polite live region that is always in the page. */
import { dismiss, useNotices } from '../lib/notify'
import { Icon } from '../lib/icons'
import { useT } from '../i18n/i18n'

export function Toasts(): React.JSX.Element {
  const notices = useNotices()
  const t = useT()
  return (
    <div className="toasts" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className="toast">
          <span>{n.message}</span>
          {n.action && (
            <button type="button" className="toast-action" onClick={() => { n.action!.run(); dismiss(n.id) }}>
              {n.action.label}
            </button>
          )}
          <button type="button" className="toast-close" aria-label={t.reader.dismiss} onClick={() => dismiss(n.id)}><Icon name="close" size={16} /></button>
        </div>
      ))}
    </div>
  )
}
