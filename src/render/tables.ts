/**
 * The tables and sentences of a rendering, as plain cell strings: the markdown renderer wraps them with
 * markdown-table, the text renderer pads them into columns. Untrusted names pass through `name`, so the
 * markdown side can make them code spans.
 */
import type { BudgetId } from '../config/budgets.js';
import type { LayerMapping } from '../config/mapping.js';
import type {
  BudgetResult,
  BudgetStatus,
  Comparison,
  Delta,
  LayerComparison,
  NonIdealAccuracy,
  Verdict,
} from '../compare/comparison.js';
import {
  formatChangePct,
  formatCount,
  formatEdap,
  formatLimit,
  formatMm2,
  formatPct,
  formatNf,
  formatPp,
  formatShare,
  formatSi,
} from './format.js';
import {
  type Shares,
  edapContributionPp,
  layerShares,
  sharedContributionPp,
  sharedShares,
} from './layer-shares.js';

/** Decorates an untrusted name (a code span in markdown, as is in text). */
export type NameStyle = (name: string) => string;

export interface VerdictHeadline {
  readonly icon: string;
  readonly title: string;
}

export function verdictHeadline(c: Comparison): VerdictHeadline {
  if (c.acknowledged && c.budgetVerdict === 'fail') return { icon: '⚠️', title: 'over budget, acknowledged' };
  const titles: Record<Verdict, VerdictHeadline> = {
    pass: { icon: '✅', title: 'within budget' },
    warn: { icon: '⚠️', title: c.acknowledged ? 'warning, acknowledged' : 'warning' },
    fail: { icon: '❌', title: 'over budget' },
    'no-baseline': { icon: '➖', title: 'no baseline' },
  };
  return titles[c.verdict];
}

export const STATUS_ICON: Readonly<Record<BudgetStatus, string>> = {
  ok: '✅',
  warn: '⚠️',
  fail: '❌',
  unchecked: '➖',
};

const BUDGET_LABEL: Readonly<Record<BudgetId, string>> = {
  maxEdapIncreasePct: 'EDAP increase',
  maxEdap: 'EDAP ceiling',
  maxAccuracyDropPp: 'non-ideal accuracy drop',
  minAccuracyPct: 'non-ideal accuracy minimum',
};

const BUDGET_UNIT: Readonly<Record<BudgetId, '%change' | 'pp' | '%' | 'edap'>> = {
  maxEdapIncreasePct: '%change',
  maxEdap: 'edap',
  maxAccuracyDropPp: 'pp',
  minAccuracyPct: '%',
};

const BUDGET_SYMBOL: Readonly<Record<BudgetId, string>> = {
  maxEdapIncreasePct: 'Δ ≤',
  maxEdap: '≤',
  maxAccuracyDropPp: 'drop ≤',
  minAccuracyPct: '≥',
};

/** A budget's limits: 'Δ ≤ +2 % warn, +5 % fail'. Empty when no tier is set. */
export function budgetLimitText(r: BudgetResult): string {
  const parts: string[] = [];
  if (r.tiers.warn !== undefined) parts.push(`${formatLimit(r.tiers.warn, BUDGET_UNIT[r.id])} warn`);
  if (r.tiers.fail !== undefined) parts.push(`${formatLimit(r.tiers.fail, BUDGET_UNIT[r.id])} fail`);
  return parts.length === 0 ? '' : `${BUDGET_SYMBOL[r.id]} ${parts.join(', ')}`;
}

/**
 * One sentence per breached budget, e.g. 'EDAP increase +8.12 % exceeds the fail budget +5 %'. Used by the
 * comment, the log and the annotations.
 */
export function breachSentence(r: BudgetResult): string {
  const tier = r.status === 'fail' ? 'fail' : 'warn';
  const limit = r.tiers[tier];
  const lim = limit === undefined ? '' : formatLimit(limit, BUDGET_UNIT[r.id]);
  const a = r.actual ?? NaN;
  switch (r.id) {
    case 'maxEdapIncreasePct':
      return `EDAP increase ${formatChangePct(a)} exceeds the ${tier} budget ${lim}`;
    case 'maxEdap':
      return `EDAP ${formatEdap(a)} J·s·mm² exceeds the ${tier} ceiling ${lim}`;
    case 'maxAccuracyDropPp':
      return `non-ideal accuracy ${a >= 0 ? 'dropped' : 'changed'} ${Math.abs(a).toFixed(2)} pp, over the ${tier} budget ${lim}`;
    case 'minAccuracyPct':
      return `non-ideal accuracy ${formatPct(a)} is below the ${tier} minimum ${lim}`;
  }
}

