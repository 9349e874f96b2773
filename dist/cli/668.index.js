export const id = 668;
export const ids = [668,427];
export const modules = {

/***/ 3427:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseParetoDocument: () => (/* binding */ parseParetoDocument)
/* harmony export */ });
/* harmony import */ var _config_cost_model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(145);
/* harmony import */ var _config_fields_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(81);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _search_pareto_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8741);
/**
 * Validates a search's `pareto.json` (schema `nax-pareto/1`) read back from a shard folder or an artifact:
 * merges and the nightly workflow act on it (the proposed candidate's folder becomes the `best-dir` output),
 * so every field is checked like a report's — numbers finite and in range, ids unique, the front and the best
 * candidate naming existing candidates, and candidate folders relative paths that stay below the output folder.
 */




const KINDS = _search_pareto_js__WEBPACK_IMPORTED_MODULE_3__/* .CANDIDATE_KINDS */ .Iw;
const VERDICTS = ['better', 'worse', 'equal within noise'];
/** Comparisons per candidate: more than any protocol makes (a guard against a forged document's size). */
const MAX_COMPARISONS = 1000;
const OBJECTIVES = ['edap', 'energy', 'latency'];
/** More candidates than any bounded search evaluates (a guard against a forged document's size). */
const MAX_CANDIDATES = 10_000;
const MAX_TEXT = 500;
/** An architecture's description names every changed layer: longer than a label, still bounded. */
const MAX_ARCHITECTURE_TEXT = 100_000;
/** λ records and paired checks per λ: more than any bounded search makes (guards against a forged document's size). */
const MAX_LAMBDAS = 1000;
const MAX_CHECKS = 1000;
const MAX_LAYERS = 10_000;
const RULES = ['largerKernels', 'costlierOps', 'smallerCrossbars'];
/** Control characters: text from a document reaches logs and job summaries, where a newline could start a workflow command. */
const CONTROL = /[\u0000-\u001f\u007f]/;
function text(v, file, field) {
    const s = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readString */ .E3)(v, file, field);
    if (s.length > MAX_TEXT)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, field, `longer than ${MAX_TEXT} characters`);
    if (CONTROL.test(s))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, field, 'contains a control character');
    return s;
}
/** An architecture's changes from the committed model: '' when there are none. */
function architectureText(v, file, field) {
    if (typeof v !== 'string')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, field, `expected a string, found ${(0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .describe */ .q0)(v)}`);
    if (v.length > MAX_ARCHITECTURE_TEXT)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, field, `longer than ${MAX_ARCHITECTURE_TEXT} characters`);
    if (CONTROL.test(v))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, field, 'contains a control character');
    return v;
}
function arrayOf(raw, max, file, field) {
    if (!Array.isArray(raw))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, field, 'expected an array');
    if (raw.length > max)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, field, `more than ${max} entries`);
    return raw;
}
function pairedCheck(raw, file, field) {
    const o = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .requireObject */ .zG)(raw, file, field);
    const diff = { min: -1, max: 1 };
    const ci = arrayOf(o.ci95, 2, file, `${field}.ci95`);
    if (ci.length !== 2)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, `${field}.ci95`, 'expected [low, high]');
    const low = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(ci[0], file, `${field}.ci95[0]`, { min: -2, max: 2 });
    const high = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(ci[1], file, `${field}.ci95[1]`, { min: -2, max: 2 });
    if (low > high)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, `${field}.ci95`, `low ${low} is above high ${high}`);
    const finite = (k) => (o[k] !== undefined ? { [k]: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(o[k], file, `${field}.${k}`) } : {});
    return {
        rule: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readEnum */ .ai)(o.rule, RULES, file, `${field}.rule`),
        layers: arrayOf(o.layers, MAX_LAYERS, file, `${field}.layers`).map((l, i) => text(l, file, `${field}.layers[${i}]`)),
        deltaAccuracy: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(o.deltaAccuracy, file, `${field}.deltaAccuracy`, diff),
        ci95: [low, high],
        kept: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readBoolean */ .Vf)(o.kept, file, `${field}.kept`),
        images: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(o.images, file, `${field}.images`, { integer: true, min: 50 }),
        chips: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(o.chips, file, `${field}.chips`, { integer: true, min: 1 }),
        ...finite('deltaCe'), ...finite('deltaHardware'), ...finite('deltaObjective'),
    };
}
/** A λ record (the fields a merge keeps; the search's α and probabilities are dropped). */
function lambdaRecord(raw, file, field) {
    const o = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .requireObject */ .zG)(raw, file, field);
    return {
        id: text(o.id, file, `${field}.id`),
        lambda: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(o.lambda, file, `${field}.lambda`, { min: 0 }),
        archSteps: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(o.archSteps, file, `${field}.archSteps`, { integer: true, min: 0 }),
        argmax: architectureText(o.argmax, file, `${field}.argmax`),
        architecture: architectureText(o.architecture, file, `${field}.architecture`),
        evaluated: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readBoolean */ .Vf)(o.evaluated, file, `${field}.evaluated`),
        validationAccuracy: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(o.validationAccuracy, file, `${field}.validationAccuracy`, { min: 0, max: 1 }),
        pairedChecks: arrayOf(o.pairedChecks, MAX_CHECKS, file, `${field}.pairedChecks`).map((c, i) => pairedCheck(c, file, `${field}.pairedChecks[${i}]`)),
    };
}
/** A folder below the output folder: relative, '/'-separated, no '..', no control characters. */
function folderOf(v, file, field) {
    const s = text(v, file, field);
    if (s.startsWith('/') || /\\|[\u0000-\u001f]/.test(s) || s.split('/').some((part) => part === '..')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, field, 'must be a relative folder below the search output (no "..", no absolute path)');
    }
    return s;
}
function interval(raw, file, field) {
    const o = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .requireObject */ .zG)(raw, file, field);
    const low = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(o.low, file, `${field}.low`, { min: 0, max: 1 });
    const high = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(o.high, file, `${field}.high`, { min: 0, max: 1 });
    if (low > high)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, field, `low ${low} is above high ${high}`);
    return { low, high };
}
function comparisons(raw, file, field) {
    if (!Array.isArray(raw))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, field, 'expected an array');
    if (raw.length > MAX_COMPARISONS)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, field, `more than ${MAX_COMPARISONS} comparisons`);
    return raw.map((r, i) => {
        const f = `${field}[${i}]`;
        const o = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .requireObject */ .zG)(r, file, f);
        const pp = { min: -100, max: 100 };
        const ciLowPp = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(o.ciLowPp, file, `${f}.ciLowPp`, pp);
        const ciHighPp = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(o.ciHighPp, file, `${f}.ciHighPp`, pp);
        if (ciLowPp > ciHighPp)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, f, 'ciLowPp is above ciHighPp');
        return {
            against: text(o.against, file, `${f}.against`),
            deltaPp: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(o.deltaPp, file, `${f}.deltaPp`, pp),
            ciLowPp,
            ciHighPp,
            verdict: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readEnum */ .ai)(o.verdict, VERDICTS, file, `${f}.verdict`),
            deltaObjective: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(o.deltaObjective, file, `${f}.deltaObjective`, { min: -1 }),
        };
    });
}
function protocolInfo(raw, file) {
    const o = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .requireObject */ .zG)(raw, file, 'protocol');
    const count = (k) => (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(o[k], file, `protocol.${k}`, { integer: true, min: 0 });
    return {
        fineTuneSteps: count('fineTuneSteps'),
        weightLr: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(o.weightLr, file, 'protocol.weightLr', { min: 0, max: 1 }),
        selectionSplit: text(o.selectionSplit, file, 'protocol.selectionSplit'),
        selectionImages: count('selectionImages'),
        selectionChips: count('selectionChips'),
        evaluationImages: count('evaluationImages'),
        evaluationSetImages: count('evaluationSetImages'),
        evaluationChips: count('evaluationChips'),
        randomSearchS: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(o.randomSearchS, file, 'protocol.randomSearchS', { min: 0 }),
        randomSamples: count('randomSamples'),
        costOnlyStarts: count('costOnlyStarts'),
        ...(o.costModel !== undefined ? { costModel: costModelSwitches(o.costModel, file) } : {}),
    };
}
function costModelSwitches(raw, file) {
    const o = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .requireObject */ .zG)(raw, file, 'protocol.costModel');
    (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .rejectUnknownKeys */ .gR)(o, _config_cost_model_js__WEBPACK_IMPORTED_MODULE_0__/* .COST_MODEL_SWITCHES */ .fi, file, 'protocol.costModel');
    return Object.fromEntries(_config_cost_model_js__WEBPACK_IMPORTED_MODULE_0__/* .COST_MODEL_SWITCHES */ .fi.map((n) => [n, (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readEnum */ .ai)(o[n], _config_cost_model_js__WEBPACK_IMPORTED_MODULE_0__/* .COST_MODEL_CHOICES */ .HP[n], file, `protocol.costModel.${n}`)]));
}
function candidate(raw, file, field) {
    const c = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .requireObject */ .zG)(raw, file, field);
    const unit = { min: 0, max: 1 };
    const nonNegative = { min: 0 };
    return {
        id: text(c.id, file, `${field}.id`),
        kind: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readEnum */ .ai)(c.kind, KINDS, file, `${field}.kind`),
        label: text(c.label, file, `${field}.label`),
        accuracy: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(c.accuracy, file, `${field}.accuracy`, unit),
        accuracyStd: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(c.accuracyStd, file, `${field}.accuracyStd`, unit),
        idealAccuracy: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(c.idealAccuracy, file, `${field}.idealAccuracy`, unit),
        energyJ: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(c.energyJ, file, `${field}.energyJ`, nonNegative),
        delayS: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(c.delayS, file, `${field}.delayS`, nonNegative),
        areaMm2: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(c.areaMm2, file, `${field}.areaMm2`, nonNegative),
        edap: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(c.edap, file, `${field}.edap`, nonNegative),
        ...(c.accuracyCi95 !== undefined ? { accuracyCi95: interval(c.accuracyCi95, file, `${field}.accuracyCi95`) } : {}),
        ...(c.fineTuneSteps !== undefined ? { fineTuneSteps: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(c.fineTuneSteps, file, `${field}.fineTuneSteps`, { integer: true, min: 0 }) } : {}),
        ...(c.validationAccuracy !== undefined ? { validationAccuracy: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(c.validationAccuracy, file, `${field}.validationAccuracy`, unit) } : {}),
        ...(c.validationTolerance !== undefined ? { validationTolerance: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(c.validationTolerance, file, `${field}.validationTolerance`, unit) } : {}),
        ...(c.comparisons !== undefined ? { comparisons: comparisons(c.comparisons, file, `${field}.comparisons`) } : {}),
        ...(c.lambda !== undefined ? { lambda: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(c.lambda, file, `${field}.lambda`, nonNegative) } : {}),
        ...(c.architecture !== undefined ? { architecture: architectureText(c.architecture, file, `${field}.architecture`) } : {}),
        ...(c.folder !== undefined ? { folder: folderOf(c.folder, file, `${field}.folder`) } : {}),
    };
}
/** The checked document (unknown fields dropped); a bad field is a user error naming the file and field. */
function parseParetoDocument(raw, file) {
    const o = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .requireObject */ .zG)(raw, file, '');
    if (o.schema !== 'nax-pareto/1')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, 'schema', 'expected "nax-pareto/1"', 'not a nax search result');
    const objective = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readEnum */ .ai)(o.objective, OBJECTIVES, file, 'objective');
    if (!Array.isArray(o.candidates))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, 'candidates', 'expected an array');
    if (o.candidates.length > MAX_CANDIDATES)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, 'candidates', `more than ${MAX_CANDIDATES} candidates`);
    const candidates = o.candidates.map((c, i) => candidate(c, file, `candidates[${i}]`));
    const ids = new Set();
    candidates.forEach((c, i) => {
        if (ids.has(c.id))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, `candidates[${i}].id`, `'${c.id}' appears twice`);
        ids.add(c.id);
    });
    if (!Array.isArray(o.front))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, 'front', 'expected an array of candidate ids');
    const front = o.front.map((id, i) => {
        const s = text(id, file, `front[${i}]`);
        if (!ids.has(s))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, `front[${i}]`, 'names no candidate');
        return s;
    });
    let best;
    if (o.best !== undefined) {
        best = text(o.best, file, 'best');
        if (!ids.has(best))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, 'best', 'names no candidate');
    }
    if (typeof o.beatsCommitted !== 'boolean')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, 'beatsCommitted', 'expected true or false');
    candidates.forEach((c, i) => c.comparisons?.forEach((x, j) => {
        if (!ids.has(x.against))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, `candidates[${i}].comparisons[${j}].against`, 'names no candidate');
    }));
    // Documents written before λ records carried their candidate id have records a merge cannot attribute: dropped.
    const rawLambdas = o.lambdas === undefined ? undefined : arrayOf(o.lambdas, MAX_LAMBDAS, file, 'lambdas');
    const attributable = rawLambdas?.every((l) => !(0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(l) || l.id !== undefined);
    const lambdas = rawLambdas && attributable ? rawLambdas.map((l, i) => lambdaRecord(l, file, `lambdas[${i}]`)) : undefined;
    const byId = new Map(candidates.map((c) => [c.id, c]));
    const lambdaIds = new Set();
    lambdas?.forEach((l, i) => {
        if (lambdaIds.has(l.id))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, `lambdas[${i}].id`, `'${l.id}' appears twice`);
        lambdaIds.add(l.id);
        const c = byId.get(l.id);
        if (l.evaluated && (c?.kind !== 'searched' || c.lambda !== l.lambda)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .NaxUserError */ .b(file, `lambdas[${i}].id`, `an evaluated λ must name the searched candidate of λ ${l.lambda}`);
        }
    });
    return {
        schema: 'nax-pareto/1', objective, candidates, front, ...(best !== undefined ? { best } : {}), beatsCommitted: o.beatsCommitted,
        ...(o.protocol !== undefined ? { protocol: protocolInfo(o.protocol, file) } : {}),
        ...(lambdas ? { lambdas } : {}),
    };
}


