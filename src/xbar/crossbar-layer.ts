/**
 * One matrix layer computed the way the crossbars compute it.
 *
 * prepareLayer: quantise the weights, bit-slice them onto the layer's physical crossbars (levels per cell).
 * programLayer: one chip instance — conductances with device effects (variation, faults, drift; an optional
 *   reference column per crossbar), then the IR-drop effective matrix of every crossbar (the array is a
 *   linear network, so its column currents are Mᵀ·V; reference ARCHITECTURE "Performance principles"),
 *   solved once per crossbar and reused for every input; per-ADC offset and gain errors drawn per chip.
 * layerForward: inputs quantised and streamed through the DAC cycle by cycle, one big matrix product per
 *   row tile (all cycles × pixels against all crossbars of the tile), per-conversion baseline removal
 *   (ideal, reference column, or the W⁻ partner for balanced sensing), ADC (step, errors, noise, rounding,
 *   clipping), digital shift-and-add over slices, cycles, sign arrays and row tiles, then the digital
 *   drift compensation and per-channel calibration.
 * calibrateLayer: fits that calibration on calibration inputs (column-calibration.ts).
 *
 * Units inside the engine: currents are normalised to ADC counts per input code, so an ideal cell at level
 * L contributes L + off per code, with off = G_off·(2^cell−1)/(G_on−G_off) subtracted before the ADC
 * (the G_off baseline is removed from the column current, reference §5.7). With ideal devices and wires
 * and a lossless ADC this is exactly the integer product Σ level·code.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LayerMapping } from '../config/mapping.js';
import { type Technology, conductances, idealAdc } from '../config/technology.js';
import type { IrDropModel } from '../config/nax-config.js';
import { assert } from '../errors.js';
import { type PhysicalCrossbar, type TileGeometry, physicalCrossbars, tileGeometry } from '../mapping/tiling.js';
import type { MatrixNode } from '../model/graph.js';
import { readView } from '../runtime/heap-view.js';
import { im2colCodes, patchGeometry } from './im2col.js';
import { effectiveMatrix } from './irdrop/index.js';
import { idealConductances, programCrossbar } from './devices.js';
import { driftConductances, drifts } from './drift.js';
import { adcMaxCode, adcStepOf } from './adc.js';
import { type ColumnCorrection, fitColumnCorrection } from './column-calibration.js';
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
import { type Conversions, convertGeneral } from './conversions.js';
import { convertUnipolarWasm } from './conversions-wasm.js';
import { dacRowBuffers, dacRows } from './dac-rows.js';

// Math functions bound once: hot loops call them per cell or per conversion, and under jest (a vm
// context) every lookup of a global such as `Math` is slow.
const { floor } = Math;

/** DAC rows per matrix product (see accumulate): 16 Ki rows; their column currents are 32 MB at 512 columns. */
const PRODUCT_ROWS = 1 << 14;

/** Input quantisation of a layer, from calibration on float activations. */
export interface InputCalibration {
  /** Largest |activation| seen at the layer input; sets the input step. */
  readonly maxAbs: number;
  /** True when negative activations were seen: two's complement codes. */
  readonly signed: boolean;
  /** Mean activation per matrix row (im2col order), for the NF estimate. [rows] */
  readonly meanRow: Float64Array;
  /** Largest conversion on the calibration images, units (only for adcFullScale 'calibrated'; `measureAdcPeak`). */
  readonly adcPeakUnits?: number;
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
  /**
   * Device and periphery effects (variation, stuck-at, read noise, drift, ADC offset/gain/noise) on; off gives
   * the quantised-ideal reference.
   */
  readonly deviceEffects: 'on' | 'off';
  /** Seed of this chip instance (one per Monte Carlo sample). */
  readonly seed: number;
  /**
   * Allow the integer shortcut when it is exact (ideal wires, no device effects, an ADC that can neither
   * round nor clip, products below 2^24): one float32 product of codes and integer weights instead of the
   * per-conversion path, bit-identical to it. Default true; tests turn it off to compare the two.
   */
  readonly integerShortcut?: boolean;
  /**
   * Use the general conversion (every periphery option) even where the branch-light unipolar one applies.
   * Default false; tests turn it on to show the two agree bit for bit.
   */
  readonly generalConversion?: boolean;
}

