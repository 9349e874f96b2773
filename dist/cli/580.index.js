export const id = 580;
export const ids = [580,820,439];
export const modules = {

/***/ 580:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   precisionSentence: () => (/* binding */ precisionSentence)
/* harmony export */ });
/* harmony import */ var _stats_accuracy_stats_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7820);
/* harmony import */ var _stats_paired_interval_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6630);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1509);



const PP = 100;
function precisionSentence(report, targetCiPp) {
    const n = report.accuracy?.nonIdeal;
    const images = report.settings?.evalImages;
    if (!n?.correct || images === undefined || n.correct.length === 0)
        return undefined;
    const ci = (0,_stats_paired_interval_js__WEBPACK_IMPORTED_MODULE_1__/* .accuracyInterval */ .tA)((0,_stats_accuracy_stats_js__WEBPACK_IMPORTED_MODULE_0__.gridOf)(n.correct, images, 'accuracy.nonIdeal.correct'));
    const half = ((ci.high - ci.low) / 2) * PP;
    const target = `target ±${targetCiPp.toFixed(2)} pp (simulation.targetCiPp)`;
    if (half <= targetCiPp)
        return `${target}: reached, the 95 % interval is ±${half.toFixed(2)} pp`;
    const design = (0,_stats_paired_interval_js__WEBPACK_IMPORTED_MODULE_1__/* .designForHalfWidth */ .Tv)(targetCiPp / PP, ci.components, { images: ci.images, chips: ci.chips });
    const now = `±${half.toFixed(2)} pp with ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCount */ .B4)(ci.images)} images × ${ci.chips} chip${ci.chips === 1 ? '' : 's'}`;
    if (!design)
        return `${target}: not reached (${now}), and no design up to 1,000,000 images × 256 chips would reach it`;
    const caveat = ci.chips === 1 ? '; one chip leaves the chip spread unknown, so run at least 2' : '';
    return `${target}: not reached (${now}); about ${(0,_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCount */ .B4)(design.images)} images × ${design.chips} chip${design.chips === 1 ? '' : 's'} would reach it${caveat}`;
}


/***/ }),

/***/ 7820:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   accuracyStats: () => (/* binding */ accuracyStats),
/* harmony export */   gridOf: () => (/* binding */ gridOf),
/* harmony export */   pairedAccuracy: () => (/* binding */ pairedAccuracy)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _correctness_bits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5979);
/* harmony import */ var _paired_interval_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6630);
/**
 * Summary statistics of non-ideal accuracy over Monte Carlo chip instances, built the same way from a fresh
 * simulation and from merged shard reports, so that a sharded run reproduces the unsharded report exactly.
 */



const PP = 100;
/** Largest images × chips grid read from a report: 100,000 images × 1,000 chips, far beyond any CI run (bounds memory). */
const MAX_GRID_CELLS = 1e8;
/**
 * Accuracy statistics of a set of samples: mean, population std (÷ n, absent with one sample), min, max, and —
 * when the per-image correctness bitsets are given — the 95 % interval over images × chips.
 * @param correct per sample, the base64 bitset of `images` bits (src/stats/correctness-bits.ts)
 */
function accuracyStats(samples, sampleSeeds, correct) {
    const n = samples.length;
    const mean = n === 0 ? 0 : samples.reduce((s, v) => s + v, 0) / n;
    const variance = n === 0 ? 0 : samples.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
    const grid = correct && n > 0 ? gridOf(correct.bits, correct.images, 'accuracy.nonIdeal.correct') : undefined;
    return {
        mean,
        ...(n > 1 ? { std: Math.sqrt(variance) } : {}),
        min: n === 0 ? 0 : Math.min(...samples),
        max: n === 0 ? 0 : Math.max(...samples),
        samples: [...samples],
        sampleSeeds: [...sampleSeeds],
        ...(correct ? { correct: [...correct.bits] } : {}),
        ...(grid ? { ci95: reportInterval((0,_paired_interval_js__WEBPACK_IMPORTED_MODULE_2__/* .accuracyInterval */ .tA)(grid)) } : {}),
    };
}
function reportInterval(ci) {
    return { low: ci.low, high: ci.high, level: ci.level, method: ci.method, images: ci.images, chips: ci.chips };
}
/** The images × chips grid of a report's bitsets; a malformed bitset is a user error naming the field. */
function gridOf(bits, images, field, file = 'report') {
    if (!Number.isInteger(images) || images < 1 || bits.length * images > MAX_GRID_CELLS) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(file, field, `${bits.length} samples × ${images} images is not a grid nax reads (at most ${MAX_GRID_CELLS} cells)`);
    }
    const correct = new Uint8Array(bits.length * images);
    bits.forEach((b, c) => {
        const row = typeof b === 'string' ? (0,_correctness_bits_js__WEBPACK_IMPORTED_MODULE_1__/* .unpackCorrectness */ .g)(b, images) : undefined;
        if (!row)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(file, `${field}[${c}]`, `not a base64 bitset of ${images} images`);
        correct.set(row, c * images);
    });
    return { images, chips: bits.length, correct };
}
/**
 * Δ non-ideal accuracy, head − base, with its paired interval; undefined when either side lacks the bitsets or
 * the two runs are not paired (other images or chip seeds), since an unpaired interval would be misleading.
 */