/***/ }),

/***/ 3668:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  W: () => (/* binding */ folderSink),
  mergeSearchFolders: () => (/* binding */ mergeSearchFolders)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/model/from-tfjs.ts
var from_tfjs = __webpack_require__(4091);
// EXTERNAL MODULE: ./src/model/load.ts + 1 modules
var load = __webpack_require__(5519);
// EXTERNAL MODULE: ./src/render/search-summary.ts
var search_summary = __webpack_require__(8655);
// EXTERNAL MODULE: ./node_modules/@tensorflow/tfjs-core/dist/tf-core.node.js
var tf_core_node = __webpack_require__(3484);
;// CONCATENATED MODULE: ./src/runtime/fs-io.ts
/**
 * Saves a tfjs layers model to a folder in tfjs-node's layout — `model.json` (topology + weights
 * manifest) and one `weights.bin` — without tfjs-node (whose `file://` handler is all it would bring).
 * Used by the fixture training script and by the search to hand back a model. Loading is deliberately
 * not here: models are read through model/load.ts, which confines and size-checks the weight files.
 */



/** File names inside the model folder (tfjs-node's names, so tfjs tools read the folder as is). */
const MODEL_JSON_FILE = 'model.json';
const WEIGHTS_FILE = 'weights.bin';
/** A tfjs save handler writing `dir/model.json` and `dir/weights.bin` (the folder is created). */
function folderSaveHandler(dir) {
    return {
        async save(artifacts) {
            const topology = artifacts.modelTopology;
            if (topology == null || topology instanceof ArrayBuffer) {
                throw new Error('internal error: folderSaveHandler saves layers models (JSON topology), not binary graphs');
            }
            const modelJson = {
                modelTopology: topology,
                format: artifacts.format,
                generatedBy: artifacts.generatedBy,
                convertedBy: artifacts.convertedBy,
                weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs ?? [] }],
            };
            if (artifacts.trainingConfig != null)
                modelJson.trainingConfig = artifacts.trainingConfig;
            if (artifacts.signature != null)
                modelJson.signature = artifacts.signature;
            if (artifacts.userDefinedMetadata != null)
                modelJson.userDefinedMetadata = artifacts.userDefinedMetadata;
            const weights = artifacts.weightData === undefined ? new ArrayBuffer(0) : tf_core_node.io.CompositeArrayBuffer.join(artifacts.weightData);
            await (0,promises_.mkdir)(dir, { recursive: true });
            // Weights first: a model.json on disk then always has its weights beside it.
            await (0,promises_.writeFile)(external_node_path_default().join(dir, WEIGHTS_FILE), new Uint8Array(weights));
            await (0,promises_.writeFile)(external_node_path_default().join(dir, MODEL_JSON_FILE), JSON.stringify(modelJson));
            return { modelArtifactsInfo: tf_core_node.io.getModelArtifactsInfoForJSON(artifacts) };
        },
    };
}
/**
 * Saves `model` to `dir` (model.json + weights.bin). The optimizer state is not saved: nax hands back
 * models for inference and re-training starts a fresh optimizer.
 */
