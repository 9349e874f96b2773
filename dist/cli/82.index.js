export const id = 82;
export const ids = [82];
export const modules = {

/***/ 3082:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseReport: () => (/* binding */ parseReport)
/* harmony export */ });
/* harmony import */ var _config_fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(81);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(665);
/* harmony import */ var _stats_accuracy_stats_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7820);
/* harmony import */ var _config_nax_config_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(824);
/**
 * The one parser of nax reports read back from files (`nax merge`, the action's merge and comment
 * modes): every field compare/ and render/ read is checked for type and range (accuracies in [0, 1],
 * counts non-negative integers, numbers finite), so a forged or corrupted report is an error naming the
 * file and field, never a merged 124 % accuracy.
 */





/** At most this many Monte Carlo samples, as nax.yml allows. */
const MAX_SAMPLES = 10000;
function numbers(v, file, field, rule) {
    if (!Array.isArray(v))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NaxUserError */ .b(file, field, 'expected an array of numbers');
    if (v.length > MAX_SAMPLES)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NaxUserError */ .b(file, field, `${v.length} entries, more than the ${MAX_SAMPLES} samples nax runs`);
    return v.map((x, i) => (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readNumber */ .kz)(x, file, `${field}[${i}]`, rule));
}
const COUNT = { integer: true, min: 0 };
const MAPPING_NUMBERS = ['rows', 'cols', 'weightBits', 'bitsPerCell', 'inputBits', 'dacBits', 'adcBits', 'adcsPerCrossbar'];
const SHAPE_NUMBERS = ['kernelH', 'kernelW', 'inChannels', 'outChannels', 'outH', 'outW', 'strideH', 'strideW', 'inH', 'inW'];
const COST_NUMBERS = ['crossbars', 'energyJ', 'delayS', 'areaMm2', 'edap'];
/**
 * Checks that `raw` is a nax report with every field compare/ and render/ read, of the right type.
 * Returns it typed (unknown extra fields are kept).
 */
