/**
 * One matrix layer computed the way the crossbars compute it.
 *
 * prepareLayer: quantise the weights, bit-slice them onto the layer's physical crossbars (levels per cell).
 * programLayer: one chip instance — conductances with device effects, then the IR-drop effective matrix of
 *   every crossbar (the array is a linear network, so its column currents are Mᵀ·V; reference
 *   ARCHITECTURE "Performance principles"). Solved once per crossbar, reused for every input.
 * layerForward: inputs quantised and streamed through the DAC cycle by cycle, one big matrix product per
 *   row tile (all cycles × pixels against all crossbars of the tile), per-conversion ADC rounding and
 *   clipping, digital shift-and-add over slices, cycles, sign arrays and row tiles.
 *
 * Units inside the engine: currents are normalised to ADC counts per input code, so an ideal cell at level
 * L contributes L + off per code, with off = G_off·(2^cell−1)/(G_on−G_off) subtracted before the ADC
 * (the G_off baseline is removed from the column current, reference §5.7). With ideal devices and wires
 * and a lossless ADC this is exactly the integer product Σ level·code.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LayerMapping } from '../config/mapping.js';
import { type Technology, conductances } from '../config/technology.js';
import type { IrDropModel } from '../config/nax-config.js';
import { assert } from '../errors.js';
import { type PhysicalCrossbar, type TileGeometry, physicalCrossbars, tileGeometry } from '../mapping/tiling.js';
import type { MatrixNode } from '../model/graph.js';
import { readView } from '../runtime/heap-view.js';
import { im2col, patchGeometry } from './im2col.js';
import { effectiveMatrix } from './irdrop.js';
import { idealConductances, programCrossbar } from './devices.js';
import { losslessAdcBits } from '../config/mapping.js';
import {
  type InputSign,
  dacCycleCodes,
  dacCycleCount,
  dacCycleWeight,
  inputStep,
  quantizeInputs,
  quantizeWeights,
  sliceLevelsOf,
} from './quantize.js';
import { Rng, deriveSeed } from './rng.js';

// Math functions bound once: hot loops call them per cell or per conversion, and under jest (a vm
// context) every lookup of a global such as `Math` is slow.
const { floor, round, sqrt } = Math;

/** Input quantisation of a layer, from calibration on float activations. */
export interface InputCalibration {
  /** Largest |activation| seen at the layer input; sets the input step. */
  readonly maxAbs: number;
  /** True when negative activations were seen: two's complement codes. */
  readonly signed: boolean;
  /** Mean activation per matrix row (im2col order), for the NF estimate. [rows] */
  readonly meanRow: Float64Array;
}

export interface RowTile {
  readonly rowStart: number;
  readonly rowCount: number;
  /** Indices into PreparedLayer.crossbars of the crossbars on this row tile. */
  readonly crossbars: readonly number[];
}

export interface PreparedLayer {
  readonly node: MatrixNode;
  readonly mapping: LayerMapping;
  readonly geometry: TileGeometry;
  readonly crossbars: readonly PhysicalCrossbar[];
  /** Levels per crossbar, [mapping.rows, mapping.cols] row-major; unused cells stay at level 0 (G_off). */
  readonly levels: readonly Int32Array[];
  readonly rowTiles: readonly RowTile[];
  /** Float value of one integer weight unit. */
  readonly weightStep: number;
  /** Offset weight mapping: the stored value is q + weightOffset; 0 for a differential pair. */
  readonly weightOffset: number;
  /** Signed integer weights q [rows = k·k·Cin, Cout]. */
  readonly qWeights: Int32Array;
  readonly inputStep: number;
  readonly inputSign: InputSign;
  /** Digital weight of each DAC cycle (quantize.ts dacCycleWeight; a two's complement top cycle is negative). */
  readonly cycleWeights: Float64Array;
  readonly calibration: InputCalibration;
}

