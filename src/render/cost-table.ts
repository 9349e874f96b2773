/**
 * The per-layer cost table of `nax cost` (and the end of `nax simulate`): crossbars, ADCs, utilisation,
 * energy, delay, area and EDAP per layer, a total row, and one line with the figures that have no per-layer
 * column (pipelined delay, tiles, shared tile area). The terminal's one table layout (table.ts) and unit
 * policy (format.ts: SI prefixes with units), so the terminal and the PR comment agree. Pure.
 */
import type { CostReport, CostTotals, LayerCost } from '../cost/types.js';
import { formatCount, formatEdap, formatMm2, formatShare, formatSi } from './format.js';
import { textTable } from './table.js';

const HEADER = ['layer', 'crossbars', 'ADCs', 'utilisation', 'energy', 'delay', 'area', 'EDAP J·s·mm²'];

function row(name: string, c: LayerCost | CostTotals, edap: number): string[] {
  return [
    name,
    formatCount(c.crossbars),
    formatCount(c.adcs),
    formatShare(c.utilisation),
    formatSi(c.energyJ, 'J'),
    formatSi(c.delayS, 's'),
    formatMm2(c.areaMm2),
    formatEdap(edap),
  ];
}

/** Renders a cost report as text. Pure: the caller prints it. */
export function renderCostTable(report: CostReport): string {
  const t = report.totals;
  const rows = [HEADER, ...report.layers.map((l) => row(l.name, l, l.edap)), row('total', t, t.edap)];
  const footer =
    `layer-serial delay ${formatSi(t.delayS, 's')}, pipelined (slowest layer) ${formatSi(t.pipelinedDelayS, 's')}; ` +
    `${t.tiles} tile${t.tiles === 1 ? '' : 's'}, area = layers ${formatMm2(t.layersAreaMm2)} + ` +
    `tile eDRAM/bus/router ${formatMm2(t.tileSharedAreaMm2)}`;
  return `${textTable(rows, { leftColumns: 1 })}\n${footer}\n`;
}
