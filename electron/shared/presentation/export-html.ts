/**
 * A deck as ONE self-contained HTML file that runs offline in any browser: slides inline, the slide
 * stylesheet and a small navigation script inline, images and fonts already turned into data: URLs
 * by the caller, and a strict Content-Security-Policy in a <meta> that allows exactly that style and
 * that script (by their SHA-256), data: images and data: fonts — nothing else, nothing remote.
 *
 * Keyboard (same map as the app, keys.ts): → Space PageDown next, ← PageUp previous, Home/End,
 * digits then Enter, B or . black, O overview, F fullscreen, ? help, Esc closes the help or the
 * overview. Without a keyboard (issue 16: a laptop without a clicker, a tablet): a click or a tap
 * on the slide goes to the next one, a swipe goes forward or back, and discreet controls in the
 * top corner (previous, position, next, « ? ») do the same and list the keys. The slide number is
 * kept in the address (#3), so a reload stays on the slide.
 *
 * Fonts (`fonts`): the app's Inter and Source Serif 4, latin subset, as @font-face rules with data:
 * sources inside the hashed stylesheet, so the file looks like the app; without them it falls back
 * to the system's fonts.
 *
 * Pure: hashing is injected (Node's crypto in the service), so this module stays environment-free.
 */
import { escapeHtml } from '../markdown/escape-html'
import type { Slide } from './deck'
import { SLIDE_CSS } from './slide-style'
import { FRENCH_SLIDE_LABELS, isDivider, slideInnerHtml } from './slide-markup'
import type { SlideLabels } from './slide-markup'

export interface ExportOptions {
  /** Base64 SHA-256 of a UTF-8 string (for the CSP hashes). */
  readonly sha256Base64: (text: string) => string
  readonly labels?: SlideLabels
  readonly lang?: string
  /** Shown in the file's <meta name="generator"> and comment (ISO date). */
  readonly generatedAt: string
  /** Fonts to embed (read by the caller); none: the system's fonts. */
  readonly fonts?: readonly EmbeddedFont[]
  readonly controls?: ControlLabels
}

/** A font file to embed: its family as the slide stylesheet names it, and its woff2 as base64. */
export interface EmbeddedFont {
  readonly family: string
  /** A weight range for a variable font (« 100 900 »). */
  readonly weight: string
  readonly style: 'normal' | 'italic'
  readonly woff2Base64: string
}

/** The words of the on-screen controls and the help. */
export interface ControlLabels {
  readonly controls: string
  readonly previous: string
  readonly next: string
  readonly help: string
  readonly helpTitle: string
  readonly keys: readonly (readonly [keys: string, what: string])[]
  readonly close: string
}

export const FRENCH_CONTROL_LABELS: ControlLabels = {
  controls: 'Commandes de la présentation',
  previous: 'Diapositive précédente',
  next: 'Diapositive suivante',
  help: 'Aide : les touches',
  helpTitle: 'Se déplacer dans la présentation',
  keys: [
    ['Clic, toucher, balayer vers la gauche', 'diapositive suivante'],
    ['Balayer vers la droite', 'diapositive précédente'],
    ['→ Espace Page↓', 'suivante'],
    ['← Page↑', 'précédente'],
    ['Début, Fin', 'première, dernière'],
    ['Un numéro puis Entrée', 'aller à cette diapositive'],
    ['B', 'écran noir'],
    ['O', 'vue d’ensemble'],
    ['F', 'plein écran'],
    ['?', 'cette aide'],
  ],
  close: 'Fermer',
}

/** @font-face rules for the embedded fonts (data: sources: allowed by `font-src data:`). */
export function fontFaces(fonts: readonly EmbeddedFont[]): string {
  return fonts
    .map((f) => `@font-face { font-family: '${f.family}'; font-style: ${f.style}; font-weight: ${f.weight}; font-display: block; src: url(data:font/woff2;base64,${f.woff2Base64}) format('woff2'); }\n`)
    .join('')
}

