export const id = 165;
export const ids = [165];
export const modules = {

/***/ 1012:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  l: () => (/* binding */ layerCost)
});

// UNUSED EXPORTS: deviceReadEnergyJ

// EXTERNAL MODULE: ./src/mapping/tiling.ts
var tiling = __webpack_require__(6687);
// EXTERNAL MODULE: ./src/config/components.ts
var components = __webpack_require__(5292);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/cost/component-scaling.ts


/**
 * A rows × cols crossbar. Power, area and leakage scale with the cells, rows·cols / N_ref²
 * (Negi's per-size PUMAsim files: ∝ N²); the read time scales with the columns, cols / N_ref (N ns for an
 * N×N array). For rectangular arrays the column rule is a nax assumption: ISAAC/PUMA read one column per
 * ~1 ns (128 columns in 100–128 ns), so the read window follows the columns sensed.
 */
function crossbarAt(c, rows, cols) {
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
/** Sorted numeric keys of a validated table (integer-like keys already iterate in ascending order). */
function tableKeys(table) {
    return Object.keys(table).map(Number);
}
/**
 * A b-bit ADC (1…16 bits). Exact at a table entry; linear interpolation between entries (nax assumption);
 * beyond the table, energy and area change by `extrapolationRatioPerBit` per bit from the nearest end
 * (× above, ÷ below). Conversion time and leakage are linear in b (PUMAsim). With `areaModel` 'negiTable'
 * the area comes from Negi's table instead (negiAdcAreaMm2); energy stays Saberi's.
 */
function adcAt(c, bits, areaModel = 'saberi') {
    const saberi = saberiAdcAt(c, bits);
    return areaModel === 'negiTable' ? { ...saberi, areaMm2: negiAdcAreaMm2(c, bits) } : saberi;
}
/**
 * Area of a b-bit ADC from Negi's table (`components.adcAreaNegi`): exact at an entry, linear between
 * entries, the nearest entry outside the table (nax assumption, see the field's documentation).
 */
function negiAdcAreaMm2(c, bits) {
    const table = c.adcAreaNegi.table;
    const exact = table[String(bits)];
    if (exact)
        return exact.areaMm2;
    const keys = tableKeys(table);
    if (bits < keys[0])
        return table[keys[0]].areaMm2;
    if (bits > keys[keys.length - 1])
        return table[keys[keys.length - 1]].areaMm2;
    const [below, above] = bracket(keys, bits);
    const t = (bits - below) / (above - below);
    return table[below].areaMm2 + t * (table[above].areaMm2 - table[below].areaMm2);
}
function saberiAdcAt(c, bits) {
    (0,errors/* assert */.v)(Number.isInteger(bits) && bits >= 1 && bits <= components/* ADC_BITS_MAX */.Vn, () => `ADC bits ${bits} outside 1…${components/* ADC_BITS_MAX */.Vn}`);
    const { table, extrapolationRatioPerBit: ratio } = c.adc;
    const timing = { conversionTimeS: c.adc.conversionTimeSPerBit * bits, leakagePowerW: c.adc.leakagePowerWPerBit * bits };
    const exact = table[String(bits)];
    if (exact)
        return { energyJPerConversion: exact.energyJPerConversion, areaMm2: exact.areaMm2, ...timing };
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
function bracket(keys, x) {
    let i = 1;
    while (keys[i] < x)
        i++;
    return [keys[i - 1], keys[i]];
}
/** One d-bit row driver: the 1-bit values × ratioPerBit^(d−1) (nax assumption, Accelergy pow_base(2)). */
function dacAt(c, bits) {
    const f = c.dac.ratioPerBit ** (bits - 1);
    return { energyJPerConversion: c.dac.energyJPerConversion * f, areaMm2: c.dac.areaMm2 * f, leakagePowerW: c.dac.leakagePowerW * f };
}
/**
 * One register file of `size` entries: exact at a table entry, linear between entries, the smallest entry
 * below the table (PUMAsim gives 16 and 32 the same values), ∝ size above it (nax assumption).
 */
function registerAt(c, size) {
    const table = c.registers.table;
    const exact = table[String(size)];
    if (exact)
        return exact;
    const keys = tableKeys(table);
    const lo = keys[0];
    const hi = keys[keys.length - 1];
    if (size < lo)
        return table[lo];
    const scale = (e, f) => ({
        readEnergyJ: e.readEnergyJ * f,
        writeEnergyJ: e.writeEnergyJ * f,
        leakagePowerW: e.leakagePowerW * f,
        areaMm2: e.areaMm2 * f,
    });
    if (size > hi)
        return scale(table[hi], size / hi);
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

// EXTERNAL MODULE: ./src/cost/options.ts
var options = __webpack_require__(2547);
;// CONCATENATED MODULE: ./src/cost/layer.ts



/** Relative slack when rounding a cycle up to whole clocks, so 128 ns / 1 ns stays 128 cycles in floating point. */
const CLOCK_ROUNDING_SLACK = 1e-9;
/**
 * Energy of one read of a layer's crossbars from the device, J: every used word line is driven (rows past
 * the layer's k²·Cin are held at 0 V, see mapping/tiling.ts) at V_read for a fraction `inputBitDensity` of
 * the cycles, for the array's read time; a weight-holding cell conducts G_off + f·(G_on − G_off) on average
 * (f = `meanLevelFraction`), every other cell on a driven row G_off. Summed over all crossbars of the layer.
 */
function deviceReadEnergyJ(g, m, readTimeS, opts) {
    const { rOnOhm, onOffRatio, vReadV } = opts.device;
    const gOn = 1 / rOnOhm;
    const gOff = gOn / onOffRatio;
    // Each (column tile, slice, sign) group of row tiles drives rowsNeeded word lines in total.
    const drivenCells = g.rowsNeeded * (m.cols + g.referenceColumns) * (g.crossbars / g.rowTiles);
    const weightCells = g.utilisation * g.crossbars * m.rows * m.cols;
    const meanConductanceSumS = drivenCells * gOff + weightCells * opts.model.meanLevelFraction * (gOn - gOff);
    return vReadV * vReadV * opts.model.inputBitDensity * meanConductanceSumS * readTimeS;
}
/**
 * Cost of one layer per inference. Pure; `components` is the validated technology's `components`, `opts`
 * its cost-model switches and device (costOptionsOf).
 */
function layerCost(layer, components, opts = options/* DEFAULT_COST_OPTIONS */.t) {
    const { shape, mapping: m } = layer;
    const c = components;
    const sw = opts.model;
    const g = (0,tiling/* tileGeometry */.t)(shape, m);
    // Counts (PUMA organisation).
    const crossbars = g.crossbars;
    const adcs = g.convertingCrossbars * m.adcsPerCrossbar;
    const dacs = crossbars * m.rows;
    // Bit lines per crossbar, the reference column included.
    const physicalCols = m.cols + g.referenceColumns;
    const sampleHolds = crossbars * physicalCols;
    const shiftAdds = adcs;
    const mvmus = Math.ceil(crossbars / c.organisation.crossbarsPerMvmu);
    const cores = Math.ceil(mvmus / c.organisation.mvmusPerCore);
    const tiles = Math.ceil(cores / c.organisation.coresPerTile);
    const registers = 2 * mvmus;
    // Components at this layer's sizes.
    const xbar = crossbarAt(c, m.rows, physicalCols);
    const adc = adcAt(c, m.adcBits, sw.adcAreaModel);
    const dac = dacAt(c, m.dacBits);
    const inReg = registerAt(c, m.rows);
    const outReg = registerAt(c, m.cols);
    // Partial sums of the row tiles after the first, per MVM.
    const moved = sw.partialSumMovement === 'edram' ? (g.rowTiles - 1) * g.colsNeeded : 0;
    const movedBits = moved * c.partialSum.bits;
    // Written and read back, one access after the other.
    const partialSumDelayS = 2 * Math.ceil(movedBits / c.edram.accessBits) * c.edram.accessTimeS;
    // Delay.
    const conversionsPerAdc = Math.ceil(m.cols / m.adcsPerCrossbar);
    const clock = c.timing.clockPeriodS;
    const toClock = (s) => Math.ceil((s / clock) * (1 - CLOCK_ROUNDING_SLACK)) * clock;
    const stages = g.inputCycles + c.timing.pipelineExtraStages;
    let cycleTimeS;
    let mvmDelayS;
    if (sw.delayModel === 'pumaAdc') {
        cycleTimeS = c.adc.readLatencySPerBit * m.adcBits;
        mvmDelayS = toClock(stages * cycleTimeS + partialSumDelayS);
    }
    else {
        cycleTimeS = toClock(Math.max(xbar.readTimeS, conversionsPerAdc * adc.conversionTimeS));
        mvmDelayS = stages * cycleTimeS + toClock(partialSumDelayS);
    }
    const delayS = g.mvms * mvmDelayS;
    // Dynamic energy per inference.
    const crossbarReads = g.mvms * g.inputCycles * crossbars;
    const columnSamples = crossbarReads * physicalCols;
    const conversions = g.mvms * g.inputCycles * g.convertingCrossbars * m.cols;
    const activationBitsPerMvm = (g.rowsNeeded + g.colsNeeded) * m.inputBits;
    const outputBitsPerMvm = g.colsNeeded * m.inputBits;
    const readEnergyJ = sw.arrayReadEnergy === 'device' ? deviceReadEnergyJ(g, m, xbar.readTimeS, opts) / crossbars : xbar.readEnergyJ;
    const energy = {
        crossbar: crossbarReads * readEnergyJ,
        dac: crossbarReads * m.rows * dac.energyJPerConversion,
        sampleHold: columnSamples * c.sampleHold.energyJPerSample,
        adc: conversions * adc.energyJPerConversion,
        shiftAdd: conversions * c.shiftAdd.energyJPerOp,
        registers: g.mvms * mvmus * (g.inputCycles * inReg.readEnergyJ + inReg.writeEnergyJ + outReg.writeEnergyJ),
        edram: g.mvms * (activationBitsPerMvm / c.edram.accessBits) * c.edram.energyJPerAccess,
        bus: g.mvms * activationBitsPerMvm * c.bus.energyJPerBit,
        router: g.mvms * (outputBitsPerMvm / c.router.accessBits) * c.router.energyJPerAccess,
        ...(sw.partialSumMovement === 'edram'
            ? {
                partialSums: g.mvms * (moved * c.partialSum.addEnergyJ +
                    2 * (movedBits / c.edram.accessBits) * c.edram.energyJPerAccess + 2 * movedBits * c.bus.energyJPerBit),
            }
            : {}),
        leakage: 0,
    };
    const tileLeakagePowerW = c.edram.leakagePowerW + c.bus.leakagePowerW + c.router.leakagePowerW / c.router.sharedByTiles;
    const componentLeakagePowerW = crossbars * (xbar.leakagePowerW + m.rows * dac.leakagePowerW + physicalCols * c.sampleHold.leakagePowerW) +
        adcs * adc.leakagePowerW +
        shiftAdds * c.shiftAdd.leakagePowerW +
        mvmus * (inReg.leakagePowerW + outReg.leakagePowerW);
    const leakagePowerW = componentLeakagePowerW + tiles * tileLeakagePowerW;
    energy.leakage = leakagePowerW * delayS;
    // Area of the layer's own hardware (the tiles' shared parts are added once for the network).
    const area = {
        crossbar: crossbars * xbar.areaMm2,
        dac: dacs * dac.areaMm2,
        sampleHold: sampleHolds * c.sampleHold.areaMm2,
        adc: adcs * adc.areaMm2,
        shiftAdd: shiftAdds * c.shiftAdd.areaMm2,
        registers: mvmus * (inReg.areaMm2 + outReg.areaMm2),
    };
    const energyJ = sum(energy);
    const areaMm2 = sum(area);
    return Object.freeze({
        name: shape.name,
        crossbars,
        adcs,
        dacs,
        sampleHolds,
        shiftAdds,
        mvmus,
        cores,
        tiles,
        registers,
        utilisation: g.utilisation,
        conversionsPerAdc,
        cycleTimeS,
        mvmDelayS,
        leakagePowerW,
        componentLeakagePowerW,
        energyJ,
        delayS,
        areaMm2,
        edap: energyJ * delayS * areaMm2,
        energyBreakdownJ: Object.freeze(energy),
        areaBreakdownMm2: Object.freeze(area),
    });
}
function sum(o) {
    let s = 0;
    for (const v of Object.values(o))
        s += v;
    return s;
}


/***/ }),

/***/ 5539:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ costReport),
/* harmony export */   b: () => (/* binding */ costTotals)
/* harmony export */ });
/* harmony import */ var _layer_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1012);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2547);


/**
 * Totals over already computed layer costs. Layers are packed onto tiles at MVMU granularity: tiles =
 * ceil(Σ mvmus / (mvmusPerCore · coresPerTile)) (reference §5.8 packs crossbars; an MVMU is never split
 * between layers, nax assumption). Each tile adds its eDRAM, its bus and 1/sharedByTiles of a router.
 */