async function saveModelToFolder(model, dir) {
    await model.save(folderSaveHandler(dir), { includeOptimizer: false });
}

// EXTERNAL MODULE: ./src/search/pareto.ts
var pareto = __webpack_require__(8741);
// EXTERNAL MODULE: ./src/io/files.ts
var files = __webpack_require__(3839);
// EXTERNAL MODULE: ./src/io/parse-pareto.ts
var parse_pareto = __webpack_require__(3427);
// EXTERNAL MODULE: ./src/io/report-file.ts
var report_file = __webpack_require__(4411);
;// CONCATENATED MODULE: ./src/io/search-folder.ts
/**
 * The search's output folder on disk (the implementation of search/output-sink.ts), and the one function
 * that merges search shard folders (`nax merge` and the action's `mode: merge` both call it).
 */










function folderSink(dir) {
    const abs = (rel) => external_node_path_default().join(dir, rel);
    return {
        root: dir,
        async writeText(rel, text) {
            await (0,promises_.mkdir)(external_node_path_default().dirname(abs(rel)), { recursive: true });
            await (0,promises_.writeFile)(abs(rel), text);
        },
        async saveModel(relDir, model) {
            await saveModelToFolder(model, abs(relDir));
        },
        async loadGraph(rel) {
            const loaded = await (0,load/* loadLayersModel */.O)((0,files/* dirSource */.v9)(dir), rel);
            try {
                return (0,from_tfjs/* graphFromModel */.M)(loaded, rel);
            }
            finally {
                loaded.dispose();
            }
        },
    };
}
/**
 * Reads `pareto.json` of every shard folder (shown to the user as `shownAs[i]`), merges them, and writes the
 * merged `pareto.json` and `summary.md` into `outDir`. Candidate folders in the result are relative to `outDir`.
 */