function parseReport(raw, file, field = '') {
    const at = (f) => (field ? `${field}.${f}` : f);
    const r = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .requireObject */ .zG)(raw, file, field);
    if (r.schema !== _report_js__WEBPACK_IMPORTED_MODULE_4__/* .REPORT_SCHEMA */ .D) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NaxUserError */ .b(file, at('schema'), `expected "${_report_js__WEBPACK_IMPORTED_MODULE_4__/* .REPORT_SCHEMA */ .D}", found ${(0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .describe */ .q0)(r.schema)}`, 'not a nax report');
    }
    const tool = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .requireObject */ .zG)(r.tool, file, at('tool'));
    (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readString */ .E3)(tool.version, file, at('tool.version'));
    (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readString */ .E3)(r.backend, file, at('backend'));
    const inputs = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .requireObject */ .zG)(r.inputs, file, at('inputs'));
    for (const [k, v] of Object.entries(inputs)) {
        const ref = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .requireObject */ .zG)(v, file, at(`inputs.${k}`));
        (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readString */ .E3)(ref.sha256, file, at(`inputs.${k}.sha256`));
    }
    if (r.settings !== undefined) {
        const s = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .requireObject */ .zG)(r.settings, file, at('settings'));
        for (const k of ['seed', 'monteCarloSamples', 'evalImages'])
            (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readNumber */ .kz)(s[k], file, at(`settings.${k}`), _config_nax_config_js__WEBPACK_IMPORTED_MODULE_3__/* .SIMULATION_RULES */ .AI[k]);
        (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readEnum */ .ai)(s.irDrop, ['exact', 'fast', 'ideal'], file, at('settings.irDrop'));
    }
    if (r.accuracy !== undefined) {
        const a = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .requireObject */ .zG)(r.accuracy, file, at('accuracy'));
        (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readNumber */ .kz)(a.ideal, file, at('accuracy.ideal'), { min: 0, max: 1 });
        (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readNumber */ .kz)(a.quantised, file, at('accuracy.quantised'), { min: 0, max: 1 });
        const n = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .requireObject */ .zG)(a.nonIdeal, file, at('accuracy.nonIdeal'));
        for (const k of ['mean', 'min', 'max'])
            (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readNumber */ .kz)(n[k], file, at(`accuracy.nonIdeal.${k}`), { min: 0, max: 1 });
        // std is absent with one sample (unknown, not 0).
        if (n.std !== undefined)
            (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readNumber */ .kz)(n.std, file, at('accuracy.nonIdeal.std'), { min: 0, max: 1 });
        const samples = numbers(n.samples, file, at('accuracy.nonIdeal.samples'), { min: 0, max: 1 });
        const seeds = numbers(n.sampleSeeds, file, at('accuracy.nonIdeal.sampleSeeds'), COUNT);
        if (samples.length !== seeds.length) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NaxUserError */ .b(file, at('accuracy.nonIdeal.sampleSeeds'), `${seeds.length} seeds for ${samples.length} samples`);
        }
        if (n.correct !== undefined) {
            // Intervals are recomputed from these bits downstream, never read from ci95/delta: check them here.
            if (!Array.isArray(n.correct) || n.correct.length !== samples.length) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NaxUserError */ .b(file, at('accuracy.nonIdeal.correct'), `expected one bitset per sample (${samples.length})`);
            }
            const images = r.settings?.evalImages;
            if (typeof images !== 'number')
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NaxUserError */ .b(file, at('settings.evalImages'), 'needed to read accuracy.nonIdeal.correct');
            const grid = (0,_stats_accuracy_stats_js__WEBPACK_IMPORTED_MODULE_2__.gridOf)(n.correct, images, at('accuracy.nonIdeal.correct'), file);
            // The means the budgets judge must be the bits' own: one accuracy per chip, right images ÷ images.
            samples.forEach((acc, c) => {
                let right = 0;
                for (let i = 0; i < images; i++)
                    right += grid.correct[c * images + i];
                if (acc !== right / images) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NaxUserError */ .b(file, at(`accuracy.nonIdeal.samples[${c}]`), `${acc} is not the ${right}/${images} right images its bitset holds`);
                }
            });
        }
    }
    if (!Array.isArray(r.layers))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NaxUserError */ .b(file, at('layers'), 'expected an array');
    r.layers.forEach((l, i) => {
        const f = at(`layers[${i}]`);
        const o = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .requireObject */ .zG)(l, file, f);
        (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readString */ .E3)(o.name, file, `${f}.name`);
        const shape = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .requireObject */ .zG)(o.shape, file, `${f}.shape`);
        (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readEnum */ .ai)(shape.kind, ['conv2d', 'dense'], file, `${f}.shape.kind`);
        for (const k of SHAPE_NUMBERS)
            (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readNumber */ .kz)(shape[k], file, `${f}.shape.${k}`, COUNT);
        const m = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .requireObject */ .zG)(o.mapping, file, `${f}.mapping`);
        for (const k of MAPPING_NUMBERS)
            (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readNumber */ .kz)(m[k], file, `${f}.mapping.${k}`, { min: 0 });
        const tiling = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .requireObject */ .zG)(o.tiling, file, `${f}.tiling`);
        (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readNumber */ .kz)(tiling.crossbars, file, `${f}.tiling.crossbars`, COUNT);
        if (o.nf !== undefined) {
            const nf = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .requireObject */ .zG)(o.nf, file, `${f}.nf`);
            (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readNumber */ .kz)(nf.mean, file, `${f}.nf.mean`);
            (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readNumber */ .kz)(nf.max, file, `${f}.nf.max`);
        }
    });
    const cost = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .requireObject */ .zG)(r.cost, file, at('cost'));
    if (!Array.isArray(cost.layers))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NaxUserError */ .b(file, at('cost.layers'), 'expected an array');
    cost.layers.forEach((l, i) => {
        const f = at(`cost.layers[${i}]`);
        const o = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .requireObject */ .zG)(l, file, f);
        (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readString */ .E3)(o.name, file, `${f}.name`);
        for (const k of COST_NUMBERS)
            (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readNumber */ .kz)(o[k], file, `${f}.${k}`, { min: 0 });
    });
    const totals = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .requireObject */ .zG)(r.totals, file, at('totals'));
    for (const k of COST_NUMBERS)
        (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readNumber */ .kz)(totals[k], file, at(`totals.${k}`), { min: 0 });
    if (r.shard !== undefined) {
        const s = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .requireObject */ .zG)(r.shard, file, at('shard'));
        const count = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readNumber */ .kz)(s.count, file, at('shard.count'), { integer: true, min: 1 });
        (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readNumber */ .kz)(s.index, file, at('shard.index'), { integer: true, min: 0, max: count - 1 });
        parseShardSums(s, r, file, at);
    }
    return raw;
}
/** A shard report's image range and NF sums (report.ts ShardInfo), which `nax merge` adds up. */
function parseShardSums(s, r, file, at) {
    const images = r.settings?.evalImages ?? 0;
    if (s.images !== undefined) {
        const im = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .requireObject */ .zG)(s.images, file, at('shard.images'));
        const count = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readNumber */ .kz)(im.count, file, at('shard.images.count'), { integer: true, min: 1 });
        (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readNumber */ .kz)(im.index, file, at('shard.images.index'), { integer: true, min: 0, max: count - 1 });
        const total = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readNumber */ .kz)(im.total, file, at('shard.images.total'), { integer: true, min: 1 });
        (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readNumber */ .kz)(im.start, file, at('shard.images.start'), { integer: true, min: 0, max: Math.max(0, total - images) });
        (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readNumber */ .kz)(im.idealCorrect, file, at('shard.images.idealCorrect'), { integer: true, min: 0, max: images });
        (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .readNumber */ .kz)(im.quantisedCorrect, file, at('shard.images.quantisedCorrect'), { integer: true, min: 0, max: images });
    }
    if (s.nf !== undefined) {
        const layers = Array.isArray(r.layers) ? r.layers.length : 0;
        const samples = (r.accuracy?.nonIdeal?.samples ?? []).length;
        if (!Array.isArray(s.nf) || s.nf.length !== layers)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NaxUserError */ .b(file, at('shard.nf'), `expected one entry per layer (${layers})`);
        s.nf.forEach((l, k) => {
            const o = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .requireObject */ .zG)(l, file, at(`shard.nf[${k}]`));
            const sums = numbers(o.sum, file, at(`shard.nf[${k}].sum`), {});
            const columns = numbers(o.columns, file, at(`shard.nf[${k}].columns`), COUNT);
            if (sums.length !== samples || columns.length !== samples) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NaxUserError */ .b(file, at(`shard.nf[${k}]`), `expected one sum and column count per sample (${samples})`);
            }
        });
    }
}


/***/ })

};
