/** Reading and interface settings, persisted in the data dir by the settings service. */
import { z } from 'zod'

export const LANGUAGES = ['fr', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

/** The fields, without defaults: a patch must never fill in what it does not mention. */
const FIELDS = {
  language: z.enum(LANGUAGES),
  theme: z.enum(['system', 'light', 'dark', 'sepia']),
  fontSize: z.number().int().min(14).max(28),
  lineWidth: z.enum(['narrow', 'medium', 'wide']),
  fontFamily: z.enum(['serif', 'sans']),
  /** Whether the reader's table of contents sidebar is shown. */
  tocOpen: z.boolean(),
  /**
   * The form « Présenter » last used (issue 16): « discussion » (key points, highlights, questions)
   * or « full » (the text on slides). The same values as PRESENT_FORMS in presentation/deck.ts.
   */
  presentForm: z.enum(['discussion', 'full']),
}

export const SettingsSchema = z
  .object({
    language: FIELDS.language.default('fr'),
    theme: FIELDS.theme.default('system'),
    fontSize: FIELDS.fontSize.default(19),
    lineWidth: FIELDS.lineWidth.default('medium'),
    fontFamily: FIELDS.fontFamily.default('serif'),
    tocOpen: FIELDS.tocOpen.default(true),
    presentForm: FIELDS.presentForm.default('full'),
  })
  .strict()
export type Settings = z.infer<typeof SettingsSchema>

// Not `SettingsSchema.partial()`: zod 4 applies defaults inside optional fields, so a patch of
// { fontSize } would silently reset every other setting to its default.
export const SettingsPatchSchema = z.object(FIELDS).partial().strict()
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({})