function costTotals(layers, components, opts = _options_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_COST_OPTIONS */ .t) {
    const { organisation: org, edram, bus, router } = components;
    let energyJ = 0;
    let delayS = 0;
    let pipelinedDelayS = 0;
    let layersAreaMm2 = 0;
    let crossbars = 0;
    let adcs = 0;
    let mvmus = 0;
    let usedCells = 0;
    let componentLeakagePowerW = 0;
    let gatedLeakageJ = 0;
    let allCells = 0;
    const energyBreakdownJ = {};
    const areaBreakdownMm2 = {};
    for (const l of layers) {
        energyJ += l.energyJ;
        delayS += l.delayS;
        pipelinedDelayS = Math.max(pipelinedDelayS, l.delayS);
        layersAreaMm2 += l.areaMm2;
        crossbars += l.crossbars;
        adcs += l.adcs;
        mvmus += l.mvmus;
        componentLeakagePowerW += l.componentLeakagePowerW;
        gatedLeakageJ += l.energyBreakdownJ.leakage ?? 0;
        // crossbars · rows · cols, from the per-row DAC and per-column S&H counts.
        const cells = l.crossbars > 0 ? (l.dacs * l.sampleHolds) / l.crossbars : 0;
        allCells += cells;
        usedCells += cells * l.utilisation;
        addInto(energyBreakdownJ, l.energyBreakdownJ);
        addInto(areaBreakdownMm2, l.areaBreakdownMm2);
    }
    const tiles = Math.ceil(mvmus / (org.mvmusPerCore * org.coresPerTile));
    const tileParts = {
        edram: tiles * edram.areaMm2,
        bus: tiles * bus.areaMm2,
        router: tiles * (router.areaMm2 / router.sharedByTiles),
    };
    addInto(areaBreakdownMm2, tileParts);
    const tileSharedAreaMm2 = tileParts.edram + tileParts.bus + tileParts.router;
    if (opts.model.leakage === 'alwaysOn') {
        const tileLeakagePowerW = edram.leakagePowerW + bus.leakagePowerW + router.leakagePowerW / router.sharedByTiles;
        // Never negative: a layer's own tiles are at most the network's (nested ceilings), so gated ≤ always on.
        const idleLeakage = Math.max(0, (componentLeakagePowerW + tiles * tileLeakagePowerW) * delayS - gatedLeakageJ);
        addInto(energyBreakdownJ, { idleLeakage });
        energyJ += idleLeakage;
    }
    const areaMm2 = layersAreaMm2 + tileSharedAreaMm2;
    return Object.freeze({
        energyJ,
        delayS,
        pipelinedDelayS,
        areaMm2,
        edap: energyJ * delayS * areaMm2,
        crossbars,
        tiles,
        adcs,
        mvmus,
        utilisation: allCells > 0 ? usedCells / allCells : 0,
        layersAreaMm2,
        tileSharedAreaMm2,
        energyBreakdownJ: Object.freeze(energyBreakdownJ),
        areaBreakdownMm2: Object.freeze(areaBreakdownMm2),
    });
}
function addInto(acc, add) {
    // for…in over own plain-object keys: the search calls this per layer per candidate network.
    for (const k in add)
        acc[k] = (acc[k] ?? 0) + add[k];
}
/** Per-layer costs and network totals of a mapped model, in layer order. */
function costReport(layers, components, opts = _options_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_COST_OPTIONS */ .t) {
    const costs = layers.map((l) => (0,_layer_js__WEBPACK_IMPORTED_MODULE_0__/* .layerCost */ .l)(l, components, opts));
    return Object.freeze({ costModel: opts.model, layers: Object.freeze(costs), totals: costTotals(costs, components, opts) });
}


/***/ }),

/***/ 2547:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ costOptionsOf),
/* harmony export */   t: () => (/* binding */ DEFAULT_COST_OPTIONS)
/* harmony export */ });
/* harmony import */ var _config_cost_model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(145);
/* harmony import */ var _config_technology_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2226);
/**
 * What the cost model needs beyond the component constants: the modelling switches of the technology's
 * `costModel` section and, for device-derived array read energy, the device.
 */


/** The built-in switches and device: today's accounting (every default listed in config/cost-model.ts). */
const DEFAULT_COST_OPTIONS = Object.freeze({ model: _config_cost_model_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_COST_MODEL */ .UP, device: _config_technology_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_DEVICE */ .Rq });
/** The cost options a validated technology describes. */
function costOptionsOf(t) {
    return { model: t.costModel, device: t.device };
}


/***/ }),

/***/ 5218:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ loadEvalSet)
/* harmony export */ });
/* harmony import */ var _io_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3172);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _npy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4009);
/**
 * The evaluation set named in nax.yml: images and integer labels as `.npy` (or gzip-compressed `.npy.gz`)
 * files, read through a FileSource so the base commit's set is read the same way as the head's.
 */



/**
 * Loads the first `limit` images and labels of an evaluation set. Paths in `cfg` are relative to the
 * source root. `file` is the config that named the set (nax.yml), for errors about the pair as a whole;
 * errors about one file's contents name that file. Checks: images rank 3 [N, H, W] or 4 [N, H, W, C];
 * labels [N] (or [N, 1]) of integers ≥ 0; as many labels as images.
 */
async function loadEvalSet(source, cfg, limit, file) {
    if (!Number.isInteger(limit) || limit < 1)
        throw new Error(`internal error: evaluation limit ${limit}`);
    const imageBytes = await source.read(cfg.images, 'dataset');
    const labelBytes = await source.read(cfg.labels, 'dataset');
    const images = (0,_npy_js__WEBPACK_IMPORTED_MODULE_2__/* .parseNpy */ .v)(imageBytes, cfg.images);
    const labels = (0,_npy_js__WEBPACK_IMPORTED_MODULE_2__/* .parseNpy */ .v)(labelBytes, cfg.labels);
    if (images.shape.length !== 3 && images.shape.length !== 4) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NaxUserError */ .b(cfg.images, 'shape', `images have shape (${images.shape.join(', ')})`, 'expected [N, H, W] or [N, H, W, C]');
    }
    const [available, h, w] = images.shape;
    const c = images.shape.length === 4 ? images.shape[3] : 1;
    if (h < 1 || w < 1 || c < 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NaxUserError */ .b(cfg.images, 'shape', `images have shape (${images.shape.join(', ')})`);
    if (!(labels.shape.length === 1 || (labels.shape.length === 2 && labels.shape[1] === 1))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NaxUserError */ .b(cfg.labels, 'shape', `labels have shape (${labels.shape.join(', ')})`, 'expected [N]');
    }
    if (labels.shape[0] !== available) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NaxUserError */ .b(file, 'evalSet.labels', `${labels.shape[0]} labels in ${cfg.labels} for ${available} images in ${cfg.images}`, 'the two files must hold the same number of entries');
    }
    if (available === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NaxUserError */ .b(cfg.images, 'shape', 'the evaluation set is empty');
    const n = Math.min(limit, available);
    const per = h * w * c;
    const scaled = new Float32Array(n * per);
    const src = images.data;
    for (let i = 0; i < n * per; i++) {
        // As float32, the model's input type: a finite float64 beyond ±3.4e38 overflows to ±Inf there.
        const v = Math.fround(src[i] * cfg.scale);
        if (!Number.isFinite(v))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NaxUserError */ .b(cfg.images, `[${Math.floor(i / per)}]`, `image ${Math.floor(i / per)} holds a pixel (${src[i]}) that is not finite as float32 after scaling`);
        scaled[i] = v;
    }
    const outLabels = new Int32Array(n);
    for (let i = 0; i < n; i++) {
        const v = labels.data[i];
        if (!Number.isInteger(v) || v < 0 || v > 0x7fffffff) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NaxUserError */ .b(cfg.labels, `[${i}]`, `label ${v} is not a class index`, 'labels are integers ≥ 0');
        }
        outLabels[i] = v;
    }
    const both = new Uint8Array(imageBytes.length + labelBytes.length);
    both.set(imageBytes, 0);
    both.set(labelBytes, imageBytes.length);
    return {
        images: scaled,
        labels: outLabels,
        n,
        shape: [h, w, c],
        available,
        ...(limit > available ? { note: `asked for ${limit} images, the evaluation set has ${available}: using all ${available}` } : {}),
        sha256: (0,_io_json_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256 */ .sc)(both),
        imagesSha256: (0,_io_json_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256 */ .sc)(imageBytes),
        labelsSha256: (0,_io_json_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256 */ .sc)(labelBytes),
    };
}


/***/ }),

/***/ 4009:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ parseNpy)
/* harmony export */ });
/* unused harmony export encodeNpy */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/**
 * NumPy `.npy` files (format versions 1–3, C order, little-endian), optionally gzip-compressed (`.npy.gz`,
 * detected by the gzip magic, not the name). The format: magic `\x93NUMPY`, version, header length (uint16
 * in v1, uint32 in v2/v3), a Python dict literal `{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }`,
 * then the raw data. See numpy's `numpy/lib/format.py`.
 */



const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const GZIP_MAGIC = [0x1f, 0x8b];
/** Refuses gzip bombs: a decompressed .npy above this is not an evaluation set. */
const MAX_INFLATED_BYTES = 1 << 30;
const DESCR = {
    '|u1': { dtype: 'uint8', bytes: 1 },
    '<u1': { dtype: 'uint8', bytes: 1 },
    '<i4': { dtype: 'int32', bytes: 4 },
    '<i8': { dtype: 'int64', bytes: 8 },
    '<f4': { dtype: 'float32', bytes: 4 },
    '<f8': { dtype: 'float64', bytes: 8 },
};
const DESCR_OF = { uint8: '|u1', int32: '<i4', int64: '<i8', float32: '<f4', float64: '<f8' };
function startsWith(bytes, magic) {
    return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}
/**
 * Parses `.npy` bytes (gzip-compressed or not). `file` names the file in errors: bad magic, unsupported
 * version or dtype (big-endian, bool, strings, objects…), Fortran order, a size that does not match the shape.
 */
function parseNpy(input, file) {
    let bytes = input;
    if (startsWith(bytes, GZIP_MAGIC)) {
        try {
            bytes = (0,node_zlib__WEBPACK_IMPORTED_MODULE_1__.gunzipSync)(bytes, { maxOutputLength: MAX_INFLATED_BYTES });
        }
        catch (e) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, '', `gzip data cannot be decompressed: ${e.message}`);
        }
    }
    if (!startsWith(bytes, MAGIC)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, '', 'not a NumPy .npy file (bad magic)', 'write it with numpy.save (optionally gzip it)');
    }
    const major = bytes[6];
    if (bytes.length < 10 || major < 1 || major > 3)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, '', `unsupported .npy format version ${major}.${bytes[7]}`);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const headerStart = major === 1 ? 10 : 12;
    if (bytes.length < headerStart)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, '', 'truncated .npy header');
    const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
    const dataStart = headerStart + headerLen;
    if (bytes.length < dataStart)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, '', 'truncated .npy header');
    const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(headerStart, dataStart));
    const { descr, fortran, shape } = parseHeader(header, file);
    const type = DESCR[descr];
    if (!type) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, 'descr', `dtype '${descr}' is not supported`, 'supported: uint8 (|u1), little-endian int32 (<i4), int64 (<i8), float32 (<f4), float64 (<f8)');
    }
    if (fortran)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, 'fortran_order', 'Fortran-ordered arrays are not supported', 'save a C-ordered copy: numpy.ascontiguousarray');
    const count = shape.reduce((a, b) => a * b, 1);
    const need = count * type.bytes;
    const have = bytes.length - dataStart;
    if (have !== need) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, '', `data holds ${have} bytes, but shape (${shape.join(', ')}) of ${descr} needs ${need}`);
    }
    if (node_os__WEBPACK_IMPORTED_MODULE_0___default().endianness() !== 'LE')
        throw new Error('internal error: .npy decoding assumes a little-endian host');
    // A fresh copy (Buffer#slice would share memory): aligned for the typed array, exactly sized, and
    // independent of the (possibly pooled) input buffer.
    const raw = new Uint8Array(bytes.subarray(dataStart)).buffer;
    return { dtype: type.dtype, shape, data: typedData(type.dtype, raw, count, file) };
}
function typedData(dtype, raw, count, file) {
    switch (dtype) {
        case 'uint8':
            return new Uint8Array(raw);
        case 'int32':
            return new Int32Array(raw);
        case 'float32':
            return new Float32Array(raw);
        case 'float64':
            return new Float64Array(raw);
        case 'int64': {
            const big = new BigInt64Array(raw);
            const out = new Float64Array(count);
            for (let i = 0; i < count; i++) {
                const v = big[i];
                if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, `[${i}]`, `int64 value ${v} is beyond ±2^53`, 'store smaller integers (int32)');
                }
                out[i] = Number(v);
            }
            return out;
        }
    }
}
function parseHeader(header, file) {
    const descr = /'descr'\s*:\s*'([^']*)'/.exec(header);
    const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header);
    const shape = /'shape'\s*:\s*\(([^)]*)\)/.exec(header);
    if (!descr || !fortran || !shape) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, '', 'malformed .npy header (expected a Python dict with descr, fortran_order and shape)');
    }
    const dims = shape[1]
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0)
        .map((s) => (/^\d+L?$/.test(s) ? Number.parseInt(s, 10) : Number.NaN));
    if (!dims.every(Number.isSafeInteger))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, 'shape', `malformed shape (${shape[1]})`);
    return { descr: descr[1], fortran: fortran[1] === 'True', shape: dims };
}
/**
 * Encodes an array as a version-1 `.npy` (C order, little-endian; header padded to 64 bytes as numpy
 * does). `data.length` must equal the product of `shape`; int64 values must be integers.
 */
