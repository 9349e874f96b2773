/**
 * The cost model's output, part of the report contract (`nax-report/1`). Fields may be added; existing
 * names are relied on by compare/, render/ and the search.
 */
export interface LayerCost {
  readonly name: string;
  /** Physical crossbars (from mapping/tiling.ts). */
  readonly crossbars: number;
  readonly adcs: number;
  readonly dacs: number;
  readonly sampleHolds: number;
  readonly shiftAdds: number;
  /** Cell utilisation of the layer's crossbars, 0…1. */
  readonly utilisation: number;
  /** Energy per inference, J. */
  readonly energyJ: number;
  /** Layer latency per inference (all crossbars of the layer in parallel), s. */
  readonly delayS: number;
  /** Area of the layer's crossbars and their peripherals, mm². */
  readonly areaMm2: number;
  /** energyJ · delayS · areaMm2, J·s·mm². */
  readonly edap: number;
  /** Energy per component, J (crossbar, dac, sampleHold, adc, shiftAdd, buffer, leakage, …). */
  readonly energyBreakdownJ: Readonly<Record<string, number>>;
  /** Area per component, mm². */
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
  readonly tiles: number;
}

export interface CostReport {
  readonly layers: readonly LayerCost[];
  readonly totals: CostTotals;
}
