/**
 * Imported first by main.tsx. The production CSP has no 'unsafe-eval', and zod 4 probes for eval
 * (`new Function('')`) the first time it parses, which Chromium reports as a CSP violation. Parsing
 * without the JIT is plenty fast for the renderer's few schemas and keeps the console clean, so a
 * real violation (e2e/specs/reader-hostile.spec.ts counts them) stands out.
 */
import { z } from 'zod'

z.config({ jitless: true })