export function prepareLayer(node: MatrixNode, mapping: LayerMapping, calibration: InputCalibration): PreparedLayer {
  const geometry = tileGeometry(node.shape, mapping);
  const crossbars = physicalCrossbars(node.shape, mapping);
  const qw = quantizeWeights(node.weights, mapping.weightBits, mapping.signMapping);
  const cout = node.shape.outChannels;
  // Slice levels of every stored integer, per sign array and slice: [sign][slice] → [rows·cout].
  const sliced = qw.stored.map((st) => Array.from({ length: geometry.slices }, (_, k) => sliceLevelsOf(st, k, mapping.bitsPerCell)));
  const levels = crossbars.map((xb) => {
    const lv = new Int32Array(mapping.rows * mapping.cols);
    const bySlice = sliced[xb.sign > 0 ? 0 : 1];
    for (let i = 0; i < xb.rowCount; i++) {
      const wRow = (xb.rowStart + i) * cout;
      for (let j = 0; j < xb.columnChannel.length; j++) {
        lv[i * mapping.cols + j] = bySlice[xb.columnSlice[j]][wRow + xb.columnChannel[j]];
      }
    }
    return lv;
  });
  const rowTiles: RowTile[] = [];
  crossbars.forEach((xb, k) => {
    const t = rowTiles.find((r) => r.rowStart === xb.rowStart);
    if (t) (t.crossbars as number[]).push(k);
    else rowTiles.push({ rowStart: xb.rowStart, rowCount: xb.rowCount, crossbars: [k] });
  });
  const inputSign: InputSign = calibration.signed ? 'twosComplement' : 'unsigned';
  const cyc = { inputBits: mapping.inputBits, dacBits: mapping.dacBits, inputSign };
  const cycleWeights = Float64Array.from({ length: dacCycleCount(mapping.inputBits, mapping.dacBits) }, (_, c) => dacCycleWeight(c, cyc));
  return {
    node, mapping, geometry, crossbars, levels, rowTiles,
    weightStep: qw.stepW,
    weightOffset: qw.offset,
    qWeights: qw.q,
    inputStep: inputStep(calibration.maxAbs, mapping.inputBits, inputSign),
    inputSign,
    cycleWeights,
    calibration,
  };
}

/** How a chip instance is made. */
export interface ChipOptions {
  readonly technology: Technology;
  /** 'ideal' wires, or the IR-drop model. */
  readonly irDrop: IrDropModel;
  /** Device effects (variation, stuck-at, read noise) on; off gives the quantised-ideal reference. */
  readonly deviceEffects: 'on' | 'off';
  /** Seed of this chip instance (one per Monte Carlo sample). */
  readonly seed: number;
  /**
   * Allow the integer shortcut when it is exact (ideal wires, no device effects, an ADC that can neither
   * round nor clip, products below 2^24): one float32 product of codes and integer weights instead of the
   * per-conversion path, bit-identical to it. Default true; tests turn it off to compare the two.
   */
  readonly integerShortcut?: boolean;
}

export interface ProgrammedTile {
  readonly rowStart: number;
  readonly rowCount: number;
  /** Counts per input code of every used column of the tile's crossbars, [rowCount, nCols], on the backend. */
  readonly m: tf.Tensor2D;
  /** Same, squared, for the read-noise variance (only when read noise is on). */
  readonly m2?: tf.Tensor2D;
  readonly nCols: number;
  /** Output channel of each column. */
  readonly colChannel: Int32Array;
  /** Digital weight of each column: sign · 2^(cell bits · slice). */
  readonly colFactor: Float64Array;
}

export interface ProgrammedLayer {
  readonly prepared: PreparedLayer;
  readonly tiles: readonly ProgrammedTile[];
  /** Integer weights q as float32 [rows, Cout] when the integer shortcut applies (see ChipOptions). */
  readonly integerWeights?: tf.Tensor2D;
  /** NF = (I_ideal − I_nonideal)/I_ideal per used column under the calibration's mean input. */
  readonly nfMean: number;
  readonly nfMax: number;
  readonly nfColumns: number;
  readonly readNoiseSigmaRel: number;
  readonly seed: number;
}

/** Programs one chip instance of a layer: device effects, then one effective matrix per crossbar. */
/** Whether the integer shortcut reproduces the per-conversion path exactly for this layer and chip. */
function integerShortcutExact(p: PreparedLayer, o: ChipOptions): boolean {
  const m = p.mapping;
  if (o.integerShortcut === false || o.irDrop !== 'ideal' || o.deviceEffects !== 'off') return false;
  // Every conversion is an integer Σ level·code with |count| ≤ rows·(2^cell−1)·(2^dac−1): a lossless ADC never rounds or clips.
  if (m.adcBits < losslessAdcBits(m.rows, m.bitsPerCell, m.dacBits)) return false;
  // float32 sums of integer products are exact below 2^24.
  const codeMax = 2 ** m.inputBits;
  const qMax = 2 ** (m.weightBits - 1);
  return p.geometry.rowsNeeded * codeMax * qMax < 2 ** 24;
}

