/**
 * `mapping.json` (schema `nax-mapping/1`): how each matrix layer is put on crossbars.
 *
 *   { "schema": "nax-mapping/1",
 *     "defaults": { "rows": 64, "cols": 64, "weightBits": 8, "bitsPerCell": 2, "inputBits": 8,
 *                   "dacBits": 1, "adcBits": "auto", "signMapping": "differential" },
 *     "layers": { "conv1": { "rows": 32, "cols": 32 } } }
 *
 * `defaults` applies to every matrix layer without an entry in `layers`; without `defaults`, every matrix
 * layer must have an entry. An entry naming a layer the model does not have is an error (never ignored).
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
  | 'offset';

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
};

const FIELDS = [
  'rows', 'cols', 'weightBits', 'bitsPerCell', 'inputBits', 'dacBits', 'adcBits', 'signMapping', 'sliceLayout',
  'adcsPerCrossbar',
] as const;

function parseSpec(raw: unknown, file: string, field: string): Spec {
  const o = requireObject(raw, file, field);
  rejectUnknownKeys(o, FIELDS, file, field);
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
    spec.signMapping = readEnum(o.signMapping, ['differential', 'offset'] as const, file, `${field}.signMapping`);
  }
  if (o.sliceLayout !== undefined) {
    spec.sliceLayout = readEnum(o.sliceLayout, ['crossbarPerSlice', 'interleavedColumns'] as const, file, `${field}.sliceLayout`);
  }
  return spec;
}

/** Parses the raw JSON of a mapping file (shape only; layer names are checked by resolveMapping). */
export function parseMapping(raw: unknown, file: string): MappingSpec {
  const o = requireObject(raw, file, '');
  rejectUnknownKeys(o, ['schema', 'defaults', 'layers', 'description'], file, '');
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

/** The lossless ADC rule: enough levels for rows·(2^cell−1)·(2^dac−1) + 1 distinct counts. */
export function losslessAdcBits(rows: number, bitsPerCell: number, dacBits: number): number {
  return Math.ceil(Math.log2(rows * (2 ** bitsPerCell - 1) * (2 ** dacBits - 1) + 1));
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
    adcBits: mapping.adcRule === 'auto' ? losslessAdcBits(size, mapping.bitsPerCell, mapping.dacBits) : mapping.adcBits,
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
    const own = Object.hasOwn(spec.layers, name) ? spec.layers[name] : undefined;
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
    const magnitudeBits = m.signMapping === 'differential' ? m.weightBits - 1 : m.weightBits;
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
      adcBits: auto ? losslessAdcBits(m.rows, m.bitsPerCell, m.dacBits) : (m.adcBits as number),
      adcRule: auto ? 'auto' : 'explicit',
      signMapping: m.signMapping,
      sliceLayout: m.sliceLayout,
      adcsPerCrossbar: m.adcsPerCrossbar,
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

