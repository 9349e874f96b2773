export const id = 203;
export const ids = [203,820,439];
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

/***/ 7820:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   accuracyStats: () => (/* binding */ accuracyStats),
/* harmony export */   gridOf: () => (/* binding */ gridOf),
/* harmony export */   pairedAccuracy: () => (/* binding */ pairedAccuracy)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _correctness_bits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5979);
/* harmony import */ var _paired_interval_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6630);
/**
 * Summary statistics of non-ideal accuracy over Monte Carlo chip instances, built the same way from a fresh
 * simulation and from merged shard reports, so that a sharded run reproduces the unsharded report exactly.
 */



const PP = 100;
/** Largest images × chips grid read from a report: 100,000 images × 1,000 chips, far beyond any CI run (bounds memory). */
const MAX_GRID_CELLS = 1e8;
/**
 * Accuracy statistics of a set of samples: mean, population std (÷ n, absent with one sample), min, max, and —
 * when the per-image correctness bitsets are given — the 95 % interval over images × chips.
 * @param correct per sample, the base64 bitset of `images` bits (src/stats/correctness-bits.ts)
 */
function accuracyStats(samples, sampleSeeds, correct) {
    const n = samples.length;
    const mean = n === 0 ? 0 : samples.reduce((s, v) => s + v, 0) / n;
    const variance = n === 0 ? 0 : samples.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
    const grid = correct && n > 0 ? gridOf(correct.bits, correct.images, 'accuracy.nonIdeal.correct') : undefined;
    return {
        mean,
        ...(n > 1 ? { std: Math.sqrt(variance) } : {}),
        min: n === 0 ? 0 : Math.min(...samples),
        max: n === 0 ? 0 : Math.max(...samples),
        samples: [...samples],
        sampleSeeds: [...sampleSeeds],
        ...(correct ? { correct: [...correct.bits] } : {}),
        ...(grid ? { ci95: reportInterval((0,_paired_interval_js__WEBPACK_IMPORTED_MODULE_2__/* .accuracyInterval */ .tA)(grid)) } : {}),
    };
}
function reportInterval(ci) {
    return { low: ci.low, high: ci.high, level: ci.level, method: ci.method, images: ci.images, chips: ci.chips };
}
/** The images × chips grid of a report's bitsets; a malformed bitset is a user error naming the field. */
function gridOf(bits, images, field, file = 'report') {
    if (!Number.isInteger(images) || images < 1 || bits.length * images > MAX_GRID_CELLS) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(file, field, `${bits.length} samples × ${images} images is not a grid nax reads (at most ${MAX_GRID_CELLS} cells)`);
    }
    const correct = new Uint8Array(bits.length * images);
    bits.forEach((b, c) => {
        const row = typeof b === 'string' ? (0,_correctness_bits_js__WEBPACK_IMPORTED_MODULE_1__/* .unpackCorrectness */ .g)(b, images) : undefined;
        if (!row)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(file, `${field}[${c}]`, `not a base64 bitset of ${images} images`);
        correct.set(row, c * images);
    });
    return { images, chips: bits.length, correct };
}
/**
 * Δ non-ideal accuracy, head − base, with its paired interval; undefined when either side lacks the bitsets or
 * the two runs are not paired (other images or chip seeds), since an unpaired interval would be misleading.
 */
function pairedAccuracy(base, head, images) {
    if (!base.correct || !head.correct || images.base !== images.head)
        return undefined;
    if (base.sampleSeeds.length !== head.sampleSeeds.length || base.sampleSeeds.some((s, k) => s !== head.sampleSeeds[k]))
        return undefined;
    const b = gridOf(base.correct, images.base, 'accuracy.nonIdeal.correct', 'base report');
    const h = gridOf(head.correct, images.head, 'accuracy.nonIdeal.correct', 'head report');
    const ci = (0,_paired_interval_js__WEBPACK_IMPORTED_MODULE_2__/* .pairedDeltaInterval */ .H)(b, h);
    return {
        delta: {
            pp: ci.estimate * PP,
            ciLowPp: ci.low * PP,
            ciHighPp: ci.high * PP,
            level: ci.level,
            method: ci.method,
            images: ci.images,
            chips: ci.chips,
            mdePp: (0,_paired_interval_js__WEBPACK_IMPORTED_MODULE_2__/* .minimumDetectableEffect */ .nv)(ci.standardError) * PP,
        },
        components: ci.components,
    };
}


