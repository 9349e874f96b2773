/**
 * Component cost constants (energy, latency, area) of the EDAP model: the `components` section of
 * `technology.json`. Declarations and validation only; the scaling rules that turn these constants into
 * the cost of a crossbar of a given size or an ADC of a given resolution live in `cost/component-scaling.ts`.
 *
 * Units are SI and spelled in every field name (`…J`, `…W`, `…S`), area in mm² (the agreed exception). The
 * file uses the same names and units as the code, so nothing is converted. Any number may be written
 * `{ "value": n, "source": "…" }` to cite where it comes from.
 *
 * Sources (reference `nax-method-and-physics.md` §3.2–3.3):
 * - PUMAsim: Aayush-Ankit/puma-simulator `include/constants.py` and Shubham Negi's per-size files
 *   `include/example-constants/constants-{16,32,64,128}.py` (PR #45, 2021), units ns, mW, mm² there;
 * - ISAAC (Shafiee et al., ISCA 2016, Table 1, 32 nm) as encoded per action in the Accelergy
 *   `hwcomponents-library` `library/isaac.py`, with the Saberi et al. (2011) ADC resolution scaling of the
 *   Kull et al. (ISSCC 2013) 8-bit SAR ADC.
 *
 *   { "components": { "adc": { "table": { "8": { "energyJPerConversion": { "value": 1.5e-12, "source": "…" } } } },
 *                     "organisation": { "coresPerTile": 12 } } }
 *
 * Overrides merge field by field; a table entry for a key the table already has merges too, a new key must
 * give every field of its entry.
 */
import { NaxUserError } from '../errors.js';
import { type NumberRule, readCitedNumber, rejectUnknownKeys, requireObject } from './fields.js';

/** Unit factors for writing source values in the units the sources use. */
const MW = 1e-3;
const NS = 1e-9;
const PJ = 1e-12;
const UM2_IN_MM2 = 1e-6;

/** PUMAsim core clock, `cycle_time = 1` ns (`include/constants.py`). Per-access energies are power × one cycle. */
const PUMASIM_CYCLE_S = 1 * NS;
/** Columns one ISAAC/PUMAsim ADC digitises per crossbar read: the 128 columns of a 128×128 array. */
const ISAAC_COLUMNS_PER_ADC_READ = 128;
/** PUMAsim ADC latency per bit of resolution for a full-crossbar read, `adc_lat_dict` (100 ns at 8 b). */
const PUMASIM_ADC_READ_TIME_S_PER_BIT = 12.5 * NS;

/**
 * The memristive array itself, given at a square reference size. The cost model scales read power, area
 * and leakage with the cell count rows·cols and the read time with the columns (cost/component-scaling.ts),
 * which reproduces Negi's per-size PUMAsim files exactly for 16…256 (power and area ∝ N², time = N ns).
 * Bits per cell have no effect (PUMAsim uses the same numbers for 2, 4 and 6 bits per cell).
 */
export interface CrossbarCosts {
  /** Rows = cols of the array the values below describe. Default 128 (PUMAsim `constants-128.py`). */
  readonly referenceSize: number;
  /** Read (inner-product) power of the whole reference array, W. Default 0.3 mW: `xbar_pow_dict['2']['128']`, "from ISAAC". */
  readonly readPowerW: number;
  /**
   * Read (inner-product) time of the reference array, s. Default 128 ns: `xbar_lat_dict['2']['128']` (= N ns).
   * Sets the crossbar read energy (power × time) and the floor of the cycle time.
   */
  readonly readTimeS: number;
  /** Area of the reference array, mm². Default 2.5e-5 mm²: `xbar_area_dict['2']['128']`. */
  readonly areaMm2: number;
  /** Leakage power of the reference array, W. Default 0: PUMAsim `xbar_pow_leak = 0` (non-volatile cells). */
  readonly leakagePowerW: number;
}

/** One row of the ADC table. */
export interface AdcTableEntry {
  /** Energy of one conversion (one column sample), J. */
  readonly energyJPerConversion: number;
  /** Area of one ADC, mm². */
  readonly areaMm2: number;
}

