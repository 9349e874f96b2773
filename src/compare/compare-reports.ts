/**
 * Base vs head: totals and per-layer deltas, each budget's status, and the verdict. Pure: reads the two
 * reports and the budgets, nothing else.
 */
import { BUDGET_DIRECTION, BUDGET_IDS, type BudgetId, type BudgetTiers, type Budgets } from '../config/budgets.js';
import type { LayerMapping } from '../config/mapping.js';
import type { LayerCost } from '../cost/types.js';
import type { LayerReport, NaxReport } from '../report.js';
import { type PairedAccuracy, accuracyStats, pairedAccuracy } from '../stats/accuracy-stats.js';
import { designToResolve } from '../stats/paired-interval.js';
import type {
  Acknowledgement,
  BudgetResolution,
  BudgetResult,
  BudgetStatus,
  Comparison,
  Delta,
  LayerComparison,
  NonIdealAccuracy,
  TotalsComparison,
  Verdict,
} from './comparison.js';

export interface CompareOptions {
  /** An accepted regression: a fail verdict becomes 'warn', and the comment says it was acknowledged. */
  readonly acknowledgement?: Acknowledgement;
}

/** Layers singled out for a budget without a baseline (the largest contributors). */
const TOP_CONTRIBUTORS = 3;

/** Compares `head` with `base` (undefined: no baseline) under `budgets`. */
export function compareReports(
  base: NaxReport | undefined,
  head: NaxReport,
  budgets: Budgets,
  options: CompareOptions = {},
): Comparison {
  const paired = pairedComparison(base, head);
  const totals = compareTotals(base, head, paired);
  const layers = compareLayers(base, head);
  const results = BUDGET_IDS.map((id) => checkBudget(id, budgets[id], { base, totals, layers, paired }));
  const budgetVerdict = verdictOf(results, base !== undefined);
  const acknowledgeable = budgetVerdict === 'fail' || budgetVerdict === 'warn';
  const acknowledged = acknowledgeable ? options.acknowledgement : undefined;
  return {
    verdict: acknowledged && budgetVerdict === 'fail' ? 'warn' : budgetVerdict,
    budgetVerdict,
    ...(acknowledged ? { acknowledged } : {}),
    hasBaseline: base !== undefined,
    totals,
    layers,
    budgets: results,
    budgetLimits: budgets,
    changedInputs: base ? changedInputs(base, head) : [],
    unpairedSettings: base ? unpairedSettings(base, head) : [],
    ...(head.settings ? { headSettings: head.settings } : {}),
  };
}

/** The paired Δ accuracy, when both reports hold per-image correctness of the same images and chips. */
function pairedComparison(base: NaxReport | undefined, head: NaxReport): PairedAccuracy | undefined {
  const b = base?.accuracy?.nonIdeal;
  const h = head.accuracy?.nonIdeal;
  if (!b || !h || !base?.settings || !head.settings) return undefined;
  if (base.inputs.evalSet?.sha256 !== head.inputs.evalSet?.sha256) return undefined;
  return pairedAccuracy(b, h, { base: base.settings.evalImages, head: head.settings.evalImages });
}

/** A metric in base and head (either side may be missing). */
export function delta(base: number | undefined, head: number | undefined): Delta {
  if (base === undefined || head === undefined) {
    return { ...(base === undefined ? {} : { base }), ...(head === undefined ? {} : { head }) };
  }
  let changePct: number;
  if (base === 0) changePct = head === 0 ? 0 : head > 0 ? Infinity : -Infinity;
  else changePct = ((head - base) / Math.abs(base)) * 100;
  return { base, head, diff: head - base, changePct };
}

const PERCENT = 100;

function nonIdeal(r: NaxReport | undefined): NonIdealAccuracy | undefined {
  const given = r?.accuracy?.nonIdeal;
  if (!given) return undefined;
  // Statistics are recomputed from the samples and bits, so a report (possibly a PR's artifact) cannot
  // state an interval its data does not support.
  const a = accuracyStats(given.samples, given.sampleSeeds,
    given.correct && r.settings ? { bits: given.correct, images: r.settings.evalImages } : undefined);
  return {
    meanPct: a.mean * PERCENT,
    ...(a.std !== undefined ? { stdPct: a.std * PERCENT } : {}),
    minPct: a.min * PERCENT,
    samples: a.samples.length,
    ...(a.ci95
      ? { ci95Pct: { low: a.ci95.low * PERCENT, high: a.ci95.high * PERCENT, method: a.ci95.method, images: a.ci95.images, chips: a.ci95.chips } }
      : {}),
  };
}

