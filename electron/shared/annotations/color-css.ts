/**
 * The highlight colours as CSS custom properties, generated from the one palette (colors.ts):
 *   --annot-<id>      the app's translucent highlight (light-dark(): light and dark pages)
 *   --annot-ink-<id>  its strong tone (rules, borders)
 *   --hl-<id>         a slide's highlight, per slide theme (slide-style.ts)
 * The renderer adopts `APP_COLOR_CSS` as a constructable stylesheet at start-up (allowed by the CSP's
 * `style-src 'self'`: it is built by our own script); its stylesheets use only the variables.
 */
import { COLOR_IDS, COLOR_SWATCHES } from './colors'

const rgba = ([r, g, b]: readonly [number, number, number], alpha: number): string => `rgb(${r} ${g} ${b} / ${alpha})`

/** `:root` with `--annot-<id>` and `--annot-ink-<id>` for every colour. */
export const APP_COLOR_CSS = `:root {\n${COLOR_IDS.map((id) => {
  const { screen, ink } = COLOR_SWATCHES[id]
  return `  --annot-${id}: light-dark(${rgba(screen.rgb, screen.light)}, ${rgba(screen.rgb, screen.dark)});\n  --annot-ink-${id}: ${ink};\n`
}).join('')}}\n`

/** The `--hl-<id>` declarations of a slide theme, on one line. */
export function slideHighlightVariables(theme: 'light' | 'dark' | 'contrast'): string {
  const swatch = theme === 'light' ? 'paper' : theme === 'dark' ? 'night' : 'contrast'
  return COLOR_IDS.map((id) => `--hl-${id}: ${COLOR_SWATCHES[id][swatch]};`).join(' ')
}
