/**
 * Mermaid `xychart-beta` bar chart of per-layer EDAP shares (see layer-shares.ts), base vs head.
 *
 * Only what a reviewer needs: the changed, added and removed layers plus the few largest by share, in
 * network order, at most CHART_MAX_LAYERS layers (2 bars each). Shares (0…100 %) replace raw per-layer EDAP,
 * which spans several decades on a linear axis (small layers vanish) and does not add up to the total.
 * xychart draws the bar series of one category on top of each other, so base and head get their own
 * category slots ('conv1 base', 'conv1 head'), each series zero in the other's slots; the palette is fixed
 * (base blue, head orange) and the axis range explicit, so every rendering reads the same.
 */
import type { Comparison, LayerComparison } from '../compare/comparison.js';
import { mermaidLabel } from './escape.js';
import { layerShares } from './layer-shares.js';

/** Layers drawn at most: 10 layers are 20 bars, about what a comment-width chart can label. */
export const CHART_MAX_LAYERS = 10;

/** Unchanged layers always drawn (the largest by EDAP share), for scale. */
export const CHART_TOP_LAYERS = 3;

/** Fixed palette: base, head (Tableau 10 blue and orange; distinguishable with common colour-vision deficiencies). */
export const CHART_COLOURS = { base: '#4e79a7', head: '#f28e2b' } as const;

/**
 * Bars from which the chart is drawn horizontally: category labels then stand in a column on the left
 * instead of colliding under narrow bars (in Chromium at comment width, 10 labels like 'conv2 head' overlap).
 */
const HORIZONTAL_FROM_BARS = 7;

/** Axis maxima, %: the smallest one above the largest bar. */
const AXIS_STEPS_PCT = [5, 10, 20, 25, 40, 50, 60, 80, 100];

function fmt(v: number): string {
  return String(Number(v.toFixed(2)));
}

export interface EdapChart {
  /** The fenced mermaid block. */
  readonly markdown: string;
  /** The legend line to print under the chart (mermaid xychart has no legend). */
  readonly legend: string;
  /** Layers drawn. */
  readonly layers: readonly string[];
  /** Layers left out (unchanged and small, or beyond CHART_MAX_LAYERS). */
  readonly omittedLayers: number;
}

function sharePct(l: LayerComparison, c: Comparison, side: 'base' | 'head'): number {
  return 100 * (layerShares(l, c, side)?.edap ?? 0);
}

/** The layers worth drawing, in network order. */
function chosen(c: Comparison): LayerComparison[] {
  const largest = (l: LayerComparison) => Math.max(sharePct(l, c, 'base'), sharePct(l, c, 'head'));
  const candidates = c.layers.filter((l) => largest(l) > 0);
  const changed = c.hasBaseline ? candidates.filter((l) => l.change !== 'unchanged') : [];
  const isChanged = new Set(changed);
  const rest = candidates.filter((l) => !isChanged.has(l)).sort((a, b) => largest(b) - largest(a));
  const byShare = [...changed].sort((a, b) => largest(b) - largest(a));
  // Changed layers first (largest first when there are too many), then the top unchanged ones.
  const keep = new Set([...byShare.slice(0, CHART_MAX_LAYERS), ...rest.slice(0, c.hasBaseline ? CHART_TOP_LAYERS : CHART_MAX_LAYERS)].slice(0, CHART_MAX_LAYERS));
  return candidates.filter((l) => keep.has(l));
}

/** The chart, or undefined when no layer has a cost. */
export function edapChart(c: Comparison): EdapChart | undefined {
  const layers = chosen(c);
  if (layers.length === 0) return undefined;
  const withBase = c.hasBaseline;
  const labels: string[] = [];
  const baseSeries: string[] = [];
  const headSeries: string[] = [];
  let top = 0;
  for (const l of layers) {
    const name = mermaidLabel(l.name);
    const b = sharePct(l, c, 'base');
    const h = sharePct(l, c, 'head');
    top = Math.max(top, b, h);
    if (withBase) {
      labels.push(`"${name} base"`, `"${name} head"`);
      baseSeries.push(fmt(b), '0');
      headSeries.push('0', fmt(h));
    } else {
      labels.push(`"${name}"`);
      headSeries.push(fmt(h));
    }
  }
  const axisMax = AXIS_STEPS_PCT.find((s) => s >= top) ?? 100;
  const palette = withBase ? `${CHART_COLOURS.base}, ${CHART_COLOURS.head}` : CHART_COLOURS.head;
  const lines = [
    '```mermaid',
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${palette}"}}}}%%`,
    labels.length >= HORIZONTAL_FROM_BARS ? 'xychart-beta horizontal' : 'xychart-beta',
    `  title "Share of EDAP per layer${withBase ? ', base vs head' : ''}"`,
    `  x-axis [${labels.join(', ')}]`,
    `  y-axis "share of EDAP (%)" 0 --> ${axisMax}`,
    ...(withBase ? [`  bar [${baseSeries.join(', ')}]`] : []),
    `  bar [${headSeries.join(', ')}]`,
    '```',
  ];
  const omitted = c.layers.length - layers.length;
  const what = withBase ? 'changed layers and the largest unchanged ones' : 'the largest layers';
  const legend = (withBase ? 'Blue: base, orange: head. ' : 'Orange: head. ') +
    `Bars: ${what}, share of EDAP in % (axis 0–${axisMax} %)` +
    (omitted > 0 ? `; ${omitted} other layer${omitted === 1 ? '' : 's'} not drawn.` : '.');
  return { markdown: lines.join('\n'), legend, layers: layers.map((l) => l.name), omittedLayers: omitted };
}