function compareTotals(base: NaxReport | undefined, head: NaxReport, paired: PairedAccuracy | undefined): TotalsComparison {
  const b = base?.totals;
  const h = head.totals;
  const pct = (v: number | undefined) => (v === undefined ? undefined : v * PERCENT);
  const nonIdealBase = nonIdeal(base);
  const nonIdealHead = nonIdeal(head);
  const hasAccuracy = base?.accuracy !== undefined || head.accuracy !== undefined;
  return {
    ...(hasAccuracy
      ? {
          accuracyIdealPct: delta(pct(base?.accuracy?.ideal), pct(head.accuracy?.ideal)),
          accuracyNonIdealPct: delta(nonIdealBase?.meanPct, nonIdealHead?.meanPct),
        }
      : {}),
    ...(nonIdealBase ? { nonIdealBase } : {}),
    ...(nonIdealHead ? { nonIdealHead } : {}),
    ...(paired ? { accuracyDelta: paired.delta } : {}),
    energyJ: delta(b?.energyJ, h.energyJ),
    delayS: delta(b?.delayS, h.delayS),
    areaMm2: delta(b?.areaMm2, h.areaMm2),
    edap: delta(b?.edap, h.edap),
    crossbars: delta(b?.crossbars, h.crossbars),
  };
}

const MAPPING_FIELDS = [
  'rows', 'cols', 'weightBits', 'bitsPerCell', 'inputBits', 'dacBits', 'adcBits', 'signMapping', 'sliceLayout',
  'adcsPerCrossbar', 'calibration', 'adcFullScale', 'baseline',
] as const satisfies readonly (keyof LayerMapping)[];

const SHAPE_FIELDS = ['kind', 'kernelH', 'kernelW', 'inChannels', 'outChannels', 'outH', 'outW', 'strideH', 'strideW'] as const;

interface LayerSide {
  readonly layer: LayerReport;
  readonly cost?: LayerCost;
}

function sides(r: NaxReport): Map<string, LayerSide> {
  const costs = new Map(r.cost.layers.map((c) => [c.name, c]));
  return new Map(r.layers.map((l) => [l.name, { layer: l, cost: costs.get(l.name) }]));
}

function mappingDiff(b: LayerMapping, h: LayerMapping): string[] {
  const out: string[] = [];
  for (const f of MAPPING_FIELDS) {
    if (b[f] !== h[f]) out.push(`${f} ${String(b[f])}→${String(h[f])}`);
  }
  if (b.adcRule !== h.adcRule) out.push(`adcBits ${b.adcRule}→${h.adcRule}`);
  return out;
}

function compareLayer(name: string, b: LayerSide | undefined, h: LayerSide | undefined): LayerComparison {
  const changedFields: string[] = [];
  if (b && h) {
    changedFields.push(...mappingDiff(b.layer.mapping, h.layer.mapping));
    for (const f of SHAPE_FIELDS) {
      if (b.layer.shape[f] !== h.layer.shape[f]) changedFields.push(`${f} ${String(b.layer.shape[f])}→${String(h.layer.shape[f])}`);
    }
    const costMoved = !b.cost || !h.cost || b.cost.energyJ !== h.cost.energyJ || b.cost.delayS !== h.cost.delayS ||
      b.cost.areaMm2 !== h.cost.areaMm2;
    // A cost change with the same mapping and shape comes from another input (technology, cost tables).
    if (changedFields.length === 0 && costMoved) changedFields.push('cost');
  }
  const change = !b ? 'added' : !h ? 'removed' : changedFields.length > 0 ? 'changed' : 'unchanged';
  return {
    name,
    change,
    ...(b ? { baseMapping: b.layer.mapping } : {}),
    ...(h ? { headMapping: h.layer.mapping } : {}),
    changedFields,
    crossbars: delta(b?.cost?.crossbars ?? b?.layer.tiling.crossbars, h?.cost?.crossbars ?? h?.layer.tiling.crossbars),
    adcs: delta(b?.cost?.adcs, h?.cost?.adcs),
    adcAreaMm2: delta(b?.cost?.areaBreakdownMm2?.adc, h?.cost?.areaBreakdownMm2?.adc),
    energyJ: delta(b?.cost?.energyJ, h?.cost?.energyJ),
    delayS: delta(b?.cost?.delayS, h?.cost?.delayS),
    areaMm2: delta(b?.cost?.areaMm2, h?.cost?.areaMm2),
    edap: delta(b?.cost?.edap, h?.cost?.edap),
    nfMean: delta(b?.layer.nf?.mean, h?.layer.nf?.mean),
  };
}

