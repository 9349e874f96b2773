/**
 * Building blocks of the inline SVG charts: escaping, coordinates, axis ticks and a width estimate for
 * text, so labels are laid out without a browser. Pure and deterministic (fixed decimals, no locale).
 */

/** Text and attribute values: every character with a meaning in HTML or XML is an entity. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** A coordinate with at most 2 decimals, no exponent and no '-0'. */
export function px(v: number): string {
  const s = Number(v.toFixed(2));
  return String(Object.is(s, -0) ? 0 : s);
}

/** Font size of chart text, px (the page's CSS sets the same). */
export const FONT_PX = 12;

/**
 * Width of `text` at `fontPx`, px, from advance widths in em an upper bound for DejaVu Sans and Liberation
 * Sans (the fonts of the CSS, Debian's defaults): digits 0.64, most lowercase ≤ 0.64, capitals ≤ 0.8,
 * m, w, M, W and @ ≤ 1.0, CJK and other wide glyphs 1.2 (nax assumption, checked by the browser test).
 */
export function textWidth(text: string, fontPx = FONT_PX): number {
  let em = 0;
  for (const ch of text) {
    if (/[mwMW@%]/.test(ch)) em += 1.0;
    else if (/[A-Z]/.test(ch)) em += 0.8;
    else if (/[\u1100-\uffff]/.test(ch) && !/[\u2000-\u2bff]/.test(ch)) em += 1.2;
    else em += 0.64;
  }
  return em * fontPx;
}

/** `text` cut to at most `maxPx` wide, with an ellipsis. */
export function fit(text: string, maxPx: number, fontPx = FONT_PX): string {
  if (textWidth(text, fontPx) <= maxPx) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, fontPx) > maxPx) chars.pop();
  return `${chars.join('')}…`;
}

/** About `count` round tick values from 0 (or lo) to at least `hi`: steps of 1, 2 or 5 × 10^k. */
export function linearTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const first = Math.floor(lo / step) * step;
  const out: number[] = [];
  for (let k = 0; first + k * step < hi + step * 0.999; k++) out.push(Number((first + k * step).toPrecision(12)));
  return out;
}

/** Decades 10^k covering [lo, hi] (both > 0). */
export function logTicks(lo: number, hi: number): number[] {
  const a = Math.floor(Math.log10(lo));
  const b = Math.ceil(Math.log10(hi));
  const out: number[] = [];
  for (let k = a; k <= Math.max(b, a + 1); k++) out.push(10 ** k);
  return out;
}

/** A linear map from [d0, d1] to [r0, r1]. */
export function scale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** Categorical palette (Tableau 10), fixed so every report colours layers the same way. */
export const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

/** Colour of the shared tile parts (not a layer). */
export const SHARED_COLOUR = '#d9d9d9';

export interface LegendItem {
  readonly label: string;
  readonly colour: string;
}

/** A legend in rows that wrap at `width`; returns the SVG and its height. */
export function legend(items: readonly LegendItem[], x0: number, y0: number, width: number): { svg: string; height: number } {
  const sw = 10;
  const gap = 16;
  const rowH = FONT_PX + 8;
  let x = x0;
  let y = y0;
  const parts: string[] = [];
  for (const it of items) {
    const label = fit(it.label, width - sw - 6);
    const w = sw + 6 + textWidth(label) + gap;
    if (x > x0 && x + w - gap > x0 + width) {
      x = x0;
      y += rowH;
    }
    parts.push(`<rect class="swatch" x="${px(x)}" y="${px(y + 1)}" width="${sw}" height="${sw}" fill="${it.colour}"/>` +
      `<text x="${px(x + sw + 6)}" y="${px(y + sw)}">${esc(label)}</text>`);
    x += w;
  }
  return { svg: parts.join(''), height: y - y0 + rowH };
}

/** An `<svg>` element of the given size whose viewBox equals its size (the browser test relies on this). */
export function svgElement(opts: { chart: string; width: number; height: number; label: string; body: string }): string {
  return `<svg class="chart" data-chart="${esc(opts.chart)}" xmlns="http://www.w3.org/2000/svg" ` +
    `viewBox="0 0 ${px(opts.width)} ${px(opts.height)}" width="${px(opts.width)}" height="${px(opts.height)}" ` +
    `role="img" aria-label="${esc(opts.label)}">${opts.body}</svg>`;
}