/***/ }),

/***/ 5979:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ packCorrectness),
/* harmony export */   g: () => (/* binding */ unpackCorrectness)
/* harmony export */ });
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4573);
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_buffer__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Per-image correctness of one simulated chip, packed for reports: bit i (byte i >> 3, least significant bit
 * first) is 1 when image i of the evaluation set was classified right. Base64, so a 2,000-image sample costs
 * 336 characters and a report still diffs as text. Reports carry these so that merged shards, comment jobs and
 * other tools can recompute intervals from the data rather than trust a summary.
 */

/** Packs 0/1 bytes into a base64 bitset. */
function packCorrectness(correct) {
    const bytes = new Uint8Array((correct.length + 7) >> 3);
    for (let i = 0; i < correct.length; i++)
        if (correct[i])
            bytes[i >> 3] |= 1 << (i & 7);
    return node_buffer__WEBPACK_IMPORTED_MODULE_0__.Buffer.from(bytes).toString('base64');
}
/**
 * Unpacks a base64 bitset of `images` bits into 0/1 bytes; undefined when the text is not canonical base64 of
 * exactly ⌈images/8⌉ bytes with zero padding bits (reports are untrusted input: a malformed bitset must not
 * become a silently different grid).
 */
function unpackCorrectness(text, images) {
    const byteCount = (images + 7) >> 3;
    if (typeof text !== 'string' || text.length !== 4 * Math.ceil(byteCount / 3) || !/^[A-Za-z0-9+/]*={0,2}$/.test(text))
        return undefined;
    const bytes = node_buffer__WEBPACK_IMPORTED_MODULE_0__.Buffer.from(text, 'base64');
    if (bytes.length !== byteCount || bytes.toString('base64') !== text)
        return undefined;
    if (images % 8 !== 0 && bytes[byteCount - 1] >> (images % 8) !== 0)
        return undefined;
    const out = new Uint8Array(images);
    for (let i = 0; i < images; i++)
        out[i] = (bytes[i >> 3] >> (i & 7)) & 1;
    return out;
}


/***/ }),

/***/ 6630:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  tA: () => (/* binding */ accuracyInterval),
  Tv: () => (/* binding */ designForHalfWidth),
  YI: () => (/* binding */ designToResolve),
  nv: () => (/* binding */ minimumDetectableEffect),
  H: () => (/* binding */ pairedDeltaInterval)
});

// UNUSED EXPORTS: MDE_Z, normalQuantile, varianceComponents

;// CONCATENATED MODULE: ./src/stats/t-quantile.ts
/**
 * Student's t quantile for real (non-integer) degrees of freedom, as Satterthwaite's approximation gives
 * them. The CDF is the regularized incomplete beta function, P(|T| ≤ t) = 1 − I_x(ν/2, 1/2) with
 * x = ν/(ν + t²) (DLMF 8.17 and Abramowitz & Stegun 26.7.1), evaluated by its continued fraction
 * (DLMF 8.17.22) with the modified Lentz method; the quantile is found by bisection on that CDF. Pure.
 */
