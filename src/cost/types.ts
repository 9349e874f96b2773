/**
 * The cost model's output, part of the report contract (`nax-report/1`). Fields may be added; existing
 * names are relied on by compare/, render/ and the search.
 */
import type { CostModelSwitches } from '../config/cost-model.js';

export interface LayerCost {
  readonly name: string;
  /** Physical crossbars (from mapping/tiling.ts). */
  readonly crossbars: number;
  /** crossbars · adcsPerCrossbar. */
  readonly adcs: number;
  /** Row drivers: crossbars · rows. */
  readonly dacs: number;
  /** One per bit line: crossbars · cols. */
  readonly sampleHolds: number;
  /** One behind each ADC. */
  readonly shiftAdds: number;
  /** MVMUs the layer occupies, ceil(crossbars / crossbarsPerMvmu) (PUMA organisation). */
  readonly mvmus: number;
  /** Cores, ceil(mvmus / mvmusPerCore). */
  readonly cores: number;
  /** Tiles if the layer had its own, ceil(cores / coresPerTile); the network packs layers (CostTotals.tiles). */
  readonly tiles: number;
  /** XbarIn + XbarOut register files, 2 per MVMU. */
  readonly registers: number;
  /** Cell utilisation of the layer's crossbars, 0…1. */
  readonly utilisation: number;
  /** Columns each ADC converts serially per input cycle, ceil(cols / adcsPerCrossbar). */
  readonly conversionsPerAdc: number;
  /**
   * One bit-serial input cycle, s: 'crossbarRead', max(crossbar read, conversionsPerAdc · t_conv) rounded up to
   * the clock; 'pumaAdc', the ADC latency t_ADC(b) (the MVM is rounded as a whole).
   */
  readonly cycleTimeS: number;
  /** One MVM: (input cycles + pipeline fill) · cycleTimeS, s. */
  readonly mvmDelayS: number;
  /** Static power of the layer's components and its tiles' shared parts while it runs, W. */
  readonly leakagePowerW: number;
  /** Static power of the layer's own components (leakagePowerW without the tiles' shared parts), W. */
  readonly componentLeakagePowerW: number;
  /** Energy per inference, J. */
  readonly energyJ: number;
  /** Layer latency per inference (all crossbars of the layer in parallel), s. */
  readonly delayS: number;
  /** Area of the layer's crossbars and their peripherals, mm². */
  readonly areaMm2: number;
  /** energyJ · delayS · areaMm2, J·s·mm². */
  readonly edap: number;
  /**
   * Energy per component, J (crossbar, dac, sampleHold, adc, shiftAdd, registers, edram, bus, router, leakage;
   * partialSums with `partialSumMovement: "edram"`).
   */
  readonly energyBreakdownJ: Readonly<Record<string, number>>;
  /** Area per component, mm² (crossbar, dac, sampleHold, adc, shiftAdd, registers). */
  readonly areaBreakdownMm2: Readonly<Record<string, number>>;
}

export interface CostTotals {
  /** Σ layer energies, J per inference. */
  readonly energyJ: number;
  /** Layer-serial latency of one inference, s. */
  readonly delayS: number;
  /** Pipelined figure: the slowest layer's latency, s (throughput = 1 / this). */
  readonly pipelinedDelayS: number;
  /** Crossbars + peripherals + shared tile parts, mm². */
  readonly areaMm2: number;
  /** energyJ · delayS · areaMm2, J·s·mm². */
  readonly edap: number;
  readonly crossbars: number;
  /** Tiles with layers packed at MVMU granularity, ceil(Σ mvmus / (mvmusPerCore · coresPerTile)). */
  readonly tiles: number;
  readonly adcs: number;
  readonly mvmus: number;
  /** Programmed cells ÷ all cells of all crossbars, 0…1. */
  readonly utilisation: number;
  /** Σ layer areas (crossbars + peripherals), mm². */
  readonly layersAreaMm2: number;
  /** tiles · (eDRAM + bus + router / sharedByTiles), mm². */
  readonly tileSharedAreaMm2: number;
  /** Σ of the layers' energy breakdowns, J; with `leakage: "alwaysOn"` plus idleLeakage (network.ts). */
  readonly energyBreakdownJ: Readonly<Record<string, number>>;
  /** Σ of the layers' area breakdowns plus edram, bus and router of the tiles, mm². */
  readonly areaBreakdownMm2: Readonly<Record<string, number>>;
}

export interface CostReport {
  /** The modelling switches the costs were computed under. */
  readonly costModel: CostModelSwitches;
  readonly layers: readonly LayerCost[];
  readonly totals: CostTotals;
}
