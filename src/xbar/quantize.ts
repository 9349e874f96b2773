/**
 * Fixed-point weights and inputs, bit slicing and DAC cycles (reference §5.1, §5.2).
 *
 * Weights: one step per layer (symmetric, set by max|w|), integers q = round(w / step). They are stored as
 * non-negative integers in `signArrays` arrays and each stored integer is cut into slices of `bitsPerCell`
 * bits, one slice per cell (slice 0 = least significant); the MVM engine recombines slice outputs as
 * Σ_k out_k·2^(bitsPerCell·k) (reference §5.1).
 *
 * Inputs: integer codes, unsigned or two's complement, streamed over ceil(inputBits / dacBits) DAC cycles
 * (reference §5.2; PUMA streams 1 bit per cycle with the MSB weighted −2^(Ib−1)).
 *
 * Everything here is exact integer arithmetic on values below 2^31, so all bit widths of the mapping schema
 * (weightBits ≤ 16, inputBits ≤ 16, bitsPerCell ≤ 4, dacBits ≤ 4) are covered without overflow.
 */
import { assert } from '../errors.js';
import type { SignMapping } from '../config/mapping.js';

// Math functions bound once: hot loops call them per cell or per conversion, and under jest (a vm
// context) every lookup of a global such as `Math` is slow.
const { abs, round } = Math;

/** A layer's quantised weights. */
export interface QuantizedWeights {
  /** Weight value of one integer step, in the unit of w. 1 when every weight is zero (nothing to scale). */
  readonly stepW: number;
  /**
   * Signed integer weights q = clamp(round(w / stepW)), same shape as w. |q| ≤ 2^(weightBits−1) − 1 for
   * both sign mappings (the step is symmetric, so the offset code −2^(weightBits−1) is representable but
   * never produced).
   */
  readonly q: Int32Array;
  /**
   * The non-negative integers the crossbars store, one array per sign array:
   * 'differential' and 'balanced' → [max(q, 0), max(−q, 0)] (W⁺ and W⁻ crossbars, weightBits − 1 magnitude bits each);
   * 'offset' → [q + 2^(weightBits−1)] (one crossbar, weightBits bits, unsigned).
   */
  readonly stored: readonly Int32Array[];
  /**
   * Integer to subtract from a recombined stored value to get q: 2^(weightBits−1) for 'offset' (the engine
   * subtracts offset·Σx digitally), 0 for 'differential'.
   */
  readonly offset: number;
  /** Bits per stored integer: weightBits − 1 ('differential') or weightBits ('offset'), as in mapping/tiling.ts. */
  readonly magnitudeBits: number;
}

/** Largest integer magnitude of a signed weightBits-bit weight: 2^(weightBits−1) − 1. */
export function maxWeightCode(weightBits: number): number {
  return 2 ** (weightBits - 1) - 1;
}

/**
 * Quantises a layer's weights to weightBits-bit fixed point with one per-layer step
 * stepW = max|w| / (2^(weightBits−1) − 1), so that max|w| maps onto the largest code and every weight is
 * reproduced within stepW / 2 (round to nearest, ties away from zero).
 *
 * Why symmetric for both sign mappings: the differential pair can only store magnitudes of weightBits − 1
 * bits; using the same step for 'offset' keeps the two mappings at the same resolution, so a change of
 * mapping is a hardware change, not a precision change (nax assumption). 'offset' stores q + 2^(weightBits−1)
 * ∈ [1, 2^weightBits − 1] unsigned in weightBits bits (the code 0 ↔ q = −2^(weightBits−1) stays unused).
 *
 * @param w weights, any shape, flattened [n].
 * @param weightBits total bits including the sign, 2…16.
 */
export function quantizeWeights(w: Float32Array, weightBits: number, signMapping: SignMapping): QuantizedWeights {
  assert(Number.isInteger(weightBits) && weightBits >= 2 && weightBits <= 16, () => `weightBits ${weightBits} outside 2…16`);
  const qMax = maxWeightCode(weightBits);
  let maxAbs = 0;
  for (let n = 0; n < w.length; n++) {
    const a = abs(w[n]);
    assert(Number.isFinite(a), () => `weight ${n} is ${w[n]}`);
    if (a > maxAbs) maxAbs = a;
  }
  // All-zero layer: any step reproduces it; 1 keeps stepW finite and the codes 0.
  const stepW = maxAbs > 0 ? maxAbs / qMax : 1;
  const q = new Int32Array(w.length);
  for (let n = 0; n < w.length; n++) q[n] = clampInt(roundHalfAway(w[n] / stepW), -qMax, qMax);
  if (signMapping !== 'offset') {
    const plus = new Int32Array(q.length);
    const minus = new Int32Array(q.length);
    for (let n = 0; n < q.length; n++) {
      if (q[n] > 0) plus[n] = q[n];
      else minus[n] = -q[n];
    }
    return { stepW, q, stored: [plus, minus], offset: 0, magnitudeBits: weightBits - 1 };
  }
  const offset = 2 ** (weightBits - 1);
  const stored = new Int32Array(q.length);
  for (let n = 0; n < q.length; n++) stored[n] = q[n] + offset;
  return { stepW, q, stored: [stored], offset, magnitudeBits: weightBits };
}