async function mergeSearchFolders(folders, outDir, shownAs = folders) {
    const docs = await Promise.all(folders.map(async (d, i) => {
        const shown = `${shownAs[i].replace(/\/+$/, '')}/pareto.json`;
        return (0,parse_pareto.parseParetoDocument)(await (0,report_file/* readJsonFile */.JE)(external_node_path_default().join(d, 'pareto.json'), shown), shown);
    }));
    const merged = (0,pareto/* mergeSearchResults */.L)(docs, folders.map((d) => external_node_path_default().relative(outDir, d) || '.'));
    await (0,promises_.mkdir)(outDir, { recursive: true });
    await (0,promises_.writeFile)(external_node_path_default().join(outDir, 'pareto.json'), `${JSON.stringify(merged, null, 2)}\n`);
    // A shard without λ records (written before nax kept them) leaves its derivation checks out: say so.
    const without = merged.lambdas ? docs.flatMap((d, i) => (d.lambdas ? [] : [shownAs[i]])) : [];
    const summary = (0,search_summary/* searchSummaryMarkdown */.w0)(merged, without.map((f) => `${f}: no λ records (written before nax kept them), so its derivation checks are not shown`));
    await (0,promises_.writeFile)(external_node_path_default().join(outDir, 'summary.md'), summary);
    const best = merged.candidates.find((c) => c.id === merged.best);
    return { merged, summary, ...(best?.folder !== undefined ? { bestFolder: best.folder } : {}) };
}