function encodeNpy(array) {
    const count = array.shape.reduce((a, b) => a * b, 1);
    if (array.data.length !== count)
        throw new Error(`internal error: ${array.data.length} values for shape (${array.shape.join(', ')})`);
    const shape = array.shape.length === 1 ? `(${array.shape[0]},)` : `(${array.shape.join(', ')})`;
    let header = `{'descr': '${DESCR_OF[array.dtype]}', 'fortran_order': False, 'shape': ${shape}, }`;
    const unpadded = 10 + header.length + 1;
    header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
    let payload;
    if (array.dtype === 'int64') {
        const big = BigInt64Array.from(array.data, (v) => BigInt(v));
        payload = new Uint8Array(big.buffer);
    }
    else {
        const typed = castTo(array.dtype, array.data);
        payload = new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength);
    }
    const out = new Uint8Array(10 + header.length + payload.length);
    out.set(MAGIC, 0);
    out[6] = 1;
    out[7] = 0;
    new DataView(out.buffer).setUint16(8, header.length, true);
    for (let i = 0; i < header.length; i++)
        out[10 + i] = header.charCodeAt(i);
    out.set(payload, 10 + header.length);
    return out;
}
function castTo(dtype, data) {
    const Ctor = { uint8: Uint8Array, int32: Int32Array, float32: Float32Array, float64: Float64Array }[dtype];
    return data instanceof Ctor ? data : Ctor.from(data);
}


/***/ }),

/***/ 5248:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Z2: () => (/* binding */ isOnnxPath),
  $m: () => (/* binding */ loadOnnxModel)
});

// UNUSED EXPORTS: parseOnnx

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/io/files.ts
var io_files = __webpack_require__(3839);
// EXTERNAL MODULE: ./src/io/json.ts
var json = __webpack_require__(3172);
;// CONCATENATED MODULE: ./src/model/onnx/tensor.ts
/** TensorProto.DataType values nax reads. */
const DTYPE = { float: 1, int32: 6, int64: 7, float16: 10, double: 11 };
const BYTES = { 1: 4, 6: 4, 7: 8, 10: 2, 11: 8 };
const NAMES = {
    1: 'float', 2: 'uint8', 3: 'int8', 4: 'uint16', 5: 'int16', 6: 'int32', 7: 'int64', 8: 'string', 9: 'bool',
    10: 'float16', 11: 'double', 12: 'uint32', 13: 'uint64', 16: 'bfloat16',
};
/**
 * Largest tensor nax accepts: 2^26 elements (256 MiB as float32). Our assumption: far above any model a
 * crossbar simulation in CI can handle, low enough that a forged dims field cannot exhaust memory.
 */
const MAX_TENSOR_ELEMENTS = 2 ** 26;
function dtypeName(t) {
    return NAMES[t] ?? `data type ${t}`;
}
/** A tensor problem; from-onnx.ts adds the file and the node. */
class TensorError extends Error {
}
/** Number of elements the dims declare; refuses negative dims and sizes above the cap. */
function elementCount(t) {
    let n = 1;
    for (const d of t.dims) {
        if (!Number.isSafeInteger(d) || d < 0)
            throw new TensorError(`tensor '${t.name}' has dimension ${d}`);
        n *= d;
        if (n > MAX_TENSOR_ELEMENTS)
            throw new TensorError(`tensor '${t.name}' [${t.dims.join(', ')}] has more than ${MAX_TENSOR_ELEMENTS} elements`);
    }
    return n;
}
/**
 * The tensor's values as float64 numbers in a Float64Array (float, double, float16, int32, int64).
 * `external` holds the bytes of an external-data tensor. Throws TensorError when the stored data does not
 * hold exactly the declared number of elements.
 */