export function programLayer(p: PreparedLayer, o: ChipOptions): ProgrammedLayer {
  if (integerShortcutExact(p, o)) {
    const integerWeights = tf.tensor2d(Float32Array.from(p.qWeights), [p.geometry.rowsNeeded, p.node.shape.outChannels]);
    return { prepared: p, tiles: [], integerWeights, nfMean: 0, nfMax: 0, nfColumns: 0, readNoiseSigmaRel: 0, seed: o.seed };
  }
  const { device, wires } = o.technology;
  const { gOnSiemens, gOffSiemens } = conductances(device);
  const { rows, cols, bitsPerCell } = p.mapping;
  const cellMax = 2 ** bitsPerCell - 1;
  // Conductance → counts per input code (see the module comment).
  const perSiemens = cellMax / (gOnSiemens - gOffSiemens);
  // Streams keyed by layer name, so a layer's instance does not depend on which other layers are simulated.
  const rng = new Rng(deriveSeed(o.seed, 'layer', p.node.name));
  const mats: Float64Array[] = [];
  let nfSum = 0;
  let nfMax = 0;
  let nfCount = 0;
  for (const [k, xb] of p.crossbars.entries()) {
    const cells = { rows, cols, levels: p.levels[k], bitsPerCell, device };
    const g = o.deviceEffects === 'on' ? programCrossbar({ ...cells, rng }) : idealConductances(cells);
    const m = o.irDrop === 'ideal' ? g : effectiveMatrix(g, rows, cols, wires, o.irDrop);
    mats.push(m);
    if (o.irDrop !== 'ideal') {
      // NF of each used column with every word line at its mean calibration activation.
      const v = p.calibration.meanRow;
      for (let j = 0; j < xb.columnChannel.length; j++) {
        let iIdeal = 0;
        let iNon = 0;
        for (let i = 0; i < xb.rowCount; i++) {
          const vi = v[xb.rowStart + i];
          iIdeal += g[i * cols + j] * vi;
          iNon += m[i * cols + j] * vi;
        }
        if (iIdeal > 0) {
          const nf = (iIdeal - iNon) / iIdeal;
          nfSum += nf;
          nfCount++;
          if (nf > nfMax) nfMax = nf;
        }
      }
    }
  }
  const tiles = p.rowTiles.map((t) => {
    const nCols = t.crossbars.reduce((s, k) => s + p.crossbars[k].columnChannel.length, 0);
    const mCat = new Float32Array(t.rowCount * nCols);
    const colChannel = new Int32Array(nCols);
    const colFactor = new Float64Array(nCols);
    let c0 = 0;
    for (const k of t.crossbars) {
      const xb = p.crossbars[k];
      const m = mats[k];
      const used = xb.columnChannel.length;
      for (let j = 0; j < used; j++) {
        colChannel[c0 + j] = xb.columnChannel[j];
        colFactor[c0 + j] = xb.sign * 2 ** (bitsPerCell * xb.columnSlice[j]);
      }
      for (let i = 0; i < t.rowCount; i++) {
        for (let j = 0; j < used; j++) mCat[i * nCols + c0 + j] = m[i * cols + j] * perSiemens;
      }
      c0 += used;
    }
    const noisy = o.deviceEffects === 'on' && device.readNoiseSigmaRel > 0;
    return {
      rowStart: t.rowStart,
      rowCount: t.rowCount,
      m: tf.tensor2d(mCat, [t.rowCount, nCols]),
      m2: noisy ? tf.tensor2d(mCat.map((x) => x * x), [t.rowCount, nCols]) : undefined,
      nCols,
      colChannel,
      colFactor,
    };
  });
  return {
    prepared: p,
    tiles,
    nfMean: nfCount > 0 ? nfSum / nfCount : 0,
    nfMax,
    nfColumns: nfCount,
    readNoiseSigmaRel: o.deviceEffects === 'on' ? device.readNoiseSigmaRel : 0,
    seed: deriveSeed(o.seed, 'read-noise', p.node.name),
  };
}

export function disposeLayer(l: ProgrammedLayer): void {
  l.integerWeights?.dispose();
  for (const t of l.tiles) {
    t.m.dispose();
    t.m2?.dispose();
  }
}

/**
 * The layer's pre-activation output for a batch, computed on the programmed crossbars.
 * x: [batch, inH, inW, Cin] (dense: [batch, Cin]); returns [batch, outH, outW, Cout] (dense: [batch, Cout])
 * as a flat Float32Array, bias added. `batchIndex` keys the read-noise stream.
 */
