export const id = 535;
export const ids = [535];
export const modules = {

/***/ 5292:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CN: () => (/* binding */ parseComponentsWithSources),
/* harmony export */   Vn: () => (/* binding */ ADC_BITS_MAX),
/* harmony export */   lp: () => (/* binding */ DEFAULT_COMPONENTS)
/* harmony export */ });
/* unused harmony export parseComponents */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _fields_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(81);
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
/** ISAAC/Saberi ADC table (Accelergy `isaac.py` `IsaacADC`, µm² converted to mm²). */
const ISAAC_SABERI_ADC = {
    4: { energyJPerConversion: 0.79 * PJ, areaMm2: 361.04 * UM2_IN_MM2 },
    5: { energyJPerConversion: 0.99 * PJ, areaMm2: 476.91 * UM2_IN_MM2 },
    6: { energyJPerConversion: 1.2 * PJ, areaMm2: 626.91 * UM2_IN_MM2 },
    7: { energyJPerConversion: 1.42 * PJ, areaMm2: 845.18 * UM2_IN_MM2 },
    8: { energyJPerConversion: 1.67 * PJ, areaMm2: 1200 * UM2_IN_MM2 },
    9: { energyJPerConversion: 1.969078145 * PJ, areaMm2: 1827.911647 * UM2_IN_MM2 },
    10: { energyJPerConversion: 2.379022742 * PJ, areaMm2: 3002.008032 * UM2_IN_MM2 },
};
/** Negi's NAX ADC areas, 5…9 b (puma-simulator e223699 `constants-{16,32,64,128}.py` `adc_area_dict`), mm². */
const NEGI_ADC_AREA = {
    5: { areaMm2: 0.00075 },
    6: { areaMm2: 0.0009 },
    7: { areaMm2: 0.00105 },
    8: { areaMm2: 0.0012 },
    9: { areaMm2: 0.0012 },
};
/** PUMAsim `xbar_inMem_*` / `xbar_outMem_*` by size (mW → J per 1 ns access, mW → W, mm²). */
function pumasimRegister(readMw, writeMw, leakMw, areaMm2) {
    return {
        readEnergyJ: readMw * MW * PUMASIM_CYCLE_S,
        writeEnergyJ: writeMw * MW * PUMASIM_CYCLE_S,
        leakagePowerW: leakMw * MW,
        areaMm2,
    };
}
const PUMASIM_REGISTERS = {
    16: pumasimRegister(0.3, 0.1, 0.009, 0.00015),
    32: pumasimRegister(0.3, 0.1, 0.009, 0.00015),
    64: pumasimRegister(0.7, 0.1, 0.02, 0.00033),
    128: pumasimRegister(1.7, 0.16, 0.04, 0.00078),
    256: pumasimRegister(4.7, 0.2, 0.075, 0.0019),
};
function deepFreeze(o) {
    if (typeof o === 'object' && o !== null) {
        for (const v of Object.values(o))
            deepFreeze(v);
        Object.freeze(o);
    }
    return o;
}
/** PUMA organisation with PUMAsim / NAX per-size constants and ISAAC tables (sources on each field). */
const DEFAULT_COMPONENTS = deepFreeze({
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
const ADC_BITS_MAX = 16;
/** Largest register file the table may describe, entries. */
const REGISTER_SIZE_MAX = 4096;
const NON_NEGATIVE = { min: 0 };
const POSITIVE = { min: 0, exclusive: true };
const COUNT = { min: 1, integer: true };
const RATIO_PER_BIT = { min: 1 };
const ENTRY_ENERGY_AREA = { energyJPerConversion: NON_NEGATIVE, areaMm2: NON_NEGATIVE };
/** Allowed values per field. Energies, powers and areas ≥ 0; times that set the cycle > 0; counts ≥ 1. */
const RULES = {
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
function readTableKey(key, rule, file, field) {
    const n = Number(key);
    if (key.trim() === '' || !Number.isInteger(n)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(file, field, `expected an integer key (${rule.keyName}), found ${JSON.stringify(key)}`);
    }
    const { min = -Infinity, max = Infinity } = rule.key;
    if (n < min || n > max) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(file, field, `${rule.keyName} must be ${min}…${max}, found ${n}`);
    }
    return n;
}
function readTable(raw, base, rule, ctx) {
    const o = (0,_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .requireObject */ .zG)(raw, ctx.file, ctx.field);
    const out = { ...base };
    const allowed = Object.keys(rule.fields);
    for (const [key, v] of Object.entries(o)) {
        const keyField = `${ctx.field}.${key}`;
        const n = readTableKey(key, rule, ctx.file, keyField);
        const entry = (0,_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .requireObject */ .zG)(v, ctx.file, keyField);
        (0,_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .rejectUnknownKeys */ .gR)(entry, allowed, ctx.file, keyField);
        const prev = base[String(n)];
        const merged = {};
        for (const name of allowed) {
            const at = `${keyField}.${name}`;
            if (entry[name] === undefined) {
                if (prev === undefined) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(ctx.file, at, `missing: a new ${rule.keyName} entry needs ${allowed.join(', ')}`, `the built-in table has entries for ${Object.keys(base).join(', ')}`);
                }
                merged[name] = prev[name];
                continue;
            }
            const { value, source } = (0,_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readCitedNumber */ .fc)(entry[name], ctx.file, at, rule.fields[name]);
            merged[name] = value;
            if (source)
                ctx.sources[at] = source;
        }
        out[String(n)] = merged;
    }
    return out;
}
/**
 * Validates the `components` section of a technology file over `base` and returns the merged, frozen
 * components plus the sources cited with `{ "value", "source" }`, keyed by field path
 * (`components.adc.table.8.energyJPerConversion`). Errors name the field, e.g. `components.adc.table.17`.
 */
function parseComponentsWithSources(raw, options) {
    const { file, field, base } = options;
    const sources = {};
    const o = (0,_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .requireObject */ .zG)(raw, file, field);
    const sectionNames = Object.keys(RULES);
    (0,_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .rejectUnknownKeys */ .gR)(o, sectionNames, file, field);
    const out = { ...base };
    for (const name of sectionNames) {
        if (o[name] === undefined)
            continue;
        const at = `${field}.${name}`;
        const rule = RULES[name];
        const section = (0,_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .requireObject */ .zG)(o[name], file, at);
        const allowed = [...Object.keys(rule.scalars), ...(rule.table ? ['table'] : [])];
        (0,_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .rejectUnknownKeys */ .gR)(section, allowed, file, at);
        const merged = { ...base[name] };
        for (const [k, v] of Object.entries(section)) {
            if (k === 'table' && rule.table) {
                const baseTable = base[name].table;
                merged.table = readTable(v, baseTable, rule.table, { file, field: `${at}.table`, sources });
                continue;
            }
            const { value, source } = (0,_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readCitedNumber */ .fc)(v, file, `${at}.${k}`, rule.scalars[k]);
            merged[k] = value;
            if (source)
                sources[`${at}.${k}`] = source;
        }
        out[name] = merged;
    }
    return { components: deepFreeze(out), sources };
}
/**
 * Validates the `components` section of a technology file over `base` (usually DEFAULT_COMPONENTS); see
 * parseComponentsWithSources, which also returns the cited sources.
 */
function parseComponents(raw, file, field, base) {
    return parseComponentsWithSources(raw, { file, field, base }).components;
}


/***/ }),

/***/ 2226:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jq: () => (/* binding */ conductances),
/* harmony export */   MM: () => (/* binding */ technologyHash),
/* harmony export */   Mf: () => (/* binding */ idealAdc),
/* harmony export */   Rq: () => (/* binding */ DEFAULT_DEVICE),
/* harmony export */   m5: () => (/* binding */ parseTechnology),
/* harmony export */   xU: () => (/* binding */ DEFAULT_TECHNOLOGY)
/* harmony export */ });
/* unused harmony exports TECHNOLOGY_SCHEMA, DEFAULT_ADC_ERRORS, DEFAULT_WIRES */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _components_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5292);
/* harmony import */ var _cost_model_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(145);
/* harmony import */ var _fields_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(81);
/**
 * `technology.json` (schema `nax-technology/1`): the device, the wires and the component costs.
 * Every section and field is optional; a file overrides the built-in defaults field by field. Any number
 * may be written `{ "value": n, "source": "…" }` so the file cites its constants.
 */





