/**
 * `mapping.json` (schema `nax-mapping/1`): how each matrix layer is put on crossbars.
 *
 *   { "schema": "nax-mapping/1",
 *     "defaults": { "rows": 64, "cols": 64, "weightBits": 8, "bitsPerCell": 2, "inputBits": 8,
 *                   "dacBits": 1, "adcBits": "auto", "signMapping": "differential" },
 *     "layers": { "conv1": { "rows": 32, "cols": 32 } } }
 *
 * `defaults` applies to every matrix layer without an entry in `layers`; without `defaults`, every matrix
 * layer must have an entry. A layer entry may hold a `description` string (ignored by nax). An entry naming a layer the model does not have is an error (never ignored).
 */
import { NaxUserError } from '../errors.js';
import {
  type Raw,
  describe,
  readEnum,
  readNumber,
  rejectUnknownKeys,
  requireObject,
  rejectReservedName,
} from './fields.js';

export const MAPPING_SCHEMA = 'nax-mapping/1';

/** How signed weights are stored. */
export type SignMapping =
  /** W⁺ and W⁻ on separate crossbars, subtracted digitally (PUMA functional simulator). */
  | 'differential'
  /** w + 2^(weightBits−1) stored unsigned on one array; the offset times Σx is subtracted digitally. */
  | 'offset'
  /**
   * W⁺ and W⁻ on separate crossbars like 'differential', but sensed differentially: the two column currents
   * are subtracted in analog and converted once, by a bipolar ADC one bit wider (the G_off baselines cancel
   * in the difference). Half the conversions of 'differential'.
   */
  | 'balanced';

/**
 * Per-column digital correction of the layer outputs, fitted per chip on the calibration split (nax.yml
 * `calibrationSet`): 'none' (the NAX/GENIEx setting, default), 'gain' (y ← a·y per output channel, least
 * squares against the ideal quantised output), 'gainOffset' (y ← a·y + b).
 */
export type ColumnCalibration = 'none' | 'gain' | 'gainOffset';

/**
 * ADC full-scale range, in column-current units of one level × one DAC code ("unit"):
 * 'unitStep' — one LSB = one unit, full scale (2^adcBits − 1) units (NAX: fewer bits only clip; default);
 * 'lossless' — full scale = the largest possible count rows·(2^cell − 1)·(2^dac − 1), so fewer bits give a
 *   coarser step;
 * 'calibrated' — full scale = the largest conversion of the layer on the calibration images (quantised chip);
 * a number — absolute full-scale column current, µA.
 */
export type AdcFullScale = 'unitStep' | 'lossless' | 'calibrated' | number;

/**
 * How the G_off baseline Σ G_off·V is removed before the ADC: 'ideal' — the ideal value, digitally (NAX,
 * default); 'referenceColumn' — the current of a measured column of G_off cells in the same crossbar (with
 * the same variation and IR drop), subtracted in analog.
 */
export type BaselineMode = 'ideal' | 'referenceColumn';

/** Where the bit slices of one weight go. */
export type SliceLayout =
  /** one physical crossbar per slice (PUMA: a 16-bit MVMU = 8 crossbars of 2-bit cells). */
  | 'crossbarPerSlice'
  /** the slices of an output channel in adjacent columns of the same crossbar (PUMA functional model). */
  | 'interleavedColumns';

/** One layer's hardware, fully resolved. */
export interface LayerMapping {
  /** Crossbar word lines (inputs), 16…512. */
  rows: number;
  /** Crossbar bit lines (outputs), 16…512. */
  cols: number;
  /** Weight precision including the sign, 2…16 bits. Default 8. */
  weightBits: number;
  /** Bits stored per memristive cell, 1…4. Default 2 (PUMA). */
  bitsPerCell: number;
  /** Activation precision streamed into the crossbar, 1…16 bits. Default 8. */
  inputBits: number;
  /** Bits per DAC cycle (bit-serial = 1, PUMA). Default 1. */
  dacBits: number;
  /** ADC resolution in bits, resolved (see adcRule). */
  adcBits: number;
  /** 'auto' = lossless rule ceil(log2(rows·(2^cell−1)·(2^dac−1)+1)); 'explicit' = the number given. */
  adcRule: 'auto' | 'explicit';
  signMapping: SignMapping;
  sliceLayout: SliceLayout;
  /** ADCs per physical crossbar (columns share them through a mux). Default 1 (ISAAC/PUMAsim). */
  adcsPerCrossbar: number;
  /** Per-column digital calibration. Absent = 'none'. */
  calibration?: ColumnCalibration;
  /** ADC full-scale range. Absent = 'unitStep'. */
  adcFullScale?: AdcFullScale;
  /** G_off baseline removal. Absent = 'ideal'. */
  baseline?: BaselineMode;
}

export interface ResolvedLayerMapping extends LayerMapping {
  /** Whether the values came from `defaults` only or from a `layers` entry. */
  origin: 'defaults' | 'layer';
}

type Spec = Partial<Omit<LayerMapping, 'adcRule' | 'adcBits'>> & { adcBits?: number | 'auto' };

export interface MappingSpec {
  defaults?: Spec;
  layers: Record<string, Spec>;
}