export function budgetLabel(id: BudgetId): string {
  return BUDGET_LABEL[id];
}

/** Worst status among the checked budgets of a row; undefined when none of them has a tier set. */
function worstStatus(results: readonly BudgetResult[]): BudgetResult | undefined {
  const order: BudgetStatus[] = ['fail', 'warn', 'ok', 'unchecked'];
  const set = results.filter((r) => r.tiers.warn !== undefined || r.tiers.fail !== undefined);
  return [...set].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status))[0];
}

export function statusCell(results: readonly BudgetResult[]): string {
  const w = worstStatus(results);
  if (!w) return '';
  if (w.status === 'unchecked') return `${STATUS_ICON.unchecked} ${w.reason ?? 'unchecked'}`;
  return `${STATUS_ICON[w.status]} ${w.status}`;
}

interface TotalsRowSpec {
  readonly label: string;
  readonly base: string;
  readonly head: string;
  readonly change: string;
  readonly budgets: readonly BudgetResult[];
}

function pick(c: Comparison, ids: readonly BudgetId[]): BudgetResult[] {
  return c.budgets.filter((b) => ids.includes(b.id));
}

function interval(low: number, high: number): string {
  const f = (v: number) => (v > 0 ? `+${v.toFixed(2)}` : v.toFixed(2));
  return `${f(low)}, ${f(high)}`;
}

/** '96.17 % [95.40, 96.90]' with a 95 % interval, '96.17 ± 0.29 %' without one (older reports). */
function accuracyCell(a: NonIdealAccuracy | undefined): string {
  if (!a) return '—';
  if (a.ci95Pct) return `${a.meanPct.toFixed(2)} % [${a.ci95Pct.low.toFixed(2)}, ${a.ci95Pct.high.toFixed(2)}]`;
  return a.stdPct !== undefined ? `${a.meanPct.toFixed(2)} ± ${a.stdPct.toFixed(2)} %` : formatPct(a.meanPct);
}

function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

function nonIdealLabel(c: Comparison): string {
  const h = c.totals.nonIdealHead;
  const ci = h?.ci95Pct;
  if (ci) return `Accuracy, non-ideal (mean [95 % CI], ${plural(ci.chips, 'chip')} × ${plural(ci.images, 'image')})`;
  const n = h?.samples;
  return `Accuracy, non-ideal (mean ± std${n === undefined ? '' : `, ${plural(n, 'chip')}`})`;
}

function totalsSpecs(c: Comparison): TotalsRowSpec[] {
  const t = c.totals;
  const rows: TotalsRowSpec[] = [];
  if (t.accuracyIdealPct) {
    rows.push({
      label: 'Accuracy, ideal (float)',
      base: formatPct(t.accuracyIdealPct.base),
      head: formatPct(t.accuracyIdealPct.head),
      change: formatPp(t.accuracyIdealPct.diff),
      budgets: [],
    });
  }
  if (t.accuracyNonIdealPct) {
    rows.push({
      label: nonIdealLabel(c),
      base: accuracyCell(t.nonIdealBase),
      head: accuracyCell(t.nonIdealHead),
      change: t.accuracyDelta
        ? `${formatPp(t.accuracyDelta.pp)} [${interval(t.accuracyDelta.ciLowPp, t.accuracyDelta.ciHighPp)}]`
        : formatPp(t.accuracyNonIdealPct.diff),
      budgets: pick(c, ['maxAccuracyDropPp', 'minAccuracyPct']),
    });
  }
  const rel = (d: Delta, f: (v: number | undefined) => string, label: string, ids: BudgetId[] = []): TotalsRowSpec => ({
    label, base: f(d.base), head: f(d.head), change: formatChangePct(d.changePct), budgets: pick(c, ids),
  });
  rows.push(rel(t.energyJ, (v) => formatSi(v, 'J'), 'Energy / inference'));
  rows.push(rel(t.delayS, (v) => formatSi(v, 's'), 'Latency / inference'));
  rows.push(rel(t.areaMm2, formatMm2, 'Area'));
  rows.push(rel(t.edap, formatEdap, 'EDAP (J·s·mm²)', ['maxEdapIncreasePct', 'maxEdap']));
  rows.push(rel(t.crossbars, formatCount, 'Crossbars'));
  return rows;
}

function budgetCell(results: readonly BudgetResult[], separator: string): string {
  return results
    .map((r) => {
      const limits = budgetLimitText(r);
      return limits && r.status === 'unchecked' ? `${limits} (unchecked: ${r.reason ?? 'no value'})` : limits;
    })
    .filter((s) => s.length > 0)
    .join(separator);
}

/**
 * The totals table: header + rows. With a baseline: Metric, Base, Head, Δ, Budget, Status; without one:
 * Metric, Head, Budget, Status.
 */
