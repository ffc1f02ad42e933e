/**
 * `organisation`: case studies that compare side by side.
 *
 * - `organisation.legalForm` is one of `LEGAL_FORMS` (free text made « association » and
 *   « association loi 1901 », « SCIC (…) » and « société coopérative d’intérêt collectif (SCIC) »
 *   look like different things);
 * - `organisation.founded` is a year (four digits): the year the structure named by `legalForm`
 *   was created — for a software project without a structure of its own, its first public release;
 * - `organisation.sector` and `organisation.licences` are given (an empty list when it publishes no
 *   code or content of its own): the library shows the case studies side by side in a table;
 * - the body has one « Dates et chiffres clés » line (a paragraph starting with
 *   `**Dates et chiffres clés.**`), the same place to look in every case study.
 */
import { lineOfPath } from '../yaml-lines'
import type { Rule, ValidationIssue } from './issue'

export const LEGAL_FORMS = [
  'association loi 1901',
  'association (régime non précisé)',
  'société coopérative d’intérêt collectif (SCIC)',
  'société coopérative et participative (Scop)',
  'coopérative d’activité et d’emploi (CAE)',
  'société coopérative de consommation',
  'coopérative de travailleurs (droit étranger)',
  'société coopérative à finalité sociale (droit belge)',
  'projet logiciel sans structure juridique propre',
] as const

export const KEY_FIGURES_LEAD = '**Dates et chiffres clés.**'

export const organisationRule: Rule = ({ valid }) =>
  valid.flatMap((f) => {
    const { meta, yamlDoc, yaml, body, bodyLine } = f.parsed
    if (meta.kind !== 'cas' || !meta.organisation) return []
    const issues: ValidationIssue[] = []
    const line = (key: string): number => lineOfPath(yamlDoc, yaml, ['organisation', key]) ?? lineOfPath(yamlDoc, yaml, ['organisation']) ?? 1
    const { legalForm, founded } = meta.organisation
    if (!(LEGAL_FORMS as readonly string[]).includes(legalForm)) {
      issues.push({ path: f.path, line: line('legalForm'), rule: 'organisation', message: `legalForm "${legalForm}" is not in the vocabulary: ${LEGAL_FORMS.map((l) => `"${l}"`).join(', ')}` })
    }
    if (!/^\d{4}$/.test(founded)) {
      issues.push({ path: f.path, line: line('founded'), rule: 'organisation', message: `founded "${founded}" is not a year: the year the structure named by legalForm was created` })
    }
    for (const key of ['sector', 'licences'] as const) {
      if (meta.organisation[key] === undefined) {
        issues.push({ path: f.path, line: line('name'), rule: 'organisation', message: `organisation.${key} is missing: the library’s table of case studies shows it (licences: [] when none)` })
      }
    }
    const leads = body.split('\n').filter((l) => l.startsWith(KEY_FIGURES_LEAD)).length
    if (leads !== 1) {
      const message = leads === 0 ? `no « Dates et chiffres clés » line: a paragraph starting with ${KEY_FIGURES_LEAD}` : `${leads} « Dates et chiffres clés » lines: one per case study`
      issues.push({ path: f.path, line: bodyLine, rule: 'organisation', message })
    }
    return issues
  })
