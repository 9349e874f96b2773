/**
 * The standalone HTML report (`nax report --html`): one self-contained file — inline CSS and SVG, no script,
 * no external resource — with the totals, per-layer stacked energy / latency / area (base vs head), NF per
 * layer and accuracy per chip with its 95 % interval; or, for a search's pareto.json, the Pareto scatter.
 * Pure and deterministic: the same reports give the same bytes (no clock, no locale). Every string from a
 * report is escaped (reports from a fork's run are untrusted).
 */
import type { CostTotals, LayerCost } from '../../cost/types.js';
import type { ParetoDocument } from '../../search/pareto.js';
import type { NaxReport } from '../../report.js';
import { formatChangePct, formatCount, formatEdap, formatMm2, formatNf, formatPct, formatSi, shortSha } from '../format.js';
import { CHART_WIDTH_PX, type ChipRow, chipsChart, groupedChart, paretoChart, siFormat, stackedChart } from './charts.js';
import { type LegendItem, PALETTE, SHARED_COLOUR, esc } from './svg.js';

export interface ReportPageInput {
  readonly head: NaxReport;
  /** The base report of a comparison (check mode), when there is one. */
  readonly base?: NaxReport;
  /** Shown in the title: the report's file name. */
  readonly title: string;
}

const CSS = `
:root { color-scheme: light; }
body { font: 14px/1.45 -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; color: #1f2328; margin: 0; background: #fff; }
main { max-width: ${CHART_WIDTH_PX + 40}px; margin: 0 auto; padding: 16px 20px 40px; }
h1 { font-size: 22px; margin: 8px 0 4px; } h2 { font-size: 17px; margin: 28px 0 6px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
p.meta, p.note { color: #59636e; margin: 4px 0 10px; font-size: 13px; }
table { border-collapse: collapse; font-size: 13px; margin: 8px 0; }
th, td { border: 1px solid #d0d7de; padding: 4px 10px; text-align: right; } th:first-child, td:first-child { text-align: left; }
th { background: #f6f8fa; }
code { font: 12px ui-monospace, "DejaVu Sans Mono", monospace; background: #f6f8fa; padding: 1px 4px; border-radius: 4px; }
svg.chart { display: block; max-width: 100%; height: auto; font: 12px "DejaVu Sans", Helvetica, Arial, sans-serif; }
svg.chart text { font-size: 12px; } svg.chart text.value { font-size: 10px; }
`.trim();

/** Marks a file as a nax HTML report, so the action may replace its own earlier output but no other file. */
export const HTML_GENERATOR_META = '<meta name="generator" content="nax">';

