/**
 * The slide stylesheet: one source for the app's presentation windows and for the exported HTML
 * deck, so a slide looks (and fits) the same in both. The app adopts it as a constructable
 * stylesheet from its own bundle (allowed by `style-src 'self'`: no inline <style>, no style
 * attribute); the export inlines it in a <style> element allowed by its hash.
 *
 * Structure:  .slide-frame[data-slide-theme][data-highlights]   (a size container)
 *               > section.slide[data-kind]  > .slide-inner (the box that must never overflow)
 *                                           > footer.slide-footer
 * Type is sized from the frame (container query units), so the same slide scales from a thumbnail
 * to a projector, 16:9 or 4:3. `--fit` (1 by default) is lowered by the fitting step only when a
 * slide would otherwise overflow. The highlight colours (`--hl-*`) come from the one palette
 * (annotations/colors.ts).
 */
import { slideHighlightVariables } from '../annotations/color-css'

export const SLIDE_CSS = `
.slide-frame {
  container-type: size;
  position: relative;
  overflow: hidden;
  --s-bg: #fffdf9; --s-text: #1c1a17; --s-muted: #57514a; --s-accent: #1d5f5a; --s-rule: #d9d0c0;
  --s-table-head: #efe9de; --s-quote: #1d5f5a;
  ${slideHighlightVariables('light')}
  background: var(--s-bg);
  color: var(--s-text);
}
.slide-frame[data-slide-theme='dark'] {
  --s-bg: #14171a; --s-text: #f2eee7; --s-muted: #b9b2a7; --s-accent: #7cc8bd; --s-rule: #3a4046;
  --s-table-head: #23282d; --s-quote: #7cc8bd;
  ${slideHighlightVariables('dark')}
}
.slide-frame[data-slide-theme='contrast'] {
  --s-bg: #000000; --s-text: #ffffff; --s-muted: #ffffff; --s-accent: #ffe14d; --s-rule: #ffffff;
  --s-table-head: #1a1a1a; --s-quote: #ffe14d;
  ${slideHighlightVariables('contrast')}
}
.slide {
  box-sizing: border-box;
  width: 100%; height: 100%;
  display: grid; grid-template-rows: minmax(0, 1fr) auto;
  padding: 6.5cqh 7cqw 3.2cqh;
  font-family: 'Inter Variable', Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  font-size: calc(min(5.1cqh, 2.95cqw) * var(--fit, 1));
  line-height: 1.36;
  font-variant-numeric: lining-nums;
  overflow-wrap: break-word;
  hyphens: manual;
  text-align: left;
}
.slide *, .slide *::before, .slide *::after { box-sizing: border-box; }
.slide-inner { min-height: 0; overflow: hidden; display: flex; flex-direction: column; padding-bottom: 4cqh; }
/* Content sits in the middle of the free space (a little above it), the running head stays on top. */
.slide-heading { margin-top: auto; }
.slide-body { margin-bottom: auto; }
.slide-continues + .slide-body { margin-top: auto; }
/* A slide without a running head (the first after the title) is centred too, not stuck to the top. */
.slide-inner > .slide-body:first-child { margin-top: auto; }
.slide[data-kind='title'] .slide-inner, .slide[data-kind='deck'] .slide-inner, .slide[data-divider] .slide-inner { justify-content: center; }
/* Discussion slides (one idea, at most ~30 words): the kicker on top, the idea large, in the middle
   of the free space (auto margins in the .slide-inner column). */
.slide-idea { margin-top: auto; font-size: 1.5em; line-height: 1.28; text-wrap: pretty; }
.slide-idea p { margin: 0; }
.slide[data-kind='question'] .slide-idea { font-family: 'Source Serif 4 Variable', 'Source Serif 4', Charter, 'Iowan Old Style', Georgia, 'Times New Roman', serif; font-size: 1.7em; font-weight: 600; }
.slide[data-kind='outline'] .slide-idea { font-size: 1.25em; }
.slide[data-kind='quote'] .slide-idea { font-size: 1.2em; }
.slide[data-kind='quote'] .slide-idea blockquote { font-size: 1.15em; }
.slide-serif, .slide-title, .slide-heading, .slide blockquote {
  font-family: 'Source Serif 4 Variable', 'Source Serif 4', Charter, 'Iowan Old Style', Georgia, 'Times New Roman', serif;
}
.slide-kicker {
  margin: 0 0 .7em; color: var(--s-accent); font-weight: 700; letter-spacing: .08em; text-transform: uppercase; font-size: .62em;
}
.slide-title { margin: 0; font-size: 2.05em; line-height: 1.12; font-weight: 650; text-wrap: balance; }
.slide-title::after { content: ''; display: block; width: 3.2em; height: .12em; margin-top: .45em; background: var(--s-accent); border-radius: .06em; }
.slide-subtitle { margin: .9em 0 0; font-size: .95em; color: var(--s-muted); font-style: italic; }
.slide-source { margin: .5em 0 0; font-size: .62em; color: var(--s-muted); }
.slide-agenda { margin: 1em 0 0; padding-left: 0; list-style-position: inside; font-size: .85em; }
.slide-agenda li { margin: .2em 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.slide-agenda li::marker { color: var(--s-accent); font-weight: 700; }
.slide-agenda .slide-agenda-more { list-style: none; color: var(--s-muted); font-style: italic; }
.slide-continues { margin: 0 0 .5em; font-size: .66em; color: var(--s-accent); font-weight: 650; letter-spacing: .02em; }
.slide-continues::after { content: ' (suite)'; font-weight: 400; }
.slide-frame[lang='en'] .slide-continues::after { content: ' (continued)'; }
.slide-heading { margin: 0 0 .55em; font-size: 1.45em; line-height: 1.18; font-weight: 650; color: var(--s-text); text-wrap: balance; }
.slide[data-divider] .slide-heading { font-size: 2em; }
.slide-heading::after { content: ''; display: block; width: 2.2em; height: .1em; margin-top: .3em; background: var(--s-accent); border-radius: .05em; }
.slide-body > :first-child { margin-top: 0; }
.slide-body p { margin: 0 0 .6em; }
.slide-body ul, .slide-body ol { margin: 0 0 .6em; padding-left: 1.25em; }
/* Room for two-digit numbers (10.–99.): .slide-inner clips, so a narrower gutter cut « 12. » to « 2. ». */
.slide-body ol { padding-left: 2.1em; }
.slide-body li { margin: 0 0 .35em; padding-left: .15em; }
.slide-body li::marker { color: var(--s-accent); font-weight: 700; }
.slide-body li > p { margin: 0; }
.slide-body strong { font-weight: 700; }
.slide-body code { font-family: ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: .9em; }
.slide-body pre { margin: 0; white-space: pre-wrap; font-size: .75em; }
.slide-body blockquote {
  margin: 0; padding: .2em 0 .2em 1em; border-left: .16em solid var(--s-quote); font-size: 1.12em; font-style: italic; line-height: 1.35;
}
.slide-body blockquote p { margin: 0 0 .5em; }
.slide-body table { border-collapse: collapse; width: 100%; font-size: .66em; line-height: 1.3; }
.slide-body th, .slide-body td { border: .06em solid var(--s-rule); padding: .35em .55em; text-align: left; vertical-align: top; }
.slide-body th { background: var(--s-table-head); font-weight: 700; }
.slide-body img { display: block; max-width: 100%; max-height: 62cqh; margin: 0 auto; object-fit: contain; }
.slide-body .remote-image, .slide-body .dead-link { color: var(--s-muted); }
/* Links (glossary terms, sources) are plain text on a slide: nobody can hover or click a projection. */
.slide-link { color: inherit; text-decoration: none; }
.slide-body hr { display: none; }
.slide-footer {
  display: flex; justify-content: space-between; gap: 1em; padding-top: .6em;
  font-size: .48em; color: var(--s-muted); border-top: .08em solid var(--s-rule);
}
.slide-footer span:first-child { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.slide mark.hl { background: none; color: inherit; }
.slide-frame[data-highlights='on'] mark.hl { color: inherit; border-radius: .12em; padding: 0 .05em; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.slide-frame[data-highlights='on'] mark.hl[data-color='yellow'] { background: var(--hl-yellow); }
.slide-frame[data-highlights='on'] mark.hl[data-color='blue'] { background: var(--hl-blue); }
.slide-frame[data-highlights='on'] mark.hl[data-color='green'] { background: var(--hl-green); }
.slide-frame[data-highlights='on'] mark.hl[data-color='orange'] { background: var(--hl-orange); }
.slide-frame[data-highlights='on'] mark.hl[data-color='purple'] { background: var(--hl-purple); }
.slide-frame[data-slide-theme='contrast'][data-highlights='on'] mark.hl { color: #000000; }
`