function tensorValues(t, external) {
    const n = elementCount(t);
    const size = BYTES[t.dataType];
    if (size === undefined)
        throw new TensorError(`tensor '${t.name}' has type ${dtypeName(t.dataType)} (supported: float, double, float16, int32, int64)`);
    const bytes = t.dataLocation === 1 ? external : t.raw;
    if (bytes !== undefined) {
        if (bytes.length !== n * size) {
            throw new TensorError(`tensor '${t.name}' declares [${t.dims.join(', ')}] = ${n} ${dtypeName(t.dataType)} values ` +
                `(${n * size} bytes) but stores ${bytes.length} bytes`);
        }
        const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        const out = new Float64Array(n);
        for (let i = 0; i < n; i++) {
            switch (t.dataType) {
                case DTYPE.float:
                    out[i] = view.getFloat32(4 * i, true);
                    break;
                case DTYPE.double:
                    out[i] = view.getFloat64(8 * i, true);
                    break;
                case DTYPE.float16:
                    out[i] = half(view.getUint16(2 * i, true));
                    break;
                case DTYPE.int32:
                    out[i] = view.getInt32(4 * i, true);
                    break;
                default: out[i] = bigToNumber(view.getBigInt64(8 * i, true), t.name);
            }
        }
        return out;
    }
    // Typed fields: float16 values are stored as their bit patterns in int32_data (onnx.proto).
    const list = t.dataType === DTYPE.float ? t.floatData
        : t.dataType === DTYPE.double ? t.doubleData
            : t.dataType === DTYPE.int64 ? t.int64Data : t.int32Data;
    if (list.length !== n) {
        throw new TensorError(`tensor '${t.name}' declares [${t.dims.join(', ')}] = ${n} values but stores ${list.length}`);
    }
    return Float64Array.from(list, (v) => (t.dataType === DTYPE.float16 ? half(v) : v));
}
function bigToNumber(v, name) {
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER))
        throw new TensorError(`tensor '${name}' holds ${v}, beyond ±2^53`);
    return Number(v);
}
/** IEEE 754 binary16 → number. */
function half(bits) {
    const sign = bits & 0x8000 ? -1 : 1;
    const exp = (bits >> 10) & 0x1f;
    const frac = bits & 0x3ff;
    if (exp === 0)
        return sign * frac * 2 ** -24;
    if (exp === 31)
        return frac ? NaN : sign * Infinity;
    return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

;// CONCATENATED MODULE: ./src/model/onnx/from-onnx.ts
/**
 * Converts a decoded ONNX model into nax's NetworkGraph, the same structure graphFromModel builds from a
 * tfjs model: Conv/Gemm/MatMul become matrix nodes with BatchNormalization folded in, a following bias Add
 * merged and a following activation fused; everything else becomes a float glue node.
 *
 * Layout: ONNX tensors are NCHW, nax's are NHWC. Weights are transposed once here:
 *   Conv W[cout, cin, kh, kw]  → rows (kh, kw, cin) × cols cout;   Gemm/MatMul B[k, n] → rows k × cols n.
 * A Flatten of an image [C, H, W] yields ONNX features in (c, h, w) order, nax's in (h, w, c) order; the
 * permutation is carried with the flat value (Val.perm) and applied to the rows of the Gemm/MatMul that
 * consumes it (and to a BatchNormalization on it), so the network computes the same logits.
 *
 * Padding: pads that equal tfjs 'same' (for the strides and sizes at hand) or are all zero map to 'same' /
 * 'valid'; any other Conv pads (PyTorch's stride-2 convolutions pad both sides equally, 'same' does not)
 * become a zero PadNode before a 'valid' convolution. Pooling pads must be 'same' or zero.
 *
 * Layer names are the ONNX node names (a node without a name is called `<op_type>_<index>`).
 */


/** Operator types graphFromOnnx understands (default domain). */
const SUPPORTED_ONNX_OPS = [
    'Conv', 'Gemm', 'MatMul', 'Add', 'BatchNormalization', 'Relu', 'Clip', 'Sigmoid', 'Tanh', 'Softmax',
    'MaxPool', 'AveragePool', 'GlobalAveragePool', 'Flatten', 'Reshape', 'Pad', 'Identity', 'Dropout', 'Constant',
];
/** Default-domain opsets accepted. The supported ops keep their meaning over this range (tested: 13, 17). */
const OPSET_MIN = 9;
const OPSET_MAX = 21;
/**
 * Builds the NetworkGraph of `model`. `file` names the .onnx file in errors, whose field is
 * `graph.node[i]` (or `graph.input`, `graph.output`); `external` maps initializer names to the bytes the
 * loader read from their external-data files.
 */
function graphFromOnnx(model, file, external = new Map()) {
    return new Converter(model, file, external).run();
}
class Converter {
    model;
    file;
    external;
    nodes = [];
    byName = new Map();
    vals = new Map();
    consts = new Map();
    consumers = new Map();
    taken = new Set();
    opset;
    constructor(model, file, external) {
        this.model = model;
        this.file = file;
        this.external = external;
        const ops = model.opsets.filter((o) => o.domain === '' || o.domain === 'ai.onnx');
        if (ops.length !== 1)
            throw new errors/* NaxUserError */.b(file, 'opset_import', 'no opset of the default ONNX domain', 'export with torch.onnx.export');
        this.opset = ops[0].version;
        if (this.opset < OPSET_MIN || this.opset > OPSET_MAX) {
            throw new errors/* NaxUserError */.b(file, 'opset_import', `opset ${this.opset} is not supported`, `supported: opsets ${OPSET_MIN}–${OPSET_MAX}`);
        }
    }
    run() {
        const { graph } = this.model;
        const file = this.file;
        for (const t of graph.initializers)
            this.consts.set(t.name, { tensor: t });
        const inputs = graph.inputs.filter((v) => !this.consts.has(v.name));
        if (inputs.length !== 1 || graph.outputs.length !== 1) {
            throw new errors/* NaxUserError */.b(file, 'graph', `the graph has ${inputs.length} inputs and ${graph.outputs.length} outputs`, 'nax simulates classifiers with one image input and one output');
        }
        const input = inputs[0];
        const d = input.dims ?? [];
        if (input.elemType !== 1 || d.length !== 4 || !d.slice(1).every((x) => typeof x === 'number' && x > 0)) {
            throw new errors/* NaxUserError */.b(file, 'graph.input', `input '${input.name}' is [${d.map((x) => x ?? '?').join(', ')}] of ${input.elemType === 1 ? 'float' : `type ${input.elemType}`}`, 'nax needs a float image input [batch, channels, height, width] with fixed channels, height and width');
        }
        const [c, h, w] = d.slice(1);
        this.vals.set(input.name, { node: input.name, exclusive: true, shape: [c, h, w] });
        this.taken.add(input.name);
        for (const n of graph.nodes)
            for (const x of n.inputs)
                if (x !== '')
                    this.consumers.set(x, (this.consumers.get(x) ?? 0) + 1);
        const outName = graph.outputs[0].name;
        this.consumers.set(outName, (this.consumers.get(outName) ?? 0) + 1);
        graph.nodes.forEach((n, i) => this.convert(n, i, this.nodeName(n, i)));
        const out = this.vals.get(outName);
        if (!out)
            throw new errors/* NaxUserError */.b(file, 'graph.output', `output '${outName}' is not computed by any node`);
        if (out.shape.length !== 1 || (out.perm && out.perm.some((p, r) => p !== r))) {
            throw new errors/* NaxUserError */.b(file, 'graph.output', `output '${outName}' has shape [${out.shape.join(', ')}] per image`, 'nax needs class scores [classes]; end the model with a Gemm/Linear layer');
        }
        return Object.freeze({
            input: input.name,
            inputShape: Object.freeze([h, w, c]),
            nodes: Object.freeze(this.nodes.map((n) => Object.freeze(n))),
            output: out.node,
        });
    }
    nodeName(n, i) {
        const name = n.name !== '' ? n.name : `${n.opType}_${i}`;
        if (this.taken.has(name))
            throw new errors/* NaxUserError */.b(this.file, `graph.node[${i}]`, `node name '${name}' is used twice`, 'give every node a unique name');
        this.taken.add(name);
        return name;
    }
    fail(i, n, name, message, hint) {
        return new errors/* NaxUserError */.b(this.file, `graph.node[${i}]`, `${n.opType} '${name}': ${message}`, hint);
    }
    convert(n, i, name) {
        const supported = SUPPORTED_ONNX_OPS.includes(n.opType);
        if ((n.domain !== '' && n.domain !== 'ai.onnx') || !supported) {
            throw new errors/* NaxUserError */.b(this.file, `graph.node[${i}]`, `node '${name}' of op type '${n.domain ? `${n.domain}.` : ''}${n.opType}' (opset ${this.opset}) is not supported`, `supported: ${SUPPORTED_ONNX_OPS.join(', ')}`);
        }
        const ctx = { n, i, name };
        switch (n.opType) {
            case 'Constant': return this.constant(ctx);
            case 'Identity':
            case 'Dropout': return this.identity(ctx);
            case 'Conv': return this.conv(ctx);
            case 'Gemm': return this.gemm(ctx);
            case 'MatMul': return this.matmul(ctx);
            case 'Add': return this.addOp(ctx);
            case 'BatchNormalization': return this.batchNorm(ctx);
            case 'Relu': return this.activation(ctx, 'relu');
            case 'Sigmoid': return this.activation(ctx, 'sigmoid');
            case 'Tanh': return this.activation(ctx, 'tanh');
            case 'Clip': return this.activation(ctx, this.clip(ctx));
            case 'Softmax': return this.softmax(ctx);
            case 'MaxPool':
            case 'AveragePool': return this.pool(ctx);
            case 'GlobalAveragePool': {
                const x = this.image(ctx, 0);
                this.add(ctx, { op: 'globalAvgPool', name, input: x.node }, [x.shape[0]]);
                return;
            }
            case 'Flatten': {
                const axis = this.intAttr(ctx, 'axis', 1);
                if (axis !== 1)
                    throw this.fail(i, n, name, `flattens from axis ${axis}`, 'supported: axis 1 (keep the batch axis)');
                return this.flatten(ctx);
            }
            case 'Reshape': return this.reshape(ctx);
            case 'Pad': return this.pad(ctx);
        }
    }
    // ---- inputs, constants, attributes ----
    val(ctx, k) {
        const x = ctx.n.inputs[k];
        if (x === undefined || x === '')
            throw this.fail(ctx.i, ctx.n, ctx.name, `input ${k} is missing`);
        const v = this.vals.get(x);
        if (v)
            return v;
        if (this.consts.has(x)) {
            throw this.fail(ctx.i, ctx.n, ctx.name, `input ${k} '${x}' is a constant`, 'nax supports constants only as weights, biases and shapes');
        }
        throw this.fail(ctx.i, ctx.n, ctx.name, `input '${x}' is not produced by an earlier node`, 'the nodes must be in topological order');
    }
    image(ctx, k) {
        const v = this.val(ctx, k);
        if (v.shape.length !== 3) {
            throw this.fail(ctx.i, ctx.n, ctx.name, `needs an image input [C, H, W], got [${v.shape.join(', ')}]`);
        }
        return v;
    }
    isConst(ctx, k) {
        const x = ctx.n.inputs[k];
        return x !== undefined && x !== '' && this.consts.has(x);
    }
    /** A constant input's dims and values, checked finite; undefined when the optional input is absent. */
    constInput(ctx, k, what, optional = false) {
        const x = ctx.n.inputs[k];
        if (x === undefined || x === '') {
            if (optional)
                return undefined;
            throw this.fail(ctx.i, ctx.n, ctx.name, `has no ${what}`);
        }
        const c = this.consts.get(x);
        if (!c)
            throw this.fail(ctx.i, ctx.n, ctx.name, `${what} '${x}' is not a constant (initializer or Constant node)`, 'nax reads weights from initializers');
        if (!c.values) {
            try {
                c.values = tensorValues(c.tensor, this.external.get(c.tensor.name));
            }
            catch (e) {
                if (e instanceof TensorError)
                    throw this.fail(ctx.i, ctx.n, ctx.name, `${what}: ${e.message}`, 're-export the model');
                throw e;
            }
            const bad = c.values.findIndex((v) => !Number.isFinite(v));
            if (bad >= 0) {
                throw this.fail(ctx.i, ctx.n, ctx.name, `${what} '${x}' holds a non-finite value (NaN or ±Inf) at flat index ${bad}`, 'retrain or re-export the model');
            }
        }
        return { dims: c.tensor.dims, values: c.values };
    }
    attr(ctx, key) {
        return ctx.n.attributes.find((a) => a.name === key);
    }
    intAttr(ctx, key, fallback) {
        return this.attr(ctx, key)?.i ?? fallback;
    }
    floatAttr(ctx, key, fallback) {
        return this.attr(ctx, key)?.f ?? fallback;
    }
    intsAttr(ctx, key, fallback) {
        const a = this.attr(ctx, key);
        return a && a.ints.length > 0 ? a.ints : fallback;
    }
    stringAttr(ctx, key, fallback) {
        const s = this.attr(ctx, key)?.s;
        return s ? new TextDecoder().decode(s) : fallback;
    }
    /** Refuses a node whose extra outputs (Dropout mask, MaxPool indices, BN training statistics) are used. */
    onlyFirstOutput(ctx) {
        const used = ctx.n.outputs.slice(1).find((o) => o !== '' && this.consumers.has(o));
        if (used)
            throw this.fail(ctx.i, ctx.n, ctx.name, `output '${used}' is used`, 'nax computes inference graphs; only the first output may be used');
    }
    // ---- graph building ----
    freshName(base) {
        let name = base;
        for (let k = 1; this.taken.has(name); k++)
            name = `${base}_${k}`;
        this.taken.add(name);
        return name;
    }
    add(ctx, node, shape, perm) {
        const draft = { ...node };
        this.nodes.push(draft);
        this.byName.set(node.name, draft);
        if (ctx.n.outputs[0])
            this.vals.set(ctx.n.outputs[0], { node: node.name, exclusive: true, shape, ...(perm ? { perm } : {}) });
    }
    /** The node's first output is the value of its first input (nothing added to the graph). */
    alias(ctx, v) {
        const from = ctx.n.inputs[0];
        this.vals.set(ctx.n.outputs[0], { ...v, exclusive: v.exclusive && this.consumers.get(from) === 1 });
    }
    /** The graph node holding input k's value, if this node may fold or fuse into it. */
    mergeTarget(ctx, k, v) {
        if (!v.exclusive || this.consumers.get(ctx.n.inputs[k]) !== 1)
            return undefined;
        return this.byName.get(v.node);
    }
    // ---- operators ----
    constant(ctx) {
        const a = ctx.n.attributes[0];
        let tensor = a?.t;
        if (!tensor && a && (a.name === 'value_ints' || a.name === 'value_int' || a.name === 'value_floats' || a.name === 'value_float')) {
            const list = a.name === 'value_ints' ? a.ints : a.name === 'value_int' ? [a.i ?? 0] : a.name === 'value_floats' ? a.floats : [a.f ?? 0];
            const isInt = a.name.startsWith('value_int');
            tensor = {
                name: ctx.n.outputs[0], dims: a.name.endsWith('s') ? [list.length] : [], dataType: isInt ? 7 : 1,
                floatData: isInt ? [] : list, int32Data: [], int64Data: isInt ? list : [], doubleData: [], external: new Map(), dataLocation: 0,
            };
        }
        if (!tensor)
            throw this.fail(ctx.i, ctx.n, ctx.name, `value of kind '${a?.name ?? 'none'}' is not supported`, 'supported: value, value_ints, value_floats');
        this.consts.set(ctx.n.outputs[0], { tensor: { ...tensor, name: tensor.name || ctx.n.outputs[0] } });
    }
    identity(ctx) {
        this.onlyFirstOutput(ctx);
        const x = ctx.n.inputs[0];
        const c = x ? this.consts.get(x) : undefined;
        if (c) {
            this.consts.set(ctx.n.outputs[0], c);
            return;
        }
        this.alias(ctx, this.val(ctx, 0));
    }
    conv(ctx) {
        const { n, i, name } = ctx;
        const x = this.image(ctx, 0);
        const [cin, inH, inW] = x.shape;
        const W = this.constInput(ctx, 1, 'weight');
        if (W.dims.length !== 4)
            throw this.fail(i, n, name, `weight is [${W.dims.join(', ')}]`, 'supported: 2-D convolution, weight [Cout, Cin, kH, kW]');
        const [cout, cinG, kh, kw] = W.dims;
        const group = this.intAttr(ctx, 'group', 1);
        if (group !== 1) {
            throw this.fail(i, n, name, group === cin && cinG === 1 ? `is a depthwise convolution (group ${group})` : `is a grouped convolution (group ${group})`, 'supported: group 1 (a crossbar holds a dense weight matrix)');
        }
        if (cinG !== cin)
            throw this.fail(i, n, name, `weight [${W.dims.join(', ')}] expects ${cinG} input channels, its input has ${cin}`, 're-export the model');
        const kernel = this.intsAttr(ctx, 'kernel_shape', [kh, kw]);
        if (kernel.length !== 2 || kernel[0] !== kh || kernel[1] !== kw)
            throw this.fail(i, n, name, `kernel_shape [${kernel.join(', ')}] does not match the weight [${W.dims.join(', ')}]`);
        const dil = this.intsAttr(ctx, 'dilations', [1, 1]);
        if (dil.some((v) => v !== 1))
            throw this.fail(i, n, name, `is dilated [${dil.join(', ')}]`, 'supported: dilation 1');
        const [sh, sw] = this.pair(ctx, 'strides');
        const [pt, pl, pb, pr] = this.pads(ctx, [inH, inW], [kh, kw], [sh, sw]);
        const outH = Math.floor((inH + pt + pb - kh) / sh) + 1;
        const outW = Math.floor((inW + pl + pr - kw) / sw) + 1;
        if (outH < 1 || outW < 1)
            throw this.fail(i, n, name, `a ${kh}×${kw} kernel does not fit its ${inH}×${inW} input`);
        let input = x.node;
        let padding = 'valid';
        let [h, w] = [inH, inW];
        if (pt + pl + pb + pr > 0) {
            if (isSame([inH, inW], [kh, kw], [sh, sw], [pt, pl], [outH, outW])) {
                padding = 'same';
            }
            else {
                const pad = { op: 'pad', name: this.freshName(`${name}/pad`), input, top: pt, bottom: pb, left: pl, right: pr };
                this.nodes.push(pad);
                this.byName.set(pad.name, pad);
                input = pad.name;
                [h, w] = [inH + pt + pb, inW + pl + pr];
            }
        }
        // W[co][ci][y][x] → rows (y, x, ci), cols co.
        const weights = new Float32Array(kh * kw * cin * cout);
        for (let co = 0; co < cout; co++) {
            for (let ci = 0; ci < cin; ci++) {
                for (let y = 0; y < kh; y++) {
                    for (let xx = 0; xx < kw; xx++)
                        weights[((y * kw + xx) * cin + ci) * cout + co] = W.values[((co * cin + ci) * kh + y) * kw + xx];
                }
            }
        }
        const bias = this.vector(ctx, 2, 'bias', cout, true);
        const shape = {
            name, kind: 'conv2d', kernelH: kh, kernelW: kw, inChannels: cin, outChannels: cout, outH, outW, strideH: sh, strideW: sw, inH: h, inW: w,
        };
        const node = { op: 'matrix', name, input, shape, weights, bias, padding, activation: 'linear' };
        this.add(ctx, node, [cout, outH, outW]);
    }
    /** A 1-D constant of `length` values (absent optional input → zeros). */
    vector(ctx, k, what, length, optional) {
        const c = this.constInput(ctx, k, what, optional);
        if (!c)
            return new Float32Array(length);
        if (c.values.length !== length)
            throw this.fail(ctx.i, ctx.n, ctx.name, `${what} has ${c.values.length} values, expected ${length}`, 're-export the model');
        return Float32Array.from(c.values);
    }
    pair(ctx, key) {
        const v = this.intsAttr(ctx, key, [1, 1]);
        if (v.length !== 2 || v.some((x) => !Number.isInteger(x) || x < 1))
            throw this.fail(ctx.i, ctx.n, ctx.name, `${key} [${v.join(', ')}]`, 'expected two positive integers');
        return [v[0], v[1]];
    }
    /** Pads [top, left, bottom, right] from `pads` or `auto_pad`. */
    pads(ctx, size, k, s) {
        const auto = this.stringAttr(ctx, 'auto_pad', 'NOTSET');
        if (auto === 'VALID')
            return [0, 0, 0, 0];
        if (auto === 'SAME_UPPER' || auto === 'SAME_LOWER') {
            const t = [0, 1].map((a) => Math.max((Math.ceil(size[a] / s[a]) - 1) * s[a] + k[a] - size[a], 0));
            const begin = t.map((x) => (auto === 'SAME_UPPER' ? Math.floor(x / 2) : Math.ceil(x / 2)));
            return [begin[0], begin[1], t[0] - begin[0], t[1] - begin[1]];
        }
        if (auto !== 'NOTSET')
            throw this.fail(ctx.i, ctx.n, ctx.name, `auto_pad '${auto}'`, 'supported: NOTSET, VALID, SAME_UPPER, SAME_LOWER');
        const p = this.intsAttr(ctx, 'pads', [0, 0, 0, 0]);
        if (p.length !== 4 || p.some((x) => !Number.isInteger(x) || x < 0))
            throw this.fail(ctx.i, ctx.n, ctx.name, `pads [${p.join(', ')}]`, 'expected four non-negative integers');
        return [p[0], p[1], p[2], p[3]];
    }
    gemm(ctx) {
        const { n, i, name } = ctx;
        if (this.intAttr(ctx, 'transA', 0) !== 0)
            throw this.fail(i, n, name, 'transposes its input (transA = 1)', 'supported: transA 0');
        const alpha = this.floatAttr(ctx, 'alpha', 1);
        const beta = this.floatAttr(ctx, 'beta', 1);
        const transB = this.intAttr(ctx, 'transB', 0) === 1;
        const x = this.val(ctx, 0);
        const B = this.constInput(ctx, 1, 'weight');
        if (B.dims.length !== 2)
            throw this.fail(i, n, name, `weight is [${B.dims.join(', ')}]`, 'expected a matrix');
        const [kIn, nOut] = transB ? [B.dims[1], B.dims[0]] : [B.dims[0], B.dims[1]];
        const at = (k, j) => (transB ? B.values[j * kIn + k] : B.values[k * nOut + j]);
        const C = this.constInput(ctx, 2, 'bias', true);
        let bias = new Float32Array(nOut);
        if (C) {
            if (C.values.length !== nOut && C.values.length !== 1)
                throw this.fail(i, n, name, `bias has ${C.values.length} values, expected ${nOut}`, 're-export the model');
            bias = Float32Array.from({ length: nOut }, (_, j) => beta * C.values[C.values.length === 1 ? 0 : j]);
        }
        this.dense(ctx, x, kIn, nOut, (k, j) => alpha * at(k, j), bias);
    }
    matmul(ctx) {
        const x = this.val(ctx, 0);
        const B = this.constInput(ctx, 1, 'weight');
        if (B.dims.length !== 2)
            throw this.fail(ctx.i, ctx.n, ctx.name, `weight is [${B.dims.join(', ')}]`, 'supported: a constant matrix [K, N] as the second input');
        const [kIn, nOut] = B.dims;
        this.dense(ctx, x, kIn, nOut, (k, j) => B.values[k * nOut + j], new Float32Array(nOut));
    }
    /** A dense matrix node y = x·W + b over flat features; W(k, j) in ONNX feature order. */
    dense(ctx, x, kIn, nOut, W, bias) {
        if (x.shape.length !== 1) {
            throw this.fail(ctx.i, ctx.n, ctx.name, `needs flat features [K], got [${x.shape.join(', ')}]`, 'flatten the feature map first (torch.flatten / nn.Flatten)');
        }
        if (x.shape[0] !== kIn)
            throw this.fail(ctx.i, ctx.n, ctx.name, `weight expects ${kIn} input features, its input has ${x.shape[0]}`, 're-export the model');
        const weights = new Float32Array(kIn * nOut);
        for (let r = 0; r < kIn; r++) {
            const k = x.perm ? x.perm[r] : r;
            for (let j = 0; j < nOut; j++)
                weights[r * nOut + j] = W(k, j);
        }
        const shape = {
            name: ctx.name, kind: 'dense', kernelH: 1, kernelW: 1, inChannels: kIn, outChannels: nOut, outH: 1, outW: 1, strideH: 1, strideW: 1, inH: 1, inW: 1,
        };
        const node = { op: 'matrix', name: ctx.name, input: x.node, shape, weights, bias, padding: 'valid', activation: 'linear' };
        this.add(ctx, node, [nOut]);
    }
    addOp(ctx) {
        const { n, i, name } = ctx;
        if (n.inputs.length !== 2)
            throw this.fail(i, n, name, `has ${n.inputs.length} inputs, expected 2`);
        const ci = [0, 1].filter((k) => this.isConst(ctx, k));
        if (ci.length === 2)
            throw this.fail(i, n, name, 'adds two constants', 'fold constants before export (do_constant_folding=True)');
        if (ci.length === 1)
            return this.biasAdd(ctx, 1 - ci[0], ci[0]);
        const a = this.val(ctx, 0);
        const b = this.val(ctx, 1);
        const same = a.shape.join() === b.shape.join() && (a.perm ?? []).join() === (b.perm ?? []).join();
        if (!same) {
            throw this.fail(i, n, name, `adds shapes [${a.shape.join(', ')}] and [${b.shape.join(', ')}]`, 'supported: inputs of equal shape (no broadcasting)');
        }
        this.add(ctx, { op: 'add', name, inputs: [a.node, b.node], activation: 'linear' }, a.shape, a.perm);
    }
    /** x + constant: merged into the bias of the matrix node computing x (MatMul + Add is how Linear exports without Gemm). */
    biasAdd(ctx, kx, kc) {
        const x = this.val(ctx, kx);
        const c = this.constInput(ctx, kc, 'addend');
        const target = this.mergeTarget(ctx, kx, x);
        const channels = x.shape[0];
        // Broadcast per channel: [C], [1, C] (features) or [C, 1, 1], [1, C, 1, 1] (images); or a scalar.
        const dims = [...c.dims];
        while (dims.length > x.shape.length && dims[0] === 1)
            dims.shift();
        const perChannel = c.values.length === 1 || (dims[0] === channels && dims.slice(1).every((d) => d === 1) && dims.length === x.shape.length);
        if (target?.op !== 'matrix' || target.activation !== 'linear' || !perChannel) {
            throw this.fail(ctx.i, ctx.n, ctx.name, `adds a constant [${c.dims.join(', ')}] to '${ctx.n.inputs[kx]}'`, 'supported: a per-channel constant added to the output of a Conv, Gemm or MatMul (its bias)');
        }
        target.bias = Float32Array.from(target.bias, (b, k) => b + c.values[c.values.length === 1 ? 0 : k]);
        this.vals.set(ctx.n.outputs[0], { ...x, exclusive: x.exclusive && this.consumers.get(ctx.n.inputs[kx]) === 1 });
    }
    batchNorm(ctx) {
        const { n, i, name } = ctx;
        if (this.intAttr(ctx, 'training_mode', 0) !== 0)
            throw this.fail(i, n, name, 'is in training mode', 'export the model in eval mode (model.eval())');
        this.onlyFirstOutput(ctx);
        const x = this.val(ctx, 0);
        const c = x.shape[0];
        const eps = this.floatAttr(ctx, 'epsilon', 1e-5);
        const gamma = this.vector(ctx, 1, 'scale', c, false);
        const beta = this.vector(ctx, 2, 'bias (B)', c, false);
        const mean = this.vector(ctx, 3, 'running mean', c, false);
        const variance = this.vector(ctx, 4, 'running variance', c, false);
        // Float64 for the fold itself (s = γ/√(var + ε)), stored as float32 like every weight.
        const s = Array.from({ length: c }, (_, k) => gamma[k] / Math.sqrt(variance[k] + eps));
        const target = this.mergeTarget(ctx, 0, x);
        if (target?.op === 'matrix' && target.activation === 'linear') {
            const cols = target.shape.outChannels;
            const w = target.weights;
            target.weights = Float32Array.from(w, (v, idx) => v * s[idx % cols]);
            target.bias = Float32Array.from({ length: cols }, (_, k) => (target.bias[k] - mean[k]) * s[k] + beta[k]);
            this.alias(ctx, x);
            return;
        }
        // nax channel order: images are NHWC, so channel k is ONNX channel k; flat features follow perm.
        const at = (r) => (x.perm && x.shape.length === 1 ? x.perm[r] : r);
        const node = {
            op: 'affine', name, input: x.node,
            scale: Float32Array.from({ length: c }, (_, r) => s[at(r)]),
            offset: Float32Array.from({ length: c }, (_, r) => beta[at(r)] - mean[at(r)] * s[at(r)]),
        };
        this.add(ctx, node, x.shape, x.perm);
    }
    clip(ctx) {
        let lo = -Infinity;
        let hi = Infinity;
        if (this.opset < 11) {
            lo = this.floatAttr(ctx, 'min', lo);
            hi = this.floatAttr(ctx, 'max', hi);
        }
        else {
            const bound = (k, what) => {
                const c = this.constInput(ctx, k, what, true);
                if (c && c.values.length !== 1)
                    throw this.fail(ctx.i, ctx.n, ctx.name, `${what} has ${c.values.length} values`, 'expected a scalar');
                return c?.values[0];
            };
            lo = bound(1, 'min') ?? lo;
            hi = bound(2, 'max') ?? hi;
        }
        if (lo === 0 && hi === 6)
            return 'relu6';
        if (lo === 0 && hi === Infinity)
            return 'relu';
        throw this.fail(ctx.i, ctx.n, ctx.name, `clips to [${lo}, ${hi}]`, 'supported: [0, 6] (ReLU6) and [0, ∞) (ReLU)');
    }
    softmax(ctx) {
        const x = this.val(ctx, 0);
        const axis = this.intAttr(ctx, 'axis', this.opset < 13 ? 1 : -1);
        if (x.shape.length !== 1 || (axis !== 1 && axis !== -1)) {
            throw this.fail(ctx.i, ctx.n, ctx.name, `softmax over axis ${axis} of [${x.shape.join(', ')}]`, 'supported: the class axis of [batch, classes]');
        }
        this.activation(ctx, 'softmax');
    }
    activation(ctx, activation) {
        const x = this.val(ctx, 0);
        const target = this.mergeTarget(ctx, 0, x);
        if ((target?.op === 'matrix' || target?.op === 'add') && target.activation === 'linear') {
            target.activation = activation;
            this.alias(ctx, x);
            return;
        }
        this.add(ctx, { op: 'activation', name: ctx.name, input: x.node, activation }, x.shape, x.perm);
    }
    pool(ctx) {
        const { n, i, name } = ctx;
        this.onlyFirstOutput(ctx);
        const x = this.image(ctx, 0);
        const [, inH, inW] = x.shape;
        const kernel = this.intsAttr(ctx, 'kernel_shape', []);
        if (kernel.length !== 2 || kernel.some((v) => v < 1))
            throw this.fail(i, n, name, `kernel_shape [${kernel.join(', ')}]`, 'supported: 2-D pooling');
        const [kh, kw] = kernel;
        const [sh, sw] = this.pair(ctx, 'strides');
        if (this.intsAttr(ctx, 'dilations', [1, 1]).some((v) => v !== 1))
            throw this.fail(i, n, name, 'is dilated', 'supported: dilation 1');
        const [pt, pl, pb, pr] = this.pads(ctx, [inH, inW], [kh, kw], [sh, sw]);
        const ceil = this.intAttr(ctx, 'ceil_mode', 0) === 1;
        const size = (len, p, k, s) => (ceil ? Math.ceil : Math.floor)((len + p - k) / s) + 1;
        const outH = size(inH, pt + pb, kh, sh);
        const outW = size(inW, pl + pr, kw, sw);
        if (ceil && (outH !== Math.floor((inH + pt + pb - kh) / sh) + 1 || outW !== Math.floor((inW + pl + pr - kw) / sw) + 1)) {
            throw this.fail(i, n, name, 'uses ceil_mode and its windows overhang the input', 'supported: ceil_mode 0');
        }
        let padding = 'valid';
        if (pt + pl + pb + pr > 0) {
            const includePad = n.opType === 'AveragePool' && this.intAttr(ctx, 'count_include_pad', 0) === 1;
            if (includePad || !isSame([inH, inW], [kh, kw], [sh, sw], [pt, pl], [outH, outW])) {
                throw this.fail(i, n, name, `pads [${[pt, pl, pb, pr].join(', ')}]${includePad ? ' with count_include_pad' : ''}`, "supported: no padding, or padding equal to TensorFlow's 'same' (pad the input with a Pad node instead)");
            }
            padding = 'same';
        }
        const node = { op: n.opType === 'MaxPool' ? 'maxPool' : 'avgPool', name, input: x.node, poolH: kh, poolW: kw, strideH: sh, strideW: sw, padding };
        this.add(ctx, node, [x.shape[0], outH, outW]);
    }
    /** An image [C, H, W] to features in nax's (h, w, c) order, remembering ONNX's (c, h, w) order. */
    flatten(ctx) {
        const x = this.val(ctx, 0);
        if (x.shape.length === 1)
            return this.alias(ctx, x);
        const [c, h, w] = x.shape;
        let perm;
        if (h * w > 1) {
            perm = new Int32Array(c * h * w);
            for (let y = 0; y < h; y++)
                for (let xx = 0; xx < w; xx++)
                    for (let k = 0; k < c; k++)
                        perm[(y * w + xx) * c + k] = (k * h + y) * w + xx;
        }
        this.add(ctx, { op: 'flatten', name: ctx.name, input: x.node }, [c * h * w], perm);
    }
    reshape(ctx) {
        const { n, i, name } = ctx;
        const x = this.val(ctx, 0);
        if (!this.isConst(ctx, 1)) {
            throw this.fail(i, n, name, 'reshapes to a computed shape', 'export with a fixed batch size or use torch.flatten / nn.Flatten');
        }
        const target = Array.from(this.constInput(ctx, 1, 'shape').values);
        const features = x.shape.reduce((a, b) => a * b, 1);
        const flat = target.length === 2 && (target[1] === -1 || target[1] === features) && (target[0] === -1 ? target[1] === features : target[0] >= 0);
        if (!flat) {
            throw this.fail(i, n, name, `reshapes [${x.shape.join(', ')}] to [${target.join(', ')}]`, 'supported: a flatten to [batch, features]');
        }
        this.flatten(ctx);
    }
    pad(ctx) {
        const { n, i, name } = ctx;
        const x = this.image(ctx, 0);
        const mode = this.stringAttr(ctx, 'mode', 'constant');
        const pads = this.opset < 11 ? this.intsAttr(ctx, 'pads', []) : Array.from(this.constInput(ctx, 1, 'pads').values);
        const value = this.opset < 11 ? this.floatAttr(ctx, 'value', 0) : (this.constInput(ctx, 2, 'constant value', true)?.values[0] ?? 0);
        if (n.inputs[3])
            throw this.fail(i, n, name, 'pads selected axes', 'supported: pads for all four axes');
        // [N, C, H, W] begins then ends.
        if (mode !== 'constant' || value !== 0 || pads.length !== 8 || [0, 1, 4, 5].some((k) => pads[k] !== 0) || pads.some((p) => p < 0)) {
            throw this.fail(i, n, name, `mode '${mode}', value ${value}, pads [${pads.join(', ')}]`, 'supported: zero padding of height and width');
        }
        const [top, left, bottom, right] = [pads[2], pads[3], pads[6], pads[7]];
        const [c, h, w] = x.shape;
        this.add(ctx, { op: 'pad', name, input: x.node, top, bottom, left, right }, [c, h + top + bottom, w + left + right]);
    }
}
/**
 * Whether explicit pads compute what tfjs 'same' computes: the same output size and the same padding in
 * front (pads behind that no window reaches do not matter).
 */
function isSame(size, k, s, begin, out) {
    return [0, 1].every((a) => {
        const outSame = Math.ceil(size[a] / s[a]);
        const total = Math.max((outSame - 1) * s[a] + k[a] - size[a], 0);
        return out[a] === outSame && begin[a] === Math.floor(total / 2);
    });
}

;// CONCATENATED MODULE: ./src/model/onnx/wire.ts
/**
 * A bounds-checked reader of the protocol buffers wire format (https://protobuf.dev/programming-guides/encoding/),
 * just enough to decode the ONNX ModelProto subset nax needs (proto.ts). Every read checks the remaining
 * length first, so a truncated or corrupted file ends in a WireError naming the byte offset, never in an
 * out-of-bounds read or a huge allocation.
 */
/** Wire types (protobuf encoding guide, "Message Structure"). */
const WIRE = { varint: 0, i64: 1, len: 2, sgroup: 3, egroup: 4, i32: 5 };
/** Malformed protobuf bytes; the loader turns it into a NaxUserError naming the file. */
class WireError extends Error {
}
class WireReader {
    buf;
    pos;
    end;
    constructor(buf, start = 0, end = buf.length) {
        this.buf = buf;
        this.pos = start;
        this.end = end;
    }
    /** Absolute offset of the next byte (for messages). */
    get offset() {
        return this.pos;
    }
    done() {
        return this.pos >= this.end;
    }
    /** The next field key; field numbers are ≥ 1 and wire types 0–5. */
    key() {
        const at = this.pos;
        const k = this.varint();
        const number = Math.floor(k / 8);
        const wireType = k % 8;
        if (number < 1 || wireType > 5)
            throw new WireError(`invalid field key at byte ${at}`);
        return { number, wireType };
    }
    /**
     * An unsigned varint as a JS number. Values above 2^53 (never meaningful for the sizes, counts and
     * enums nax reads) are refused rather than silently rounded; negative int64 (10-byte two's complement)
     * comes back through `int64()`.
     */
    varint() {
        let result = 0;
        let scale = 1;
        for (let i = 0; i < 10; i++) {
            if (this.pos >= this.end)
                throw new WireError(`truncated varint at byte ${this.pos}`);
            const b = this.buf[this.pos++];
            result += (b & 0x7f) * scale;
            if ((b & 0x80) === 0)
                return result;
            scale *= 128;
        }
        throw new WireError(`varint longer than 10 bytes at byte ${this.pos}`);
    }
    /** A signed int64 (two's complement in a varint); must fit in a safe JS integer. */
    int64() {
        const at = this.pos;
        let lo = 0n;
        let shift = 0n;
        for (let i = 0; i < 10; i++) {
            if (this.pos >= this.end)
                throw new WireError(`truncated varint at byte ${this.pos}`);
            const b = this.buf[this.pos++];
            lo |= BigInt(b & 0x7f) << shift;
            if ((b & 0x80) === 0) {
                const v = BigInt.asIntN(64, lo);
                if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
                    throw new WireError(`integer ${v} at byte ${at} is beyond ±2^53`);
                }
                return Number(v);
            }
            shift += 7n;
        }
        throw new WireError(`varint longer than 10 bytes at byte ${at}`);
    }
    float32() {
        this.need(4);
        const v = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, 4).getFloat32(0, true);
        this.pos += 4;
        return v;
    }
    float64() {
        this.need(8);
        const v = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, 8).getFloat64(0, true);
        this.pos += 8;
        return v;
    }
    /** A length-delimited field's bytes, as a view (no copy). */
    bytes() {
        const n = this.varint();
        this.need(n);
        const v = this.buf.subarray(this.pos, this.pos + n);
        this.pos += n;
        return v;
    }
    string() {
        try {
            return new TextDecoder('utf-8', { fatal: true }).decode(this.bytes());
        }
        catch (e) {
            if (e instanceof WireError)
                throw e;
            throw new WireError(`invalid UTF-8 string before byte ${this.pos}`);
        }
    }
    /** A length-delimited sub-message as its own reader. */
    message() {
        const n = this.varint();
        this.need(n);
        const r = new WireReader(this.buf, this.pos, this.pos + n);
        this.pos += n;
        return r;
    }
    /** Skips a field of no interest. Groups (deprecated, never used by ONNX) are refused. */
    skip(wireType) {
        switch (wireType) {
            case WIRE.varint:
                this.varint();
                return;
            case WIRE.i64:
                this.need(8);
                this.pos += 8;
                return;
            case WIRE.len: {
                const n = this.varint();
                this.need(n);
                this.pos += n;
                return;
            }
            case WIRE.i32:
                this.need(4);
                this.pos += 4;
                return;
            default:
                throw new WireError(`unsupported wire type ${wireType} before byte ${this.pos}`);
        }
    }
    /**
     * A repeated scalar field, which writers may emit packed (one length-delimited run) or one value per
     * key; `one` reads a single value from a reader.
     */
    repeated(wireType, scalarWire, one, into) {
        if (wireType === WIRE.len) {
            const r = this.message();
            while (!r.done())
                into.push(one(r));
        }
        else if (wireType === scalarWire) {
            into.push(one(this));
        }
        else {
            throw new WireError(`unexpected wire type ${wireType} for a repeated field before byte ${this.pos}`);
        }
    }
    need(n) {
        if (n > this.end - this.pos)
            throw new WireError(`truncated: ${n} bytes needed at byte ${this.pos}, ${this.end - this.pos} left`);
    }
}