export const CROSSBAR_MIN = 16;
export const CROSSBAR_MAX = 512;

/** Built-in values for fields a mapping leaves out (PUMA-style, 8-bit weights for small models: nax assumption). */
export const MAPPING_FIELD_DEFAULTS = {
  weightBits: 8,
  bitsPerCell: 2,
  inputBits: 8,
  dacBits: 1,
  adcBits: 'auto' as const,
  signMapping: 'differential' as SignMapping,
  sliceLayout: 'crossbarPerSlice' as SliceLayout,
  adcsPerCrossbar: 1,
  calibration: 'none' as ColumnCalibration,
  adcFullScale: 'unitStep' as AdcFullScale,
  baseline: 'ideal' as BaselineMode,
};

const FIELDS = [
  'rows', 'cols', 'weightBits', 'bitsPerCell', 'inputBits', 'dacBits', 'adcBits', 'signMapping', 'sliceLayout',
  'adcsPerCrossbar', 'calibration', 'adcFullScale', 'baseline',
] as const;

function parseSpec(raw: unknown, file: string, field: string): Spec {
  const o = requireObject(raw, file, field);
  // A layer entry may carry a note for people (`nax mapping init` writes the layer's shape there).
  rejectUnknownKeys(o, field === 'defaults' ? FIELDS : [...FIELDS, 'description'], file, field);
  if (o.description !== undefined && typeof o.description !== 'string') {
    throw new NaxUserError(file, `${field}.description`, `expected a string, found ${describe(o.description)}`);
  }
  const spec: Spec = {};
  const size = (k: 'rows' | 'cols') => {
    if (o[k] !== undefined) {
      spec[k] = readNumber(o[k], file, `${field}.${k}`, { integer: true, min: CROSSBAR_MIN, max: CROSSBAR_MAX });
    }
  };
  size('rows');
  size('cols');
  const int = (k: 'weightBits' | 'bitsPerCell' | 'inputBits' | 'dacBits' | 'adcsPerCrossbar', min: number, max: number) => {
    if (o[k] !== undefined) spec[k] = readNumber(o[k], file, `${field}.${k}`, { integer: true, min, max });
  };
  int('weightBits', 2, 16);
  int('bitsPerCell', 1, 4);
  int('inputBits', 1, 16);
  int('dacBits', 1, 4);
  int('adcsPerCrossbar', 1, CROSSBAR_MAX);
  if (o.adcBits !== undefined) {
    spec.adcBits = o.adcBits === 'auto' ? 'auto' : readNumber(o.adcBits, file, `${field}.adcBits`, { integer: true, min: 1, max: 16 });
  }
  if (o.signMapping !== undefined) {
    spec.signMapping = readEnum(o.signMapping, ['differential', 'offset', 'balanced'] as const, file, `${field}.signMapping`);
  }
  if (o.calibration !== undefined) {
    spec.calibration = readEnum(o.calibration, ['none', 'gain', 'gainOffset'] as const, file, `${field}.calibration`);
  }
  if (o.adcFullScale !== undefined) {
    spec.adcFullScale = typeof o.adcFullScale === 'number'
      ? readNumber(o.adcFullScale, file, `${field}.adcFullScale`, { min: 0, exclusive: true, max: 1e6 })
      : readEnum(o.adcFullScale, ['unitStep', 'lossless', 'calibrated'] as const, file, `${field}.adcFullScale`);
  }
  if (o.baseline !== undefined) {
    spec.baseline = readEnum(o.baseline, ['ideal', 'referenceColumn'] as const, file, `${field}.baseline`);
  }
  if (o.sliceLayout !== undefined) {
    spec.sliceLayout = readEnum(o.sliceLayout, ['crossbarPerSlice', 'interleavedColumns'] as const, file, `${field}.sliceLayout`);
  }
  return spec;
}

/** Parses the raw JSON of a mapping file (shape only; layer names are checked by resolveMapping). */
export function parseMapping(raw: unknown, file: string): MappingSpec {
  const o = requireObject(raw, file, '');
  rejectUnknownKeys(o, ['$schema', 'schema', 'defaults', 'layers', 'description'], file, ''); // $schema: editors' JSON Schema link
  if (o.schema !== MAPPING_SCHEMA) {
    throw new NaxUserError(file, 'schema', `expected "${MAPPING_SCHEMA}", found ${describe(o.schema)}`);
  }
  const defaults = o.defaults === undefined ? undefined : parseSpec(o.defaults, file, 'defaults');
  const layers: Record<string, Spec> = {};
  if (o.layers !== undefined) {
    const l = requireObject(o.layers, file, 'layers');
    for (const [name, v] of Object.entries(l)) {
      rejectReservedName(name, file, `layers.${name}`);
      layers[name] = parseSpec(v, file, `layers.${name}`);
    }
  }
  return { defaults, layers };
}

/**
 * The lossless ADC rule: enough levels for rows·(2^cell−1)·(2^dac−1) + 1 distinct counts; one bit more for
 * 'balanced' sensing, whose difference current takes either sign.
 */