export function totalsTable(
  c: Comparison,
  opts: { readonly baseLabel: string; readonly headLabel: string; readonly lineBreak: string },
): string[][] {
  const specs = totalsSpecs(c);
  if (!c.hasBaseline) {
    return [
      ['Metric', opts.headLabel, 'Budget', 'Status'],
      ...specs.map((s) => [s.label, s.head, budgetCell(s.budgets, opts.lineBreak), statusCell(s.budgets)]),
    ];
  }
  return [
    ['Metric', opts.baseLabel, opts.headLabel, 'Δ', 'Budget', 'Status'],
    ...specs.map((s) => [s.label, s.base, s.head, s.change, budgetCell(s.budgets, opts.lineBreak), statusCell(s.budgets)]),
  ];
}

/** Compact mapping: '64×64 w8 2b/cell adc7'. */
export function mappingText(m: LayerMapping | undefined): string {
  if (!m) return '—';
  return `${m.rows}×${m.cols} w${m.weightBits} ${m.bitsPerCell}b/cell adc${m.adcBits}`;
}

/** Mapping fields mappingText shows; other changed fields are listed in the Change column. */
const MAPPING_TEXT_FIELDS = ['rows', 'cols', 'weightBits', 'bitsPerCell', 'adcBits'];

const CHANGE_TEXT: Readonly<Record<LayerComparison['change'], string>> = {
  unchanged: '',
  changed: 'changed',
  added: 'added',
  removed: 'removed',
};

/**
 * 'a → b' when the two texts differ, else the one text; a missing side shows as added/removed. A unit both
 * share is written once: '25.5 → 31.0 %'.
 */
function moved(base: string | undefined, head: string | undefined, change: LayerComparison['change']): string {
  if (change === 'removed' || head === undefined) return `${base ?? '—'} (removed)`;
  if (change === 'added' || base === undefined || base === head) return head;
  const unit = / (%|mm²)$/.exec(head)?.[0];
  return unit && base.endsWith(unit) ? `${base.slice(0, -unit.length)} → ${head}` : `${base} → ${head}`;
}

/** A share cell: '25.5 → 31.0 %' (base → head), one share when it did not move, '8.0 % (removed)'. */
function shareCell(l: LayerComparison, pickShare: (s: Shares) => number, c: Comparison): string {
  const b = layerShares(l, c, 'base');
  const h = layerShares(l, c, 'head');
  const bs = b ? formatShare(pickShare(b)) : undefined;
  const hs = h ? formatShare(pickShare(h)) : undefined;
  if (l.change === 'removed') return `${bs ?? '—'} (removed)`;
  return c.hasBaseline ? moved(bs, hs ?? '—', 'changed') : (hs ?? '—');
}

function countCell(d: Delta, change: LayerComparison['change']): string {
  return moved(d.base === undefined ? undefined : formatCount(d.base), d.head === undefined ? undefined : formatCount(d.head), change);
}

function adcCell(l: LayerComparison): string {
  if (l.adcs.base === undefined && l.adcs.head === undefined) return '—';
  const area = moved(
    l.adcAreaMm2.base === undefined ? undefined : formatMm2(l.adcAreaMm2.base),
    l.adcAreaMm2.head === undefined ? undefined : formatMm2(l.adcAreaMm2.head),
    l.change,
  ).replace(' (removed)', '');
  return `${countCell(l.adcs, l.change).replace(' (removed)', '')} · ${area}`;
}

/**
 * Per-layer table: header, one row per layer, a row for the tiles' shared area and a total row. Energy,
 * latency and area are shares of the network totals (they add up to 100 %; the total row gives the values);
 * EDAP is a share too (see layer-shares.ts), plus, with a baseline, each layer's first-order contribution to
 * the change of total EDAP. NF in %.
 */
