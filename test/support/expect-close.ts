/**
 * Numeric closeness assertion for tests (STYLE.md, "Tests"): passes when |a − e| ≤ atol + rtol·|e| for every
 * element. Lengths are checked first; the failure message names the first bad index with both values, and how
 * many elements failed. Two NaNs, or two infinities of the same sign, count as equal (as tfjs'
 * `expectArraysClose` does), so a shape-preserving NaN marker (e.g. a skipped column) can be compared.
 */

export interface CloseOptions {
  /** Absolute tolerance, in the unit of the values. Default 1e-5 (float32 results of order 1). */
  readonly atol?: number;
  /**
   * Relative tolerance, fraction of |expected|. Default 1e-4: float32 (ε ≈ 1.2e-7) accumulated over the ~10³
   * terms of a typical conv or dense dot product on the wasm backend.
   */
  readonly rtol?: number;
}

const DEFAULT_ATOL = 1e-5;
const DEFAULT_RTOL = 1e-4;

/**
 * Throws unless `actual` and `expected` (both numbers, or both array-likes of equal length) agree element-wise
 * within atol + rtol·|expected|.
 */
export function expectClose(
  actual: ArrayLike<number> | number,
  expected: ArrayLike<number> | number,
  opts: CloseOptions = {},
): void {
  const atol = opts.atol ?? DEFAULT_ATOL;
  const rtol = opts.rtol ?? DEFAULT_RTOL;
  const aIsNum = typeof actual === 'number';
  const eIsNum = typeof expected === 'number';
  if (aIsNum !== eIsNum) {
    throw new Error(`expectClose: actual is ${aIsNum ? 'a number' : 'an array'} but expected is ${eIsNum ? 'a number' : 'an array'}`);
  }
  const a: ArrayLike<number> = aIsNum ? [actual] : actual;
  const e: ArrayLike<number> = eIsNum ? [expected] : expected;
  if (a.length !== e.length) {
    throw new Error(`expectClose: actual has ${a.length} elements, expected ${e.length}`);
  }
  let firstBad = -1;
  let nBad = 0;
  for (let n = 0; n < a.length; n++) {
    if (!isClose(a[n], e[n], atol, rtol)) {
      if (firstBad < 0) firstBad = n;
      nBad++;
    }
  }
  if (firstBad >= 0) {
    const av = a[firstBad];
    const ev = e[firstBad];
    const where = aIsNum ? 'value' : `element ${firstBad}`;
    throw new Error(
      `expectClose: ${where}: actual ${av} vs expected ${ev} (|diff| ${Math.abs(av - ev)} > atol ${atol} + rtol ${rtol}·|expected| = ` +
        `${atol + rtol * Math.abs(ev)}); ${nBad} of ${a.length} element(s) out of tolerance`,
    );
  }
}

function isClose(a: number, e: number, atol: number, rtol: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(e)) return Number.isNaN(a) && Number.isNaN(e);
  if (!Number.isFinite(a) || !Number.isFinite(e)) return a === e;
  return Math.abs(a - e) <= atol + rtol * Math.abs(e);
}
