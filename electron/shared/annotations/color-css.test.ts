/**
 * One palette: every stylesheet takes the highlight colours from colors.ts, so changing a colour
 * there changes the app, the slides (app and exported deck) and the W3C stylesheets at once.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_COLOR_CSS, slideHighlightVariables } from './color-css'
import { COLOR_CSS, COLOR_IDS, COLOR_SWATCHES } from './colors'
import { SLIDE_CSS } from '../presentation/slide-style'

const ROOT = join(__dirname, '../../..')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === '__golden__' ? [] : sources(path)
    return /\.(css|ts|tsx)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [path] : []
  })
}

const rgb = (c: readonly [number, number, number]): string => `rgb(${c.join(' ')} `

describe('the highlight palette', () => {
  it('is what the app, the slides and the W3C stylesheets use', () => {
    for (const id of COLOR_IDS) {
      const s = COLOR_SWATCHES[id]
      expect(APP_COLOR_CSS).toContain(`--annot-${id}: light-dark(${rgb(s.screen.rgb)}/ ${s.screen.light}), ${rgb(s.screen.rgb)}/ ${s.screen.dark}));`)
      expect(APP_COLOR_CSS).toContain(`--annot-ink-${id}: ${s.ink};`)
      expect(COLOR_CSS[id]).toBe(s.paper)
      for (const [theme, value] of [['light', s.paper], ['dark', s.night], ['contrast', s.contrast]] as const) {
        expect(slideHighlightVariables(theme)).toContain(`--hl-${id}: ${value};`)
        expect(SLIDE_CSS).toContain(slideHighlightVariables(theme))
      }
    }
  })

  it('has no second copy: no other source holds a palette value, and colour-keyed rules use the variables', () => {
    // The high-contrast swatches are left out of the search: bright primaries the contrast theme
    // also uses for its accent and focus outlines (#ffe14d), a role of their own.
    const values = COLOR_IDS.flatMap((id) => {
      const s = COLOR_SWATCHES[id]
      return [s.paper, s.night, s.ink, rgb(s.screen.rgb)]
    })
    const found: string[] = []
    for (const file of [...sources(join(ROOT, 'renderer/src')), ...sources(join(ROOT, 'electron'))]) {
      const name = relative(ROOT, file)
      if (name === 'electron/shared/annotations/colors.ts') continue
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          // The find-in-page mark (base.css --mark-find) is a highlighter yellow of its own, not an
          // annotation colour: it must not change when the annotations' yellow does.
          if (line.includes('--mark-find:')) return
          for (const v of values) if (line.toLowerCase().includes(v)) found.push(`${name}:${i + 1} holds ${v}`)
          if (/\.(css)$/.test(name) && /(yellow|blue|green|orange|purple)/.test(line) && /#[0-9a-f]{3,8}\b|rgb\(|hsl\(/i.test(line)) found.push(`${name}:${i + 1} colours a highlight colour by hand`)
        })
    }
    expect(found).toEqual([])
  })
})
