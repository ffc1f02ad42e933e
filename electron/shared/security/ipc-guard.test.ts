import { describe, expect, it } from 'vitest'
import { guardHandler, isTrustedSender } from './ipc-guard'
import type { InvokeEventLike } from './ipc-guard'
import { ok } from '../result'

const main = { url: 'app://reader/#/doc/x' }
const event = (senderFrame: { url: string } | null, mainFrame = senderFrame ?? main): InvokeEventLike => ({ senderFrame, sender: { mainFrame } })

describe('IPC sender check (checklist 17)', () => {
  it('trusts the top frame of our origin', () => {
    expect(isTrustedSender(event(main), undefined)).toBe(true)
  })

  it.each([
    ['no frame (navigated away or destroyed)', event(null)],
    ['an iframe of our origin', event({ url: 'app://reader/frame.html' }, main)],
    ['another origin', event({ url: 'https://evil.example/' })],
    ['a look-alike host', event({ url: 'app://reader.evil/' })],
    ['credentials in the URL', event({ url: 'app://x@reader/' })],
    ['a file: page', event({ url: 'file:///tmp/index.html' })],
    ['the dev server when not in dev', event({ url: 'http://localhost:5173/' })],
  ])('refuses %s without calling the handler', async (_name, ev) => {
    const calls: unknown[] = []
    const warnings: string[] = []
    const guarded = guardHandler('library:get', async (p) => (calls.push(p), ok(null)), { devUrl: undefined, log: { warn: (m) => warnings.push(m) } })
    expect(await guarded(ev, { id: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } })
    expect(calls).toEqual([])
    expect(warnings).toHaveLength(1)
  })

  it('passes a trusted call through with its payload', async () => {
    const guarded = guardHandler('library:get', async (p) => ok(p), { devUrl: undefined, log: { warn: () => undefined } })
    expect(await guarded(event(main), { id: 'x' })).toEqual({ ok: true, value: { id: 'x' } })
  })

  it('trusts the dev server only when it is the configured one', () => {
    const dev = { url: 'http://localhost:5173/' }
    expect(isTrustedSender(event(dev), 'http://localhost:5173')).toBe(true)
    expect(isTrustedSender(event(dev), 'http://localhost:4000')).toBe(false)
  })
})
