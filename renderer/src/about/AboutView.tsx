/**
 * « À propos » (#/about, also Help → À propos in the menu): version and folders, the app's licence
 * (GPL-3.0-or-later, full text), the content's (CC BY-SA 4.0, from content/README.md) and the
 * licences of every third-party component the build really ships (notices.json).
 */
import { useEffect, useRef } from 'react'
import type { Notices, PackageNotice } from '../../../electron/shared/about/notices'
import { isAllowedExternalUrl } from '../../../electron/shared/security/urls'
import { api, unwrap } from '../lib/api'
import { useAsync } from '../lib/use-async'
import { useT } from '../i18n/i18n'
import { boldRuns, loadNotices } from './load-notices'
// The application icon, from its one SVG source (build/icon.svg; the installers' PNG/ICO/ICNS derive from it).
import iconUrl from '../../../build/icon.svg'

function ExternalLink({ href, children }: { href: string; children: React.ReactNode }): React.JSX.Element {
  if (!isAllowedExternalUrl(href)) return <span>{children}</span>
  return (
    <a href={href} onClick={(e) => {
      e.preventDefault()
      void api.app.openExternal({ url: href }) // eng-disable OPEN_EXTERNAL_JS_CHECK — our API: main re-checks the URL
    }}>{children}</a>
  )
}

export function AboutView(): React.JSX.Element {
  const a = useT().about
  const info = useAsync(() => unwrap(api.app.info({})), 'info')
  const notices = useAsync(loadNotices, 'notices')
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus({ preventScroll: true }), [])

  return (
    <main id="main" tabIndex={-1} className="about" aria-labelledby="about-title">
      <div className="about-head">
        <img src={iconUrl} alt="" width={72} height={72} />
        <h1 id="about-title" ref={heading} tabIndex={-1}>{a.title}</h1>
      </div>
      <p className="about-intro">{a.intro}</p>
      {info.status === 'ready' && (
        <dl className="about-facts">
          <div><dt>{a.version}</dt><dd>{info.value.version}</dd></div>
          <div><dt>{a.documents}</dt><dd>{info.value.documentCount}</dd></div>
          <div><dt>{a.dataDir}</dt><dd><code>{info.value.dataDir}</code></dd></div>
          <div><dt>{a.contentDir}</dt><dd><code>{info.value.contentDir}</code></dd></div>
        </dl>
      )}
      {notices.status === 'error' && <p className="about-unavailable" role="status">{a.unavailable}</p>}
      {notices.status === 'ready' && <LicenceSections notices={notices.value} />}
    </main>
  )
}

function LicenceSections({ notices }: { notices: Notices }): React.JSX.Element {
  const a = useT().about
  return (
    <>
      <section aria-labelledby="about-app-licence" className="about-section">
        <h2 id="about-app-licence">{a.appLicence}</h2>
        <p>{a.appLicenceText(notices.app.licence)}</p>
        <details>
          <summary>{a.fullText}</summary>
          <pre className="licence-text" tabIndex={0}>{notices.app.text}</pre>
        </details>
      </section>
      <section aria-labelledby="about-content-licence" className="about-section">
        <h2 id="about-content-licence">{a.contentLicence}</h2>
        <p lang="fr">{boldRuns(notices.content.notice).map((r, i) => (r.bold ? <strong key={i}>{r.text}</strong> : <span key={i}>{r.text}</span>))}</p>
        <p><ExternalLink href={notices.content.url}>{a.legalCode}</ExternalLink></p>
      </section>
      <section aria-labelledby="about-third-party" className="about-section">
        <h2 id="about-third-party">{a.thirdParty}</h2>
        <p>{a.thirdPartyIntro(notices.packages.length)}</p>
        <ul className="notices" data-count={notices.packages.length}>
          {notices.packages.map((p) => <PackageItem key={`${p.name}@${p.version}`} pkg={p} />)}
        </ul>
      </section>
    </>
  )
}

function PackageItem({ pkg }: { pkg: PackageNotice }): React.JSX.Element {
  const a = useT().about
  const usage = [
    ...(pkg.bundledIn.length > 0 ? [a.bundledIn(pkg.bundledIn.join(', '))] : []),
    ...(pkg.packed ? [a.packed] : []),
    ...(pkg.bundledIn.length === 0 && !pkg.packed ? [a.runtime] : []),
  ]
  return (
    <li data-package={pkg.name}>
      <details>
        <summary>
          <span className="pkg-name">{pkg.name}</span> <span className="pkg-version">{pkg.version}</span>
          <span className="pkg-licence">{pkg.licence}</span>
        </summary>
        <dl className="pkg-facts">
          <div><dt>{a.licence}</dt><dd>{pkg.licence}</dd></div>
          {pkg.author && <div><dt>{a.author}</dt><dd>{pkg.author}</dd></div>}
          {pkg.homepage && <div><dt>{a.homepage}</dt><dd><ExternalLink href={pkg.homepage}>{pkg.homepage}</ExternalLink></dd></div>}
          <div><dt>{a.usage}</dt><dd>{usage.join(' ; ')}</dd></div>
        </dl>
        {pkg.text ? <pre className="licence-text" tabIndex={0}>{pkg.text}</pre> : <p className="muted">{a.noText}</p>}
      </details>
    </li>
  )
}