/** Head layers in order; a removed layer goes right after the base layer that preceded it. */
function compareLayers(base: NaxReport | undefined, head: NaxReport): LayerComparison[] {
  const h = sides(head);
  const b = base ? sides(base) : new Map<string, LayerSide>();
  const out = head.layers.map((l) => compareLayer(l.name, b.get(l.name), h.get(l.name)));
  if (!base) return out;
  let anchor = -1;
  for (const l of base.layers) {
    const at = out.findIndex((c) => c.name === l.name);
    if (at >= 0) {
      anchor = at;
      continue;
    }
    anchor += 1;
    out.splice(anchor, 0, compareLayer(l.name, b.get(l.name), undefined));
  }
  return out;
}

interface BudgetContext {
  readonly base: NaxReport | undefined;
  readonly totals: TotalsComparison;
  readonly layers: readonly LayerComparison[];
  readonly paired: PairedAccuracy | undefined;
}

function statusOf(id: BudgetId, tiers: BudgetTiers, actual: number): BudgetStatus {
  const over = (limit: number | undefined) =>
    limit !== undefined && (BUDGET_DIRECTION[id] === 'max' ? actual > limit : actual < limit);
  if (over(tiers.fail)) return 'fail';
  if (over(tiers.warn)) return 'warn';
  return 'ok';
}

function increase(d: Delta): number {
  return d.diff ?? (d.base === undefined ? (d.head ?? 0) : 0);
}

/** Changed or added layers whose cost grew, largest EDAP growth first; without a baseline, the largest EDAPs. */
function edapCulprits(ctx: BudgetContext): string[] {
  if (!ctx.base) {
    return [...ctx.layers].sort((a, b) => (b.edap.head ?? 0) - (a.edap.head ?? 0)).slice(0, TOP_CONTRIBUTORS).map((l) => l.name);
  }
  const grew = (l: LayerComparison) =>
    l.change === 'added' ||
    (l.change === 'changed' && [l.energyJ, l.delayS, l.areaMm2].some((d) => (d.diff ?? 0) > 0));
  return ctx.layers.filter(grew).sort((a, b) => increase(b.edap) - increase(a.edap)).map((l) => l.name);
}

/**
 * Changed or added layers whose non-ideality grew, largest growth first (all changed or added layers when
 * none grew: the drop then comes from elsewhere in them); without a baseline, the largest NFs.
 */
function accuracyCulprits(ctx: BudgetContext): string[] {
  if (!ctx.base) {
    return [...ctx.layers].filter((l) => l.nfMean.head !== undefined)
      .sort((a, b) => (b.nfMean.head ?? 0) - (a.nfMean.head ?? 0)).slice(0, TOP_CONTRIBUTORS).map((l) => l.name);
  }
  const touched = ctx.layers.filter((l) => l.change === 'added' || l.change === 'changed');
  const grew = touched.filter((l) => increase(l.nfMean) > 0);
  return (grew.length > 0 ? grew : touched).sort((a, b) => increase(b.nfMean) - increase(a.nfMean)).map((l) => l.name);
}