const { abs, exp, log, PI } = Math;
/** ln Γ(x) for x > 0: Stirling's series at x + k ≥ 10 (error < 1e-12), shifted down by the recurrence. */
function lnGamma(x) {
    if (!(x > 0))
        throw new Error('internal error: lnGamma needs x > 0');
    let shift = 0;
    let z = x;
    while (z < 10) {
        shift += log(z);
        z += 1;
    }
    const z2 = z * z;
    const series = 1 / (12 * z) - 1 / (360 * z * z2) + 1 / (1260 * z * z2 * z2) - 1 / (1680 * z * z2 * z2 * z2);
    return (z - 0.5) * log(z) - z + 0.5 * log(2 * PI) + series - shift;
}
/** The continued fraction of I_x(a, b) (DLMF 8.17.22), converging for x < (a + 1)/(a + b + 2). */
function betaFraction(a, b, x) {
    const tiny = 1e-300;
    let c = 1;
    let d = 1 - ((a + b) * x) / (a + 1);
    if (abs(d) < tiny)
        d = tiny;
    d = 1 / d;
    let f = d;
    for (let m = 1; m <= 300; m++) {
        // Even step d_{2m}, then odd step d_{2m+1}.
        for (const coef of [(m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m)), (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1))]) {
            d = 1 + coef * d;
            if (abs(d) < tiny)
                d = tiny;
            c = 1 + coef / c;
            if (abs(c) < tiny)
                c = tiny;
            d = 1 / d;
            f *= d * c;
        }
        if (abs(d * c - 1) < 1e-15)
            break;
    }
    return f;
}
/** Regularized incomplete beta function I_x(a, b), 0 ≤ x ≤ 1. */
function incompleteBeta(x, a, b) {
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    const front = exp(a * log(x) + b * log(1 - x) - (lnGamma(a) + lnGamma(b) - lnGamma(a + b)));
    // The fraction converges fast on this side; the other side by symmetry I_x(a, b) = 1 − I_{1−x}(b, a).
    if (x < (a + 1) / (a + b + 2))
        return (front * betaFraction(a, b, x)) / a;
    return 1 - (front * betaFraction(b, a, 1 - x)) / b;
}
/** P(T ≤ t) for Student's t with ν > 0 degrees of freedom. */
function tCdf(t, nu) {
    const tail = 0.5 * incompleteBeta(nu / (nu + t * t), nu / 2, 0.5);
    return t >= 0 ? 1 - tail : tail;
}
/**
 * The p-quantile of Student's t with ν > 0 degrees of freedom (ν = ∞: the normal quantile is the caller's).
 * Bisection to 1e-10 relative; quantiles beyond ±1e6 are not needed by any interval here.
 */
function tQuantile(p, nu) {
    if (!(p > 0 && p < 1))
        throw new Error('internal error: t quantile needs 0 < p < 1');
    if (!(nu > 0))
        throw new Error('internal error: t quantile needs ν > 0');
    if (p === 0.5)
        return 0;
    const upper = p > 0.5;
    const target = upper ? p : 1 - p;
    let lo = 0;
    let hi = 1;
    while (tCdf(hi, nu) < target && hi < 1e6)
        hi *= 2;
    for (let k = 0; k < 200 && hi - lo > 1e-10 * hi; k++) {
        const mid = (lo + hi) / 2;
        if (tCdf(mid, nu) < target)
            lo = mid;
        else
            hi = mid;
    }
    const q = (lo + hi) / 2;
    return upper ? q : -q;
}
/**
 * Satterthwaite's effective degrees of freedom of Σ c_k·MS_k, a combination of independent variance
 * estimates with df_k degrees of freedom each (Satterthwaite, Biometrics Bull. 2(6), 1946; Welch–Satterthwaite
 * in JCGM 100:2008, G.4.1): ν = (Σ c_k MS_k)² / Σ (c_k MS_k)² / df_k. Infinity when every term is zero.
 */
function satterthwaiteDf(terms) {
    let num = 0;
    let den = 0;
    for (const t of terms) {
        if (t.df <= 0)
            continue;
        const v = t.coef * t.meanSquare;
        num += v;
        den += (v * v) / t.df;
    }
    return den > 0 ? (num * num) / den : Infinity;
}

;// CONCATENATED MODULE: ./src/stats/paired-interval.ts
/**
 * Uncertainty of non-ideal accuracy over a crossed design: every evaluation image is classified on every
 * simulated chip, so a result is a grid of correctness bits, images × chips. Both dimensions are samples
 * (images of the task's distribution, chips of the fabrication process), and an interval must include
 * both sources of variance — a "± std over chips" alone ignores test-set variance, which dominates at
 * the evaluation-set sizes a pull-request check can afford.
 *
 * Method: the two-way crossed random-effects model y_ic = μ + a_i + b_c + e_ic, whose grand mean has variance
 * σ²_a/n + σ²_b/m + σ²_e/(nm); the components come from the ANOVA mean squares (method of moments, each
 * clamped at 0; Searle, Casella & McCulloch, "Variance Components", 1992, ch. 4), and the interval is
 * estimate ± t·SE with Satterthwaite's degrees of freedom for that combination of mean squares (t-quantile.ts).
 * With the default 3 chips the chip term rests on 2 degrees of freedom, and the normal quantile (z = 1.96)
 * under-covers when chips differ much: the `quantile` option keeps the normal interval for comparison. The two-way "pigeonhole" bootstrap (Owen, Ann. Appl. Stat. 1(2), 2007) was
 * measured first: it counts σ²_e twice, and for paired correctness bits, where the per-cell term dominates,
 * its 95 % intervals covered 99–100 % of synthetic experiments — safe, but up to 40 % wider than the data
 * support, which costs a gate resolution. With one chip the chip variance cannot be estimated; the interval
 * is then over images only and `method` says so.
 *
 * Base and head of a check share images and chip seeds (a paired design), so their difference is taken per
 * cell first: correlated errors cancel, and identical sides give Δ = 0 with a zero-width interval.
 * Pure and deterministic: no randomness, no clock, no I/O.
 */