;// CONCATENATED MODULE: ./src/model/onnx/proto.ts
/**
 * Decodes the part of an ONNX ModelProto nax uses (field numbers from onnx/onnx.proto, IR version 3–10):
 *   ModelProto      ir_version 1, graph 7, opset_import 8
 *   OperatorSetId   domain 1, version 2
 *   GraphProto      node 1, name 2, initializer 5, input 11, output 12
 *   NodeProto       input 1, output 2, name 3, op_type 4, attribute 5, domain 7
 *   AttributeProto  name 1, f 2, i 3, s 4, t 5, floats 7, ints 8, type 20
 *   TensorProto     dims 1, data_type 2, float_data 4, int32_data 5, int64_data 7, name 8, raw_data 9,
 *                   double_data 10, external_data 13, data_location 14
 *   ValueInfoProto  name 1, type 2 → TypeProto tensor_type 1 → elem_type 1, shape 2 → dim 1 →
 *                   dim_value 1, dim_param 2
 * Every other field is skipped. Why not protobufjs, @bufbuild/protobuf or onnx-proto: those ship 0.4–3.8 MB
 * unpacked (onnx-proto pins protobufjs 6) for a schema of which nax reads these ~35 fields; the reader in
 * wire.ts is ~170 lines, bounds-checks every read, and adds no dependency to the action bundle.
 */

