/**
 * Uncertainty of non-ideal accuracy over a crossed design: every evaluation image is classified on every
 * simulated chip, so a result is a grid of correctness bits, images × chips. Both dimensions are samples
 * (images of the task's distribution, chips of the fabrication process), and an interval must include
 * both sources of variance — a "± std over chips" alone ignores test-set variance, which dominates at
 * the evaluation-set sizes a pull-request check can afford.
 *
 * Method: the two-way crossed random-effects model y_ic = μ + a_i + b_c + e_ic, whose grand mean has variance
 * σ²_a/n + σ²_b/m + σ²_e/(nm); the components come from the ANOVA mean squares (method of moments, each
 * clamped at 0; Searle, Casella & McCulloch, "Variance Components", 1992, ch. 4), and the interval is
 * estimate ± t·SE with Satterthwaite's degrees of freedom for that combination of mean squares (t-quantile.ts).
 * With the default 3 chips the chip term rests on 2 degrees of freedom, and the normal quantile (z = 1.96)
 * under-covers when chips differ much: the `quantile` option keeps the normal interval for comparison. The two-way "pigeonhole" bootstrap (Owen, Ann. Appl. Stat. 1(2), 2007) was
 * measured first: it counts σ²_e twice, and for paired correctness bits, where the per-cell term dominates,
 * its 95 % intervals covered 99–100 % of synthetic experiments — safe, but up to 40 % wider than the data
 * support, which costs a gate resolution. With one chip the chip variance cannot be estimated; the interval
 * is then over images only and `method` says so.
 *
 * Base and head of a check share images and chip seeds (a paired design), so their difference is taken per
 * cell first: correlated errors cancel, and identical sides give Δ = 0 with a zero-width interval.
 * Pure and deterministic: no randomness, no clock, no I/O.
 */
import { satterthwaiteDf, tQuantile } from './t-quantile.js';

const { sqrt, ceil, max } = Math;

/** Correctness of one simulated side: bit `correct[c * images + i]` is 1 when chip c classifies image i right. */
export interface CorrectnessGrid {
  readonly images: number;
  readonly chips: number;
  readonly correct: Uint8Array;
}

/**
 * Which quantile multiplies the standard error: Student's t with Satterthwaite's degrees of freedom (default),
 * or the normal one (right only when every variance component rests on many degrees of freedom).
 */
export type IntervalQuantile = 't-satterthwaite' | 'normal';

export interface IntervalOptions {
  /** Two-sided confidence level; default 0.95. */
  readonly level?: number;
  /** Default 't-satterthwaite'. */
  readonly quantile?: IntervalQuantile;
}

export type IntervalMethod = 'images × chips random effects' | 'images only (one chip: chip variance unknown)';

export interface Interval {
  /** Point estimate (a proportion for one accuracy, a difference of proportions for Δ). */
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
  readonly level: number;
  /** Standard error of the estimate: √(σ²_a/n + σ²_b/m + σ²_e/(nm)). */
  readonly standardError: number;
  readonly method: IntervalMethod;
  readonly images: number;
  readonly chips: number;
  /** The variance components behind the standard error (for sample-size advice). */
  readonly components: VarianceComponents;
}

/** z-values of the minimum detectable effect: two-sided α = 0.05 (1.960) plus 80 % power (0.842). */
export const MDE_Z = 1.96 + 0.8416;

function checkGrid(g: CorrectnessGrid, what: string): void {
  if (!Number.isInteger(g.images) || g.images < 1 || !Number.isInteger(g.chips) || g.chips < 1)
    throw new Error(`internal error: ${what} needs at least one image and one chip`);
  if (g.correct.length !== g.images * g.chips) throw new Error(`internal error: ${what} has ${g.correct.length} cells, not ${g.images}×${g.chips}`);
}

/** Interval of one accuracy (the mean of the correctness grid). */
export function accuracyInterval(g: CorrectnessGrid, o: IntervalOptions = {}): Interval {
  checkGrid(g, 'accuracy grid');
  const cells = new Int8Array(g.correct.length);
  for (let k = 0; k < cells.length; k++) cells[k] = g.correct[k] ? 1 : 0;
  return gridInterval(cells, g.images, g.chips, o, [0, 1]);
}