const DECK_CSS = `
html, body { margin: 0; height: 100%; background: #000; }
body { overflow: hidden; }
.deck { width: 100vw; height: 100vh; }
.deck > .slide-frame { width: 100vw; height: 100vh; }
.deck > .slide-frame[hidden] { display: none; }
.deck.overview { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 1rem; padding: 1rem; overflow: auto; box-sizing: border-box; align-content: start; }
.deck.overview > .slide-frame { width: auto; height: auto; aspect-ratio: 16 / 9; cursor: pointer; border-radius: 6px; outline: 2px solid transparent; }
.deck.overview > .slide-frame.current { outline: 4px solid #ffe14d; }
.black { position: fixed; inset: 0; background: #000; display: none; }
.black.on { display: block; }
.jump { position: fixed; right: 1rem; bottom: 1rem; padding: .4rem .8rem; background: #111; color: #fff; font: 600 1.2rem system-ui, sans-serif; border-radius: 6px; }
.jump:empty { display: none; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
/* A tap or a swipe is ours (the overview scrolls as usual); pinch-zoom stays the reader's. */
.deck:not(.overview) { touch-action: pinch-zoom; cursor: pointer; user-select: none; -webkit-user-select: none; }
/* Discreet controls in the top corner, inside the slide's margin: faint until pointed at or focused. */
.controls { position: fixed; top: .35rem; right: .5rem; z-index: 3; display: flex; align-items: center; gap: .15rem; padding: .15rem; border-radius: 999px;
  background: rgba(20, 22, 24, .55); color: #fff; font: 600 .85rem/1 'Inter Variable', system-ui, sans-serif; opacity: .45; transition: opacity .2s; }
.controls:hover, .controls:focus-within, .controls.help-open { opacity: 1; }
.controls button { min-width: 2.5rem; height: 2.5rem; padding: 0 .6rem; border: 0; border-radius: 999px; background: transparent; color: inherit; font: inherit; font-size: 1.15rem; cursor: pointer; }
.controls button:hover { background: rgba(255, 255, 255, .18); }
.controls button:focus-visible { outline: 2px solid #ffe14d; outline-offset: 1px; }
.controls button:disabled { opacity: .35; cursor: default; }
.controls .pos { padding: 0 .35rem; font-variant-numeric: tabular-nums; white-space: nowrap; }
.help { position: fixed; top: 3.6rem; right: .5rem; z-index: 3; max-width: min(28rem, calc(100vw - 1rem)); max-height: calc(100vh - 4.2rem); overflow: auto; box-sizing: border-box;
  padding: 1rem 1.2rem; border-radius: 10px; background: #16181b; color: #eceae5; font: .95rem/1.4 'Inter Variable', system-ui, sans-serif; box-shadow: 0 8px 30px rgba(0, 0, 0, .45); }
.help[hidden] { display: none; }
.help h2 { margin: 0 0 .6rem; font-size: 1.05rem; }
.help dl { display: grid; grid-template-columns: minmax(0, 13rem) minmax(8rem, 1fr); gap: .35rem 1rem; margin: 0 0 .8rem; }
.help dt { font-weight: 700; color: #7cc8bd; }
.help dd { margin: 0; }
.help .help-close { padding: .45rem .9rem; border: 1px solid #7cc8bd; border-radius: 999px; background: transparent; color: inherit; font: inherit; cursor: pointer; }
`

