/**
 * `validatePack`: every rule on a content pack, and its figures. The rules are small modules
 * (`rule-*.ts`); the schema ones look at every file, the others at the files whose front matter is
 * valid, with links and anchors resolved by the app's own content library.
 */
import { resolve } from 'node:path'
import { createContentLibrary } from '../content-library'
import type { ContentLibrary } from '../content-library'
import { memoryLogger } from '../../platform/log'
import type { Rule, RuleContext, ValidationIssue, ValidFile } from './issue'
import { loadPack } from './load-pack'
import { packStats } from './pack-stats'
import type { PackStats } from './pack-stats'
import { evaluateTargets, targetIssues } from './targets'
import type { TargetResult } from './targets'
import { frontMatterRule } from './rule-front-matter'
import { uniqueIdsRule } from './rule-unique-ids'
import { tagsRule } from './rule-tags'
import { sourcesRule } from './rule-sources'
import { linksRule } from './rule-links'
import { imagesRule } from './rule-images'
import { footnotesRule } from './rule-footnotes'
import { typographyRule } from './rule-typography'
import { citationsRule } from './rule-citations'
import { organisationRule } from './rule-organisation'
import { workshopRule } from './rule-workshop'

export const RULE_MODULES: readonly Rule[] = [frontMatterRule, uniqueIdsRule, tagsRule, sourcesRule, linksRule, footnotesRule, citationsRule, organisationRule, workshopRule, imagesRule, typographyRule]

export interface ValidationReport {
  readonly contentDir: string
  readonly ok: boolean
  readonly issues: readonly ValidationIssue[]
  readonly stats: PackStats
  readonly targets: { readonly enforced: boolean; readonly results: readonly TargetResult[] }
}

export interface ValidateOptions {
  readonly contentDir: string
  /** The library already loaded on this folder (the CLI's services), else one is created. */
  readonly library?: ContentLibrary
  /** Make the corpus figures (targets.ts) errors. */
  readonly enforceTargets?: boolean
}

function byLocation(a: ValidationIssue, b: ValidationIssue): number {
  return a.path.localeCompare(b.path) || (a.line ?? 0) - (b.line ?? 0)
}

export async function validatePack(options: ValidateOptions): Promise<ValidationReport> {
  const contentDir = resolve(options.contentDir)
  const library = options.library ?? (await createContentLibrary({ contentDir, log: memoryLogger() }))
  if (resolve(library.contentDir) !== contentDir) throw new Error(`the library reads ${library.contentDir}, not ${contentDir}`)
  const loaded = await loadPack(contentDir)
  const valid = loaded.files.filter((f): f is ValidFile => f.parsed.ok)
  const ctx: RuleContext = { contentDir, files: loaded.files, valid, library }
  const issues = [...loaded.issues]
  for (const rule of RULE_MODULES) issues.push(...(await rule(ctx)))
  const stats = packStats(library)
  const results = evaluateTargets(stats)
  const enforced = options.enforceTargets === true
  if (enforced) issues.push(...targetIssues(stats, results))
  issues.sort(byLocation)
  return { contentDir, ok: issues.length === 0, issues, stats, targets: { enforced, results } }
}