/***/ }),

/***/ 8655:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $m: () => (/* binding */ describePairedCheck),
/* harmony export */   w0: () => (/* binding */ searchSummaryMarkdown)
/* harmony export */ });
/* unused harmony exports candidateTable, comparisonTable, derivationLines, protocolParagraph */
/* harmony import */ var markdown_table__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(735);
/* harmony import */ var _config_cost_model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(145);
/**
 * The search's side-by-side candidate table, the protocol's paired comparisons, and `summary.md`
 * (markdown). Pure: a ParetoDocument in, text out.
 */


const pct = (x) => `${(x * 100).toFixed(2)} %`;
const sci = (x) => x.toExponential(3);
const signed = (x, digits) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}`;
const KIND_LABEL = {
    committed: 'committed', homogeneous: 'homogeneous', costOnly: 'cost-only', random: 'random search', searched: 'searched',
};
function accuracyCell(c) {
    if (c.accuracyCi95)
        return `${pct(c.accuracy)} [${(c.accuracyCi95.low * 100).toFixed(2)}, ${(c.accuracyCi95.high * 100).toFixed(2)}]`;
    return pct(c.accuracy) + (c.accuracyStd > 0 ? ` ± ${(c.accuracyStd * 100).toFixed(2)}` : '');
}
/** The side-by-side table (markdown): every candidate, its training, accuracy with interval, cost, and the front. */
function candidateTable(doc) {
    const front = new Set(doc.front);
    const rows = doc.candidates.map((c) => [
        c.label + (c.id === doc.best ? ' ★' : ''),
        accuracyCell(c),
        pct(c.idealAccuracy),
        KIND_LABEL[c.kind],
        c.fineTuneSteps === undefined ? '—' : String(c.fineTuneSteps),
        c.validationAccuracy === undefined ? '' : pct(c.validationAccuracy),
        sci(c.energyJ),
        sci(c.delayS),
        c.areaMm2.toFixed(3),
        sci(c.edap),
        front.has(c.id) ? 'yes' : '',
    ]);
    return (0,markdown_table__WEBPACK_IMPORTED_MODULE_1__/* .markdownTable */ .Q)([
        ['candidate', 'non-ideal acc. [95 % CI]', 'ideal acc.', 'kind', 'fine-tune steps', 'validation acc.', 'energy J', 'delay s', 'area mm²', 'EDAP J·s·mm²', 'front'],
        ...rows,
    ], { align: ['l', 'r', 'r', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'c'] });
}
function comparisonCell(x) {
    return `${signed(x.deltaPp, 2)} pp [${signed(x.ciLowPp, 2)}, ${signed(x.ciHighPp, 2)}]`;
}
/** Paired comparisons (same images, same chips) of the searched, random and cost-only candidates against the baselines. */
function comparisonTable(doc) {
    const label = new Map(doc.candidates.map((c) => [c.id, c.label]));
    const rows = [];
    for (const c of doc.candidates) {
        for (const x of c.comparisons ?? []) {
            rows.push([c.label + (c.id === doc.best ? ' ★' : ''), label.get(x.against) ?? x.against, comparisonCell(x), x.verdict, `${signed(x.deltaObjective * 100, 1)} %`]);
        }
    }
    if (rows.length === 0)
        return undefined;
    return (0,markdown_table__WEBPACK_IMPORTED_MODULE_1__/* .markdownTable */ .Q)([['candidate', 'against', 'Δ non-ideal acc. [paired 95 % CI]', 'accuracy', `Δ ${doc.objective === 'edap' ? 'EDAP' : doc.objective}`], ...rows], { align: ['l', 'l', 'r', 'l', 'r'] });
}
/** One line on a derivation rule's paired check (search progress and summary.md notes), in the terms it decided on. */
function describePairedCheck(c, lambda) {
    const acc = `Δ non-ideal validation accuracy ${signed(c.deltaAccuracy * 100, 2)} pp [${signed(c.ci95[0] * 100, 2)}, ${signed(c.ci95[1] * 100, 2)}] ` +
        `(${c.images} images × ${c.chips} chips)`;
    if (c.rule === 'largerKernels') {
        return `larger kernels than committed on ${c.layers.join(', ')}: ${acc} → ${c.kept ? 'kept' : 'committed kernel'}`;
    }
    const f = (x) => (x === undefined ? '?' : signed(x, 3));
    const objective = `ΔCE ${f(c.deltaCe)} nats + λ·Δhardware ${f(c.deltaHardware === undefined ? undefined : lambda * c.deltaHardware)} = Δobjective ${f(c.deltaObjective)}`;
    if (c.rule === 'smallerCrossbars') {
        return `${c.layers.join(', ')} on ${c.layers.length === 1 ? 'its crossbar' : 'their crossbars'} against the next-smaller size: ${objective}; ${acc} → ${c.kept ? 'kept' : 'smaller crossbar'}`;
    }
    return `ops other than the cost-only optimum's on ${c.layers.join(', ')}: ${objective}; ${acc} → ${c.kept ? 'kept' : 'cost-only op'}`;
}
/**
 * What the derivation rules decided for each evaluated λ: the argmax, then every paired check in order (the
 * checks run on validation images the architecture steps never drew).
 */