function checkBudget(id: BudgetId, tiers: BudgetTiers, ctx: BudgetContext): BudgetResult {
  const unchecked = (reason: string): BudgetResult => ({ id, tiers, status: 'unchecked', reason, layers: [] });
  if (tiers.warn === undefined && tiers.fail === undefined) return unchecked('no budget set');
  let actual: number | undefined;
  const { totals } = ctx;
  switch (id) {
    case 'maxEdapIncreasePct':
      if (!ctx.base) return unchecked('needs a baseline');
      actual = totals.edap.changePct;
      break;
    case 'maxEdap':
      actual = totals.edap.head;
      break;
    case 'maxAccuracyDropPp':
      if (!ctx.base) return unchecked('needs a baseline');
      if (!totals.nonIdealBase || !totals.nonIdealHead) return unchecked('a report has no non-ideal accuracy (cost-only)');
      actual = totals.nonIdealBase.meanPct - totals.nonIdealHead.meanPct;
      break;
    case 'minAccuracyPct':
      if (!totals.nonIdealHead) return unchecked('the head report has no non-ideal accuracy (cost-only)');
      actual = totals.nonIdealHead.meanPct;
      break;
  }
  if (actual === undefined) return unchecked('no value');
  const status = statusOf(id, tiers, actual);
  const culprits = status === 'ok' ? [] : id === 'maxEdap' || id === 'maxEdapIncreasePct' ? edapCulprits(ctx) : accuracyCulprits(ctx);
  const resolution = budgetResolution(id, tiers, ctx);
  return { id, tiers, actual, status, layers: culprits, ...(resolution ? { resolution } : {}) };
}

/** Images and chips nax proposes at most when a budget is finer than the sample can resolve. */
const DESIGN_CAPS = { maxImages: 100_000, maxChips: 64 };

function budgetResolution(id: BudgetId, tiers: BudgetTiers, ctx: BudgetContext): BudgetResolution | undefined {
  let interval: { low: number; high: number } | undefined;
  if (id === 'maxAccuracyDropPp' && ctx.paired) {
    // drop = base − head = −Δ, so its interval is the mirror of Δ's.
    interval = { low: -ctx.paired.delta.ciHighPp, high: -ctx.paired.delta.ciLowPp };
  } else if (id === 'minAccuracyPct') {
    const ci = ctx.totals.nonIdealHead?.ci95Pct;
    if (ci) interval = { low: ci.low, high: ci.high };
  }
  if (!interval) return undefined;
  const tierNames = (['warn', 'fail'] as const).filter((t) => tiers[t] !== undefined);
  const inside = (v: number) => interval.low < v && v < interval.high;
  const inconclusive = tierNames.filter((t) => inside(tiers[t] as number));
  if (id !== 'maxAccuracyDropPp' || !ctx.paired) return { ...interval, inconclusive };
  const { mdePp } = ctx.paired.delta;
  const belowMde = tierNames.filter((t) => (tiers[t] as number) > 0 && (tiers[t] as number) < mdePp);
  if (belowMde.length === 0) return { ...interval, inconclusive, mdePp, belowMde };
  const smallest = Math.min(...belowMde.map((t) => tiers[t] as number));
  const design = designToResolve(smallest / PERCENT, ctx.paired.components,
    { images: ctx.paired.delta.images, chips: ctx.paired.delta.chips }, DESIGN_CAPS);
  return { ...interval, inconclusive, mdePp, belowMde, resolvingDesign: design ?? null };
}

/**
 * A failed budget fails even without a baseline (absolute budgets still hold); otherwise a missing
 * baseline is said plainly rather than passed.
 */
function verdictOf(results: readonly BudgetResult[], hasBaseline: boolean): Verdict {
  if (results.some((r) => r.status === 'fail')) return 'fail';
  if (!hasBaseline) return 'no-baseline';
  return results.some((r) => r.status === 'warn') ? 'warn' : 'pass';
}

const INPUT_NAMES = ['config', 'model', 'mapping', 'technology', 'evalSet', 'calibrationSet'] as const;

function changedInputs(base: NaxReport, head: NaxReport): string[] {
  return INPUT_NAMES.filter((k) => base.inputs[k]?.sha256 !== head.inputs[k]?.sha256);
}

function unpairedSettings(base: NaxReport, head: NaxReport): string[] {
  const out: string[] = [];
  if (base.backend !== head.backend) out.push(`backend ${base.backend} vs ${head.backend}`);
  const b = base.settings;
  const h = head.settings;
  if (!b || !h) return out;
  for (const k of ['seed', 'monteCarloSamples', 'evalImages', 'irDrop'] as const) {
    if (b[k] !== h[k]) out.push(`${k} ${String(b[k])} vs ${String(h[k])}`);
  }
  return out;
}
