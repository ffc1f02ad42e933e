/** Plain-text table with padded columns (widths counted in code points, so accents align). */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const width = (s: string): number => [...s].length
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))))
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i]! - width(c)))).join('  ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n'
}
