/**
 * The licence notices shown in « À propos »: the app's own licence, the content pack's, and one
 * entry per third-party package the app ships (bundled into out/ or packed as a runtime
 * dependency). Generated at build time (build/scripts/notices) as `notices.json` next to the renderer;
 * the renderer validates it with this schema before showing it.
 */
import { z } from 'zod'

export const NOTICES_FILE = 'notices.json'

export const PackageNoticeSchema = z
  .object({
    name: z.string().min(1),
    version: z.string().min(1),
    /** The SPDX expression the package declares (`MIT`, `(MPL-2.0 OR Apache-2.0)`…). */
    licence: z.string().min(1),
    homepage: z.string().nullable(),
    author: z.string().nullable(),
    /** Where the package's code ends up: bundled into main/preload/renderer, or packed as-is. */
    bundledIn: z.array(z.enum(['main', 'preload', 'renderer'])),
    packed: z.boolean(),
    /** The licence file(s) shipped by the package, verbatim; null when it ships none. */
    text: z.string().nullable(),
  })
  .strict()
export type PackageNotice = z.infer<typeof PackageNoticeSchema>

export const NoticesSchema = z
  .object({
    app: z.object({ name: z.string(), version: z.string(), licence: z.string(), text: z.string() }).strict(),
    content: z.object({ licence: z.string(), url: z.string(), notice: z.string() }).strict(),
    packages: z.array(PackageNoticeSchema),
  })
  .strict()
export type Notices = z.infer<typeof NoticesSchema>
