/**
 * The per-layer cost table of `nax cost`: a column-aligned markdown table (readable as plain text in a
 * terminal) of crossbars, ADCs, utilisation, energy, delay, area and EDAP per layer, a total row, and one
 * line with the figures that have no per-layer column (pipelined delay, tiles, shared tile area). Counts and
 * EDAP use the shared formats of render/format.ts, so the terminal and the PR comment agree.
 */
import { markdownTable } from 'markdown-table';
import type { CostReport, CostTotals, LayerCost } from '../cost/types.js';
import { formatCount, formatEdap } from './format.js';

const J_PER_NJ = 1e-9;
const S_PER_US = 1e-6;

const HEADER = ['layer', 'crossbars', 'ADCs', 'util %', 'energy nJ', 'delay µs', 'area mm²', 'EDAP J·s·mm²'];

/**
 * A value in the column's unit, 3 significant digits: plain decimals for 0.001 ≤ |x| < 100 000 (integers
 * keep all their digits), otherwise engineering notation, a mantissa in [1, 1000) with an exponent that is a
 * multiple of 3 (`45.0e-6`).
 */
function formatEng(x: number): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e5) return fixedSignificant(x, 3);
  const exp3 = Math.floor(Math.log10(abs) / 3) * 3;
  let mantissa = Number((x / 10 ** exp3).toPrecision(3));
  let exp = exp3;
  if (Math.abs(mantissa) >= 1000) {
    mantissa /= 1000;
    exp += 3;
  }
  return `${fixedSignificant(mantissa, 3)}e${exp}`;
}

/** x with `digits` significant digits and no exponent (integers keep all their digits). */
function fixedSignificant(x: number, digits: number): string {
  const magnitude = Math.floor(Math.log10(Math.abs(Number(x.toPrecision(digits)))));
  return x.toFixed(Math.max(0, digits - 1 - magnitude));
}

function formatPercent(fraction: number): string {
  return (fraction * 100).toFixed(1);
}

function row(name: string, c: LayerCost | CostTotals, edap: number): string[] {
  return [
    name,
    formatCount(c.crossbars),
    formatCount(c.adcs),
    formatPercent(c.utilisation),
    formatEng(c.energyJ / J_PER_NJ),
    formatEng(c.delayS / S_PER_US),
    formatEng(c.areaMm2),
    formatEdap(edap),
  ];
}

/** Renders a cost report as text. Pure: the caller prints it. */
export function renderCostTable(report: CostReport): string {
  const t = report.totals;
  const rows = [HEADER, ...report.layers.map((l) => row(l.name, l, l.edap)), row('total', t, t.edap)];
  const table = markdownTable(rows, { align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'] });
  const footer =
    `layer-serial delay ${formatEng(t.delayS / S_PER_US)} µs, pipelined (slowest layer) ${formatEng(t.pipelinedDelayS / S_PER_US)} µs; ` +
    `${t.tiles} tile${t.tiles === 1 ? '' : 's'}, area = layers ${formatEng(t.layersAreaMm2)} mm² + ` +
    `tile eDRAM/bus/router ${formatEng(t.tileSharedAreaMm2)} mm²`;
  return `${table}\n${footer}\n`;
}
