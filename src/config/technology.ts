/**
 * `technology.json` (schema `nax-technology/1`): the device, the wires and the component costs.
 * Every section and field is optional; a file overrides the built-in defaults field by field. Any number
 * may be written `{ "value": n, "source": "…" }` so the file cites its constants.
 */
import { createHash } from 'node:crypto';
import { NaxUserError } from '../errors.js';
import { DEFAULT_COMPONENTS, parseComponentsWithSources, type ComponentCosts } from './components.js';
import { type CostModelSwitches, DEFAULT_COST_MODEL, parseCostModel } from './cost-model.js';
import {
  type NumberRule,
  describe,
  readCitedNumber,
  readEnum,
  rejectUnknownKeys,
  requireObject,
} from './fields.js';

export const TECHNOLOGY_SCHEMA = 'nax-technology/1';

/** Memristive device model. */
export interface DeviceParams {
  /** Low-resistance (ON) state, Ω. Default 100 kΩ: PUMA functional simulator `src/config.py` (Gon = 1/100 kΩ⁻¹). */
  readonly rOnOhm: number;
  /** R_off / R_on. Default 6: same source (Goff = 1/600 kΩ⁻¹). */
  readonly onOffRatio: number;
  /** Read voltage for a full input code (V_max), V. Default 0.25 V: same source. */
  readonly vReadV: number;
  /** Programming variation σ relative to the programmed conductance. Default 0.02: `ocv_delta` in Purdue's mvm_params.py. */
  readonly programmingSigmaRel: number;
  /** 'normal': G·(1+σε); 'lognormal': G·exp(σε − σ²/2) (same mean). Default 'normal'. */
  readonly programmingDistribution: 'normal' | 'lognormal';
  /** Probability a cell is stuck at G_off (SA0). Default 0: nax assumption (literature quotes ~1.75 %, unverified). */
  readonly stuckAtOffRate: number;
  /** Probability a cell is stuck at G_on (SA1). Default 0: nax assumption (literature quotes ~9 %, unverified). */
  readonly stuckAtOnRate: number;
  /**
   * Temporal read noise σ of each cell current relative to its value, per read. Default 0: nax assumption
   * (no NAX source). When > 0 each conversion gets Gaussian noise; this costs a second matrix product.
   */
  readonly readNoiseSigmaRel: number;
  /**
   * Conductance drift exponent ν: G(t) = G(t0)·(t/t0)^(−ν) for every cell (structural relaxation of the
   * amorphous phase). Default 0 (no drift): the NAX setting, and the right value for a chip read right after
   * programming. PCM: ν ≈ 0.05 (measured mean 0.049…0.1 over the conductance range, Nandakumar et al.,
   * ICECS 2019; Joshi et al., Nat. Commun. 11, 2473, 2020; physics in Le Gallo et al., Adv. Electron.
   * Mater. 4, 1700627, 2018). Filamentary RRAM drifts far less; no verified ν, supply your own.
   */
  readonly driftNu: number;
  /** Cell-to-cell spread σ of ν (each cell draws ν ~ N(driftNu, σ), clipped at 0). Default 0. PCM: 0.008…0.045 (same sources). */
  readonly driftNuSigma: number;
  /** Time after programming at which G(t0) is the programmed conductance, s. Default 20 s (the t0 of the PCM model above). */
  readonly driftT0S: number;
  /** Time of the inference after programming, s. Default 20 s = driftT0S, i.e. no drift. */
  readonly driftTimeS: number;
  /**
   * 'global': per layer, one digital factor ΣG(t0)/ΣG(t) (the summed all-ones read of the layer's cells right
   * after programming divided by the same read at driftTimeS; global drift compensation of Le Gallo et al.
   * 2018, as in aihwkit) applied to the layer's outputs. 'none' (default): no compensation.
   */
  readonly driftCompensation: 'none' | 'global';
}

/**
 * Non-idealities of each ADC (one per `adcsPerCrossbar` per crossbar), drawn once per chip instance from the
 * seeded RNG: an ADC converts x (column current in LSB) to round(gain·x + offset + noise). The defaults are an
 * ideal converter (the NAX setting): offset 0, gain 1, no noise. Values for real SAR ADCs are design specific;
 * nax ships none (nax assumption: supply them from your ADC's datasheet, e.g. its INL/offset/gain error).
 */
