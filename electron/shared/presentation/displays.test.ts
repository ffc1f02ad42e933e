import { describe, expect, it } from 'vitest'
import { audiencePlacement, pickAudienceDisplay } from './displays'
import type { DisplayInfo } from './displays'

function display(id: number, x: number, width: number, height: number, internal = false): DisplayInfo {
  const bounds = { x, y: 0, width, height }
  return { id, bounds, workArea: { ...bounds, height: height - 40 }, internal }
}

const laptop = display(1, 0, 1920, 1080, true)
const projector = display(2, 1920, 1024, 768)
const bigScreen = display(3, 2944, 2560, 1440)

describe('choosing the audience display', () => {
  it('one display: none (the audience window stays a window)', () => {
    expect(pickAudienceDisplay([laptop], 1)).toBeNull()
    expect(pickAudienceDisplay([], 1)).toBeNull()
  })

  it('two displays: the one the presenter is not on', () => {
    expect(pickAudienceDisplay([laptop, projector], 1)).toBe(projector)
    expect(pickAudienceDisplay([laptop, projector], 2)).toBe(laptop)
  })

  it('several: an external one before a built-in panel, then the largest', () => {
    const otherLaptopPanel = display(4, -1920, 3000, 2000, true)
    expect(pickAudienceDisplay([laptop, otherLaptopPanel, projector, bigScreen], 1)).toBe(bigScreen)
    expect(pickAudienceDisplay([otherLaptopPanel, laptop], 1)).toBe(otherLaptopPanel)
  })

  it('the facilitator’s saved choice wins while it is connected and is not the presenter’s display', () => {
    expect(pickAudienceDisplay([laptop, projector, bigScreen], 1, 2)).toBe(projector)
    expect(pickAudienceDisplay([laptop, projector, bigScreen], 1, 1)).toBe(bigScreen)
    expect(pickAudienceDisplay([laptop, bigScreen], 1, 2)).toBe(bigScreen)
  })
})

describe('placing the audience window', () => {
  it('on another display: inside it, to be made fullscreen there', () => {
    const p = audiencePlacement(projector, laptop)
    expect(p.fullscreen).toBe(true)
    expect(p.bounds.x).toBeGreaterThanOrEqual(projector.workArea.x)
    expect(p.bounds.x + p.bounds.width).toBeLessThanOrEqual(projector.workArea.x + projector.workArea.width)
    expect(p.bounds.y + p.bounds.height).toBeLessThanOrEqual(projector.workArea.y + projector.workArea.height)
  })

  it('alone: a movable 16:9 window on the presenter’s display, never larger than it', () => {
    const small = display(1, 0, 1280, 800, true)
    const p = audiencePlacement(null, small)
    expect(p.fullscreen).toBe(false)
    expect(p.bounds.width).toBeLessThanOrEqual(1280 * 0.9)
    expect(p.bounds.height).toBeLessThanOrEqual(760 * 0.9)
    expect(p.bounds.x + p.bounds.width).toBe(1280)
    expect(Math.abs(p.bounds.width / p.bounds.height - 16 / 9)).toBeLessThan(0.02)
  })
})
