/**
 * The HTML report's charts as inline SVG strings. Every data mark (a bar segment, a chip, a candidate) is an
 * element with class "mark" carrying a `<title>` tooltip; axes, bands and legend swatches use other classes,
 * so a reader (or the browser test) can count marks against the report. Pure.
 */
import { formatSi } from '../format.js';
import {
  FONT_PX,
  type LegendItem,
  PALETTE,
  esc,
  fit,
  legend,
  linearTicks,
  logTicks,
  px,
  scale,
  svgElement,
  textWidth,
} from './svg.js';

/** Chart width, px: fits a 1280 px wide window with the page's margins. */
export const CHART_WIDTH_PX = 960;

const AXIS_COLOUR = '#666';
const GRID_COLOUR = '#e5e5e5';

export interface Segment {
  readonly name: string;
  readonly value: number;
  readonly colour: string;
}

export interface StackedRow {
  readonly label: string;
  readonly segments: readonly Segment[];
}

function xAxis(ticks: readonly number[], x: (v: number) => number, y: number, top: number, label: (v: number) => string): string {
  return ticks.map((t) => {
    const tx = px(x(t));
    return `<line x1="${tx}" y1="${px(top)}" x2="${tx}" y2="${px(y)}" stroke="${GRID_COLOUR}"/>` +
      `<text x="${tx}" y="${px(y + FONT_PX + 4)}" text-anchor="middle" fill="${AXIS_COLOUR}">${esc(label(t))}</text>`;
  }).join('');
}

/**
 * Horizontal stacked bars, one per row (base, head), one segment per layer, on a linear axis from 0 in
 * `unit`; a segment wide enough carries its layer name and share.
 */
export function stackedChart(opts: {
  readonly chart: string;
  readonly title: string;
  readonly unit: string;
  readonly rows: readonly StackedRow[];
  readonly legend: readonly LegendItem[];
  readonly format: (v: number) => string;
}): string {
  const W = CHART_WIDTH_PX;
  const barH = 30;
  const gap = 14;
  const left = Math.max(...opts.rows.map((r) => textWidth(r.label))) + 16;
  const totals = opts.rows.map((r) => r.segments.reduce((s, g) => s + g.value, 0));
  const ticks = linearTicks(0, Math.max(...totals, Number.MIN_VALUE));
  const tickLabel = (v: number) => opts.format(v);
  // Room on the right for the last tick label and for each bar's total written after it.
  const right = Math.max(...ticks.map((t) => textWidth(tickLabel(t)) / 2), ...totals.map((t) => textWidth(opts.format(t)) + 6)) + 8;
  const x = scale(0, ticks[ticks.length - 1]!, left, W - right);
  const top = 8;
  const axisY = top + opts.rows.length * (barH + gap);
  const parts: string[] = [xAxis(ticks, x, axisY, top, tickLabel)];
  opts.rows.forEach((r, i) => {
    const y = top + i * (barH + gap);
    const total = totals[i]!;
    parts.push(`<text x="${px(left - 8)}" y="${px(y + barH / 2 + FONT_PX / 3)}" text-anchor="end">${esc(r.label)}</text>`);
    let acc = 0;
    for (const s of r.segments) {
      const x0 = x(acc);
      const w = x(acc + s.value) - x0;
      const share = total > 0 ? s.value / total : 0;
      const tip = `${r.label} · ${s.name}: ${opts.format(s.value)} (${(share * 100).toFixed(1)} %)`;
      parts.push(`<rect class="mark" x="${px(x0)}" y="${px(y)}" width="${px(Math.max(0, w))}" height="${barH}" fill="${s.colour}" ` +
        `stroke="#fff" stroke-width="0.5"><title>${esc(tip)}</title></rect>`);
      const text = `${s.name} ${(share * 100).toFixed(0)} %`;
      if (w > textWidth(text) + 8) {
        parts.push(`<text class="inbar" x="${px(x0 + 4)}" y="${px(y + barH / 2 + FONT_PX / 3)}" fill="#111">${esc(text)}</text>`);
      }
      acc += s.value;
    }
    parts.push(`<text class="total" x="${px(x(total) + 6)}" y="${px(y + barH / 2 + FONT_PX / 3)}">${esc(opts.format(total))}</text>`);
  });
  const lg = legend(opts.legend, left, axisY + FONT_PX + 16, W - left - 8);
  parts.push(lg.svg);
  const height = axisY + FONT_PX + 16 + lg.height + 4;
  return svgElement({ chart: opts.chart, width: W, height, label: opts.title, body: parts.join('') });
}

