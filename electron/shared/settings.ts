/** Reading and interface settings, persisted in the data dir by the settings service. */
import { z } from 'zod'

export const LANGUAGES = ['fr', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

export const SettingsSchema = z
  .object({
    language: z.enum(LANGUAGES).default('fr'),
    theme: z.enum(['system', 'light', 'dark', 'sepia']).default('system'),
    fontSize: z.number().int().min(14).max(28).default(19),
    lineWidth: z.enum(['narrow', 'medium', 'wide']).default('medium'),
    fontFamily: z.enum(['serif', 'sans']).default('serif'),
    /** Whether the reader's table of contents sidebar is shown. */
    tocOpen: z.boolean().default(true),
  })
  .strict()
export type Settings = z.infer<typeof SettingsSchema>

export const SettingsPatchSchema = SettingsSchema.partial().strict()
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({})