export function layerForward(l: ProgrammedLayer, x: Float32Array, batch: number, technology: Technology, batchIndex: number): Float32Array {
  const p = l.prepared;
  const { shape } = p.node;
  const { mapping } = p;
  const R = p.geometry.rowsNeeded;
  const cout = shape.outChannels;
  const patches = im2col(x, batch, shape, p.node.padding);
  const P = patches.length / R;
  assert(Number.isInteger(P), () => `im2col of ${shape.name} gave ${patches.length} values for ${R} rows`);

  const cyc = { inputBits: mapping.inputBits, dacBits: mapping.dacBits, inputSign: p.inputSign };
  const codes = quantizeInputs(patches, { stepX: p.inputStep, ...cyc });
  const scale = p.weightStep * p.inputStep;
  const bias = p.node.bias;
  const out = new Float32Array(P * cout);

  if (l.integerWeights) {
    const yT = tf.tidy(() => tf.matMul(tf.tensor2d(Float32Array.from(codes), [P, R]), l.integerWeights!));
    const y = readView(yT);
    for (let px = 0; px < P; px++) {
      for (let c = 0; c < cout; c++) out[px * cout + c] = y[px * cout + c] * scale + bias[c];
    }
    yT.dispose();
    return out;
  }

  const acc = new Float64Array(P * cout);
  const nCyc = p.cycleWeights.length;
  const { gOnSiemens, gOffSiemens } = conductances(technology.device);
  const off = (gOffSiemens * (2 ** mapping.bitsPerCell - 1)) / (gOnSiemens - gOffSiemens);
  const adcMax = 2 ** mapping.adcBits - 1;
  const bipolarTop = p.inputSign === 'twosComplement' && mapping.inputBits - (nCyc - 1) * mapping.dacBits > 1;
  const rng = l.readNoiseSigmaRel > 0 ? new Rng(deriveSeed(l.seed, 'batch', batchIndex)) : undefined;
  // Two's complement codes take quantize.ts' cycle split (bipolar top cycle); unsigned codes are plain
  // d-bit fields, extracted inline below because this loop runs for every pixel, cycle and row.
  const cycleCodes = p.inputSign === 'twosComplement' ? Array.from({ length: nCyc }, (_, c) => dacCycleCodes(codes, c, cyc)) : undefined;
  const dacMask = 2 ** mapping.dacBits - 1;
  const sigma = l.readNoiseSigmaRel;

  for (const t of l.tiles) {
    // DAC codes of this tile's rows, one matrix row per (pixel, cycle) that drives any word line: an
    // all-zero input vector gives exactly zero column current (and no read noise), hence zero counts.
    const xc = new Float32Array(P * nCyc * t.rowCount);
    const rowPixel = new Int32Array(P * nCyc);
    const rowCycle = new Int32Array(P * nCyc);
    const digitSum = new Float64Array(P * nCyc);
    let nAct = 0;
    for (let px = 0; px < P; px++) {
      const src = px * R + t.rowStart;
      for (let c = 0; c < nCyc; c++) {
        const dst = nAct * t.rowCount;
        const shift = c * mapping.dacBits;
        const cc = cycleCodes?.[c];
        let sum = 0;
        let any = 0;
        for (let i = 0; i < t.rowCount; i++) {
          const d = cc ? cc[src + i] : (codes[src + i] >>> shift) & dacMask;
          xc[dst + i] = d;
          sum += d;
          any |= d;
        }
        if (any !== 0) {
          rowPixel[nAct] = px;
          rowCycle[nAct] = c;
          digitSum[nAct] = sum;
          nAct++;
        }
      }
    }
    if (nAct === 0) continue;
    const xAct = xc.subarray(0, nAct * t.rowCount);
    const yT = tf.tidy(() => tf.matMul(tf.tensor2d(xAct, [nAct, t.rowCount]), t.m));
    const y2T = t.m2 ? tf.tidy(() => tf.matMul(tf.square(tf.tensor2d(xAct, [nAct, t.rowCount])), t.m2!)) : undefined;
    const y2 = y2T ? Float32Array.from(readView(y2T)) : undefined;
    const y = readView(yT); // valid until the next tfjs op: no tfjs calls in the loop below
    // Per-conversion ADC: remove the G_off baseline, (read noise), round, clip; then shift-and-add with the
    // digital weight sign · 2^(cell bits · slice) · (cycle weight).
    const { nCols, colChannel, colFactor } = t;
    const weight = new Float64Array(nCyc * nCols);
    for (let c = 0; c < nCyc; c++) for (let j = 0; j < nCols; j++) weight[c * nCols + j] = colFactor[j] * p.cycleWeights[c];
    const conv: Conversions = { y, nAct, nCols, rowPixel, rowCycle, digitSum, off, adcMax, weight, colChannel, cout, acc };
    if (!y2 && !bipolarTop) convertUnipolar(conv);
    else convertGeneral(conv, { y2, sigma, rng, bipolarCycle: bipolarTop ? nCyc - 1 : -1 });
    yT.dispose();
    y2T?.dispose();
  }

  // Offset mapping: the array computed Σ (q + offset)·x; remove offset·Σx digitally.
  if (p.weightOffset > 0) {
    for (let px = 0; px < P; px++) {
      let s = 0;
      for (let i = 0; i < R; i++) s += codes[px * R + i];
      const corr = p.weightOffset * s;
      for (let c = 0; c < cout; c++) acc[px * cout + c] -= corr;
    }
  }
  for (let px = 0; px < P; px++) {
    for (let c = 0; c < cout; c++) out[px * cout + c] = acc[px * cout + c] * scale + bias[c];
  }
  return out;
}