export interface GroupedRow {
  readonly label: string;
  /** One value per series; undefined: no bar. */
  readonly values: readonly (number | undefined)[];
}

/** Horizontal grouped bars (one group per row, one bar per series) on a linear axis from 0. */
export function groupedChart(opts: {
  readonly chart: string;
  readonly title: string;
  readonly series: readonly LegendItem[];
  readonly rows: readonly GroupedRow[];
  readonly format: (v: number) => string;
}): string {
  const W = CHART_WIDTH_PX;
  const barH = 11;
  const n = opts.series.length;
  const groupH = n * barH + 10;
  const labelMax = 200;
  const labels = opts.rows.map((r) => fit(r.label, labelMax));
  const left = Math.max(40, ...labels.map((l) => textWidth(l))) + 14;
  const values = opts.rows.flatMap((r) => r.values.filter((v): v is number => v !== undefined));
  const ticks = linearTicks(0, Math.max(...values, Number.MIN_VALUE));
  const valueRoom = Math.max(...ticks.map((t) => textWidth(opts.format(t)))) + 10;
  const x = scale(0, ticks[ticks.length - 1]!, left, W - valueRoom);
  const top = 8;
  const axisY = top + opts.rows.length * groupH;
  const parts: string[] = [xAxis(ticks, x, axisY, top, opts.format)];
  opts.rows.forEach((r, i) => {
    const y = top + i * groupH;
    parts.push(`<text x="${px(left - 8)}" y="${px(y + (n * barH) / 2 + FONT_PX / 3)}" text-anchor="end">${esc(labels[i]!)}` +
      `<title>${esc(r.label)}</title></text>`);
    r.values.forEach((v, k) => {
      if (v === undefined) return;
      const s = opts.series[k]!;
      const by = y + k * barH;
      parts.push(`<rect class="mark" x="${px(left)}" y="${px(by)}" width="${px(Math.max(0, x(v) - left))}" height="${barH - 1}" ` +
        `fill="${s.colour}"><title>${esc(`${r.label} · ${s.label}: ${opts.format(v)}`)}</title></rect>`);
      parts.push(`<text class="value" x="${px(x(v) + 4)}" y="${px(by + barH - 2)}" font-size="10">${esc(opts.format(v))}</text>`);
    });
  });
  const lg = legend(opts.series, left, axisY + FONT_PX + 16, W - left - 8);
  parts.push(lg.svg);
  const height = axisY + FONT_PX + 16 + lg.height + 4;
  return svgElement({ chart: opts.chart, width: W, height, label: opts.title, body: parts.join('') });
}

export interface ChipRow {
  readonly label: string;
  readonly colour: string;
  /** Accuracy of each chip instance (Monte Carlo sample), %. */
  readonly samplesPct: readonly number[];
  readonly meanPct: number;
  /** 95 % interval, %, when the report has one. */
  readonly ci95Pct?: { readonly low: number; readonly high: number };
}

