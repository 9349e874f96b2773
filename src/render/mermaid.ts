/**
 * Mermaid `xychart-beta` bar chart of per-layer EDAP, base vs head. xychart draws several bar series at
 * the same x position on top of each other, so base and head get their own category slots ('conv1 base',
 * 'conv1 head') and each series is zero in the other's slots: the bars stand side by side in two colours.
 */
import type { Comparison, LayerComparison } from '../compare/comparison.js';
import { mermaidLabel } from './escape.js';

/** Layers shown at most (the largest EDAPs); beyond that the chart becomes unreadable. */
export const CHART_MAX_LAYERS = 24;

/** Bars from which the chart is drawn horizontally. */
const HORIZONTAL_FROM_BARS = 12;

/** Values scaled by 10^(3k) so the axis reads 1…1000 (mermaid has no exponent axis format). */
function scaleExponent(maxValue: number): number {
  if (maxValue <= 0) return 0;
  return 3 * Math.floor(Math.log10(maxValue) / 3);
}

function fmt(v: number): string {
  return String(Number(v.toPrecision(4)));
}

export interface EdapChart {
  /** The fenced mermaid block. */
  readonly markdown: string;
  /** Layers left out (fewer than all when the network is large). */
  readonly omittedLayers: number;
}

/** The chart, or undefined when no layer has an EDAP. */
export function edapChart(c: Comparison): EdapChart | undefined {
  const edapOf = (l: LayerComparison) => Math.max(l.edap.base ?? 0, l.edap.head ?? 0);
  let layers = c.layers.filter((l) => edapOf(l) > 0);
  if (layers.length === 0) return undefined;
  const total = layers.length;
  if (layers.length > CHART_MAX_LAYERS) {
    const keep = new Set([...layers].sort((a, b) => edapOf(b) - edapOf(a)).slice(0, CHART_MAX_LAYERS).map((l) => l.name));
    layers = layers.filter((l) => keep.has(l.name));
  }
  const exp = scaleExponent(Math.max(...layers.map(edapOf)));
  const scale = 10 ** -exp;
  const unit = exp === 0 ? 'J·s·mm²' : `×1e${exp} J·s·mm²`;
  const withBase = c.hasBaseline;
  const labels: string[] = [];
  const baseSeries: string[] = [];
  const headSeries: string[] = [];
  for (const l of layers) {
    const name = mermaidLabel(l.name);
    const b = fmt((l.edap.base ?? 0) * scale);
    const h = fmt((l.edap.head ?? 0) * scale);
    if (withBase) {
      labels.push(`"${name} base"`, `"${name} head"`);
      baseSeries.push(b, '0');
      headSeries.push('0', h);
    } else {
      labels.push(`"${name}"`);
      headSeries.push(h);
    }
  }
  const lines = [
    '```mermaid',
    // Many bars: horizontal, so the layer names stay readable.
    labels.length > HORIZONTAL_FROM_BARS ? 'xychart-beta horizontal' : 'xychart-beta',
    `  title "Per-layer EDAP${withBase ? ', base vs head' : ''}"`,
    `  x-axis [${labels.join(', ')}]`,
    `  y-axis "EDAP (${unit})"`,
    ...(withBase ? [`  bar [${baseSeries.join(', ')}]`] : []),
    `  bar [${headSeries.join(', ')}]`,
    '```',
  ];
  return { markdown: lines.join('\n'), omittedLayers: total - layers.length };
}