/**
 * Interval of Δ = accuracy(head) − accuracy(base) on the same images and chips. The grids must have the same
 * shape, and cell (i, c) of both must be the same image on the same chip instance.
 */
export function pairedDeltaInterval(base: CorrectnessGrid, head: CorrectnessGrid, o: IntervalOptions = {}): Interval {
  checkGrid(base, 'base grid');
  checkGrid(head, 'head grid');
  if (base.images !== head.images || base.chips !== head.chips)
    throw new Error(`internal error: a paired Δ needs the same images × chips (base ${base.images}×${base.chips}, head ${head.images}×${head.chips})`);
  const d = new Int8Array(base.correct.length);
  for (let k = 0; k < d.length; k++) d[k] = (head.correct[k] ? 1 : 0) - (base.correct[k] ? 1 : 0);
  return gridInterval(d, base.images, base.chips, o, [-1, 1]);
}

/**
 * Normal interval of the mean of `cells` (chip-major, n images × m chips) under the crossed model, clipped to
 * the values the mean can take (`range`): with few images the normal tails reach past 0 % or 100 %.
 */
function gridInterval(cells: Int8Array, n: number, m: number, o: IntervalOptions, range: readonly [number, number]): Interval {
  const level = o.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new Error('internal error: level must lie in (0, 1)');
  const c = varianceComponents(cells, n, m);
  const standardError = sqrt(c.imageVar / n + c.chipVar / m + c.residualVar / (n * m));
  const p = 0.5 + level / 2;
  const useT = (o.quantile ?? 't-satterthwaite') === 't-satterthwaite' && Number.isFinite(c.df);
  const half = (useT ? tQuantile(p, c.df) : normalQuantile(p)) * standardError;
  return {
    estimate: c.mean,
    low: Math.max(range[0], c.mean - half),
    high: Math.min(range[1], c.mean + half),
    level,
    standardError,
    method: m > 1 ? 'images × chips random effects' : 'images only (one chip: chip variance unknown)',
    images: n,
    chips: m,
    components: c,
  };
}

/** Variance components of a grid, by the method of moments. */
export interface VarianceComponents {
  readonly mean: number;
  /** σ²_a: variance between images (with one chip it also holds the per-cell term). */
  readonly imageVar: number;
  /** σ²_b: variance between chips (0 with one chip: not estimable). */
  readonly chipVar: number;
  /** σ²_e: per-cell (image × chip interaction) variance. */
  readonly residualVar: number;
  /**
   * Welch–Satterthwaite degrees of freedom of σ²_a/n + σ²_b/m + σ²_e/(nm) as estimated (Infinity when it is
   * 0): few chips and a large chip term give few.
   */
  readonly df: number;
}

/**
 * ANOVA estimates for a two-way crossed layout without replication: E[MS_images] = m·σ²_a + σ²_e,
 * E[MS_chips] = n·σ²_b + σ²_e, E[MS_residual] = σ²_e.
 */
export function varianceComponents(cells: Int8Array, n: number, m: number): VarianceComponents {
  const imageMean = new Float64Array(n);
  const chipMean = new Float64Array(m);
  let total = 0;
  for (let c = 0; c < m; c++) {
    const row = c * n;
    let sc = 0;
    for (let i = 0; i < n; i++) {
      const v = cells[row + i];
      imageMean[i] += v;
      sc += v;
    }
    chipMean[c] = sc / n;
    total += sc;
  }
  for (let i = 0; i < n; i++) imageMean[i] /= m;
  const mean = total / (n * m);
  if (m === 1) {
    const imageVar = sampleVariance(imageMean, mean);
    return { mean, imageVar, chipVar: 0, residualVar: 0, df: imageVar > 0 ? n - 1 : Infinity };
  }
  if (n === 1) {
    const chipVar = sampleVariance(chipMean, mean);
    return { mean, imageVar: 0, chipVar, residualVar: 0, df: chipVar > 0 ? m - 1 : Infinity };
  }
  let ssResidual = 0;
  for (let c = 0; c < m; c++) {
    const row = c * n;
    const cm = chipMean[c];
    for (let i = 0; i < n; i++) {
      const r = cells[row + i] - imageMean[i] - cm + mean;
      ssResidual += r * r;
    }
  }
  const msImages = m * sampleVariance(imageMean, mean);
  const msChips = n * sampleVariance(chipMean, mean);
  const residualVar = ssResidual / ((n - 1) * (m - 1));
  const imageVar = max(0, (msImages - residualVar) / m);
  const chipVar = max(0, (msChips - residualVar) / n);
  // Welch–Satterthwaite over the three terms of SE², each with the degrees of freedom of its mean square
  // (JCGM 100:2008, G.4.1): a chip term estimated from few chips weighs in only when it is large.
  const df = satterthwaiteDf([
    { coef: 1 / n, meanSquare: imageVar, df: n - 1 },
    { coef: 1 / m, meanSquare: chipVar, df: m - 1 },
    { coef: 1 / (n * m), meanSquare: residualVar, df: (n - 1) * (m - 1) },
  ]);
  return { mean, imageVar, chipVar, residualVar, df };
}