/** Decodes a ModelProto; throws WireError on malformed bytes or a file without a graph. */
function decodeModel(bytes) {
    const r = new WireReader(bytes);
    let irVersion = 0;
    let graph;
    const opsets = [];
    while (!r.done()) {
        const { number, wireType } = r.key();
        if (number === 1 && wireType === WIRE.varint)
            irVersion = r.varint();
        else if (number === 7 && wireType === WIRE.len)
            graph = decodeGraph(r.message());
        else if (number === 8 && wireType === WIRE.len)
            opsets.push(decodeOpset(r.message()));
        else
            r.skip(wireType);
    }
    if (!graph)
        throw new WireError('no graph (ModelProto field 7)');
    if (irVersion === 0)
        throw new WireError('no ir_version (ModelProto field 1)');
    return { irVersion, opsets, graph };
}
function decodeOpset(r) {
    let domain = '';
    let version = 0;
    while (!r.done()) {
        const { number, wireType } = r.key();
        if (number === 1 && wireType === WIRE.len)
            domain = r.string();
        else if (number === 2 && wireType === WIRE.varint)
            version = r.int64();
        else
            r.skip(wireType);
    }
    return { domain, version };
}
function decodeGraph(r) {
    let name = '';
    const nodes = [];
    const initializers = [];
    const inputs = [];
    const outputs = [];
    while (!r.done()) {
        const { number, wireType } = r.key();
        if (wireType !== WIRE.len) {
            r.skip(wireType);
            continue;
        }
        switch (number) {
            case 1:
                nodes.push(decodeNode(r.message()));
                break;
            case 2:
                name = r.string();
                break;
            case 5:
                initializers.push(decodeTensor(r.message()));
                break;
            case 11:
                inputs.push(decodeValueInfo(r.message()));
                break;
            case 12:
                outputs.push(decodeValueInfo(r.message()));
                break;
            default: r.skip(wireType);
        }
    }
    return { name, nodes, initializers, inputs, outputs };
}
function decodeNode(r) {
    let name = '';
    let opType = '';
    let domain = '';
    const inputs = [];
    const outputs = [];
    const attributes = [];
    while (!r.done()) {
        const { number, wireType } = r.key();
        if (wireType !== WIRE.len) {
            r.skip(wireType);
            continue;
        }
        switch (number) {
            case 1:
                inputs.push(r.string());
                break;
            case 2:
                outputs.push(r.string());
                break;
            case 3:
                name = r.string();
                break;
            case 4:
                opType = r.string();
                break;
            case 5:
                attributes.push(decodeAttribute(r.message()));
                break;
            case 7:
                domain = r.string();
                break;
            default: r.skip(wireType);
        }
    }
    return { name, opType, domain, inputs, outputs, attributes };
}
function decodeAttribute(r) {
    let name = '';
    let type = 0;
    let f;
    let i;
    let s;
    let t;
    const floats = [];
    const ints = [];
    while (!r.done()) {
        const { number, wireType } = r.key();
        if (number === 1 && wireType === WIRE.len)
            name = r.string();
        else if (number === 20 && wireType === WIRE.varint)
            type = r.varint();
        else if (number === 2 && wireType === WIRE.i32)
            f = r.float32();
        else if (number === 3 && wireType === WIRE.varint)
            i = r.int64();
        else if (number === 4 && wireType === WIRE.len)
            s = r.bytes();
        else if (number === 5 && wireType === WIRE.len)
            t = decodeTensor(r.message());
        else if (number === 7)
            r.repeated(wireType, WIRE.i32, (x) => x.float32(), floats);
        else if (number === 8)
            r.repeated(wireType, WIRE.varint, (x) => x.int64(), ints);
        else
            r.skip(wireType);
    }
    return { name, type, f, i, s, t, floats, ints };
}
function decodeTensor(r) {
    let name = '';
    let dataType = 0;
    let raw;
    let dataLocation = 0;
    const dims = [];
    const floatData = [];
    const int32Data = [];
    const int64Data = [];
    const doubleData = [];
    const external = new Map();
    while (!r.done()) {
        const { number, wireType } = r.key();
        if (number === 1)
            r.repeated(wireType, WIRE.varint, (x) => x.int64(), dims);
        else if (number === 2 && wireType === WIRE.varint)
            dataType = r.varint();
        else if (number === 4)
            r.repeated(wireType, WIRE.i32, (x) => x.float32(), floatData);
        else if (number === 5)
            r.repeated(wireType, WIRE.varint, (x) => x.int64(), int32Data);
        else if (number === 7)
            r.repeated(wireType, WIRE.varint, (x) => x.int64(), int64Data);
        else if (number === 8 && wireType === WIRE.len)
            name = r.string();
        else if (number === 9 && wireType === WIRE.len)
            raw = r.bytes();
        else if (number === 10)
            r.repeated(wireType, WIRE.i64, (x) => x.float64(), doubleData);
        else if (number === 13 && wireType === WIRE.len) {
            const e = r.message();
            let key = '';
            let value = '';
            while (!e.done()) {
                const k = e.key();
                if (k.number === 1 && k.wireType === WIRE.len)
                    key = e.string();
                else if (k.number === 2 && k.wireType === WIRE.len)
                    value = e.string();
                else
                    e.skip(k.wireType);
            }
            external.set(key, value);
        }
        else if (number === 14 && wireType === WIRE.varint)
            dataLocation = r.varint();
        else
            r.skip(wireType);
    }
    return { name, dims, dataType, raw, floatData, int32Data, int64Data, doubleData, external, dataLocation };
}
function decodeValueInfo(r) {
    let name = '';
    let elemType;
    let dims;
    while (!r.done()) {
        const { number, wireType } = r.key();
        if (number === 1 && wireType === WIRE.len)
            name = r.string();
        else if (number === 2 && wireType === WIRE.len) {
            // TypeProto → tensor_type (1) → elem_type (1), shape (2) → dim (1).
            const type = r.message();
            while (!type.done()) {
                const k = type.key();
                if (k.number !== 1 || k.wireType !== WIRE.len) {
                    type.skip(k.wireType);
                    continue;
                }
                const tensor = type.message();
                while (!tensor.done()) {
                    const k2 = tensor.key();
                    if (k2.number === 1 && k2.wireType === WIRE.varint)
                        elemType = tensor.varint();
                    else if (k2.number === 2 && k2.wireType === WIRE.len)
                        dims = decodeShape(tensor.message());
                    else
                        tensor.skip(k2.wireType);
                }
            }
        }
        else
            r.skip(wireType);
    }
    return { name, elemType, dims };
}
function decodeShape(r) {
    const dims = [];
    while (!r.done()) {
        const k = r.key();
        if (k.number !== 1 || k.wireType !== WIRE.len) {
            r.skip(k.wireType);
            continue;
        }
        const d = r.message();
        let dim;
        while (!d.done()) {
            const k2 = d.key();
            if (k2.number === 1 && k2.wireType === WIRE.varint)
                dim = d.int64();
            else if (k2.number === 2 && k2.wireType === WIRE.len)
                dim = d.string();
            else
                d.skip(k2.wireType);
        }
        dims.push(dim);
    }
    return dims;
}

