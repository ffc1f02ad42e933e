/**
 * A deck as ONE self-contained HTML file that runs offline in any browser: slides inline, the slide
 * stylesheet and a small navigation script inline, images already turned into data: URLs by the
 * caller, and a strict Content-Security-Policy in a <meta> that allows exactly that style and that
 * script (by their SHA-256) and data: images — nothing else, nothing remote.
 *
 * Keyboard (same map as the app, keys.ts): → Space PageDown next, ← PageUp previous, Home/End,
 * digits then Enter, B or . black, O overview, F fullscreen, Esc closes the overview. The slide
 * number is kept in the address (#3), so a reload stays on the slide.
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
`

/** The navigation script. Plain ES5-level JavaScript: it must run as-is in any browser. */
const DECK_SCRIPT = `(function () {
  'use strict';
  var deck = document.querySelector('.deck');
  var frames = Array.prototype.slice.call(deck.querySelectorAll('.slide-frame'));
  var black = document.querySelector('.black');
  var jump = document.querySelector('.jump');
  var live = document.querySelector('.live');
  var n = frames.length, i = 0, buffer = '', overview = false;
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
    if (overview) frames.forEach(fit); else fit(frames[i]);
    if (overview) frames[i].scrollIntoView({ block: 'nearest' });
  }
  function setOverview(on) { overview = on; deck.classList.toggle('overview', on); show(i); }
  function fromHash() { var m = /^#(\\d+)$/.exec(location.hash); return m ? Number(m[1]) - 1 : 0; }
  function setBuffer(b) { buffer = b; jump.textContent = b; }
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    var k = e.key, handled = true;
    if (/^[0-9]$/.test(k)) { if (buffer.length < 5) setBuffer(buffer + k); }
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
    if (!overview) return;
    var f = e.target.closest('.slide-frame');
    if (f) { i = frames.indexOf(f); setOverview(false); }
  });
  window.addEventListener('hashchange', function () { show(fromHash()); });
  window.addEventListener('resize', function () { show(i); });
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(function () { show(i); });
  show(fromHash());
})();`

export function buildExportHtml(deck: { readonly title: string; readonly slides: readonly Slide[] }, opts: ExportOptions): string {
  const labels = opts.labels ?? FRENCH_SLIDE_LABELS
  const lang = opts.lang ?? 'fr'
  const css = SLIDE_CSS + DECK_CSS
  const csp = [
    "default-src 'none'",
    `style-src 'sha256-${opts.sha256Base64(css)}'`,
    `script-src 'sha256-${opts.sha256Base64(DECK_SCRIPT)}'`,
    'img-src data:',
    "font-src 'none'",
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
<div class="jump" aria-hidden="true"></div>
<div class="live sr-only" aria-live="polite"></div>
<script>${DECK_SCRIPT}</script>
</body>
</html>
`
}