export interface AdcErrorParams {
  /** Mean offset error of every ADC, LSB. Default 0. */
  readonly offsetLsb: number;
  /** ADC-to-ADC spread σ of the offset, LSB. Default 0. */
  readonly offsetSigmaLsb: number;
  /** Mean gain of every ADC (1 = ideal). Default 1. */
  readonly gain: number;
  /** ADC-to-ADC spread σ of the gain, relative. Default 0. */
  readonly gainSigmaRel: number;
  /** Conversion noise σ, LSB, drawn anew for every conversion (thermal/comparator noise). Default 0. */
  readonly noiseSigmaLsb: number;
}

/** Parasitic resistances of the array (reference §2.5 circuit convention). */
export interface WireParams {
  /** Wire segment between neighbouring cells, Ω. Default 1 Ω: nax assumption calibrated to GENIEx NF bounds (reference §2.4). */
  readonly rWireOhm: number;
  /** Row driver output resistance, Ω. Default 100 Ω: nax assumption, same calibration. */
  readonly rSourceOhm: number;
  /** Column sense (virtual-ground) input resistance, Ω. Default 100 Ω: nax assumption, same calibration. */
  readonly rSinkOhm: number;
}

export interface Technology {
  readonly device: DeviceParams;
  readonly wires: WireParams;
  readonly adc: AdcErrorParams;
  readonly components: ComponentCosts;
  /** Modelling assumptions of the cost model (config/cost-model.ts). */
  readonly costModel: CostModelSwitches;
  /** Sources cited in the file, by field path (only those the file gave). */
  readonly sources: Readonly<Record<string, string>>;
}

export const DEFAULT_DEVICE: DeviceParams = Object.freeze({
  rOnOhm: 100e3,
  onOffRatio: 6,
  vReadV: 0.25,
  programmingSigmaRel: 0.02,
  programmingDistribution: 'normal',
  stuckAtOffRate: 0,
  stuckAtOnRate: 0,
  readNoiseSigmaRel: 0,
  driftNu: 0,
  driftNuSigma: 0,
  driftT0S: 20,
  driftTimeS: 20,
  driftCompensation: 'none',
});

export const DEFAULT_ADC_ERRORS: AdcErrorParams = Object.freeze({
  offsetLsb: 0,
  offsetSigmaLsb: 0,
  gain: 1,
  gainSigmaRel: 0,
  noiseSigmaLsb: 0,
});

/** Whether an ADC error model is the ideal converter (then the engine keeps its exact fast path). */
export function idealAdc(a: AdcErrorParams): boolean {
  return a.offsetLsb === 0 && a.offsetSigmaLsb === 0 && a.gain === 1 && a.gainSigmaRel === 0 && a.noiseSigmaLsb === 0;
}

export const DEFAULT_WIRES: WireParams = Object.freeze({
  rWireOhm: 1,
  rSourceOhm: 100,
  rSinkOhm: 100,
});

export const DEFAULT_TECHNOLOGY: Technology = Object.freeze({
  device: DEFAULT_DEVICE,
  wires: DEFAULT_WIRES,
  adc: DEFAULT_ADC_ERRORS,
  components: DEFAULT_COMPONENTS,
  costModel: DEFAULT_COST_MODEL,
  sources: {},
});

/** Conductances derived from a device (S). */
export function conductances(d: DeviceParams): { gOnSiemens: number; gOffSiemens: number } {
  return { gOnSiemens: 1 / d.rOnOhm, gOffSiemens: 1 / (d.rOnOhm * d.onOffRatio) };
}

/** Fields of a section that take a string from a fixed list instead of a number. */
const ENUM_FIELDS: Record<string, readonly string[]> = {
  programmingDistribution: ['normal', 'lognormal'],
  driftCompensation: ['none', 'global'],
};

/**
 * Physical ranges. R_on of published RRAM, PCM and CBRAM synaptic devices lies between about 1 kΩ and
 * 1 MΩ (Yu, "Neuro-inspired computing with emerging nonvolatile memory", Proc. IEEE 106(2), 2018); the
 * bounds leave a decade either side (nax assumption). Below 100 Ω a 128-cell line draws amperes at
 * read voltages, and no solve of such an array is meaningful.
 */
