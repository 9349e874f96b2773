/**
 * Energy, delay and area of one matrix layer under its mapping, PUMA-style (reference §3.4, §5.8).
 *
 * Counts come from `mapping/tiling.ts` (the same crossbars the simulator builds). Accounting rules:
 * - every input cycle reads every crossbar of the layer in full: all word lines are driven, every bit line is
 *   sampled, converted and shift-added, used or not (PUMAsim runs whole-MVMU instructions; NAX: "an
 *   under-filled MVMU still pays for its peripherals");
 * - one MVM per output pixel (batch 1, weight-stationary, no replication), ceil(inputBits / dacBits) input
 *   cycles each plus `pipelineExtraStages` to fill and drain the 3-stage pipeline (PUMAsim);
 * - delay (`costModel.delayModel`): 'crossbarRead', a cycle lasts max(crossbar read, conversionsPerAdc ·
 *   t_conv(b)), rounded up to the core clock; 'pumaAdc', PUMAsim's rule (puma-simulator e223699 `src/ima.py`
 *   `xbComputeLatency_Analog`): an MVM lasts t_ADC(b) · (input cycles + pipelineExtraStages), rounded up to
 *   the clock as a whole (PUMAsim counts whole cycles per instruction), whatever N;
 * - activations move through the tile eDRAM and its bus: per MVM the k²·Cin-entry input vector is read and
 *   the Cout outputs written, at `inputBits` each (reference §5.8; nax assumption: outputs are kept at the
 *   next layer's input precision, taken equal to this layer's), and the outputs cross one router to the next
 *   layer's tile (nax assumption);
 * - a measured reference column (`baseline: "referenceColumn"`) is one more bit line of G_off cells per crossbar:
 *   the array is costed at cols + 1 (area, read power and leakage ∝ cells, read time ∝ bit lines) and the
 *   column is sampled like any other, but never converted — its current is subtracted in analog before the
 *   ADC (nax assumption: the subtraction sits in the sample-and-hold front end, no further component);
 * - array read energy (`costModel.arrayReadEnergy`): 'component', read power × read time of the array;
 *   'device', V_read² · G · t_read summed over the cells of the driven word lines (deviceReadEnergyJ);
 * - partial sums (`costModel.partialSumMovement: "edram"`): per MVM, each row tile after the first sends its
 *   Cout partial sums to the tile eDRAM over the bus and the accumulating core reads them back and adds
 *   them: one eDRAM write and read, two bus crossings and one addition per partial sum, and the eDRAM
 *   accesses in series add to the MVM's delay (nax assumption: not hidden behind the next MVM);
 * - leakage of the layer's components and of its tiles' eDRAM, bus and router share over the layer's active
 *   time (PUMAsim power-gates idle cores and tiles); `costModel.leakage: "alwaysOn"` adds the idle units'
 *   leakage in the network totals (network.ts).
 */
import type { ComponentCosts } from '../config/components.js';
import type { LayerMapping } from '../config/mapping.js';
import { type MatrixLayerShape, tileGeometry } from '../mapping/tiling.js';
import { adcAt, crossbarAt, dacAt, registerAt } from './component-scaling.js';
import { type CostOptions, DEFAULT_COST_OPTIONS } from './options.js';
import type { LayerCost } from './types.js';

/** A matrix layer and the crossbars it is mapped to. */
export interface MappedLayer {
  readonly shape: MatrixLayerShape;
  readonly mapping: LayerMapping;
}

/** Relative slack when rounding a cycle up to whole clocks, so 128 ns / 1 ns stays 128 cycles in floating point. */
const CLOCK_ROUNDING_SLACK = 1e-9;

/**
 * Energy of one read of a layer's crossbars from the device, J: every used word line is driven (rows past
 * the layer's k²·Cin are held at 0 V, see mapping/tiling.ts) at V_read for a fraction `inputBitDensity` of
 * the cycles, for the array's read time; a weight-holding cell conducts G_off + f·(G_on − G_off) on average
 * (f = `meanLevelFraction`), every other cell on a driven row G_off. Summed over all crossbars of the layer.
 */
