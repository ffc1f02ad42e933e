/** A few line icons (24×24, stroke = currentColor), always decorative: the control carries the label. */
type IconName = 'search' | 'sidebar' | 'close' | 'up' | 'down' | 'keyboard'

const PATHS: Readonly<Record<IconName, React.JSX.Element>> = {
  search: (
    <>
      <circle cx="11" cy="11" r="6.5" />
      <path d="m20 20-4.2-4.2" />
    </>
  ),
  sidebar: (
    <>
      <rect x="3.5" y="4.5" width="17" height="15" rx="2.5" />
      <path d="M9.5 4.5v15M6 8.5h1.5M6 11.5h1.5M6 14.5h1.5" />
    </>
  ),
  close: <path d="M6 6l12 12M18 6 6 18" />,
  up: <path d="m6 14.5 6-6 6 6" />,
  down: <path d="m6 9.5 6 6 6-6" />,
  keyboard: (
    <>
      <rect x="2.5" y="6" width="19" height="12" rx="2" />
      <path d="M6.5 10h1M10.5 10h1M14.5 10h1M17.5 10h.5M7 14h10" />
    </>
  ),
}

export function Icon({ name, size = 18 }: { name: IconName; size?: number }): React.JSX.Element {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {PATHS[name]}
    </svg>
  )
}