;// CONCATENATED MODULE: ./src/model/onnx/load.ts
/**
 * Safe loading of an ONNX model (`.onnx`, e.g. from torch.onnx.export) through a FileSource, so the same
 * code reads the working tree or a git commit. The file is untrusted input, so:
 * - bytes that are not a well-formed ModelProto are one clear error (wire.ts checks every length);
 * - external-data files stay inside the model's folder (no `../`, no absolute paths), and their
 *   offset/length lie inside the file;
 * - every tensor holds exactly the bytes its declared dims need, checked before anything is allocated
 *   (tensor.ts), and no weight holds NaN or ±Inf (from-onnx.ts).
 * Errors name the .onnx file and the node (`graph.node[i]`) that uses the bad tensor.
 */







/** Whether a model path names an ONNX file (by extension, as documented). */
function isOnnxPath(modelPath) {
    return modelPath.toLowerCase().endsWith('.onnx');
}
/** Parses ModelProto bytes; `file` names them in errors. */
function parseOnnx(bytes, file) {
    try {
        return decodeModel(bytes);
    }
    catch (e) {
        if (e instanceof WireError) {
            throw new errors/* NaxUserError */.b(file, '', `not a valid ONNX model (${e.message})`, 'export it with torch.onnx.export; a cut-short file or a file of another format ends here');
        }
        throw e;
    }
}
async function loadOnnxModel(source, modelPath) {
    const file = modelPath;
    const bytes = await source.read(modelPath, 'weights');
    const model = parseOnnx(bytes, file);
    const dir = external_node_path_default().posix.dirname(modelPath.replaceAll('\\', '/'));
    const external = new Map();
    const files = new Map();
    for (const t of model.graph.initializers) {
        if (t.dataLocation !== 1)
            continue;
        const user = firstUser(model, t.name);
        const where = user ? `graph.node[${user.index}]` : 'graph.initializer';
        const who = user ? `${user.opType} '${user.name}': ` : '';
        const fail = (message, hint) => new errors/* NaxUserError */.b(file, where, `${who}initializer '${t.name}': ${message}`, hint);
        const location = t.external.get('location');
        if (!location)
            throw fail('external data without a location');
        let rel;
        try {
            rel = (0,io_files/* confinedPath */.OR)(dir, location, file, where);
        }
        catch (e) {
            if (e instanceof errors/* NaxUserError */.b)
                throw fail(`external data ${e.message}`, 'external data must stay in the folder of the .onnx file');
            throw e;
        }
        if (!(await source.exists(rel)))
            throw fail(`external data file '${location}' not found (looked for ${rel} in the ${source.label})`);
        let data = files.get(rel);
        if (!data) {
            data = await source.read(rel, 'weights');
            files.set(rel, data);
        }
        const offset = integerKey(t.external.get('offset'), 0, fail);
        const length = integerKey(t.external.get('length'), data.length - offset, fail);
        if (offset > data.length || length < 0 || offset + length > data.length) {
            throw fail(`external data [${offset}, ${offset + length}) lies outside '${location}' (${data.length} bytes)`, 're-export the model');
        }
        external.set(t.name, data.subarray(offset, offset + length));
    }
    const graph = graphFromOnnx(model, file, external);
    return { graph, sha256: (0,json/* sha256 */.sc)(Buffer.concat([bytes, ...files.values()])) };
}
function integerKey(v, fallback, fail) {
    if (v === undefined)
        return fallback;
    if (!/^\d{1,15}$/.test(v))
        throw fail(`external data offset/length '${v.slice(0, 20)}' is not a non-negative integer`);
    return Number(v);
}
function firstUser(model, tensor) {
    const index = model.graph.nodes.findIndex((n) => n.inputs.includes(tensor));
    if (index < 0)
        return undefined;
    const n = model.graph.nodes[index];
    return { index, name: n.name !== '' ? n.name : `${n.opType}_${index}`, opType: n.opType };
}


/***/ }),

/***/ 5165:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ loadCalibrationImages),
/* harmony export */   costOnly: () => (/* binding */ costOnly),
/* harmony export */   loadConfig: () => (/* binding */ loadConfig),
/* harmony export */   loadModel: () => (/* binding */ loadModel),
/* harmony export */   loadProject: () => (/* binding */ loadProject),
/* harmony export */   m: () => (/* binding */ simulateInMemory),
/* harmony export */   simulate: () => (/* binding */ simulate)
/* harmony export */ });
/* harmony import */ var _tensorflow_tfjs_core__WEBPACK_IMPORTED_MODULE_20__ = __webpack_require__(3484);
/* harmony import */ var _config_mapping_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7408);
/* harmony import */ var _config_nax_config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(824);
/* harmony import */ var _config_technology_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2226);
/* harmony import */ var _cost_network_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5539);
/* harmony import */ var _cost_options_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2547);
/* harmony import */ var _data_evalset_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5218);
/* harmony import */ var _data_npy_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4009);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3916);
/* harmony import */ var _io_json_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3172);
/* harmony import */ var _mapping_tiling_js__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(6687);
/* harmony import */ var _model_from_tfjs_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4091);
/* harmony import */ var _model_graph_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(3749);
/* harmony import */ var _model_load_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(5519);
/* harmony import */ var _model_onnx_load_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(5248);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_18__ = __webpack_require__(665);
/* harmony import */ var _stats_accuracy_stats_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(7820);
/* harmony import */ var _stats_correctness_bits_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(5979);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_19__ = __webpack_require__(311);
/* harmony import */ var _xbar_simulate_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(1005);
/* harmony import */ var _xbar_split_job_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(1535);
/**
 * The core every edge shares (CLI, action, workers, shards): read one commit's nax.yml, model, mapping,
 * technology and evaluation set through a FileSource, simulate and cost them, and return the report.
 * No process.env, no @actions/*, no printing: progress goes through a callback.
 */





















async function loadConfig(source, configPath) {
    const bytes = await source.read(configPath);
    return Object.freeze({ config: (0,_config_nax_config_js__WEBPACK_IMPORTED_MODULE_1__/* .parseNaxConfig */ .Zk)(new TextDecoder().decode(bytes), configPath), sha256: (0,_io_json_js__WEBPACK_IMPORTED_MODULE_8__/* .sha256 */ .sc)(bytes) });
}
async function modelHash(source, modelPath) {
    // model.json plus every shard, in manifest order (loadLayersModel has validated the paths).
    const json = await source.read(modelPath);
    const manifest = JSON.parse(new TextDecoder().decode(json)).weightsManifest ?? [];
    const dir = modelPath.includes('/') ? modelPath.slice(0, modelPath.lastIndexOf('/') + 1) : '';
    const parts = [json];
    for (const g of manifest)
        for (const p of g.paths)
            parts.push(await source.read(dir + p, 'weights'));
    return (0,_io_json_js__WEBPACK_IMPORTED_MODULE_8__/* .sha256 */ .sc)(Buffer.concat(parts));
}
/**
 * Loads the model nax.yml names: a path ending in `.onnx` is read as ONNX (model/onnx/load.ts), anything
 * else as a tfjs layers model.json. Needs an initialised tfjs backend for tfjs models.
 */
async function loadModel(source, modelPath) {
    if ((0,_model_onnx_load_js__WEBPACK_IMPORTED_MODULE_11__/* .isOnnxPath */ .Z2)(modelPath))
        return (0,_model_onnx_load_js__WEBPACK_IMPORTED_MODULE_11__/* .loadOnnxModel */ .$m)(source, modelPath);
    const model = await (0,_model_load_js__WEBPACK_IMPORTED_MODULE_10__/* .loadLayersModel */ .O)(source, modelPath);
    return { model, graph: (0,_model_from_tfjs_js__WEBPACK_IMPORTED_MODULE_9__/* .graphFromModel */ .M)(model, modelPath), sha256: await modelHash(source, modelPath) };
}
async function loadProject(source, configPath, opts = {}) {
    const loaded = opts.loaded ?? await loadConfig(source, configPath);
    const config = loaded.config;
    const { model, graph, sha256: modelSha } = await loadModel(source, config.model);
    const names = (0,_model_graph_js__WEBPACK_IMPORTED_MODULE_16__/* .matrixNodes */ .P)(graph).map((n) => n.name);
    const mappingPath = opts.mappingPath ?? config.mapping;
    let mappings;
    let mappingRef;
    if (opts.mappingOverride) {
        mappings = opts.mappingOverride;
        mappingRef = { path: 'generated', sha256: (0,_io_json_js__WEBPACK_IMPORTED_MODULE_8__/* .sha256 */ .sc)(Buffer.from(JSON.stringify([...mappings]))) };
    }
    else {
        const doc = await (0,_io_json_js__WEBPACK_IMPORTED_MODULE_8__/* .readJson */ .Vh)(source, mappingPath);
        mappings = (0,_config_mapping_js__WEBPACK_IMPORTED_MODULE_0__/* .resolveMapping */ .fO)((0,_config_mapping_js__WEBPACK_IMPORTED_MODULE_0__/* .parseMapping */ .KV)(doc.value, mappingPath), names, mappingPath);
        mappingRef = { path: mappingPath, sha256: doc.sha256 };
    }
    let technology = _config_technology_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_TECHNOLOGY */ .xU;
    if (config.technology)
        technology = (0,_config_technology_js__WEBPACK_IMPORTED_MODULE_2__/* .parseTechnology */ .m5)((await (0,_io_json_js__WEBPACK_IMPORTED_MODULE_8__/* .readJson */ .Vh)(source, config.technology)).value, config.technology);
    if (opts.costModel)
        technology = { ...technology, costModel: { ...technology.costModel, ...opts.costModel } };
    return {
        config,
        model,
        graph,
        mappings,
        technology,
        inputs: {
            config: { path: configPath, sha256: loaded.sha256 },
            model: { path: config.model, sha256: modelSha },
            mapping: mappingRef,
            technology: { path: config.technology ?? 'built-in', sha256: (0,_config_technology_js__WEBPACK_IMPORTED_MODULE_2__/* .technologyHash */ .MM)(technology) },
        },
    };
}
function layerReports(graph, mappings, sim) {
    return (0,_model_graph_js__WEBPACK_IMPORTED_MODULE_16__/* .matrixNodes */ .P)(graph).map((n) => {
        const m = mappings.get(n.name);
        const nf = sim?.nf.get(n.name);
        return {
            name: n.name, shape: n.shape, mapping: { ...m, origin: m.origin ?? 'layer' }, tiling: (0,_mapping_tiling_js__WEBPACK_IMPORTED_MODULE_17__/* .tileGeometry */ .t)(n.shape, m),
            ...(nf ? { nf } : {}),
        };
    });
}
function costOf(graph, mappings, technology) {
    return (0,_cost_network_js__WEBPACK_IMPORTED_MODULE_3__/* .costReport */ .E)((0,_model_graph_js__WEBPACK_IMPORTED_MODULE_16__/* .matrixNodes */ .P)(graph).map((n) => ({ shape: n.shape, mapping: mappings.get(n.name) })), technology.components, (0,_cost_options_js__WEBPACK_IMPORTED_MODULE_4__/* .costOptionsOf */ .r)(technology));
}
/** The cost-only report (`nax cost`): no evaluation set, no simulation. */
async function costOnly(opts) {
    const p = await loadProject(opts.source, opts.configPath, opts);
    const cost = costOf(p.graph, p.mappings, p.technology);
    return {
        schema: _report_js__WEBPACK_IMPORTED_MODULE_18__/* .REPORT_SCHEMA */ .D,
        tool: { name: 'nax', version: _version_js__WEBPACK_IMPORTED_MODULE_19__/* .NAX_VERSION */ .z },
        ...(opts.source.commit ? { commit: opts.source.commit } : {}),
        inputs: p.inputs,
        backend: _tensorflow_tfjs_core__WEBPACK_IMPORTED_MODULE_20__.getBackend(),
        layers: layerReports(p.graph, p.mappings),
        cost,
        totals: cost.totals,
    };
}
function shardSamples(total, shard) {
    const all = Array.from({ length: total }, (_, k) => k);
    if (!shard)
        return all;
    if (shard.count < 1 || shard.index < 0 || shard.index >= shard.count) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .NaxUserError */ .b('shard', '', `shard ${shard.index + 1}/${shard.count} does not exist`);
    }
    if (shard.count > total) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .NaxUserError */ .b('shard', '', `${shard.count} shards for ${total} Monte Carlo samples`, 'use at most one shard per sample');
    }
    return all.filter((k) => k % shard.count === shard.index);
}
/** The evaluation batches of image shard i of n: contiguous, whole batches, sizes differing by at most one. */
function shardBatches(images, batchSize, shard) {
    if (!shard)
        return undefined;
    const batches = (0,_xbar_simulate_js__WEBPACK_IMPORTED_MODULE_14__/* .batchCount */ .oW)(images, batchSize);
    if (shard.count < 1 || shard.index < 0 || shard.index >= shard.count) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .NaxUserError */ .b('image shard', '', `image shard ${shard.index + 1}/${shard.count} does not exist`);
    }
    if (shard.count > batches) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .NaxUserError */ .b('image shard', '', `${shard.count} image shards for ${batches} batch${batches === 1 ? '' : 'es'} of ${batchSize} images`, 'use at most one image shard per batch (nax.yml simulation.batchSize)');
    }
    return (0,_xbar_split_job_js__WEBPACK_IMPORTED_MODULE_15__/* .splitBatches */ .r3)({ start: 0, end: batches }, shard.count)[shard.index];
}
/**
 * The first `limit` images of the calibration split, scaled to model input, with the hash of the images file.
 * Checks: images [N, H, W] or [N, H, W, C], the model's input shape, finite pixels; labels, when named, are
 * hashed but not read (calibration fits against the chip's own ideal outputs, not against labels).
 */