/** Float weights stepW·q, [n]: what the crossbar represents after quantisation. */
export function dequantizeWeights(qw: Pick<QuantizedWeights, 'stepW' | 'q'>): Float32Array {
  const out = new Float32Array(qw.q.length);
  for (let n = 0; n < out.length; n++) out[n] = qw.stepW * qw.q[n];
  return out;
}

/** Slices per stored integer: ceil(magnitudeBits / bitsPerCell) (reference §5.1, mapping/tiling.ts). */
export function sliceCount(magnitudeBits: number, bitsPerCell: number): number {
  return Math.ceil(magnitudeBits / bitsPerCell);
}

/**
 * Level (0…2^bitsPerCell − 1) of slice `slice` of a non-negative integer:
 * floor(magnitude / 2^(bitsPerCell·slice)) mod 2^bitsPerCell. Slice 0 is the least significant.
 */
export function sliceLevels(magnitude: number, slice: number, bitsPerCell: number): number {
  assert(Number.isInteger(magnitude) && magnitude >= 0, () => `slice of ${magnitude}: expected a non-negative integer`);
  return Math.floor(magnitude / 2 ** (bitsPerCell * slice)) % 2 ** bitsPerCell;
}

/**
 * Vectorised `sliceLevels`: the level of slice `slice` for every element of `magnitudes` ([n], non-negative).
 * @param out optional destination [n]; allocated when absent.
 */
export function sliceLevelsOf(
  magnitudes: Int32Array,
  slice: number,
  bitsPerCell: number,
  out: Int32Array = new Int32Array(magnitudes.length),
): Int32Array {
  assert(out.length === magnitudes.length, () => `sliceLevelsOf: out has ${out.length} elements, expected ${magnitudes.length}`);
  const shift = bitsPerCell * slice;
  const mask = 2 ** bitsPerCell - 1;
  for (let n = 0; n < magnitudes.length; n++) {
    const m = magnitudes[n];
    assert(m >= 0, () => `sliceLevelsOf: element ${n} is negative (${m})`);
    // m < 2^31, so a right shift is exact; shifts of 31 or more bits leave nothing.
    out[n] = shift >= 31 ? 0 : (m >>> shift) & mask;
  }
  return out;
}

/** Shift-and-add of slice values (levels or per-slice outputs): Σ_k slices[k][n]·2^(bitsPerCell·k), [n]. */
export function recombineSlices(slices: readonly ArrayLike<number>[], bitsPerCell: number): Float64Array {
  assert(slices.length > 0, () => 'recombineSlices: no slices');
  const n = slices[0].length;
  const out = new Float64Array(n);
  for (let k = 0; k < slices.length; k++) {
    const s = slices[k];
    assert(s.length === n, () => `recombineSlices: slice ${k} has ${s.length} elements, expected ${n}`);
    const weight = 2 ** (bitsPerCell * k);
    for (let i = 0; i < n; i++) out[i] += weight * s[i];
  }
  return out;
}

/**
 * How a layer's input codes are signed.
 * 'unsigned': codes 0…2^Ib − 1 (the layer's inputs are non-negative, e.g. after ReLU).
 * 'twosComplement': codes −2^(Ib−1)…2^(Ib−1) − 1, the MSB weighted −2^(Ib−1) (reference §5.2).
 */
export type InputSign = 'unsigned' | 'twosComplement';

/** Largest input code magnitude: 2^Ib − 1 (unsigned) or 2^(Ib−1) − 1 (two's complement). */
export function maxInputCode(inputBits: number, inputSign: InputSign): number {
  return inputSign === 'unsigned' ? 2 ** inputBits - 1 : 2 ** (inputBits - 1) - 1;
}

/**
 * Per-layer input step that maps `maxAbsX` onto the largest code (so nothing in the calibration range clips).
 * Returns 1 when maxAbsX is 0. For inputBits = 1 in two's complement there is no positive code, so the step
 * maps maxAbsX onto the magnitude of the single negative code.
 */
export function inputStep(maxAbsX: number, inputBits: number, inputSign: InputSign): number {
  if (!(maxAbsX > 0)) return 1;
  return maxAbsX / Math.max(1, maxInputCode(inputBits, inputSign));
}

/**
 * Integer input codes round(x / stepX), clamped to the code range of `inputSign` ([n] → [n]).
 * Values outside the range saturate, as a DAC front end would.
 */
