/** Plain-text summary of one report for the terminal (`nax simulate`). Pure: report in, string out. */
import type { NaxReport } from '../report.js';
import { renderCostTable } from './cost-table.js';
import { formatPctInterval } from './format.js';

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;

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
      const w = Math.max(5, ...nfRows.map((l) => l.name.length));
      lines.push(`${'layer'.padEnd(w)}  crossbar  ADC  NF mean  NF max`);
      for (const l of nfRows) {
        lines.push(
          `${l.name.padEnd(w)}  ${`${l.mapping.rows}×${l.mapping.cols}`.padStart(8)}  ${String(l.mapping.adcBits).padStart(3)}  ` +
            `${pct(l.nf!.mean).padStart(7)}  ${pct(l.nf!.max).padStart(7)}`,
        );
      }
      lines.push('');
    }
  }
  lines.push(renderCostTable(r.cost));
  if (r.timings) {
    lines.push('', `timings: ${Object.entries(r.timings).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
  }
  return lines.join('\n');
}
