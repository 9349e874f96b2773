/**
 * The `costModel` section of `technology.json`: the modelling assumptions of the EDAP model that change its
 * conclusions, as named switches (reference §5.8). Each switch has a default chosen with a reason, given
 * on the field; `nax sensitivity` shows which of them decide the ranking of crossbar sizes.
 *
 *   { "costModel": { "delayModel": "pumaAdc", "leakage": "alwaysOn" } }
 */
import { type NumberRule, readCitedNumber, readEnum, rejectUnknownKeys, requireObject } from './fields.js';

/** How long one MVM takes. */
export type DelayModel =
  /**
   * Each bit-serial input cycle lasts max(crossbar read time, columns per ADC · conversion time) (ISAAC
   * organisation: one ADC converts its crossbar's columns one after the other at 1.28 GS/s), so the cycle
   * grows with N.
   */
  | 'crossbarRead'
  /**
   * PUMAsim at Negi's NAX commit (puma-simulator e223699, `src/ima.py`, `xbComputeLatency_Analog`):
   * MVM = ADC latency `adc_lat_dict[b]` × (input bits / DAC bits + 3 − 1), independent of N. PUMAsim's
   * further factor ceil(weight_width / xbar_bits) / ceil(data_width / xbar_bits) is 1 in Negi's configs
   * (16-bit weights and data) and is left out: slices run on parallel crossbars.
   */
  | 'pumaAdc';

/** Area of one ADC by resolution. */
export type AdcAreaModel =
  /** ISAAC's 8-bit SAR ADC scaled by resolution after Saberi et al. (2011) (`components.adc.table`). */
  | 'saberi'
  /** Negi's per-bit table in the NAX PUMAsim constants files (`components.adcAreaNegi`). */
  | 'negiTable';

/** Energy of one read of the memristive array. */
export type ArrayReadEnergy =
  /** Read power × read time of the array from the component constants (PUMAsim/ISAAC `xbar_pow_dict`). */
  | 'component'
  /** From the device: V_read² · G · t over the driven cells (see CostModelSwitches.meanLevelFraction). */
  | 'device';

/** What happens to partial sums of a layer whose rows span several crossbars (row tiles). */
export type PartialSumMovement =
  /** Not costed: the sums of the row tiles are combined for free. */
  | 'none'
  /** Each extra row tile's partial sums are written to the tile eDRAM over the bus, read back and added. */
  | 'edram';

/** Which units leak while an inference runs. */
export type LeakageModel =
  /** Only the running layer's units leak, while it runs (PUMAsim power-gates idle cores and tiles). */
  | 'powerGated'
  /** Every unit of the network leaks for the whole inference. */
  | 'alwaysOn';

export interface CostModelSwitches {
  /**
   * Default 'crossbarRead': one ADC per crossbar converting that crossbar's N columns is the organisation the
   * component constants describe; 'pumaAdc' charges every crossbar size the time of a 128-column conversion.
   * 'pumaAdc' is the rule the NAX paper's PUMAsim numbers most likely used.
   */
  readonly delayModel: DelayModel;
  /**
   * Default 'saberi': a published scaling with energy and area from one source. 'negiTable' is the NAX
   * setting (its 9-bit ADC has the 8-bit area, an edit the files do not explain).
   */
  readonly adcAreaModel: AdcAreaModel;
  /** Default 'component': the constants the PUMAsim/NAX numbers used; 'device' follows the technology's device. */
  readonly arrayReadEnergy: ArrayReadEnergy;
  /**
   * Mean programmed level of a weight-holding cell as a fraction of the level range, 0…1, for 'device'
   * read energy: G = G_off + f·(G_on − G_off). Default 0.5: levels used uniformly (nax assumption; trained
   * weights cluster near zero, so this errs high).
   */
  readonly meanLevelFraction: number;
  /**
   * Fraction of the driven word lines at V_read in one bit-serial input cycle, 0…1, for 'device' read
   * energy. Default 0.5: input bits equally likely 0 or 1 (nax assumption; ReLU zeros make it lower).
   */
  readonly inputBitDensity: number;
  /**
   * Default 'none': today's model and the NAX LUT (single layers that fit PUMAsim's MVMUs). 'edram' costs the
   * movement with ISAAC eDRAM/bus and PUMAsim ALU constants (`components.partialSum`).
   */
  readonly partialSumMovement: PartialSumMovement;
  /** Default 'powerGated': PUMAsim's accounting (`src/hw_stats.py`, leakage × active cycles). */
  readonly leakage: LeakageModel;
}

export const DEFAULT_COST_MODEL: CostModelSwitches = Object.freeze({
  delayModel: 'crossbarRead',
  adcAreaModel: 'saberi',
  arrayReadEnergy: 'component',
  meanLevelFraction: 0.5,
  inputBitDensity: 0.5,
  partialSumMovement: 'none',
  leakage: 'powerGated',
});

/** The values each enumerated switch may take, first = default. */
export const COST_MODEL_CHOICES = Object.freeze({
  delayModel: ['crossbarRead', 'pumaAdc'] as const,
  adcAreaModel: ['saberi', 'negiTable'] as const,
  arrayReadEnergy: ['component', 'device'] as const,
  partialSumMovement: ['none', 'edram'] as const,
  leakage: ['powerGated', 'alwaysOn'] as const,
});

/** The enumerated switches (the numeric fields only parameterise 'device' read energy). */
export type CostModelSwitchName = keyof typeof COST_MODEL_CHOICES;
export const COST_MODEL_SWITCHES = Object.keys(COST_MODEL_CHOICES) as CostModelSwitchName[];

const FRACTION: NumberRule = { min: 0, max: 1 };
const NUMERIC = ['meanLevelFraction', 'inputBitDensity'] as const;

/**
 * Validates a `costModel` section over `base`; errors name `<field>.<switch>`. Returns the switches and the
 * sources cited for the numeric fields, keyed by field path.
 */
export function parseCostModel(
  raw: unknown,
  file: string,
  field: string,
  base: CostModelSwitches = DEFAULT_COST_MODEL,
): { costModel: CostModelSwitches; sources: Record<string, string> } {
  const o = requireObject(raw, file, field);
  rejectUnknownKeys(o, [...COST_MODEL_SWITCHES, ...NUMERIC], file, field);
  const out: Record<string, unknown> = { ...base };
  const sources: Record<string, string> = {};
  for (const name of COST_MODEL_SWITCHES) {
    if (o[name] !== undefined) out[name] = readEnum(o[name], COST_MODEL_CHOICES[name], file, `${field}.${name}`);
  }
  for (const name of NUMERIC) {
    if (o[name] === undefined) continue;
    const { value, source } = readCitedNumber(o[name], file, `${field}.${name}`, FRACTION);
    out[name] = value;
    if (source) sources[`${field}.${name}`] = source;
  }
  return { costModel: Object.freeze(out) as unknown as CostModelSwitches, sources };
}