function page(title: string, body: string[]): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    HTML_GENERATOR_META,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing may load: no script, no external style, image or font (the file is opened from an artifact).
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${esc(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Layer names of head, then those only base has, each with a fixed colour. */
function layerColours(head: NaxReport, base: NaxReport | undefined): Map<string, string> {
  const names = [...head.cost.layers.map((l) => l.name)];
  for (const l of base?.cost.layers ?? []) if (!names.includes(l.name)) names.push(l.name);
  return new Map(names.map((n, i) => [n, PALETTE[i % PALETTE.length]!]));
}

/** Name of the shared tile parts in the area chart. */
export const SHARED_AREA_NAME = 'tiles: eDRAM, bus, router';

type Metric = 'energyJ' | 'delayS' | 'areaMm2';

function segments(r: NaxReport, metric: Metric, colours: Map<string, string>) {
  const segs = r.cost.layers.map((l: LayerCost) => ({ name: l.name, value: l[metric], colour: colours.get(l.name)! }));
  // Older reports may lack the split of the area; then the chart shows the layers only.
  const shared = r.cost.totals.tileSharedAreaMm2 ?? 0;
  if (metric === 'areaMm2' && shared > 0) segs.push({ name: SHARED_AREA_NAME, value: shared, colour: SHARED_COLOUR });
  return segs;
}

function sides(input: ReportPageInput): { label: string; report: NaxReport }[] {
  return input.base ? [{ label: 'base', report: input.base }, { label: 'head', report: input.head }] : [{ label: 'head', report: input.head }];
}

function costCharts(input: ReportPageInput): string[] {
  const colours = layerColours(input.head, input.base);
  const items: LegendItem[] = [...colours].map(([label, colour]) => ({ label, colour }));
  const metrics: { metric: Metric; chart: string; title: string; format: (v: number) => string; note: string }[] = [
    { metric: 'energyJ', chart: 'energy', title: 'Energy per inference', format: siFormat('J'), note: 'Σ of the layers = the total.' },
    { metric: 'delayS', chart: 'latency', title: 'Latency per inference (layer-serial)', format: siFormat('s'), note: 'Layers run one after another: Σ of the layers = the total.' },
    { metric: 'areaMm2', chart: 'area', title: 'Area', format: (v) => formatMm2(v), note: 'Layers plus the tiles\u2019 shared eDRAM, bus and router.' },
  ];
  const out: string[] = [];
  for (const m of metrics) {
    const rows = sides(input).map((s) => ({ label: s.label, segments: segments(s.report, m.metric, colours) }));
    const legendItems = m.metric === 'areaMm2' && rows.some((r) => r.segments.some((g) => g.name === SHARED_AREA_NAME))
      ? [...items, { label: SHARED_AREA_NAME, colour: SHARED_COLOUR }]
      : items;
    out.push(`<h3>${esc(m.title)}</h3>`, `<p class="note">${esc(m.note)}</p>`,
      stackedChart({ chart: m.chart, title: m.title, unit: '', rows, legend: legendItems, format: m.format }));
  }
  return out;
}

function nfChart(input: ReportPageInput): string[] {
  const names = [...layerColours(input.head, input.base).keys()];
  const nfOf = (r: NaxReport | undefined, n: string) => {
    const v = r?.layers.find((l) => l.name === n)?.nf?.mean;
    return v === undefined ? undefined : v * 100;
  };
  const rows = names.map((n) => ({ label: n, values: input.base ? [nfOf(input.base, n), nfOf(input.head, n)] : [nfOf(input.head, n)] }));
  if (!rows.some((r) => r.values.some((v) => v !== undefined))) return ['<p class="note">No NF: this report has no simulation (cost only).</p>'];
  const series: LegendItem[] = input.base
    ? [{ label: 'base', colour: PALETTE[0]! }, { label: 'head', colour: PALETTE[1]! }]
    : [{ label: 'head', colour: PALETTE[1]! }];
  return [
    '<p class="note">Mean non-ideality factor NF = (I<sub>ideal</sub> − I<sub>non-ideal</sub>) / I<sub>ideal</sub> of the column currents, in %.</p>',
    groupedChart({ chart: 'nf', title: 'NF per layer', series, rows, format: (v) => `${v.toFixed(2)} %` }),
  ];
}

function chipRow(label: string, r: NaxReport, colour: string): ChipRow | undefined {
  const a = r.accuracy?.nonIdeal;
  if (!a || a.samples.length === 0) return undefined;
  return {
    label,
    colour,
    samplesPct: a.samples.map((s) => s * 100),
    meanPct: a.mean * 100,
    ...(a.ci95 ? { ci95Pct: { low: a.ci95.low * 100, high: a.ci95.high * 100 } } : {}),
  };
}

function accuracySection(input: ReportPageInput): string[] {
  const rows = sides(input)
    .map((s, i) => chipRow(s.label, s.report, input.base ? PALETTE[i]! : PALETTE[1]!))
    .filter((r): r is ChipRow => r !== undefined);
  if (rows.length === 0) return ['<p class="note">No accuracy: this report has no simulation (cost only).</p>'];
  const d = input.head.accuracy?.delta;
  const delta = d
    ? `<p class="note">Δ non-ideal accuracy head − base: <b>${esc(signedPp(d.pp))}</b>, 95 % interval [${esc(signedPp(d.ciLowPp))}, ` +
      `${esc(signedPp(d.ciHighPp))}] (${esc(d.method)}; ${formatCount(d.images)} images × ${formatCount(d.chips)} chips; ` +
      `minimum detectable effect ${d.mdePp.toFixed(2)} pp).</p>`
    : '';
  return [delta, chipsChart({ chart: 'accuracy', title: 'Non-ideal accuracy per chip', rows })];
}

function signedPp(v: number): string {
  return `${v > 0 ? '+' : ''}${v.toFixed(2)} pp`;
}

function accuracyText(r: NaxReport | undefined): string {
  const a = r?.accuracy?.nonIdeal;
  if (!a) return '—';
  const ci = a.ci95 ? ` [${(a.ci95.low * 100).toFixed(2)}, ${(a.ci95.high * 100).toFixed(2)}]` : '';
  return `${formatPct(a.mean * 100)}${ci}`;
}

function totalsTable(input: ReportPageInput): string {
  const b = input.base;
  const h = input.head;
  const t = (r: NaxReport | undefined): CostTotals | undefined => r?.totals;
  const rows: [string, string | undefined, string, string | undefined][] = [
    ['Accuracy, ideal (float)', b?.accuracy ? formatPct(b.accuracy.ideal * 100) : '—', h.accuracy ? formatPct(h.accuracy.ideal * 100) : '—', undefined],
    ['Accuracy, non-ideal (mean [95 % CI])', accuracyText(b), accuracyText(h), h.accuracy?.delta ? signedPp(h.accuracy.delta.pp) : undefined],
    ['Energy / inference', formatSi(t(b)?.energyJ, 'J'), formatSi(h.totals.energyJ, 'J'), change(t(b)?.energyJ, h.totals.energyJ)],
    ['Latency / inference', formatSi(t(b)?.delayS, 's'), formatSi(h.totals.delayS, 's'), change(t(b)?.delayS, h.totals.delayS)],
    ['Area', formatMm2(t(b)?.areaMm2), formatMm2(h.totals.areaMm2), change(t(b)?.areaMm2, h.totals.areaMm2)],
    ['EDAP (J·s·mm²)', formatEdap(t(b)?.edap), formatEdap(h.totals.edap), change(t(b)?.edap, h.totals.edap)],
    ['Crossbars', formatCount(t(b)?.crossbars), formatCount(h.totals.crossbars), change(t(b)?.crossbars, h.totals.crossbars)],
  ];
  const head = b ? '<tr><th>Metric</th><th>Base</th><th>Head</th><th>Δ</th></tr>' : '<tr><th>Metric</th><th>Value</th></tr>';
  const body = rows.map(([m, bv, hv, d]) => b
    ? `<tr><td>${esc(m)}</td><td>${esc(bv ?? '—')}</td><td>${esc(hv)}</td><td>${esc(d ?? '')}</td></tr>`
    : `<tr><td>${esc(m)}</td><td>${esc(hv)}</td></tr>`);
  return `<table class="totals">${head}${body.join('')}</table>`;
}

function change(b: number | undefined, h: number): string | undefined {
  if (b === undefined) return undefined;
  return formatChangePct(b === 0 ? (h === 0 ? 0 : Infinity) : ((h - b) / b) * 100);
}

function layerRows(r: NaxReport): string {
  const t = r.totals;
  const rows = r.cost.layers.map((l) => {
    const nf = r.layers.find((x) => x.name === l.name)?.nf?.mean;
    return `<tr><td><code>${esc(l.name)}</code></td><td>${formatCount(l.crossbars)}</td><td>${formatCount(l.adcs)}</td>` +
      `<td>${esc(formatMm2(l.areaBreakdownMm2?.adc))}</td><td>${share(l.energyJ, t.energyJ)}</td><td>${share(l.delayS, t.delayS)}</td>` +
      `<td>${share(l.areaMm2, t.areaMm2)}</td><td>${esc(formatNf(nf))}</td></tr>`;
  });
  rows.push(`<tr><td>${esc(SHARED_AREA_NAME)}</td><td></td><td></td><td></td><td>—</td><td>—</td>` +
    `<td>${share(r.cost.totals.tileSharedAreaMm2 ?? 0, t.areaMm2)}</td><td></td></tr>`);
  return `<table class="layers"><tr><th>Layer</th><th>Crossbars</th><th>ADCs</th><th>ADC area</th><th>Energy share</th>` +
    `<th>Latency share</th><th>Area share</th><th>NF mean</th></tr>${rows.join('')}</table>`;
}

function share(part: number, total: number): string {
  return total > 0 ? `${((part / total) * 100).toFixed(1)} %` : '—';
}

function meta(input: ReportPageInput): string {
  const h = input.head;
  const s = h.settings;
  const settings = s
    ? `seed ${s.seed}, ${s.monteCarloSamples} Monte Carlo sample${s.monteCarloSamples === 1 ? '' : 's'}, ${formatCount(s.evalImages)} images, IR drop ${esc(s.irDrop)}`
    : 'cost only, no simulation';
  const commits = input.base
    ? `base <code>${esc(shortSha(input.base.commit))}</code> → head <code>${esc(shortSha(h.commit))}</code>`
    : `commit <code>${esc(shortSha(h.commit))}</code>`;
  return `<p class="meta">${commits} · ${settings} · backend ${esc(h.backend)} · nax ${esc(h.tool.version)}</p>`;
}

/** The HTML report of one simulation, or of a comparison when `base` is given. */
export function renderReportHtml(input: ReportPageInput): string {
  return page(`nax report — ${input.title}`, [
    `<h1>nax report: <code>${esc(input.title)}</code></h1>`,
    meta(input),
    totalsTable(input),
    '<h2>Cost per layer</h2>',
    '<p class="note">Stacked bars: each segment is a layer\u2019s part of the network total; EDAP = energy × latency × area of the ' +
      'whole network, a product of these sums.</p>',
    ...costCharts(input),
    '<h2>Non-ideality factor per layer</h2>',
    ...nfChart(input),
    '<h2>Accuracy per chip</h2>',
    ...accuracySection(input),
    '<h2>Per-layer table (head)</h2>',
    layerRows(input.head),
  ]);
}

/** The HTML page of a search's pareto.json: the Pareto scatter and the candidate table. */
export function renderParetoHtml(doc: ParetoDocument, title: string): string {
  const front = new Set(doc.front);
  const points = doc.candidates.map((c) => ({
    id: c.id, label: c.label, kind: c.kind, accuracyPct: c.accuracy * 100, edap: c.edap, onFront: front.has(c.id), best: c.id === doc.best,
  }));
  const rows = doc.candidates.map((c) => `<tr><td>${esc(c.label)}${c.id === doc.best ? ' ★' : ''}</td><td>${esc(c.kind)}</td>` +
    `<td>${esc(formatPct(c.accuracy * 100))}</td><td>${esc(formatPct(c.idealAccuracy * 100))}</td>` +
    `<td>${c.quantisedAccuracy === undefined ? '—' : esc(formatPct(c.quantisedAccuracy * 100))}</td><td>${esc(formatSi(c.energyJ, 'J'))}</td><td>${esc(formatSi(c.delayS, 's'))}</td>` +
    `<td>${esc(formatMm2(c.areaMm2))}</td><td>${esc(formatEdap(c.edap))}</td><td>${front.has(c.id) ? 'yes' : ''}</td></tr>`);
  const best = doc.candidates.find((c) => c.id === doc.best);
  return page(`nax search — ${title}`, [
    `<h1>nax search: <code>${esc(title)}</code></h1>`,
    `<p class="meta">${doc.candidates.length} candidates · objective ${esc(doc.objective)} · ` +
      (best ? `proposed: <b>${esc(best.label)}</b> (${!doc.candidates.some((c) => c.kind === 'committed') ? 'the committed model was not evaluated' : doc.beatsCommitted ? 'beats' : 'does not beat'}${doc.candidates.some((c) => c.kind === 'committed') ? ' the committed model' : ''})` : 'no candidate proposed') + '</p>',
    '<h2>Non-ideal accuracy vs EDAP</h2>',
    paretoChart({ chart: 'pareto', title: 'Non-ideal accuracy vs EDAP', points }),
    '<h2>Candidates</h2>',
    `<table class="candidates"><tr><th>Candidate</th><th>Kind</th><th>Non-ideal acc.</th><th>Ideal acc.</th><th>Quantised acc.</th><th>Energy</th><th>Latency</th><th>Area</th>` +
      `<th>EDAP J·s·mm²</th><th>Front</th></tr>${rows.join('')}</table>`,
  ]);
}

/** Where the HTML report of a report file goes: next to it, `.json` replaced by `.html`. */
export function htmlReportPath(reportPath: string): string {
  return `${reportPath.replace(/\.json$/i, '')}.html`;
}
