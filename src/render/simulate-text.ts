/** Plain-text summary of one report for the terminal (`nax simulate`). Pure: report in, string out. */
import type { NaxReport } from '../report.js';
import { renderCostTable } from './cost-table.js';
import { formatNf, formatPct, formatPctInterval } from './format.js';
import { textTable } from './table.js';

/** An accuracy (fraction) in % with two decimals. */
const pct = (x: number) => formatPct(x * 100);

/** ' 95 % CI [a, b] % over images × chips; chip std s %, min m %' — what is known about the spread. */
function nonIdealSpread(n: NonNullable<NaxReport['accuracy']>['nonIdeal']): string {
  const parts: string[] = [];
  if (n.ci95) parts.push(`95 % CI ${formatPctInterval(n.ci95.low * 100, n.ci95.high * 100)} over ${n.ci95.images} images × ${n.ci95.chips} chip${n.ci95.chips === 1 ? '' : 's'}`);
  parts.push(n.std === undefined ? 'one chip: chip spread unknown' : `chip std ${pct(n.std)}, min ${pct(n.min)}`);
  return ` (${parts.join('; ')})`;
}

export function renderSimulateText(r: NaxReport): string {
  const lines: string[] = [];
  lines.push(`nax ${r.tool.version} — ${r.inputs.model.path} on ${r.inputs.mapping.path} (${r.backend} backend)`);
  if (r.settings && r.accuracy) {
    const s = r.settings;
    const a = r.accuracy;
    lines.push(
      `evaluation: ${s.evalImages} images, ${s.monteCarloSamples} Monte Carlo samples, seed ${s.seed}, IR drop '${s.irDrop}'`,
      '',
      `accuracy  ideal float          ${pct(a.ideal)}`,
      `          quantised (ideal HW) ${pct(a.quantised)}`,
      `          non-ideal crossbars  ${pct(a.nonIdeal.mean)}${nonIdealSpread(a.nonIdeal)}`,
      '',
    );
    const nfRows = r.layers.filter((l) => l.nf);
    if (nfRows.length > 0) {
      const rows = nfRows.map((l) => [l.name, `${l.mapping.rows}×${l.mapping.cols}`, String(l.mapping.adcBits), formatNf(l.nf!.mean), formatNf(l.nf!.max)]);
      lines.push(textTable([['layer', 'crossbar', 'ADC bits', 'NF mean', 'NF max'], ...rows], { leftColumns: 1 }));
      lines.push('');
    }
  }
  lines.push(renderCostTable(r.cost));
  if (r.timings) {
    lines.push('', `timings: ${Object.entries(r.timings).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
  }
  return lines.join('\n');
}
