/** The table of `nax sweep`: accuracy and cost of the same model on N×N crossbars, one row per N. Pure. */
import type { NaxReport } from '../report.js';
import { formatEdap, formatMm2, formatPct, formatPctInterval, formatSi } from './format.js';
import { textTable } from './table.js';

export interface SweepRow {
  /** Crossbar size N (N×N). */
  readonly size: number;
  readonly report: NaxReport;
}

export function renderSweep(rows: readonly SweepRow[]): string {
  const head = ['crossbar', 'ideal', 'quantised', 'non-ideal', '95 % CI', 'energy', 'delay', 'area', 'EDAP J·s·mm²'];
  const body = rows.map(({ size, report: r }) => {
    const a = r.accuracy;
    const t = r.totals;
    const ci = a?.nonIdeal.ci95;
    return [
      `${size}×${size}`,
      a ? formatPct(a.ideal * 100) : '—',
      a ? formatPct(a.quantised * 100) : '—',
      a ? formatPct(a.nonIdeal.mean * 100) : '—',
      ci ? formatPctInterval(ci.low * 100, ci.high * 100) : '—',
      formatSi(t.energyJ, 'J'), formatSi(t.delayS, 's'), formatMm2(t.areaMm2), formatEdap(t.edap),
    ];
  });
  return textTable([head, ...body], { leftColumns: 1 });
}