const { sqrt, ceil, max } = Math;
/** z-values of the minimum detectable effect: two-sided α = 0.05 (1.960) plus 80 % power (0.842). */
const MDE_Z = 1.96 + 0.8416;
function checkGrid(g, what) {
    if (!Number.isInteger(g.images) || g.images < 1 || !Number.isInteger(g.chips) || g.chips < 1)
        throw new Error(`internal error: ${what} needs at least one image and one chip`);
    if (g.correct.length !== g.images * g.chips)
        throw new Error(`internal error: ${what} has ${g.correct.length} cells, not ${g.images}×${g.chips}`);
}
/** Interval of one accuracy (the mean of the correctness grid). */
function accuracyInterval(g, o = {}) {
    checkGrid(g, 'accuracy grid');
    const cells = new Int8Array(g.correct.length);
    for (let k = 0; k < cells.length; k++)
        cells[k] = g.correct[k] ? 1 : 0;
    return gridInterval(cells, g.images, g.chips, o, [0, 1]);
}
/**
 * Interval of Δ = accuracy(head) − accuracy(base) on the same images and chips. The grids must have the same
 * shape, and cell (i, c) of both must be the same image on the same chip instance.
 */
function pairedDeltaInterval(base, head, o = {}) {
    checkGrid(base, 'base grid');
    checkGrid(head, 'head grid');
    if (base.images !== head.images || base.chips !== head.chips)
        throw new Error(`internal error: a paired Δ needs the same images × chips (base ${base.images}×${base.chips}, head ${head.images}×${head.chips})`);
    const d = new Int8Array(base.correct.length);
    for (let k = 0; k < d.length; k++)
        d[k] = (head.correct[k] ? 1 : 0) - (base.correct[k] ? 1 : 0);
    return gridInterval(d, base.images, base.chips, o, [-1, 1]);
}
/**
 * Normal interval of the mean of `cells` (chip-major, n images × m chips) under the crossed model, clipped to
 * the values the mean can take (`range`): with few images the normal tails reach past 0 % or 100 %.
 */
function gridInterval(cells, n, m, o, range) {
    const level = o.level ?? 0.95;
    if (!(level > 0 && level < 1))
        throw new Error('internal error: level must lie in (0, 1)');
    const c = varianceComponents(cells, n, m);
    const standardError = sqrt(c.imageVar / n + c.chipVar / m + c.residualVar / (n * m));
    const p = 0.5 + level / 2;
    const useT = (o.quantile ?? 't-satterthwaite') === 't-satterthwaite' && Number.isFinite(c.df);
    const half = (useT ? tQuantile(p, c.df) : normalQuantile(p)) * standardError;
    return {
        estimate: c.mean,
        low: Math.max(range[0], c.mean - half),
        high: Math.min(range[1], c.mean + half),
        level,
        standardError,
        method: m > 1 ? 'images × chips random effects' : 'images only (one chip: chip variance unknown)',
        images: n,
        chips: m,
        components: c,
    };
}
/**
 * ANOVA estimates for a two-way crossed layout without replication: E[MS_images] = m·σ²_a + σ²_e,
 * E[MS_chips] = n·σ²_b + σ²_e, E[MS_residual] = σ²_e.
 */