/** One row per report: a dot per chip, the mean as a line, the 95 % interval as a band. */
export function chipsChart(opts: { readonly chart: string; readonly title: string; readonly rows: readonly ChipRow[] }): string {
  const W = CHART_WIDTH_PX;
  const rowH = 44;
  const left = Math.max(...opts.rows.map((r) => textWidth(r.label))) + 16;
  const all = opts.rows.flatMap((r) => [...r.samplesPct, r.meanPct, ...(r.ci95Pct ? [r.ci95Pct.low, r.ci95Pct.high] : [])]);
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const pad = Math.max(0.1, (hi - lo) * 0.1);
  const ticks = linearTicks(lo - pad, hi + pad, 6);
  const fmt = (v: number) => `${Number(v.toFixed(2))} %`;
  const right = Math.max(...ticks.map((t) => textWidth(fmt(t)))) / 2 + 8;
  const x = scale(ticks[0]!, ticks[ticks.length - 1]!, left + 8, W - right);
  const top = 8;
  const axisY = top + opts.rows.length * rowH;
  const parts: string[] = [xAxis(ticks, x, axisY, top, fmt)];
  opts.rows.forEach((r, i) => {
    const cy = top + i * rowH + rowH / 2;
    parts.push(`<text x="${px(left - 8)}" y="${px(cy + FONT_PX / 3)}" text-anchor="end">${esc(r.label)}</text>`);
    if (r.ci95Pct) {
      parts.push(`<rect class="ci" x="${px(x(r.ci95Pct.low))}" y="${px(cy - 14)}" width="${px(x(r.ci95Pct.high) - x(r.ci95Pct.low))}" ` +
        `height="28" fill="${r.colour}" fill-opacity="0.18"><title>${esc(`${r.label}: 95 % interval ${fmt(r.ci95Pct.low)} – ${fmt(r.ci95Pct.high)}`)}</title></rect>`);
    }
    parts.push(`<line class="mean" x1="${px(x(r.meanPct))}" y1="${px(cy - 16)}" x2="${px(x(r.meanPct))}" y2="${px(cy + 16)}" ` +
      `stroke="${r.colour}" stroke-width="2"><title>${esc(`${r.label}: mean ${fmt(r.meanPct)}`)}</title></line>`);
    r.samplesPct.forEach((s, k) => {
      // Deterministic vertical offsets so equal accuracies stay visible as separate chips.
      const dy = ((k % 5) - 2) * 4;
      parts.push(`<circle class="mark" cx="${px(x(s))}" cy="${px(cy + dy)}" r="4" fill="${r.colour}" fill-opacity="0.85" stroke="#fff" ` +
        `stroke-width="0.5"><title>${esc(`${r.label}, chip ${k + 1}: ${fmt(s)}`)}</title></circle>`);
    });
  });
  const items: LegendItem[] = [{ label: 'dot: one chip (Monte Carlo sample)', colour: '#888' },
    { label: 'line: mean', colour: '#888' }, { label: 'band: 95 % interval (when the report has one)', colour: '#ccc' }];
  const lg = legend(items, left, axisY + FONT_PX + 16, W - left - 8);
  parts.push(lg.svg);
  const height = axisY + FONT_PX + 16 + lg.height + 4;
  return svgElement({ chart: opts.chart, width: W, height, label: opts.title, body: parts.join('') });
}

export interface ScatterPoint {
  readonly id: string;
  readonly label: string;
  readonly kind: 'committed' | 'homogeneous' | 'costOnly' | 'random' | 'searched';
  readonly accuracyPct: number;
  readonly edap: number;
  readonly onFront: boolean;
  readonly best: boolean;
}

const KIND_COLOUR = { committed: '#111111', homogeneous: PALETTE[0]!, costOnly: PALETTE[3]!, random: PALETTE[6]!, searched: PALETTE[1]! } as const;