function derivationLines(lambdas) {
    return lambdas.filter((l) => l.evaluated).flatMap((l) => [
        `- **λ=${l.lambda}** (${l.id}, ${l.archSteps} architecture steps): argmax ${l.argmax || 'the committed architecture'}`,
        ...(l.pairedChecks.length > 0 ? l.pairedChecks.map((c) => `  - ${describePairedCheck(c, l.lambda)}`)
            : [`  - no paired check: ${l.argmax === l.architecture ? 'the argmax stands' : `taken untested: ${l.architecture || 'the committed architecture'}`}`]),
    ]);
}
/** One paragraph on how the numbers were made (training, selection, evaluation). */
function protocolParagraph(doc) {
    const p = doc.protocol;
    if (!p)
        return undefined;
    const subset = p.evaluationImages < p.evaluationSetImages ? ` (a subset of its ${p.evaluationSetImages}: below the protocol's "all images")` : '';
    const chips = p.evaluationChips < 10 ? ' (below the protocol\'s 10)' : '';
    return `Protocol: every candidate was fine-tuned ${p.fineTuneSteps} steps (learning rate ${p.weightLr}) from the same supernet weights; ` +
        `the committed and every homogeneous mapping share one fine-tuned network. λ and the proposed candidate were chosen on ${p.selectionSplit} ` +
        `(${p.selectionImages} images × ${p.selectionChips} chips); the evaluation set was used once, at the end: ${p.evaluationImages} images${subset} × ` +
        `${p.evaluationChips} chips${chips}, the same for every candidate. The random search scored ${p.randomSamples} architectures in ${p.randomSearchS.toFixed(0)} s ` +
        `(one search phase); the cost-only optimum is the best of ${p.costOnlyStarts} coordinate-descent starts on the cost table (zero op excluded). ` +
        `${costModelSentence(p.costModel)}"Better" or "worse" only where the paired interval excludes 0.`;
}
/** The cost-model switches that differ from the defaults, as a sentence ('' when all are default or unrecorded). */
function costModelSentence(m) {
    if (!m)
        return '';
    const changed = _config_cost_model_js__WEBPACK_IMPORTED_MODULE_0__/* .COST_MODEL_SWITCHES */ .fi.filter((n) => m[n] !== _config_cost_model_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_COST_MODEL */ .UP[n]);
    return changed.length === 0 ? 'Costed under the default cost-model switches. '
        : `Costed under ${changed.map((n) => `${n}: ${m[n]}`).join(', ')} (the other switches default). `;
}
/** summary.md: the table, the comparisons, the protocol and the searched architectures. */
function searchSummaryMarkdown(doc, notes = []) {
    const lines = ['## nax re-search', '', candidateTable(doc), ''];
    const best = doc.candidates.find((c) => c.id === doc.best);
    const committed = best?.comparisons?.find((x) => doc.candidates.some((c) => c.id === x.against && c.kind === 'committed'));
    lines.push(best
        ? `★ proposed: **${best.label}** — ${doc.beatsCommitted ? 'beats' : 'does not beat'} the committed mapping on ${doc.objective}` +
            (committed ? ` (${signed(committed.deltaObjective * 100, 1)} %) at ${committed.verdict === 'equal within noise' ? 'equal non-ideal accuracy within noise' : `${committed.verdict} non-ideal accuracy`} (Δ ${comparisonCell(committed)}).` : ' at equal or better non-ideal accuracy.')
        : 'No searched candidate to propose.');
    const cmp = comparisonTable(doc);
    if (cmp)
        lines.push('', '### Paired comparisons (same images, same chips)', '', cmp);
    const para = protocolParagraph(doc);
    if (para)
        lines.push('', para);
    const described = doc.candidates.filter((c) => c.architecture !== undefined);
    if (described.length > 0) {
        lines.push('', '### Architectures (changes from the committed model)', '');
        for (const c of described)
            lines.push(`- **${c.label}**: ${c.architecture || 'same kernels and crossbars as committed'}`);
    }
    const derivation = derivationLines(doc.lambdas ?? []);
    if (derivation.length > 0)
        lines.push('', '### Derivation rules (paired checks on held-out validation images)', '', ...derivation);
    if (notes.length > 0)
        lines.push('', ...notes.map((n) => `> ${n}`));
    return lines.join('\n') + '\n';
}


