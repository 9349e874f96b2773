/**
 * `technology.json` (schema `nax-technology/1`): the device, the wires and the component costs.
 * Every section and field is optional; a file overrides the built-in defaults field by field. Any number
 * may be written `{ "value": n, "source": "…" }` so the file cites its constants.
 */
import { createHash } from 'node:crypto';
import { NaxUserError } from '../errors.js';
import { DEFAULT_COMPONENTS, parseComponentsWithSources, type ComponentCosts } from './components.js';
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
  readonly components: ComponentCosts;
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
});

export const DEFAULT_WIRES: WireParams = Object.freeze({
  rWireOhm: 1,
  rSourceOhm: 100,
  rSinkOhm: 100,
});

export const DEFAULT_TECHNOLOGY: Technology = Object.freeze({
  device: DEFAULT_DEVICE,
  wires: DEFAULT_WIRES,
  components: DEFAULT_COMPONENTS,
  sources: {},
});

/** Conductances derived from a device (S). */
export function conductances(d: DeviceParams): { gOnSiemens: number; gOffSiemens: number } {
  return { gOnSiemens: 1 / d.rOnOhm, gOffSiemens: 1 / (d.rOnOhm * d.onOffRatio) };
}

/**
 * Physical ranges. R_on of published RRAM, PCM and CBRAM synaptic devices lies between about 1 kΩ and
 * 1 MΩ (Yu, "Neuro-inspired computing with emerging nonvolatile memory", Proc. IEEE 106(2), 2018); the
 * bounds leave a decade either side (nax assumption). Below 100 Ω a 128-cell line draws amperes at
 * read voltages, and no solve of such an array is meaningful.
 */
const DEVICE_RULES: Record<Exclude<keyof DeviceParams, 'programmingDistribution'>, NumberRule> = {
  rOnOhm: { min: 100, max: 1e7 },
  onOffRatio: { min: 1, exclusive: true },
  vReadV: { min: 0, max: 5, exclusive: true },
  programmingSigmaRel: { min: 0, max: 1 },
  stuckAtOffRate: { min: 0, max: 1 },
  stuckAtOnRate: { min: 0, max: 1 },
  readNoiseSigmaRel: { min: 0, max: 1 },
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
    if (k === 'programmingDistribution') {
      out[k] = readEnum(v, ['normal', 'lognormal'] as const, file, field);
      continue;
    }
    const rule = rules[k];
    if (!rule) rejectUnknownKeys({ [k]: v }, [...Object.keys(rules), ...(section === 'device' ? ['programmingDistribution'] : [])], file, section);
    const { value, source } = readCitedNumber(v, file, field, rule);
    out[k] = value;
    if (source) sources[field] = source;
  }
  return Object.freeze(out) as T;
}

/** Validates a technology document over the built-in defaults. */
export function parseTechnology(raw: unknown, file: string, base: Technology = DEFAULT_TECHNOLOGY): Technology {
  const o = requireObject(raw, file, '');
  rejectUnknownKeys(o, ['schema', 'description', 'device', 'wires', 'components'], file, '');
  if (o.schema !== TECHNOLOGY_SCHEMA) {
    throw new NaxUserError(file, 'schema', `expected "${TECHNOLOGY_SCHEMA}", found ${describe(o.schema)}`);
  }
  const sources: Record<string, string> = { ...base.sources };
  const device = o.device === undefined ? base.device : readSection(o.device, base.device, DEVICE_RULES, file, 'device', sources);
  const wires = o.wires === undefined ? base.wires : readSection(o.wires, base.wires, WIRE_RULES, file, 'wires', sources);
  let components = base.components;
  if (o.components !== undefined) {
    const parsed = parseComponentsWithSources(o.components, { file, field: 'components', base: base.components });
    components = parsed.components;
    Object.assign(sources, parsed.sources);
  }
  if (device.stuckAtOffRate + device.stuckAtOnRate > 1) {
    throw new NaxUserError(file, 'device.stuckAtOnRate', 'stuckAtOffRate + stuckAtOnRate exceed 1');
  }
  return Object.freeze({ device, wires, components, sources: Object.freeze(sources) });
}

/** Content hash of the technology in use (canonical JSON of the resolved values), `sha256:<hex>`. */
export function technologyHash(t: Technology): string {
  const canon = JSON.stringify({ device: sortKeys(t.device), wires: sortKeys(t.wires), components: sortKeys(t.components) });
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
