/**
 * Scaling rules that turn the component constants of `config/components.ts` into the cost of one component
 * of a given size or resolution: a rows × cols crossbar, a b-bit ADC, a d-bit DAC, an n-entry register.
 * Pure functions of validated inputs; internal to cost/.
 */
import type { AdcTableEntry, ComponentCosts, RegisterTableEntry } from '../config/components.js';
import type { AdcAreaModel } from '../config/cost-model.js';
import { ADC_BITS_MAX } from '../config/components.js';
import { assert } from '../errors.js';

/** One crossbar array of a given shape. */
export interface CrossbarScaled {
  /** Read power of the array, W. */
  readonly readPowerW: number;
  /** Read time of the array, s. */
  readonly readTimeS: number;
  /** Energy of one read of the whole array (power × time), J. */
  readonly readEnergyJ: number;
  readonly areaMm2: number;
  readonly leakagePowerW: number;
}

/**
 * A rows × cols crossbar. Power, area and leakage scale with the cells, rows·cols / N_ref²
 * (Negi's per-size PUMAsim files: ∝ N²); the read time scales with the columns, cols / N_ref (N ns for an
 * N×N array). For rectangular arrays the column rule is a nax assumption: ISAAC/PUMA read one column per
 * ~1 ns (128 columns in 100–128 ns), so the read window follows the columns sensed.
 */
export function crossbarAt(c: ComponentCosts, rows: number, cols: number): CrossbarScaled {
  const ref = c.crossbar.referenceSize;
  const cellRatio = (rows * cols) / (ref * ref);
  const readPowerW = c.crossbar.readPowerW * cellRatio;
  const readTimeS = c.crossbar.readTimeS * (cols / ref);
  return {
    readPowerW,
    readTimeS,
    readEnergyJ: readPowerW * readTimeS,
    areaMm2: c.crossbar.areaMm2 * cellRatio,
    leakagePowerW: c.crossbar.leakagePowerW * cellRatio,
  };
}

/** One ADC of a given resolution. */
export interface AdcScaled extends AdcTableEntry {
  /** Time of one conversion (one column), s. */
  readonly conversionTimeS: number;
  readonly leakagePowerW: number;
}

/** Sorted numeric keys of a validated table (integer-like keys already iterate in ascending order). */
function tableKeys(table: Readonly<Record<string, unknown>>): number[] {
  return Object.keys(table).map(Number);
}

/**
 * A b-bit ADC (1…16 bits). Exact at a table entry; linear interpolation between entries (nax assumption);
 * beyond the table, energy and area change by `extrapolationRatioPerBit` per bit from the nearest end
 * (× above, ÷ below). Conversion time and leakage are linear in b (PUMAsim). With `areaModel` 'negiTable'
 * the area comes from Negi's table instead (negiAdcAreaMm2); energy stays Saberi's.
 */
export function adcAt(c: ComponentCosts, bits: number, areaModel: AdcAreaModel = 'saberi'): AdcScaled {
  const saberi = saberiAdcAt(c, bits);
  return areaModel === 'negiTable' ? { ...saberi, areaMm2: negiAdcAreaMm2(c, bits) } : saberi;
}

/**
 * Area of a b-bit ADC from Negi's table (`components.adcAreaNegi`): exact at an entry, linear between
 * entries, the nearest entry outside the table (nax assumption, see the field's documentation).
 */
export function negiAdcAreaMm2(c: ComponentCosts, bits: number): number {
  const table = c.adcAreaNegi.table;
  const exact = table[String(bits)];
  if (exact) return exact.areaMm2;
  const keys = tableKeys(table);
  if (bits < keys[0]) return table[keys[0]].areaMm2;
  if (bits > keys[keys.length - 1]) return table[keys[keys.length - 1]].areaMm2;
  const [below, above] = bracket(keys, bits);
  const t = (bits - below) / (above - below);
  return table[below].areaMm2 + t * (table[above].areaMm2 - table[below].areaMm2);
}

