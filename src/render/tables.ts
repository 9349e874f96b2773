/**
 * The tables and sentences of a rendering, as plain cell strings: the markdown renderer wraps them with
 * markdown-table, the text renderer pads them into columns. Untrusted names pass through `name`, so the
 * markdown side can make them code spans.
 */
import type { BudgetId } from '../config/budgets.js';
import type { LayerMapping } from '../config/mapping.js';
import type { BudgetResult, BudgetStatus, Comparison, Delta, LayerComparison, NonIdealAccuracy, Verdict } from '../compare/comparison.js';
import {
  formatChangePct,
  formatCount,
  formatEdap,
  formatLimit,
  formatMm2,
  formatPct,
  formatPctInterval,
  formatPp,
  formatPpInterval,
  formatSi,
} from './format.js';

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

/** Mean with its 95 % interval over images × chips when known; otherwise ± the chip std (older reports). */
function accuracyWithSpread(a: NonIdealAccuracy | undefined): string {
  if (a === undefined) return '—';
  if (a.ciLowPct !== undefined && a.ciHighPct !== undefined) return `${formatPct(a.meanPct)} ${formatPctInterval(a.ciLowPct, a.ciHighPct)}`;
  return a.stdPct === undefined ? formatPct(a.meanPct) : `${a.meanPct.toFixed(2)} ± ${a.stdPct.toFixed(2)} %`;
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
    const n = t.nonIdealHead?.samples;
    const chips = n === undefined ? '' : `, ${n} chip${n === 1 ? '' : 's'}`;
    const d = t.accuracyDelta;
    rows.push({
      label: t.nonIdealHead?.ciLowPct !== undefined
        ? `Accuracy, non-ideal (mean [95 % CI]${chips}${d ? `, ${formatCount(d.images)} images` : ''})`
        : `Accuracy, non-ideal (mean ± std${chips})`,
      base: accuracyWithSpread(t.nonIdealBase),
      head: accuracyWithSpread(t.nonIdealHead),
      change: d ? formatPpInterval(d.pp, d.ciLowPp, d.ciHighPp) : formatPp(t.accuracyNonIdealPct.diff),
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

function valueWithChange(d: Delta, f: (v: number | undefined) => string, change: LayerComparison['change']): string {
  if (change === 'removed') return `${f(d.base)} (removed)`;
  if (change === 'added' || d.changePct === undefined) return f(d.head);
  if (d.changePct === 0) return f(d.head);
  return `${f(d.head)} (${formatChangePct(d.changePct)})`;
}

/** Per-layer table: header + one row per layer. */
export function layerTable(c: Comparison, opts: { readonly name: NameStyle; readonly withBase: boolean }): string[][] {
  const header = opts.withBase
    ? ['Layer', 'Change', 'Mapping', 'Crossbars', 'Energy', 'Latency', 'Area', 'EDAP base', 'EDAP head', 'EDAP Δ', 'NF mean']
    : ['Layer', 'Mapping', 'Crossbars', 'Energy', 'Latency', 'Area', 'EDAP', 'NF mean'];
  const rows = c.layers.map((l) => {
    const mapping = l.change === 'changed' && mappingText(l.baseMapping) !== mappingText(l.headMapping)
      ? `${mappingText(l.baseMapping)} → ${mappingText(l.headMapping)}`
      : mappingText(l.headMapping ?? l.baseMapping);
    const nf = (v: number | undefined) => (v === undefined ? '—' : v.toFixed(4));
    const nfMoved = l.nfMean.base !== undefined && l.nfMean.head !== undefined && nf(l.nfMean.base) !== nf(l.nfMean.head);
    const nfText = nfMoved ? `${nf(l.nfMean.base)} → ${nf(l.nfMean.head)}` : nf(l.nfMean.head ?? l.nfMean.base);
    const crossbars = l.crossbars.base !== undefined && l.crossbars.head !== undefined && l.crossbars.base !== l.crossbars.head
      ? `${formatCount(l.crossbars.base)} → ${formatCount(l.crossbars.head)}`
      : formatCount(l.crossbars.head ?? l.crossbars.base);
    if (!opts.withBase) {
      return [opts.name(l.name), mapping, crossbars, formatSi(l.energyJ.head, 'J'), formatSi(l.delayS.head, 's'),
        formatMm2(l.areaMm2.head), formatEdap(l.edap.head), nfText];
    }
    const hidden = l.changedFields.filter((f) => !MAPPING_TEXT_FIELDS.some((v) => f.startsWith(`${v} `)));
    const changeText = hidden.length > 0 ? `${CHANGE_TEXT[l.change]}: ${hidden.join(', ')}` : CHANGE_TEXT[l.change];
    return [
      opts.name(l.name),
      changeText,
      mapping,
      crossbars,
      valueWithChange(l.energyJ, (v) => formatSi(v, 'J'), l.change),
      valueWithChange(l.delayS, (v) => formatSi(v, 's'), l.change),
      valueWithChange(l.areaMm2, formatMm2, l.change),
      formatEdap(l.edap.base),
      formatEdap(l.edap.head),
      l.change === 'added' ? 'added' : l.change === 'removed' ? 'removed' : formatChangePct(l.edap.changePct),
      nfText,
    ];
  });
  return [header, ...rows];
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