export interface ProgrammedTile {
  readonly rowStart: number;
  readonly rowCount: number;
  /** Counts per input code of every column of the tile's crossbars (used and reference), [rowCount, nCols], on the backend. */
  readonly m: tf.Tensor2D;
  /** Same, squared, for the read-noise variance (only when read noise is on). */
  readonly m2?: tf.Tensor2D;
  readonly nCols: number;
  /** Output channel of each column. */
  readonly colChannel: Int32Array;
  /** Digital weight of each column: sign · 2^(cell bits · slice). */
  readonly colFactor: Float64Array;
  /** 1 for columns converted by an ADC; 0 for columns only read as partners (balanced W⁻, reference columns). */
  readonly colConverted: Uint8Array;
  /**
   * Column whose current is subtracted in analog before the ADC: the W⁻ partner ('balanced'), the crossbar's
   * reference column ('referenceColumn'); −1: the ideal baseline is removed instead.
   */
  readonly colPartner: Int32Array;
  /** Gain and offset (LSB) of the ADC converting each column (ADC errors on only). */
  readonly colAdcGain?: Float64Array;
  readonly colAdcOffset?: Float64Array;
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
  /** Column current of one ADC LSB, in units (one level × one DAC code); 1 = the NAX unit step. */
  readonly adcStep: number;
  /** Largest ADC code: 2^adcBits − 1, or 2^(adcBits−1) − 1 for the bipolar ADC of 'balanced' sensing. */
  readonly adcMax: number;
  /** Conversion noise σ, LSB (0 unless ADC errors are on). */
  readonly adcNoiseSigmaLsb: number;
  /** Whether conversions take the general path (any periphery option beyond the NAX setting). */
  readonly general: boolean;
  /** Global drift compensation factor on the outputs (1 = none). */
  readonly outputGain: number;
  /** Per-channel calibration, once fitted (simulate.ts `calibrateChip`). */
  readonly correction?: ColumnCorrection;
}

/** Whether the integer shortcut reproduces the per-conversion path exactly for this layer and chip. */
function integerShortcutExact(p: PreparedLayer, o: ChipOptions): boolean {
  const m = p.mapping;
  if (o.integerShortcut === false || o.generalConversion || o.irDrop !== 'ideal' || o.deviceEffects !== 'off') return false;
  if ((m.adcFullScale ?? 'unitStep') !== 'unitStep' || (m.baseline ?? 'ideal') !== 'ideal') return false;
  // Every conversion is an integer Σ level·code with |count| ≤ rows·(2^cell−1)·(2^dac−1): a lossless ADC never rounds or clips.
  if (m.adcBits < losslessAdcBits(m.rows, m.bitsPerCell, m.dacBits, m.signMapping)) return false;
  // float32 sums of integer products are exact below 2^24.
  const codeMax = 2 ** m.inputBits;
  const qMax = 2 ** (m.weightBits - 1);
  return p.geometry.rowsNeeded * codeMax * qMax < 2 ** 24;
}