export function deviceReadEnergyJ(
  g: { rowsNeeded: number; rowTiles: number; crossbars: number; utilisation: number; referenceColumns: number },
  m: Pick<LayerMapping, 'rows' | 'cols'>,
  readTimeS: number,
  opts: CostOptions,
): number {
  const { rOnOhm, onOffRatio, vReadV } = opts.device;
  const gOn = 1 / rOnOhm;
  const gOff = gOn / onOffRatio;
  // Each (column tile, slice, sign) group of row tiles drives rowsNeeded word lines in total.
  const drivenCells = g.rowsNeeded * (m.cols + g.referenceColumns) * (g.crossbars / g.rowTiles);
  const weightCells = g.utilisation * g.crossbars * m.rows * m.cols;
  const meanConductanceSumS = drivenCells * gOff + weightCells * opts.model.meanLevelFraction * (gOn - gOff);
  return vReadV * vReadV * opts.model.inputBitDensity * meanConductanceSumS * readTimeS;
}

/**
 * Cost of one layer per inference. Pure; `components` is the validated technology's `components`, `opts`
 * its cost-model switches and device (costOptionsOf).
 */
export function layerCost(layer: MappedLayer, components: ComponentCosts, opts: CostOptions = DEFAULT_COST_OPTIONS): LayerCost {
  const { shape, mapping: m } = layer;
  const c = components;
  const sw = opts.model;
  const g = tileGeometry(shape, m);

  // Counts (PUMA organisation).
  const crossbars = g.crossbars;
  const adcs = g.convertingCrossbars * m.adcsPerCrossbar;
  const dacs = crossbars * m.rows;
  // Bit lines per crossbar, the reference column included.
  const physicalCols = m.cols + g.referenceColumns;
  const sampleHolds = crossbars * physicalCols;
  const shiftAdds = adcs;
  const mvmus = Math.ceil(crossbars / c.organisation.crossbarsPerMvmu);
  const cores = Math.ceil(mvmus / c.organisation.mvmusPerCore);
  const tiles = Math.ceil(cores / c.organisation.coresPerTile);
  const registers = 2 * mvmus;

  // Components at this layer's sizes.
  const xbar = crossbarAt(c, m.rows, physicalCols);
  const adc = adcAt(c, m.adcBits, sw.adcAreaModel);
  const dac = dacAt(c, m.dacBits);
  const inReg = registerAt(c, m.rows);
  const outReg = registerAt(c, m.cols);

  // Partial sums of the row tiles after the first, per MVM.
  const moved = sw.partialSumMovement === 'edram' ? (g.rowTiles - 1) * g.colsNeeded : 0;
  const movedBits = moved * c.partialSum.bits;
  // Written and read back, one access after the other.
  const partialSumDelayS = 2 * Math.ceil(movedBits / c.edram.accessBits) * c.edram.accessTimeS;

  // Delay.
  const conversionsPerAdc = Math.ceil(m.cols / m.adcsPerCrossbar);
  const clock = c.timing.clockPeriodS;
  const toClock = (s: number) => Math.ceil((s / clock) * (1 - CLOCK_ROUNDING_SLACK)) * clock;
  const stages = g.inputCycles + c.timing.pipelineExtraStages;
  let cycleTimeS: number;
  let mvmDelayS: number;
  if (sw.delayModel === 'pumaAdc') {
    cycleTimeS = c.adc.readLatencySPerBit * m.adcBits;
    mvmDelayS = toClock(stages * cycleTimeS + partialSumDelayS);
  } else {
    cycleTimeS = toClock(Math.max(xbar.readTimeS, conversionsPerAdc * adc.conversionTimeS));
    mvmDelayS = stages * cycleTimeS + toClock(partialSumDelayS);
  }
  const delayS = g.mvms * mvmDelayS;

  // Dynamic energy per inference.
  const crossbarReads = g.mvms * g.inputCycles * crossbars;
  const columnSamples = crossbarReads * physicalCols;
  const conversions = g.mvms * g.inputCycles * g.convertingCrossbars * m.cols;
  const activationBitsPerMvm = (g.rowsNeeded + g.colsNeeded) * m.inputBits;
  const outputBitsPerMvm = g.colsNeeded * m.inputBits;
  const readEnergyJ = sw.arrayReadEnergy === 'device' ? deviceReadEnergyJ(g, m, xbar.readTimeS, opts) / crossbars : xbar.readEnergyJ;
  const energy = {
    crossbar: crossbarReads * readEnergyJ,
    dac: crossbarReads * m.rows * dac.energyJPerConversion,
    sampleHold: columnSamples * c.sampleHold.energyJPerSample,
    adc: conversions * adc.energyJPerConversion,
    shiftAdd: conversions * c.shiftAdd.energyJPerOp,
    registers: g.mvms * mvmus * (g.inputCycles * inReg.readEnergyJ + inReg.writeEnergyJ + outReg.writeEnergyJ),
    edram: g.mvms * (activationBitsPerMvm / c.edram.accessBits) * c.edram.energyJPerAccess,
    bus: g.mvms * activationBitsPerMvm * c.bus.energyJPerBit,
    router: g.mvms * (outputBitsPerMvm / c.router.accessBits) * c.router.energyJPerAccess,
    ...(sw.partialSumMovement === 'edram'
      ? {
          partialSums: g.mvms * (moved * c.partialSum.addEnergyJ +
            2 * (movedBits / c.edram.accessBits) * c.edram.energyJPerAccess + 2 * movedBits * c.bus.energyJPerBit),
        }
      : {}),
    leakage: 0,
  };
  const tileLeakagePowerW = c.edram.leakagePowerW + c.bus.leakagePowerW + c.router.leakagePowerW / c.router.sharedByTiles;
  const componentLeakagePowerW =
    crossbars * (xbar.leakagePowerW + m.rows * dac.leakagePowerW + physicalCols * c.sampleHold.leakagePowerW) +
    adcs * adc.leakagePowerW +
    shiftAdds * c.shiftAdd.leakagePowerW +
    mvmus * (inReg.leakagePowerW + outReg.leakagePowerW);
  const leakagePowerW = componentLeakagePowerW + tiles * tileLeakagePowerW;
  energy.leakage = leakagePowerW * delayS;

  // Area of the layer's own hardware (the tiles' shared parts are added once for the network).
  const area = {
    crossbar: crossbars * xbar.areaMm2,
    dac: dacs * dac.areaMm2,
    sampleHold: sampleHolds * c.sampleHold.areaMm2,
    adc: adcs * adc.areaMm2,
    shiftAdd: shiftAdds * c.shiftAdd.areaMm2,
    registers: mvmus * (inReg.areaMm2 + outReg.areaMm2),
  };

  const energyJ = sum(energy);
  const areaMm2 = sum(area);
  return Object.freeze({
    name: shape.name,
    crossbars,
    adcs,
    dacs,
    sampleHolds,
    shiftAdds,
    mvmus,
    cores,
    tiles,
    registers,
    utilisation: g.utilisation,
    conversionsPerAdc,
    cycleTimeS,
    mvmDelayS,
    leakagePowerW,
    componentLeakagePowerW,
    energyJ,
    delayS,
    areaMm2,
    edap: energyJ * delayS * areaMm2,
    energyBreakdownJ: Object.freeze(energy),
    areaBreakdownMm2: Object.freeze(area),
  });
}

function sum(o: Readonly<Record<string, number>>): number {
  let s = 0;
  for (const v of Object.values(o)) s += v;
  return s;
}