/** SAR ADCs, one conversion per column per input cycle. */
export interface AdcCosts {
  /**
   * Energy and area by resolution, keyed by bits (integers 1…16). Default 4…10 b: ISAAC's 8-bit ADC
   * (Kull et al. 2013: 16 mW / (8 ADCs · 1.2 GS/s) = 1.67 pJ, 9600 µm² / 8 = 1200 µm²) scaled with
   * Saberi et al. (2011), as tabulated in Accelergy `isaac.py` `IsaacADC`. Between entries the model
   * interpolates linearly (nax assumption); outside the table see `extrapolationRatioPerBit`.
   */
  readonly table: Readonly<Record<string, AdcTableEntry>>;
  /**
   * Factor per bit applied to energy and area beyond the table (× per bit above its largest entry, ÷ per bit
   * below its smallest), ≥ 1. Default 2: Accelergy's `pow_base(2)` resolution scaling of `IsaacADC`; nax
   * assumption that it holds outside the Saberi range (the table itself grows ~1.2× per bit). ADCs are capped
   * at 16 bits (mapping files reject more).
   */
  readonly extrapolationRatioPerBit: number;
  /**
   * Conversion time per column and per bit of resolution, s. Default 12.5 ns / 128: PUMAsim digitises a
   * 128-column read in 12.5·b ns (`adc_lat_dict`, 100 ns at 8 b, ISAAC's 1.28 GS/s), so one column takes
   * 12.5·b/128 ns. An ADC shared by k columns spends k conversions per input cycle.
   */
  readonly conversionTimeSPerBit: number;
  /** Leakage power per ADC and per bit of resolution, W. Default 0.025 mW: `adc_pow_leak_dict` (0.2 mW at 8 b). */
  readonly leakagePowerWPerBit: number;
  /**
   * ADC latency of one crossbar read per bit of resolution, s, used by `costModel.delayModel: "pumaAdc"`.
   * Default 12.5 ns: PUMAsim `adc_lat_dict` (100 ns at 8 b, the same in Negi's four per-size files).
   */
  readonly readLatencySPerBit: number;
}

/** One row of Negi's ADC area table. */
export interface AdcAreaEntry {
  /** Area of one ADC, mm². */
  readonly areaMm2: number;
}

/**
 * The ADC areas of Negi's NAX constants files (`costModel.adcAreaModel: "negiTable"`), keyed by bits.
 * Default 5…9 b: `adc_area_dict` in puma-simulator e223699 `include/example-constants/constants-{16,32,64,128}.py`
 * (identical in the four files): 0.00075, 0.0009, 0.00105, 0.0012, 0.0012 mm². The files' other entries
 * (1–4 and 16 b) keep PUMAsim's unscaled 0.0012 mm²; nax uses the nearest entry outside 5…9 instead (nax
 * assumption), so area never falls with more bits.
 */
export interface AdcAreaNegiCosts {
  readonly table: Readonly<Record<string, AdcAreaEntry>>;
}

/**
 * Partial sums of a layer whose rows span several crossbars (`costModel.partialSumMovement: "edram"`): the
 * outputs of every extra row tile go to the tile eDRAM over the bus, come back and are added.
 */
export interface PartialSumCosts {
  /** Width of one partial sum, bits. Default 16: PUMAsim `data_width = num_bits = 16` (`include/config.py`). */
  readonly bits: number;
  /**
   * Energy of one addition, J. Default 0.373·32/45 mW × 1 ns: PUMAsim `alu_pow_others_dyn` (logical, add, …)
   * at its 1 ns cycle.
   */
  readonly addEnergyJ: number;
}

/** Row drivers, one per word line. */
export interface DacCosts {
  /** Energy of one 1-bit row drive, J. Default 0.00350625 mW × 1 ns: PUMAsim `dac_pow_dyn_dict['1']` (ISAAC's table gives 0.417 pJ incl. ADC under-use). */
  readonly energyJPerConversion: number;
  /** Area of one 1-bit DAC, mm². Default 1.67e-7 mm²: `dac_area_dict['1']` (ISAAC 170 µm² / (8·128)). */
  readonly areaMm2: number;
  /** Leakage of one 1-bit DAC, W. Default 0.000390625 mW: `dac_pow_leak_dict['1']`. */
  readonly leakagePowerW: number;
  /**
   * Growth of DAC energy, area and leakage per extra bit of DAC resolution, ≥ 1: a d-bit DAC costs
   * ratio^(d−1) times the 1-bit one. Default 2: Accelergy `IsaacDAC` `pow_base(2)` resolution scaling (nax
   * assumption; PUMAsim lists the same 1-bit values for every resolution).
   */
  readonly ratioPerBit: number;
}