function saberiAdcAt(c: ComponentCosts, bits: number): AdcScaled {
  assert(Number.isInteger(bits) && bits >= 1 && bits <= ADC_BITS_MAX, () => `ADC bits ${bits} outside 1…${ADC_BITS_MAX}`);
  const { table, extrapolationRatioPerBit: ratio } = c.adc;
  const timing = { conversionTimeS: c.adc.conversionTimeSPerBit * bits, leakagePowerW: c.adc.leakagePowerWPerBit * bits };
  const exact = table[String(bits)];
  if (exact) return { energyJPerConversion: exact.energyJPerConversion, areaMm2: exact.areaMm2, ...timing };
  const keys = tableKeys(table);
  const lo = keys[0];
  const hi = keys[keys.length - 1];
  if (bits < lo) {
    const f = ratio ** (lo - bits);
    return { energyJPerConversion: table[lo].energyJPerConversion / f, areaMm2: table[lo].areaMm2 / f, ...timing };
  }
  if (bits > hi) {
    const f = ratio ** (bits - hi);
    return { energyJPerConversion: table[hi].energyJPerConversion * f, areaMm2: table[hi].areaMm2 * f, ...timing };
  }
  const [below, above] = bracket(keys, bits);
  const t = (bits - below) / (above - below);
  const a = table[below];
  const b = table[above];
  return {
    energyJPerConversion: a.energyJPerConversion + t * (b.energyJPerConversion - a.energyJPerConversion),
    areaMm2: a.areaMm2 + t * (b.areaMm2 - a.areaMm2),
    ...timing,
  };
}

/** Neighbouring keys around x, for keys[0] < x < keys[last] and x not a key. */
function bracket(keys: readonly number[], x: number): [number, number] {
  let i = 1;
  while (keys[i] < x) i++;
  return [keys[i - 1], keys[i]];
}

/** One d-bit row driver: the 1-bit values × ratioPerBit^(d−1) (nax assumption, Accelergy pow_base(2)). */
export function dacAt(c: ComponentCosts, bits: number): { energyJPerConversion: number; areaMm2: number; leakagePowerW: number } {
  const f = c.dac.ratioPerBit ** (bits - 1);
  return { energyJPerConversion: c.dac.energyJPerConversion * f, areaMm2: c.dac.areaMm2 * f, leakagePowerW: c.dac.leakagePowerW * f };
}

/**
 * One register file of `size` entries: exact at a table entry, linear between entries, the smallest entry
 * below the table (PUMAsim gives 16 and 32 the same values), ∝ size above it (nax assumption).
 */
export function registerAt(c: ComponentCosts, size: number): RegisterTableEntry {
  const table = c.registers.table;
  const exact = table[String(size)];
  if (exact) return exact;
  const keys = tableKeys(table);
  const lo = keys[0];
  const hi = keys[keys.length - 1];
  if (size < lo) return table[lo];
  const scale = (e: RegisterTableEntry, f: number): RegisterTableEntry => ({
    readEnergyJ: e.readEnergyJ * f,
    writeEnergyJ: e.writeEnergyJ * f,
    leakagePowerW: e.leakagePowerW * f,
    areaMm2: e.areaMm2 * f,
  });
  if (size > hi) return scale(table[hi], size / hi);
  const [below, above] = bracket(keys, size);
  const t = (size - below) / (above - below);
  const a = table[below];
  const b = table[above];
  return {
    readEnergyJ: a.readEnergyJ + t * (b.readEnergyJ - a.readEnergyJ),
    writeEnergyJ: a.writeEnergyJ + t * (b.writeEnergyJ - a.writeEnergyJ),
    leakagePowerW: a.leakagePowerW + t * (b.leakagePowerW - a.leakagePowerW),
    areaMm2: a.areaMm2 + t * (b.areaMm2 - a.areaMm2),
  };
}