/***/ }),

/***/ 8741:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iw: () => (/* binding */ CANDIDATE_KINDS),
/* harmony export */   L: () => (/* binding */ mergeSearchResults),
/* harmony export */   RB: () => (/* binding */ paretoDocument),
/* harmony export */   VI: () => (/* binding */ objectiveValue)
/* harmony export */ });
/* unused harmony exports dominates, paretoFront, comparisonOf, bestCandidate, deltaVsBaseline */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/**
 * Evaluated candidates and their Pareto front (non-ideal accuracy ↑ vs EDAP ↓), and merging of shard
 * results (`nax merge`). Pure functions on plain data; the tables are in render/search-summary.ts.
 */

const CANDIDATE_KINDS = ['committed', 'homogeneous', 'costOnly', 'random', 'searched'];
/** a dominates b: no worse in both, strictly better in one. */
function dominates(a, b) {
    return a.accuracy >= b.accuracy && a.edap <= b.edap && (a.accuracy > b.accuracy || a.edap < b.edap);
}
/** The non-dominated candidates, by ascending EDAP (ties in both values keep the first seen). */
function paretoFront(cs) {
    const front = cs.filter((c, i) => !cs.some((d, j) => dominates(d, c) || (j < i && d.accuracy === c.accuracy && d.edap === c.edap)));
    return front.sort((a, b) => a.edap - b.edap || b.accuracy - a.accuracy);
}
function objectiveValue(c, o) {
    return o === 'energy' ? c.energyJ : o === 'latency' ? c.delayS : c.edap;
}
/** The comparison of `c` against candidate `against`, if it was made. */
function comparisonOf(c, against) {
    return c.comparisons?.find((x) => x.against === against);
}
/**
 * The searched candidate to propose. With validation accuracies (the protocol): the one chosen on the
 * validation split — the lowest objective among the searched candidates not worse on validation than the
 * most accurate of them (`selectOnValidation`, applied by the run and again by merges); it `beats` the committed
 * model when its objective is lower and its paired Δ accuracy against it is not "worse". Without them (older
 * documents): the lowest objective among searched candidates at least as accurate as the committed model.
 */