/** Non-ideal accuracy vs EDAP on a log axis, the Pareto front as a line, baselines and the committed model labelled. */
export function paretoChart(opts: { readonly chart: string; readonly title: string; readonly points: readonly ScatterPoint[] }): string {
  const W = CHART_WIDTH_PX;
  const H = 420;
  const pts = opts.points.filter((p) => p.edap > 0 && Number.isFinite(p.edap));
  const accs = pts.map((p) => p.accuracyPct);
  const lo = Math.min(...accs);
  const hi = Math.max(...accs);
  const pad = Math.max(0.2, (hi - lo) * 0.08);
  const yTicks = linearTicks(lo - pad, hi + pad, 6);
  const fmtY = (v: number) => `${Number(v.toFixed(2))} %`;
  const left = Math.max(...yTicks.map((t) => textWidth(fmtY(t)))) + 36;
  const xTicks = logTicks(Math.min(...pts.map((p) => p.edap)), Math.max(...pts.map((p) => p.edap)));
  const fmtX = (v: number) => v.toExponential(0).replace('e', 'e');
  const right = textWidth(fmtX(xTicks[xTicks.length - 1]!)) / 2 + 10;
  const top = 12;
  const plotBottom = H - 48;
  const lx = (v: number) => Math.log10(v);
  const x0 = scale(lx(xTicks[0]!), lx(xTicks[xTicks.length - 1]!), left, W - right);
  const x = (v: number) => x0(lx(v));
  const y = scale(yTicks[0]!, yTicks[yTicks.length - 1]!, plotBottom, top);
  const parts: string[] = [];
  for (const t of xTicks) {
    parts.push(`<line x1="${px(x(t))}" y1="${top}" x2="${px(x(t))}" y2="${plotBottom}" stroke="${GRID_COLOUR}"/>` +
      `<text x="${px(x(t))}" y="${px(plotBottom + FONT_PX + 4)}" text-anchor="middle" fill="${AXIS_COLOUR}">${esc(fmtX(t))}</text>`);
  }
  for (const t of yTicks) {
    parts.push(`<line x1="${px(left)}" y1="${px(y(t))}" x2="${px(W - right)}" y2="${px(y(t))}" stroke="${GRID_COLOUR}"/>` +
      `<text x="${px(left - 6)}" y="${px(y(t) + FONT_PX / 3)}" text-anchor="end" fill="${AXIS_COLOUR}">${esc(fmtY(t))}</text>`);
  }
  parts.push(`<text x="${px((left + W - right) / 2)}" y="${px(plotBottom + 2 * FONT_PX + 12)}" text-anchor="middle">` +
    'EDAP, J·s·mm² (log scale) — lower is better</text>');
  parts.push(`<text transform="translate(${px(12)} ${px((top + plotBottom) / 2)}) rotate(-90)" text-anchor="middle" dy="${FONT_PX / 2}">` +
    'non-ideal accuracy</text>');
  const front = pts.filter((p) => p.onFront).sort((a, b) => a.edap - b.edap);
  if (front.length > 1) {
    const d = front.map((p) => `${px(x(p.edap))},${px(y(p.accuracyPct))}`).join(' ');
    parts.push(`<polyline class="front" points="${d}" fill="none" stroke="#59a14f" stroke-width="2" stroke-dasharray="5 3"/>`);
  }
  // The committed model last, as an unfilled ring: a baseline at the same point stays visible inside it.
  const drawOrder = [...pts.filter((p) => p.kind !== 'committed'), ...pts.filter((p) => p.kind === 'committed')];
  for (const p of drawOrder) {
    const r = p.kind === 'committed' ? 7 : 5;
    const tip = `${p.label}: ${fmtY(p.accuracyPct)}, EDAP ${p.edap.toExponential(3)}${p.onFront ? ', on the front' : ''}${p.best ? ', proposed' : ''}`;
    parts.push(`<circle class="mark" data-kind="${p.kind}" cx="${px(x(p.edap))}" cy="${px(y(p.accuracyPct))}" r="${r}" ` +
      `fill="${p.kind === 'committed' ? 'none' : KIND_COLOUR[p.kind]}" stroke="${KIND_COLOUR[p.kind]}" stroke-width="${p.kind === 'committed' ? 2.5 : 1}">` +
      `<title>${esc(tip)}</title></circle>`);
  }
  // Labels for the committed model, the baselines and the proposed candidate; flipped left near the right
  // edge, and moved down or up a line when they would cover a label already placed (equal points).
  const placed: { x0: number; x1: number; y0: number; y1: number }[] = [];
  const overlaps = (b: { x0: number; x1: number; y0: number; y1: number }) =>
    placed.some((p) => b.x0 < p.x1 && p.x0 < b.x1 && b.y0 < p.y1 && p.y0 < b.y1);
  for (const p of pts.filter((q) => q.kind !== 'searched' || q.best)) {
    const text = fit(p.best ? `★ ${p.label}` : p.label, 220);
    const cx = x(p.edap);
    const w = textWidth(text);
    const flip = cx + 9 + w > W - 2;
    const tx = flip ? cx - 9 - w : cx + 9;
    const clampY = (v: number) => Math.min(plotBottom - 4, Math.max(top + FONT_PX, v));
    const line = FONT_PX + 3;
    const tries = [0, line, -line, 2 * line, -2 * line, 3 * line].map((d) => clampY(y(p.accuracyPct) - 9 + d));
    const box = (ty: number) => ({ x0: tx, x1: tx + w, y0: ty - FONT_PX, y1: ty + 3 });
    const ty = tries.find((t) => !overlaps(box(t))) ?? tries[0]!;
    placed.push(box(ty));
    parts.push(`<text class="point-label" x="${px(flip ? cx - 9 : cx + 9)}" y="${px(ty)}"${flip ? ' text-anchor="end"' : ''}>${esc(text)}</text>`);
  }
  const items: LegendItem[] = [
    { label: 'committed model', colour: KIND_COLOUR.committed },
    { label: 'homogeneous baseline', colour: KIND_COLOUR.homogeneous },
    ...(pts.some((p) => p.kind === 'costOnly') ? [{ label: 'cost-only optimum', colour: KIND_COLOUR.costOnly }] : []),
    ...(pts.some((p) => p.kind === 'random') ? [{ label: 'random search', colour: KIND_COLOUR.random }] : []),
    { label: 'searched candidate', colour: KIND_COLOUR.searched },
    { label: 'Pareto front (dashed)', colour: '#59a14f' },
  ];
  const lg = legend(items, left, H + 4, W - left - 8);
  parts.push(lg.svg);
  return svgElement({ chart: opts.chart, width: W, height: H + 4 + lg.height + 4, label: opts.title, body: parts.join('') });
}

/** SI formatter for a chart axis in `unit`. */
export function siFormat(unit: string): (v: number) => string {
  return (v) => formatSi(v, unit);
}