/** Sample-and-hold, one per bit line (ISAAC/PUMA): holds the column output while the ADC converts. */
export interface SampleHoldCosts {
  /** Energy of one sample, J. Default (9.7e-6 − 9.7e-7) mW × 1 ns: PUMAsim `snh_pow_dyn`. */
  readonly energyJPerSample: number;
  /** Area of one S&H, mm². Default 0.00004 / 8 / 128 mm²: PUMAsim `snh_area` (ISAAC per-IMA area over 8×128 columns). */
  readonly areaMm2: number;
  /** Leakage of one S&H, W. Default 9.7e-7 mW: PUMAsim `snh_pow_leak`. */
  readonly leakagePowerW: number;
}

/** Shift-and-add behind each ADC: accumulates every conversion, shifted by input-bit and slice position. */
export interface ShiftAddCosts {
  /** Energy of one shift-and-add, J. Default (0.05 − 0.005) mW × 1 ns: PUMAsim `sna_pow_dyn` (ISAAC: 0.021 pJ). */
  readonly energyJPerOp: number;
  /** Area of one unit, mm². Default 0.00006 mm²: PUMAsim `sna_area` = ISAAC 240 µm² / 4. */
  readonly areaMm2: number;
  /** Leakage of one unit, W. Default 0.005 mW: PUMAsim `sna_pow_leak`. */
  readonly leakagePowerW: number;
}

/** One row of the register table: a register file with `size` entries. */
export interface RegisterTableEntry {
  /** One read access (DAC bits for every entry, one input cycle), J. */
  readonly readEnergyJ: number;
  /** One write access (a whole vector), J. */
  readonly writeEnergyJ: number;
  /** Leakage of one register file, W. */
  readonly leakagePowerW: number;
  /** Area of one register file, mm². */
  readonly areaMm2: number;
}

/**
 * XbarIn / XbarOut registers of each MVMU (PUMA), sized by crossbar rows (input) and columns (output).
 */
export interface RegisterCosts {
  /**
   * Keyed by entries (16…4096). Default 16…256: PUMAsim `xbar_inMem_*` (read, write, leakage, area) and
   * `xbar_outMem_*` (same write, leakage and area) dictionaries, per access = power × 1 ns. Between sizes
   * the model interpolates linearly; below the smallest it keeps the smallest entry (PUMAsim gives 16 and
   * 32 the same values); above the largest it scales ∝ size (nax assumption).
   */
  readonly table: Readonly<Record<string, RegisterTableEntry>>;
}

/** Tile eDRAM buffer that holds the activations. */
export interface EdramCosts {
  /** Energy of one access of `accessBits`, J. Default 20.45 pJ: ISAAC 64 KB eDRAM per 256-bit read/write (Accelergy `IsaacEDRAM`). */
  readonly energyJPerAccess: number;
  /** Width of one access, bits. Default 256 (ISAAC, PUMAsim). */
  readonly accessBits: number;
  /** Area per tile, mm². Default 0.083 mm²: ISAAC Table 1 (PUMAsim: 0.086). */
  readonly areaMm2: number;
  /** Leakage per tile, W. Default 0.46 mW: PUMAsim `edram_pow_leak_dict['64']`. */
  readonly leakagePowerW: number;
  /** Time of one access, s (partial-sum movement only). Default 2 ns: PUMAsim `edram_lat_dict['64']` (2 cycles of 1 ns). */
  readonly accessTimeS: number;
}

/** Bus between the tile eDRAM and its cores. */
export interface BusCosts {
  /** Energy per bit moved, J. Default 0.054 pJ: ISAAC 7 mW bus (Accelergy `IsaacEDRAMBus`). */
  readonly energyJPerBit: number;
  /** Area per tile, mm². Default 0.090 mm²: ISAAC Table 1, PUMAsim `edram_bus_area`. */
  readonly areaMm2: number;
  /** Leakage per tile, W. Default 0.5 mW: PUMAsim `edram_bus_pow_leak`. */
  readonly leakagePowerW: number;
}