/** The navigation script. Plain ES5-level JavaScript: it must run as-is in any browser. */
const DECK_SCRIPT = `(function () {
  'use strict';
  var deck = document.querySelector('.deck');
  var frames = Array.prototype.slice.call(deck.querySelectorAll('.slide-frame'));
  var black = document.querySelector('.black');
  var jump = document.querySelector('.jump');
  var live = document.querySelector('.live');
  var controls = document.querySelector('.controls');
  var prev = controls.querySelector('.prev'), next = controls.querySelector('.next'), pos = controls.querySelector('.pos');
  var helpToggle = controls.querySelector('.help-toggle'), help = document.querySelector('.help');
  var n = frames.length, i = 0, buffer = '', overview = false, swiped = false, start = null;
  function fit(frame) {
    var slide = frame.querySelector('.slide'), inner = frame.querySelector('.slide-inner'), f = 1;
    slide.style.setProperty('--fit', '1');
    while (f > 0.5 && (inner.scrollHeight > inner.clientHeight + 1 || inner.scrollWidth > inner.clientWidth + 1)) {
      f = Math.round((f - 0.05) * 100) / 100;
      slide.style.setProperty('--fit', String(f));
    }
    frame.setAttribute('data-fit', String(f));
  }
  function show(k) {
    i = Math.max(0, Math.min(n - 1, k));
    for (var j = 0; j < n; j++) {
      frames[j].hidden = !overview && j !== i;
      frames[j].classList.toggle('current', j === i);
      frames[j].setAttribute('aria-hidden', !overview && j !== i ? 'true' : 'false');
    }
    if (location.hash !== '#' + (i + 1)) history.replaceState(null, '', '#' + (i + 1));
    live.textContent = frames[i].getAttribute('aria-label');
    pos.textContent = (i + 1) + ' / ' + n;
    prev.disabled = i === 0;
    next.disabled = i === n - 1;
    if (overview) frames.forEach(fit); else fit(frames[i]);
    if (overview) frames[i].scrollIntoView({ block: 'nearest' });
  }
  function setOverview(on) { overview = on; deck.classList.toggle('overview', on); show(i); }
  function fromHash() { var m = /^#(\\d+)$/.exec(location.hash); return m ? Number(m[1]) - 1 : 0; }
  function setBuffer(b) { buffer = b; jump.textContent = b; }
  function setHelp(on) {
    help.hidden = !on;
    helpToggle.setAttribute('aria-expanded', on ? 'true' : 'false');
    controls.classList.toggle('help-open', on);
    if (on) help.querySelector('.help-close').focus();
  }
  function go(k) { black.classList.remove('on'); show(k); }
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    var k = e.key, handled = true;
    // A focused control keeps its own Enter and Space.
    if ((k === ' ' || k === 'Enter') && e.target.closest && e.target.closest('button')) return;
    if (k === '?') setHelp(help.hidden);
    else if (k === 'Escape' && !help.hidden) { setHelp(false); helpToggle.focus(); }
    else if (/^[0-9]$/.test(k)) { if (buffer.length < 5) setBuffer(buffer + k); }
    else if (buffer && k === 'Enter') { if (Number(buffer) >= 1) { black.classList.remove('on'); overview = false; deck.classList.remove('overview'); show(Number(buffer) - 1); } setBuffer(''); }
    else if (buffer && k === 'Backspace') setBuffer(buffer.slice(0, -1));
    else if (buffer && k === 'Escape') setBuffer('');
    else if (k === 'ArrowRight' || k === 'PageDown' || k === 'n' || k === 'N' || (k === ' ' && !e.shiftKey)) { black.classList.remove('on'); show(i + 1); }
    else if (k === 'ArrowLeft' || k === 'PageUp' || k === 'p' || k === 'P' || k === 'Backspace' || (k === ' ' && e.shiftKey)) { black.classList.remove('on'); show(i - 1); }
    else if (k === 'Home') { black.classList.remove('on'); show(0); }
    else if (k === 'End') { black.classList.remove('on'); show(n - 1); }
    else if (k === 'b' || k === 'B' || k === '.') black.classList.toggle('on');
    else if (k === 'o' || k === 'O') setOverview(!overview);
    else if (k === 'Enter' && overview) setOverview(false);
    else if (k === 'Escape' && overview) setOverview(false);
    else if (k === 'f' || k === 'F') { if (document.fullscreenElement) document.exitFullscreen(); else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen(); }
    else handled = false;
    if (handled) e.preventDefault();
  });
  deck.addEventListener('click', function (e) {
    if (swiped) { swiped = false; return; }
    if (!help.hidden) { setHelp(false); return; }
    if (!overview) { go(i + 1); return; }
    var f = e.target.closest('.slide-frame');
    if (f) { i = frames.indexOf(f); setOverview(false); }
  });
  black.addEventListener('click', function () { black.classList.remove('on'); });
  // A swipe (touch or pen): left goes forward, right goes back; a tap is a click.
  deck.addEventListener('pointerdown', function (e) { start = e.pointerType === 'mouse' || overview ? null : { x: e.clientX, y: e.clientY }; });
  deck.addEventListener('pointerup', function (e) {
    if (!start) return;
    var dx = e.clientX - start.x, dy = e.clientY - start.y;
    start = null;
    if (Math.abs(dx) < 40 || Math.abs(dx) < Math.abs(dy)) return;
    swiped = true;
    go(dx < 0 ? i + 1 : i - 1);
  });
  deck.addEventListener('pointercancel', function () { start = null; });
  prev.addEventListener('click', function () { go(i - 1); });
  next.addEventListener('click', function () { go(i + 1); });
  helpToggle.addEventListener('click', function () { setHelp(help.hidden); });
  help.querySelector('.help-close').addEventListener('click', function () { setHelp(false); helpToggle.focus(); });
  window.addEventListener('hashchange', function () { show(fromHash()); });
  window.addEventListener('resize', function () { show(i); });
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(function () { show(i); });
  show(fromHash());
})();`

