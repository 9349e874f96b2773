/**
 * The one table layout of the terminal: columns separated by two spaces, the header underlined with dashes,
 * text columns left-aligned and number columns right-aligned. Pure; colour is added by the caller after
 * layout (escape codes would break the widths). The PR comment uses markdown-table instead.
 */

/** Terminal width of a string: every code point counts one column (nax assumption: no wide glyphs in cells). */
export function displayWidth(s: string): number {
  return [...s.replace(/\uFE0F/g, '')].length;
}

export interface TextTableOptions {
  /** The first this many columns are left-aligned, the rest right-aligned. Default: all left-aligned. */
  readonly leftColumns?: number;
}

export function textTable(rows: readonly (readonly string[])[], opts: TextTableOptions = {}): string {
  if (rows.length === 0) return '';
  const n = Math.max(...rows.map((r) => r.length));
  const left = opts.leftColumns ?? n;
  const widths = [...Array(n).keys()].map((i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (r: readonly string[]) =>
    [...Array(n).keys()].map((i) => {
      const cell = r[i] ?? '';
      const fill = ' '.repeat(widths[i] - displayWidth(cell));
      return i < left ? cell + fill : fill + cell;
    }).join('  ').trimEnd();
  const [head, ...body] = rows;
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