/** On-chip network router, shared by `sharedByTiles` tiles (ISAAC c-mesh). */
export interface RouterCosts {
  /** Energy of one transfer of `accessBits`, J. Default 20.74 pJ: Accelergy `IsaacRouter` (ISAAC 42 mW router). */
  readonly energyJPerAccess: number;
  /** Width of one transfer, bits. Default 256 (ISAAC). */
  readonly accessBits: number;
  /** Area of one router, mm². Default 0.150 mm²: ISAAC Table 1 via Accelergy `IsaacRouter`. */
  readonly areaMm2: number;
  /** Leakage of one router, W. Default 0.41 mW: PUMAsim `noc_pow_leak_dict['4']`. */
  readonly leakagePowerW: number;
  /** Tiles per router. Default 4: ISAAC / PUMAsim c-mesh concentration. Each tile pays 1/this of the router. */
  readonly sharedByTiles: number;
}

/** PUMA hierarchy: node → tiles → cores → MVMUs → crossbars. */
export interface OrganisationCosts {
  /** Physical crossbars per MVMU. Default 8: PUMAsim `phy2log_ratio` = num_bits 16 / xbar_bits 2. */
  readonly crossbarsPerMvmu: number;
  /** MVMUs per core. Default 2: PUMAsim `num_matrix`. */
  readonly mvmusPerCore: number;
  /** Cores per tile. Default 8: PUMAsim `num_ima`. */
  readonly coresPerTile: number;
}

/** Timing of the core. */
export interface TimingCosts {
  /** Core clock period, s; cycle times are rounded up to whole clocks. Default 1 ns: PUMAsim `cycle_time`. */
  readonly clockPeriodS: number;
  /**
   * Extra input cycles per MVM for filling and draining the pipeline. Default 2: PUMAsim
   * `xbComputeLatency_Analog` 3-stage pipeline (xbar+DAC → S&H+ADC → shift-add), `input_bits/dac_res + 3 − 1`.
   */
  readonly pipelineExtraStages: number;
}

/** Every component constant of the cost model. A frozen plain object of numbers and nested plain objects. */
export interface ComponentCosts {
  readonly crossbar: CrossbarCosts;
  readonly adc: AdcCosts;
  readonly adcAreaNegi: AdcAreaNegiCosts;
  readonly partialSum: PartialSumCosts;
  readonly dac: DacCosts;
  readonly sampleHold: SampleHoldCosts;
  readonly shiftAdd: ShiftAddCosts;
  readonly registers: RegisterCosts;
  readonly edram: EdramCosts;
  readonly bus: BusCosts;
  readonly router: RouterCosts;
  readonly organisation: OrganisationCosts;
  readonly timing: TimingCosts;
}

/** ISAAC/Saberi ADC table (Accelergy `isaac.py` `IsaacADC`, µm² converted to mm²). */
const ISAAC_SABERI_ADC: Record<string, AdcTableEntry> = {
  4: { energyJPerConversion: 0.79 * PJ, areaMm2: 361.04 * UM2_IN_MM2 },
  5: { energyJPerConversion: 0.99 * PJ, areaMm2: 476.91 * UM2_IN_MM2 },
  6: { energyJPerConversion: 1.2 * PJ, areaMm2: 626.91 * UM2_IN_MM2 },
  7: { energyJPerConversion: 1.42 * PJ, areaMm2: 845.18 * UM2_IN_MM2 },
  8: { energyJPerConversion: 1.67 * PJ, areaMm2: 1200 * UM2_IN_MM2 },
  9: { energyJPerConversion: 1.969078145 * PJ, areaMm2: 1827.911647 * UM2_IN_MM2 },
  10: { energyJPerConversion: 2.379022742 * PJ, areaMm2: 3002.008032 * UM2_IN_MM2 },
};