export function quantizeInputs(
  x: ArrayLike<number>,
  opts: {
    /** Input value of one code step, in the unit of x. */
    stepX: number;
    /** Bits per input code, 1…16. */
    inputBits: number;
    inputSign: InputSign;
  },
  out: Int32Array = new Int32Array(x.length),
): Int32Array {
  const { stepX, inputBits, inputSign } = opts;
  assert(stepX > 0 && Number.isFinite(stepX), () => `quantizeInputs: stepX ${stepX} must be positive`);
  assert(out.length === x.length, () => `quantizeInputs: out has ${out.length} elements, expected ${x.length}`);
  const lo = inputSign === 'unsigned' ? 0 : -(2 ** (inputBits - 1));
  const hi = inputSign === 'unsigned' ? 2 ** inputBits - 1 : 2 ** (inputBits - 1) - 1;
  for (let n = 0; n < x.length; n++) out[n] = clampInt(roundHalfAway(x[n] / stepX), lo, hi);
  return out;
}

/** DAC cycles per input: ceil(inputBits / dacBits), as in mapping/tiling.ts. */
export function dacCycleCount(inputBits: number, dacBits: number): number {
  return Math.ceil(inputBits / dacBits);
}

/**
 * Digital weight of DAC cycle `cycle` in the shift-and-add over cycles: x = Σ_c weight_c·code_c exactly.
 * 'unsigned': +2^(c·d) for every cycle. 'twosComplement': +2^(c·d) for every cycle but the top one, and
 * −2^(top·d) for the top cycle (top = cycles − 1; see `dacCycleCodes` for what its code holds).
 */
export function dacCycleWeight(cycle: number, opts: { inputBits: number; dacBits: number; inputSign: InputSign }): number {
  const top = dacCycleCount(opts.inputBits, opts.dacBits) - 1;
  const w = 2 ** (cycle * opts.dacBits);
  return opts.inputSign === 'twosComplement' && cycle === top ? -w : w;
}

/**
 * The DAC code of cycle `cycle` for every input code ([n] → [n]); the drive voltage is
 * code·V_read / (2^dacBits − 1) (reference §5.2).
 *
 * Unsigned: cycle c holds bits [c·d, (c+1)·d) of the code, an integer 0…2^d − 1 (the top cycle may hold
 * fewer than d bits when d does not divide Ib).
 *
 * Two's complement (bits taken from the Ib-bit two's complement pattern of the code):
 * - cycles c < top hold bits [c·d, (c+1)·d) as an integer 0…2^d − 1, weight +2^(c·d);
 * - the top cycle holds the t = Ib − top·d remaining bits, read as a signed t-bit number s, and its code is
 *   −s with weight −2^(top·d). When t = 1, which is always the case for dacBits = 1 (PUMA's bit-serial
 *   default) and whenever (Ib − 1) is a multiple of d, the code is the sign bit itself, 0 or 1, with weight
 *   −2^(Ib−1): exactly "MSB weighted −2^(Ib−1)". When t > 1 the code lies in [−(2^(t−1) − 1), 2^(t−1)] and
 *   may be negative, i.e. that cycle needs a bipolar DAC (nax assumption: a two's complement input with
 *   t > 1 cannot be split into non-negative codes of ceil(Ib/d) cycles with fixed weights, so we keep the
 *   cycle count of mapping/tiling.ts and let the top cycle be bipolar).
 * In both modes Σ_c dacCycleWeight(c)·code_c reproduces the input code exactly.
 *
 * @param codes input codes from `quantizeInputs`, [n].
 * @param out optional destination [n].
 */
export function dacCycleCodes(
  codes: Int32Array,
  cycle: number,
  opts: { inputBits: number; dacBits: number; inputSign: InputSign },
  out: Int32Array = new Int32Array(codes.length),
): Int32Array {
  const { inputBits, dacBits, inputSign } = opts;
  const cycles = dacCycleCount(inputBits, dacBits);
  assert(Number.isInteger(cycle) && cycle >= 0 && cycle < cycles, () => `DAC cycle ${cycle} outside 0…${cycles - 1}`);
  assert(out.length === codes.length, () => `dacCycleCodes: out has ${out.length} elements, expected ${codes.length}`);
  const shift = cycle * dacBits;
  const width = Math.min(dacBits, inputBits - shift);
  const fieldMask = (1 << width) - 1;
  const patternMask = inputBits >= 32 ? -1 : (1 << inputBits) - 1;
  const signedTop = inputSign === 'twosComplement' && cycle === cycles - 1;
  for (let n = 0; n < codes.length; n++) {
    const pattern = codes[n] & patternMask; // two's complement bit pattern, Ib bits
    let field = (pattern >>> shift) & fieldMask;
    if (signedTop) {
      // Signed value of the top field, then negated to pair with the negative cycle weight.
      if (field >= 1 << (width - 1)) field -= 1 << width;
      field = -field;
    }
    out[n] = field;
  }
  return out;
}

function roundHalfAway(v: number): number {
  return v < 0 ? -round(-v) : round(v);
}

function clampInt(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
