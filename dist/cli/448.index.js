export const id = 448;
export const ids = [448];
export const modules = {

/***/ 3668:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  W1: () => (/* binding */ folderSink),
  mergeSearchFolders: () => (/* binding */ mergeSearchFolders),
  GS: () => (/* binding */ writeSearchPages)
});

// UNUSED EXPORTS: paretoPage

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/model/from-tfjs.ts
var from_tfjs = __webpack_require__(4091);
// EXTERNAL MODULE: ./src/model/load.ts + 1 modules
var load = __webpack_require__(5519);
// EXTERNAL MODULE: ./src/render/html/report-page.ts + 2 modules
var report_page = __webpack_require__(2348);
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
// EXTERNAL MODULE: ./src/io/search-files.ts
var search_files = __webpack_require__(2528);
;// CONCATENATED MODULE: ./src/io/search-folder.ts
/**
 * The search's output folder on disk (the implementation of search/output-sink.ts), and the one function
 * that merges search shard folders (`nax merge` and the action's `mode: merge` both call it).
 */












/** The standalone HTML page of a search folder's pareto.json (the Pareto scatter and the candidate table), beside it. */
function paretoPage(doc) {
    return (0,report_page.renderParetoHtml)(doc, search_files/* PARETO_FILE */.V6);
}
/** A search folder's readable files beside its pareto.json: `summary.md` and the Pareto page. */
async function writeSearchPages(sink, doc, summary) {
    await sink.writeText(search_files/* SUMMARY_FILE */.u7, summary);
    await sink.writeText(search_files/* PARETO_PAGE */.kV, paretoPage(doc));
}
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
function withoutFolder(c) {
    const { folder: _outside, ...rest } = c;
    return rest;
}
/**
 * Reads `pareto.json` of every shard folder (shown to the user as `shownAs[i]`), merges them, and writes the
 * merged `pareto.json`, `summary.md` and `pareto.html` into `outDir`. Candidate folders in the returned document are
 * relative to `outDir` (a shard folder beside it: through '..'); the written pareto.json keeps only those below it.
 */
async function mergeSearchFolders(folders, outDir, shownAs = folders) {
    const names = folders.map((_, i) => shownAs[i].replace(/\/+$/, ''));
    const shown = names.map((n) => `${n}/pareto.json`);
    const docs = await Promise.all(folders.map(async (d, i) => (0,parse_pareto.parseParetoDocument)(await (0,report_file/* readJsonFile */.JE)(external_node_path_default().join(d, search_files/* PARETO_FILE */.V6), shown[i]), shown[i])));
    const merged = (0,pareto/* mergeSearchResults */.L)(docs, folders.map((d) => external_node_path_default().relative(outDir, d) || '.'), shown);
    await (0,promises_.mkdir)(outDir, { recursive: true });
    // On disk a candidate's folder must lie below the merged folder, as every reader of pareto.json requires (a
    // forged '..' could point a merge's best-dir output anywhere): candidates of shard folders beside it keep none
    // there; the returned document and `bestFolder` still locate them.
    const onDisk = { ...merged, candidates: merged.candidates.map((c) => (c.folder === undefined || (0,parse_pareto.isFolderBelow)(c.folder) ? c : withoutFolder(c))) };
    await (0,promises_.writeFile)(external_node_path_default().join(outDir, search_files/* PARETO_FILE */.V6), `${JSON.stringify(onDisk, null, 2)}\n`);
    // A shard without λ records (written before nax kept them) leaves its derivation checks out: say so.
    const without = merged.lambdas ? docs.flatMap((d, i) => (d.lambdas ? [] : [shownAs[i]])) : [];
    // Where the proposal's files are, as the user named its shard (pareto.json may no longer say: above).
    const best = merged.candidates.find((c) => c.id === merged.best);
    const k = docs.findIndex((d) => d.candidates.some((c) => c.id === merged.best));
    const own = k >= 0 ? docs[k].candidates.find((c) => c.id === merged.best).folder : undefined;
    const notes = [
        ...without.map((f) => `${f}: no λ records (written before nax kept them), so its derivation checks are not shown`),
        ...(own !== undefined ? [`the proposed candidate's files (model.json, weights.bin, mapping.json, report.json): ${names[k]}/${own}`] : []),
    ];
    const summary = (0,search_summary/* searchSummaryMarkdown */.w0)(merged, notes);
    await writeSearchPages(folderSink(outDir), merged, summary);
    return { merged, summary, ...(best?.folder !== undefined ? { bestFolder: best.folder } : {}) };
}


/***/ }),

/***/ 8655:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w0: () => (/* binding */ searchSummaryMarkdown)
/* harmony export */ });
/* unused harmony exports candidateTable, comparisonTable, derivationLines, protocolParagraph */
/* harmony import */ var markdown_table__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(735);
/* harmony import */ var _config_cost_model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(145);
/* harmony import */ var _search_pareto_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8741);
/**
 * The search's side-by-side candidate table, the protocol's paired comparisons, and `summary.md`
 * (markdown). Pure: a ParetoDocument in, text out.
 */



const pct = (x) => `${(x * 100).toFixed(2)} %`;
const sci = (x) => x.toExponential(3);
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
        c.quantisedAccuracy === undefined ? '—' : pct(c.quantisedAccuracy),
        KIND_LABEL[c.kind],
        c.fineTuneSteps === undefined ? '—' : String(c.fineTuneSteps),
        c.validationAccuracy === undefined ? '' : pct(c.validationAccuracy),
        sci(c.energyJ),
        sci(c.delayS),
        c.areaMm2.toFixed(3),
        sci(c.edap),
        front.has(c.id) ? 'yes' : '',
    ]);
    return (0,markdown_table__WEBPACK_IMPORTED_MODULE_2__/* .markdownTable */ .Q)([
        ['candidate', 'non-ideal acc. [95 % CI]', 'ideal acc.', 'quantised acc.', 'kind', 'fine-tune steps', 'validation acc.', 'energy J', 'delay s', 'area mm²', 'EDAP J·s·mm²', 'front'],
        ...rows,
    ], { align: ['l', 'r', 'r', 'r', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'c'] });
}
function comparisonCell(x) {
    return `${(0,_search_pareto_js__WEBPACK_IMPORTED_MODULE_1__/* .signedText */ .Mo)(x.deltaPp, 2)} pp [${(0,_search_pareto_js__WEBPACK_IMPORTED_MODULE_1__/* .signedText */ .Mo)(x.ciLowPp, 2)}, ${(0,_search_pareto_js__WEBPACK_IMPORTED_MODULE_1__/* .signedText */ .Mo)(x.ciHighPp, 2)}]`;
}
/** Paired comparisons (same images, same chips) of the searched, random and cost-only candidates against the baselines. */
function comparisonTable(doc) {
    const label = new Map(doc.candidates.map((c) => [c.id, c.label]));
    const rows = [];
    for (const c of doc.candidates) {
        for (const x of c.comparisons ?? []) {
            rows.push([c.label + (c.id === doc.best ? ' ★' : ''), label.get(x.against) ?? x.against, comparisonCell(x), x.verdict, `${(0,_search_pareto_js__WEBPACK_IMPORTED_MODULE_1__/* .signedText */ .Mo)(x.deltaObjective * 100, 1)} %`]);
        }
    }
    if (rows.length === 0)
        return undefined;
    return (0,markdown_table__WEBPACK_IMPORTED_MODULE_2__/* .markdownTable */ .Q)([['candidate', 'against', 'Δ non-ideal acc. [paired 95 % CI]', 'accuracy', `Δ ${doc.objective === 'edap' ? 'EDAP' : doc.objective}`], ...rows], { align: ['l', 'l', 'r', 'l', 'r'] });
}
/**
 * What the derivation rules decided for each evaluated λ: the argmax, then every paired check in order (the
 * checks run on validation images the architecture steps never drew).
 */
