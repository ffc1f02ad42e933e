import { describe, expect, it } from 'vitest'
import { EVENT_NAME_LIST, INVOKE_CHANNEL_NAMES } from './channel-names'
import { CHANNELS, EVENT_NAMES } from './channels'

// The preload's plain lists cannot drift from the contract: same names, same order, no duplicate.
describe('channel-names.ts (the preload’s copy of the contract’s names)', () => {
  it('lists exactly the contract’s invoke channels', () => {
    expect([...INVOKE_CHANNEL_NAMES]).toEqual([...CHANNELS])
    expect(new Set(INVOKE_CHANNEL_NAMES).size).toBe(INVOKE_CHANNEL_NAMES.length)
  })

  it('lists exactly the contract’s events', () => {
    expect([...EVENT_NAME_LIST]).toEqual([...EVENT_NAMES])
  })
})