function sampleVariance(x: Float64Array, mean: number): number {
  if (x.length < 2) return 0;
  let ss = 0;
  for (let k = 0; k < x.length; k++) ss += (x[k] - mean) ** 2;
  return ss / (x.length - 1);
}

/**
 * Standard normal quantile, Acklam's rational approximation (relative error < 1.2e-9), which is all an
 * interval needs; exact tables are not worth a dependency.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new Error('internal error: normal quantile needs 0 < p < 1');
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) => (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  if (p < 0.02425) return tail(sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/** Minimum detectable effect (same unit as the standard error) at α = 0.05 two-sided and 80 % power. */
export function minimumDetectableEffect(standardError: number): number {
  return MDE_Z * standardError;
}

type DesignLimits = { maxImages: number; maxChips: number };
const DESIGN_LIMITS: DesignLimits = { maxImages: 1_000_000, maxChips: 256 };

/**
 * The smallest evaluation design (images, chips) whose minimum detectable effect is at most `effect`,
 * extrapolated from the variance components of a run: the image term shrinks as 1/n, the chip term as 1/m.
 * Chips are added only when the chip term alone would exceed the target. Returns undefined when no design up
 * to `limits` resolves it (e.g. a zero budget).
 */
export function designToResolve(
  effect: number,
  components: Pick<VarianceComponents, 'imageVar' | 'chipVar' | 'residualVar'>,
  current: { images: number; chips: number },
  limits: DesignLimits = DESIGN_LIMITS,
): { images: number; chips: number } | undefined {
  return effect > 0 ? smallestDesign((effect / MDE_Z) ** 2, components, current, limits) : undefined;
}

/**
 * The smallest design whose 95 % interval has at most this half-width (same unit as the components' square
 * root), taking the normal quantile 1.96: with the chips such a design has, the t quantile is close to it.
 */
export function designForHalfWidth(
  halfWidth: number,
  components: Pick<VarianceComponents, 'imageVar' | 'chipVar' | 'residualVar'>,
  current: { images: number; chips: number },
  limits: DesignLimits = DESIGN_LIMITS,
): { images: number; chips: number } | undefined {
  return halfWidth > 0 ? smallestDesign((halfWidth / normalQuantile(0.975)) ** 2, components, current, limits) : undefined;
}

/** The first design (chips doubling from the current count) whose variance of the mean is at most `target`. */
function smallestDesign(
  target: number,
  components: Pick<VarianceComponents, 'imageVar' | 'chipVar' | 'residualVar'>,
  current: { images: number; chips: number },
  limits: DesignLimits,
): { images: number; chips: number } | undefined {
  for (let chips = current.chips; chips <= limits.maxChips; chips = chips < 2 ? 2 : chips * 2) {
    const room = target - components.chipVar / chips;
    if (room <= 0) continue;
    // Var = (σ²_a + σ²_e/m)/n + σ²_b/m  ⇒  n = (σ²_a + σ²_e/m) / room.
    const images = max(current.images, ceil((components.imageVar + components.residualVar / chips) / room));
    if (images <= limits.maxImages) return { images, chips };
  }
  return undefined;
}