export function buildExportHtml(deck: { readonly title: string; readonly slides: readonly Slide[] }, opts: ExportOptions): string {
  const labels = opts.labels ?? FRENCH_SLIDE_LABELS
  const c = opts.controls ?? FRENCH_CONTROL_LABELS
  const lang = opts.lang ?? 'fr'
  const css = fontFaces(opts.fonts ?? []) + SLIDE_CSS + DECK_CSS
  const csp = [
    "default-src 'none'",
    `style-src 'sha256-${opts.sha256Base64(css)}'`,
    `script-src 'sha256-${opts.sha256Base64(DECK_SCRIPT)}'`,
    'img-src data:',
    (opts.fonts ?? []).length > 0 ? 'font-src data:' : "font-src 'none'",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
  const count = deck.slides.length
  const frames = deck.slides
    .map((s, i) => {
      const divider = isDivider(s) ? ' data-divider=""' : ''
      return (
        `<div class="slide-frame" data-slide-theme="light" data-highlights="off" lang="${escapeHtml(lang)}" role="group" aria-roledescription="slide" aria-label="${escapeHtml(labels.position(i + 1, count))}"${i === 0 ? '' : ' hidden'}>` +
        `<section class="slide" data-kind="${s.kind}"${divider}>${slideInnerHtml(s, i, count, labels)}</section></div>`
      )
    })
    .join('\n')
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Passerelles ${escapeHtml(opts.generatedAt)}">
<title>${escapeHtml(deck.title)}</title>
<style>${css}</style>
</head>
<body>
<main class="deck" aria-label="${escapeHtml(deck.title)}">
${frames}
</main>
<div class="black" aria-hidden="true"></div>
<nav class="controls" aria-label="${escapeHtml(c.controls)}">
<button type="button" class="prev" aria-label="${escapeHtml(c.previous)}" title="${escapeHtml(c.previous)} (←)">‹</button>
<span class="pos" aria-hidden="true">1 / ${count}</span>
<button type="button" class="next" aria-label="${escapeHtml(c.next)}" title="${escapeHtml(c.next)} (→)">›</button>
<button type="button" class="help-toggle" aria-label="${escapeHtml(c.help)}" title="${escapeHtml(c.help)} (?)" aria-expanded="false" aria-controls="deck-help">?</button>
</nav>
<section class="help" id="deck-help" role="dialog" aria-labelledby="deck-help-title" hidden>
<h2 id="deck-help-title">${escapeHtml(c.helpTitle)}</h2>
<dl>${c.keys.map(([k, w]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(w)}</dd>`).join('')}</dl>
<button type="button" class="help-close">${escapeHtml(c.close)}</button>
</section>
<div class="jump" aria-hidden="true"></div>
<div class="live sr-only" aria-live="polite"></div>
<script>${DECK_SCRIPT}</script>
</body>
</html>
`
}
