export const id = 668;
export const ids = [668];
export const modules = {

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
        `${costModelSentence(p.costModel)}${priceSentence(p.hardwarePrice)}${referenceSentence(p.selectionReference)}"Better" or "worse" only where the paired interval excludes 0.`;
}
/** The accuracy λ was chosen against, when the run had one. */
function referenceSentence(r) {
    if (!r)
        return '';
    const pc = (x) => `${(x * 100).toFixed(2)} %`;
    return `λ was chosen among the candidates reaching, on the selection split, the size one would choose without a search (${r.id}, the committed network as committed: ` +
        `${pc(r.validationAccuracy)}; ${r.sizes.map((h) => `${h.id} ${pc(h.validationAccuracy)}`).join(', ')}). `;
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


/***/ })

};
