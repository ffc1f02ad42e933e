/** axe (WCAG 2.x A/AA and best practices) on the page as it is: the serious and critical violations, described. */
import AxeBuilder from '@axe-core/playwright'
import type { AppHarness } from './fixtures'

export async function seriousViolations(app: AppHarness, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page: app.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
  if (include) builder = builder.include(include)
  const results = await builder.analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `  ${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n')}`)
}