function derivationLines(lambdas) {
    return lambdas.filter((l) => l.evaluated).flatMap((l) => [
        `- **λ=${l.lambda}** (${l.id}, ${l.archSteps} architecture steps): argmax ${l.argmax || 'the committed architecture'}`,
        ...(l.pairedChecks.length > 0 ? l.pairedChecks.map((c) => `  - ${(0,_search_pareto_js__WEBPACK_IMPORTED_MODULE_1__/* .describePairedCheck */ .$m)(c, l.lambda)}`)
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
        `${costModelSentence(p.costModel)}${priceSentence(p.hardwarePrice)}${rulesSentence(p.derivationRules)}${lossSentence(p)}${referenceSentence(p.selectionReference, doc.candidates.find((c) => c.id === doc.best))}"Better" or "worse" only where the paired interval excludes 0.`;
}
/**
 * The accuracy λ was chosen against, when the run had one, and whether the proposal reached it (when no λ
 * candidate did, the most accurate was proposed: saying "chosen among those reaching it" would be false).
 */
function referenceSentence(r, proposed) {
    if (!r)
        return '';
    const pc = (x) => `${(x * 100).toFixed(2)} %`;
    const ref = `the size one would choose without a search (${r.id}, the committed network as committed: ` +
        `${pc(r.validationAccuracy)}; ${r.sizes.map((h) => `${h.id} ${pc(h.validationAccuracy)}`).join(', ')})`;
    const short = proposed?.validationAccuracy !== undefined && !(0,_search_pareto_js__WEBPACK_IMPORTED_MODULE_1__/* .reachesReference */ .FE)(proposed.validationAccuracy, r.validationAccuracy);
    return short
        ? `No λ candidate reached, on the selection split, ${ref}; the most accurate (${pc(proposed.validationAccuracy)}) was proposed. `
        : `λ was chosen among the candidates reaching, on the selection split, ${ref}, and not worse there than the most accurate of them (paired interval). `;
}
/** The additive hardware term when the run used it ('' for the product). */
function lossSentence(p) {
    const w = p.additiveWeights;
    return p.hardwareLoss === 'additive' && w
        ? `Hardware term: NAX's additive form w_E·E/E₀ + w_L·D/D₀ + w_A·A/A₀, each relative to the committed network (weights energy ${w.energy}, ` +
            `latency ${w.latency}, area ${w.area}), not the EDAP product. `
        : '';
}
/** The derivation rules every λ's argmax went through ('' when unrecorded). */
function rulesSentence(r) {
    return r ? `Derivation rules: ${(0,_search_pareto_js__WEBPACK_IMPORTED_MODULE_1__/* .rulesText */ .TK)(r)}. ` : '';
}
/** How the derivation rules and the random search priced a mapping's hardware. */
function priceSentence(price) {
    return price === 'exact'
        ? 'The derivation rules and the random search priced each mapping on the exact cost model (whole tiles), relative to the committed network. '
        : 'The derivation rules and the random search priced mappings with the relaxed hardware term of the gradient (nax before the exact price). ';
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
    // A document re-evaluated on a subset (bench:search --evaluate-from --only) may hold no committed candidate: then
    // there is nothing the proposal was compared with, and "does not beat" would be a claim no row supports.
    const hasCommitted = doc.candidates.some((c) => c.kind === 'committed');
    lines.push(best && !hasCommitted
        ? `★ proposed: **${best.label}** — the committed mapping is not among the evaluated candidates.`
        : best
            ? `★ proposed: **${best.label}** — ${doc.beatsCommitted ? 'beats' : 'does not beat'} the committed mapping on ${doc.objective}` +
                (committed ? ` (${(0,_search_pareto_js__WEBPACK_IMPORTED_MODULE_1__/* .signedText */ .Mo)(committed.deltaObjective * 100, 1)} %) at ${committed.verdict === 'equal within noise' ? 'equal non-ideal accuracy within noise' : `${committed.verdict} non-ideal accuracy`} (Δ ${comparisonCell(committed)}).`
                    // Without a paired comparison (documents from before the protocol) only the point accuracies were compared.
                    : ` (no paired comparison with it recorded; by point accuracy ${doc.beatsCommitted ? 'at least as accurate' : 'not both cheaper and at least as accurate'}).`)
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

/***/ 448:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runSearch: () => (/* binding */ runSearch)
});

// UNUSED EXPORTS: loadSearchInputs, simulatorEvaluator

// EXTERNAL MODULE: ./src/data/evalset.ts
var evalset = __webpack_require__(5218);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/io/search-folder.ts + 1 modules
var search_folder = __webpack_require__(3668);
// EXTERNAL MODULE: ./src/render/search-summary.ts
var search_summary = __webpack_require__(8655);
// EXTERNAL MODULE: ./src/model/onnx/load.ts + 4 modules
var load = __webpack_require__(5248);
// EXTERNAL MODULE: ./src/pipeline.ts
var pipeline = __webpack_require__(5165);
// EXTERNAL MODULE: ./src/config/cost-model.ts
var cost_model = __webpack_require__(145);
// EXTERNAL MODULE: ./src/config/mapping.ts
var mapping = __webpack_require__(7408);
// EXTERNAL MODULE: ./src/cost/layer.ts + 1 modules
var cost_layer = __webpack_require__(1012);
// EXTERNAL MODULE: ./src/cost/network.ts
var network = __webpack_require__(5539);
// EXTERNAL MODULE: ./src/cost/options.ts
var options = __webpack_require__(2547);
;// CONCATENATED MODULE: ./src/cost/lut.ts





function keyOf(s, m) {
    return `${s.name}|${s.kind}|${s.kernelH}|${s.kernelW}|${s.inChannels}|${s.outChannels}|${s.outH}|${s.outW}|` +
        `${m.rows}|${m.cols}|${m.weightBits}|${m.bitsPerCell}|${m.inputBits}|${m.dacBits}|${m.adcBits}|` +
        `${m.signMapping}|${m.sliceLayout}|${m.adcsPerCrossbar}|${m.baseline ?? 'ideal'}`;
}
/**
 * A cost model bound to `components` and the cost-model switches `opts`, memoising every (shape, mapping) it
 * is asked about. The memo grows with the distinct pairs seen (a search space of L layers × K candidates
 * holds at most L·K entries).
 */
function createCostLookup(components, opts = options/* DEFAULT_COST_OPTIONS */.t) {
    const memo = new Map();
    // Fast path for the search, which passes the same candidate objects again and again: by identity first,
    // then by value (equal shapes and mappings built afresh still share one entry).
    const byIdentity = new WeakMap();
    return {
        costOf(shape, crossbarChoice) {
            let perShape = byIdentity.get(shape);
            const known = perShape?.get(crossbarChoice);
            if (known !== undefined)
                return known;
            const key = keyOf(shape, crossbarChoice);
            let cost = memo.get(key);
            if (cost === undefined) {
                cost = (0,cost_layer/* layerCost */.l)({ shape, mapping: crossbarChoice }, components, opts);
                memo.set(key, cost);
            }
            if (perShape === undefined) {
                perShape = new WeakMap();
                byIdentity.set(shape, perShape);
            }
            perShape.set(crossbarChoice, cost);
            return cost;
        },
        totals(layers) {
            return (0,network/* costTotals */.b)(layers, components, opts);
        },
        get entries() {
            return memo.size;
        },
        components,
    };
}
// Where a search or sweep changes a layer's crossbar size (defined with the mapping rules).

/** A conv layer with a k×k kernel instead of its own; the output map is unchanged ('same' padding). */
function withKernelSize(shape, kernelSize) {
    (0,errors/* assert */.v)(shape.kind === 'conv2d', () => `kernel candidates need a conv2d layer, '${shape.name}' is ${shape.kind}`);
    return { ...shape, kernelH: kernelSize, kernelW: kernelSize };
}
/** The LUT of one layer: every kernel size × crossbar size, kernel-major, in the order given. */
function buildLayerLut(lookup, options) {
    const out = [];
    for (const kernelSize of options.kernelSizes) {
        const shape = withKernelSize(options.shape, kernelSize);
        for (const crossbarSize of options.crossbarSizes) {
            const mapping = withCrossbarSize(options.mapping, crossbarSize);
            out.push({ kernelSize, crossbarSize, shape, mapping, cost: lookup.costOf(shape, mapping) });
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/model/graph.ts
var model_graph = __webpack_require__(3749);
// EXTERNAL MODULE: ./src/xbar/simulate.ts + 13 modules
var simulate = __webpack_require__(1005);
// EXTERNAL MODULE: ./node_modules/@tensorflow/tfjs-core/dist/tf-core.node.js
var tf_core_node = __webpack_require__(3484);
// EXTERNAL MODULE: ./node_modules/@tensorflow/tfjs-layers/dist/tf-layers.node.js
var tf_layers_node = __webpack_require__(9762);
;// CONCATENATED MODULE: ./src/search/plan.ts


function byName(g) {
    return new Map(g.nodes.map((n) => [n.name, n]));
}
function singleInput(n) {
    return n.op === 'add' ? undefined : n.input;
}
/** Walks back from `from` through single-input matrix/activation/affine nodes until `target`; null if it does not get there. */
function walkBack(nodes, from, target) {
    const chain = [];
    let cur = from;
    for (let guard = 0; guard < 64; guard++) {
        if (cur === target)
            return chain.reverse();
        const n = nodes.get(cur);
        if (!n || (n.op !== 'matrix' && n.op !== 'activation' && n.op !== 'affine'))
            return null;
        chain.push(cur);
        const next = singleInput(n);
        if (next === undefined)
            return null;
        cur = next;
    }
    return null;
}
/** Finds the residual blocks of a graph (identity or projection shortcut). */
function findResidualBlocks(g) {
    const nodes = byName(g);
    const out = [];
    for (const n of g.nodes) {
        if (n.op !== 'add' || n.inputs.length !== 2)
            continue;
        const [a, b] = n.inputs;
        let found;
        for (const [short, br] of [[a, b], [b, a]]) {
            const chain = walkBack(nodes, br, short);
            const matrices = chain?.filter((c) => nodes.get(c)?.op === 'matrix') ?? [];
            if (chain && matrices.length > 0) {
                found = { add: n.name, input: short, branch: matrices, branchNodes: chain, shortcut: 'identity' };
                break;
            }
            const p = nodes.get(short);
            if (p?.op === 'matrix') {
                const chain2 = walkBack(nodes, br, p.input);
                const m2 = chain2?.filter((c) => nodes.get(c)?.op === 'matrix') ?? [];
                if (chain2 && m2.length > 0) {
                    found = { add: n.name, input: p.input, branch: m2, branchNodes: chain2, shortcut: 'projection', projection: p.name };
                    break;
                }
            }
        }
        if (found)
            out.push(found);
    }
    return out;
}
/** Largest odd kernel whose taps can all touch real pixels under 'same' padding on an H×W map: 2·min(H, W) − 1. */
function maxUsefulKernel(inH, inW) {
    return 2 * Math.min(inH, inW) - 1;
}
/**
 * Resolves the search space against the model. `file` is nax.yml (errors name `search.*` fields in it).
 * Throws NaxUserError for: unknown or non-conv layer names, 'valid' padding on a searchable layer, a kernel
 * larger than 2·min(H, W) − 1 of a searchable layer's input map, a zero op on a block with a projection shortcut
 * or on a layer that does not start a block, and a model without residual blocks when `layers: residual`.
 */
function resolveSearchPlan(opts) {
    const { graph, committed, space, file } = opts;
    const matrices = (0,model_graph/* matrixNodes */.P)(graph);
    const names = matrices.map((m) => m.name);
    const byLayer = new Map(matrices.map((m) => [m.name, m]));
    const blocks = findResidualBlocks(graph);
    let searchable;
    if (space.layers === 'residual') {
        searchable = blocks.flatMap((b) => b.branch).filter((n) => {
            const s = byLayer.get(n).shape;
            return s.kind === 'conv2d' && s.kernelH === 3 && s.kernelW === 3;
        });
        if (searchable.length === 0) {
            throw new errors/* NaxUserError */.b(file, 'search.layers', 'the model has no 3×3 convolutions inside residual blocks', `list the layers to search by name; matrix layers: ${names.join(', ')}`);
        }
    }
    else {
        searchable = [];
        space.layers.forEach((name, i) => {
            const field = `search.layers[${i}]`;
            const node = byLayer.get(name);
            if (!node)
                throw new errors/* NaxUserError */.b(file, field, `the model has no matrix layer named '${name}'`, `matrix layers: ${names.join(', ')}`);
            if (node.shape.kind !== 'conv2d')
                throw new errors/* NaxUserError */.b(file, field, `layer '${name}' is dense; only conv kernels can be searched`);
            if (searchable.includes(name))
                throw new errors/* NaxUserError */.b(file, field, `layer '${name}' is listed twice`);
            searchable.push(name);
        });
    }
    for (const name of searchable) {
        const node = byLayer.get(name);
        const field = space.layers === 'residual' ? 'search.layers' : `search.layers[${space.layers.indexOf(name)}]`;
        if (node.padding !== 'same') {
            throw new errors/* NaxUserError */.b(file, field, `layer '${name}' uses 'valid' padding`, "changing its kernel would change the output size; only layers with 'same' padding can be searched");
        }
        if (node.shape.kernelH !== node.shape.kernelW) {
            throw new errors/* NaxUserError */.b(file, field, `layer '${name}' has a non-square ${node.shape.kernelH}×${node.shape.kernelW} kernel; only square kernels are searched`);
        }
        space.kernels.forEach((k, j) => {
            const max = maxUsefulKernel(node.shape.inH, node.shape.inW);
            if (k > max) {
                throw new errors/* NaxUserError */.b(file, `search.kernels[${j}]`, `kernel ${k}×${k} does not fit layer '${name}', whose input feature map is ${node.shape.inH}×${node.shape.inW}: the largest useful kernel there is ${max}×${max}`, `with 'same' padding, taps more than ${Math.min(node.shape.inH, node.shape.inW) - 1} pixels from the centre only ever see zero padding, so they would add crossbar rows that never carry data; drop ${k} or leave '${name}' out of search.layers`);
            }
        });
    }
    // Zero op: which blocks may be skipped, each attached to its first branch layer.
    const zeroAt = new Map();
    const blockOfFirst = new Map(blocks.map((b) => [b.branch[0], b]));
    if (space.zeroOp === true) {
        for (const b of blocks) {
            if (b.shortcut === 'identity' && b.branch.every((l) => searchable.includes(l)))
                zeroAt.set(b.branch[0], b);
        }
        if (zeroAt.size === 0) {
            throw new errors/* NaxUserError */.b(file, 'search.zeroOp', 'no residual block with an identity shortcut has all its layers in search.layers', 'the zero op skips a whole block, which keeps shapes only when the shortcut is an identity');
        }
    }
    else if (Array.isArray(space.zeroOp)) {
        space.zeroOp.forEach((name, i) => {
            const field = `search.zeroOp[${i}]`;
            const b = blockOfFirst.get(name);
            if (!b) {
                const inside = blocks.find((x) => x.branch.includes(name));
                throw new errors/* NaxUserError */.b(file, field, inside
                    ? `layer '${name}' is not the first layer of its residual block; name '${inside.branch[0]}' to make the block skippable`
                    : `layer '${name}' does not start a residual block`, `blocks start at: ${blocks.map((x) => x.branch[0]).join(', ')}`);
            }
            if (b.shortcut === 'projection') {
                throw new errors/* NaxUserError */.b(file, field, `the block starting at '${name}' has a projection shortcut ('${b.projection}')`, 'skipping it would leave the projection changing channels or resolution on its own, which is no longer the same network; the zero op applies only to identity-shortcut blocks');
            }
            for (const l of b.branch) {
                if (!searchable.includes(l))
                    throw new errors/* NaxUserError */.b(file, field, `the block starting at '${name}' contains '${l}', which is not in search.layers`);
            }
            zeroAt.set(name, b);
        });
    }
    const layers = [];
    for (const node of matrices) {
        const m = committed.get(node.name);
        if (!m)
            throw new Error(`internal error: no committed mapping for layer '${node.name}'`);
        const isSearchable = searchable.includes(node.name);
        if (!isSearchable && space.otherLayers === 'committed')
            continue;
        const kernels = isSearchable ? space.kernels : [node.shape.kernelH];
        const ops = [];
        for (const kernel of kernels)
            for (const crossbar of space.crossbars)
                ops.push({ kind: 'path', kernel, crossbar });
        const zb = zeroAt.get(node.name);
        if (zb)
            ops.push({ kind: 'zero' });
        const owner = [...zeroAt.values()].find((b) => b.branch.includes(node.name) && b.branch[0] !== node.name);
        layers.push({
            name: node.name,
            ops,
            committedKernel: node.shape.kernelH,
            committedCrossbar: m.rows,
            kernelSearched: isSearchable,
            zeroBlock: zb,
            skippedWith: owner?.branch[0],
        });
    }
    return { graph, layers, blocks, committed, space };
}
/** The kernel a choice gives each matrix layer ('zero' for a skipped layer); layers outside the plan keep theirs. */
function kernelsOf(plan, arch) {
    const out = new Map();
    for (const m of (0,model_graph/* matrixNodes */.P)(plan.graph))
        out.set(m.name, m.shape.kernelH);
    plan.layers.forEach((l, i) => {
        const op = l.ops[arch[i]];
        if (op.kind === 'zero')
            for (const b of l.zeroBlock.branch)
                out.set(b, 'zero');
        else if (out.get(l.name) !== 'zero')
            out.set(l.name, op.kernel);
    });
    return out;
}
/** The op index of the committed architecture (committed kernel and crossbar) per mixed layer, or −1 when absent from the space. */
function committedChoice(plan) {
    return plan.layers.map((l) => l.ops.findIndex((o) => o.kind === 'path' && o.kernel === l.committedKernel && o.crossbar === l.committedCrossbar));
}
/** Short human form of a choice: `s1b1_conv1 5×5@32, …` (only layers that differ from the committed model when `diffOnly`). */
function describeChoice(plan, arch, diffOnly = false) {
    const parts = [];
    const kernels = kernelsOf(plan, arch);
    plan.layers.forEach((l, i) => {
        const op = l.ops[arch[i]];
        if (op.kind === 'zero') {
            parts.push(`block ${l.zeroBlock.add} skipped`);
            return;
        }
        if (kernels.get(l.name) === 'zero')
            return;
        if (diffOnly && op.kernel === l.committedKernel && op.crossbar === l.committedCrossbar)
            return;
        parts.push(`${l.name} ${op.kernel}×${op.kernel}@${op.crossbar}`);
    });
    return parts.join(', ');
}

;// CONCATENATED MODULE: ./src/search/derive.ts
/**
 * From a chosen architecture to things a user can commit: the derived NetworkGraph (chosen kernels, the
 * supernet's weights, skipped blocks removed), its per-layer mapping (chosen crossbar sizes), and a real
 * tfjs-layers model with the same layer names, which loads and simulates like any user model.
 */





/**
 * The network of one architecture: chosen kernels with their weights, and the blocks whose zero op was
 * chosen removed (their add's consumers read the block input; with a ReLU after the add this is exact,
 * since the block input is itself post-ReLU and relu(x + 0) = x).
 */
function deriveGraph(plan, arch, weightsOf) {
    const g = plan.graph;
    const kernels = kernelsOf(plan, arch);
    const removed = new Set();
    const rename = new Map();
    plan.layers.forEach((l, i) => {
        if (l.ops[arch[i]].kind !== 'zero')
            return;
        const b = l.zeroBlock;
        for (const n of b.branchNodes)
            removed.add(n);
        removed.add(b.add);
        rename.set(b.add, b.input);
    });
    const resolve = (n) => {
        let cur = n;
        while (rename.has(cur))
            cur = rename.get(cur);
        return cur;
    };
    const nodes = [];
    for (const n of g.nodes) {
        if (removed.has(n.name))
            continue;
        if (n.op === 'matrix') {
            const k = kernels.get(n.name);
            const { weights, bias } = weightsOf(n.name, k);
            const m = {
                ...n,
                input: resolve(n.input),
                shape: { ...n.shape, kernelH: k, kernelW: k },
                weights,
                bias,
            };
            nodes.push(m);
        }
        else if (n.op === 'add') {
            nodes.push({ ...n, inputs: n.inputs.map(resolve) });
        }
        else {
            nodes.push({ ...n, input: resolve(n.input) });
        }
    }
    return { input: g.input, inputShape: g.inputShape, nodes, output: resolve(g.output) };
}
/** The mapping of every matrix layer of an architecture: mixed layers on their chosen crossbar size, others as committed. */
function deriveMappings(plan, arch) {
    const kernels = kernelsOf(plan, arch);
    const out = new Map();
    for (const [name, m] of plan.committed)
        if (kernels.get(name) !== 'zero')
            out.set(name, m);
    plan.layers.forEach((l, i) => {
        const op = l.ops[arch[i]];
        if (op.kind === 'path' && out.has(l.name))
            out.set(l.name, (0,mapping/* withCrossbarSize */.VU)(plan.committed.get(l.name), op.crossbar));
    });
    return out;
}
/** Mapping of every matrix layer of a graph on N×N crossbars (a homogeneous baseline). */
function homogeneousMappings(committed, n) {
    const out = new Map();
    for (const [name, m] of committed)
        out.set(name, (0,mapping/* withCrossbarSize */.VU)(m, n));
    return out;
}
/**
 * A tfjs-layers model computing `g` (weights BN-folded, so no BatchNormalization layers): Conv2D/Dense keep
 * the matrix layer names; an add with an activation becomes Add + Activation (`<add>_act`). Affine nodes
 * (unfoldable BatchNormalization) are not supported by the search.
 */
function buildLayersModel(g, file) {
    const t = new Map();
    const input = tf_layers_node/* input */.hF({ shape: [...g.inputShape], name: g.input });
    t.set(g.input, input);
    const get = (n) => t.get(n);
    const weights = [];
    const taken = new Set(g.nodes.map((n) => n.name).concat(g.input));
    const fresh = (base) => {
        let name = base;
        for (let i = 1; taken.has(name); i++)
            name = `${base}_${i}`;
        taken.add(name);
        return name;
    };
    for (const n of g.nodes) {
        let y;
        switch (n.op) {
            case 'matrix': {
                const s = n.shape;
                if (s.kind === 'dense') {
                    const layer = tf_layers_node/* layers */.ZF.dense({ name: n.name, units: s.outChannels, activation: n.activation, useBias: true });
                    y = layer.apply(get(n.input));
                    weights.push([layer, [tf_core_node.tensor2d(n.weights, [s.inChannels, s.outChannels]), tf_core_node.tensor1d(n.bias)]]);
                }
                else {
                    const layer = tf_layers_node/* layers */.ZF.conv2d({
                        name: n.name, filters: s.outChannels, kernelSize: [s.kernelH, s.kernelW], strides: [s.strideH, s.strideW],
                        padding: n.padding, activation: n.activation, useBias: true,
                    });
                    y = layer.apply(get(n.input));
                    weights.push([layer, [tf_core_node.tensor4d(n.weights, [s.kernelH, s.kernelW, s.inChannels, s.outChannels]), tf_core_node.tensor1d(n.bias)]]);
                }
                break;
            }
            case 'add': {
                const ins = n.inputs.map(get);
                y = ins.length === 1 ? ins[0] : tf_layers_node/* layers */.ZF.add({ name: n.name }).apply(ins);
                if (n.activation !== 'linear')
                    y = tf_layers_node/* layers */.ZF.activation({ name: fresh(`${n.name}_act`), activation: n.activation }).apply(y);
                break;
            }
            case 'activation':
                y = tf_layers_node/* layers */.ZF.activation({ name: n.name, activation: n.activation }).apply(get(n.input));
                break;
            case 'maxPool':
                y = tf_layers_node/* layers */.ZF.maxPooling2d({ name: n.name, poolSize: [n.poolH, n.poolW], strides: [n.strideH, n.strideW], padding: n.padding }).apply(get(n.input));
                break;
            case 'avgPool':
                y = tf_layers_node/* layers */.ZF.averagePooling2d({ name: n.name, poolSize: [n.poolH, n.poolW], strides: [n.strideH, n.strideW], padding: n.padding }).apply(get(n.input));
                break;
            case 'globalAvgPool':
                y = tf_layers_node/* layers */.ZF.globalAveragePooling2d({ name: n.name }).apply(get(n.input));
                break;
            case 'pad':
                y = tf_layers_node/* layers */.ZF.zeroPadding2d({ name: n.name, padding: [[n.top, n.bottom], [n.left, n.right]] }).apply(get(n.input));
                break;
            case 'flatten':
                y = tf_layers_node/* layers */.ZF.flatten({ name: n.name }).apply(get(n.input));
                break;
            case 'affine':
                throw new errors/* NaxUserError */.b(file, '', `layer '${n.name}' is a BatchNormalization that could not be folded into a conv/dense layer; the search cannot rebuild such models`);
        }
        t.set(n.name, y);
    }
    const model = tf_layers_node/* model */.ge({ inputs: input, outputs: get(g.output), name: 'nax_searched' });
    for (const [layer, ws] of weights) {
        layer.setWeights(ws);
        tf_core_node.dispose(ws);
    }
    return model;
}

// EXTERNAL MODULE: ./src/xbar/rng.ts
var xbar_rng = __webpack_require__(1103);
;// CONCATENATED MODULE: ./src/search/arch.ts
function softmax(a) {
    let mx = -Infinity;
    for (let i = 0; i < a.length; i++)
        mx = Math.max(mx, a[i]);
    const out = new Float64Array(a.length);
    let s = 0;
    for (let i = 0; i < a.length; i++) {
        out[i] = Math.exp(a[i] - mx);
        s += out[i];
    }
    for (let i = 0; i < a.length; i++)
        out[i] /= s;
    return out;
}
const KEYS = ['energyJ', 'delayS', 'areaMm2'];
/** Expected sums S_X and their gradients ∂S_X/∂p per (layer, op), under the block structure. */
function expectedSums(plan, table, probs) {
    const idx = new Map(plan.layers.map((l, i) => [l.name, i]));
    const layerE = (i, k) => {
        const p = probs[i];
        const f = table.ops[i][k];
        let s = 0;
        for (let j = 0; j < p.length; j++)
            s += p[j] * f[j];
        return s;
    };
    const sums = { energyJ: table.constant.energyJ, delayS: table.constant.delayS, areaMm2: table.constant.areaMm2 };
    const dp = { energyJ: [], delayS: [], areaMm2: [] };
    for (const k of KEYS) {
        plan.layers.forEach((l, i) => {
            const p = probs[i];
            const f = table.ops[i][k];
            const g = new Float64Array(p.length);
            const keep = l.skippedWith !== undefined ? 1 - zeroProb(plan, probs, idx.get(l.skippedWith)) : 1;
            for (let j = 0; j < p.length; j++)
                g[j] = keep * f[j];
            sums[k] += keep * layerE(i, k);
            if (l.zeroBlock) {
                // ∂/∂p_zero of the whole block's kept cost: −Σ over the block's other layers of their expected cost.
                const z = l.ops.findIndex((o) => o.kind === 'zero');
                let rest = 0;
                for (const name of l.zeroBlock.branch)
                    if (name !== l.name)
                        rest += layerE(idx.get(name), k);
                g[z] = -rest;
            }
            dp[k].push(g);
        });
    }
    return { sums, dp };
}
function zeroProb(plan, probs, i) {
    const z = plan.layers[i].ops.findIndex((o) => o.kind === 'zero');
    return z < 0 ? 0 : probs[i][z];
}
function isAdditive(t) {
    return t.objective === 'edap' && t.form === 'additive';
}
/** Ĉ for sums S: the objective's surrogate (energy, latency, E·D·A, or the additive form). */
function surrogate(t, s) {
    if (isAdditive(t)) {
        const { weights: w, reference: r } = t.additive;
        return (w.energy * s.energyJ) / r.energyJ + (w.latency * s.delayS) / r.delayS + (w.area * s.areaMm2) / r.areaMm2;
    }
    const obj = t.objective;
    return obj === 'energy' ? s.energyJ : obj === 'latency' ? s.delayS : s.energyJ * s.delayS * s.areaMm2;
}
/** ∂Ĉ/∂S_X. */
function surrogateGrad(t, s) {
    if (isAdditive(t)) {
        const { weights: w, reference: r } = t.additive;
        return { energyJ: w.energy / r.energyJ, delayS: w.latency / r.delayS, areaMm2: w.area / r.areaMm2 };
    }
    return t.objective === 'energy'
        ? { energyJ: 1, delayS: 0, areaMm2: 0 }
        : t.objective === 'latency'
            ? { energyJ: 0, delayS: 1, areaMm2: 0 }
            : { energyJ: s.delayS * s.areaMm2, delayS: s.energyJ * s.areaMm2, areaMm2: s.energyJ * s.delayS };
}
/** Hardware term value Ĉ(p)/Ĉ(committed) (without λ) and its gradient with respect to α. */
function hardwareTerm(plan, table, alphas) {
    const probs = alphas.map(softmax);
    const { sums, dp } = expectedSums(plan, table, probs);
    const c = surrogate(table, sums);
    const dS = surrogateGrad(table, sums);
    const grad = probs.map((p, i) => {
        const gp = new Float64Array(p.length);
        for (const k of KEYS) {
            if (dS[k] === 0)
                continue;
            const g = dp[k][i];
            for (let j = 0; j < p.length; j++)
                gp[j] += dS[k] * g[j];
        }
        // softmax Jacobian: ∂/∂α_j = p_j (gp_j − Σ_i p_i gp_i)
        let mean = 0;
        for (let j = 0; j < p.length; j++)
            mean += p[j] * gp[j];
        const ga = new Float64Array(p.length);
        for (let j = 0; j < p.length; j++)
            ga[j] = (p[j] * (gp[j] - mean)) / table.committedValue;
        return ga;
    });
    return { value: c / table.committedValue, grad };
}
/** Ĉ of one concrete architecture (one-hot p), normalised — the hardware term an argmax would get. */
function hardwareOfChoice(plan, table, arch) {
    const probs = plan.layers.map((l, i) => {
        const p = new Float64Array(l.ops.length);
        p[arch[i]] = 1;
        return p;
    });
    return surrogate(table, expectedSums(plan, table, probs).sums) / table.committedValue;
}
/**
 * REINFORCE gradient of the CE part for one sampled architecture: (ce − baseline)·(onehot − p) on every
 * layer whose choice mattered (layers of a skipped block get none: their sample had no effect).
 */
function reinforceGrad(plan, alphas, arch, advantage) {
    const skipped = skippedLayers(plan, arch);
    return alphas.map((a, i) => {
        const g = new Float64Array(a.length);
        if (skipped.has(plan.layers[i].name))
            return g;
        const p = softmax(a);
        for (let j = 0; j < a.length; j++)
            g[j] = advantage * ((j === arch[i] ? 1 : 0) - p[j]);
        return g;
    });
}
/** Layers of a block whose zero op the architecture chose (other than the layer carrying the zero op). */
function skippedLayers(plan, arch) {
    const skipped = new Set();
    plan.layers.forEach((l, i) => {
        if (l.zeroBlock && l.ops[arch[i]].kind === 'zero')
            for (const b of l.zeroBlock.branch)
                if (b !== l.name)
                    skipped.add(b);
    });
    return skipped;
}
/**
 * Two-path sampling (ProxylessNAS binary gates): per layer two distinct ops drawn from softmax(α) without
 * replacement; path A takes every layer's first draw, path B its second. A layer with one op gets it twice.
 */
function sampleTwoPaths(alphas, rng) {
    const a = [];
    const b = [];
    for (const al of alphas) {
        const p = softmax(al);
        const first = drawFrom(p, rng.uniform());
        a.push(first);
        if (p.length < 2) {
            b.push(first);
            continue;
        }
        const rest = p.slice();
        rest[first] = 0;
        let s = 0;
        for (const x of rest)
            s += x;
        for (let j = 0; j < rest.length; j++)
            rest[j] /= s;
        b.push(drawFrom(rest, rng.uniform()));
    }
    return [a, b];
}
function drawFrom(p, u) {
    let c = 0;
    for (let j = 0; j < p.length; j++) {
        c += p[j];
        if (u < c)
            return j;
    }
    // Rounding: the last op with non-zero probability.
    for (let j = p.length - 1; j > 0; j--)
        if (p[j] > 0)
            return j;
    return 0;
}
/**
 * Binary-gate gradient of the CE part for a two-path sample with losses lossA, lossB: on each layer whose
 * two ops differ, with p̃ the softmax over the pair, ∂L/∂α_a = p̃_a·p̃_b·(L_A − L_B) and ∂L/∂α_b = −∂L/∂α_a
 * (Σ_k L_k·p̃_k(δ_jk − p̃_j) with ∂L/∂g_k ≈ L of the path whose gate k is open); zero elsewhere, and on
 * layers that either path skips (their gate had no effect there).
 */
function binaryGateGrad(plan, alphas, archA, archB, lossA, lossB) {
    const skipA = skippedLayers(plan, archA);
    const skipB = skippedLayers(plan, archB);
    return alphas.map((al, i) => {
        const g = new Float64Array(al.length);
        const a = archA[i];
        const b = archB[i];
        const name = plan.layers[i].name;
        if (a === b || skipA.has(name) || skipB.has(name))
            return g;
        const m = Math.max(al[a], al[b]);
        const ea = Math.exp(al[a] - m);
        const eb = Math.exp(al[b] - m);
        const pa = ea / (ea + eb);
        const pb = 1 - pa;
        g[a] = pa * pb * (lossA - lossB);
        g[b] = -g[a];
        return g;
    });
}
/**
 * ProxylessNAS' rescaling after a two-path update: shifts the pair's new α by one offset so that
 * Σ_pair exp(α) is what it was before the step (the ops not sampled keep their share of probability).
 */
function rescalePairs(before, after, archA, archB) {
    const lse = (x, y) => {
        const m = Math.max(x, y);
        return m + Math.log(Math.exp(x - m) + Math.exp(y - m));
    };
    after.forEach((al, i) => {
        const a = archA[i];
        const b = archB[i];
        if (a === b)
            return;
        const off = lse(al[a], al[b]) - lse(before[i][a], before[i][b]);
        al[a] -= off;
        al[b] -= off;
    });
}
/**
 * Initial α: zero, plus `bonus` nats on each listed choice's op per layer (warm start from the committed
 * mapping and the cost-only optimum; an index −1 — op not in the space — adds nothing).
 */
function initialAlphas(plan, priors) {
    return plan.layers.map((l, i) => {
        const a = new Float64Array(l.ops.length);
        for (const p of priors) {
            const j = p.choice[i];
            if (j >= 0 && j < a.length)
                a[j] += p.bonus;
        }
        return a;
    });
}
/** Samples one op per mixed layer from softmax(α) (one-hot binary gates). */
function sampleArch(alphas, rng) {
    return alphas.map((a) => {
        const p = softmax(a);
        const u = rng.uniform();
        let c = 0;
        for (let j = 0; j < p.length; j++) {
            c += p[j];
            if (u < c)
                return j;
        }
        return p.length - 1;
    });
}
/** Uniformly sampled path (warm-up: every candidate's weights get trained). */
function uniformArch(plan, rng, withZero) {
    return plan.layers.map((l) => {
        const n = withZero ? l.ops.length : l.ops.filter((o) => o.kind === 'path').length;
        return Math.min(n - 1, Math.floor(rng.uniform() * n));
    });
}
/** argmax α per layer (first index on ties). */
function argmaxArch(alphas) {
    return alphas.map((a) => {
        let best = 0;
        for (let j = 1; j < a.length; j++)
            if (a[j] > a[best])
                best = j;
        return best;
    });
}
/**
 * Adam on α with ProxylessNAS' settings: β1 = 0 (no momentum: the REINFORCE signal changes sign often),
 * β2 = 0.999, ε = 1e-8 (mit-han-lab/proxylessnas search/imagenet_arch_search.py).
 */
class ArchAdam {
    lr;
    beta1;
    beta2;
    eps;
    v;
    t = 0;
    constructor(shapes, lr, beta1 = 0, beta2 = 0.999, eps = 1e-8) {
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.v = shapes.map((n) => new Float64Array(n));
        this.m = shapes.map((n) => new Float64Array(n));
    }
    m;
    step(alphas, grads) {
        this.t += 1;
        const bc1 = 1 - Math.pow(this.beta1, this.t);
        const bc2 = 1 - Math.pow(this.beta2, this.t);
        alphas.forEach((a, i) => {
            const g = grads[i];
            const m = this.m[i];
            const v = this.v[i];
            for (let j = 0; j < a.length; j++) {
                m[j] = this.beta1 * m[j] + (1 - this.beta1) * g[j];
                v[j] = this.beta2 * v[j] + (1 - this.beta2) * g[j] * g[j];
                a[j] -= (this.lr * (m[j] / bc1)) / (Math.sqrt(v[j] / bc2) + this.eps);
            }
        });
    }
}
/** Mean entropy of softmax(α) over layers, nats (progress: falls as the search commits). */
function meanEntropy(alphas) {
    let s = 0;
    for (const a of alphas) {
        const p = softmax(a);
        for (const x of p)
            if (x > 0)
                s -= x * Math.log(x);
    }
    return alphas.length ? s / alphas.length : 0;
}

// EXTERNAL MODULE: ./src/model/activation.ts
var activation = __webpack_require__(2737);
;// CONCATENATED MODULE: ./src/search/forward.ts
/**
 * Float forward of a NetworkGraph with tfjs ops. The supernet trains through it (weights come from
 * variables), and it gives the ideal accuracy of any graph. Nothing here models crossbars.
 */


/**
 * Runs the graph and returns the output node's pre-softmax values [batch, classes] (a final softmax is
 * left out so callers compute a stable cross-entropy). A 'zero' matrix node outputs zeros of its shape,
 * so `add(shortcut, 0)` passes the shortcut on — the zero op of an identity block. Call inside tf.tidy.
 */
function forwardLogits(o) {
    const vals = new Map();
    vals.set(o.graph.input, o.x);
    const zero = new Set();
    const get = (n) => {
        const v = vals.get(n);
        if (!v)
            throw new Error(`internal error: node input '${n}' not computed`);
        return v;
    };
    for (const n of o.graph.nodes) {
        const isOut = n.name === o.graph.output;
        vals.set(n.name, nodeForward(n, get, o, zero, isOut));
    }
    const out = get(o.graph.output);
    return (out.rank === 2 ? out : tf_core_node.reshape(out, [out.shape[0], -1]));
}
function nodeForward(n, get, o, zero, isOut) {
    const act = (x, a) => (isOut && a === 'softmax' ? x : (0,activation/* activate */.Y)(x, a));
    switch (n.op) {
        case 'matrix': {
            const x = get(n.input);
            const k = o.kernelOf ? o.kernelOf(n) : n.shape.kernelH;
            if (k === 'zero' || zero.has(n.input)) {
                zero.add(n.name);
                const s = n.shape;
                return tf_core_node.zeros(s.kind === 'dense' ? [x.shape[0], s.outChannels] : [x.shape[0], s.outH, s.outW, s.outChannels]);
            }
            const { w, b } = o.weightsOf(n);
            let y;
            if (n.shape.kind === 'dense') {
                const x2 = x.rank === 2 ? x : tf_core_node.reshape(x, [x.shape[0], -1]);
                y = tf_core_node.matMul(x2, w);
            }
            else {
                y = tf_core_node.conv2d(x, w, [n.shape.strideH, n.shape.strideW], n.padding);
            }
            return act(tf_core_node.add(y, b), n.activation);
        }
        case 'add': {
            const ins = n.inputs.filter((i) => !zero.has(i)).map(get);
            const y = ins.length === 1 ? ins[0] : tf_core_node.addN(ins);
            return act(y, n.activation);
        }
        case 'activation':
            if (zero.has(n.input))
                zero.add(n.name);
            return act(get(n.input), n.activation);
        case 'maxPool':
        case 'avgPool':
        case 'globalAvgPool':
        case 'flatten':
        case 'pad':
            return (0,activation/* glueOp */.h)(n, get(n.input));
        case 'affine':
            if (zero.has(n.input))
                zero.add(n.name);
            return (0,activation/* glueOp */.h)(n, get(n.input));
    }
}
/** Whether the graph's output node ends in a softmax (its simulator output is then probabilities, not logits). */
function outputIsSoftmax(g) {
    const n = g.nodes.find((x) => x.name === g.output);
    return !!n && 'activation' in n && n.activation === 'softmax';
}
/** Tensors of a graph's own (BN-folded) weights. */
function graphWeights(node) {
    const s = node.shape;
    const w = s.kind === 'dense'
        ? tf.tensor2d(node.weights, [s.inChannels, s.outChannels])
        : tf.tensor4d(node.weights, [s.kernelH, s.kernelW, s.inChannels, s.outChannels]);
    return { w, b: tf.tensor1d(node.bias) };
}
/**
 * Ideal (float) outputs of a graph over `n` images [n, H, W, C] (flat), batched. Returns [n, classes]
 * pre-softmax values.
 */
function idealLogits(g, images, n, batch = 250) {
    const [h, w, c] = g.inputShape;
    const per = h * w * c;
    const parts = [];
    for (let i = 0; i < n; i += batch) {
        const m = Math.min(batch, n - i);
        const y = tf.tidy(() => {
            const x = tf.tensor4d(images.subarray(i * per, (i + m) * per), [m, h, w, c]);
            return forwardLogits({ graph: g, x, weightsOf: graphWeights });
        });
        parts.push(y.dataSync());
        y.dispose();
    }
    const out = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
    let off = 0;
    for (const p of parts) {
        out.set(p, off);
        off += p.length;
    }
    return out;
}
/** Per-sample cross-entropy of outputs [n, classes] against labels; `probabilities` when the outputs are softmaxed. */
function crossEntropyPerSample(out, labels, n, probabilities) {
    const classes = out.length / n;
    const ce = new Float64Array(n);
    for (let i = 0; i < n; i++) {
        const row = out.subarray(i * classes, (i + 1) * classes);
        const y = labels[i];
        if (probabilities) {
            ce[i] = -Math.log(Math.max(row[y], 1e-12));
        }
        else {
            let mx = -Infinity;
            for (const v of row)
                mx = Math.max(mx, v);
            let s = 0;
            for (const v of row)
                s += Math.exp(v - mx);
            ce[i] = mx + Math.log(s) - row[y];
        }
    }
    return ce;
}
/** Top-1 accuracy of outputs [n, classes]. */
function top1(out, labels, n) {
    const classes = out.length / n;
    let ok = 0;
    for (let i = 0; i < n; i++) {
        let best = 0;
        for (let j = 1; j < classes; j++)
            if (out[i * classes + j] > out[i * classes + best])
                best = j;
        if (best === labels[i])
            ok++;
    }
    return n === 0 ? 0 : ok / n;
}
/** Per-sample top-1 correctness (1/0) of outputs [n, classes]. */
function top1Correct(out, labels, n) {
    const classes = out.length / n;
    const ok = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
        let best = 0;
        for (let j = 1; j < classes; j++)
            if (out[i * classes + j] > out[i * classes + best])
                best = j;
        ok[i] = best === labels[i] ? 1 : 0;
    }
    return ok;
}

// EXTERNAL MODULE: ./src/search/pareto.ts
var search_pareto = __webpack_require__(8741);
;// CONCATENATED MODULE: ./src/search/supernet.ts
/**
 * The NAX supernet: the committed network with every mixed layer holding one weight set per kernel
 * candidate (crossbar size does not change the float function, so candidates that differ only in
 * crossbar size share weights). Weights start from the committed model: a k0×k0 kernel is centre-embedded
 * in larger kernels (zero border) and centre-cropped into smaller ones, so every path starts as (close to)
 * the trained network. Weight steps train the active path on the ideal (float) forward with cross-entropy.
 */




/** Embeds (or crops) a [k0, k0, cin, cout] kernel into [k, k, cin, cout] around the centre. */
function recentreKernel(w, k0, k, cin, cout) {
    const out = new Float32Array(k * k * cin * cout);
    const off = (k - k0) / 2; // integer: both odd
    const inner = cin * cout;
    for (let i = 0; i < k; i++) {
        const i0 = i - off;
        if (i0 < 0 || i0 >= k0)
            continue;
        for (let j = 0; j < k; j++) {
            const j0 = j - off;
            if (j0 < 0 || j0 >= k0)
                continue;
            out.set(w.subarray((i0 * k0 + j0) * inner, (i0 * k0 + j0 + 1) * inner), (i * k + j) * inner);
        }
    }
    return out;
}
function key(layer, kernel) {
    return `${layer}#${kernel}`;
}
class Supernet {
    plan;
    vars = new Map();
    optimizer;
    /** Unique prefix: tfjs variable names are global to the engine, and tests build several supernets. */
    prefix = `nax-supernet-${nextSupernetId++}/`;
    constructor(plan, weightLr) {
        this.plan = plan;
        const mixed = new Map(plan.layers.map((l) => [l.name, l]));
        for (const node of (0,model_graph/* matrixNodes */.P)(plan.graph)) {
            const s = node.shape;
            const l = mixed.get(node.name);
            const kernels = l ? [...new Set(l.ops.flatMap((o) => (o.kind === 'path' ? [o.kernel] : [])))] : [s.kernelH];
            for (const k of kernels) {
                const w = s.kind === 'dense'
                    ? tf_core_node.variable(tf_core_node.tensor2d(node.weights, [s.inChannels, s.outChannels]), true, this.prefix + key(node.name, k))
                    : tf_core_node.variable(tf_core_node.tensor4d(recentreKernel(node.weights, s.kernelH, k, s.inChannels, s.outChannels), [k, k, s.inChannels, s.outChannels]), true, this.prefix + key(node.name, k));
                const b = tf_core_node.variable(tf_core_node.tensor1d(node.bias), true, `${this.prefix}${key(node.name, k)}/bias`);
                this.vars.set(key(node.name, k), { w, b });
            }
        }
        this.optimizer = new KeyedAdam(weightLr);
    }
    kernelFn(arch) {
        const ks = kernelsOf(this.plan, arch);
        return (n) => ks.get(n.name);
    }
    /** Logits of the active path [batch, classes] (call inside tf.tidy). */
    logits(x, arch) {
        const kernelOf = this.kernelFn(arch);
        return forwardLogits({
            graph: this.plan.graph,
            x,
            kernelOf,
            weightsOf: (n) => {
                const v = this.vars.get(key(n.name, kernelOf(n)));
                return { w: v.w, b: v.b };
            },
        });
    }
    /** Changes whenever the weights do (a weight step, a restore): what was measured with other weights is stale. */
    get weightsVersion() {
        return this.version;
    }
    version = 0;
    /** One weight step on the active path: mean cross-entropy on the ideal forward. Returns the loss. */
    weightStep(x, labels, classes, arch) {
        this.version += 1;
        const ks = kernelsOf(this.plan, arch);
        const varList = [];
        for (const [name, k] of ks) {
            if (k === 'zero')
                continue;
            const v = this.vars.get(key(name, k));
            varList.push(v.w, v.b);
        }
        const { value, grads } = tf_core_node.variableGrads(() => {
            const y = this.logits(x, arch);
            return tf_core_node.losses.softmaxCrossEntropy(tf_core_node.oneHot(tf_core_node.cast(labels, 'int32'), classes), y);
        }, varList);
        this.optimizer.apply(varList, grads);
        const v = value.dataSync()[0];
        value.dispose();
        tf_core_node.dispose(grads);
        return v;
    }
    /** Host copy of one layer's weights at one kernel size. */
    hostWeights(layer, kernel) {
        const v = this.vars.get(key(layer, kernel));
        if (!v)
            throw new Error(`internal error: no weights for ${layer} at kernel ${kernel}`);
        return { weights: v.w.dataSync(), bias: v.b.dataSync() };
    }
    /** Snapshot of every weight (to restart each λ from the same warmed-up supernet). */
    snapshot() {
        const out = new Map();
        for (const [k, v] of this.vars) {
            out.set(`${k}/w`, v.w.dataSync().slice());
            out.set(`${k}/b`, v.b.dataSync().slice());
        }
        return out;
    }
    /** Restores a snapshot and resets the weight optimiser's state (fresh Adam moments). */
    restore(s, weightLr) {
        this.version += 1;
        tf_core_node.tidy(() => {
            for (const [k, v] of this.vars) {
                v.w.assign(tf_core_node.tensor(s.get(`${k}/w`), v.w.shape));
                v.b.assign(tf_core_node.tensor(s.get(`${k}/b`), v.b.shape));
            }
        });
        this.optimizer.dispose();
        this.optimizer = new KeyedAdam(weightLr);
    }
    dispose() {
        for (const v of this.vars.values()) {
            v.w.dispose();
            v.b.dispose();
        }
        this.optimizer.dispose();
    }
}
let nextSupernetId = 0;
/**
 * Adam whose moments are keyed by variable name. tfjs's own AdamOptimizer keeps its moments by position in
 * the variable list (adam_optimizer.js), which mixes up state when the active path — and so the list —
 * changes from step to step, as it does in a supernet.
 */
class KeyedAdam {
    lr;
    beta1;
    beta2;
    eps;
    state = new Map();
    constructor(lr, beta1 = 0.9, beta2 = 0.999, eps = 1e-7) {
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }
    apply(vars, grads) {
        for (const v of vars) {
            const g = grads[v.name];
            if (!g)
                continue;
            let s = this.state.get(v.name);
            if (!s) {
                s = { m: tf_core_node.zerosLike(v), v: tf_core_node.zerosLike(v), t: 0 };
                this.state.set(v.name, s);
            }
            const st = s;
            st.t += 1;
            const [m, vv] = tf_core_node.tidy(() => {
                const m2 = tf_core_node.add(tf_core_node.mul(st.m, this.beta1), tf_core_node.mul(g, 1 - this.beta1));
                const v2 = tf_core_node.add(tf_core_node.mul(st.v, this.beta2), tf_core_node.mul(tf_core_node.square(g), 1 - this.beta2));
                const mHat = tf_core_node.div(m2, 1 - Math.pow(this.beta1, st.t));
                const vHat = tf_core_node.div(v2, 1 - Math.pow(this.beta2, st.t));
                v.assign(tf_core_node.sub(v, tf_core_node.div(tf_core_node.mul(mHat, this.lr), tf_core_node.add(tf_core_node.sqrt(vHat), this.eps))));
                return [m2, v2];
            });
            st.m.dispose();
            st.v.dispose();
            st.m = m;
            st.v = vv;
        }
    }
    dispose() {
        for (const s of this.state.values()) {
            s.m.dispose();
            s.v.dispose();
        }
        this.state.clear();
    }
}
/** Every matrix layer's graph node. */
function nodesByName(g) {
    return new Map(matrixNodes(g).map((m) => [m.name, m]));
}

;// CONCATENATED MODULE: ./src/search/engine.ts
/**
 * The search loop (reference §5.9): warm-up of the supernet on uniformly sampled paths, then per λ
 * alternating weight steps (ideal forward of a path sampled from softmax(α)) and architecture steps
 * (validation batch through the NON-IDEAL simulator, REINFORCE or binary gates + exact hardware gradient,
 * Adam on α), argmax, the larger-kernel check, and fine-tuning of the chosen path. The clock is injected (`now`, seconds) and checked between
 * steps; each phase ends at its step cap or its deadline, whichever comes first, and what was found so
 * far is returned. No I/O.
 */









/** Emits a progress line at most every `intervalS` (and always when forced). */
class Ticker {
    clock;
    progress;
    intervalS;
    last = -Infinity;
    constructor(clock, progress, intervalS) {
        this.clock = clock;
        this.progress = progress;
        this.intervalS = intervalS;
    }
    tick(line, force = false) {
        const t = this.clock.now();
        if (force || t - this.last >= this.intervalS) {
            this.last = t;
            this.progress(line());
        }
    }
}
/**
 * Engine settings from the search space (the caller supplies the split size, the warm-start prior and, for
 * `smallerCrossbars: toReference`, the selection reference's crossbar).
 */
function engineSettingsOf(space, nVal, warm, referenceCrossbar) {
    if (space.smallerCrossbars === 'toReference' && referenceCrossbar === undefined) {
        throw new Error('smallerCrossbars: toReference without a selection reference crossbar');
    }
    return {
        seed: space.seed, batchSize: space.batchSize, archEvery: space.archEvery, archLr: space.archLr, weightLr: space.weightLr,
        archBatch: Math.min(space.archBatch, nVal), nonIdealFraction: space.nonIdealFraction, archSamples: 2,
        gradient: space.gradient, commonRandomNumbers: space.commonRandomNumbers, largerKernels: space.largerKernels,
        costlierOps: space.costlierOps, smallerCrossbars: space.smallerCrossbars === 'keep' ? 'keep' : 'paired', kernelCheckImages: space.kernelCheckImages,
        ...(space.smallerCrossbars === 'toReference' ? { smallerCrossbarTarget: referenceCrossbar } : {}),
        ...(warm ? { prior: warm.alphas, costOnly: warm.costOnly } : {}),
    };
}
/** Chip instances of each paired comparison (the same chips for both sides). */
const PAIRED_CHECK_CHIPS = 2;
/**
 * Tests of the smaller-crossbar rule a search phase keeps time for, beside the group comparisons (nax
 * assumption). On the fixture's 15-minute, two-core runs a phase's check time (at most 60 % of it) holds the two
 * group comparisons and one or two tests more at 100 check images, which the costlier-op rule's single-layer
 * tests and this rule's units share. With `smallerCrossbars: toReference` the union of the units two or more
 * sizes above the reference is the first of them: when it is refused, the last such unit's own test may not fit.
 */
const SMALLER_CROSSBAR_TESTS = 2;
/**
 * Fewest validation images a paired comparison runs on: below ~50 a gain must be ≥ 4 images out of 50 to
 * clear the interval at all (nax assumption); with a smaller split the rules do not test.
 */
const MIN_PAIRED_CHECK_IMAGES = 50;
function revertAllOf(a, idx, revertOf) {
    const b = [...a];
    for (const i of idx)
        b[i] = revertOf(i);
    return b;
}
/**
 * The op of `layer` with `op`'s kernel on the nearest crossbar of the space below it (`side` -1) or above it (+1);
 * -1 for none.
 */
function nearestCrossbarOp(layer, op, side) {
    if (op.kind !== 'path')
        return -1;
    let best = -1;
    let bestCrossbar = 0;
    layer.ops.forEach((o, j) => {
        if (o.kind !== 'path' || o.kernel !== op.kernel || Math.sign(o.crossbar - op.crossbar) !== side)
            return;
        if (best < 0 || Math.abs(o.crossbar - op.crossbar) < Math.abs(bestCrossbar - op.crossbar))
            [best, bestCrossbar] = [j, o.crossbar];
    });
    return best;
}
/**
 * Per op of a layer: the op with the same kernel on the next-smaller crossbar of the space (-1 for none and for
 * the zero op), the smaller-crossbar rule's alternative. With a `target` crossbar, an op on a larger one has the
 * same kernel on the target as its alternative (when the layer has that op): one test spans the sizes between.
 */
function smallerCrossbarOps(layer, target) {
    return layer.ops.map((op) => {
        if (op.kind === 'path' && target !== undefined && op.crossbar > target) {
            const t = layer.ops.findIndex((o) => o.kind === 'path' && o.kernel === op.kernel && o.crossbar === target);
            if (t >= 0)
                return t;
        }
        return nearestCrossbarOp(layer, op, -1);
    });
}
/**
 * Per op of a layer: the op with the same kernel on the next-larger crossbar of the space (-1 for none and for the
 * zero op): where a layer a jump to the target moved tries one size back (checkSmallerCrossbars).
 */
function largerCrossbarOps(layer) {
    return layer.ops.map((op) => nearestCrossbarOp(layer, op, 1));
}
/** Cycles through a split in seeded random order, epoch after epoch. */
class BatchStream {
    n;
    seed;
    label;
    order;
    pos = 0;
    epoch = 0;
    constructor(n, seed, label) {
        this.n = n;
        this.seed = seed;
        this.label = label;
        this.order = this.shuffle();
    }
    shuffle() {
        const rng = xbar_rng/* Rng */.K.derive(this.seed, this.label, this.epoch);
        const o = new Int32Array(this.n);
        for (let i = 0; i < this.n; i++)
            o[i] = i;
        for (let i = this.n - 1; i > 0; i--) {
            const j = Math.floor(rng.uniform() * (i + 1));
            const t = o[i];
            o[i] = o[j];
            o[j] = t;
        }
        return o;
    }
    next(size) {
        const m = Math.min(size, this.n);
        if (this.pos + m > this.n) {
            this.epoch += 1;
            this.order = this.shuffle();
            this.pos = 0;
        }
        const out = this.order.slice(this.pos, this.pos + m);
        this.pos += m;
        return out;
    }
}
function gather(images, labels, idx, per) {
    const x = new Float32Array(idx.length * per);
    const y = new Int32Array(idx.length);
    idx.forEach((k, i) => {
        x.set(images.subarray(k * per, (k + 1) * per), i * per);
        y[i] = labels[k];
    });
    return { x, y };
}
/** The supernet plus the state shared by the phases. */
class SearchEngine {
    plan;
    data;
    settings;
    clock;
    ticker;
    net;
    per;
    train;
    val;
    probabilities;
    warmSnapshot;
    weightSteps = 0;
    /**
     * Images held out of the architecture steps for the derivation rules' paired checks: the architecture-step
     * split's last ones, so α is not fitted on them (0 when no rule can test, or fewer than MIN_PAIRED_CHECK_IMAGES).
     */
    heldOutImages;
    /** Check forwards (one architecture, every check image and chip) of the group comparisons per λ: two per rule. */
    groupForwards;
    /**
     * Check forwards each λ's phase keeps time for: the group comparisons', and the smaller-crossbar rule's first
     * SMALLER_CROSSBAR_TESTS tests.
     */
    reservedForwards;
    /** Whether the smaller-crossbar rule can test: it is on, and some layer has a smaller crossbar in the space. */
    smallerRule;
    /** Per mixed layer and op, the smaller-crossbar rule's alternative (smallerCrossbarOps). */
    smallerOf;
    /** Per mixed layer and op, the next-smaller crossbar's op: the alternative after a refused jump to the target. */
    nextSmallerOf;
    /** Per mixed layer and op, the next-larger crossbar's op: the size a jump to the target skipped, tried after it. */
    nextLargerOf;
    /** Images the checks run on: the held-out slice's last ones, fixed once per run (useCheckImages). */
    checkImages;
    /**
     * Wall seconds of a check forward per image and chip, the chips run side by side (on a worker pool, less than one
     * chip's own time): the caller's estimate, then as last measured. Only the checks' time budget uses it.
     */
    checkImageS = 0;
    /**
     * Measured check outcomes by architecture, valid for one simulator, λ (its chips) and set of weights: dropped
     * when any of them changes (a weight step or restore, as at the start of every λ).
     */
    outcomes;
    constructor(plan, data, settings, clock, ticker) {
        this.plan = plan;
        this.data = data;
        this.settings = settings;
        this.clock = clock;
        this.ticker = ticker;
        this.net = new Supernet(plan, settings.weightLr);
        this.per = data.shape[0] * data.shape[1] * data.shape[2];
        this.train = new BatchStream(data.nTrain, settings.seed, 'train-order');
        // A rule can test only where its choice can differ from its fallback: larger kernels exist in the space, or a
        // cost-only optimum is given.
        const kernelRule = settings.largerKernels === 'paired' && plan.layers.some((l) => l.ops.some((op) => op.kind === 'path' && op.kernel > l.committedKernel));
        const opRule = settings.costlierOps === 'paired' && settings.costOnly !== undefined;
        this.smallerOf = plan.layers.map((l) => smallerCrossbarOps(l, settings.smallerCrossbarTarget));
        this.nextSmallerOf = plan.layers.map((l) => smallerCrossbarOps(l));
        this.nextLargerOf = plan.layers.map((l) => largerCrossbarOps(l));
        this.smallerRule = settings.smallerCrossbars === 'paired' && this.smallerOf.some((alt) => alt.some((j) => j >= 0));
        this.groupForwards = 2 * ((kernelRule ? 1 : 0) + (opRule ? 1 : 0));
        this.reservedForwards = this.groupForwards + (this.smallerRule ? SMALLER_CROSSBAR_TESTS : 0);
        const held = this.reservedForwards > 0 ? Math.min(settings.kernelCheckImages ?? 100, Math.floor(data.nVal / 2)) : 0;
        this.heldOutImages = held >= MIN_PAIRED_CHECK_IMAGES ? held : 0;
        this.checkImages = this.heldOutImages;
        this.val = new BatchStream(data.nVal - this.heldOutImages, settings.seed, 'val-order');
        this.probabilities = outputIsSoftmax(plan.graph);
    }
    weightStep(arch) {
        const { x, y } = gather(this.data.trainImages, this.data.trainLabels, this.train.next(this.settings.batchSize), this.per);
        const [h, w, c] = this.data.shape;
        const xt = tf_core_node.tensor4d(x, [y.length, h, w, c]);
        const yt = tf_core_node.tensor1d(y, 'int32');
        try {
            this.weightSteps += 1;
            return this.net.weightStep(xt, yt, this.data.classes, arch);
        }
        finally {
            xt.dispose();
            yt.dispose();
        }
    }
    /** Warm-up: weights of uniformly sampled paths (zero op included), ideal forward. Snapshots the result. */
    warmUp(limit) {
        const rng = xbar_rng/* Rng */.K.derive(this.settings.seed, 'warmup');
        let steps = 0;
        let loss = NaN;
        while (steps < limit.maxSteps && this.clock.now() < limit.deadlineS) {
            loss = this.weightStep(uniformArch(this.plan, rng, true));
            steps += 1;
            this.ticker.tick(() => `search: warm-up step ${steps}, train CE ${loss.toFixed(3)}`);
        }
        this.warmSnapshot = this.net.snapshot();
        return { steps, stoppedOnTime: steps < limit.maxSteps };
    }
    /**
     * Fixes the checks' image count for the run (at most the held-out slice; below MIN_PAIRED_CHECK_IMAGES the rules
     * do not test) and the estimated seconds per image and chip of a check forward, until one is measured.
     */
    useCheckImages(n, secondsPerImageChip) {
        const m = Math.min(Math.max(0, Math.floor(n)), this.heldOutImages);
        this.checkImages = m >= MIN_PAIRED_CHECK_IMAGES ? m : 0;
        if (this.checkImageS === 0)
            this.checkImageS = secondsPerImageChip;
    }
    /** The check outcomes measured so far with this simulator, λ and weights (a fresh map when any differs). */
    checkOutcomes(nonIdeal, lambda) {
        const c = this.outcomes;
        const weights = this.net.weightsVersion;
        if (c && c.nonIdeal === nonIdeal && c.lambda === lambda && c.weights === weights)
            return c.byArch;
        this.outcomes = { nonIdeal, lambda, weights, byArch: new Map() };
        return this.outcomes.byArch;
    }
    /** Images the checks run on (0: the rules do not test). */
    get checkImageCount() {
        return this.checkImages;
    }
    /** Wall seconds of a check forward per image and chip (checkImageS): as last measured, else the caller's estimate (0 without). */
    get checkImageSeconds() {
        return this.checkImageS;
    }
    /** Weights of a layer at a kernel, for deriveGraph. */
    weightsOf = (layer, kernel) => this.net.hostWeights(layer, kernel);
    /**
     * One λ: search (until `search` ends), argmax, fine-tune (until `fineTune` ends). Starts from the
     * warm-up snapshot so every λ sees the same supernet.
     */
    async searchLambda(o) {
        const { lambda, table } = o;
        const priceOf = o.priceOf ?? ((a) => hardwareOfChoice(this.plan, table, a));
        const s = this.settings;
        if (this.warmSnapshot)
            this.net.restore(this.warmSnapshot, s.weightLr);
        const alphas = this.plan.layers.map((l, i) => (s.prior?.[i] ? Float64Array.from(s.prior[i]) : new Float64Array(l.ops.length)));
        const adam = new ArchAdam(alphas.map((a) => a.length), s.archLr);
        const rng = xbar_rng/* Rng */.K.derive(s.seed, 'search', lambda);
        const trajectory = [];
        const recentCe = [];
        let ema;
        let weightSteps = 0;
        let archSteps = 0;
        let loss = NaN;
        let stoppedOnTime = false;
        const tag = `search λ=${lambda}`;
        while (weightSteps < o.search.maxSteps) {
            if (this.clock.now() >= o.search.deadlineS) {
                stoppedOnTime = true;
                break;
            }
            loss = this.weightStep(sampleArch(alphas, rng));
            weightSteps += 1;
            if (weightSteps % s.archEvery === 0) {
                const ce = await this.archStep({ alphas, adam, rng, lambda, table, nonIdeal: o.nonIdeal, step: archSteps, ema });
                ema = ema === undefined ? ce : 0.9 * ema + 0.1 * ce;
                recentCe.push(ce);
                if (recentCe.length > 10)
                    recentCe.shift();
                archSteps += 1;
                const flat = new Float64Array(alphas.reduce((n, a) => n + a.length, 0));
                let off = 0;
                for (const a of alphas) {
                    flat.set(a, off);
                    off += a.length;
                }
                trajectory.push(flat);
            }
            this.ticker.tick(() => {
                const hw = hardwareTerm(this.plan, table, alphas).value;
                return `${tag}: step ${weightSteps} (arch ${archSteps}), train CE ${loss.toFixed(3)}, non-ideal val CE ${(ema ?? NaN).toFixed(3)}, E[hw] ${hw.toFixed(3)}, entropy ${meanEntropy(alphas).toFixed(2)}`;
            });
        }
        const argmax = argmaxArch(alphas);
        // The rules run in turn on one set of check images and chips, each starting from the previous one's choice;
        // an architecture already measured for this λ is not measured again (checkOutcomes). Single-layer tests leave
        // time for what follows: the costlier-op rule's group comparison, then the smaller-crossbar rule's first tests.
        const opRuleOn = s.costlierOps === 'paired' && s.costOnly !== undefined;
        const smallerOn = this.smallerRule;
        const kernelRule = s.largerKernels === 'paired'
            ? await this.checkLargerKernels(argmax, o.nonIdeal, lambda, o.fineTune.deadlineS, (opRuleOn ? 2 : 0) + (smallerOn ? SMALLER_CROSSBAR_TESTS : 0))
            : { choice: argmax, checks: [] };
        const opRule = opRuleOn
            ? await this.checkCostlierOps(kernelRule.choice, s.costOnly, table, o.nonIdeal, lambda, o.fineTune.deadlineS, { reserveForwards: smallerOn ? SMALLER_CROSSBAR_TESTS : 0, priceOf })
            : { choice: kernelRule.choice, checks: [] };
        // A layer the costlier-op rule compared alone (either way) is not tested again.
        const measured = new Set(opRule.checks.filter((c) => c.layers.length === 1).map((c) => c.layers[0]));
        const smaller = smallerOn
            ? await this.checkSmallerCrossbars(opRule.choice, table, o.nonIdeal, lambda, o.fineTune.deadlineS, { measured, priceOf })
            : { choice: opRule.choice, checks: [] };
        const choice = smaller.choice;
        const pairedChecks = [...kernelRule.checks, ...opRule.checks, ...smaller.checks];
        const hardware = priceOf(choice);
        for (const c of pairedChecks)
            this.ticker.tick(() => `${tag}: ${(0,search_pareto/* describePairedCheck */.$m)(c, lambda)}`, true);
        const weightsAfterSearch = this.net.snapshot();
        this.ticker.tick(() => `${tag}: chose ${describeChoice(this.plan, choice, true) || 'the committed architecture'} (hw ${hardware.toFixed(3)})`, true);
        const ft = this.fineTune(choice, o.fineTune, tag);
        if (ft.stoppedOnTime)
            stoppedOnTime = true;
        const fineTuneSteps = ft.steps;
        const { graph, mappings } = this.derive(choice);
        return {
            lambda,
            alphas: alphas.map((a) => a.slice()),
            trajectory,
            choice,
            archSteps,
            searchWeightSteps: weightSteps,
            fineTuneSteps,
            graph,
            mappings,
            hardware,
            valCe: recentCe.length ? recentCe.reduce((a, b) => a + b, 0) / recentCe.length : NaN,
            stoppedOnTime,
            weightsAfterSearch,
            argmax,
            pairedChecks,
        };
    }
    /**
     * Protocol hook (issue 12): fine-tunes `choice` for `limit` steps starting from the supernet weights `from`
     * (fresh Adam state, the same learning rate, and a batch order that is the same for every call), so every
     * candidate of a protocol gets identical post-derivation training. Returns the derived network.
     */
    fineTuneChoice(choice, from, limit, tag) {
        this.net.restore(from, this.settings.weightLr);
        const saved = this.train;
        this.train = new BatchStream(this.data.nTrain, this.settings.seed, 'fine-tune-order');
        let steps;
        try {
            steps = this.fineTune(choice, limit, tag).steps;
        }
        finally {
            this.train = saved;
        }
        return { ...this.derive(choice), steps };
    }
    /** Weight steps on the fixed path `choice` until the step cap or the deadline, whichever comes first. */
    fineTune(choice, limit, tag) {
        let steps = 0;
        while (steps < limit.maxSteps) {
            if (this.clock.now() >= limit.deadlineS)
                return { steps, stoppedOnTime: true };
            const loss = this.weightStep(choice);
            steps += 1;
            this.ticker.tick(() => `${tag}: fine-tune step ${steps}, train CE ${loss.toFixed(3)}`);
        }
        return { steps, stoppedOnTime: false };
    }
    /** The derived network of `choice` with copies of the supernet's current weights, and its mapping. */
    derive(choice) {
        const graph = deriveGraph(this.plan, choice, (l, k) => {
            const w = this.net.hostWeights(l, k);
            return { weights: w.weights.slice(), bias: w.bias.slice() };
        });
        return { graph, mappings: deriveMappings(this.plan, choice) };
    }
    /**
     * Protocol hook (issue 12), the random-search score: mean non-ideal CE of `choice` with the current
     * supernet weights on the first `archBatch` architecture-step images and one chip (`chipSeed`) — the same
     * images and chip for every architecture scored (common random numbers).
     */
    async validationLoss(choice, nonIdeal, chipSeed) {
        const n = Math.min(this.settings.archBatch, this.data.nVal - this.heldOutImages);
        const x = this.data.valImages.subarray(0, n * this.per);
        const y = this.data.valLabels.subarray(0, n);
        const graph = deriveGraph(this.plan, choice, this.weightsOf);
        const out = await nonIdeal({ graph, mappings: deriveMappings(this.plan, choice), images: x, n, seed: chipSeed });
        const ce = crossEntropyPerSample(out, y, n, this.probabilities);
        return ce.reduce((a, b) => a + b, 0) / n;
    }
    /**
     * The larger-kernel rule: layers whose chosen kernel exceeds the committed one keep it only when that pays
     * in non-ideal validation accuracy (pairedRule). A reverted layer keeps its crossbar size. Single-layer tests
     * leave time for `reserveForwards` more check forwards before the deadline.
     */
    async checkLargerKernels(arch, nonIdeal, lambda, deadlineS, reserveForwards = 0) {
        const revertOf = (i) => {
            const l = this.plan.layers[i];
            const op = l.ops[arch[i]];
            if (op.kind !== 'path' || op.kernel <= l.committedKernel)
                return -1;
            return l.ops.findIndex((x) => x.kind === 'path' && x.kernel === l.committedKernel && x.crossbar === op.crossbar);
        };
        const kernels = kernelsOf(this.plan, arch);
        const larger = this.plan.layers.map((_, i) => i).filter((i) => revertOf(i) >= 0 && kernels.get(this.plan.layers[i].name) !== 'zero');
        return this.pairedRule({ rule: 'largerKernels', arch, eligible: larger, fallbackOf: revertOf, nonIdeal, lambda, deadlineS, reserveForwards, untested: 'fallBack' });
    }
    /**
     * The costlier-op rule: a layer whose op is not the cost-only optimum's keeps it only when that pays in the
     * search objective's form, measured rather than estimated: mean non-ideal validation CE (every layer non-ideal,
     * as candidates are evaluated; architecture steps run `nonIdealFraction` of them) + λ·hardware on the same
     * images and chips (pairedRule with `hardwareOf`: `priceOf`, default the table's relaxed term); otherwise it takes
     * the cost-only op. Alone, a layer moves only
     * when that lowers the hardware term (without skipped blocks the group move lands on the cost-only optimum
     * itself). Skipped blocks (the zero op) stay skipped: they cost less than any op. Without time for a comparison
     * the argmax stands.
     */
    async checkCostlierOps(arch, costOnly, table, nonIdeal, lambda, deadlineS, o = {}) {
        const hardwareOf = o.priceOf ?? ((a) => hardwareOfChoice(this.plan, table, a));
        const reserveForwards = o.reserveForwards ?? 0;
        // Layers of a skipped block (the zero op) stay skipped: their op changes nothing.
        const kernels = kernelsOf(this.plan, arch);
        const differing = this.plan.layers.map((_, i) => i)
            .filter((i) => arch[i] !== costOnly[i] && kernels.get(this.plan.layers[i].name) !== 'zero');
        return this.pairedRule({
            rule: 'costlierOps', arch, eligible: differing, fallbackOf: (i) => costOnly[i], nonIdeal, lambda, deadlineS, reserveForwards, untested: 'stand',
            hardwareOf,
            alone: (alt, cur) => hardwareOf(alt) < hardwareOf(cur),
        });
    }
    /**
     * The smaller-crossbar rule. The two rules before it only ever move a layer to a cheaper or the committed op,
     * and tens of architecture steps do not move α far from its warm start, so without it no candidate goes below
     * the committed crossbar size where accuracy needs it and the cost model charges for it (on the fixture,
     * 32×32 arrays lose less to IR drop and ADC clipping than 64×64 ones; under pumaAdc delay with always-on
     * leakage they cost more). Where the smaller crossbar is the cheaper one (the default cost model), the same
     * test is a cost-saving move priced by the CE it loses. Layers whose move has the same cost-table entries
     * before and after (same energy, delay and area: in practice the same matrix shape and op, the convolutions of
     * a ResNet stage) move together, one test per such unit, so the few tests a phase holds cover the network
     * rather than a few of its layers. Order: the largest crossbar first — IR drop and ADC clipping grow with the
     * array, so that is where a layer loses most (on the fixture under pumaAdc delay and always-on leakage the
     * committed network keeps 68 % on 128×128, 93.5 % on 64×64 and 96 % on 32×32 of the selection split), and a
     * cheapest-first order spends the phase's few tests on the units whose move costs nothing before it reaches
     * them; then the cheapest unit (the smallest λ·Δhardware to earn back). A unit moves to the same kernel on the
     * next-smaller crossbar (from two or more sizes above `smallerCrossbarTarget`, on the target itself — two or more
     * such units first all together, and each alone only if the union stays, so a unit the union moved is not
     * tested alone; a unit that stays after such a test goes on one size at a time from where it is, in the next
     * round) only when that lowers the measured mean non-ideal CE + λ·hardware on the check images and chips (a tie
     * keeps it), and the next test starts from there (hardware: `priceOf`, default the table's relaxed term; a single
     * move can fill or free a whole tile, which only the exact price sees). A unit such a jump moved tries the size it
     * skipped, first in the next round and once, where that costs less than the target (under pumaAdc delay and
     * always-on leakage 64×64 costs less than 32×32; on the fixture's default cost table it costs more), and moves
     * back up only when that lowers the same objective. The units that moved down, and those that stayed on the
     * target after trying the size back, are tested again from their crossbar, in rounds, while it pays and the time
     * lasts (one size per round: a layer descends as far as the measured objective takes it). The union is a round
     * of its own: the round after it prices its units on the architecture the union left, and the units the union
     * moved that do not try the size back wait one more round, so every other unit's first test comes before theirs.
     * Layers the costlier-op rule compared alone (`measured`) stay where that put them; skipped blocks are not
     * tested; tests run while they fit before the deadline, and untested layers stand.
     */
    async checkSmallerCrossbars(arch, table, nonIdeal, lambda, deadlineS, o = {}) {
        const hardwareOf = o.priceOf ?? ((a) => hardwareOfChoice(this.plan, table, a));
        const measured = o.measured ?? new Set();
        const kernels = kernelsOf(this.plan, arch);
        const costKey = (i, j) => {
            const c = table.ops[i];
            return `${c.energyJ[j]},${c.delayS[j]},${c.areaMm2[j]}`;
        };
        const crossbarOf = (i, j) => {
            const op = this.plan.layers[i].ops[j];
            return op.kind === 'path' ? op.crossbar : 0;
        };
        let choice = [...arch];
        const checks = [];
        // Round 1: every layer the rule may move (the union of the jump units first, as a round of its own); each later
        // round: the layers the round before moved down, those their own test against the target kept (from then on one
        // size at a time), and those that stayed on the target after trying the size back.
        let open = this.plan.layers.map((_, i) => i)
            .filter((i) => kernels.get(this.plan.layers[i].name) !== 'zero' && !measured.has(this.plan.layers[i].name));
        // Layers that stayed after a test against the target: from then on one size at a time, so the sizes between
        // get their test (a layer that loses on 32×32 may still gain on 64×64 what it loses on 128×128).
        const stepwise = new Set();
        // Layers a jump moved to the target past a size that costs less than the target: next, that size, once (under
        // pumaAdc delay and always-on leakage 64×64 costs less than 32×32, and a jump from 128×128 never tests it).
        const climb = new Set();
        let unionTested = false;
        // Layers the union moved that do not try the size back: they join the round after next (see above).
        let deferred = [];
        for (;;) {
            const cur = choice;
            const fallbackOf = (i) => (climb.has(i) ? this.nextLargerOf : stepwise.has(i) ? this.nextSmallerOf : this.smallerOf)[i][cur[i]];
            // A test that skips a size (toward the target).
            const isJump = (i) => !climb.has(i) && fallbackOf(i) !== this.nextSmallerOf[i][cur[i]];
            const eligible = open.filter((i) => fallbackOf(i) >= 0);
            if (eligible.length === 0) {
                if (deferred.length === 0)
                    break;
                [open, deferred] = [deferred, []];
                continue;
            }
            const byCost = new Map();
            for (const i of eligible) {
                // The crossbars too: a unit's alternative is recorded from its first layer, so equal costs on different sizes stay apart.
                const key = `${crossbarOf(i, cur[i])}:${costKey(i, cur[i])}>${crossbarOf(i, fallbackOf(i))}:${costKey(i, fallbackOf(i))}`;
                byCost.set(key, [...(byCost.get(key) ?? []), i]);
            }
            const h0 = hardwareOf(cur);
            const sorted = [...byCost.values()]
                .map((unit) => ({ unit, crossbar: crossbarOf(unit[0], cur[unit[0]]), dHw: hardwareOf(revertAllOf(cur, unit, fallbackOf)) - h0 }))
                .sort((x, y) => y.crossbar - x.crossbar || x.dHw - y.dHw || x.unit[0] - y.unit[0])
                .map((u) => u.unit);
            // The size back first (the largest saving first): those layers are where the search wanted the cheapest crossbar.
            const climbing = sorted.filter((unit) => climb.has(unit[0]));
            const rest = sorted.filter((unit) => !climb.has(unit[0]));
            // Two or more units two or more sizes above the target (tests that skip a size): first all of them against it
            // in one test, alone (a phase holds two or three tests, and under PUMA each such unit loses accuracy; one at a
            // time, the third is not reached), then, when it moved them, the size it skipped, and when it did not, each
            // unit against the target in the next round.
            const jumps = rest.filter((unit) => isJump(unit[0]));
            const union = !unionTested && jumps.length >= 2 ? jumps.flat().sort((a, b) => a - b) : undefined;
            unionTested ||= union !== undefined;
            const r = await this.pairedRule({
                rule: 'smallerCrossbars', arch: cur, eligible: union ?? eligible, fallbackOf, nonIdeal, lambda, deadlineS, reserveForwards: 0, untested: 'stand', hardwareOf, group: false,
                units: union ? [union] : [...climbing, ...rest], keepOnTie: true,
                alternativeCrossbar: (unit) => crossbarOf(unit[0], fallbackOf(unit[0])),
            });
            checks.push(...r.checks);
            choice = r.choice;
            // A unit a jump moved tries the size it skipped next when that costs less than the target (not on the
            // fixture's default cost table, where the smaller crossbar is the cheaper one). A jump skips a size by
            // definition, so the next-larger one lies below where the unit came from.
            const next = choice;
            for (const unit of jumps) {
                const back = (i) => this.nextLargerOf[i][next[i]];
                const moved = unit.every((i) => next[i] !== cur[i] && back(i) >= 0);
                if (moved && hardwareOf(revertAllOf(next, unit, back)) < hardwareOf(next))
                    for (const i of unit)
                        climb.add(i);
            }
            if (union) {
                if (r.checks.length === 0)
                    break; // no time for a test
                // Every other layer is still open: the union only moved or kept its own.
                deferred = union.filter((i) => next[i] !== cur[i] && !climb.has(i));
                open = eligible.filter((i) => !deferred.includes(i));
                continue;
            }
            const climbed = new Set(climbing.flat());
            for (const i of climbed)
                climb.delete(i);
            const tested = new Set(r.checks.flatMap((c) => c.layers));
            const jumpKept = eligible.filter((i) => choice[i] === cur[i] && tested.has(this.plan.layers[i].name) && isJump(i));
            for (const i of jumpKept)
                stepwise.add(i);
            // A layer that moved back up is done (its next test would undo the one just run); one that stayed goes on down.
            open = [
                ...eligible.filter((i) => (climbed.has(i) ? choice[i] === cur[i] && tested.has(this.plan.layers[i].name) : choice[i] !== cur[i] || jumpKept.includes(i))),
                ...deferred,
            ].sort((a, b) => a - b);
            deferred = [];
        }
        return { choice, checks };
    }
    /**
     * The derivation rules' common test: the chosen ops of the `eligible` layers keep their place only when that
     * pays under non-idealities against `fallbackOf(i)`, paired: the same held-out validation images (the run's
     * fixed count, useCheckImages) and the same chips for both and for every rule (`hardwareOf` says what paying
     * means), so an architecture is measured once per λ (checkOutcomes). With `group` (the default),
     * first all eligible layers together, against all fallbacks: this comparison decides the common case; it starts
     * when its forwards (two, one when the chosen side is already measured) fit before the deadline on the
     * estimated cost (the caller keeps their time, schedule.ts pairedCheckS) and then completes. When the group
     * pays (or without a group), each layer alone (or each of `units`) against its fallback, in order (only where
     * `alone` allows the move), while a test fits before the deadline with `reserveForwards` more forwards after it
     * (an alternative already measured needs no time). With no check images (< MIN_PAIRED_CHECK_IMAGES) or no time for the
     * first comparison, `untested` decides: larger kernels fall back (their cost is certain, the committed kernel is
     * known to work), other ops stand (the cost-only optimum is not known to work: on the fixture under pumaAdc
     * delay and always-on leakage it loses 6–8 pp). The same holds for layers whose own test no longer fits after
     * the group paid: larger kernels fall back, costlier ops stay on the group's evidence.
     */
    async pairedRule(o) {
        const choice = [...o.arch];
        const { eligible, fallbackOf } = o;
        if (eligible.length === 0)
            return { choice, checks: [] };
        const cache = this.checkOutcomes(o.nonIdeal, o.lambda);
        const keyOf = (a) => a.join(',');
        const fallBack = (a, idx) => revertAllOf(a, idx, fallbackOf);
        const n = this.checkImages;
        const untested = () => (o.untested === 'fallBack' ? fallBack(choice, eligible) : choice);
        // The first comparison (two forwards, one when the chosen side is already measured) starts only when it fits
        // before the deadline, on the estimated cost.
        const group = o.group ?? true;
        const forwardS = this.checkImageS * n * PAIRED_CHECK_CHIPS;
        const firstForwards = (cache.has(keyOf(choice)) ? 0 : 1) + 1;
        if (n < MIN_PAIRED_CHECK_IMAGES || this.clock.now() + firstForwards * forwardS > o.deadlineS)
            return { choice: untested(), checks: [] };
        const lo = this.data.nVal - n;
        const x = this.data.valImages.subarray(lo * this.per, this.data.nVal * this.per);
        const y = this.data.valLabels.subarray(lo);
        const seeds = Array.from({ length: PAIRED_CHECK_CHIPS }, (_, c) => (0,xbar_rng/* deriveSeed */.B)(this.settings.seed, 'paired-check', o.lambda, c));
        const outcomeOf = async (a) => {
            const hit = cache.get(keyOf(a));
            if (hit)
                return hit;
            const t0 = this.clock.now();
            const graph = deriveGraph(this.plan, a, this.weightsOf);
            const mappings = deriveMappings(this.plan, a);
            // The chips run at once (side by side on a worker pool).
            const outs = await Promise.all(seeds.map((seed) => o.nonIdeal({ graph, mappings, images: x, n, seed })));
            const correct = outs.map((out) => top1Correct(out, y, n));
            const ce = outs.map((out) => crossEntropyPerSample(out, y, n, this.probabilities));
            this.checkImageS = (this.clock.now() - t0) / (n * seeds.length);
            const outcome = { arch: [...a], correct, ce };
            cache.set(keyOf(a), outcome);
            return outcome;
        };
        const checks = [];
        const compare = (chosen, fallback, layers) => {
            const d = new Float64Array(n);
            let dCe = 0;
            for (let c = 0; c < seeds.length; c++) {
                for (let k = 0; k < n; k++) {
                    d[k] += (chosen.correct[c][k] - fallback.correct[c][k]) / seeds.length;
                    dCe += chosen.ce[c][k] - fallback.ce[c][k];
                }
            }
            dCe /= n * seeds.length;
            const { mean, half } = meanInterval(d);
            const dHw = o.hardwareOf ? o.hardwareOf(chosen.arch) - o.hardwareOf(fallback.arch) : undefined;
            const objective = dHw === undefined ? undefined : { deltaCe: dCe, deltaHardware: dHw, deltaObjective: dCe + o.lambda * dHw };
            const check = {
                rule: o.rule, layers: layers.map((i) => this.plan.layers[i].name), deltaAccuracy: mean, ci95: [mean - half, mean + half],
                kept: !objective ? mean - half > 0 : o.keepOnTie ? !(objective.deltaObjective > 0) : objective.deltaObjective < 0, images: n, chips: seeds.length,
                ...(objective ?? {}), ...(o.alternativeCrossbar ? { alternativeCrossbar: o.alternativeCrossbar(layers) } : {}),
            };
            checks.push(check);
            return check;
        };
        let base = await outcomeOf(choice);
        const fits = () => this.clock.now() + this.checkImageS * n * seeds.length * (1 + o.reserveForwards) <= o.deadlineS;
        if (group) {
            const allFallback = await outcomeOf(fallBack(choice, eligible));
            if (!compare(base, allFallback, eligible).kept)
                return { choice: [...allFallback.arch], checks };
            if (eligible.length === 1)
                return { choice, checks };
        }
        for (const unit of o.units ?? eligible.map((i) => [i])) {
            const alt = fallBack(choice, unit);
            // Nothing to test when an earlier unit (a union of this one's) already moved its layers.
            if (keyOf(alt) === keyOf(choice))
                continue;
            if (o.alone && !o.alone(alt, choice))
                continue;
            if (!cache.has(keyOf(alt)) && !fits()) {
                // Larger kernels not tested alone fall back (as before the costlier-op rule); other ops stand (costlier
                // ones on the group's evidence).
                if (o.untested === 'fallBack')
                    for (const i of unit)
                        choice[i] = fallbackOf(i);
                continue;
            }
            const altOutcome = await outcomeOf(alt);
            if (!compare(base, altOutcome, unit).kept) {
                choice.splice(0, choice.length, ...alt);
                base = altOutcome;
            }
        }
        return { choice, checks };
    }
    /**
     * The accuracy term's gradient estimate for one architecture step (no update): paths sampled from α
     * (REINFORCE: `archSamples` paths; binary gates: a two-path sample), each run through the non-ideal
     * simulator on (x, y). With common random numbers every path sees the chip `deriveSeed(seed, 'arch-chip',
     * ...key)` and one non-ideal layer subset; without, both are redrawn per path.
     */
    async accuracyGradient(o) {
        const s = this.settings;
        const crn = s.commonRandomNumbers ?? true;
        const names = (0,model_graph/* matrixNodes */.P)(this.plan.graph).map((n) => n.name);
        const subset = () => {
            if (s.nonIdealFraction >= 1)
                return undefined;
            const v = names.slice();
            const keep = Math.max(1, Math.round(s.nonIdealFraction * v.length));
            // Seeded partial Fisher–Yates: the first `keep` names run non-ideally.
            for (let i = 0; i < keep; i++) {
                const j = i + Math.floor(o.rng.uniform() * (v.length - i));
                [v[i], v[j]] = [v[j], v[i]];
            }
            return new Set(v.slice(keep));
        };
        const binary = s.gradient === 'binaryGate';
        const paths = binary ? sampleTwoPaths(o.alphas, o.rng) : Array.from({ length: s.archSamples }, () => sampleArch(o.alphas, o.rng));
        const sharedFloat = crn ? subset() : undefined;
        // Chips and layer subsets are drawn in path order first; the forwards then run at once (side by side on a
        // worker pool), and their results are read in path order.
        const chips = paths.map((_, m) => (crn ? (0,xbar_rng/* deriveSeed */.B)(s.seed, 'arch-chip', ...o.key) : (0,xbar_rng/* deriveSeed */.B)(s.seed, 'arch-chip', ...o.key, m)));
        const floats = paths.map(() => (crn ? sharedFloat : subset()));
        const outs = await Promise.all(paths.map((arch, m) => o.nonIdeal({
            graph: deriveGraph(this.plan, arch, this.weightsOf), mappings: deriveMappings(this.plan, arch), images: o.x, n: o.y.length, seed: chips[m], floatLayers: floats[m],
        })));
        const ces = outs.map((out) => crossEntropyPerSample(out, o.y, o.y.length, this.probabilities).reduce((a, b) => a + b, 0) / o.y.length);
        const M = paths.length;
        const meanCe = ces.reduce((a, b) => a + b, 0) / M;
        let grad;
        if (binary) {
            grad = binaryGateGrad(this.plan, o.alphas, paths[0], paths[1], ces[0], ces[1]);
        }
        else {
            grad = o.alphas.map((a) => new Float64Array(a.length));
            paths.forEach((arch, m) => {
                const baseline = M >= 2 ? (meanCe * M - ces[m]) / (M - 1) : (o.ema ?? ces[m]);
                const r = reinforceGrad(this.plan, o.alphas, arch, ces[m] - baseline);
                r.forEach((gi, i) => {
                    for (let j = 0; j < gi.length; j++)
                        grad[i][j] += gi[j] / M;
                });
            });
        }
        return { grad, meanCe, paths, ces, chips, floatLayers: floats };
    }
    /** One architecture step; returns the mean CE of its samples. */
    async archStep(o) {
        const s = this.settings;
        const { x, y } = gather(this.data.valImages, this.data.valLabels, this.val.next(s.archBatch), this.per);
        const acc = await this.accuracyGradient({ alphas: o.alphas, rng: o.rng, x, y, key: [o.lambda, o.step], nonIdeal: o.nonIdeal, ...(o.ema !== undefined ? { ema: o.ema } : {}) });
        const hw = hardwareTerm(this.plan, o.table, o.alphas);
        const grads = o.alphas.map((a, i) => {
            const g = new Float64Array(a.length);
            const h = hw.grad[i];
            const c = acc.grad[i];
            for (let j = 0; j < a.length; j++)
                g[j] = o.lambda * h[j] + c[j];
            return g;
        });
        const before = s.gradient === 'binaryGate' ? o.alphas.map((a) => a.slice()) : undefined;
        o.adam.step(o.alphas, grads);
        if (before)
            rescalePairs(before, o.alphas, acc.paths[0], acc.paths[1]);
        return acc.meanCe;
    }
    /** Path probabilities per layer (for reports). */
    probabilitiesOf(alphas) {
        return alphas.map(softmax);
    }
    dispose() {
        this.net.dispose();
    }
}
/** Mean of paired differences and the half-width of its 95 % interval (normal approximation). */
function meanInterval(d) {
    const n = d.length;
    let m = 0;
    for (let i = 0; i < n; i++)
        m += d[i];
    m /= n;
    let v = 0;
    for (let i = 0; i < n; i++)
        v += (d[i] - m) ** 2;
    const se = n > 1 ? Math.sqrt(v / (n - 1) / n) : Infinity;
    return { mean: m, half: 1.96 * se };
}

;// CONCATENATED MODULE: ./src/search/cost-descent.ts





/** Exact cost totals of one architecture: chosen kernel and crossbar per mixed layer, skipped blocks left out. */
function choiceCost(lookup, plan, arch) {
    const kernels = kernelsOf(plan, arch);
    const opOf = new Map(plan.layers.map((l, i) => [l.name, l.ops[arch[i]]]));
    const costs = [];
    for (const n of (0,model_graph/* matrixNodes */.P)(plan.graph)) {
        const k = kernels.get(n.name);
        if (k === 'zero')
            continue;
        const committed = plan.committed.get(n.name);
        const op = opOf.get(n.name);
        if (!op || op.kind === 'zero') {
            costs.push(lookup.costOf(n.shape, committed));
            continue;
        }
        const shape = n.shape.kind === 'conv2d' && op.kernel !== n.shape.kernelH ? withKernelSize(n.shape, op.kernel) : n.shape;
        costs.push(lookup.costOf(shape, (0,mapping/* withCrossbarSize */.VU)(committed, op.crossbar)));
    }
    return lookup.totals(costs);
}
/** Totals of a graph under a mapping, from the LUT. */
function networkCost(lookup, g, mappings) {
    return lookup.totals((0,model_graph/* matrixNodes */.P)(g).map((n) => lookup.costOf(n.shape, mappings.get(n.name))));
}
/**
 * Exact cost totals of the committed network as committed: every layer on its committed mapping, whether or not
 * the space offers that op (a crossbar the space does not list, a non-square crossbar). The reference the search's
 * hardware terms and the cost-only optimum are measured against.
 */
function committedCost(lookup, plan) {
    return networkCost(lookup, plan.graph, plan.committed);
}
function objectiveOf(t, o) {
    return o === 'energy' ? t.energyJ : o === 'latency' ? t.delayS : t.edap;
}
/** Multi-start coordinate descent on the exact cost model; see the module comment. */
function costOnlyOptimum(lookup, plan, options = {}) {
    const objective = options.objective ?? 'edap';
    const starts = Math.max(1, options.starts ?? 8);
    const maxSweeps = options.maxSweeps ?? 50;
    const rng = xbar_rng/* Rng */.K.derive(options.seed ?? 1, 'cost-descent');
    let evaluations = 0;
    const score = (a) => {
        evaluations += 1;
        return objectiveOf(choiceCost(lookup, plan, a), objective);
    };
    // An op missing from the space (committed crossbar not listed) starts at the layer's first op.
    const committed = committedChoice(plan).map((j) => Math.max(0, j));
    const committedValue = objectiveOf(committedCost(lookup, plan), objective);
    // Then every homogeneous N×N at the committed kernels (the layers that offer N), then seeded random ones.
    const sizes = [...new Set(plan.layers.flatMap((l) => l.ops.flatMap((o) => (o.kind === 'path' ? [o.crossbar] : []))))].sort((a, b) => a - b);
    const homogeneous = sizes.map((n) => plan.layers.map((l, i) => {
        const j = l.ops.findIndex((o) => o.kind === 'path' && o.crossbar === n && o.kernel === l.committedKernel);
        return j >= 0 ? j : committed[i];
    }));
    let best;
    for (let s = 0; s < starts + homogeneous.length; s++) {
        // The zero op is left out: skipping a block always costs less and says nothing about crossbars (nax assumption).
        const cur = s === 0 ? committed.slice() : s <= homogeneous.length ? homogeneous[s - 1].slice() : plan.layers.map((l) => {
            const paths = l.ops.flatMap((o, j) => (o.kind === 'zero' ? [] : [j]));
            return paths[Math.min(paths.length - 1, Math.floor(rng.uniform() * paths.length))];
        });
        let value = score(cur);
        for (let sweep = 0; sweep < maxSweeps; sweep++) {
            let changed = false;
            for (let i = 0; i < cur.length; i++) {
                const keep = cur[i];
                let bestJ = keep;
                for (let j = 0; j < plan.layers[i].ops.length; j++) {
                    if (j === keep || plan.layers[i].ops[j].kind === 'zero')
                        continue;
                    cur[i] = j;
                    const v = score(cur);
                    if (v < value) {
                        value = v;
                        bestJ = j;
                    }
                }
                cur[i] = bestJ;
                if (bestJ !== keep)
                    changed = true;
            }
            if (!changed)
                break;
        }
        if (!best || value < best.value)
            best = { choice: cur.slice(), value };
    }
    return { choice: best.choice, value: best.value, totals: choiceCost(lookup, plan, best.choice), committedValue, evaluations, starts: starts + homogeneous.length };
}
/**
 * The search's initial α (warm start): `warmStart.committed` nats on the committed op and
 * `warmStart.costOnly` nats on the cost-only optimum's op of every layer. Returns the optimum as well.
 */
function warmStartPrior(lookup, plan, space, seed = space.seed) {
    const costOnly = costOnlyOptimum(lookup, plan, { objective: space.objective, seed });
    const alphas = initialAlphas(plan, [
        { choice: committedChoice(plan), bonus: space.warmStart.committed },
        { choice: costOnly.choice, bonus: space.warmStart.costOnly },
    ]);
    return { alphas, costOnly };
}

;// CONCATENATED MODULE: ./src/search/evaluate.ts
/** A table row / front point from a report. */
function candidateFromReport(r, o) {
    const a = r.accuracy;
    return {
        id: o.id,
        kind: o.kind,
        label: o.label,
        accuracy: a?.nonIdeal.mean ?? NaN,
        accuracyStd: a?.nonIdeal.std ?? 0,
        ...(a?.nonIdeal.ci95 ? { accuracyCi95: { low: a.nonIdeal.ci95.low, high: a.nonIdeal.ci95.high } } : {}),
        idealAccuracy: a?.ideal ?? NaN,
        ...(a ? { quantisedAccuracy: a.quantised } : {}),
        energyJ: r.totals.energyJ,
        delayS: r.totals.delayS,
        areaMm2: r.totals.areaMm2,
        edap: r.totals.edap,
        ...(o.lambda !== undefined ? { lambda: o.lambda } : {}),
        ...(o.architecture !== undefined ? { architecture: o.architecture } : {}),
        ...(o.folder !== undefined ? { folder: o.folder } : {}),
    };
}

;// CONCATENATED MODULE: ./src/search/hardware.ts




/** Shared tile area per MVMU, mm²: one tile's eDRAM, bus and router share over the MVMUs a tile holds. */
function tileAreaPerMvmuMm2(lookup) {
    const { organisation: org, edram, bus, router } = lookup.components;
    return (edram.areaMm2 + bus.areaMm2 + router.areaMm2 / router.sharedByTiles) / (org.mvmusPerCore * org.coresPerTile);
}
function buildHardwareTable(plan, lookup, options) {
    const o = typeof options === 'string' ? { objective: options } : options;
    const objective = o.objective;
    const tileGradient = (o.tileArea ?? 'gradient') === 'gradient';
    const perMvmu = tileGradient ? tileAreaPerMvmuMm2(lookup) : 0;
    const nodes = new Map((0,model_graph/* matrixNodes */.P)(plan.graph).map((n) => [n.name, n]));
    const committedCosts = [...nodes.values()].map((n) => lookup.costOf(n.shape, plan.committed.get(n.name)));
    const committedTotals = lookup.totals(committedCosts);
    const layersArea = committedCosts.reduce((s, c) => s + c.areaMm2, 0);
    const committedMvmus = committedCosts.reduce((s, c) => s + c.mvmus, 0);
    // Frozen: the shared tile parts stay at the committed network's value. Gradient: only the rounding
    // remainder of the committed network stays constant; the rest moves with each op's MVMUs.
    const tileConstantMm2 = committedTotals.areaMm2 - layersArea - perMvmu * committedMvmus;
    const mixed = new Set(plan.layers.map((l) => l.name));
    const constant = { energyJ: 0, delayS: 0, areaMm2: tileConstantMm2 };
    committedCosts.forEach((c) => {
        if (mixed.has(c.name))
            return;
        constant.energyJ += c.energyJ;
        constant.delayS += c.delayS;
        constant.areaMm2 += c.areaMm2 + perMvmu * c.mvmus;
    });
    const ops = plan.layers.map((l) => {
        const node = nodes.get(l.name);
        const e = new Float64Array(l.ops.length);
        const d = new Float64Array(l.ops.length);
        const a = new Float64Array(l.ops.length);
        l.ops.forEach((op, j) => {
            if (op.kind === 'zero')
                return;
            const shape = node.shape.kind === 'conv2d' ? withKernelSize(node.shape, op.kernel) : node.shape;
            const c = lookup.costOf(shape, (0,mapping/* withCrossbarSize */.VU)(plan.committed.get(l.name), op.crossbar));
            e[j] = c.energyJ;
            d[j] = c.delayS;
            a[j] = c.areaMm2 + perMvmu * c.mvmus;
        });
        return { energyJ: e, delayS: d, areaMm2: a };
    });
    const sumE = committedCosts.reduce((s, c) => s + c.energyJ, 0);
    const sumD = committedCosts.reduce((s, c) => s + c.delayS, 0);
    const sumA = committedTotals.areaMm2;
    const additive = objective === 'edap' && o.hardwareLoss === 'additive';
    const weights = o.additiveWeights ?? { energy: 1, latency: 1, area: 1 };
    const committedValue = additive
        ? weights.energy + weights.latency + weights.area
        : objective === 'energy' ? sumE : objective === 'latency' ? sumD : sumE * sumD * sumA;
    return {
        ops,
        constant,
        committedValue,
        objective,
        ...(additive ? { form: 'additive', additive: { weights, reference: { energyJ: sumE, delayS: sumD, areaMm2: sumA } } } : {}),
    };
}
/**
 * The hardware term of a concrete architecture on the exact cost model, in the table's form (objective,
 * product or additive), relative to the committed network on the same model: network totals with whole tiles
 * and, under always-on leakage, the idle leakage (cost/network.ts). The derivation rules price their moves
 * with it. The relaxed term (hardwareOfChoice) is right on average over many moves but not for one: a single
 * layer's move that fills a new tile pays the whole tile, and the relaxed term charges a fraction of it (on
 * the fixture, `fc` 64×64 → 32×32: +0.1 % relaxed, +6.2 % EDAP exact).
 */
function exactHardwarePrice(plan, lookup, table) {
    // The committed network as committed: its op need not be in the space (a crossbar the space does not list).
    const committed = committedCost(lookup, plan);
    // Additive form: each term relative to the committed network on the exact model, so committed = Σ weights.
    const form = table.additive ? { ...table, additive: { ...table.additive, reference: committed } } : table;
    const committedValue = surrogate(form, committed);
    return (arch) => surrogate(form, choiceCost(lookup, plan, arch)) / committedValue;
}

// EXTERNAL MODULE: ./src/search/protocol.ts
var search_protocol = __webpack_require__(9170);
;// CONCATENATED MODULE: ./src/search/schedule.ts
/**
 * The search's budget schedule as pure arithmetic on times (seconds on the caller's clock): which deadline
 * each phase gets, given the budget, the time now, and the measured cost of one candidate evaluation. The
 * search loop reads its clock and asks these functions; tests check the arithmetic without any clock.
 *
 * Split (nax assumption): after what must stay in reserve for the selection evaluations still to come,
 * warm-up gets 15 % of the training time; the rest goes to the search phases, the random search and the
 * equal fine-tunes in the ratio 65 : 35 of a search phase to one fine-tune (protocolAllocation).
 */
/** Fractions of the schedule (nax assumptions, see above). */
const SCHEDULE = Object.freeze({
    warmUp: 0.15,
    search: 0.65,
    /** Slack per pending evaluation for the step that is running when a deadline passes, × budget. */
    slack: 0.02,
    /** Margin on the measured evaluation time (evaluations vary with the architecture). */
    evalMargin: 1.25,
    /**
     * Share of a search phase kept for the derivation rules' paired checks (engine.ts pairedRule): at least
     * `pairedChecksMin` (room for single-layer tests beside the reserved forwards), at most `pairedChecksMax`
     * (the architecture steps keep the rest even on a slow machine).
     */
    pairedChecksMin: 0.35,
    pairedChecksMax: 0.6,
});
function deadlineOf(b) {
    return b.startS + b.budgetS;
}
/**
 * Time to keep in reserve for `evaluations` candidate evaluations still to run, each taking `evalS`
 * (the slowest measured so far) plus `saveS` to write it.
 */
function reserveS(b, evaluations, evalS, saveS) {
    return evaluations * (evalS * SCHEDULE.evalMargin + saveS + SCHEDULE.slack * b.budgetS);
}
/** Deadline of the supernet warm-up when `pending` evaluations must still fit after all training. */
function warmUpDeadline(b, nowS, pendingReserveS) {
    const training = Math.max(0, deadlineOf(b) - nowS - pendingReserveS);
    return nowS + SCHEDULE.warmUp * training;
}
/** Time allowed for writing and reloading one candidate model: ≤ 1 s, less for tiny budgets. */
function saveAllowanceS(b, writes) {
    return writes ? Math.min(1, 0.02 * b.budgetS) : 0;
}
/** Fine-tuning time per candidate relative to one search phase: 35 % / 65 % of a λ's share (see above). */
const FINE_TUNE_PER_SEARCH = (1 - SCHEDULE.search) / SCHEDULE.search;
/**
 * The protocol's training plan once warm-up has measured the time of one weight step (`stepS`): `lambdas`
 * search phases and one random search, each `searchS` long, and `lambdas + 3` fine-tunes (every searched
 * candidate, the committed kernels — which serve the committed and every homogeneous mapping —, the cost-only
 * optimum, the random-search winner) of the same `fineTuneSteps` each, together filling `trainingS`:
 *   (lambdas + 1)·searchS + (lambdas + 3)·fineTuneSteps·stepS = trainingS,  fineTuneSteps·stepS = r·searchS.
 */
function protocolAllocation(o) {
    const r = FINE_TUNE_PER_SEARCH;
    const searchS = Math.max(0, o.trainingS) / (o.lambdas + 1 + (o.lambdas + 3) * r);
    const steps = o.stepS > 0 ? Math.floor((r * searchS) / o.stepS) : 0;
    return { searchS, fineTuneSteps: Math.max(0, Math.min(o.maxFineTuneSteps, steps)) };
}
/**
 * Time at the end of a search phase of `searchS` kept for the derivation rules' paired checks: the forwards the
 * rules keep time for (`forwards` check forwards of `images` × `chips`, at `secondsPerImageChip` each, with the
 * evaluation margin: engine.reservedForwards), within [pairedChecksMin, pairedChecksMax] of the phase; 0 without
 * a check to run.
 */
function pairedCheckS(o) {
    if (o.forwards <= 0 || o.images <= 0)
        return 0;
    const need = SCHEDULE.evalMargin * o.forwards * o.images * o.chips * o.secondsPerImageChip;
    return Math.min(SCHEDULE.pairedChecksMax * o.searchS, Math.max(SCHEDULE.pairedChecksMin * o.searchS, need));
}
/**
 * Images the paired checks can run on in a search phase of `searchS`: all `images` when the group comparisons'
 * `forwards` fit within pairedChecksMax of the phase (with the evaluation margin), else as many as fit. Chosen
 * once per run, so every λ's checks see the same images.
 */
function pairedCheckImages(o) {
    const perImage = SCHEDULE.evalMargin * o.forwards * o.chips * o.secondsPerImageChip;
    if (o.forwards <= 0 || perImage <= 0)
        return o.images;
    return Math.min(o.images, Math.floor((SCHEDULE.pairedChecksMax * o.searchS) / perImage));
}

;// CONCATENATED MODULE: ./src/search/run.ts
/**
 * `nax search`: the bounded NAX re-search of one project and its protocol (issue 12), on loaded inputs
 * (src/search-project.ts loads them). Pure apart from the injected clock, evaluator and output sink.
 *
 *   1. resolve the search space against the model (every impossible choice fails here, before any work);
 *      the cost-only optimum (multi-start coordinate descent on the cost LUT) needs no training;
 *   2. warm up the supernet; the measured step time sizes the equal fine-tuning (schedule.ts);
 *   3. per λ: search, argmax, F fine-tune steps from the weights at the argmax, then a selection evaluation on
 *      the validation split;
 *   4. λ chosen on validation only;
 *   5. baselines with the same F steps from the same weights: the committed kernels (one float network serves
 *      the committed mapping and every homogeneous N×N), the cost-only optimum, and the winner of a random
 *      search given the wall time of one search phase;
 *   6. the evaluation set, touched once: every candidate on the same images and chips;
 *   7. paired 95 % intervals of Δ accuracy against each baseline; "better" only when the interval excludes 0;
 *   8. Pareto front and notes, each candidate's files, the proposed one at the folder root (the caller renders
 *      summary.md and the Pareto page: io/search-folder.ts writeSearchPages).
 *
 * Time: the budget bounds training and selection (steps 1–5; every phase checks the clock between steps);
 * the final evaluation (step 6) comes after it and its cost is set by search.evaluationImages/Chips.
 */



















/**
 * The simulator as the search's chip forward, on the inputs' technology and IR-drop setting. `run` executes one
 * chip's job: in this thread by default, side by side on a worker pool's `logits`.
 */
function simulatorNonIdeal(inp, run = simulate/* nonIdealLogits */.zV) {
    return (o) => run({ ...o, technology: inp.technology, irDrop: inp.simulation.irDrop });
}
function classesOf(g) {
    const ms = (0,model_graph/* matrixNodes */.P)(g);
    return ms[ms.length - 1].shape.outChannels;
}
function splitData(inp) {
    const { train, space } = inp;
    const nVal = space.validationImages;
    if (train.n <= nVal) {
        throw new errors/* NaxUserError */.b(inp.file, 'search.validationImages', `${nVal} validation images leave nothing to train on: the training set has ${train.n}`, 'hold out fewer images or add training data');
    }
    const per = train.shape[0] * train.shape[1] * train.shape[2];
    const nTrain = train.n - nVal;
    return {
        trainImages: train.images.subarray(0, nTrain * per),
        trainLabels: train.labels.subarray(0, nTrain),
        nTrain,
        valImages: train.images.subarray(nTrain * per, train.n * per),
        valLabels: train.labels.subarray(nTrain),
        nVal,
        shape: train.shape,
        classes: classesOf(inp.graph),
    };
}
function lambdaId(l) {
    return `searched-lambda-${l}`;
}
/**
 * The λ values and search seed of one shard: with at least as many λ as shards, shard i takes λ i, i + n, …
 * (seed unchanged); with fewer, shards cycle through the λ list and each further round uses the next seed
 * (shard i: λ[i mod L], seed + ⌊i / L⌋), so a nightly with 3 shards and one λ runs 3 search seeds.
 */
function shardSlice(lambdas, seed, shard) {
    if (lambdas.length >= shard.count)
        return { lambdas: lambdas.filter((_, i) => i % shard.count === shard.index), seed };
    return { lambdas: [lambdas[shard.index % lambdas.length]], seed: seed + Math.floor(shard.index / lambdas.length) };
}
/** The search and its protocol on loaded inputs. */
async function runSearchOn(inp, opts) {
    const now = opts.now;
    const t0 = now();
    const space = inp.space;
    const budgetS = opts.budgetS ?? space.budgetS;
    const budget = { startS: t0, budgetS };
    // The search is bounded by wall time, so its progress is the elapsed share of the budget.
    const log = (l) => opts.progress(l, { done: Math.min(budgetS, now() - t0), total: budgetS, unit: 's' });
    const ticker = new Ticker({ now }, log, opts.progressIntervalS ?? 5);
    const notes = [];
    const sink = opts.sink;
    // 1. Everything that can be wrong with the space fails here.
    const plan = resolveSearchPlan({ graph: inp.graph, committed: inp.committed, space, file: inp.file });
    const data = splitData(inp);
    const shard = opts.shard ?? { index: 0, count: 1 };
    if (shard.count < 1 || shard.index < 0 || shard.index >= shard.count) {
        throw new errors/* NaxUserError */.b('--shard', '', `shard ${shard.index + 1}/${shard.count} does not exist`);
    }
    const { lambdas, seed } = shardSlice(space.lambdas, space.seed, shard);
    // Every candidate of a sharded run is this shard's (baselines are fine-tuned from its own search), so ids carry the shard.
    const sfx = shard.count > 1 ? `-shard${shard.index + 1}` : '';
    const lsfx = shard.count > 1 ? ` (shard ${shard.index + 1}, seed ${seed})` : '';
    const lookup = createCostLookup(inp.technology.components, (0,options/* costOptionsOf */.r)(inp.technology));
    const table = buildHardwareTable(plan, lookup, space);
    // The derivation rules price single moves on the exact cost model (whole tiles), as the cost-only optimum is found.
    const priceOf = exactHardwarePrice(plan, lookup, table);
    // The cost-only optimum needs no training (exact cost, multi-start coordinate descent): a baseline and a warm start.
    const warm = warmStartPrior(lookup, plan, space, seed);
    const costOnly = warm.costOnly;
    const evaluate = opts.evaluate;
    const nonIdeal = opts.nonIdeal ?? simulatorNonIdeal(inp);
    const selection = selectionSplit(inp, data);
    opts.progress(`search: ${plan.layers.length} mixed layers (${plan.layers.filter((l) => l.kernelSearched).length} with kernel choice), ` +
        `${space.kernels.length} kernels × ${space.crossbars.length} crossbars, λ ${lambdas.join(', ')}, objective ${space.objective}${space.objective === 'edap' && space.hardwareLoss === 'additive' ? ' (additive)' : ''}, budget ${budgetS.toFixed(0)} s; ` +
        `selection on ${selection.name} (${selection.images.n} images × ${space.selectionChips} chips), evaluation on ${inp.evalSet.n} images × ${space.evaluationChips} chips`);
    ticker.tick(() => `search: cost-only optimum ${describeChoice(plan, costOnly.choice, true) || 'the committed architecture'} (${costOnly.starts} starts, ${costOnly.evaluations} cost evaluations)`, true);
    const saveS = saveAllowanceS(budget, sink !== undefined);
    let evalS = 0;
    const validate = async (g, m, label) => {
        const t = now();
        ticker.tick(() => `search: validating ${label}`, true);
        const r = await evaluate({ graph: g, mappings: m, label, images: selection.images, samples: space.selectionChips });
        evalS = Math.max(evalS, now() - t);
        return r;
    };
    // The committed model as committed, on the selection split: a reference, and the measured time of one
    // selection evaluation (the schedule keeps that much per λ in reserve).
    const committedValidation = await validate(inp.graph, inp.committed, 'committed model (as committed)');
    // selectionReference: homogeneous — the committed network on every homogeneous size, on the same split; the size
    // one would choose without a search sets the accuracy a proposed λ candidate must reach there.
    let reference;
    let referenceCrossbar;
    if (space.selectionReference === 'homogeneous') {
        const sizes = [];
        for (const n of space.crossbars) {
            const m = homogeneousMappings(inp.committed, n);
            const same = [...m].every(([k, v]) => JSON.stringify(v) === JSON.stringify(inp.committed.get(k)));
            const label = `homogeneous ${n}×${n} (as committed)`;
            const r = same ? committedValidation : await validate(inp.graph, m, label);
            const c = candidateFromReport(r, { id: `homogeneous-${n}`, kind: 'homogeneous', label });
            sizes.push({ id: c.id, label, validationAccuracy: c.accuracy, objective: (0,search_pareto/* objectiveValue */.VI)(c, space.objective) });
        }
        const k = (0,search_protocol/* homogeneousChoice */.ZU)(sizes.map((h) => ({ accuracy: h.validationAccuracy, objective: h.objective })));
        reference = { id: sizes[k].id, validationAccuracy: sizes[k].validationAccuracy, sizes };
        referenceCrossbar = space.crossbars[k];
        ticker.tick(() => `search: selection reference ${sizes[k].label}: validation non-ideal ${pct(sizes[k].validationAccuracy)} ` +
            `(the size one would choose among ${sizes.map((h) => `${h.id} ${pct(h.validationAccuracy)}`).join(', ')})`, true);
    }
    const reserve = () => reserveS(budget, lambdas.length, evalS, saveS);
    const spe = Math.ceil(data.nTrain / space.batchSize);
    const caps = opts.limits ?? (space.epochs !== undefined
        ? { warmupSteps: Math.round(0.2 * space.epochs * spe), searchSteps: Math.round(0.5 * space.epochs * spe), fineTuneSteps: Math.round(0.3 * space.epochs * spe / (lambdas.length + 3)) }
        : { warmupSteps: Infinity, searchSteps: Infinity, fineTuneSteps: Infinity });
    // The shard's own seed: each shard of a sharded run is a different search (shardSlice).
    // smallerCrossbars: toReference (which needs the reference, search-space.ts): units above its crossbar are tested against it.
    const engine = new SearchEngine(plan, data, { ...engineSettingsOf(space, data.nVal, { alphas: warm.alphas, costOnly: costOnly.choice }, referenceCrossbar), seed }, { now }, ticker);
    const runs = [];
    const summaries = [];
    const pending = [];
    let warmupSteps = 0;
    let protocol;
    try {
        // 2. Warm-up; it measures the time of one weight step, which sizes the equal fine-tuning.
        const tw = now();
        const w = engine.warmUp({ deadlineS: warmUpDeadline(budget, tw, reserve()), maxSteps: caps.warmupSteps });
        warmupSteps = w.steps;
        const stepS = w.steps > 0 ? (now() - tw) / w.steps : 0.05 * budgetS;
        const alloc = protocolAllocation({ trainingS: deadlineOf(budget) - now() - reserve(), lambdas: lambdas.length, stepS, maxFineTuneSteps: caps.fineTuneSteps });
        const F = alloc.fineTuneSteps;
        ticker.tick(() => `search: warm-up done, ${w.steps} steps (${(stepS * 1000).toFixed(0)} ms/step); every candidate gets ${F} fine-tune steps, each search phase ${alloc.searchS.toFixed(0)} s`, true);
        // A fine-tune may overrun its share only up to the end of the budget; the steps it got are recorded.
        const ftLimit = { deadlineS: deadlineOf(budget), maxSteps: F };
        // 3. Per λ: search, argmax, the equal fine-tuning, then the selection evaluation on validation.
        // The derivation rules' check images, fixed for the run: all held-out ones unless their group comparisons
        // would take more than the largest share of a phase (the image count is the checks' power; later tests run
        // in the time the phase keeps beyond the groups'; without a group, the smaller-crossbar tests size it). Until a check has run, a check forward's cost is
        // estimated from the committed model's selection evaluation (which also runs the ideal and quantised forwards).
        const estimateS = evalS / (selection.images.n * space.selectionChips);
        const reservedForwards = engine.reservedForwards;
        engine.useCheckImages(pairedCheckImages({ searchS: alloc.searchS, forwards: engine.groupForwards || reservedForwards, images: engine.heldOutImages, chips: PAIRED_CHECK_CHIPS, secondsPerImageChip: estimateS }), estimateS);
        if (engine.checkImageCount < engine.heldOutImages) {
            notes.push(engine.checkImageCount === 0
                ? `the derivation rules did not test: their comparisons on ${engine.heldOutImages} held-out images would not fit in a search phase (larger kernels fell back, other ops stood)`
                : `the derivation rules' checks ran on ${engine.checkImageCount} of the ${engine.heldOutImages} held-out images: all would not fit in a search phase`);
        }
        const searched = [];
        for (const lambda of lambdas) {
            const ts = now();
            // The derivation rules' paired checks (engine, `largerKernels` / `costlierOps` / `smallerCrossbars: paired | toReference`)
            // run after the argmax within the same phase, so the protocol's split of the budget is unchanged: the
            // architecture steps stop early by the reserved forwards' time. The engine's own fine-tune is off (maxSteps 0): every candidate's
            // equal fine-tuning follows below.
            const checkS = pairedCheckS({
                searchS: alloc.searchS, forwards: reservedForwards, images: engine.checkImageCount, chips: PAIRED_CHECK_CHIPS, secondsPerImageChip: engine.checkImageSeconds,
            });
            const res = await engine.searchLambda({
                lambda, table, priceOf, nonIdeal,
                search: { deadlineS: ts + alloc.searchS - checkS, maxSteps: caps.searchSteps },
                fineTune: { deadlineS: ts + alloc.searchS, maxSteps: 0 },
            });
            runs.push(res);
            if (res.archSteps === 0)
                notes.push(`λ=${lambda}: no architecture step fit the budget, so its argmax is not a search result`);
            const id = lambdaId(lambda) + sfx;
            const label = `searched λ=${lambda}${lsfx}`;
            const ft = engine.fineTuneChoice(res.choice, res.weightsAfterSearch, ftLimit, label);
            const architecture = describeChoice(plan, res.choice, true);
            const saved = await saveCandidate(sink, `candidates/${id}`, ft.graph, ft.mappings, inp.file);
            const validation = await validate(saved, ft.mappings, label);
            searched.push({ id, kind: 'searched', label, graph: saved, mappings: ft.mappings, fineTuneSteps: ft.steps, lambda, architecture, validation, validationImages: selection.images.n, run: res });
            summaries.push({
                id, lambda, choice: res.choice, architecture,
                alphas: res.alphas.map((a) => [...a]),
                probabilities: engine.probabilitiesOf(res.alphas).map((p) => [...p]),
                archSteps: res.archSteps, searchWeightSteps: res.searchWeightSteps, fineTuneSteps: ft.steps,
                hardware: res.hardware, valCe: res.valCe, evaluated: false,
                validationAccuracy: validation.accuracy.nonIdeal.mean,
                argmax: describeChoice(plan, res.argmax, true), pairedChecks: res.pairedChecks,
            });
            ticker.tick(() => `search: ${label}: ${architecture || 'the committed architecture'}; validation non-ideal ${pct(validation.accuracy.nonIdeal.mean)}`, true);
        }
        // 4. λ chosen on validation only.
        const asCandidate = (p, r) => candidateFromReport(r, { id: p.id, kind: p.kind, label: p.label });
        const pick = (0,search_protocol/* selectOnValidation */.Vd)(searched.map((p) => ({ candidate: asCandidate(p, p.validation), report: p.validation })), space.objective, reference?.validationAccuracy);
        const chosen = searched[pick];
        summaries[pick] = { ...summaries[pick], evaluated: true };
        if (reference) {
            const floor = pct(reference.validationAccuracy);
            const reached = (0,search_pareto/* reachesReference */.FE)(chosen.validation.accuracy.nonIdeal.mean, reference.validationAccuracy);
            notes.push(reached
                ? `λ=${chosen.lambda} chosen on ${selection.name}: the lowest ${space.objective} among the λ candidates not worse there than the most accurate and at least ${floor} (the selection reference, ${reference.id} as committed)`
                : `no λ candidate reached ${floor} on ${selection.name} (the selection reference, ${reference.id} as committed): the most accurate, λ=${chosen.lambda}, is proposed`);
        }
        else if (searched.length > 1) {
            notes.push(`λ=${chosen.lambda} chosen on ${selection.name}: the lowest ${space.objective} among the λ candidates not worse there than the most accurate`);
        }
        const from = chosen.run.weightsAfterSearch;
        // 5. Baselines with the same fine-tuning from the same weights.
        let randomS = 0;
        let randomSamples = 0;
        if (!opts.skipBaselines) {
            // Random search with the wall time of one search phase, scored by the search's own loss (non-ideal
            // validation CE + λ·hardware) on the same images and chip for every sample; hardware at the derivation rules'
            // exact price, as the searched candidate's final moves were priced.
            engine.net.restore(from, space.weightLr);
            const rng = xbar_rng/* Rng */.K.derive(seed, 'random-search');
            const chip = (0,xbar_rng/* deriveSeed */.B)(seed, 'random-search-chip');
            const tr = now();
            let bestArch;
            let bestScore = Infinity;
            const withZero = space.zeroOp !== false;
            // As many samples as the search had architecture steps when it is step-capped (tests), else its wall time.
            const maxSamples = Math.max(1, Math.ceil(caps.searchSteps / space.archEvery));
            while (randomSamples < maxSamples && now() - tr < alloc.searchS) {
                const arch = uniformArch(plan, rng, withZero);
                const score = (await engine.validationLoss(arch, nonIdeal, chip)) + chosen.lambda * priceOf(arch);
                randomSamples += 1;
                if (score < bestScore) {
                    bestScore = score;
                    bestArch = arch;
                }
                ticker.tick(() => `search: random search sample ${randomSamples}, best loss ${bestScore.toFixed(3)}`);
            }
            randomS = now() - tr;
            if (!bestArch) {
                // No time for a single score: one uniform draw, as a random search of one sample would keep.
                bestArch = uniformArch(plan, rng, withZero);
                notes.push('the random search had no time to score a sample: its candidate is one unscored uniform draw');
            }
            const cArch = committedWeightsChoice(plan);
            const cFt = engine.fineTuneChoice(cArch, from, ftLimit, 'committed kernels');
            const cGraph = await saveCandidate(sink, `candidates/committed${sfx}`, cFt.graph, inp.committed, inp.file);
            pending.push({ id: `committed${sfx}`, kind: 'committed', label: `committed mapping${lsfx}`, graph: cGraph, mappings: inp.committed, fineTuneSteps: cFt.steps });
            for (const n of space.crossbars) {
                pending.push({ id: `homogeneous-${n}${sfx}`, kind: 'homogeneous', label: `homogeneous ${n}×${n}${lsfx}`, graph: cGraph, mappings: homogeneousMappings(inp.committed, n), fineTuneSteps: cFt.steps });
            }
            const coFt = engine.fineTuneChoice(costOnly.choice, from, ftLimit, 'cost-only optimum');
            const coGraph = await saveCandidate(sink, `candidates/cost-only${sfx}`, coFt.graph, coFt.mappings, inp.file);
            pending.push({ id: `cost-only${sfx}`, kind: 'costOnly', label: `cost-only optimum${lsfx}`, graph: coGraph, mappings: coFt.mappings, fineTuneSteps: coFt.steps,
                architecture: describeChoice(plan, costOnly.choice, true) });
            const rFt = engine.fineTuneChoice(bestArch, from, ftLimit, 'random search');
            const rGraph = await saveCandidate(sink, `candidates/random${sfx}`, rFt.graph, rFt.mappings, inp.file);
            pending.push({ id: `random${sfx}`, kind: 'random', label: `random search${lsfx}`, graph: rGraph, mappings: rFt.mappings, fineTuneSteps: rFt.steps,
                architecture: describeChoice(plan, bestArch, true) });
        }
        pending.push(chosen);
        const steps = new Set(pending.map((p) => p.fineTuneSteps));
        if (steps.size > 1)
            notes.push(`fine-tuning was cut by the budget: candidates got ${[...steps].sort((a, b) => a - b).join(', ')} steps (planned ${F})`);
        protocol = {
            fineTuneSteps: Math.min(...steps), weightLr: space.weightLr,
            selectionSplit: selection.name, selectionImages: selection.images.n, selectionChips: space.selectionChips,
            evaluationImages: inp.evalSet.n, evaluationSetImages: inp.evaluationSetImages ?? inp.evalSet.n, evaluationChips: space.evaluationChips,
            randomSearchS: randomS, randomSamples, costOnlyStarts: costOnly.starts,
            costModel: Object.fromEntries(cost_model/* COST_MODEL_SWITCHES */.fi.map((n) => [n, inp.technology.costModel[n]])),
            hardwarePrice: 'exact',
            ...(reference ? { selectionReference: reference } : {}),
            derivationRules: { largerKernels: space.largerKernels, costlierOps: space.costlierOps, smallerCrossbars: space.smallerCrossbars },
            ...(space.objective === 'edap' ? { hardwareLoss: table.additive ? 'additive' : 'product' } : {}),
            ...(table.additive ? { additiveWeights: table.additive.weights } : {}),
        };
    }
    finally {
        engine.dispose();
    }
    const trainingS = now() - t0;
    ticker.tick(() => `search: training done in ${trainingS.toFixed(1)} s of ${budgetS.toFixed(0)} s; the evaluation set is used now, once`, true);
    // 6. The evaluation set, touched once: every candidate on the same images and chips.
    const reports = new Map();
    const candidates = [];
    for (const p of pending) {
        ticker.tick(() => `search: evaluating ${p.label}`, true);
        const r = await evaluate({ graph: p.graph, mappings: p.mappings, label: p.label, samples: space.evaluationChips });
        reports.set(p.id, r);
        candidates.push({
            ...candidateFromReport(r, {
                id: p.id, kind: p.kind, label: p.label,
                ...(p.lambda !== undefined ? { lambda: p.lambda } : {}),
                ...(p.architecture !== undefined ? { architecture: p.architecture } : {}),
                ...(sink ? { folder: `candidates/${p.id}` } : {}),
            }),
            fineTuneSteps: p.fineTuneSteps,
            ...(p.validation ? { validationAccuracy: p.validation.accuracy.nonIdeal.mean, validationTolerance: 1 / p.validationImages } : {}),
        });
        ticker.tick(() => `search: ${p.label}: non-ideal ${pct(r.accuracy.nonIdeal.mean)}, EDAP ${r.totals.edap.toExponential(3)}`, true);
    }
    // 7. Paired comparisons: every non-baseline candidate against every baseline (and searched against the others).
    const byId = new Map(candidates.map((c) => [c.id, c]));
    const compared = candidates.map((c) => {
        if (c.kind === 'committed' || c.kind === 'homogeneous')
            return c;
        const against = candidates.filter((b) => b.id !== c.id && (b.kind === 'committed' || b.kind === 'homogeneous' ||
            (c.kind === 'searched' && (b.kind === 'costOnly' || b.kind === 'random')) || (c.kind === 'random' && b.kind === 'costOnly')));
        const comparisons = against.flatMap((b) => {
            const x = (0,search_protocol/* compareCandidates */.Ae)({ candidate: c, report: reports.get(c.id) }, { candidate: byId.get(b.id), report: reports.get(b.id) }, space.objective);
            return x ? [x] : [];
        });
        return { ...c, comparisons };
    });
    // 8. Front, table, every candidate's files, the proposed one at the root.
    const pareto = (0,search_pareto/* paretoDocument */.RB)(compared, space.objective, protocol, summaries);
    notes.push(`reference: the committed model as committed (no fine-tuning) scores ${pct(committedValidation.accuracy.nonIdeal.mean)} non-ideal on ${selection.name}`);
    if (sink) {
        for (const p of pending) {
            const folder = `candidates/${p.id}`;
            if (p.kind === 'homogeneous')
                await saveCandidate(sink, folder, p.graph, p.mappings, inp.file);
            await sink.writeText(`${folder}/report.json`, JSON.stringify(reports.get(p.id), null, 2) + '\n');
        }
        await sink.writeText('pareto.json', JSON.stringify(pareto, null, 2) + '\n');
        const best = pareto.best ? pending.find((p) => p.id === pareto.best) : undefined;
        if (best) {
            await saveCandidate(sink, '.', best.graph, best.mappings, inp.file);
            await sink.writeText('report.json', JSON.stringify(reports.get(best.id), null, 2) + '\n');
        }
    }
    const elapsedS = now() - t0;
    opts.progress(`search: done in ${elapsedS.toFixed(1)} s (training budget ${budgetS.toFixed(0)} s); ${candidates.length} candidates, front: ${pareto.front.join(', ')}`, { done: budgetS, total: budgetS, unit: 's' });
    return { pareto, reports, lambdas: summaries, runs, warmupSteps, trainingS, elapsedS, budgetS, notes };
}
const pct = (x) => `${(x * 100).toFixed(2)} %`;
/**
 * Writes a candidate's model and mapping into `folder` of the sink and reads the model back exactly as a
 * user's model is read, so that what is evaluated is what was written. Without a sink, the graph as is.
 */
async function saveCandidate(sink, folder, graph, mappings, file) {
    if (!sink)
        return graph;
    const model = buildLayersModel(graph, file);
    try {
        await sink.saveModel(folder, model);
    }
    finally {
        model.dispose();
    }
    await sink.writeText(`${folder}/mapping.json`, JSON.stringify((0,mapping/* mappingToJson */.Wd)(mappings), null, 2) + '\n');
    return sink.loadGraph(folder === '.' ? 'model.json' : `${folder}/model.json`);
}
/** An architecture with the committed kernel on every mixed layer (its crossbar choice does not affect weights). */
function committedWeightsChoice(plan) {
    return plan.layers.map((l) => {
        const j = l.ops.findIndex((o) => o.kind === 'path' && o.kernel === l.committedKernel);
        if (j < 0)
            throw new Error(`internal error: layer '${l.name}' has no op with its committed kernel`);
        return j;
    });
}
/** The split on which λ and the final candidate are chosen: search.validationSet, else the architecture-step split. */
function selectionSplit(inp, data) {
    const n = inp.space.selectionImages;
    if (inp.validation) {
        const k = Math.min(n, inp.validation.n);
        const per = inp.validation.shape[0] * inp.validation.shape[1] * inp.validation.shape[2];
        return { name: 'the validation split', images: { ...inp.validation, images: inp.validation.images.subarray(0, k * per), labels: inp.validation.labels.subarray(0, k), n: k } };
    }
    const k = Math.min(n, data.nVal);
    const per = data.shape[0] * data.shape[1] * data.shape[2];
    return { name: 'the architecture-step split', images: { images: data.valImages.subarray(0, k * per), labels: data.valLabels.subarray(0, k), n: k, shape: data.shape } };
}
/** Releases tfjs memory the caller no longer needs (the search keeps none after returning). */
function searchTensorCount() {
    return tf.memory().numTensors;
}

;// CONCATENATED MODULE: ./src/search-project.ts
/**
 * The loader layer of `nax search`: reads the project of nax.yml (model, committed mapping, technology,
 * evaluation, calibration and training splits), builds the production evaluator (the simulator and cost
 * model, as `nax simulate` runs them) and the output folder, then hands plain data to the pure search
 * (src/search/run.ts).
 */







/**
 * Loads the project of nax.yml. `space` replaces nax.yml's `search:` section (the bench sets its own);
 * `costModel` sets cost-model switches over the technology file's (command-line overrides): the search, its
 * cost-only optimum and every candidate's report are costed under them.
 */
async function loadSearchInputs(source, configPath, space, costModel, evaluationImages) {
    const p = await (0,pipeline.loadProject)(source, configPath, costModel ? { costModel } : {});
    if ((0,load/* isOnnxPath */.Z2)(p.config.model)) {
        throw new errors/* NaxUserError */.b(p.config.file, 'model', `search supports TensorFlow.js layers models only; '${p.config.model}' is ONNX`, 'simulate, cost, sweep and check work on ONNX models');
    }
    const given = space ?? p.config.search;
    const cfg = { ...p.config, search: evaluationImages === undefined ? given : Object.freeze({ ...given, evaluationImages }) };
    space = cfg.search;
    if (!cfg.evalSet)
        throw new errors/* NaxUserError */.b(cfg.file, 'evalSet', 'no evaluation set configured', 'the search evaluates candidates on it');
    if (!space.trainSet) {
        throw new errors/* NaxUserError */.b(cfg.file, 'search.trainSet', 'the search needs training data', 'add search.trainSet { images, labels } (its last search.validationImages images are held out for architecture steps)');
    }
    // The protocol evaluates on all evaluation images unless search.evaluationImages says fewer.
    const all = await (0,evalset/* loadEvalSet */.f)(source, cfg.evalSet, 0x7fffffff, cfg.file);
    const evalSet = space.evaluationImages === 'all' || space.evaluationImages >= all.n ? all : cut(all, space.evaluationImages);
    const train = await (0,evalset/* loadEvalSet */.f)(source, space.trainSet, 0x7fffffff, cfg.file);
    const validation = space.validationSet ? await (0,evalset/* loadEvalSet */.f)(source, space.validationSet, space.selectionImages, cfg.file) : undefined;
    const [h, w, c] = p.graph.inputShape;
    const sets = [[evalSet, 'evalSet.images'], [train, 'search.trainSet.images'], ...(validation ? [[validation, 'search.validationSet.images']] : [])];
    for (const [set, field] of sets) {
        if (set.shape[0] !== h || set.shape[1] !== w || set.shape[2] !== c) {
            throw new errors/* NaxUserError */.b(cfg.file, field, `images are ${set.shape.join('×')}, the model expects ${h}×${w}×${c}`);
        }
    }
    // Candidates are evaluated like `nax simulate`: with the calibration split when nax.yml names one.
    const calib = cfg.calibrationSet
        ? await (0,pipeline/* loadCalibrationImages */.V)(source, cfg.calibrationSet, cfg.simulation.batchSize, p.graph.inputShape)
        : undefined;
    return {
        file: cfg.file,
        graph: p.graph,
        committed: p.mappings,
        technology: p.technology,
        space,
        train,
        evalSet,
        evaluationSetImages: all.n,
        ...(validation ? { validation } : {}),
        ...(calib ? { calibration: { images: calib.images, n: calib.n, shape: calib.shape } } : {}),
        simulation: { seed: cfg.simulation.seed, monteCarloSamples: cfg.simulation.monteCarloSamples, evalImages: evalSet.n, irDrop: cfg.simulation.irDrop },
        batchSize: cfg.simulation.batchSize,
        reportInputs: {
            ...p.inputs,
            evalSet: { path: cfg.evalSet.images, sha256: evalSet.sha256 },
            ...(calib && cfg.calibrationSet ? { calibrationSet: { path: cfg.calibrationSet.images, sha256: calib.sha256 } } : {}),
        },
    };
}
/** The first `n` images of a set (classes are interleaved in the fixture, so a prefix stays near-balanced). */
function cut(set, n) {
    const per = set.shape[0] * set.shape[1] * set.shape[2];
    return { ...set, images: set.images.subarray(0, n * per), labels: set.labels.subarray(0, n), n };
}
/**
 * The production evaluator: the simulation and cost of `nax simulate` (pipeline.ts simulateInMemory) on
 * `images` (the evaluation set, or the validation split for selection), with the calibration split.
 */
function simulatorEvaluator(inp, o = {}) {
    return ({ graph, mappings, label, images, samples }) => {
        const set = images ?? inp.evalSet;
        const settings = { ...inp.simulation, evalImages: set.n, ...(samples !== undefined ? { monteCarloSamples: samples } : {}) };
        return (0,pipeline/* simulateInMemory */.m)({
            graph,
            mappings,
            technology: inp.technology,
            evalSet: set,
            settings,
            batchSize: inp.batchSize,
            inputs: inp.reportInputs,
            ...(inp.calibration ? { calibrationImages: inp.calibration } : {}),
            progress: o.progress ? (l) => o.progress(`${label}: ${l}`) : undefined,
            runner: o.runner,
        });
    };
}
/**
 * Loads nax.yml's project and runs the search on it with the production simulator; with an output folder, writes
 * summary.md and the Pareto page beside the search's files.
 */
async function runSearch(opts) {
    const inputs = await loadSearchInputs(opts.source, opts.configPath, undefined, opts.costModel, opts.evaluationImages);
    const sink = opts.outDir ? (0,search_folder/* folderSink */.W1)(opts.outDir) : undefined;
    const result = await runSearchOn(inputs, {
        ...opts,
        evaluate: simulatorEvaluator(inputs, { runner: opts.runner, progress: opts.progress }),
        nonIdeal: opts.nonIdeal ?? simulatorNonIdeal(inputs, opts.runner?.logits),
        ...(sink ? { sink } : {}),
    });
    const summary = (0,search_summary/* searchSummaryMarkdown */.w0)(result.pareto, result.notes);
    if (sink)
        await (0,search_folder/* writeSearchPages */.GS)(sink, result.pareto, summary);
    return { ...result, summary };
}


/***/ })

};