async function loadCalibrationImages(source, cfg, limit, inputShape) {
    const bytes = await source.read(cfg.images, 'dataset');
    const arr = (0,_data_npy_js__WEBPACK_IMPORTED_MODULE_6__/* .parseNpy */ .v)(bytes, cfg.images);
    if (arr.shape.length !== 3 && arr.shape.length !== 4) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .NaxUserError */ .b(cfg.images, 'shape', `images have shape (${arr.shape.join(', ')})`, 'expected [N, H, W] or [N, H, W, C]');
    }
    const [available, h, w] = arr.shape;
    const c = arr.shape.length === 4 ? arr.shape[3] : 1;
    if (available < 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .NaxUserError */ .b(cfg.images, 'shape', 'the calibration set is empty');
    if (h !== inputShape[0] || w !== inputShape[1] || c !== inputShape[2]) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .NaxUserError */ .b(cfg.images, '', `images are ${h}×${w}×${c}, the model expects ${inputShape.join('×')}`);
    }
    const n = Math.min(limit, available);
    const per = h * w * c;
    const images = new Float32Array(n * per);
    for (let i = 0; i < n * per; i++) {
        const v = arr.data[i] * cfg.scale;
        if (!Number.isFinite(v))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .NaxUserError */ .b(cfg.images, `[${Math.floor(i / per)}]`, `image ${Math.floor(i / per)} holds a non-finite pixel (${arr.data[i]})`);
        images[i] = v;
    }
    const hashed = cfg.labels ? Buffer.concat([bytes, await source.read(cfg.labels, 'dataset')]) : bytes;
    return { images, n, shape: [h, w, c], sha256: (0,_io_json_js__WEBPACK_IMPORTED_MODULE_8__/* .sha256 */ .sc)(hashed) };
}
/** A config error when a mapping asks for per-chip calibration and nax.yml names no calibration split. */
function requireCalibrationSet(mappings, config, mappingFile) {
    if (config.calibrationSet)
        return;
    for (const [name, m] of mappings) {
        if ((m.calibration ?? 'none') !== 'none' || m.adcFullScale === 'calibrated') {
            const what = m.adcFullScale === 'calibrated' ? `adcFullScale 'calibrated'` : `calibration '${m.calibration}'`;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .NaxUserError */ .b(config.file, 'calibrationSet', `${mappingFile} asks for ${what} (layer '${name}') but no calibration split is configured`, 'add calibrationSet: { images, labels } (images disjoint from the evaluation set)');
        }
    }
}
/** Outputs of the network (its classes): the last matrix layer's, through activations, pooling and adds. */
function outputClasses(g) {
    const byName = new Map(g.nodes.map((n) => [n.name, n]));
    let node = byName.get(g.output);
    for (let hops = 0; node && hops < g.nodes.length; hops++) {
        if (node.op === 'matrix')
            return node.shape.outChannels;
        node = byName.get('input' in node ? node.input : 'inputs' in node ? node.inputs[0] : '');
    }
    return undefined;
}
/** The full report for one commit: accuracy under non-idealities plus cost. */
async function simulate(opts) {
    const t0 = performance.now();
    const p = await loadProject(opts.source, opts.configPath, opts);
    const o = opts.overrides ?? {};
    const settings = {
        seed: o.seed ?? p.config.simulation.seed,
        monteCarloSamples: o.monteCarloSamples ?? p.config.simulation.monteCarloSamples,
        evalImages: o.evalImages ?? p.config.simulation.evalImages,
        irDrop: o.irDrop ?? p.config.simulation.irDrop,
    };
    const dataSource = opts.data?.source ?? opts.source;
    const evalCfg = opts.data ? opts.data.evalSet : p.config.evalSet;
    const calibCfg = opts.data ? opts.data.calibrationSet : p.config.calibrationSet;
    if (!evalCfg) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .NaxUserError */ .b(p.config.file, 'evalSet', 'no evaluation set configured', 'simulation needs evalSet.images and evalSet.labels');
    }
    const evalSet = await (0,_data_evalset_js__WEBPACK_IMPORTED_MODULE_5__/* .loadEvalSet */ .f)(dataSource, evalCfg, settings.evalImages, p.config.file);
    const [h, w, c] = p.graph.inputShape;
    if (evalSet.shape[0] !== h || evalSet.shape[1] !== w || evalSet.shape[2] !== c) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .NaxUserError */ .b(evalCfg.images, '', `images are ${evalSet.shape.join('×')}, the model expects ${h}×${w}×${c}`);
    }
    const classes = outputClasses(p.graph);
    const tooLarge = classes === undefined ? -1 : evalSet.labels.findIndex((l) => l >= classes);
    if (tooLarge >= 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .NaxUserError */ .b(evalCfg.labels, `[${tooLarge}]`, `label ${evalSet.labels[tooLarge]} is not one of the model's ${classes} outputs`, 'labels are class indices 0…classes−1');
    }
    requireCalibrationSet(p.mappings, { file: p.config.file, calibrationSet: calibCfg }, p.inputs.mapping.path);
    const calib = calibCfg
        ? await loadCalibrationImages(dataSource, calibCfg, p.config.simulation.batchSize, p.graph.inputShape)
        : undefined;
    const tLoad = performance.now();
    const report = await simulateInMemory({
        graph: p.graph,
        mappings: p.mappings,
        technology: p.technology,
        evalSet,
        settings: { ...settings, evalImages: evalSet.n },
        batchSize: p.config.simulation.batchSize,
        inputs: {
            ...p.inputs,
            evalSet: { path: evalCfg.images, sha256: evalSet.sha256 },
            ...(calib && calibCfg ? { calibrationSet: { path: calibCfg.images, sha256: calib.sha256 } } : {}),
        },
        ...(calib ? { calibrationImages: { images: calib.images, n: calib.n, shape: calib.shape } } : {}),
        samples: shardSamples(settings.monteCarloSamples, o.shard),
        progress: opts.progress,
        runner: opts.runner,
        ...(o.shard || o.imageShard ? { shard: { samples: o.shard ?? { index: 0, count: 1 }, ...(o.imageShard ? { images: o.imageShard } : {}) } } : {}),
    });
    const tSim = performance.now();
    return {
        ...report,
        ...(opts.source.commit ? { commit: opts.source.commit } : {}),
        ...(opts.withTimings
            ? { timings: { loadS: (tLoad - t0) / 1000, simulateS: (tSim - tLoad) / 1000, totalS: (performance.now() - t0) / 1000 } }
            : {}),
    };
}
/**
 * Simulates and costs a network held in memory (a loaded commit, or a search candidate) into a report:
 * the one place reports are built from a simulation.
 */
async function simulateInMemory(o) {
    for (const [name, m] of o.mappings) {
        if (!o.calibrationImages && ((m.calibration ?? 'none') !== 'none' || m.adcFullScale === 'calibrated')) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .NaxUserError */ .b('nax.yml', 'calibrationSet', `layer '${name}' asks for calibration but no calibration split is configured`, 'add calibrationSet: { images, labels } to nax.yml');
        }
    }
    const batches = shardBatches(o.evalSet.n, o.batchSize, o.shard?.images);
    const sim = await (0,_xbar_simulate_js__WEBPACK_IMPORTED_MODULE_14__/* .simulateNetwork */ .VP)({
        ...(batches ? { batches } : {}),
        graph: o.graph,
        mappings: o.mappings,
        technology: o.technology,
        data: o.evalSet,
        seed: o.settings.seed,
        samples: o.samples ?? Array.from({ length: o.settings.monteCarloSamples }, (_, k) => k),
        irDrop: o.settings.irDrop,
        batchSize: o.batchSize,
        progress: o.progress,
        runner: o.runner,
        ...(o.calibrationImages ? { calibrationImages: o.calibrationImages } : {}),
    });
    const cost = costOf(o.graph, o.mappings, o.technology);
    const images = sim.images.end - sim.images.start;
    return {
        schema: _report_js__WEBPACK_IMPORTED_MODULE_18__/* .REPORT_SCHEMA */ .D,
        tool: { name: 'nax', version: _version_js__WEBPACK_IMPORTED_MODULE_19__/* .NAX_VERSION */ .z },
        inputs: o.inputs,
        backend: _tensorflow_tfjs_core__WEBPACK_IMPORTED_MODULE_20__.getBackend(),
        settings: { ...o.settings, evalImages: images },
        accuracy: {
            ideal: sim.ideal,
            quantised: sim.quantised,
            nonIdeal: (0,_stats_accuracy_stats_js__WEBPACK_IMPORTED_MODULE_12__.accuracyStats)(sim.samples.map((s) => s.accuracy), sim.samples.map((s) => s.seed), {
                bits: sim.samples.map((s) => (0,_stats_correctness_bits_js__WEBPACK_IMPORTED_MODULE_13__/* .packCorrectness */ .H)(s.correct)),
                images,
            }),
        },
        layers: layerReports(o.graph, o.mappings, sim),
        cost,
        totals: cost.totals,
        ...(o.shard ? { shard: shardInfo(o.graph, o.shard, sim, o.evalSet.n) } : {}),
    };
}
/** What a shard report carries for an exact merge: its place in the run, right-image counts and NF sums. */
function shardInfo(graph, shard, sim, total) {
    return {
        index: shard.samples.index,
        count: shard.samples.count,
        ...(shard.images
            ? {
                images: {
                    index: shard.images.index, count: shard.images.count, start: sim.images.start, total,
                    idealCorrect: sim.idealCorrect, quantisedCorrect: sim.quantisedCorrect,
                },
            }
            : {}),
        nf: (0,_model_graph_js__WEBPACK_IMPORTED_MODULE_16__/* .matrixNodes */ .P)(graph).map((n) => ({
            sum: sim.samples.map((s) => s.nf.get(n.name)?.sum ?? 0),
            columns: sim.samples.map((s) => s.nf.get(n.name)?.n ?? 0),
        })),
    };
}


/***/ })

};