/** Programs one chip instance of a layer: device effects, then one effective matrix per crossbar. */
export function programLayer(p: PreparedLayer, o: ChipOptions): ProgrammedLayer {
  const m = p.mapping;
  const adcMax = adcMaxCode(m);
  if (integerShortcutExact(p, o)) {
    const integerWeights = tf.tensor2d(Float32Array.from(p.qWeights), [p.geometry.rowsNeeded, p.node.shape.outChannels]);
    return {
      prepared: p, tiles: [], integerWeights, nfMean: 0, nfMax: 0, nfColumns: 0, readNoiseSigmaRel: 0, seed: o.seed,
      adcStep: 1, adcMax, adcNoiseSigmaLsb: 0, general: false, outputGain: 1,
    };
  }
  const { device, wires } = o.technology;
  const { gOnSiemens, gOffSiemens } = conductances(device);
  const { rows, cols, bitsPerCell } = m;
  const effects = o.deviceEffects === 'on';
  const balanced = m.signMapping === 'balanced';
  // A balanced pair needs no baseline: the G_off currents cancel in the difference.
  const reference = !balanced && m.baseline === 'referenceColumn';
  const adcErrors = effects && !idealAdc(o.technology.adc);
  const adcStep = adcStepOf(p, o.technology);
  const cellMax = 2 ** bitsPerCell - 1;
  // Conductance → counts per input code (see the module comment).
  const perSiemens = cellMax / (gOnSiemens - gOffSiemens);
  // Streams keyed by layer name, so a layer's instance does not depend on which other layers are simulated.
  // Each effect has its own stream, so turning one on leaves the draws of the others unchanged.
  const rng = new Rng(deriveSeed(o.seed, 'layer', p.node.name));
  const refRng = new Rng(deriveSeed(o.seed, 'reference-column', p.node.name));
  const driftRng = new Rng(deriveSeed(o.seed, 'drift', p.node.name));
  const adcRng = new Rng(deriveSeed(o.seed, 'adc', p.node.name));
  const drifting = effects && drifts(device);
  // Physical columns per crossbar: the reference column sits after the last bit line.
  const pc = reference ? cols + 1 : cols;
  const mats: Float64Array[] = [];
  let nfSum = 0;
  let nfMax = 0;
  let nfCount = 0;
  let gBefore = 0;
  let gAfter = 0;
  for (const [k, xb] of p.crossbars.entries()) {
    const cells = { rows, cols, levels: p.levels[k], bitsPerCell, device };
    let g = effects ? programCrossbar({ ...cells, rng }) : idealConductances(cells);
    if (reference) {
      const refCells = { rows, cols: 1, levels: new Int32Array(rows), bitsPerCell, device };
      const gRef = effects ? programCrossbar({ ...refCells, rng: refRng }) : idealConductances(refCells);
      const wide = new Float64Array(rows * pc);
      for (let i = 0; i < rows; i++) {
        wide.set(g.subarray(i * cols, (i + 1) * cols), i * pc);
        wide[i * pc + cols] = gRef[i];
      }
      g = wide;
    }
    if (drifting) {
      const s = driftConductances(g, device, driftRng);
      gBefore += s.sumBefore;
      gAfter += s.sumAfter;
    }
    const mat = o.irDrop === 'ideal' ? g : effectiveMatrix({ g, rows, cols: pc, wires, model: o.irDrop });
    mats.push(mat);
    if (o.irDrop !== 'ideal') {
      // NF of each used column with every word line at its mean calibration activation.
      const v = p.calibration.meanRow;
      for (let j = 0; j < xb.columnChannel.length; j++) {
        let iIdeal = 0;
        let iNon = 0;
        for (let i = 0; i < xb.rowCount; i++) {
          const vi = v[xb.rowStart + i];
          iIdeal += g[i * pc + j] * vi;
          iNon += mat[i * pc + j] * vi;
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
  // Per-ADC errors, drawn per crossbar (a balanced pair's ADC is drawn on its W⁺ array) and ADC in a fixed order.
  const adcsPer = m.adcsPerCrossbar;
  const columnsPerAdc = Math.ceil(cols / adcsPer);
  const adcGain: Float64Array[] = [];
  const adcOffset: Float64Array[] = [];
  if (adcErrors) {
    const a = o.technology.adc;
    for (let k = 0; k < p.crossbars.length; k++) {
      const gain = new Float64Array(adcsPer);
      const offset = new Float64Array(adcsPer);
      for (let n = 0; n < adcsPer; n++) {
        gain[n] = a.gain * (1 + a.gainSigmaRel * adcRng.normal());
        offset[n] = a.offsetLsb + a.offsetSigmaLsb * adcRng.normal();
      }
      adcGain.push(gain);
      adcOffset.push(offset);
    }
  }
  const tiles = p.rowTiles.map((t) => {
    const nCols = t.crossbars.reduce((s, k) => s + p.crossbars[k].columnChannel.length + (reference ? 1 : 0), 0);
    const mCat = new Float32Array(t.rowCount * nCols);
    const colChannel = new Int32Array(nCols);
    const colFactor = new Float64Array(nCols);
    const colConverted = new Uint8Array(nCols);
    const colPartner = new Int32Array(nCols).fill(-1);
    const colAdcGain = adcErrors ? new Float64Array(nCols).fill(1) : undefined;
    const colAdcOffset = adcErrors ? new Float64Array(nCols) : undefined;
    let c0 = 0;
    for (const [n, k] of t.crossbars.entries()) {
      const xb = p.crossbars[k];
      const mat = mats[k];
      const used = xb.columnChannel.length;
      // physicalCrossbars lists a W⁺ array right before its W⁻ array, with the same columns.
      const pairedMinus = balanced && xb.sign > 0 ? c0 + used : -1;
      if (balanced && xb.sign > 0) assert(p.crossbars[t.crossbars[n + 1]]?.sign === -1, () => `layer '${p.node.name}': W⁺ crossbar ${k} has no W⁻ partner`);
      for (let j = 0; j < used; j++) {
        colChannel[c0 + j] = xb.columnChannel[j];
        colFactor[c0 + j] = 2 ** (bitsPerCell * xb.columnSlice[j]) * (balanced ? 1 : xb.sign);
        colConverted[c0 + j] = balanced && xb.sign < 0 ? 0 : 1;
        if (pairedMinus >= 0) colPartner[c0 + j] = pairedMinus + j;
        if (reference) colPartner[c0 + j] = c0 + used;
        if (adcErrors) {
          const kAdc = balanced && xb.sign < 0 ? k - 1 : k;
          colAdcGain![c0 + j] = adcGain[kAdc][floor(j / columnsPerAdc)];
          colAdcOffset![c0 + j] = adcOffset[kAdc][floor(j / columnsPerAdc)];
        }
      }
      const width = reference ? used + 1 : used;
      for (let i = 0; i < t.rowCount; i++) {
        for (let j = 0; j < used; j++) mCat[i * nCols + c0 + j] = mat[i * pc + j] * perSiemens;
        if (reference) mCat[i * nCols + c0 + used] = mat[i * pc + cols] * perSiemens;
      }
      c0 += width;
    }
    const noisy = effects && device.readNoiseSigmaRel > 0;
    return {
      rowStart: t.rowStart,
      rowCount: t.rowCount,
      m: tf.tensor2d(mCat, [t.rowCount, nCols]),
      m2: noisy ? tf.tensor2d(mCat.map((x) => x * x), [t.rowCount, nCols]) : undefined,
      nCols,
      colChannel,
      colFactor,
      colConverted,
      colPartner,
      colAdcGain,
      colAdcOffset,
    };
  });
  const compensate = drifting && device.driftCompensation === 'global' && gAfter > 0;
  return {
    prepared: p,
    tiles,
    nfMean: nfCount > 0 ? nfSum / nfCount : 0,
    nfMax,
    nfColumns: nfCount,
    readNoiseSigmaRel: effects ? device.readNoiseSigmaRel : 0,
    seed: deriveSeed(o.seed, 'read-noise', p.node.name),
    adcStep,
    adcMax,
    adcNoiseSigmaLsb: adcErrors ? o.technology.adc.noiseSigmaLsb : 0,
    general: o.generalConversion === true || adcStep !== 1 || adcErrors || reference || balanced,
    outputGain: compensate ? gBefore / gAfter : 1,
  };
}

export function disposeLayer(l: ProgrammedLayer): void {
  l.integerWeights?.dispose();
  for (const t of l.tiles) {
    t.m.dispose();
    t.m2?.dispose();
  }
}

/** A layer's integer outputs for a batch, before the digital correction, scale and bias. */
interface LayerAccumulation {
  /** Σ over conversions of weight·count, [pixels, Cout] (the integer product Σ q·code for an ideal chip). */
  readonly acc: Float64Array;
  /** Input codes, [pixels, rows]. */
  readonly codes: Int32Array;
  readonly pixels: number;
}

/**
 * The layer's pre-activation output for a batch, computed on the programmed crossbars.
 * x: [batch, inH, inW, Cin] (dense: [batch, Cin]); returns [batch, outH, outW, Cout] (dense: [batch, Cout])
 * as a flat Float32Array, bias added. `batchIndex` keys the read-noise and ADC-noise streams.
 */
export function layerForward(l: ProgrammedLayer, x: Float32Array, batch: number, technology: Technology, batchIndex: number | string): Float32Array {
  const a = accumulate(l, x, batch, technology, batchIndex);
  return finish(l, a.acc, l.correction);
}

/**
 * Largest |column current − baseline| of any conversion of the layer on a batch, in units (one level × one
 * DAC code), on ideal devices and wires: the peak that 'calibrated' ADC full scale is set to.
 */
export function measureAdcPeak(p: PreparedLayer, x: Float32Array, batch: number, technology: Technology): number {
  const probe = programLayer(
    { ...p, mapping: { ...p.mapping, adcFullScale: 'unitStep', adcBits: 31 } },
    { technology, irDrop: 'ideal', deviceEffects: 'off', seed: 0, integerShortcut: false, generalConversion: true },
  );
  try {
    const peak = { max: 0 };
    accumulate(probe, x, batch, technology, 'peak', peak);
    return peak.max;
  } finally {
    disposeLayer(probe);
  }
}

/**
 * Fits the per-channel correction of a layer on a batch of calibration inputs: least squares of the ideal
 * quantised output Σ q·code (for the chip's own input codes) against the chip's output, per output channel,
 * over every pixel of the batch. Returns the fitted correction and the corrected output (as layerForward).
 */
export function calibrateLayer(
  l: ProgrammedLayer,
  x: Float32Array,
  batch: number,
  technology: Technology,
): { correction?: ColumnCorrection; out: Float32Array } {
  const mode = l.prepared.mapping.calibration ?? 'none';
  const a = accumulate(l, x, batch, technology, 'calibration');
  if (mode === 'none') return { out: finish(l, a.acc, undefined) };
  const p = l.prepared;
  const R = p.geometry.rowsNeeded;
  const cout = p.node.shape.outChannels;
  const idealT = tf.tidy(() => tf.matMul(tf.tensor2d(Float32Array.from(a.codes), [a.pixels, R]), tf.tensor2d(Float32Array.from(p.qWeights), [R, cout])));
  const ideal = Float64Array.from(readView(idealT));
  idealT.dispose();
  const chip = new Float64Array(a.acc.length);
  for (let n = 0; n < chip.length; n++) chip[n] = a.acc[n] * l.outputGain;
  const correction = fitColumnCorrection(chip, ideal, cout, mode);
  return { correction, out: finish(l, a.acc, correction) };
}

/** Integer outputs → layer outputs: drift compensation, per-channel correction, then scale and bias. */
function finish(l: ProgrammedLayer, acc: Float64Array, correction: ColumnCorrection | undefined): Float32Array {
  const p = l.prepared;
  const cout = p.node.shape.outChannels;
  const scale = p.weightStep * p.inputStep;
  const bias = p.node.bias;
  const out = new Float32Array(acc.length);
  const P = acc.length / cout;
  const g = l.outputGain;
  for (let px = 0; px < P; px++) {
    for (let c = 0; c < cout; c++) {
      let v = acc[px * cout + c];
      if (g !== 1) v *= g;
      if (correction) v = correction.gain[c] * v + correction.offset[c];
      out[px * cout + c] = v * scale + bias[c];
    }
  }
  return out;
}

function accumulate(
  l: ProgrammedLayer,
  x: Float32Array,
  batch: number,
  technology: Technology,
  batchIndex: number | string,
  peak?: { max: number },
): LayerAccumulation {
  const p = l.prepared;
  const { shape } = p.node;
  const { mapping } = p;
  const R = p.geometry.rowsNeeded;
  const cout = shape.outChannels;
  const cyc = { inputBits: mapping.inputBits, dacBits: mapping.dacBits, inputSign: p.inputSign };
  const codes = im2colCodes(quantizeInputs(x, { stepX: p.inputStep, ...cyc }), batch, shape, p.node.padding);
  const P = codes.length / R;
  assert(Number.isInteger(P), () => `im2col of ${shape.name} gave ${codes.length} values for ${R} rows`);

  if (l.integerWeights) {
    const yT = tf.tidy(() => tf.matMul(tf.tensor2d(Float32Array.from(codes), [P, R]), l.integerWeights!));
    const acc = Float64Array.from(readView(yT));
    yT.dispose();
    return { acc, codes, pixels: P };
  }

  const acc = new Float64Array(P * cout);
  const nCyc = p.cycleWeights.length;
  const { gOnSiemens, gOffSiemens } = conductances(technology.device);
  const off = (gOffSiemens * (2 ** mapping.bitsPerCell - 1)) / (gOnSiemens - gOffSiemens);
  const adcMax = l.adcMax;
  const bipolarTop = p.inputSign === 'twosComplement' && mapping.inputBits - (nCyc - 1) * mapping.dacBits > 1;
  const noisy = l.readNoiseSigmaRel > 0 || l.adcNoiseSigmaLsb > 0;
  const rng = noisy ? new Rng(deriveSeed(l.seed, 'batch', batchIndex)) : undefined;
  // Two's complement codes take quantize.ts' cycle split (bipolar top cycle); unsigned codes are plain
  // d-bit fields, extracted by dacRows.
  const cycleCodes = p.inputSign === 'twosComplement' ? Array.from({ length: nCyc }, (_, c) => dacCycleCodes(codes, c, cyc)) : undefined;
  const sigma = l.readNoiseSigmaRel;
  // Pixels per product: a bounded slice of the tile's rows at a time, so that the DAC rows and the column
  // currents stay a few tens of MB (reused, warm memory) whatever the batch; rows keep their order.
  const chunk = Math.max(1, Math.floor(PRODUCT_ROWS / nCyc));
  const buffers = dacRowBuffers(Math.min(P, chunk), nCyc, Math.max(0, ...l.tiles.map((t) => t.rowCount)));

  for (const t of l.tiles) {
    const { nCols, colChannel, colFactor } = t;
    // Digital weight sign · 2^(cell bits · slice) · (cycle weight) · (LSB size) per (cycle, column).
    const weight = new Float64Array(nCyc * nCols);
    for (let c = 0; c < nCyc; c++) for (let j = 0; j < nCols; j++) weight[c * nCols + j] = colFactor[j] * p.cycleWeights[c] * l.adcStep;
    for (let start = 0; start < P; start += chunk) {
      const rows = dacRows(codes, { start, end: Math.min(P, start + chunk) }, R, t, nCyc, mapping.dacBits, cycleCodes, buffers);
      const { nAct } = rows;
      if (nAct === 0) continue;
      const xAct = rows.xc.subarray(0, nAct * t.rowCount);
      const yT = tf.tidy(() => tf.matMul(tf.tensor2d(xAct, [nAct, t.rowCount]), t.m));
      const y2T = t.m2 ? tf.tidy(() => tf.matMul(tf.square(tf.tensor2d(xAct, [nAct, t.rowCount])), t.m2!)) : undefined;
      const y2 = y2T ? Float32Array.from(readView(y2T)) : undefined;
      const y = readView(yT); // valid until the next tfjs op: no tfjs calls below
      // Per-conversion ADC (remove the baseline, read noise, round, clip), then shift-and-add.
      const conv: Conversions = { ...rows, y, nCols, off, adcMax, colChannel, cout, acc };
      // The common case (unipolar ADC, one-unit LSB, no noise) in WebAssembly: count = round(clamp(I − baseline, 0, max)).
      if (!y2 && !bipolarTop && !l.general) convertUnipolarWasm(conv, weight);
      else {
        convertGeneral(conv, t, {
          weight, y2, sigma, rng, bipolarCycle: bipolarTop ? nCyc - 1 : -1, balanced: mapping.signMapping === 'balanced',
          invStep: 1 / l.adcStep, adcNoise: l.adcNoiseSigmaLsb, peak,
        });
      }
      yT.dispose();
      y2T?.dispose();
    }
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
  return { acc, codes, pixels: P };
}

/** Output spatial size of a layer (for reshaping the flat output). */
export function outputShape(node: MatrixNode): number[] {
  if (node.shape.kind === 'dense') return [node.shape.outChannels];
  const g = patchGeometry(node.shape, node.padding);
  return [g.outH, g.outW, node.shape.outChannels];
}
