/**
 * A slot in the top bar that the current screen can fill (the reader puts its breadcrumbs and
 * reading tools there), so one sticky bar serves the whole app.
 */
import { createContext, useContext } from 'react'
import { createPortal } from 'react-dom'

export const TopBarSlotContext = createContext<HTMLElement | null>(null)

export function InTopBar({ children }: { children: React.ReactNode }): React.JSX.Element | null {
  const slot = useContext(TopBarSlotContext)
  return slot ? createPortal(children, slot) : null
}