function varianceComponents(cells, n, m) {
    const imageMean = new Float64Array(n);
    const chipMean = new Float64Array(m);
    let total = 0;
    for (let c = 0; c < m; c++) {
        const row = c * n;
        let sc = 0;
        for (let i = 0; i < n; i++) {
            const v = cells[row + i];
            imageMean[i] += v;
            sc += v;
        }
        chipMean[c] = sc / n;
        total += sc;
    }
    for (let i = 0; i < n; i++)
        imageMean[i] /= m;
    const mean = total / (n * m);
    if (m === 1) {
        const imageVar = sampleVariance(imageMean, mean);
        return { mean, imageVar, chipVar: 0, residualVar: 0, df: imageVar > 0 ? n - 1 : Infinity };
    }
    if (n === 1) {
        const chipVar = sampleVariance(chipMean, mean);
        return { mean, imageVar: 0, chipVar, residualVar: 0, df: chipVar > 0 ? m - 1 : Infinity };
    }
    let ssResidual = 0;
    for (let c = 0; c < m; c++) {
        const row = c * n;
        const cm = chipMean[c];
        for (let i = 0; i < n; i++) {
            const r = cells[row + i] - imageMean[i] - cm + mean;
            ssResidual += r * r;
        }
    }
    const msImages = m * sampleVariance(imageMean, mean);
    const msChips = n * sampleVariance(chipMean, mean);
    const residualVar = ssResidual / ((n - 1) * (m - 1));
    const imageVar = max(0, (msImages - residualVar) / m);
    const chipVar = max(0, (msChips - residualVar) / n);
    // Welch–Satterthwaite over the three terms of SE², each with the degrees of freedom of its mean square
    // (JCGM 100:2008, G.4.1): a chip term estimated from few chips weighs in only when it is large.
    const df = satterthwaiteDf([
        { coef: 1 / n, meanSquare: imageVar, df: n - 1 },
        { coef: 1 / m, meanSquare: chipVar, df: m - 1 },
        { coef: 1 / (n * m), meanSquare: residualVar, df: (n - 1) * (m - 1) },
    ]);
    return { mean, imageVar, chipVar, residualVar, df };
}
function sampleVariance(x, mean) {
    if (x.length < 2)
        return 0;
    let ss = 0;
    for (let k = 0; k < x.length; k++)
        ss += (x[k] - mean) ** 2;
    return ss / (x.length - 1);
}
/**
 * Standard normal quantile, Acklam's rational approximation (relative error < 1.2e-9), which is all an
 * interval needs; exact tables are not worth a dependency.
 */
function normalQuantile(p) {
    if (!(p > 0 && p < 1))
        throw new Error('internal error: normal quantile needs 0 < p < 1');
    const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
    const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
    const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
    const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
    const tail = (q) => (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    if (p < 0.02425)
        return tail(sqrt(-2 * Math.log(p)));
    if (p > 1 - 0.02425)
        return -tail(sqrt(-2 * Math.log(1 - p)));
    const q = p - 0.5;
    const r = q * q;
    return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}
/** Minimum detectable effect (same unit as the standard error) at α = 0.05 two-sided and 80 % power. */
function minimumDetectableEffect(standardError) {
    return MDE_Z * standardError;
}
const DESIGN_LIMITS = { maxImages: 1_000_000, maxChips: 256 };
/**
 * The smallest evaluation design (images, chips) whose minimum detectable effect is at most `effect`,
 * extrapolated from the variance components of a run: the image term shrinks as 1/n, the chip term as 1/m.
 * Chips are added only when the chip term alone would exceed the target. Returns undefined when no design up
 * to `limits` resolves it (e.g. a zero budget).
 */
function designToResolve(effect, components, current, limits = DESIGN_LIMITS) {
    return effect > 0 ? smallestDesign((effect / MDE_Z) ** 2, components, current, limits) : undefined;
}
/**
 * The smallest design whose 95 % interval has at most this half-width (same unit as the components' square
 * root), taking the normal quantile 1.96: with the chips such a design has, the t quantile is close to it.
 */
function designForHalfWidth(halfWidth, components, current, limits = DESIGN_LIMITS) {
    return halfWidth > 0 ? smallestDesign((halfWidth / normalQuantile(0.975)) ** 2, components, current, limits) : undefined;
}
/** The first design (chips doubling from the current count) whose variance of the mean is at most `target`. */
function smallestDesign(target, components, current, limits) {
    for (let chips = current.chips; chips <= limits.maxChips; chips = chips < 2 ? 2 : chips * 2) {
        const room = target - components.chipVar / chips;
        if (room <= 0)
            continue;
        // Var = (σ²_a + σ²_e/m)/n + σ²_b/m  ⇒  n = (σ²_a + σ²_e/m) / room.
        const images = max(current.images, ceil((components.imageVar + components.residualVar / chips) / room));
        if (images <= limits.maxImages)
            return { images, chips };
    }
    return undefined;
}


/***/ })

};