/** Negi's NAX ADC areas, 5…9 b (puma-simulator e223699 `constants-{16,32,64,128}.py` `adc_area_dict`), mm². */
const NEGI_ADC_AREA: Record<string, AdcAreaEntry> = {
  5: { areaMm2: 0.00075 },
  6: { areaMm2: 0.0009 },
  7: { areaMm2: 0.00105 },
  8: { areaMm2: 0.0012 },
  9: { areaMm2: 0.0012 },
};

/** PUMAsim `xbar_inMem_*` / `xbar_outMem_*` by size (mW → J per 1 ns access, mW → W, mm²). */
function pumasimRegister(readMw: number, writeMw: number, leakMw: number, areaMm2: number): RegisterTableEntry {
  return {
    readEnergyJ: readMw * MW * PUMASIM_CYCLE_S,
    writeEnergyJ: writeMw * MW * PUMASIM_CYCLE_S,
    leakagePowerW: leakMw * MW,
    areaMm2,
  };
}
const PUMASIM_REGISTERS: Record<string, RegisterTableEntry> = {
  16: pumasimRegister(0.3, 0.1, 0.009, 0.00015),
  32: pumasimRegister(0.3, 0.1, 0.009, 0.00015),
  64: pumasimRegister(0.7, 0.1, 0.02, 0.00033),
  128: pumasimRegister(1.7, 0.16, 0.04, 0.00078),
  256: pumasimRegister(4.7, 0.2, 0.075, 0.0019),
};

