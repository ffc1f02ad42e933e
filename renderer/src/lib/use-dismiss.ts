/**
 * Closing behaviour shared by popovers: Escape or a pointer press outside closes; focus then goes
 * back to the element that opened the popover (when focus was inside it, or on Escape).
 */
import { useEffect } from 'react'

export function useDismiss(opts: {
  open: boolean
  popover: React.RefObject<HTMLElement | null>
  /** The element that opened the popover (clicks on it are not "outside"). */
  anchor: HTMLElement | null
  onClose: (reason: 'escape' | 'outside') => void
}): void {
  const { open, popover, anchor, onClose } = opts
  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape' || e.defaultPrevented) return
      e.preventDefault()
      e.stopPropagation()
      onClose('escape')
      anchor?.focus({ preventScroll: true })
    }
    const onPointer = (e: PointerEvent): void => {
      const target = e.target as Node | null
      if (!target || popover.current?.contains(target) || anchor?.contains(target)) return
      onClose('outside')
    }
    document.addEventListener('keydown', onKey, true)
    document.addEventListener('pointerdown', onPointer, true)
    return () => {
      document.removeEventListener('keydown', onKey, true)
      document.removeEventListener('pointerdown', onPointer, true)
    }
  }, [open, popover, anchor, onClose])
}