function pairedAccuracy(base, head, images) {
    if (!base.correct || !head.correct || images.base !== images.head)
        return undefined;
    if (base.sampleSeeds.length !== head.sampleSeeds.length || base.sampleSeeds.some((s, k) => s !== head.sampleSeeds[k]))
        return undefined;
    const b = gridOf(base.correct, images.base, 'accuracy.nonIdeal.correct', 'base report');
    const h = gridOf(head.correct, images.head, 'accuracy.nonIdeal.correct', 'head report');
    const ci = (0,_paired_interval_js__WEBPACK_IMPORTED_MODULE_2__/* .pairedDeltaInterval */ .H)(b, h);
    return {
        delta: {
            pp: ci.estimate * PP,
            ciLowPp: ci.low * PP,
            ciHighPp: ci.high * PP,
            level: ci.level,
            method: ci.method,
            images: ci.images,
            chips: ci.chips,
            mdePp: (0,_paired_interval_js__WEBPACK_IMPORTED_MODULE_2__/* .minimumDetectableEffect */ .nv)(ci.standardError) * PP,
        },
        components: ci.components,
    };
}


/***/ }),

/***/ 5979:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ packCorrectness),
/* harmony export */   g: () => (/* binding */ unpackCorrectness)
/* harmony export */ });
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4573);
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_buffer__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Per-image correctness of one simulated chip, packed for reports: bit i (byte i >> 3, least significant bit
 * first) is 1 when image i of the evaluation set was classified right. Base64, so a 2,000-image sample costs
 * 336 characters and a report still diffs as text. Reports carry these so that merged shards, comment jobs and
 * other tools can recompute intervals from the data rather than trust a summary.
 */

/** Packs 0/1 bytes into a base64 bitset. */
function packCorrectness(correct) {
    const bytes = new Uint8Array((correct.length + 7) >> 3);
    for (let i = 0; i < correct.length; i++)
        if (correct[i])
            bytes[i >> 3] |= 1 << (i & 7);
    return node_buffer__WEBPACK_IMPORTED_MODULE_0__.Buffer.from(bytes).toString('base64');
}
/**
 * Unpacks a base64 bitset of `images` bits into 0/1 bytes; undefined when the text is not canonical base64 of
 * exactly ⌈images/8⌉ bytes with zero padding bits (reports are untrusted input: a malformed bitset must not
 * become a silently different grid).
 */
function unpackCorrectness(text, images) {
    const byteCount = (images + 7) >> 3;
    if (typeof text !== 'string' || text.length !== 4 * Math.ceil(byteCount / 3) || !/^[A-Za-z0-9+/]*={0,2}$/.test(text))
        return undefined;
    const bytes = node_buffer__WEBPACK_IMPORTED_MODULE_0__.Buffer.from(text, 'base64');
    if (bytes.length !== byteCount || bytes.toString('base64') !== text)
        return undefined;
    if (images % 8 !== 0 && bytes[byteCount - 1] >> (images % 8) !== 0)
        return undefined;
    const out = new Uint8Array(images);
    for (let i = 0; i < images; i++)
        out[i] = (bytes[i >> 3] >> (i & 7)) & 1;
    return out;
}


/***/ }),

/***/ 6630:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  tA: () => (/* binding */ accuracyInterval),
  Tv: () => (/* binding */ designForHalfWidth),
  YI: () => (/* binding */ designToResolve),
  nv: () => (/* binding */ minimumDetectableEffect),
  H: () => (/* binding */ pairedDeltaInterval)
});

// UNUSED EXPORTS: MDE_Z, normalQuantile, varianceComponents

;// CONCATENATED MODULE: ./src/stats/t-quantile.ts
/**
 * Student's t quantile for real (non-integer) degrees of freedom, as Satterthwaite's approximation gives
 * them. The CDF is the regularized incomplete beta function, P(|T| ≤ t) = 1 − I_x(ν/2, 1/2) with
 * x = ν/(ν + t²) (DLMF 8.17 and Abramowitz & Stegun 26.7.1), evaluated by its continued fraction
 * (DLMF 8.17.22) with the modified Lentz method; the quantile is found by bisection on that CDF. Pure.
 */
