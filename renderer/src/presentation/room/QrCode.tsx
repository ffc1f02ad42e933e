/**
 * A QR code of the session's address, drawn as SVG squares from qrcode-generator's matrix (MIT, no
 * dependency): no image, no HTML string, nothing for the CSP to allow. Error correction M (a
 * projected code read from across a room), with the quiet zone of four modules the standard asks.
 */
import { useMemo } from 'react'
import qrcode from 'qrcode-generator'

const QUIET = 4

/** The dark modules of the code for `text`, and its size in modules (quiet zone included). */
export function qrModules(text: string): { readonly size: number; readonly path: string } {
  const qr = qrcode(0, 'M')
  qr.addData(text, 'Byte')
  qr.make()
  const n = qr.getModuleCount()
  let path = ''
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) path += `M${c + QUIET} ${r + QUIET}h1v1h-1z`
  return { size: n + 2 * QUIET, path }
}

export function QrCode({ text, label }: { text: string; label: string }): React.JSX.Element {
  const { size, path } = useMemo(() => qrModules(text), [text])
  return (
    <svg className="room-qr" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges" data-qr-text={text}>
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  )
}
