/**
 * `check [--targets] [--json]`: validates the content pack (electron/services/content/validate/) and
 * exits 1 on any error, each printed as `path:line: rule: message`; then the per-kind counts and the
 * corpus figures, which are errors only with --targets (`npm run check:content` on content/).
 */
import type { Command } from '../commands'
import { DOCUMENT_KINDS } from '../../shared/content/front-matter'
import { formatIssue } from '../../services/content/validate/issue'
import { validatePack } from '../../services/content/validate/validate-pack'
import type { ValidationReport } from '../../services/content/validate/validate-pack'
import { formatTable } from '../table'

function summary(report: ValidationReport): string {
  const { stats, targets } = report
  const rows = DOCUMENT_KINDS.map((kind) => {
    const k = stats.kinds[kind]
    const extra = kind === 'glossaire' ? `${stats.glossaryTerms} terms` : k.minWords === null ? '' : `shortest: ${k.minWords} (${k.shortest})`
    return [kind, String(k.documents), String(k.words), extra]
  })
  rows.push(['total', String(stats.total.documents), String(stats.total.words), ''])
  const figures = targets.results.map((r) => [r.met ? 'met' : targets.enforced ? 'MISSED' : 'missed', r.name, String(r.actual), `≥ ${r.required}`])
  const status = report.ok ? 'no error' : `${report.issues.length} error(s)`
  return [
    `\nContent pack ${report.contentDir}\n\n`,
    formatTable(['kind', 'documents', 'words', 'note'], rows),
    `\nCorpus figures (issue 3), ${targets.enforced ? 'enforced (--targets)' : 'reported only (--targets enforces them)'}:\n\n`,
    formatTable(['status', 'figure', 'actual', 'target'], figures),
    `\ncheck: ${status}\n`,
  ].join('')
}

export const checkCommand: Command = {
  summary: 'Validate the content pack; exit 1 on any error',
  synopsis: 'check [--targets] [--json]',
  flags: { json: 'boolean', targets: 'boolean' },
  // The validator reports every content problem itself, with its rule: no duplicate warnings.
  logLevel: 'error',
  async run({ services, args, io }) {
    const report = await validatePack({
      contentDir: services.options.contentDir,
      library: services.library,
      enforceTargets: args.flags.targets === true,
    })
    if (args.flags.json) {
      io.out.write(`${JSON.stringify(report, null, 2)}\n`)
    } else {
      for (const issue of report.issues) io.out.write(`${formatIssue(issue)}\n`)
      io.out.write(summary(report))
    }
    return report.ok ? 0 : 1
  },
}
