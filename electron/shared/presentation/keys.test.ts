import { describe, expect, it } from 'vitest'
import { interpretKey } from './keys'
import type { KeyOutcome } from './keys'

const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({
  key: k, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...mods,
})
const act = (type: string, extra: object = {}): KeyOutcome => ({ kind: 'action', action: { type, ...extra } as never })
const idle = { buffer: '', overview: false }

describe('presentation keys', () => {
  const table: [string, ReturnType<typeof key>, { buffer: string; overview: boolean }, KeyOutcome][] = [
    ['→ next', key('ArrowRight'), idle, act('next')],
    ['Space next', key(' '), idle, act('next')],
    ['PageDown next (clickers)', key('PageDown'), idle, act('next')],
    ['← previous', key('ArrowLeft'), idle, act('previous')],
    ['PageUp previous (clickers)', key('PageUp'), idle, act('previous')],
    ['Shift+Space previous', key(' ', { shiftKey: true }), idle, act('previous')],
    ['Home first', key('Home'), idle, act('first')],
    ['End last', key('End'), idle, act('last')],
    ['B black', key('b'), idle, act('toggle-black')],
    ['. black (clickers)', key('.'), idle, act('toggle-black')],
    ['O overview', key('O'), idle, act('toggle-overview')],
    ['H highlights', key('h'), idle, act('toggle-highlights')],
    ['T timer', key('t'), idle, act('timer-toggle')],
    ['F fullscreen', key('f'), idle, { kind: 'fullscreen' }],
    ['Esc leaves', key('Escape'), idle, act('stop')],
    ['Esc closes the overview first', key('Escape'), { buffer: '', overview: true }, act('toggle-overview')],
    ['Enter closes the overview on the chosen slide', key('Enter'), { buffer: '', overview: true }, act('toggle-overview')],
    ['Enter alone does nothing', key('Enter'), idle, { kind: 'ignored' }],
    ['a digit starts a number', key('1'), idle, { kind: 'buffer', buffer: '1' }],
    ['digits accumulate', key('2'), { buffer: '1', overview: false }, { kind: 'buffer', buffer: '12' }],
    ['number then Enter jumps (1-based)', key('Enter'), { buffer: '12', overview: false }, act('goto', { index: 11 })],
    ['0 then Enter is no slide', key('Enter'), { buffer: '0', overview: false }, { kind: 'buffer', buffer: '' }],
    ['Backspace erases a digit', key('Backspace'), { buffer: '12', overview: false }, { kind: 'buffer', buffer: '1' }],
    ['Esc clears a typed number instead of leaving', key('Escape'), { buffer: '3', overview: false }, { kind: 'buffer', buffer: '' }],
    ['Ctrl+R is left to the system', key('r', { ctrlKey: true }), idle, { kind: 'ignored' }],
    ['Ctrl+→ is not ours either', key('ArrowRight', { ctrlKey: true }), idle, { kind: 'ignored' }],
    ['an unknown key is ignored', key('x'), idle, { kind: 'ignored' }],
    ['at most five digits', key('9'), { buffer: '12345', overview: false }, { kind: 'ignored' }],
  ]
  for (const [name, k, ctx, expected] of table) {
    it(name, () => expect(interpretKey(k, ctx)).toEqual(expected))
  }
})
