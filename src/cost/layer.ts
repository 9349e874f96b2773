/**
 * Energy, delay and area of one matrix layer under its mapping, PUMA-style (reference §3.4, §5.8).
 *
 * Counts come from `mapping/tiling.ts` (the same crossbars the simulator builds). Accounting rules:
 * - every input cycle reads every crossbar of the layer in full: all word lines are driven, every bit line is
 *   sampled, converted and shift-added, used or not (PUMAsim runs whole-MVMU instructions; NAX: "an
 *   under-filled MVMU still pays for its peripherals");
 * - one MVM per output pixel (batch 1, weight-stationary, no replication), ceil(inputBits / dacBits) input
 *   cycles each plus `pipelineExtraStages` to fill and drain the 3-stage pipeline (PUMAsim);
 * - a cycle lasts max(crossbar read, conversionsPerAdc · t_conv(b)), rounded up to the core clock;
 * - activations move through the tile eDRAM and its bus: per MVM the k²·Cin-entry input vector is read and
 *   the Cout outputs written, at `inputBits` each (reference §5.8; nax assumption: outputs are kept at the
 *   next layer's input precision, taken equal to this layer's), and the outputs cross one router to the next
 *   layer's tile (nax assumption);
 * - leakage of the layer's components and of its tiles' eDRAM, bus and router share over the layer's active
 *   time (PUMAsim power-gates idle cores and tiles).
 */
import type { ComponentCosts } from '../config/components.js';
import type { LayerMapping } from '../config/mapping.js';
import { type MatrixLayerShape, tileGeometry } from '../mapping/tiling.js';
import { adcAt, crossbarAt, dacAt, registerAt } from './component-scaling.js';
import type { LayerCost } from './types.js';

/** A matrix layer and the crossbars it is mapped to. */
export interface MappedLayer {
  readonly shape: MatrixLayerShape;
  readonly mapping: LayerMapping;
}

/** Relative slack when rounding a cycle up to whole clocks, so 128 ns / 1 ns stays 128 cycles in floating point. */
const CLOCK_ROUNDING_SLACK = 1e-9;

/** Cost of one layer per inference. Pure; `components` is the validated technology's `components`. */
export function layerCost(layer: MappedLayer, components: ComponentCosts): LayerCost {
  const { shape, mapping: m } = layer;
  const c = components;
  const g = tileGeometry(shape, m);

  // Counts (PUMA organisation).
  const crossbars = g.crossbars;
  const adcs = g.convertingCrossbars * m.adcsPerCrossbar;
  const dacs = crossbars * m.rows;
  const sampleHolds = crossbars * m.cols;
  const shiftAdds = adcs;
  const mvmus = Math.ceil(crossbars / c.organisation.crossbarsPerMvmu);
  const cores = Math.ceil(mvmus / c.organisation.mvmusPerCore);
  const tiles = Math.ceil(cores / c.organisation.coresPerTile);
  const registers = 2 * mvmus;

  // Components at this layer's sizes.
  const xbar = crossbarAt(c, m.rows, m.cols);
  const adc = adcAt(c, m.adcBits);
  const dac = dacAt(c, m.dacBits);
  const inReg = registerAt(c, m.rows);
  const outReg = registerAt(c, m.cols);

  // Delay.
  const conversionsPerAdc = Math.ceil(m.cols / m.adcsPerCrossbar);
  const clock = c.timing.clockPeriodS;
  const rawCycleS = Math.max(xbar.readTimeS, conversionsPerAdc * adc.conversionTimeS);
  const cycleTimeS = Math.ceil((rawCycleS / clock) * (1 - CLOCK_ROUNDING_SLACK)) * clock;
  const mvmDelayS = (g.inputCycles + c.timing.pipelineExtraStages) * cycleTimeS;
  const delayS = g.mvms * mvmDelayS;

  // Dynamic energy per inference.
  const crossbarReads = g.mvms * g.inputCycles * crossbars;
  const columnSamples = crossbarReads * m.cols;
  const conversions = g.mvms * g.inputCycles * g.convertingCrossbars * m.cols;
  const activationBitsPerMvm = (g.rowsNeeded + g.colsNeeded) * m.inputBits;
  const outputBitsPerMvm = g.colsNeeded * m.inputBits;
  const energy = {
    crossbar: crossbarReads * xbar.readEnergyJ,
    dac: crossbarReads * m.rows * dac.energyJPerConversion,
    sampleHold: columnSamples * c.sampleHold.energyJPerSample,
    adc: conversions * adc.energyJPerConversion,
    shiftAdd: conversions * c.shiftAdd.energyJPerOp,
    registers: g.mvms * mvmus * (g.inputCycles * inReg.readEnergyJ + inReg.writeEnergyJ + outReg.writeEnergyJ),
    edram: g.mvms * (activationBitsPerMvm / c.edram.accessBits) * c.edram.energyJPerAccess,
    bus: g.mvms * activationBitsPerMvm * c.bus.energyJPerBit,
    router: g.mvms * (outputBitsPerMvm / c.router.accessBits) * c.router.energyJPerAccess,
    leakage: 0,
  };
  const tileLeakagePowerW = c.edram.leakagePowerW + c.bus.leakagePowerW + c.router.leakagePowerW / c.router.sharedByTiles;
  const leakagePowerW =
    crossbars * (xbar.leakagePowerW + m.rows * dac.leakagePowerW + m.cols * c.sampleHold.leakagePowerW) +
    adcs * adc.leakagePowerW +
    shiftAdds * c.shiftAdd.leakagePowerW +
    mvmus * (inReg.leakagePowerW + outReg.leakagePowerW) +
    tiles * tileLeakagePowerW;
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