const { abs, exp, log, PI } = Math;
/** ln Γ(x) for x > 0: Stirling's series at x + k ≥ 10 (error < 1e-12), shifted down by the recurrence. */
function lnGamma(x) {
    if (!(x > 0))
        throw new Error('internal error: lnGamma needs x > 0');
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
function betaFraction(a, b, x) {
    const tiny = 1e-300;
    let c = 1;
    let d = 1 - ((a + b) * x) / (a + 1);
    if (abs(d) < tiny)
        d = tiny;
    d = 1 / d;
    let f = d;
    for (let m = 1; m <= 300; m++) {
        // Even step d_{2m}, then odd step d_{2m+1}.
        for (const coef of [(m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m)), (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1))]) {
            d = 1 + coef * d;
            if (abs(d) < tiny)
                d = tiny;
            c = 1 + coef / c;
            if (abs(c) < tiny)
                c = tiny;
            d = 1 / d;
            f *= d * c;
        }
        if (abs(d * c - 1) < 1e-15)
            break;
    }
    return f;
}
/** Regularized incomplete beta function I_x(a, b), 0 ≤ x ≤ 1. */
function incompleteBeta(x, a, b) {
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    const front = exp(a * log(x) + b * log(1 - x) - (lnGamma(a) + lnGamma(b) - lnGamma(a + b)));
    // The fraction converges fast on this side; the other side by symmetry I_x(a, b) = 1 − I_{1−x}(b, a).
    if (x < (a + 1) / (a + b + 2))
        return (front * betaFraction(a, b, x)) / a;
    return 1 - (front * betaFraction(b, a, 1 - x)) / b;
}
/** P(T ≤ t) for Student's t with ν > 0 degrees of freedom. */
function tCdf(t, nu) {
    const tail = 0.5 * incompleteBeta(nu / (nu + t * t), nu / 2, 0.5);
    return t >= 0 ? 1 - tail : tail;
}
/**
 * The p-quantile of Student's t with ν > 0 degrees of freedom (ν = ∞: the normal quantile is the caller's).
 * Bisection to 1e-10 relative; quantiles beyond ±1e6 are not needed by any interval here.
 */
function tQuantile(p, nu) {
    if (!(p > 0 && p < 1))
        throw new Error('internal error: t quantile needs 0 < p < 1');
    if (!(nu > 0))
        throw new Error('internal error: t quantile needs ν > 0');
    if (p === 0.5)
        return 0;
    const upper = p > 0.5;
    const target = upper ? p : 1 - p;
    let lo = 0;
    let hi = 1;
    while (tCdf(hi, nu) < target && hi < 1e6)
        hi *= 2;
    for (let k = 0; k < 200 && hi - lo > 1e-10 * hi; k++) {
        const mid = (lo + hi) / 2;
        if (tCdf(mid, nu) < target)
            lo = mid;
        else
            hi = mid;
    }
    const q = (lo + hi) / 2;
    return upper ? q : -q;
}
/**
 * Satterthwaite's effective degrees of freedom of Σ c_k·MS_k, a combination of independent variance
 * estimates with df_k degrees of freedom each (Satterthwaite, Biometrics Bull. 2(6), 1946; Welch–Satterthwaite
 * in JCGM 100:2008, G.4.1): ν = (Σ c_k MS_k)² / Σ (c_k MS_k)² / df_k. Infinity when every term is zero.
 */
function satterthwaiteDf(terms) {
    let num = 0;
    let den = 0;
    for (const t of terms) {
        if (t.df <= 0)
            continue;
        const v = t.coef * t.meanSquare;
        num += v;
        den += (v * v) / t.df;
    }
    return den > 0 ? (num * num) / den : Infinity;
}

;// CONCATENATED MODULE: ./src/stats/paired-interval.ts
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

const { sqrt, ceil, max } = Math;
/** z-values of the minimum detectable effect: two-sided α = 0.05 (1.960) plus 80 % power (0.842). */
const MDE_Z = 1.96 + 0.8416;
function checkGrid(g, what) {
    if (!Number.isInteger(g.images) || g.images < 1 || !Number.isInteger(g.chips) || g.chips < 1)
        throw new Error(`internal error: ${what} needs at least one image and one chip`);
    if (g.correct.length !== g.images * g.chips)
        throw new Error(`internal error: ${what} has ${g.correct.length} cells, not ${g.images}×${g.chips}`);
}
/** Interval of one accuracy (the mean of the correctness grid). */
function accuracyInterval(g, o = {}) {
    checkGrid(g, 'accuracy grid');
    const cells = new Int8Array(g.correct.length);
    for (let k = 0; k < cells.length; k++)
        cells[k] = g.correct[k] ? 1 : 0;
    return gridInterval(cells, g.images, g.chips, o, [0, 1]);
}
/**
 * Interval of Δ = accuracy(head) − accuracy(base) on the same images and chips. The grids must have the same
 * shape, and cell (i, c) of both must be the same image on the same chip instance.
 */