const TECHNOLOGY_SCHEMA = 'nax-technology/1';
const DEFAULT_DEVICE = Object.freeze({
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
const DEFAULT_ADC_ERRORS = Object.freeze({
    offsetLsb: 0,
    offsetSigmaLsb: 0,
    gain: 1,
    gainSigmaRel: 0,
    noiseSigmaLsb: 0,
});
/** Whether an ADC error model is the ideal converter (then the engine keeps its exact fast path). */
function idealAdc(a) {
    return a.offsetLsb === 0 && a.offsetSigmaLsb === 0 && a.gain === 1 && a.gainSigmaRel === 0 && a.noiseSigmaLsb === 0;
}
const DEFAULT_WIRES = Object.freeze({
    rWireOhm: 1,
    rSourceOhm: 100,
    rSinkOhm: 100,
});
const DEFAULT_TECHNOLOGY = Object.freeze({
    device: DEFAULT_DEVICE,
    wires: DEFAULT_WIRES,
    adc: DEFAULT_ADC_ERRORS,
    components: _components_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_COMPONENTS */ .lp,
    costModel: _cost_model_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_COST_MODEL */ .UP,
    sources: {},
});
/** Conductances derived from a device (S). */
function conductances(d) {
    return { gOnSiemens: 1 / d.rOnOhm, gOffSiemens: 1 / (d.rOnOhm * d.onOffRatio) };
}
/** Fields of a section that take a string from a fixed list instead of a number. */
const ENUM_FIELDS = {
    programmingDistribution: ['normal', 'lognormal'],
    driftCompensation: ['none', 'global'],
};
/**
 * Physical ranges. R_on of published RRAM, PCM and CBRAM synaptic devices lies between about 1 kΩ and
 * 1 MΩ (Yu, "Neuro-inspired computing with emerging nonvolatile memory", Proc. IEEE 106(2), 2018); the
 * bounds leave a decade either side (nax assumption). Below 100 Ω a 128-cell line draws amperes at
 * read voltages, and no solve of such an array is meaningful.
 */
const DEVICE_RULES = {
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
const ADC_RULES = {
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
const WIRE_RULES = {
    rWireOhm: { min: 0, max: 1e3 },
    rSourceOhm: { min: 0, max: 1e6 },
    rSinkOhm: { min: 0, max: 1e6 },
};
function readSection(raw, base, rules, file, section, sources) {
    const o = (0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .requireObject */ .zG)(raw, file, section);
    const out = { ...base };
    for (const [k, v] of Object.entries(o)) {
        const field = `${section}.${k}`;
        const enumValues = section === 'device' ? ENUM_FIELDS[k] : undefined;
        if (enumValues) {
            out[k] = (0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .readEnum */ .ai)(v, enumValues, file, field);
            continue;
        }
        const rule = rules[k];
        if (!rule)
            (0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .rejectUnknownKeys */ .gR)({ [k]: v }, [...Object.keys(rules), ...(section === 'device' ? Object.keys(ENUM_FIELDS) : [])], file, section);
        const { value, source } = (0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .readCitedNumber */ .fc)(v, file, field, rule);
        out[k] = value;
        if (source)
            sources[field] = source;
    }
    return Object.freeze(out);
}
/** Validates a technology document over the built-in defaults. */
function parseTechnology(raw, file, base = DEFAULT_TECHNOLOGY) {
    const o = (0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .requireObject */ .zG)(raw, file, '');
    (0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .rejectUnknownKeys */ .gR)(o, ['schema', 'description', 'device', 'wires', 'adc', 'components', 'costModel'], file, '');
    if (o.schema !== TECHNOLOGY_SCHEMA) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NaxUserError */ .b(file, 'schema', `expected "${TECHNOLOGY_SCHEMA}", found ${(0,_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .describe */ .q0)(o.schema)}`);
    }
    const sources = { ...base.sources };
    const device = o.device === undefined ? base.device : readSection(o.device, base.device, DEVICE_RULES, file, 'device', sources);
    const wires = o.wires === undefined ? base.wires : readSection(o.wires, base.wires, WIRE_RULES, file, 'wires', sources);
    const adc = o.adc === undefined ? base.adc : readSection(o.adc, base.adc, ADC_RULES, file, 'adc', sources);
    let components = base.components;
    if (o.components !== undefined) {
        const parsed = (0,_components_js__WEBPACK_IMPORTED_MODULE_2__/* .parseComponentsWithSources */ .CN)(o.components, { file, field: 'components', base: base.components });
        components = parsed.components;
        Object.assign(sources, parsed.sources);
    }
    let costModel = base.costModel;
    if (o.costModel !== undefined) {
        const parsed = (0,_cost_model_js__WEBPACK_IMPORTED_MODULE_3__/* .parseCostModel */ .Y4)(o.costModel, file, 'costModel', base.costModel);
        costModel = parsed.costModel;
        Object.assign(sources, parsed.sources);
    }
    if (device.stuckAtOffRate + device.stuckAtOnRate > 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NaxUserError */ .b(file, 'device.stuckAtOnRate', 'stuckAtOffRate + stuckAtOnRate exceed 1');
    }
    return Object.freeze({ device, wires, adc, components, costModel, sources: Object.freeze(sources) });
}
/** Content hash of the technology in use (canonical JSON of the resolved values), `sha256:<hex>`. */
function technologyHash(t) {
    const canon = JSON.stringify({
        device: sortKeys(t.device), wires: sortKeys(t.wires), adc: sortKeys(t.adc), components: sortKeys(t.components),
        costModel: sortKeys(t.costModel),
    });
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(canon).digest('hex')}`;
}
function sortKeys(o) {
    const out = {};
    for (const k of Object.keys(o).sort()) {
        const v = o[k];
        out[k] = typeof v === 'object' && v !== null && !Array.isArray(v) ? sortKeys(v) : v;
    }
    return out;
}


/***/ }),

/***/ 6687:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ physicalCrossbars),
/* harmony export */   t: () => (/* binding */ tileGeometry)
/* harmony export */ });
function tileGeometry(s, m) {
    const rowsNeeded = s.kernelH * s.kernelW * s.inChannels;
    const magnitudeBits = m.signMapping === 'offset' ? m.weightBits : m.weightBits - 1;
    const slices = Math.ceil(magnitudeBits / m.bitsPerCell);
    const signArrays = m.signMapping === 'offset' ? 1 : 2;
    const rowTiles = Math.ceil(rowsNeeded / m.rows);
    let channelsPerCrossbar;
    let colTiles;
    let crossbars;
    if (m.sliceLayout === 'crossbarPerSlice') {
        channelsPerCrossbar = m.cols;
        colTiles = Math.ceil(s.outChannels / m.cols);
        crossbars = rowTiles * colTiles * slices * signArrays;
    }
    else {
        // Slices of one channel stay in one crossbar (PUMA functional model), so floor(cols / slices) channels fit.
        channelsPerCrossbar = Math.floor(m.cols / slices);
        colTiles = Math.ceil(s.outChannels / channelsPerCrossbar);
        crossbars = rowTiles * colTiles * signArrays;
    }
    const usedCells = rowsNeeded * s.outChannels * slices * signArrays;
    return {
        rowsNeeded,
        colsNeeded: s.outChannels,
        magnitudeBits,
        slices,
        signArrays,
        convertingCrossbars: m.signMapping === 'balanced' ? crossbars / 2 : crossbars,
        referenceColumns: m.baseline === 'referenceColumn' && m.signMapping !== 'balanced' ? 1 : 0,
        rowTiles,
        colTiles,
        channelsPerCrossbar,
        crossbars,
        utilisation: usedCells / (crossbars * m.rows * m.cols),
        inputCycles: Math.ceil(m.inputBits / m.dacBits),
        mvms: s.outH * s.outW,
    };
}
/** Enumerates a layer's physical crossbars in a fixed order (row tile, column tile, slice, sign). */
function physicalCrossbars(s, m) {
    const g = tileGeometry(s, m);
    const out = [];
    const signs = g.signArrays === 2 ? [1, -1] : [1];
    for (let rt = 0; rt < g.rowTiles; rt++) {
        const rowStart = rt * m.rows;
        const rowCount = Math.min(m.rows, g.rowsNeeded - rowStart);
        for (let ct = 0; ct < g.colTiles; ct++) {
            const c0 = ct * g.channelsPerCrossbar;
            const nCh = Math.min(g.channelsPerCrossbar, s.outChannels - c0);
            if (m.sliceLayout === 'crossbarPerSlice') {
                for (let sl = 0; sl < g.slices; sl++) {
                    for (const sign of signs) {
                        const columnChannel = new Int32Array(nCh);
                        const columnSlice = new Int32Array(nCh).fill(sl);
                        for (let j = 0; j < nCh; j++)
                            columnChannel[j] = c0 + j;
                        out.push({ rowStart, rowCount, sign, columnChannel, columnSlice });
                    }
                }
            }
            else {
                for (const sign of signs) {
                    const columnChannel = new Int32Array(nCh * g.slices);
                    const columnSlice = new Int32Array(nCh * g.slices);
                    for (let j = 0; j < nCh; j++) {
                        for (let sl = 0; sl < g.slices; sl++) {
                            columnChannel[j * g.slices + sl] = c0 + j;
                            columnSlice[j * g.slices + sl] = sl;
                        }
                    }
                    out.push({ rowStart, rowCount, sign, columnChannel, columnSlice });
                }
            }
        }
    }
    return out;
}


/***/ }),

/***/ 2737:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ activate),
/* harmony export */   h: () => (/* binding */ glueOp)
/* harmony export */ });
/* harmony import */ var _tensorflow_tfjs_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3484);
/** Graph ops with one meaning in every forward pass over a NetworkGraph (float, crossbar, supernet). */

function activate(x, a) {
    switch (a) {
        case 'linear': return x;
        case 'relu': return _tensorflow_tfjs_core__WEBPACK_IMPORTED_MODULE_0__.relu(x);
        case 'relu6': return _tensorflow_tfjs_core__WEBPACK_IMPORTED_MODULE_0__.relu6(x);
        case 'sigmoid': return _tensorflow_tfjs_core__WEBPACK_IMPORTED_MODULE_0__.sigmoid(x);
        case 'tanh': return _tensorflow_tfjs_core__WEBPACK_IMPORTED_MODULE_0__.tanh(x);
        case 'softmax': return _tensorflow_tfjs_core__WEBPACK_IMPORTED_MODULE_0__.softmax(x);
    }
}
/** The digital glue between matrix layers that no forward pass changes: pooling, GAP, flatten, unfolded BN, zero padding. */
function glueOp(n, x) {
    switch (n.op) {
        case 'maxPool':
            return _tensorflow_tfjs_core__WEBPACK_IMPORTED_MODULE_0__.maxPool(x, [n.poolH, n.poolW], [n.strideH, n.strideW], n.padding);
        case 'avgPool':
            return _tensorflow_tfjs_core__WEBPACK_IMPORTED_MODULE_0__.avgPool(x, [n.poolH, n.poolW], [n.strideH, n.strideW], n.padding);
        case 'globalAvgPool':
            return _tensorflow_tfjs_core__WEBPACK_IMPORTED_MODULE_0__.mean(x, [1, 2]);
        case 'flatten':
            return _tensorflow_tfjs_core__WEBPACK_IMPORTED_MODULE_0__.reshape(x, [x.shape[0], -1]);
        case 'affine':
            return _tensorflow_tfjs_core__WEBPACK_IMPORTED_MODULE_0__.add(_tensorflow_tfjs_core__WEBPACK_IMPORTED_MODULE_0__.mul(x, n.scale), n.offset);
        case 'pad':
            return _tensorflow_tfjs_core__WEBPACK_IMPORTED_MODULE_0__.pad(x, [[0, 0], [n.top, n.bottom], [n.left, n.right], [0, 0]]);
    }
}


/***/ }),

/***/ 1103:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ deriveSeed),
/* harmony export */   K: () => (/* binding */ Rng)
/* harmony export */ });
/**
 * Seeded, reproducible random numbers for the crossbar simulator.
 *
 * Why not `Math.random`: every Monte Carlo sample, layer and crossbar must be re-creatable from the run seed
 * alone, on any machine, so that shards of a run merge into the same report and a failing sample can be
 * replayed. The generator is xoshiro128** (Blackman & Vigna, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 47(4), 2021), 128-bit state, period 2^128 − 1, seeded through splitmix32. All state
 * arithmetic is 32-bit integer (`Math.imul`, `>>> 0`), so the integer stream is bit-identical everywhere.
 * `normal()` uses the Marsaglia polar method, which needs only `Math.log` and `Math.sqrt`: `sqrt` is
 * correctly rounded by IEEE 754, and V8's `Math.log` is its own fdlibm port, identical on every platform for
 * a given Node version.
 *
 * Independent streams come from `deriveSeed(seed, ...labels)`: e.g. `deriveSeed(runSeed, 'mc', 3, 'conv1', 17)`
 * for Monte Carlo sample 3, layer conv1, crossbar 17. The same labels always give the same seed; any change
 * to a label (or to their order or count) gives an unrelated one.
 */
// Math functions bound once: hot loops call them per cell or per conversion, and under jest (a vm
// context) every lookup of a global such as `Math` is slow.
const { imul, sqrt, log } = Math;
/** splitmix32 step (a 32-bit variant of Steele, Lea & Flood's SplitMix): returns [output, next state]. */
function splitmix32(state) {
    const next = (state + 0x9e3779b9) >>> 0;
    let z = next;
    z = imul(z ^ (z >>> 16), 0x85ebca6b);
    z = imul(z ^ (z >>> 13), 0xc2b2ae35);
    return [(z ^ (z >>> 16)) >>> 0, next];
}
/** MurmurHash3's 32-bit finaliser: a bijection on u32 with full avalanche. */
function fmix32(h) {
    h = imul(h ^ (h >>> 16), 0x85ebca6b);
    h = imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
}
/** Mixes one 32-bit word into a running hash (MurmurHash3 body step). */
function mixWord(h, k) {
    k = imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    return (imul(h, 5) + 0xe6546b64) >>> 0;
}
const F64 = new Float64Array(1);
const F64_WORDS = new Uint32Array(F64.buffer);
/**
 * A seed for an independent stream, derived from a parent seed and a path of labels.
 * Each label is hashed with a type tag and its length, so `('ab', 'c')`, `('a', 'bc')` and `('abc')` differ,
 * and the number `1` differs from the string `'1'`. Non-integer numbers are hashed by their float64 bits.
 * @param seed parent seed; any number (it is reduced to 32 bits with `>>> 0`, so pass integers).
 * @returns an unsigned 32-bit seed.
 */
function deriveSeed(seed, ...labels) {
    let h = mixWord(0x6a09e667, seed >>> 0);
    for (const label of labels) {
        if (typeof label === 'string') {
            h = mixWord(h, 0x53545200 ^ label.length); // tag 'STR'
            for (let i = 0; i < label.length; i++)
                h = mixWord(h, label.charCodeAt(i));
        }
        else if (Number.isInteger(label) && Math.abs(label) <= 0xffffffff) {
            h = mixWord(h, label < 0 ? 0x4e454700 : 0x494e5400); // tags 'NEG' / 'INT'
            h = mixWord(h, Math.abs(label) >>> 0);
        }
        else {
            F64[0] = label;
            h = mixWord(h, 0x46363400); // tag 'F64'
            h = mixWord(h, F64_WORDS[0]);
            h = mixWord(h, F64_WORDS[1]);
        }
    }
    return fmix32(h ^ labels.length);
}
/** 2^-53: turns a 53-bit integer into a double in [0, 1). */
const TWO_POW_MINUS_53 = 1 / 9007199254740992;
/** xoshiro128** generator. Not cryptographic; for simulation only. */
class Rng {
    s0;
    s1;
    s2;
    s3;
    /** Second value of the last polar pair, used by the next `normal()` call. */
    spare = 0;
    hasSpare = false;
    /** @param seed any number; reduced to 32 bits with `>>> 0`. Use `deriveSeed` for sub-streams. */
    constructor(seed) {
        let st = seed >>> 0;
        let out;
        [out, st] = splitmix32(st);
        this.s0 = out;
        [out, st] = splitmix32(st);
        this.s1 = out;
        [out, st] = splitmix32(st);
        this.s2 = out;
        [out, st] = splitmix32(st);
        this.s3 = out;
        // The all-zero state is the one fixed point of xoshiro; splitmix32 makes it practically impossible,
        // but guard it anyway so every seed gives a full-period stream.
        if ((this.s0 | this.s1 | this.s2 | this.s3) === 0)
            this.s0 = 0x9e3779b9;
    }
    /**
     * A generator started from an explicit 128-bit state (four 32-bit words, not all zero): for known-answer
     * tests against the reference C implementation, and to resume a stream saved with `state()`.
     */
    static fromState(state) {
        const rng = new Rng(0);
        [rng.s0, rng.s1, rng.s2, rng.s3] = state.map((v) => v >>> 0);
        if ((rng.s0 | rng.s1 | rng.s2 | rng.s3) === 0)
            throw new Error('internal error: xoshiro128** state must not be all zero');
        return rng;
    }
    /** The current 128-bit state as four unsigned 32-bit words (a cached normal() spare is not included). */
    state() {
        return [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0];
    }
    /** A generator for the stream `deriveSeed(seed, ...labels)`. */
    static derive(seed, ...labels) {
        return new Rng(deriveSeed(seed, ...labels));
    }
    /** Next unsigned 32-bit integer in [0, 2^32). */
    nextU32() {
        const s1 = this.s1;
        let r = imul(s1, 5);
        r = (r << 7) | (r >>> 25);
        r = imul(r, 9) >>> 0;
        const t = s1 << 9;
        this.s2 ^= this.s0;
        this.s3 ^= this.s1;
        this.s1 ^= this.s2;
        this.s0 ^= this.s3;
        this.s2 ^= t;
        this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
        return r;
    }
    /** Uniform double in [0, 1) with 53 random bits (two `nextU32` draws). */
    uniform() {
        const hi = this.nextU32() >>> 5; // 27 bits
        const lo = this.nextU32() >>> 6; // 26 bits
        return (hi * 67108864 + lo) * TWO_POW_MINUS_53;
    }
    /**
     * Standard normal N(0, 1) by the Marsaglia polar method; each accepted pair gives two values and the second
     * is cached for the next call, so the stream of normals depends only on the seed and the call order.
     */
    normal() {
        if (this.hasSpare) {
            this.hasSpare = false;
            return this.spare;
        }
        let x;
        let y;
        let s;
        do {
            x = 2 * this.uniform() - 1;
            y = 2 * this.uniform() - 1;
            s = x * x + y * y;
        } while (s >= 1 || s === 0);
        const f = sqrt((-2 * log(s)) / s);
        this.spare = y * f;
        this.hasSpare = true;
        return x * f;
    }
}


/***/ }),

/***/ 1005:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oW: () => (/* binding */ batchCount),
  zV: () => (/* binding */ nonIdealLogits),
  Tf: () => (/* binding */ runSamples),
  VP: () => (/* binding */ simulateNetwork)
});

// UNUSED EXPORTS: assembleSamples, disposeChip, imageRange, nfOverSamples, programChip, sampleSeed

// EXTERNAL MODULE: ./node_modules/@tensorflow/tfjs-core/dist/tf-core.node.js
var tf_core_node = __webpack_require__(3484);
// EXTERNAL MODULE: ./src/model/graph.ts
var model_graph = __webpack_require__(3749);
// EXTERNAL MODULE: ./src/config/technology.ts
var config_technology = __webpack_require__(2226);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/mapping/tiling.ts
var tiling = __webpack_require__(6687);
;// CONCATENATED MODULE: ./src/runtime/heap-view.ts
/**
 * Zero-copy reads of float32 tensors. On the wasm backend `dataSync()` copies the tensor out of the wasm
 * heap into a fresh ArrayBuffer; for the simulator's large per-conversion products that copy cost more
 * than the matrix product itself. A heap view avoids it. The view is only valid until the next tfjs op
 * (an allocation may grow and move the heap), so read it at once and dispose the tensor afterwards.
 */

function readView(t) {
    if (t.dtype !== 'float32')
        throw new Error(`internal error: readView of a ${t.dtype} tensor`);
    const backend = tf_core_node.backend();
    if (tf_core_node.getBackend() === 'wasm' && typeof backend.typedArrayFromHeap === 'function') {
        return backend.typedArrayFromHeap(t);
    }
    return t.dataSync();
}

;// CONCATENATED MODULE: ./src/xbar/im2col.ts
function patchGeometry(s, padding) {
    if (padding === 'valid') {
        return {
            outH: Math.ceil((s.inH - s.kernelH + 1) / s.strideH),
            outW: Math.ceil((s.inW - s.kernelW + 1) / s.strideW),
            padTop: 0,
            padLeft: 0,
        };
    }
    const outH = Math.ceil(s.inH / s.strideH);
    const outW = Math.ceil(s.inW / s.strideW);
    const padH = Math.max((outH - 1) * s.strideH + s.kernelH - s.inH, 0);
    const padW = Math.max((outW - 1) * s.strideW + s.kernelW - s.inW, 0);
    return { outH, outW, padTop: Math.floor(padH / 2), padLeft: Math.floor(padW / 2) };
}
/**
 * Patches of x [batch, inH, inW, Cin] (NHWC, row-major) → [batch·outH·outW, kH·kW·Cin]; zero padding.
 * A dense layer (1×1 everything) passes its input through unchanged.
 */
function im2col(x, batch, s, padding) {
    if (s.kind === 'dense')
        return x;
    return patchesInto(x, new Float32Array(patchCount(batch, s, padding)), batch, s, padding);
}
/**
 * im2col of integer input codes. The engine quantises a layer's input once and then gathers the codes,
 * instead of quantising every patch (k·k times as many values): the same codes, since quantisation is
 * elementwise and maps the zero padding to code 0.
 */
function im2colCodes(x, batch, s, padding) {
    if (s.kind === 'dense')
        return x;
    return patchesInto(x, new Int32Array(patchCount(batch, s, padding)), batch, s, padding);
}
function patchCount(batch, s, padding) {
    const { outH, outW } = patchGeometry(s, padding);
    return batch * outH * outW * s.kernelH * s.kernelW * s.inChannels;
}
function patchesInto(x, out, batch, s, padding) {
    const { outH, outW, padTop, padLeft } = patchGeometry(s, padding);
    const { inH, inW, inChannels: C, kernelH: KH, kernelW: KW, strideH, strideW } = s;
    let o = 0;
    for (let b = 0; b < batch; b++) {
        const xb = b * inH * inW * C;
        for (let oh = 0; oh < outH; oh++) {
            for (let ow = 0; ow < outW; ow++) {
                for (let kh = 0; kh < KH; kh++) {
                    const ih = oh * strideH - padTop + kh;
                    if (ih < 0 || ih >= inH) {
                        o += KW * C; // zero padding rows stay 0
                        continue;
                    }
                    for (let kw = 0; kw < KW; kw++) {
                        const iw = ow * strideW - padLeft + kw;
                        if (iw >= 0 && iw < inW)
                            out.set(x.subarray(xb + (ih * inW + iw) * C, xb + (ih * inW + iw + 1) * C), o);
                        o += C;
                    }
                }
            }
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/xbar/irdrop/index.ts + 9 modules
var irdrop = __webpack_require__(9318);
;// CONCATENATED MODULE: ./src/xbar/devices.ts
/**
 * Programming a crossbar: slice levels → device conductances, with stuck-at faults and programming
 * variation (reference §5.3–5.5).
 *
 * Random numbers are drawn in one fixed order, cell by cell in row-major order, two per cell: first a
 * uniform for the stuck-at decision, then a normal for the variation. Both are drawn for every cell whatever
 * the rates and σ, so the same seed gives the same faults when σ changes and the same variation draws when
 * the fault rates change (common random numbers across a sweep).
 */


/**
 * Lower clip of a varied conductance, relative to G_off, and upper clip relative to G_on: reference §5.4
 * (nax assumption): programming cannot leave the device's physical range by more than half of it, and the
 * clip keeps a lognormal/normal tail from producing negative or absurd conductances.
 */
const CLIP_LOW_REL_G_OFF = 0.5;
const CLIP_HIGH_REL_G_ON = 1.5;
/**
 * Conductances with no device effects: G = G_off + level·(G_on − G_off)/(2^bitsPerCell − 1), in S,
 * [rows, cols] row-major (reference §5.3).
 */
function idealConductances(o) {
    checkLevels(o);
    const { gOnSiemens, gOffSiemens } = (0,config_technology/* conductances */.Jq)(o.device);
    const gStepSiemens = (gOnSiemens - gOffSiemens) / (2 ** o.bitsPerCell - 1);
    const g = new Float64Array(o.rows * o.cols);
    for (let n = 0; n < g.length; n++)
        g[n] = gOffSiemens + o.levels[n] * gStepSiemens;
    return g;
}
/**
 * Programs one crossbar and returns its device conductances in S, [rows, cols] row-major:
 * 1. level → G as in `idealConductances` (reference §5.3);
 * 2. stuck-at faults: with probability stuckAtOffRate the cell is stuck at G_off (SA0), else with
 *    probability stuckAtOnRate at G_on (SA1) (reference §5.5; a stuck cell is not programmed, so it gets no
 *    programming variation: nax assumption);
 * 3. programming variation, 'normal': G·(1 + σε), 'lognormal': G·exp(σε − σ²/2) (same mean), ε ~ N(0, 1),
 *    σ = programmingSigmaRel (reference §5.4);
 * 4. clip to [0.5·G_off, 1.5·G_on] (reference §5.4 assumption).
 */
function programCrossbar(o) {
    const g = idealConductances(o);
    const { gOnSiemens, gOffSiemens } = (0,config_technology/* conductances */.Jq)(o.device);
    const { stuckAtOffRate, stuckAtOnRate, programmingSigmaRel: sigma, programmingDistribution } = o.device;
    const lognormal = programmingDistribution === 'lognormal';
    const lognormalBias = (sigma * sigma) / 2;
    const gMinSiemens = CLIP_LOW_REL_G_OFF * gOffSiemens;
    const gMaxSiemens = CLIP_HIGH_REL_G_ON * gOnSiemens;
    const rng = o.rng;
    for (let n = 0; n < g.length; n++) {
        const uFault = rng.uniform();
        const eps = rng.normal();
        if (uFault < stuckAtOffRate) {
            g[n] = gOffSiemens;
            continue;
        }
        if (uFault < stuckAtOffRate + stuckAtOnRate) {
            g[n] = gOnSiemens;
            continue;
        }
        const varied = lognormal ? g[n] * Math.exp(sigma * eps - lognormalBias) : g[n] * (1 + sigma * eps);
        g[n] = varied < gMinSiemens ? gMinSiemens : varied > gMaxSiemens ? gMaxSiemens : varied;
    }
    return g;
}
function checkLevels(o) {
    (0,errors/* assert */.v)(Number.isInteger(o.rows) && o.rows > 0 && Number.isInteger(o.cols) && o.cols > 0, () => `crossbar ${o.rows}×${o.cols}`);
    (0,errors/* assert */.v)(o.levels.length === o.rows * o.cols, () => `levels has ${o.levels.length} cells, expected ${o.rows}×${o.cols}`);
    const maxLevel = 2 ** o.bitsPerCell - 1;
    for (let n = 0; n < o.levels.length; n++) {
        const l = o.levels[n];
        (0,errors/* assert */.v)(l >= 0 && l <= maxLevel, () => `level ${l} at cell ${n} outside 0…${maxLevel} (${o.bitsPerCell} bits per cell)`);
    }
}

;// CONCATENATED MODULE: ./src/xbar/drift.ts
const { log, exp } = Math;
/** Whether the device drifts at all at its inference time (ν = 0 or t = t0 is the identity). */
function drifts(d) {
    return d.driftTimeS !== d.driftT0S && (d.driftNu > 0 || d.driftNuSigma > 0);
}
/**
 * Drifts conductances `g` (S, any layout) in place to time driftTimeS and returns Σ G before and after, the
 * two all-ones reads that global drift compensation divides. One normal per cell is drawn from `rng`, in
 * index order, only when driftNuSigma > 0.
 */
function driftConductances(g, d, rng) {
    const lnRatio = log(d.driftTimeS / d.driftT0S);
    const spread = d.driftNuSigma > 0;
    const common = exp(-d.driftNu * lnRatio);
    let sumBefore = 0;
    let sumAfter = 0;
    for (let n = 0; n < g.length; n++) {
        sumBefore += g[n];
        let factor = common;
        if (spread) {
            const nu = d.driftNu + d.driftNuSigma * rng.normal();
            factor = exp(-(nu > 0 ? nu : 0) * lnRatio);
        }
        g[n] *= factor;
        sumAfter += g[n];
    }
    return { sumBefore, sumAfter };
}

;// CONCATENATED MODULE: ./src/xbar/adc.ts


/** Largest ADC code of a mapping (bipolar one bit narrower per polarity for 'balanced'). */
function adcMaxCode(m) {
    return m.signMapping === 'balanced' ? 2 ** (m.adcBits - 1) - 1 : 2 ** m.adcBits - 1;
}
/**
 * Column current of one ADC LSB, in units of one level × one DAC code, from the mapping's full-scale range
 * (config/mapping.ts AdcFullScale). 'calibrated' needs the layer's measured peak (`measureAdcPeak`).
 */
function adcStepOf(p, technology) {
    const m = p.mapping;
    const fs = m.adcFullScale ?? 'unitStep';
    if (fs === 'unitStep')
        return 1;
    const levels = adcMaxCode(m);
    const cellMax = 2 ** m.bitsPerCell - 1;
    const dacMax = 2 ** m.dacBits - 1;
    let fullScaleUnits;
    if (fs === 'lossless')
        fullScaleUnits = m.rows * cellMax * dacMax;
    else if (fs === 'calibrated') {
        const peak = p.calibration.adcPeakUnits;
        (0,errors/* assert */.v)(peak !== undefined, () => `layer '${p.node.name}': adcFullScale 'calibrated' without a measured peak`);
        fullScaleUnits = Math.max(peak, 1);
    }
    else {
        const { gOnSiemens, gOffSiemens } = (0,config_technology/* conductances */.Jq)(technology.device);
        const unitA = ((gOnSiemens - gOffSiemens) / cellMax) * (technology.device.vReadV / dacMax);
        fullScaleUnits = (fs * 1e-6) / unitA;
    }
    return fullScaleUnits / levels;
}

;// CONCATENATED MODULE: ./src/xbar/column-calibration.ts
/**
 * Per-output-channel digital calibration of a layer (mapping `calibration`): the correction y ← gain·y + offset
 * on the integer outputs after shift-and-add, fitted by least squares against the ideal quantised outputs.
 * Pure arithmetic; the engine (crossbar-layer.ts) collects the two sides on calibration images.
 */

/**
 * Least-squares correction per channel c of `chip` towards `ideal` (both [samples, channels]):
 * 'gain': a = Σ y·z / Σ z² (b = 0); 'gainOffset': a = cov(z, y)/var(z), b = ȳ − a·z̄. A channel whose chip
 * output never varies keeps a = 1 (and b = ȳ − z̄ with an offset).
 */
function fitColumnCorrection(chip, ideal, channels, mode) {
    (0,errors/* assert */.v)(chip.length === ideal.length && chip.length % channels === 0, () => `calibration: ${chip.length} chip and ${ideal.length} ideal values for ${channels} channels`);
    const n = chip.length / channels;
    const gain = new Float64Array(channels).fill(1);
    const offset = new Float64Array(channels);
    for (let c = 0; c < channels; c++) {
        let sz = 0;
        let sy = 0;
        for (let s = 0; s < n; s++) {
            sz += chip[s * channels + c];
            sy += ideal[s * channels + c];
        }
        const mz = mode === 'gainOffset' ? sz / n : 0;
        const my = mode === 'gainOffset' ? sy / n : 0;
        let szz = 0;
        let szy = 0;
        for (let s = 0; s < n; s++) {
            const z = chip[s * channels + c] - mz;
            szz += z * z;
            szy += z * (ideal[s * channels + c] - my);
        }
        if (szz > 0)
            gain[c] = szy / szz;
        offset[c] = my - gain[c] * mz;
    }
    return { gain, offset };
}

// EXTERNAL MODULE: ./src/config/mapping.ts
var mapping = __webpack_require__(7408);
;// CONCATENATED MODULE: ./src/xbar/quantize.ts
/**
 * Fixed-point weights and inputs, bit slicing and DAC cycles (reference §5.1, §5.2).
 *
 * Weights: one step per layer (symmetric, set by max|w|), integers q = round(w / step). They are stored as
 * non-negative integers in `signArrays` arrays and each stored integer is cut into slices of `bitsPerCell`
 * bits, one slice per cell (slice 0 = least significant); the MVM engine recombines slice outputs as
 * Σ_k out_k·2^(bitsPerCell·k) (reference §5.1).
 *
 * Inputs: integer codes, unsigned or two's complement, streamed over ceil(inputBits / dacBits) DAC cycles
 * (reference §5.2; PUMA streams 1 bit per cycle with the MSB weighted −2^(Ib−1)).
 *
 * Everything here is exact integer arithmetic on values below 2^31, so all bit widths of the mapping schema
 * (weightBits ≤ 16, inputBits ≤ 16, bitsPerCell ≤ 4, dacBits ≤ 4) are covered without overflow.
 */

// Math functions bound once: hot loops call them per cell or per conversion, and under jest (a vm
// context) every lookup of a global such as `Math` is slow.
const { abs, round } = Math;
/** Largest integer magnitude of a signed weightBits-bit weight: 2^(weightBits−1) − 1. */
function maxWeightCode(weightBits) {
    return 2 ** (weightBits - 1) - 1;
}
/**
 * Quantises a layer's weights to weightBits-bit fixed point with one per-layer step
 * stepW = max|w| / (2^(weightBits−1) − 1), so that max|w| maps onto the largest code and every weight is
 * reproduced within stepW / 2 (round to nearest, ties away from zero).
 *
 * Why symmetric for both sign mappings: the differential pair can only store magnitudes of weightBits − 1
 * bits; using the same step for 'offset' keeps the two mappings at the same resolution, so a change of
 * mapping is a hardware change, not a precision change (nax assumption). 'offset' stores q + 2^(weightBits−1)
 * ∈ [1, 2^weightBits − 1] unsigned in weightBits bits (the code 0 ↔ q = −2^(weightBits−1) stays unused).
 *
 * @param w weights, any shape, flattened [n].
 * @param weightBits total bits including the sign, 2…16.
 */
function quantizeWeights(w, weightBits, signMapping) {
    (0,errors/* assert */.v)(Number.isInteger(weightBits) && weightBits >= 2 && weightBits <= 16, () => `weightBits ${weightBits} outside 2…16`);
    const qMax = maxWeightCode(weightBits);
    let maxAbs = 0;
    for (let n = 0; n < w.length; n++) {
        const a = abs(w[n]);
        (0,errors/* assert */.v)(Number.isFinite(a), () => `weight ${n} is ${w[n]}`);
        if (a > maxAbs)
            maxAbs = a;
    }
    // All-zero layer: any step reproduces it; 1 keeps stepW finite and the codes 0.
    const stepW = maxAbs > 0 ? maxAbs / qMax : 1;
    const q = new Int32Array(w.length);
    for (let n = 0; n < w.length; n++)
        q[n] = clampInt(roundHalfAway(w[n] / stepW), -qMax, qMax);
    if (signMapping !== 'offset') {
        const plus = new Int32Array(q.length);
        const minus = new Int32Array(q.length);
        for (let n = 0; n < q.length; n++) {
            if (q[n] > 0)
                plus[n] = q[n];
            else
                minus[n] = -q[n];
        }
        return { stepW, q, stored: [plus, minus], offset: 0, magnitudeBits: weightBits - 1 };
    }
    const offset = 2 ** (weightBits - 1);
    const stored = new Int32Array(q.length);
    for (let n = 0; n < q.length; n++)
        stored[n] = q[n] + offset;
    return { stepW, q, stored: [stored], offset, magnitudeBits: weightBits };
}
/** Float weights stepW·q, [n]: what the crossbar represents after quantisation. */
function dequantizeWeights(qw) {
    const out = new Float32Array(qw.q.length);
    for (let n = 0; n < out.length; n++)
        out[n] = qw.stepW * qw.q[n];
    return out;
}
/** Slices per stored integer: ceil(magnitudeBits / bitsPerCell) (reference §5.1, mapping/tiling.ts). */
function sliceCount(magnitudeBits, bitsPerCell) {
    return Math.ceil(magnitudeBits / bitsPerCell);
}
/**
 * Level (0…2^bitsPerCell − 1) of slice `slice` of a non-negative integer:
 * floor(magnitude / 2^(bitsPerCell·slice)) mod 2^bitsPerCell. Slice 0 is the least significant.
 */
function sliceLevels(magnitude, slice, bitsPerCell) {
    assert(Number.isInteger(magnitude) && magnitude >= 0, () => `slice of ${magnitude}: expected a non-negative integer`);
    return Math.floor(magnitude / 2 ** (bitsPerCell * slice)) % 2 ** bitsPerCell;
}
/**
 * Vectorised `sliceLevels`: the level of slice `slice` for every element of `magnitudes` ([n], non-negative).
 * @param out optional destination [n]; allocated when absent.
 */
function sliceLevelsOf(magnitudes, slice, bitsPerCell, out = new Int32Array(magnitudes.length)) {
    (0,errors/* assert */.v)(out.length === magnitudes.length, () => `sliceLevelsOf: out has ${out.length} elements, expected ${magnitudes.length}`);
    const shift = bitsPerCell * slice;
    const mask = 2 ** bitsPerCell - 1;
    for (let n = 0; n < magnitudes.length; n++) {
        const m = magnitudes[n];
        (0,errors/* assert */.v)(m >= 0, () => `sliceLevelsOf: element ${n} is negative (${m})`);
        // m < 2^31, so a right shift is exact; shifts of 31 or more bits leave nothing.
        out[n] = shift >= 31 ? 0 : (m >>> shift) & mask;
    }
    return out;
}
/** Shift-and-add of slice values (levels or per-slice outputs): Σ_k slices[k][n]·2^(bitsPerCell·k), [n]. */
function recombineSlices(slices, bitsPerCell) {
    assert(slices.length > 0, () => 'recombineSlices: no slices');
    const n = slices[0].length;
    const out = new Float64Array(n);
    for (let k = 0; k < slices.length; k++) {
        const s = slices[k];
        assert(s.length === n, () => `recombineSlices: slice ${k} has ${s.length} elements, expected ${n}`);
        const weight = 2 ** (bitsPerCell * k);
        for (let i = 0; i < n; i++)
            out[i] += weight * s[i];
    }
    return out;
}
/** Largest input code magnitude: 2^Ib − 1 (unsigned) or 2^(Ib−1) − 1 (two's complement). */
function maxInputCode(inputBits, inputSign) {
    return inputSign === 'unsigned' ? 2 ** inputBits - 1 : 2 ** (inputBits - 1) - 1;
}
/**
 * Per-layer input step that maps `maxAbsX` onto the largest code (so nothing in the calibration range clips).
 * Returns 1 when maxAbsX is 0. For inputBits = 1 in two's complement there is no positive code, so the step
 * maps maxAbsX onto the magnitude of the single negative code.
 */
function inputStep(maxAbsX, inputBits, inputSign) {
    if (!(maxAbsX > 0))
        return 1;
    return maxAbsX / Math.max(1, maxInputCode(inputBits, inputSign));
}
/**
 * Integer input codes round(x / stepX), clamped to the code range of `inputSign` ([n] → [n]).
 * Values outside the range saturate, as a DAC front end would.
 */
function quantizeInputs(x, opts, out = new Int32Array(x.length)) {
    const { stepX, inputBits, inputSign } = opts;
    (0,errors/* assert */.v)(stepX > 0 && Number.isFinite(stepX), () => `quantizeInputs: stepX ${stepX} must be positive`);
    (0,errors/* assert */.v)(out.length === x.length, () => `quantizeInputs: out has ${out.length} elements, expected ${x.length}`);
    const lo = inputSign === 'unsigned' ? 0 : -(2 ** (inputBits - 1));
    const hi = inputSign === 'unsigned' ? 2 ** inputBits - 1 : 2 ** (inputBits - 1) - 1;
    for (let n = 0; n < x.length; n++)
        out[n] = clampInt(roundHalfAway(x[n] / stepX), lo, hi);
    return out;
}
/** DAC cycles per input: ceil(inputBits / dacBits), as in mapping/tiling.ts. */
function dacCycleCount(inputBits, dacBits) {
    return Math.ceil(inputBits / dacBits);
}
/**
 * Digital weight of DAC cycle `cycle` in the shift-and-add over cycles: x = Σ_c weight_c·code_c exactly.
 * 'unsigned': +2^(c·d) for every cycle. 'twosComplement': +2^(c·d) for every cycle but the top one, and
 * −2^(top·d) for the top cycle (top = cycles − 1; see `dacCycleCodes` for what its code holds).
 */
function dacCycleWeight(cycle, opts) {
    const top = dacCycleCount(opts.inputBits, opts.dacBits) - 1;
    const w = 2 ** (cycle * opts.dacBits);
    return opts.inputSign === 'twosComplement' && cycle === top ? -w : w;
}
/**
 * The DAC code of cycle `cycle` for every input code ([n] → [n]); the drive voltage is
 * code·V_read / (2^dacBits − 1) (reference §5.2).
 *
 * Unsigned: cycle c holds bits [c·d, (c+1)·d) of the code, an integer 0…2^d − 1 (the top cycle may hold
 * fewer than d bits when d does not divide Ib).
 *
 * Two's complement (bits taken from the Ib-bit two's complement pattern of the code):
 * - cycles c < top hold bits [c·d, (c+1)·d) as an integer 0…2^d − 1, weight +2^(c·d);
 * - the top cycle holds the t = Ib − top·d remaining bits, read as a signed t-bit number s, and its code is
 *   −s with weight −2^(top·d). When t = 1, which is always the case for dacBits = 1 (PUMA's bit-serial
 *   default) and whenever (Ib − 1) is a multiple of d, the code is the sign bit itself, 0 or 1, with weight
 *   −2^(Ib−1): exactly "MSB weighted −2^(Ib−1)". When t > 1 the code lies in [−(2^(t−1) − 1), 2^(t−1)] and
 *   may be negative, i.e. that cycle needs a bipolar DAC (nax assumption: a two's complement input with
 *   t > 1 cannot be split into non-negative codes of ceil(Ib/d) cycles with fixed weights, so we keep the
 *   cycle count of mapping/tiling.ts and let the top cycle be bipolar).
 * In both modes Σ_c dacCycleWeight(c)·code_c reproduces the input code exactly.
 *
 * @param codes input codes from `quantizeInputs`, [n].
 * @param out optional destination [n].
 */
function dacCycleCodes(codes, cycle, opts, out = new Int32Array(codes.length)) {
    const { inputBits, dacBits, inputSign } = opts;
    const cycles = dacCycleCount(inputBits, dacBits);
    (0,errors/* assert */.v)(Number.isInteger(cycle) && cycle >= 0 && cycle < cycles, () => `DAC cycle ${cycle} outside 0…${cycles - 1}`);
    (0,errors/* assert */.v)(out.length === codes.length, () => `dacCycleCodes: out has ${out.length} elements, expected ${codes.length}`);
    const shift = cycle * dacBits;
    const width = Math.min(dacBits, inputBits - shift);
    const fieldMask = (1 << width) - 1;
    const patternMask = inputBits >= 32 ? -1 : (1 << inputBits) - 1;
    const signedTop = inputSign === 'twosComplement' && cycle === cycles - 1;
    for (let n = 0; n < codes.length; n++) {
        const pattern = codes[n] & patternMask; // two's complement bit pattern, Ib bits
        let field = (pattern >>> shift) & fieldMask;
        if (signedTop) {
            // Signed value of the top field, then negated to pair with the negative cycle weight.
            if (field >= 1 << (width - 1))
                field -= 1 << width;
            field = -field;
        }
        out[n] = field;
    }
    return out;
}
function roundHalfAway(v) {
    return v < 0 ? -round(-v) : round(v);
}
function clampInt(v, lo, hi) {
    return v < lo ? lo : v > hi ? hi : v;
}

// EXTERNAL MODULE: ./src/xbar/rng.ts
var xbar_rng = __webpack_require__(1103);
;// CONCATENATED MODULE: ./src/xbar/conversions.ts
const { round: conversions_round, sqrt } = Math;
/**
 * Every other case, one conversion per converted column:
 *   v = I − (ideal baseline | reference column current | W⁻ partner current) + read noise   (units)
 *   code = round(clamp(gain·v/step + offset + noise, min, max))                             (LSB)
 * With step 1, gain 1, offset 0 and no noise this is the unipolar conversion exactly. Terms need not be
 * integers here (an LSB of any size), so they are added into acc one by one in a fixed order.
 */
function convertGeneral(k, t, o) {
    const { y, nAct, nCols, rowPixel, rowCycle, digitSum, off, adcMax, colChannel, cout, acc } = k;
    const { colConverted, colPartner, colAdcGain, colAdcOffset } = t;
    const { weight, y2, sigma, rng, invStep, adcNoise, peak } = o;
    for (let r = 0; r < nAct; r++) {
        // A bipolar (two's complement top) cycle or a balanced difference can give a negative current; it is
        // converted with the same resolution per polarity (nax assumption).
        const adcMin = o.balanced || rowCycle[r] === o.bipolarCycle ? -adcMax : 0;
        const base = off * digitSum[r];
        const outRow = rowPixel[r] * cout;
        const yRow = r * nCols;
        const wRow = rowCycle[r] * nCols;
        for (let j = 0; j < nCols; j++) {
            if (colConverted[j] === 0)
                continue;
            const partner = colPartner[j];
            let v = partner >= 0 ? y[yRow + j] - y[yRow + partner] : y[yRow + j] - base;
            // Temporal read noise: σ relative to each cell current, summed in quadrature over the column(s).
            if (y2)
                v += sigma * sqrt(partner >= 0 ? y2[yRow + j] + y2[yRow + partner] : y2[yRow + j]) * rng.normal();
            if (peak) {
                const a = v < 0 ? -v : v;
                if (a > peak.max)
                    peak.max = a;
            }
            let lsb = v * invStep;
            if (colAdcGain)
                lsb = colAdcGain[j] * lsb + colAdcOffset[j];
            if (adcNoise > 0)
                lsb += adcNoise * rng.normal();
            const count = lsb >= adcMax ? adcMax : lsb <= adcMin ? adcMin : conversions_round(lsb);
            if (count !== 0)
                acc[outRow + colChannel[j]] += weight[wRow + j] * count;
        }
    }
}

;// CONCATENATED MODULE: ./src/xbar/conversions-wasm-bytes.ts
// Generated by scripts/build-wasm.mjs from wasm/conversions.ts (AssemblyScript, -O3, SIMD). Do not edit.
const CONVERSIONS_WASM_BASE64 = 'AGFzbQEAAAABEAFgDH9/f39/f3x8f39/fwADAgEABQMBAAAHFQIIdW5pcG9sYXIAAAZtZW1vcnkCAAqgAwGdAwMHfwN7AnwgB/0U' +
    'IRMgAkF+cSERA0AgASANSgRAIAYgBSANQQN0aisDAKIiF/0UIRQgDUECdCIMIANqKAIAIApsIQ4gACACIA1sQQJ0aiEPIAggBCAM' +
    'aigCACACbEEDdGohEEEAIQwDQCAMIBFIBEAgECAMQQN0av0ABAAgDEECdCISIA9q/V0DAP1fIBT98QEiFf0MAAAAAAAA4D8AAAAA' +
    'AADgP/3wAf11IBP99AEgFf0MAAAAAAAA4D8AAAAAAADgP/1M/U798gEhFSALIA4gCSASaigCAGpBA3RqIhIgEisDACAV/SEAoDkD' +
    'ACALIA4gCSAMQQFqQQJ0aigCAGpBA3RqIhIgEisDACAV/SEBoDkDACAMQQJqIQwMAQsLA0AgAiAMSgRAIA8gDEECdCISaioCALsg' +
    'F6EiFkQAAAAAAADgP2NFBEAgCyAOIAkgEmooAgBqQQN0aiISIBIrAwAgECAMQQN0aisDACAHIBZEAAAAAAAA4D+gnCAHIBZlG6Kg' +
    'OQMACyAMQQFqIQwMAQsLIA1BAWohDQwBCwsL';

// EXTERNAL MODULE: ./src/xbar/wasm-instance.ts
var wasm_instance = __webpack_require__(189);
;// CONCATENATED MODULE: ./src/xbar/conversions-wasm.ts


let kernel;
function instance() {
    kernel ??= (0,wasm_instance/* instantiateKernel */.oe)(CONVERSIONS_WASM_BASE64);
    return kernel;
}
/** Products per chunk: ~4 M float32 values (16 MB) of column currents at a time. */
const CHUNK_VALUES = 1 << 22;
const align = (n) => (n + 15) & ~15;
/** convertUnipolar's reference loop (weight per cycle and column, [nCyc, nCols]), in WebAssembly. */
function convertUnipolarWasm(k, weight) {
    const { y, nAct, nCols, rowPixel, rowCycle, digitSum, off, adcMax, colChannel, cout, acc } = k;
    const kx = instance();
    const chunkRows = Math.max(1, Math.min(nAct, Math.floor(CHUNK_VALUES / Math.max(1, nCols))));
    // Layout: acc | weight | colChannel | rowPixel | rowCycle | digitSum | y chunk (16-byte aligned).
    const accOff = 0;
    const weightOff = align(accOff + acc.length * 8);
    const chanOff = align(weightOff + weight.length * 8);
    const pixOff = align(chanOff + nCols * 4);
    const cycOff = align(pixOff + nAct * 4);
    const sumOff = align(cycOff + nAct * 4);
    const yOff = align(sumOff + nAct * 8);
    const need = yOff + chunkRows * nCols * 4;
    (0,wasm_instance/* ensureMemory */.EJ)(kx.memory, need);
    const buf = kx.memory.buffer;
    new Float64Array(buf, accOff, acc.length).set(acc);
    new Float64Array(buf, weightOff, weight.length).set(weight);
    new Int32Array(buf, chanOff, nCols).set(colChannel.subarray(0, nCols));
    new Int32Array(buf, pixOff, nAct).set(rowPixel.subarray(0, nAct));
    new Int32Array(buf, cycOff, nAct).set(rowCycle.subarray(0, nAct));
    new Float64Array(buf, sumOff, nAct).set(digitSum.subarray(0, nAct));
    const yView = new Float32Array(buf, yOff, chunkRows * nCols);
    for (let r0 = 0; r0 < nAct; r0 += chunkRows) {
        const n = Math.min(chunkRows, nAct - r0);
        yView.set(y.subarray(r0 * nCols, (r0 + n) * nCols));
        kx.unipolar(yOff, n, nCols, pixOff + r0 * 4, cycOff + r0 * 4, sumOff + r0 * 8, off, adcMax, weightOff, chanOff, cout, accOff);
    }
    acc.set(new Float64Array(buf, accOff, acc.length));
}

;// CONCATENATED MODULE: ./src/xbar/dac-rows.ts
/**
 * The DAC drive of one row tile: one matrix row per (pixel, DAC cycle) that drives any word line. An all-zero
 * input vector gives exactly zero column current (and no read noise), hence zero counts, so it is left out of
 * the matrix product. Pure typed-array code; crossbar-layer.ts multiplies the rows with the tile's matrix.
 */
function dacRowBuffers(pixels, cycles, maxRowCount) {
    return {
        xc: new Float32Array(pixels * cycles * maxRowCount),
        rowPixel: new Int32Array(pixels * cycles),
        rowCycle: new Int32Array(pixels * cycles),
        digitSum: new Float64Array(pixels * cycles),
    };
}
/**
 * Active rows of the tile [rowStart, rowStart + rowCount) for the pixels [start, end) of input codes
 * [pixels, R], in pixel-major, cycle-minor order. Unsigned codes are plain `dacBits`-wide fields of the code; two's complement codes take
 * the per-cycle codes of quantize.ts (`cycleCodes`, [cycles][pixels·R]), whose top cycle may be negative.
 */
function dacRows(codes, pixels, R, tile, cycles, dacBits, cycleCodes, buf) {
    const { xc, rowPixel, rowCycle, digitSum } = buf;
    const { rowStart, rowCount } = tile;
    let nAct = 0;
    if (cycleCodes === undefined) {
        const mask = 2 ** dacBits - 1;
        for (let px = pixels.start; px < pixels.end; px++) {
            const src = px * R + rowStart;
            // The OR of the codes has a non-zero field of cycle c exactly when some code does.
            let or = 0;
            for (let i = 0; i < rowCount; i++)
                or |= codes[src + i];
            if (or === 0)
                continue;
            for (let c = 0; c < cycles; c++) {
                const shift = c * dacBits;
                if (((or >>> shift) & mask) === 0)
                    continue;
                const dst = nAct * rowCount;
                let sum = 0;
                for (let i = 0; i < rowCount; i++) {
                    const d = (codes[src + i] >>> shift) & mask;
                    xc[dst + i] = d;
                    sum += d;
                }
                rowPixel[nAct] = px;
                rowCycle[nAct] = c;
                digitSum[nAct] = sum;
                nAct++;
            }
        }
    }
    else {
        for (let px = pixels.start; px < pixels.end; px++) {
            const src = px * R + rowStart;
            for (let c = 0; c < cycles; c++) {
                const cc = cycleCodes[c];
                const dst = nAct * rowCount;
                let sum = 0;
                let any = 0;
                for (let i = 0; i < rowCount; i++) {
                    const d = cc[src + i];
                    xc[dst + i] = d;
                    sum += d;
                    any |= d;
                }
                if (any !== 0) {
                    rowPixel[nAct] = px;
                    rowCycle[nAct] = c;
                    digitSum[nAct] = sum;
                    nAct++;
                }
            }
        }
    }
    return { xc, nAct, rowPixel, rowCycle, digitSum };
}

;// CONCATENATED MODULE: ./src/xbar/crossbar-layer.ts
/**
 * One matrix layer computed the way the crossbars compute it.
 *
 * prepareLayer: quantise the weights, bit-slice them onto the layer's physical crossbars (levels per cell).
 * programLayer: one chip instance — conductances with device effects (variation, faults, drift; an optional
 *   reference column per crossbar), then the IR-drop effective matrix of every crossbar (the array is a
 *   linear network, so its column currents are Mᵀ·V; reference ARCHITECTURE "Performance principles"),
 *   solved once per crossbar and reused for every input; per-ADC offset and gain errors drawn per chip.
 * layerForward: inputs quantised and streamed through the DAC cycle by cycle, one big matrix product per
 *   row tile (all cycles × pixels against all crossbars of the tile), per-conversion baseline removal
 *   (ideal, reference column, or the W⁻ partner for balanced sensing), ADC (step, errors, noise, rounding,
 *   clipping), digital shift-and-add over slices, cycles, sign arrays and row tiles, then the digital
 *   drift compensation and per-channel calibration.
 * calibrateLayer: fits that calibration on calibration inputs (column-calibration.ts).
 *
 * Units inside the engine: currents are normalised to ADC counts per input code, so an ideal cell at level
 * L contributes L + off per code, with off = G_off·(2^cell−1)/(G_on−G_off) subtracted before the ADC
 * (the G_off baseline is removed from the column current, reference §5.7). With ideal devices and wires
 * and a lossless ADC this is exactly the integer product Σ level·code.
 */

















// Math functions bound once: hot loops call them per cell or per conversion, and under jest (a vm
// context) every lookup of a global such as `Math` is slow.
const { floor } = Math;
/** DAC rows per matrix product (see accumulate): 16 Ki rows; their column currents are 32 MB at 512 columns. */
const PRODUCT_ROWS = 1 << 14;
function prepareLayer(node, mapping, calibration) {
    const geometry = (0,tiling/* tileGeometry */.t)(node.shape, mapping);
    const crossbars = (0,tiling/* physicalCrossbars */.g)(node.shape, mapping);
    const qw = quantizeWeights(node.weights, mapping.weightBits, mapping.signMapping);
    const cout = node.shape.outChannels;
    // Slice levels of every stored integer, per sign array and slice: [sign][slice] → [rows·cout].
    const sliced = qw.stored.map((st) => Array.from({ length: geometry.slices }, (_, k) => sliceLevelsOf(st, k, mapping.bitsPerCell)));
    const levels = crossbars.map((xb) => {
        const lv = new Int32Array(mapping.rows * mapping.cols);
        const bySlice = sliced[xb.sign > 0 ? 0 : 1];
        for (let i = 0; i < xb.rowCount; i++) {
            const wRow = (xb.rowStart + i) * cout;
            for (let j = 0; j < xb.columnChannel.length; j++) {
                lv[i * mapping.cols + j] = bySlice[xb.columnSlice[j]][wRow + xb.columnChannel[j]];
            }
        }
        return lv;
    });
    const rowTiles = [];
    crossbars.forEach((xb, k) => {
        const t = rowTiles.find((r) => r.rowStart === xb.rowStart);
        if (t)
            t.crossbars.push(k);
        else
            rowTiles.push({ rowStart: xb.rowStart, rowCount: xb.rowCount, crossbars: [k] });
    });
    const inputSign = calibration.signed ? 'twosComplement' : 'unsigned';
    const cyc = { inputBits: mapping.inputBits, dacBits: mapping.dacBits, inputSign };
    const cycleWeights = Float64Array.from({ length: dacCycleCount(mapping.inputBits, mapping.dacBits) }, (_, c) => dacCycleWeight(c, cyc));
    return {
        node, mapping, geometry, crossbars, levels, rowTiles,
        weightStep: qw.stepW,
        weightOffset: qw.offset,
        qWeights: qw.q,
        inputStep: inputStep(calibration.maxAbs, mapping.inputBits, inputSign),
        inputSign,
        cycleWeights,
        calibration,
    };
}
/** Whether the integer shortcut reproduces the per-conversion path exactly for this layer and chip. */
function integerShortcutExact(p, o) {
    const m = p.mapping;
    if (o.integerShortcut === false || o.generalConversion || o.irDrop !== 'ideal' || o.deviceEffects !== 'off')
        return false;
    if ((m.adcFullScale ?? 'unitStep') !== 'unitStep' || (m.baseline ?? 'ideal') !== 'ideal')
        return false;
    // Every conversion is an integer Σ level·code with |count| ≤ rows·(2^cell−1)·(2^dac−1): a lossless ADC never rounds or clips.
    if (m.adcBits < (0,mapping/* losslessAdcBits */.nE)(m.rows, m.bitsPerCell, m.dacBits, m.signMapping))
        return false;
    // float32 sums of integer products are exact below 2^24.
    const codeMax = 2 ** m.inputBits;
    const qMax = 2 ** (m.weightBits - 1);
    return p.geometry.rowsNeeded * codeMax * qMax < 2 ** 24;
}
/** Programs one chip instance of a layer: device effects, then one effective matrix per crossbar. */
function programLayer(p, o) {
    const m = p.mapping;
    const adcMax = adcMaxCode(m);
    if (integerShortcutExact(p, o)) {
        const integerWeights = tf_core_node.tensor2d(Float32Array.from(p.qWeights), [p.geometry.rowsNeeded, p.node.shape.outChannels]);
        return {
            prepared: p, tiles: [], integerWeights, nfMean: 0, nfMax: 0, nfColumns: 0, readNoiseSigmaRel: 0, seed: o.seed,
            adcStep: 1, adcMax, adcNoiseSigmaLsb: 0, general: false, outputGain: 1,
        };
    }
    const { device, wires } = o.technology;
    const { gOnSiemens, gOffSiemens } = (0,config_technology/* conductances */.Jq)(device);
    const { rows, cols, bitsPerCell } = m;
    const effects = o.deviceEffects === 'on';
    const balanced = m.signMapping === 'balanced';
    // A balanced pair needs no baseline: the G_off currents cancel in the difference.
    const reference = !balanced && m.baseline === 'referenceColumn';
    const adcErrors = effects && !(0,config_technology/* idealAdc */.Mf)(o.technology.adc);
    const adcStep = adcStepOf(p, o.technology);
    const cellMax = 2 ** bitsPerCell - 1;
    // Conductance → counts per input code (see the module comment).
    const perSiemens = cellMax / (gOnSiemens - gOffSiemens);
    // Streams keyed by layer name, so a layer's instance does not depend on which other layers are simulated.
    // Each effect has its own stream, so turning one on leaves the draws of the others unchanged.
    const rng = new xbar_rng/* Rng */.K((0,xbar_rng/* deriveSeed */.B)(o.seed, 'layer', p.node.name));
    const refRng = new xbar_rng/* Rng */.K((0,xbar_rng/* deriveSeed */.B)(o.seed, 'reference-column', p.node.name));
    const driftRng = new xbar_rng/* Rng */.K((0,xbar_rng/* deriveSeed */.B)(o.seed, 'drift', p.node.name));
    const adcRng = new xbar_rng/* Rng */.K((0,xbar_rng/* deriveSeed */.B)(o.seed, 'adc', p.node.name));
    const drifting = effects && drifts(device);
    // Physical columns per crossbar: the reference column sits after the last bit line.
    const pc = reference ? cols + 1 : cols;
    const mats = [];
    let nfSum = 0;
    let nfMax = 0;
    let nfCount = 0;
    let gBefore = 0;
    let gAfter = 0;
    for (const [k, xb] of p.crossbars.entries()) {
        const cells = { rows, cols, levels: p.levels[k], bitsPerCell, device };
        let g = effects ? programCrossbar({ ...cells, rng }) : idealConductances(cells);
        if (reference) {
            const refCells = { rows, cols: 1, levels: new Int32Array(rows), bitsPerCell, device };
            const gRef = effects ? programCrossbar({ ...refCells, rng: refRng }) : idealConductances(refCells);
            const wide = new Float64Array(rows * pc);
            for (let i = 0; i < rows; i++) {
                wide.set(g.subarray(i * cols, (i + 1) * cols), i * pc);
                wide[i * pc + cols] = gRef[i];
            }
            g = wide;
        }
        if (drifting) {
            const s = driftConductances(g, device, driftRng);
            gBefore += s.sumBefore;
            gAfter += s.sumAfter;
        }
        const mat = o.irDrop === 'ideal' ? g : (0,irdrop/* effectiveMatrix */.hr)({ g, rows, cols: pc, wires, model: o.irDrop });
        mats.push(mat);
        if (o.irDrop !== 'ideal') {
            // NF of each used column with every word line at its mean calibration activation.
            const v = p.calibration.meanRow;
            for (let j = 0; j < xb.columnChannel.length; j++) {
                let iIdeal = 0;
                let iNon = 0;
                for (let i = 0; i < xb.rowCount; i++) {
                    const vi = v[xb.rowStart + i];
                    iIdeal += g[i * pc + j] * vi;
                    iNon += mat[i * pc + j] * vi;
                }
                if (iIdeal > 0) {
                    const nf = (iIdeal - iNon) / iIdeal;
                    nfSum += nf;
                    nfCount++;
                    if (nf > nfMax)
                        nfMax = nf;
                }
            }
        }
    }
    // Per-ADC errors, drawn per crossbar (a balanced pair's ADC is drawn on its W⁺ array) and ADC in a fixed order.
    const adcsPer = m.adcsPerCrossbar;
    const columnsPerAdc = Math.ceil(cols / adcsPer);
    const adcGain = [];
    const adcOffset = [];
    if (adcErrors) {
        const a = o.technology.adc;
        for (let k = 0; k < p.crossbars.length; k++) {
            const gain = new Float64Array(adcsPer);
            const offset = new Float64Array(adcsPer);
            for (let n = 0; n < adcsPer; n++) {
                gain[n] = a.gain * (1 + a.gainSigmaRel * adcRng.normal());
                offset[n] = a.offsetLsb + a.offsetSigmaLsb * adcRng.normal();
            }
            adcGain.push(gain);
            adcOffset.push(offset);
        }
    }
    const tiles = p.rowTiles.map((t) => {
        const nCols = t.crossbars.reduce((s, k) => s + p.crossbars[k].columnChannel.length + (reference ? 1 : 0), 0);
        const mCat = new Float32Array(t.rowCount * nCols);
        const colChannel = new Int32Array(nCols);
        const colFactor = new Float64Array(nCols);
        const colConverted = new Uint8Array(nCols);
        const colPartner = new Int32Array(nCols).fill(-1);
        const colAdcGain = adcErrors ? new Float64Array(nCols).fill(1) : undefined;
        const colAdcOffset = adcErrors ? new Float64Array(nCols) : undefined;
        let c0 = 0;
        for (const [n, k] of t.crossbars.entries()) {
            const xb = p.crossbars[k];
            const mat = mats[k];
            const used = xb.columnChannel.length;
            // physicalCrossbars lists a W⁺ array right before its W⁻ array, with the same columns.
            const pairedMinus = balanced && xb.sign > 0 ? c0 + used : -1;
            if (balanced && xb.sign > 0)
                (0,errors/* assert */.v)(p.crossbars[t.crossbars[n + 1]]?.sign === -1, () => `layer '${p.node.name}': W⁺ crossbar ${k} has no W⁻ partner`);
            for (let j = 0; j < used; j++) {
                colChannel[c0 + j] = xb.columnChannel[j];
                colFactor[c0 + j] = 2 ** (bitsPerCell * xb.columnSlice[j]) * (balanced ? 1 : xb.sign);
                colConverted[c0 + j] = balanced && xb.sign < 0 ? 0 : 1;
                if (pairedMinus >= 0)
                    colPartner[c0 + j] = pairedMinus + j;
                if (reference)
                    colPartner[c0 + j] = c0 + used;
                if (adcErrors) {
                    const kAdc = balanced && xb.sign < 0 ? k - 1 : k;
                    colAdcGain[c0 + j] = adcGain[kAdc][floor(j / columnsPerAdc)];
                    colAdcOffset[c0 + j] = adcOffset[kAdc][floor(j / columnsPerAdc)];
                }
            }
            const width = reference ? used + 1 : used;
            for (let i = 0; i < t.rowCount; i++) {
                for (let j = 0; j < used; j++)
                    mCat[i * nCols + c0 + j] = mat[i * pc + j] * perSiemens;
                if (reference)
                    mCat[i * nCols + c0 + used] = mat[i * pc + cols] * perSiemens;
            }
            c0 += width;
        }
        const noisy = effects && device.readNoiseSigmaRel > 0;
        return {
            rowStart: t.rowStart,
            rowCount: t.rowCount,
            m: tf_core_node.tensor2d(mCat, [t.rowCount, nCols]),
            m2: noisy ? tf_core_node.tensor2d(mCat.map((x) => x * x), [t.rowCount, nCols]) : undefined,
            nCols,
            colChannel,
            colFactor,
            colConverted,
            colPartner,
            colAdcGain,
            colAdcOffset,
        };
    });
    const compensate = drifting && device.driftCompensation === 'global' && gAfter > 0;
    return {
        prepared: p,
        tiles,
        nfMean: nfCount > 0 ? nfSum / nfCount : 0,
        nfMax,
        nfColumns: nfCount,
        readNoiseSigmaRel: effects ? device.readNoiseSigmaRel : 0,
        seed: (0,xbar_rng/* deriveSeed */.B)(o.seed, 'read-noise', p.node.name),
        adcStep,
        adcMax,
        adcNoiseSigmaLsb: adcErrors ? o.technology.adc.noiseSigmaLsb : 0,
        general: o.generalConversion === true || adcStep !== 1 || adcErrors || reference || balanced,
        outputGain: compensate ? gBefore / gAfter : 1,
    };
}
function disposeLayer(l) {
    l.integerWeights?.dispose();
    for (const t of l.tiles) {
        t.m.dispose();
        t.m2?.dispose();
    }
}
/**
 * The layer's pre-activation output for a batch, computed on the programmed crossbars.
 * x: [batch, inH, inW, Cin] (dense: [batch, Cin]); returns [batch, outH, outW, Cout] (dense: [batch, Cout])
 * as a flat Float32Array, bias added. `batchIndex` keys the read-noise and ADC-noise streams.
 */
function layerForward(l, x, batch, technology, batchIndex) {
    const a = accumulate(l, x, batch, technology, batchIndex);
    return finish(l, a.acc, l.correction);
}
/**
 * Largest |column current − baseline| of any conversion of the layer on a batch, in units (one level × one
 * DAC code), on ideal devices and wires: the peak that 'calibrated' ADC full scale is set to.
 */
function measureAdcPeak(p, x, batch, technology) {
    const probe = programLayer({ ...p, mapping: { ...p.mapping, adcFullScale: 'unitStep', adcBits: 31 } }, { technology, irDrop: 'ideal', deviceEffects: 'off', seed: 0, integerShortcut: false, generalConversion: true });
    try {
        const peak = { max: 0 };
        accumulate(probe, x, batch, technology, 'peak', peak);
        return peak.max;
    }
    finally {
        disposeLayer(probe);
    }
}
/**
 * Fits the per-channel correction of a layer on a batch of calibration inputs: least squares of the ideal
 * quantised output Σ q·code (for the chip's own input codes) against the chip's output, per output channel,
 * over every pixel of the batch. Returns the fitted correction and the corrected output (as layerForward).
 */
function calibrateLayer(l, x, batch, technology) {
    const mode = l.prepared.mapping.calibration ?? 'none';
    const a = accumulate(l, x, batch, technology, 'calibration');
    if (mode === 'none')
        return { out: finish(l, a.acc, undefined) };
    const p = l.prepared;
    const R = p.geometry.rowsNeeded;
    const cout = p.node.shape.outChannels;
    const idealT = tf_core_node.tidy(() => tf_core_node.matMul(tf_core_node.tensor2d(Float32Array.from(a.codes), [a.pixels, R]), tf_core_node.tensor2d(Float32Array.from(p.qWeights), [R, cout])));
    const ideal = Float64Array.from(readView(idealT));
    idealT.dispose();
    const chip = new Float64Array(a.acc.length);
    for (let n = 0; n < chip.length; n++)
        chip[n] = a.acc[n] * l.outputGain;
    const correction = fitColumnCorrection(chip, ideal, cout, mode);
    return { correction, out: finish(l, a.acc, correction) };
}
/** Integer outputs → layer outputs: drift compensation, per-channel correction, then scale and bias. */
function finish(l, acc, correction) {
    const p = l.prepared;
    const cout = p.node.shape.outChannels;
    const scale = p.weightStep * p.inputStep;
    const bias = p.node.bias;
    const out = new Float32Array(acc.length);
    const P = acc.length / cout;
    const g = l.outputGain;
    for (let px = 0; px < P; px++) {
        for (let c = 0; c < cout; c++) {
            let v = acc[px * cout + c];
            if (g !== 1)
                v *= g;
            if (correction)
                v = correction.gain[c] * v + correction.offset[c];
            out[px * cout + c] = v * scale + bias[c];
        }
    }
    return out;
}
function accumulate(l, x, batch, technology, batchIndex, peak) {
    const p = l.prepared;
    const { shape } = p.node;
    const { mapping } = p;
    const R = p.geometry.rowsNeeded;
    const cout = shape.outChannels;
    const cyc = { inputBits: mapping.inputBits, dacBits: mapping.dacBits, inputSign: p.inputSign };
    const codes = im2colCodes(quantizeInputs(x, { stepX: p.inputStep, ...cyc }), batch, shape, p.node.padding);
    const P = codes.length / R;
    (0,errors/* assert */.v)(Number.isInteger(P), () => `im2col of ${shape.name} gave ${codes.length} values for ${R} rows`);
    if (l.integerWeights) {
        const yT = tf_core_node.tidy(() => tf_core_node.matMul(tf_core_node.tensor2d(Float32Array.from(codes), [P, R]), l.integerWeights));
        const acc = Float64Array.from(readView(yT));
        yT.dispose();
        return { acc, codes, pixels: P };
    }
    const acc = new Float64Array(P * cout);
    const nCyc = p.cycleWeights.length;
    const { gOnSiemens, gOffSiemens } = (0,config_technology/* conductances */.Jq)(technology.device);
    const off = (gOffSiemens * (2 ** mapping.bitsPerCell - 1)) / (gOnSiemens - gOffSiemens);
    const adcMax = l.adcMax;
    const bipolarTop = p.inputSign === 'twosComplement' && mapping.inputBits - (nCyc - 1) * mapping.dacBits > 1;
    const noisy = l.readNoiseSigmaRel > 0 || l.adcNoiseSigmaLsb > 0;
    const rng = noisy ? new xbar_rng/* Rng */.K((0,xbar_rng/* deriveSeed */.B)(l.seed, 'batch', batchIndex)) : undefined;
    // Two's complement codes take quantize.ts' cycle split (bipolar top cycle); unsigned codes are plain
    // d-bit fields, extracted by dacRows.
    const cycleCodes = p.inputSign === 'twosComplement' ? Array.from({ length: nCyc }, (_, c) => dacCycleCodes(codes, c, cyc)) : undefined;
    const sigma = l.readNoiseSigmaRel;
    // Pixels per product: a bounded slice of the tile's rows at a time, so that the DAC rows and the column
    // currents stay a few tens of MB (reused, warm memory) whatever the batch; rows keep their order.
    const chunk = Math.max(1, Math.floor(PRODUCT_ROWS / nCyc));
    const buffers = dacRowBuffers(Math.min(P, chunk), nCyc, Math.max(0, ...l.tiles.map((t) => t.rowCount)));
    for (const t of l.tiles) {
        const { nCols, colChannel, colFactor } = t;
        // Digital weight sign · 2^(cell bits · slice) · (cycle weight) · (LSB size) per (cycle, column).
        const weight = new Float64Array(nCyc * nCols);
        for (let c = 0; c < nCyc; c++)
            for (let j = 0; j < nCols; j++)
                weight[c * nCols + j] = colFactor[j] * p.cycleWeights[c] * l.adcStep;
        for (let start = 0; start < P; start += chunk) {
            const rows = dacRows(codes, { start, end: Math.min(P, start + chunk) }, R, t, nCyc, mapping.dacBits, cycleCodes, buffers);
            const { nAct } = rows;
            if (nAct === 0)
                continue;
            const xAct = rows.xc.subarray(0, nAct * t.rowCount);
            const yT = tf_core_node.tidy(() => tf_core_node.matMul(tf_core_node.tensor2d(xAct, [nAct, t.rowCount]), t.m));
            const y2T = t.m2 ? tf_core_node.tidy(() => tf_core_node.matMul(tf_core_node.square(tf_core_node.tensor2d(xAct, [nAct, t.rowCount])), t.m2)) : undefined;
            const y2 = y2T ? Float32Array.from(readView(y2T)) : undefined;
            const y = readView(yT); // valid until the next tfjs op: no tfjs calls below
            // Per-conversion ADC (remove the baseline, read noise, round, clip), then shift-and-add.
            const conv = { ...rows, y, nCols, off, adcMax, colChannel, cout, acc };
            // The common case (unipolar ADC, one-unit LSB, no noise) in WebAssembly: count = round(clamp(I − baseline, 0, max)).
            if (!y2 && !bipolarTop && !l.general)
                convertUnipolarWasm(conv, weight);
            else {
                convertGeneral(conv, t, {
                    weight, y2, sigma, rng, bipolarCycle: bipolarTop ? nCyc - 1 : -1, balanced: mapping.signMapping === 'balanced',
                    invStep: 1 / l.adcStep, adcNoise: l.adcNoiseSigmaLsb, peak,
                });
            }
            yT.dispose();
            y2T?.dispose();
        }
    }
    // Offset mapping: the array computed Σ (q + offset)·x; remove offset·Σx digitally.
    if (p.weightOffset > 0) {
        for (let px = 0; px < P; px++) {
            let s = 0;
            for (let i = 0; i < R; i++)
                s += codes[px * R + i];
            const corr = p.weightOffset * s;
            for (let c = 0; c < cout; c++)
                acc[px * cout + c] -= corr;
        }
    }
    return { acc, codes, pixels: P };
}
/** Output spatial size of a layer (for reshaping the flat output). */
function outputShape(node) {
    if (node.shape.kind === 'dense')
        return [node.shape.outChannels];
    const g = patchGeometry(node.shape, node.padding);
    return [g.outH, g.outW, node.shape.outChannels];
}

// EXTERNAL MODULE: ./src/model/activation.ts
var activation = __webpack_require__(2737);
;// CONCATENATED MODULE: ./src/xbar/network.ts
/**
 * Runs a NetworkGraph on a batch: matrix layers either in float (the ideal reference) or on programmed
 * crossbars (crossbar-layer.ts); glue ops (add, activation, pooling, flatten, unfoldable BN) in float on
 * the tfjs backend, as a digital periphery would.
 */






/** Float weights of the matrix layers as backend tensors, made once per network. */
class FloatWeights {
    w = new Map();
    b = new Map();
    constructor(graph) {
        for (const n of (0,model_graph/* matrixNodes */.P)(graph)) {
            const s = n.shape;
            this.w.set(n.name, s.kind === 'dense'
                ? tf_core_node.tensor2d(n.weights, [s.inChannels, s.outChannels])
                : tf_core_node.tensor4d(n.weights, [s.kernelH, s.kernelW, s.inChannels, s.outChannels]));
            this.b.set(n.name, tf_core_node.tensor1d(n.bias));
        }
    }
    apply(n, x) {
        const w = this.w.get(n.name);
        const y = n.shape.kind === 'dense'
            ? tf_core_node.matMul(tf_core_node.reshape(x, [x.shape[0], -1]), w)
            : tf_core_node.conv2d(x, w, [n.shape.strideH, n.shape.strideW], n.padding);
        return tf_core_node.add(y, this.b.get(n.name));
    }
    dispose() {
        for (const t of this.w.values())
            t.dispose();
        for (const t of this.b.values())
            t.dispose();
    }
}
/**
 * One forward pass. x: [batch, H, W, C]. Returns the output node's tensor [batch, classes] (caller disposes).
 * `observe` sees the input of every matrix layer (used by calibration).
 */
function forward(graph, floatWeights, mode, x, batchIndex, observe) {
    return tf_core_node.tidy(() => {
        const values = new Map([[graph.input, x]]);
        const get = (name) => {
            const t = values.get(name);
            (0,errors/* assert */.v)(t, () => `graph node '${name}' used before it was computed`);
            return t;
        };
        const batch = x.shape[0];
        for (const n of graph.nodes)
            values.set(n.name, evalNode(n));
        return get(graph.output);
        function evalNode(n) {
            switch (n.op) {
                case 'matrix': {
                    const input = get(n.input);
                    observe?.(n, input);
                    let y;
                    if (mode.kind === 'float' || mode.floatLayers?.has(n.name)) {
                        y = floatWeights.apply(n, input);
                    }
                    else {
                        const layer = mode.layers.get(n.name);
                        (0,errors/* assert */.v)(layer, () => `no programmed crossbars for layer '${n.name}'`);
                        const data = input.dataSync();
                        const flat = mode.layerFn ? mode.layerFn(layer, data, batch) : layerForward(layer, data, batch, mode.technology, batchIndex);
                        y = tf_core_node.tensor(flat, [batch, ...outputShape(n)]);
                    }
                    return (0,activation/* activate */.Y)(y, n.activation);
                }
                case 'add':
                    return (0,activation/* activate */.Y)(tf_core_node.addN(n.inputs.map(get)), n.activation);
                case 'activation':
                    return (0,activation/* activate */.Y)(get(n.input), n.activation);
                case 'maxPool':
                case 'avgPool':
                case 'globalAvgPool':
                case 'flatten':
                case 'affine':
                case 'pad':
                    return (0,activation/* glueOp */.h)(n, get(n.input));
            }
        }
    });
}
/**
 * Input calibration of every matrix layer from a float pass over `x`: max |activation| (sets the input
 * step: max calibration, nax assumption), sign, and the mean of each im2col row (for NF).
 */
function calibrate(graph, floatWeights, x) {
    const out = new Map();
    const y = forward(graph, floatWeights, { kind: 'float' }, x, 0, (node, input) => {
        const data = input.dataSync();
        let maxAbs = 0;
        let signed = false;
        for (const v of data) {
            const a = Math.abs(v);
            if (a > maxAbs)
                maxAbs = a;
            if (v < 0)
                signed = true;
        }
        const R = node.shape.kernelH * node.shape.kernelW * node.shape.inChannels;
        const patches = im2col(data, x.shape[0], node.shape, node.padding);
        const meanRow = new Float64Array(R);
        const P = patches.length / R;
        for (let p = 0; p < P; p++)
            for (let i = 0; i < R; i++)
                meanRow[i] += patches[p * R + i];
        for (let i = 0; i < R; i++)
            meanRow[i] /= P;
        out.set(node.name, { maxAbs, signed, meanRow });
    });
    y.dispose();
    return out;
}
/**
 * Input calibration plus, for layers whose ADC full scale is 'calibrated', the largest conversion of the
 * quantised chip on the same images (float activations as layer inputs), so the prepared layers can be made.
 */
function calibrateInputsAndAdc(graph, floatWeights, mappings, technology, x) {
    const inputs = calibrate(graph, floatWeights, x);
    const needPeak = (0,model_graph/* matrixNodes */.P)(graph).filter((n) => mappings.get(n.name)?.adcFullScale === 'calibrated');
    if (needPeak.length === 0)
        return inputs;
    const prepared = prepareLayers(graph, mappings, inputs);
    const wanted = new Set(needPeak.map((n) => n.name));
    const y = forward(graph, floatWeights, { kind: 'float' }, x, 0, (node, input) => {
        if (!wanted.has(node.name))
            return;
        const peak = measureAdcPeak(prepared.get(node.name), input.dataSync(), x.shape[0], technology);
        inputs.set(node.name, { ...inputs.get(node.name), adcPeakUnits: peak });
    });
    y.dispose();
    return inputs;
}
/**
 * Fits every layer's per-channel correction (mapping `calibration`) of one chip on calibration images, layer
 * by layer in one forward pass: each layer sees the chip's own (already corrected) outputs of the layers before
 * it, as the chip would at inference. Returns the chip with the corrections attached.
 */
function calibrateChip(graph, floatWeights, chip, technology, x, floatLayers) {
    const out = new Map(chip);
    const layerFn = (layer, data, batch) => {
        const r = calibrateLayer(layer, data, batch, technology);
        if (r.correction)
            out.set(layer.prepared.node.name, { ...layer, correction: r.correction });
        return r.out;
    };
    const y = forward(graph, floatWeights, { kind: 'crossbar', layers: chip, technology, floatLayers, layerFn }, x, 0);
    y.dispose();
    return out;
}
/** Whether any layer asks for a per-chip column calibration. */
function needsColumnCalibration(mappings) {
    for (const m of mappings.values())
        if ((m.calibration ?? 'none') !== 'none')
            return true;
    return false;
}
/** Quantises and slices every matrix layer onto its crossbars. */
function prepareLayers(graph, mappings, calibration) {
    const out = new Map();
    for (const n of (0,model_graph/* matrixNodes */.P)(graph)) {
        const m = mappings.get(n.name);
        const c = calibration.get(n.name);
        (0,errors/* assert */.v)(m && c, () => `layer '${n.name}' lacks a mapping or a calibration`);
        out.set(n.name, prepareLayer(n, m, c));
    }
    return out;
}

;// CONCATENATED MODULE: ./src/xbar/simulate.ts
/**
 * The full non-ideal simulation of a network on an evaluation set: ideal float accuracy, quantised
 * accuracy on ideal devices and wires, and non-ideal accuracy over Monte Carlo chip instances (one seed
 * per sample), with each layer's NF. Pure computation on typed arrays and the tfjs backend; no I/O.
 */






/** Seed of Monte Carlo sample k's chip instance. */
function sampleSeed(seed, k) {
    return (0,xbar_rng/* deriveSeed */.B)(seed, 'sample', k);
}
/** Batches of `size` images over n images. */
function batchCount(n, size) {
    return Math.ceil(n / size);
}
/** Image range [start, end) of a batch range. */
function imageRange(n, size, r) {
    return { start: Math.min(n, r.start * size), end: Math.min(n, r.end * size) };
}
function imageBatch(d, s, e) {
    const px = d.shape[0] * d.shape[1] * d.shape[2];
    return tf_core_node.tensor4d(d.images.subarray(s * px, e * px), [e - s, ...d.shape]);
}
/** Marks top-1 correct predictions of a [batch, classes] output for images s… in `out`; returns their count. */
function markCorrect(y, labels, s, out) {
    const predT = tf_core_node.argMax(y, 1);
    const pred = predT.dataSync();
    predT.dispose();
    let c = 0;
    for (let i = 0; i < pred.length; i++) {
        const ok = pred[i] === labels[s + i] ? 1 : 0;
        out[s + i] = ok;
        c += ok;
    }
    return c;
}
/**
 * Right images and per-image correctness of one way of computing the matrix layers over a range of evaluation
 * batches (global batch indices, so noise streams and batch contents match the unsplit run).
 */
function correctOver(o, range, fw, mode) {
    const { start, end } = imageRange(o.data.n, o.batchSize, range);
    const all = new Uint8Array(o.data.n);
    let right = 0;
    for (let bi = range.start; bi < range.end; bi++) {
        const s = bi * o.batchSize;
        const e = Math.min(o.data.n, s + o.batchSize);
        const x = imageBatch(o.data, s, e);
        const y = forward(o.graph, fw, mode, x, bi);
        right += markCorrect(y, o.data.labels, s, all);
        x.dispose();
        y.dispose();
    }
    return { right, correct: all.slice(start, end), firstImage: start };
}
function allBatches(o) {
    return { start: 0, end: batchCount(o.data.n, o.batchSize) };
}
/** Programs every layer of a chip instance. */
function programChip(prepared, o) {
    const out = new Map();
    for (const p of prepared.values())
        out.set(p.node.name, programLayer(p, o));
    return out;
}
function disposeChip(chip) {
    for (const l of chip.values())
        disposeLayer(l);
}
/** Runs the samples of a job in this thread. Sample k's result depends only on k and the inputs. */
async function runSamples(job, progress) {
    const fw = new FloatWeights(job.graph);
    const range = job.batches ?? allBatches(job);
    const whole = range.start === 0 && range.end === batchCount(job.data.n, job.batchSize);
    try {
        const prepared = prepareLayers(job.graph, job.mappings, job.calibration);
        const parts = [];
        for (const k of job.samples) {
            const seed = job.reference ? job.seed : sampleSeed(job.seed, k);
            let chip = job.reference
                ? programChip(prepared, { technology: job.technology, irDrop: 'ideal', deviceEffects: 'off', seed })
                : programChip(prepared, { technology: job.technology, irDrop: job.irDrop, deviceEffects: 'on', seed });
            if (!job.reference && needsColumnCalibration(job.mappings)) {
                (0,errors/* assert */.v)(job.calibrationImages, () => 'column calibration without calibration images');
                const calX = imageBatch(job.calibrationImages, 0, Math.min(job.calibrationImages.n, job.batchSize));
                chip = calibrateChip(job.graph, fw, chip, job.technology, calX);
                calX.dispose();
            }
            const nf = new Map();
            for (const [name, l] of chip)
                nf.set(name, { sum: l.nfMean * l.nfColumns, n: l.nfColumns, max: l.nfMax });
            const r = correctOver(job, range, fw, { kind: 'crossbar', layers: chip, technology: job.technology });
            disposeChip(chip);
            parts.push({ index: k, seed, firstImage: r.firstImage, correct: r.correct, nf });
            const images = r.correct.length;
            // Steps count within this job: the runner (or a worker pool) adds them up over jobs.
            if (!job.reference)
                progress?.(whole
                    ? `Monte Carlo sample ${k + 1}: non-ideal accuracy ${(r.right / images * 100).toFixed(2)} %`
                    : `Monte Carlo sample ${k + 1}, images ${r.firstImage + 1}–${r.firstImage + images}: ${r.right} right`, { done: parts.length, total: job.samples.length, unit: 'steps' });
            await new Promise((res) => setImmediate(res)); // let progress output and timers run between samples
        }
        return { parts };
    }
    finally {
        fw.dispose();
    }
}
/**
 * Whole samples from their parts: each sample's parts, in image order, must tile `images` exactly. The
 * result is sorted by sample index, whatever order and split the parts came in.
 */
function assembleSamples(parts, images) {
    const byIndex = new Map();
    for (const p of parts) {
        const list = byIndex.get(p.index) ?? [];
        list.push(p);
        byIndex.set(p.index, list);
    }
    const n = images.end - images.start;
    return [...byIndex.keys()].sort((a, b) => a - b).map((index) => {
        const list = byIndex.get(index).sort((a, b) => a.firstImage - b.firstImage);
        const correct = new Uint8Array(n);
        let at = images.start;
        for (const p of list) {
            (0,errors/* assert */.v)(p.firstImage === at, () => `sample ${index}: part at image ${p.firstImage}, expected ${at}`);
            correct.set(p.correct, at - images.start);
            at += p.correct.length;
        }
        (0,errors/* assert */.v)(at === images.end, () => `sample ${index}: parts end at image ${at}, expected ${images.end}`);
        let right = 0;
        for (let i = 0; i < n; i++)
            right += correct[i];
        return { index, seed: list[0].seed, accuracy: right / n, correct, nf: list[0].nf };
    });
}
/**
 * Per layer NF mean and max over samples: sums added in sample order from 0, so the same samples give the
 * same bits however they were split across workers or shards.
 */
function nfOverSamples(layers, samples) {
    const acc = new Map(layers.map((name) => [name, { sum: 0, n: 0, max: 0 }]));
    for (const s of samples) {
        for (const [name, a] of s.nf) {
            const t = acc.get(name) ?? { sum: 0, n: 0, max: 0 };
            acc.set(name, { sum: t.sum + a.sum, n: t.n + a.n, max: Math.max(t.max, a.max) });
        }
    }
    const out = new Map();
    for (const [name, a] of acc)
        out.set(name, { mean: a.n > 0 ? a.sum / a.n : 0, max: a.max });
    return out;
}
async function simulateNetwork(o) {
    const fw = new FloatWeights(o.graph);
    const range = o.batches ?? allBatches(o);
    (0,errors/* assert */.v)(range.start >= 0 && range.start < range.end && range.end <= batchCount(o.data.n, o.batchSize), () => `batches ${range.start}…${range.end}`);
    const images = imageRange(o.data.n, o.batchSize, range);
    let calibration;
    let idealCorrect;
    const share = (right) => right / (images.end - images.start);
    try {
        // Input ranges (and 'calibrated' ADC ranges) from the calibration split when there is one, else from the
        // first evaluation batch (the NAX-era behaviour) — the whole set's first batch, whatever range runs here.
        const calData = o.calibrationImages ?? o.data;
        const calX = imageBatch(calData, 0, Math.min(calData.n, o.batchSize));
        calibration = calibrateInputsAndAdc(o.graph, fw, o.mappings, o.technology, calX);
        calX.dispose();
        idealCorrect = correctOver(o, range, fw, { kind: 'float' }).right;
        o.progress?.(`ideal float accuracy ${(share(idealCorrect) * 100).toFixed(2)} %`, { done: 1, total: 2 + o.samples.length, unit: 'steps' });
    }
    finally {
        fw.dispose();
    }
    const job = {
        graph: o.graph, mappings: o.mappings, technology: o.technology, data: o.data, seed: o.seed,
        samples: o.samples, irDrop: o.irDrop, batchSize: o.batchSize, batches: range, calibration,
        ...(o.calibrationImages ? { calibrationImages: o.calibrationImages } : {}),
    };
    // The quantised reference costs as much as one sample: on a pool it runs beside the samples (both cores
    // busy even with one sample); in this thread, first.
    const reference = { ...job, samples: [0], reference: true };
    // A run's steps: the float evaluation, one per Monte Carlo sample, then the quantised reference.
    const progress = o.progress && ((l, st) => o.progress(l, st && { ...st, done: 1 + st.done, total: 2 + st.total }));
    const [q, r] = o.runner
        ? await Promise.all([o.runner(reference), o.runner(job, progress)])
        : [await runSamples(reference), await runSamples(job, progress)];
    const quantisedCorrect = assembleSamples(q.parts, images)[0].correct.reduce((a, b) => a + b, 0);
    o.progress?.(`quantised (ideal devices) accuracy ${(share(quantisedCorrect) * 100).toFixed(2)} %`, { done: 2 + o.samples.length, total: 2 + o.samples.length, unit: 'steps' });
    const samples = assembleSamples(r.parts, images);
    (0,errors/* assert */.v)(samples.length === o.samples.length, () => `${samples.length} samples came back for ${o.samples.length}`);
    const nf = nfOverSamples((0,model_graph/* matrixNodes */.P)(o.graph).map((n) => n.name), samples);
    return { ideal: share(idealCorrect), quantised: share(quantisedCorrect), idealCorrect, quantisedCorrect, images, samples, nf };
}
/**
 * Non-ideal output of a network on a batch (for the search): calibrates input ranges (and, when a mapping
 * asks for it, the chip's per-channel correction) on the images themselves — the search's training images,
 * never the evaluation set — programs one chip instance and runs it. Layers in `floatLayers` stay ideal float.
 */
function nonIdealLogits(o) {
    const fw = new FloatWeights(o.graph);
    const x = tf_core_node.tensor4d(o.images.subarray(0, o.n * (0,model_graph/* inputSize */.I)(o.graph)), [o.n, ...o.graph.inputShape]);
    try {
        const calibration = calibrateInputsAndAdc(o.graph, fw, o.mappings, o.technology, x);
        const all = prepareLayers(o.graph, o.mappings, calibration);
        const prepared = new Map([...all].filter(([name]) => !o.floatLayers?.has(name)));
        let chip = programChip(prepared, { technology: o.technology, irDrop: o.irDrop, deviceEffects: 'on', seed: o.seed });
        if (needsColumnCalibration(o.mappings))
            chip = calibrateChip(o.graph, fw, chip, o.technology, x, o.floatLayers);
        const y = forward(o.graph, fw, { kind: 'crossbar', layers: chip, technology: o.technology, floatLayers: o.floatLayers }, x, 0);
        const out = y.dataSync();
        y.dispose();
        disposeChip(chip);
        return out;
    }
    finally {
        x.dispose();
        fw.dispose();
    }
}


/***/ }),

/***/ 1535:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fe: () => (/* binding */ pooledProgress),
/* harmony export */   oG: () => (/* binding */ splitJob),
/* harmony export */   r3: () => (/* binding */ splitBatches)
/* harmony export */ });
/* harmony import */ var _simulate_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1005);

/** Contiguous ranges that tile `r` into `parts` pieces, sizes differing by at most one batch. */
function splitBatches(r, parts) {
    const n = r.end - r.start;
    const k = Math.max(1, Math.min(parts, n));
    return Array.from({ length: k }, (_, i) => ({ start: r.start + Math.floor((i * n) / k), end: r.start + Math.floor(((i + 1) * n) / k) }));
}
/** The parts of `job` for `workers` workers (at most `workers` parts; one part when workers ≤ 1). */
function splitJob(job, workers) {
    const samples = job.samples.length;
    if (workers <= 1 || samples === 0)
        return [job];
    if (samples >= workers) {
        return Array.from({ length: workers }, (_, w) => ({ ...job, samples: job.samples.filter((_, i) => i % workers === w) }));
    }
    const range = job.batches ?? { start: 0, end: (0,_simulate_js__WEBPACK_IMPORTED_MODULE_0__/* .batchCount */ .oW)(job.data.n, job.batchSize) };
    const per = Math.floor(workers / samples);
    return job.samples.flatMap((k) => splitBatches(range, per).map((batches) => ({ ...job, samples: [k], batches })));
}
/**
 * Progress of a job run as `parts`, in the job's own sample units: each part reports one step per sample it
 * runs, and a sample cut into image ranges is cut into equal numbers of parts, so pieces done × samples /
 * pieces counts samples (what simulateNetwork adds its own steps to, and what never runs backwards).
 */
function pooledProgress(progress, job, parts) {
    if (!progress)
        return undefined;
    const pieces = parts.reduce((a, p) => a + p.samples.length, 0);
    const total = job.samples.length;
    let done = 0;
    return (line, step) => progress(line, step && { ...step, done: (++done * total) / pieces, total });
}


/***/ })

};
