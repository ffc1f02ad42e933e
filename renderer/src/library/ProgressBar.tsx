/** A thin reading-progress bar (decorative: the percentage is always written next to it). */
export function ProgressBar({ value }: { value: number }): React.JSX.Element {
  return (
    <span className="progress" aria-hidden="true">
      <span className="progress-fill" style={{ width: `${Math.round(Math.min(1, Math.max(0, value)) * 100)}%` }} />
    </span>
  )
}