const DEVICE_RULES: Record<Exclude<keyof DeviceParams, 'programmingDistribution' | 'driftCompensation'>, NumberRule> = {
  rOnOhm: { min: 100, max: 1e7 },
  onOffRatio: { min: 1, exclusive: true },
  vReadV: { min: 0, max: 5, exclusive: true },
  programmingSigmaRel: { min: 0, max: 1 },
  stuckAtOffRate: { min: 0, max: 1 },
  stuckAtOnRate: { min: 0, max: 1 },
  readNoiseSigmaRel: { min: 0, max: 1 },
  driftNu: { min: 0, max: 1 },
  driftNuSigma: { min: 0, max: 1 },
  driftT0S: { min: 0, exclusive: true },
  driftTimeS: { min: 0, exclusive: true },
};
const ADC_RULES: Record<keyof AdcErrorParams, NumberRule> = {
  offsetLsb: { min: -1e6, max: 1e6 },
  offsetSigmaLsb: { min: 0, max: 1e6 },
  gain: { min: 0, exclusive: true, max: 100 },
  gainSigmaRel: { min: 0, max: 1 },
  noiseSigmaLsb: { min: 0, max: 1e6 },
};
/**
 * Wire segments are ohms (about 1–10 Ω per cell pitch at 22–65 nm interconnect; our default 1 Ω); driver
 * and sense resistances are kΩ at most. Upper bounds of 1 kΩ per segment and 1 MΩ for source and sink
 * are nax assumptions two to three decades above that, where the line relaxation still converges
 * (measured: N = 16 at 10 MΩ converges in 355 sweeps; xbar/irdrop.ts); beyond, the solve reports the
 * values instead of failing.
 */
const WIRE_RULES: Record<keyof WireParams, NumberRule> = {
  rWireOhm: { min: 0, max: 1e3 },
  rSourceOhm: { min: 0, max: 1e6 },
  rSinkOhm: { min: 0, max: 1e6 },
};

function readSection<T extends object>(
  raw: unknown,
  base: T,
  rules: Record<string, NumberRule>,
  file: string,
  section: string,
  sources: Record<string, string>,
): T {
  const o = requireObject(raw, file, section);
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(o)) {
    const field = `${section}.${k}`;
    const enumValues = section === 'device' ? ENUM_FIELDS[k] : undefined;
    if (enumValues) {
      out[k] = readEnum(v, enumValues, file, field);
      continue;
    }
    const rule = rules[k];
    if (!rule) rejectUnknownKeys({ [k]: v }, [...Object.keys(rules), ...(section === 'device' ? Object.keys(ENUM_FIELDS) : [])], file, section);
    const { value, source } = readCitedNumber(v, file, field, rule);
    out[k] = value;
    if (source) sources[field] = source;
  }
  return Object.freeze(out) as T;
}

/** Validates a technology document over the built-in defaults. */
export function parseTechnology(raw: unknown, file: string, base: Technology = DEFAULT_TECHNOLOGY): Technology {
  const o = requireObject(raw, file, '');
  rejectUnknownKeys(o, ['schema', 'description', 'device', 'wires', 'adc', 'components', 'costModel'], file, '');
  if (o.schema !== TECHNOLOGY_SCHEMA) {
    throw new NaxUserError(file, 'schema', `expected "${TECHNOLOGY_SCHEMA}", found ${describe(o.schema)}`);
  }
  const sources: Record<string, string> = { ...base.sources };
  const device = o.device === undefined ? base.device : readSection(o.device, base.device, DEVICE_RULES, file, 'device', sources);
  const wires = o.wires === undefined ? base.wires : readSection(o.wires, base.wires, WIRE_RULES, file, 'wires', sources);
  const adc = o.adc === undefined ? base.adc : readSection(o.adc, base.adc, ADC_RULES, file, 'adc', sources);
  let components = base.components;
  if (o.components !== undefined) {
    const parsed = parseComponentsWithSources(o.components, { file, field: 'components', base: base.components });
    components = parsed.components;
    Object.assign(sources, parsed.sources);
  }
  let costModel = base.costModel;
  if (o.costModel !== undefined) {
    const parsed = parseCostModel(o.costModel, file, 'costModel', base.costModel);
    costModel = parsed.costModel;
    Object.assign(sources, parsed.sources);
  }
  if (device.stuckAtOffRate + device.stuckAtOnRate > 1) {
    throw new NaxUserError(file, 'device.stuckAtOnRate', 'stuckAtOffRate + stuckAtOnRate exceed 1');
  }
  return Object.freeze({ device, wires, adc, components, costModel, sources: Object.freeze(sources) });
}

/** Content hash of the technology in use (canonical JSON of the resolved values), `sha256:<hex>`. */
export function technologyHash(t: Technology): string {
  const canon = JSON.stringify({
    device: sortKeys(t.device), wires: sortKeys(t.wires), adc: sortKeys(t.adc), components: sortKeys(t.components),
    costModel: sortKeys(t.costModel),
  });
  return `sha256:${createHash('sha256').update(canon).digest('hex')}`;
}

function sortKeys(o: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o).sort()) {
    const v = (o as Record<string, unknown>)[k];
    out[k] = typeof v === 'object' && v !== null && !Array.isArray(v) ? sortKeys(v) : v;
  }
  return out;
}
