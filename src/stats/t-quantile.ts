/**
 * Student's t quantile for real (non-integer) degrees of freedom, as Satterthwaite's approximation gives
 * them. The CDF is the regularized incomplete beta function, P(|T| ≤ t) = 1 − I_x(ν/2, 1/2) with
 * x = ν/(ν + t²) (DLMF 8.17 and Abramowitz & Stegun 26.7.1), evaluated by its continued fraction
 * (DLMF 8.17.22) with the modified Lentz method; the quantile is found by bisection on that CDF. Pure.
 */
const { abs, exp, log, PI } = Math;

/** ln Γ(x) for x > 0: Stirling's series at x + k ≥ 10 (error < 1e-12), shifted down by the recurrence. */
export function lnGamma(x: number): number {
  if (!(x > 0)) throw new Error('internal error: lnGamma needs x > 0');
  let shift = 0;
  let z = x;
  while (z < 10) {
    shift += log(z);
    z += 1;
  }
  const z2 = z * z;
  const series = 1 / (12 * z) - 1 / (360 * z * z2) + 1 / (1260 * z * z2 * z2) - 1 / (1680 * z * z2 * z2 * z2);
  return (z - 0.5) * log(z) - z + 0.5 * log(2 * PI) + series - shift;
}

/** The continued fraction of I_x(a, b) (DLMF 8.17.22), converging for x < (a + 1)/(a + b + 2). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (abs(d) < tiny) d = tiny;
  d = 1 / d;
  let f = d;
  for (let m = 1; m <= 300; m++) {
    // Even step d_{2m}, then odd step d_{2m+1}.
    for (const coef of [(m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m)), (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1))]) {
      d = 1 + coef * d;
      if (abs(d) < tiny) d = tiny;
      c = 1 + coef / c;
      if (abs(c) < tiny) c = tiny;
      d = 1 / d;
      f *= d * c;
    }
    if (abs(d * c - 1) < 1e-15) break;
  }
  return f;
}

/** Regularized incomplete beta function I_x(a, b), 0 ≤ x ≤ 1. */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = exp(a * log(x) + b * log(1 - x) - (lnGamma(a) + lnGamma(b) - lnGamma(a + b)));
  // The fraction converges fast on this side; the other side by symmetry I_x(a, b) = 1 − I_{1−x}(b, a).
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(a, b, x)) / a;
  return 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** P(T ≤ t) for Student's t with ν > 0 degrees of freedom. */
export function tCdf(t: number, nu: number): number {
  const tail = 0.5 * incompleteBeta(nu / (nu + t * t), nu / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/**
 * The p-quantile of Student's t with ν > 0 degrees of freedom (ν = ∞: the normal quantile is the caller's).
 * Bisection to 1e-10 relative; quantiles beyond ±1e6 are not needed by any interval here.
 */
export function tQuantile(p: number, nu: number): number {
  if (!(p > 0 && p < 1)) throw new Error('internal error: t quantile needs 0 < p < 1');
  if (!(nu > 0)) throw new Error('internal error: t quantile needs ν > 0');
  if (p === 0.5) return 0;
  const upper = p > 0.5;
  const target = upper ? p : 1 - p;
  let lo = 0;
  let hi = 1;
  while (tCdf(hi, nu) < target && hi < 1e6) hi *= 2;
  for (let k = 0; k < 200 && hi - lo > 1e-10 * hi; k++) {
    const mid = (lo + hi) / 2;
    if (tCdf(mid, nu) < target) lo = mid;
    else hi = mid;
  }
  const q = (lo + hi) / 2;
  return upper ? q : -q;
}

/**
 * Satterthwaite's effective degrees of freedom of Σ c_k·MS_k, a combination of independent variance
 * estimates with df_k degrees of freedom each (Satterthwaite, Biometrics Bull. 2(6), 1946; Welch–Satterthwaite
 * in JCGM 100:2008, G.4.1): ν = (Σ c_k MS_k)² / Σ (c_k MS_k)² / df_k. Infinity when every term is zero.
 */
export function satterthwaiteDf(terms: ReadonlyArray<{ readonly coef: number; readonly meanSquare: number; readonly df: number }>): number {
  let num = 0;
  let den = 0;
  for (const t of terms) {
    if (t.df <= 0) continue;
    const v = t.coef * t.meanSquare;
    num += v;
    den += (v * v) / t.df;
  }
  return den > 0 ? (num * num) / den : Infinity;
}