function deepFreeze<T>(o: T): T {
  if (typeof o === 'object' && o !== null) {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

/** PUMA organisation with PUMAsim / NAX per-size constants and ISAAC tables (sources on each field). */
export const DEFAULT_COMPONENTS: ComponentCosts = deepFreeze({
  crossbar: {
    referenceSize: 128,
    readPowerW: 0.3 * MW,
    readTimeS: 128 * NS,
    areaMm2: 2.5e-5,
    leakagePowerW: 0,
  },
  adc: {
    table: ISAAC_SABERI_ADC,
    extrapolationRatioPerBit: 2,
    conversionTimeSPerBit: PUMASIM_ADC_READ_TIME_S_PER_BIT / ISAAC_COLUMNS_PER_ADC_READ,
    leakagePowerWPerBit: 0.025 * MW,
    readLatencySPerBit: PUMASIM_ADC_READ_TIME_S_PER_BIT,
  },
  adcAreaNegi: { table: NEGI_ADC_AREA },
  partialSum: { bits: 16, addEnergyJ: ((0.373 * 32) / 45) * MW * PUMASIM_CYCLE_S },
  dac: {
    energyJPerConversion: 0.00350625 * MW * PUMASIM_CYCLE_S,
    areaMm2: 1.67e-7,
    leakagePowerW: 0.000390625 * MW,
    ratioPerBit: 2,
  },
  sampleHold: {
    energyJPerSample: (9.7e-6 - 9.7e-7) * MW * PUMASIM_CYCLE_S,
    areaMm2: 0.00004 / 8 / 128,
    leakagePowerW: 9.7e-7 * MW,
  },
  shiftAdd: {
    energyJPerOp: (0.05 - 0.005) * MW * PUMASIM_CYCLE_S,
    areaMm2: 0.00006,
    leakagePowerW: 0.005 * MW,
  },
  registers: { table: PUMASIM_REGISTERS },
  edram: { energyJPerAccess: 20.45 * PJ, accessBits: 256, areaMm2: 0.083, leakagePowerW: 0.46 * MW, accessTimeS: 2 * NS },
  bus: { energyJPerBit: 0.054 * PJ, areaMm2: 0.09, leakagePowerW: 0.5 * MW },
  router: { energyJPerAccess: 20.74 * PJ, accessBits: 256, areaMm2: 0.15, leakagePowerW: 0.41 * MW, sharedByTiles: 4 },
  organisation: { crossbarsPerMvmu: 8, mvmusPerCore: 2, coresPerTile: 8 },
  timing: { clockPeriodS: PUMASIM_CYCLE_S, pipelineExtraStages: 2 },
});

/** Largest ADC resolution a table may describe (and a mapping may ask for). */
export const ADC_BITS_MAX = 16;
/** Largest register file the table may describe, entries. */
const REGISTER_SIZE_MAX = 4096;

const NON_NEGATIVE: NumberRule = { min: 0 };
const POSITIVE: NumberRule = { min: 0, exclusive: true };
const COUNT: NumberRule = { min: 1, integer: true };
const RATIO_PER_BIT: NumberRule = { min: 1 };

type ScalarRules = Readonly<Record<string, NumberRule>>;
interface TableRule {
  /** What a key means, for messages. */
  readonly keyName: string;
  readonly key: NumberRule;
  readonly fields: ScalarRules;
}
interface SectionRule {
  readonly scalars: ScalarRules;
  readonly table?: TableRule;
}

const ENTRY_ENERGY_AREA: ScalarRules = { energyJPerConversion: NON_NEGATIVE, areaMm2: NON_NEGATIVE };

/** Allowed values per field. Energies, powers and areas ≥ 0; times that set the cycle > 0; counts ≥ 1. */
const RULES: Readonly<Record<keyof ComponentCosts, SectionRule>> = {
  crossbar: {
    scalars: { referenceSize: COUNT, readPowerW: NON_NEGATIVE, readTimeS: POSITIVE, areaMm2: NON_NEGATIVE, leakagePowerW: NON_NEGATIVE },
  },
  adc: {
    scalars: {
      extrapolationRatioPerBit: RATIO_PER_BIT, conversionTimeSPerBit: NON_NEGATIVE, leakagePowerWPerBit: NON_NEGATIVE,
      readLatencySPerBit: POSITIVE,
    },
    table: { keyName: 'ADC bits', key: { min: 1, max: ADC_BITS_MAX, integer: true }, fields: ENTRY_ENERGY_AREA },
  },
  adcAreaNegi: {
    scalars: {},
    table: { keyName: 'ADC bits', key: { min: 1, max: ADC_BITS_MAX, integer: true }, fields: { areaMm2: NON_NEGATIVE } },
  },
  partialSum: { scalars: { bits: COUNT, addEnergyJ: NON_NEGATIVE } },
  dac: {
    scalars: { energyJPerConversion: NON_NEGATIVE, areaMm2: NON_NEGATIVE, leakagePowerW: NON_NEGATIVE, ratioPerBit: RATIO_PER_BIT },
  },
  sampleHold: { scalars: { energyJPerSample: NON_NEGATIVE, areaMm2: NON_NEGATIVE, leakagePowerW: NON_NEGATIVE } },
  shiftAdd: { scalars: { energyJPerOp: NON_NEGATIVE, areaMm2: NON_NEGATIVE, leakagePowerW: NON_NEGATIVE } },
  registers: {
    scalars: {},
    table: {
      keyName: 'register entries',
      key: { min: 1, max: REGISTER_SIZE_MAX, integer: true },
      fields: { readEnergyJ: NON_NEGATIVE, writeEnergyJ: NON_NEGATIVE, leakagePowerW: NON_NEGATIVE, areaMm2: NON_NEGATIVE },
    },
  },
  edram: {
    scalars: { energyJPerAccess: NON_NEGATIVE, accessBits: COUNT, areaMm2: NON_NEGATIVE, leakagePowerW: NON_NEGATIVE, accessTimeS: NON_NEGATIVE },
  },
  bus: { scalars: { energyJPerBit: NON_NEGATIVE, areaMm2: NON_NEGATIVE, leakagePowerW: NON_NEGATIVE } },
  router: {
    scalars: {
      energyJPerAccess: NON_NEGATIVE, accessBits: COUNT, areaMm2: NON_NEGATIVE, leakagePowerW: NON_NEGATIVE, sharedByTiles: COUNT,
    },
  },
  organisation: { scalars: { crossbarsPerMvmu: COUNT, mvmusPerCore: COUNT, coresPerTile: COUNT } },
  timing: { scalars: { clockPeriodS: POSITIVE, pipelineExtraStages: { min: 0, integer: true } } },
};

/** Reads a table key such as `"8"` as an integer under `rule`; the error names the key's field path. */
function readTableKey(key: string, rule: TableRule, file: string, field: string): number {
  const n = Number(key);
  if (key.trim() === '' || !Number.isInteger(n)) {
    throw new NaxUserError(file, field, `expected an integer key (${rule.keyName}), found ${JSON.stringify(key)}`);
  }
  const { min = -Infinity, max = Infinity } = rule.key;
  if (n < min || n > max) {
    throw new NaxUserError(file, field, `${rule.keyName} must be ${min}…${max}, found ${n}`);
  }
  return n;
}

function readTable(
  raw: unknown,
  base: Readonly<Record<string, object>>,
  rule: TableRule,
  ctx: { file: string; field: string; sources: Record<string, string> },
): Record<string, object> {
  const o = requireObject(raw, ctx.file, ctx.field);
  const out: Record<string, object> = { ...base };
  const allowed = Object.keys(rule.fields);
  for (const [key, v] of Object.entries(o)) {
    const keyField = `${ctx.field}.${key}`;
    const n = readTableKey(key, rule, ctx.file, keyField);
    const entry = requireObject(v, ctx.file, keyField);
    rejectUnknownKeys(entry, allowed, ctx.file, keyField);
    const prev = base[String(n)] as Record<string, number> | undefined;
    const merged: Record<string, number> = {};
    for (const name of allowed) {
      const at = `${keyField}.${name}`;
      if (entry[name] === undefined) {
        if (prev === undefined) {
          throw new NaxUserError(ctx.file, at, `missing: a new ${rule.keyName} entry needs ${allowed.join(', ')}`,
            `the built-in table has entries for ${Object.keys(base).join(', ')}`);
        }
        merged[name] = prev[name];
        continue;
      }
      const { value, source } = readCitedNumber(entry[name], ctx.file, at, rule.fields[name]);
      merged[name] = value;
      if (source) ctx.sources[at] = source;
    }
    out[String(n)] = merged;
  }
  return out;
}

/** Where a components section sits, for error messages, and what it overrides. */
export interface ComponentsParseOptions {
  /** File name for errors, e.g. `technology.json`. */
  readonly file: string;
  /** Path of the section inside the file, e.g. `components`; prefixes every error field and source key. */
  readonly field: string;
  /** Values the section overrides, usually DEFAULT_COMPONENTS. */
  readonly base: ComponentCosts;
}

/**
 * Validates the `components` section of a technology file over `base` and returns the merged, frozen
 * components plus the sources cited with `{ "value", "source" }`, keyed by field path
 * (`components.adc.table.8.energyJPerConversion`). Errors name the field, e.g. `components.adc.table.17`.
 */
export function parseComponentsWithSources(
  raw: unknown,
  options: ComponentsParseOptions,
): { components: ComponentCosts; sources: Record<string, string> } {
  const { file, field, base } = options;
  const sources: Record<string, string> = {};
  const o = requireObject(raw, file, field);
  const sectionNames = Object.keys(RULES) as Array<keyof ComponentCosts>;
  rejectUnknownKeys(o, sectionNames, file, field);
  const out: Record<string, unknown> = { ...base };
  for (const name of sectionNames) {
    if (o[name] === undefined) continue;
    const at = `${field}.${name}`;
    const rule = RULES[name];
    const section = requireObject(o[name], file, at);
    const allowed = [...Object.keys(rule.scalars), ...(rule.table ? ['table'] : [])];
    rejectUnknownKeys(section, allowed, file, at);
    const merged: Record<string, unknown> = { ...(base[name] as object) };
    for (const [k, v] of Object.entries(section)) {
      if (k === 'table' && rule.table) {
        const baseTable = (base[name] as { table: Readonly<Record<string, object>> }).table;
        merged.table = readTable(v, baseTable, rule.table, { file, field: `${at}.table`, sources });
        continue;
      }
      const { value, source } = readCitedNumber(v, file, `${at}.${k}`, rule.scalars[k]);
      merged[k] = value;
      if (source) sources[`${at}.${k}`] = source;
    }
    out[name] = merged;
  }
  return { components: deepFreeze(out as unknown as ComponentCosts), sources };
}

/**
 * Validates the `components` section of a technology file over `base` (usually DEFAULT_COMPONENTS); see
 * parseComponentsWithSources, which also returns the cited sources.
 */
export function parseComponents(raw: unknown, file: string, field: string, base: ComponentCosts): ComponentCosts {
  return parseComponentsWithSources(raw, { file, field, base }).components;
}