function pairedDeltaInterval(base, head, o = {}) {
    checkGrid(base, 'base grid');
    checkGrid(head, 'head grid');
    if (base.images !== head.images || base.chips !== head.chips)
        throw new Error(`internal error: a paired Δ needs the same images × chips (base ${base.images}×${base.chips}, head ${head.images}×${head.chips})`);
    const d = new Int8Array(base.correct.length);
    for (let k = 0; k < d.length; k++)
        d[k] = (head.correct[k] ? 1 : 0) - (base.correct[k] ? 1 : 0);
    return gridInterval(d, base.images, base.chips, o, [-1, 1]);
}
/**
 * Normal interval of the mean of `cells` (chip-major, n images × m chips) under the crossed model, clipped to
 * the values the mean can take (`range`): with few images the normal tails reach past 0 % or 100 %.
 */
function gridInterval(cells, n, m, o, range) {
    const level = o.level ?? 0.95;
    if (!(level > 0 && level < 1))
        throw new Error('internal error: level must lie in (0, 1)');
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
/**
 * ANOVA estimates for a two-way crossed layout without replication: E[MS_images] = m·σ²_a + σ²_e,
 * E[MS_chips] = n·σ²_b + σ²_e, E[MS_residual] = σ²_e.
 */
function varianceComponents(cells, n, m) {
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
    for (let i = 0; i < n; i++)
        imageMean[i] /= m;
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
function sampleVariance(x, mean) {
    if (x.length < 2)
        return 0;
    let ss = 0;
    for (let k = 0; k < x.length; k++)
        ss += (x[k] - mean) ** 2;
    return ss / (x.length - 1);
}
/**
 * Standard normal quantile, Acklam's rational approximation (relative error < 1.2e-9), which is all an
 * interval needs; exact tables are not worth a dependency.
 */
function normalQuantile(p) {
    if (!(p > 0 && p < 1))
        throw new Error('internal error: normal quantile needs 0 < p < 1');
    const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
    const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
    const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
    const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
    const tail = (q) => (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    if (p < 0.02425)
        return tail(sqrt(-2 * Math.log(p)));
    if (p > 1 - 0.02425)
        return -tail(sqrt(-2 * Math.log(1 - p)));
    const q = p - 0.5;
    const r = q * q;
    return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}
/** Minimum detectable effect (same unit as the standard error) at α = 0.05 two-sided and 80 % power. */
function minimumDetectableEffect(standardError) {
    return MDE_Z * standardError;
}
const DESIGN_LIMITS = { maxImages: 1_000_000, maxChips: 256 };
/**
 * The smallest evaluation design (images, chips) whose minimum detectable effect is at most `effect`,
 * extrapolated from the variance components of a run: the image term shrinks as 1/n, the chip term as 1/m.
 * Chips are added only when the chip term alone would exceed the target. Returns undefined when no design up
 * to `limits` resolves it (e.g. a zero budget).
 */
function designToResolve(effect, components, current, limits = DESIGN_LIMITS) {
    return effect > 0 ? smallestDesign((effect / MDE_Z) ** 2, components, current, limits) : undefined;
}
/**
 * The smallest design whose 95 % interval has at most this half-width (same unit as the components' square
 * root), taking the normal quantile 1.96: with the chips such a design has, the t quantile is close to it.
 */
function designForHalfWidth(halfWidth, components, current, limits = DESIGN_LIMITS) {
    return halfWidth > 0 ? smallestDesign((halfWidth / normalQuantile(0.975)) ** 2, components, current, limits) : undefined;
}
/** The first design (chips doubling from the current count) whose variance of the mean is at most `target`. */
function smallestDesign(target, components, current, limits) {
    for (let chips = current.chips; chips <= limits.maxChips; chips = chips < 2 ? 2 : chips * 2) {
        const room = target - components.chipVar / chips;
        if (room <= 0)
            continue;
        // Var = (σ²_a + σ²_e/m)/n + σ²_b/m  ⇒  n = (σ²_a + σ²_e/m) / room.
        const images = max(current.images, ceil((components.imageVar + components.residualVar / chips) / room));
        if (images <= limits.maxImages)
            return { images, chips };
    }
    return undefined;
}


/***/ })

};