export function layerTable(c: Comparison, opts: { readonly name: NameStyle; readonly withBase: boolean }): string[][] {
  const header = opts.withBase
    ? ['Layer', 'Change', 'Mapping', 'Crossbars', 'ADCs · area', 'Energy share', 'Latency share', 'Area share', 'EDAP share', 'EDAP Δ part', 'NF mean']
    : ['Layer', 'Mapping', 'Crossbars', 'ADCs · area', 'Energy share', 'Latency share', 'Area share', 'EDAP share', 'NF mean'];
  const rows = c.layers.map((l) => {
    const mapping = l.change === 'changed' && mappingText(l.baseMapping) !== mappingText(l.headMapping)
      ? `${mappingText(l.baseMapping)} → ${mappingText(l.headMapping)}`
      : mappingText(l.headMapping ?? l.baseMapping);
    const nfText = moved(
      l.nfMean.base === undefined ? undefined : formatNf(l.nfMean.base),
      l.nfMean.head === undefined ? undefined : formatNf(l.nfMean.head),
      opts.withBase ? l.change : 'unchanged',
    ).replace(' (removed)', '');
    const crossbars = countCell(l.crossbars, opts.withBase ? l.change : 'unchanged').replace(' (removed)', '');
    const energy = shareCell(l, (s) => s.energy, c);
    const latency = shareCell(l, (s) => s.latency, c);
    const area = shareCell(l, (s) => s.area, c);
    const edap = moved(
      c.hasBaseline ? shareText(layerShares(l, c, 'base')?.edap) : undefined,
      shareText(layerShares(l, c, 'head')?.edap),
      opts.withBase ? l.change : 'unchanged',
    );
    if (!opts.withBase) return [opts.name(l.name), mapping, crossbars, adcCell(l), energy, latency, area, edap, nfText];
    const hidden = l.changedFields.filter((f) => !MAPPING_TEXT_FIELDS.some((v) => f.startsWith(`${v} `)));
    const changeText = hidden.length > 0 ? `${CHANGE_TEXT[l.change]}: ${hidden.join(', ')}` : CHANGE_TEXT[l.change];
    return [opts.name(l.name), changeText, mapping, crossbars, adcCell(l), energy, latency, area, edap,
      formatPp(edapContributionPp(l, c)), nfText];
  });
  return [header, ...rows, ...sharedAndTotalRows(c, opts.withBase)];
}

function shareText(fraction: number | undefined): string | undefined {
  return fraction === undefined ? undefined : formatShare(fraction);
}

/** The tiles' shared area (when there is any) and the totals, which show that the shares add up. */
function sharedAndTotalRows(c: Comparison, withBase: boolean): string[][] {
  const out: string[][] = [];
  const b = withBase ? sharedShares(c, 'base') : undefined;
  const h = sharedShares(c, 'head');
  if ((h?.area ?? 0) > 0 || (b?.area ?? 0) > 0) {
    const area = moved(shareText(b?.area), shareText(h?.area) ?? '—', 'changed');
    const edap = moved(shareText(b?.edap), shareText(h?.edap) ?? '—', 'changed');
    out.push(withBase
      ? ['tiles: eDRAM, bus, router', '', '', '', '', '—', '—', area, edap, formatPp(sharedContributionPp(c)), '']
      : ['tiles: eDRAM, bus, router', '', '', '', '—', '—', area, edap, '']);
  }
  const t = c.totals;
  const sumParts = withBase
    ? c.layers.reduce((s, l) => s + (edapContributionPp(l, c) ?? 0), sharedContributionPp(c) ?? 0)
    : undefined;
  const totalCell = (d: Delta, f: (v: number | undefined) => string) => `100 % (${f(d.head)})`;
  const crossbars = formatCount(t.crossbars.head);
  const adcs = c.layers.reduce((s, l) => s + (l.adcs.head ?? 0), 0);
  const adcArea = c.layers.reduce((s, l) => s + (l.adcAreaMm2.head ?? 0), 0);
  const row = ['total', ...(withBase ? [''] : []), '', crossbars, `${formatCount(adcs)} · ${formatMm2(adcArea)}`,
    totalCell(t.energyJ, (v) => formatSi(v, 'J')), totalCell(t.delayS, (v) => formatSi(v, 's')), totalCell(t.areaMm2, formatMm2),
    '100 %', ...(withBase ? [`${formatPp(sumParts)} (exact ${formatChangePct(t.edap.changePct)})`] : []), ''];
  out.push(row);
  return out;
}

/** 'n layers: a changed, b added, c removed'. */
export function layerCountsText(c: Comparison): string {
  const count = (k: LayerComparison['change']) => c.layers.filter((l) => l.change === k).length;
  const parts = [`${c.layers.length} layer${c.layers.length === 1 ? '' : 's'}`];
  if (c.hasBaseline) parts.push(`${count('changed')} changed, ${count('added')} added, ${count('removed')} removed`);
  return parts.join(': ');
}

/** How the simulation settings read in one phrase: 'seed 1, 3 Monte Carlo samples, 1,000 images, IR drop fast'. */
export function settingsText(c: Comparison): string {
  const s = c.headSettings;
  if (!s) return 'cost only, no simulation';
  return `seed ${s.seed}, ${s.monteCarloSamples} Monte Carlo sample${s.monteCarloSamples === 1 ? '' : 's'}, ` +
    `${formatCount(s.evalImages)} images, IR drop ${s.irDrop}`;
}