export function losslessAdcBits(rows: number, bitsPerCell: number, dacBits: number, signMapping?: SignMapping): number {
  return Math.ceil(Math.log2(rows * (2 ** bitsPerCell - 1) * (2 ** dacBits - 1) + 1)) + (signMapping === 'balanced' ? 1 : 0);
}

/**
 * `mapping` on square size × size crossbars. With `adcRule: 'auto'` the ADC resolution follows the lossless
 * rule for the new row count (NAX: ADC precision depends on crossbar size); an explicit resolution is kept.
 * ADCs per crossbar are capped at the new column count.
 */
export function withCrossbarSize<M extends LayerMapping>(mapping: M, size: number): M {
  return {
    ...mapping,
    rows: size,
    cols: size,
    adcBits: mapping.adcRule === 'auto' ? losslessAdcBits(size, mapping.bitsPerCell, mapping.dacBits, mapping.signMapping) : mapping.adcBits,
    adcsPerCrossbar: Math.min(mapping.adcsPerCrossbar, size),
  };
}

/**
 * Gives every matrix layer of the model its mapping. Errors: an entry for a layer the model lacks, a layer
 * with no entry and no defaults, bits per cell above the weight's magnitude bits, DAC above input bits.
 */
export function resolveMapping(
  spec: MappingSpec,
  layerNames: readonly string[],
  file: string,
): Map<string, ResolvedLayerMapping> {
  for (const name of Object.keys(spec.layers)) {
    if (!layerNames.includes(name)) {
      throw new NaxUserError(file, `layers.${name}`, `the model has no matrix layer named '${name}'`,
        `matrix layers: ${layerNames.join(', ')}`);
    }
  }
  const out = new Map<string, ResolvedLayerMapping>();
  for (const name of layerNames) {
    // An entry without any setting (only a description) is the defaults; only own keys count (no __proto__).
    const entry = Object.hasOwn(spec.layers, name) ? spec.layers[name] : undefined;
    const own = entry && Object.keys(entry).length > 0 ? entry : undefined;
    if (!own && !spec.defaults) {
      throw new NaxUserError(file, `layers.${name}`, `matrix layer '${name}' has no mapping`,
        'add an entry for it, or a "defaults" block');
    }
    const field = own ? `layers.${name}` : 'defaults';
    const merged: Spec = { ...MAPPING_FIELD_DEFAULTS, ...spec.defaults, ...own };
    if (merged.rows === undefined || merged.cols === undefined) {
      throw new NaxUserError(file, `${field}.${merged.rows === undefined ? 'rows' : 'cols'}`,
        `crossbar size missing for layer '${name}'`, `set rows and cols (${CROSSBAR_MIN}…${CROSSBAR_MAX})`);
    }
    const m = merged as Required<Spec>;
    const magnitudeBits = m.signMapping === 'offset' ? m.weightBits : m.weightBits - 1;
    if (m.bitsPerCell > magnitudeBits) {
      throw new NaxUserError(file, `${field}.bitsPerCell`,
        `${m.bitsPerCell} bits per cell exceed the ${magnitudeBits} stored weight bits of layer '${name}'`);
    }
    if (m.dacBits > m.inputBits) {
      throw new NaxUserError(file, `${field}.dacBits`, `${m.dacBits} DAC bits exceed the ${m.inputBits} input bits`);
    }
    if (m.adcsPerCrossbar > m.cols) {
      throw new NaxUserError(file, `${field}.adcsPerCrossbar`, `${m.adcsPerCrossbar} ADCs for ${m.cols} columns`);
    }
    const auto = m.adcBits === 'auto';
    out.set(name, {
      rows: m.rows,
      cols: m.cols,
      weightBits: m.weightBits,
      bitsPerCell: m.bitsPerCell,
      inputBits: m.inputBits,
      dacBits: m.dacBits,
      adcBits: auto ? losslessAdcBits(m.rows, m.bitsPerCell, m.dacBits, m.signMapping) : (m.adcBits as number),
      adcRule: auto ? 'auto' : 'explicit',
      signMapping: m.signMapping,
      sliceLayout: m.sliceLayout,
      adcsPerCrossbar: m.adcsPerCrossbar,
      calibration: m.calibration,
      adcFullScale: m.adcFullScale,
      baseline: m.baseline,
      origin: own ? 'layer' : 'defaults',
    });
  }
  return out;
}

/** Serialises resolved mappings back to a `nax-mapping/1` document (used by the search to hand back a mapping). */
export function mappingToJson(
  layers: ReadonlyMap<string, LayerMapping>,
  defaults?: Partial<LayerMapping>,
): Raw {
  const strip = (m: Partial<LayerMapping>): Raw => {
    const { adcRule, adcBits, ...rest } = m as LayerMapping;
    const o: Raw = { ...rest };
    delete o.origin;
    if (adcBits !== undefined) o.adcBits = adcRule === 'auto' ? 'auto' : adcBits;
    return o;
  };
  const out: Raw = { schema: MAPPING_SCHEMA };
  if (defaults) out.defaults = strip(defaults);
  const l: Raw = {};
  for (const [name, m] of layers) l[name] = strip(m);
  out.layers = l;
  return out;
}