/** The products of one row tile and where their conversions accumulate. */
interface Conversions {
  /** Column currents in counts per code, [nAct, nCols] (a heap view: no tfjs calls while reading it). */
  readonly y: Float32Array;
  readonly nAct: number;
  readonly nCols: number;
  readonly rowPixel: Int32Array;
  readonly rowCycle: Int32Array;
  /** Σ DAC codes of each product row; times `off` it is the G_off baseline removed before the ADC. */
  readonly digitSum: Float64Array;
  readonly off: number;
  readonly adcMax: number;
  /** Digital weight per (cycle, column), [nCyc, nCols]. */
  readonly weight: Float64Array;
  readonly colChannel: Int32Array;
  readonly cout: number;
  /** Accumulated integer outputs, [pixels, Cout]. */
  readonly acc: Float64Array;
}

/**
 * The common case, kept branch-light because it runs once per physical conversion (hundreds of millions
 * per Monte Carlo sample): unipolar ADC, no read noise. count = round(clamp(I − baseline, 0, max)).
 */
function convertUnipolar(k: Conversions): void {
  const { y, nAct, nCols, rowPixel, rowCycle, digitSum, off, adcMax, weight, colChannel, cout, acc } = k;
  for (let r = 0; r < nAct; r++) {
    const base = off * digitSum[r];
    const outRow = rowPixel[r] * cout;
    const yRow = r * nCols;
    const wRow = rowCycle[r] * nCols;
    for (let j = 0; j < nCols; j++) {
      const v = y[yRow + j] - base;
      if (v < 0.5) continue; // rounds to a zero count
      // floor(v + 0.5) is Math.round for v > 0.
      const count = v >= adcMax ? adcMax : floor(v + 0.5);
      acc[outRow + colChannel[j]] += weight[wRow + j] * count;
    }
  }
}

/** Read noise and/or a bipolar top cycle: the same conversion with both effects. */
function convertGeneral(
  k: Conversions,
  o: { y2?: Float32Array; sigma: number; rng?: Rng; bipolarCycle: number },
): void {
  const { y, nAct, nCols, rowPixel, rowCycle, digitSum, off, adcMax, weight, colChannel, cout, acc } = k;
  for (let r = 0; r < nAct; r++) {
    // Only a bipolar (two's complement top) cycle can give a negative column current; it is converted with
    // the same resolution per polarity (nax assumption).
    const adcMin = rowCycle[r] === o.bipolarCycle ? -adcMax : 0;
    const base = off * digitSum[r];
    const outRow = rowPixel[r] * cout;
    const yRow = r * nCols;
    const wRow = rowCycle[r] * nCols;
    for (let j = 0; j < nCols; j++) {
      let v = y[yRow + j] - base;
      // Temporal read noise: σ relative to each cell current, summed in quadrature over the column.
      if (o.y2) v += o.sigma * sqrt(o.y2[yRow + j]) * o.rng!.normal();
      const count = v >= adcMax ? adcMax : v <= adcMin ? adcMin : round(v);
      if (count !== 0) acc[outRow + colChannel[j]] += weight[wRow + j] * count;
    }
  }
}

/** Output spatial size of a layer (for reshaping the flat output). */
export function outputShape(node: MatrixNode): number[] {
  if (node.shape.kind === 'dense') return [node.shape.outChannels];
  const g = patchGeometry(node.shape, node.padding);
  return [g.outH, g.outW, node.shape.outChannels];
}