function bestCandidate(cs, o) {
    const committed = cs.find((c) => c.kind === 'committed');
    const searched = cs.filter((c) => c.kind === 'searched');
    if (searched.length > 0 && searched.every((c) => c.validationAccuracy !== undefined)) {
        const top = Math.max(...searched.map((c) => c.validationAccuracy));
        // Within the selection evaluation's resolution of the most accurate (one image of the split in either
        // direction counts as a tie: nax assumption; the paired interval is not available across shards).
        const ok = searched.filter((c) => c.validationAccuracy >= top - (c.validationTolerance ?? 0));
        ok.sort((a, b) => objectiveValue(a, o) - objectiveValue(b, o) || a.id.localeCompare(b.id));
        const best = ok[0];
        // Against the committed candidate it was compared with (its own shard's, after a merge).
        const vs = best?.comparisons?.find((x) => cs.some((c) => c.id === x.against && c.kind === 'committed'));
        const ref = vs ? cs.find((c) => c.id === vs.against) : committed;
        const beats = !!best && !!ref && objectiveValue(best, o) < objectiveValue(ref, o) &&
            (vs ? vs.verdict !== 'worse' : best.accuracy >= ref.accuracy);
        return { best, beats };
    }
    const ranked = searched.filter((c) => !committed || c.accuracy >= committed.accuracy);
    ranked.sort((a, b) => objectiveValue(a, o) - objectiveValue(b, o));
    const best = ranked[0];
    return { best, beats: !!best && (!committed || objectiveValue(best, o) < objectiveValue(committed, o)) };
}
/**
 * ΔEDAP of `c` against the lowest-EDAP homogeneous baseline whose non-ideal accuracy is at most c's
 * (the issue's target metric); undefined when every baseline is more accurate.
 */
function deltaVsBaseline(c, cs) {
    const ok = cs.filter((b) => b.kind === 'homogeneous' && b.accuracy <= c.accuracy).sort((a, b) => a.edap - b.edap);
    const baseline = ok[0];
    return baseline ? { baseline, deltaEdap: c.edap / baseline.edap - 1 } : undefined;
}
function paretoDocument(cs, objective, protocol, lambdas) {
    const { best, beats } = bestCandidate(cs, objective);
    return {
        schema: 'nax-pareto/1',
        objective,
        candidates: cs,
        front: paretoFront(cs).map((c) => c.id),
        best: best?.id,
        beatsCommitted: beats,
        ...(protocol ? { protocol } : {}),
        ...(lambdas ? { lambdas } : {}),
    };
}
/**
 * Merges shard documents (`nax merge`): the union of candidates and of λ records (same id = same candidate;
 * the first kept), then the front and the best candidate over all of them. `dirs` are the shards' output folders,
 * in the order of `docs`, to make candidate folders relative to the merge's working directory.
 */
function mergeSearchResults(docs, dirs) {
    if (docs.length === 0)
        throw new Error('internal error: nothing to merge');
    const seen = new Map();
    docs.forEach((d, k) => {
        for (const c of d.candidates) {
            if (seen.has(c.id))
                continue;
            // A candidate's folder is relative to its shard's output folder; `dirs[k]` (if given) prefixes it.
            const dir = dirs?.[k];
            seen.set(c.id, c.folder !== undefined && dir ? { ...c, folder: `${dir.replace(/\/+$/, '')}/${c.folder}` } : c);
        }
    });
    const order = { committed: 0, homogeneous: 1, costOnly: 2, random: 3, searched: 4 };
    const all = [...seen.values()].sort((a, b) => order[a.kind] - order[b.kind] || a.edap - b.edap);
    const protocol = docs.find((d) => d.protocol)?.protocol;
    // Shards costed under different cost-model switches do not compare: refuse rather than merge them.
    const models = new Set(docs.flatMap((d) => (d.protocol?.costModel ? [JSON.stringify(d.protocol.costModel)] : [])));
    if (models.size > 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b('merge', 'protocol.costModel', `the search results were costed under different cost-model switches: ${[...models].join(' vs ')}`, 'merge only shards of one run (the same technology.json and --delay-model … flags)');
    }
    const lambdaIds = new Set();
    const lambdas = docs.flatMap((d) => d.lambdas ?? []).filter((l) => !lambdaIds.has(l.id) && lambdaIds.add(l.id));
    return paretoDocument(all, docs[0].objective, protocol, docs.some((d) => d.lambdas) ? lambdas : undefined);
}


/***/ })

};
