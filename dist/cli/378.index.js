export const id = 378;
export const ids = [378];
export const modules = {

/***/ 1378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkRenderInput: () => (/* binding */ checkRenderInput),
  runCheck: () => (/* binding */ runCheck)
});

// EXTERNAL MODULE: ./src/compare/compare-reports.ts
var compare_reports = __webpack_require__(9854);
// EXTERNAL MODULE: ./src/config/budgets.ts
var config_budgets = __webpack_require__(380);
;// CONCATENATED MODULE: ./src/config/gate.ts

/** IR-drop models from the most to the least faithful: a nodal solve, its approximation, ideal wires. */
const IR_DROP_STRICTNESS = ['exact', 'fast', 'ideal'];
/** The stricter of two limits of a budget tier (undefined = not checked, the loosest). */
function stricterLimit(id, a, b) {
    if (a === undefined)
        return b;
    if (b === undefined)
        return a;
    return config_budgets.BUDGET_DIRECTION[id] === 'max' ? Math.min(a, b) : Math.max(a, b);
}
function show(v) {
    return v === undefined ? 'none' : String(v);
}
/** Budgets tier by tier at the stricter of trusted and proposed, with the PR's changes named. */
function stricterBudgets(trusted, proposed, changes) {
    const out = {};
    for (const id of config_budgets.BUDGET_IDS) {
        const tiers = {};
        for (const tier of ['warn', 'fail']) {
            const t = trusted[id][tier];
            const p = proposed[id][tier];
            const v = stricterLimit(id, t, p);
            if (v !== undefined)
                tiers[tier] = v;
            if (t !== p) {
                const kept = v === t ? `the base's ${show(t)} applies` : `the stricter ${show(p)} applies`;
                changes.push(`budgets.${id}.${tier}: ${show(t)} → ${show(p)}; ${kept}`);
            }
        }
        // Tiers stricter on different sides can cross (warn looser than fail): warn never beyond fail.
        if (tiers.warn !== undefined && tiers.fail !== undefined && stricterLimit(id, tiers.warn, tiers.fail) === tiers.fail) {
            tiers.warn = tiers.fail;
        }
        out[id] = Object.freeze(tiers);
    }
    return Object.freeze(out);
}
function stricterSimulation(trusted, proposed, changes) {
    const pick = (field, t, p, chosen, why) => {
        if (t !== p)
            changes.push(`simulation.${field}: ${t} → ${p}; ${chosen === t ? `the base's ${t}` : `the ${p}`} applies (${why})`);
        return chosen;
    };
    const irIndex = Math.min(IR_DROP_STRICTNESS.indexOf(trusted.irDrop), IR_DROP_STRICTNESS.indexOf(proposed.irDrop));
    return Object.freeze({
        seed: pick('seed', trusted.seed, proposed.seed, trusted.seed, 'a PR may not choose its chip instances'),
        monteCarloSamples: pick('monteCarloSamples', trusted.monteCarloSamples, proposed.monteCarloSamples, Math.max(trusted.monteCarloSamples, proposed.monteCarloSamples), 'more samples'),
        evalImages: pick('evalImages', trusted.evalImages, proposed.evalImages, Math.max(trusted.evalImages, proposed.evalImages), 'more images'),
        irDrop: pick('irDrop', trusted.irDrop, proposed.irDrop, IR_DROP_STRICTNESS[irIndex], 'the more faithful model'),
    });
}
function settingsOf(c) {
    const { seed, monteCarloSamples, evalImages, irDrop } = c.simulation;
    return Object.freeze({ seed, monteCarloSamples, evalImages, irDrop });
}
/**
 * Tightens budgets with the input tiers; an input looser than the budgets is ignored (and named in
 * `changes`). Values are validated with nax.yml's rules.
 */
function tightenBudgets(budgets, opts, changes = []) {
    const overrides = opts.overrides;
    const tightened = {};
    for (const id of config_budgets.BUDGET_IDS) {
        const o = overrides[id];
        if (!o)
            continue;
        const t = {};
        for (const tier of ['warn', 'fail']) {
            const v = o[tier];
            if (v === undefined)
                continue;
            const current = budgets[id][tier];
            if (stricterLimit(id, current, v) === v)
                t[tier] = v;
            else
                changes.push(`the input for budgets.${id}.${tier} (${v}) is looser than nax.yml's ${current} and is ignored`);
        }
        const warn = t.warn ?? budgets[id].warn;
        const fail = t.fail ?? budgets[id].fail;
        if (warn !== undefined && fail !== undefined && warn !== fail && stricterLimit(id, warn, fail) === fail)
            t.warn = fail;
        tightened[id] = t;
    }
    // withBudgetOverrides validates the values with nax.yml's rules and the warn/fail order.
    return (0,config_budgets.withBudgetOverrides)(budgets, { overrides: tightened, where: opts.where });
}
/** Resolves the gate of a check. Pure. */
function resolveGate(input) {
    const changes = [];
    let budgets;
    let simulation;
    if (input.base) {
        budgets = stricterBudgets(input.base.budgets, input.head.budgets, changes);
        simulation = stricterSimulation(input.base.simulation, input.head.simulation, changes);
    }
    else {
        budgets = input.head.budgets;
        simulation = settingsOf(input.head);
    }
    budgets = tightenBudgets(budgets, {
        overrides: input.budgetOverrides ?? {},
        where: input.budgetOverrideLocator ?? ((id, tier) => ({ file: 'budget overrides', field: `${id}.${tier}` })),
    }, changes);
    return Object.freeze({
        budgetsFrom: input.base ? 'base' : 'head',
        budgets,
        simulation,
        changes: Object.freeze(changes),
    });
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/io/files.ts
var files = __webpack_require__(3839);
// EXTERNAL MODULE: ./src/io/git.ts
var git = __webpack_require__(7500);
;// CONCATENATED MODULE: ./src/io/git-source.ts
/**
 * A FileSource over one git commit: the PR base's nax.yml, model, mapping, technology and evaluation set,
 * read from the object store with `git cat-file` (no checkout). `cat-file blob` gives the committed bytes
 * exactly (no textconv or filters, unlike `git show`). Paths are confined to the source root like the
 * working-tree source; a symbolic link is refused as in the working tree (git stores it as a blob of its
 * target path), the size cap is checked from the tree before the blob is read, and a file kept in Git
 * LFS yields its pointer, as in any checkout without LFS.
 */



/** Git's file mode of a symbolic link. */
const SYMLINK_MODE = '120000';
/**
 * Files of `commit` below `repoDir` (the working directory git runs in; paths are relative to it, so a
 * repoDir inside a larger repository works).
 */
function gitSource(repoDir, commit) {
    (0,errors/* assert */.v)((0,git/* isFullSha */.Wf)(commit), () => `gitSource needs a full commit SHA, got '${commit}'`);
    const short = commit.slice(0, 7);
    /** The tree entry at a path (relative to repoDir), or undefined. Literal paths, never patterns. */
    const entry = async (inside) => {
        const r = await (0,git/* runGit */.EO)(repoDir, ['--literal-pathspecs', 'ls-tree', '-l', '-z', '--end-of-options', commit, '--', `./${inside}`]);
        if (r.code !== 0)
            return undefined;
        const line = r.stdout.toString('utf8').split('\0')[0];
        const m = /^(\d+) (\w+) ([0-9a-f]+) +(-|\d+)\t/.exec(line);
        return m ? { mode: m[1], type: m[2], object: m[3], size: m[4] === '-' ? 0 : Number(m[4]) } : undefined;
    };
    /** Like the working tree: a link anywhere on the path is refused, not reported missing. */
    const linkOnPath = async (inside) => {
        const parts = inside.split('/');
        for (let k = 1; k <= parts.length; k++) {
            const e = await entry(parts.slice(0, k).join('/'));
            if (!e)
                return false;
            if (e.mode === SYMLINK_MODE)
                return true;
        }
        return false;
    };
    return {
        label: `commit ${short}`,
        commit,
        async read(rel, kind = 'document') {
            const inside = (0,files/* confinedPath */.OR)('.', rel, rel, '');
            const e = await entry(inside);
            if (!e) {
                if (await linkOnPath(inside))
                    throw (0,files/* symlinkError */.OL)(rel);
                throw new errors/* NaxUserError */.b(rel, '', `file not found in commit ${short}`);
            }
            if (e.mode === SYMLINK_MODE)
                throw (0,files/* symlinkError */.OL)(rel);
            if (e.type === 'tree')
                throw new errors/* NaxUserError */.b(rel, '', `is a folder in commit ${short}, expected a file`);
            if (e.type !== 'blob')
                throw new errors/* NaxUserError */.b(rel, '', `is a ${e.type} in commit ${short}, expected a file`);
            if (e.size > files/* FILE_CAP_BYTES */.eE[kind])
                throw (0,files/* tooLargeError */.SH)(rel, e.size, kind);
            const r = await (0,git/* runGit */.EO)(repoDir, ['cat-file', 'blob', e.object]);
            if (r.code !== 0)
                throw new errors/* NaxUserError */.b(rel, '', `could not read it from commit ${short}`);
            return new Uint8Array(r.stdout.buffer, r.stdout.byteOffset, r.stdout.byteLength);
        },
        async exists(rel) {
            let inside;
            try {
                inside = (0,files/* confinedPath */.OR)('.', rel, rel, '');
            }
            catch {
                return false; // a path leaving the root does not exist here, as in the working-tree source
            }
            const e = await entry(inside);
            return e ? e.type === 'blob' : linkOnPath(inside);
        },
    };
}

// EXTERNAL MODULE: ./src/pipeline.ts
var pipeline = __webpack_require__(5165);
;// CONCATENATED MODULE: ./src/check.ts







/** Resolves `ref` to a baseline description (CLI use). */
async function baselineFromRef(repoDir, ref, explicit) {
    if (!(await (0,git/* isGitRepo */.tj)(repoDir))) {
        return { resolvedBy: `--base ${ref}`, missingReason: `${repoDir} is not a git repository` };
    }
    const commit = await (0,git/* resolveCommit */.WL)(repoDir, ref);
    if (!commit) {
        if (explicit)
            throw new errors/* NaxUserError */.b('--base', '', `'${ref}' is not a commit in this repository`);
        return { resolvedBy: ref, missingReason: `'${ref}' does not name a commit (a repository without commits?)` };
    }
    return { commit, ref, resolvedBy: explicit ? `--base ${ref}` : 'HEAD (the last commit; choose another with --base)' };
}
/** The base's nax.yml, read once, or why there is none (then no gate comes from the base). */
async function loadBaseConfig(source, configPath) {
    const short = source.commit?.slice(0, 7) ?? source.label;
    if (!(await source.exists(configPath)))
        return { missing: `the base commit ${short} has no ${configPath}` };
    try {
        return { loaded: await (0,pipeline.loadConfig)(source, configPath) };
    }
    catch (e) {
        if (e instanceof errors/* NaxUserError */.b)
            return { missing: `the base's ${configPath} is invalid (${e.format()})` };
        throw e;
    }
}
/** Simulates head and base and compares them. */
async function runCheck(opts) {
    const log = opts.progress ?? (() => undefined);
    const headSource = (0,files/* dirSource */.v9)(opts.repoDir);
    const headLoaded = await (0,pipeline.loadConfig)(headSource, opts.configPath);
    const isRepo = await (0,git/* isGitRepo */.tj)(opts.repoDir);
    const headCommit = isRepo ? await (0,git/* resolveCommit */.WL)(opts.repoDir, 'HEAD') : undefined;
    let baseInfo = opts.baseline ?? await baselineFromRef(opts.repoDir, opts.baseRef ?? 'HEAD', opts.baseRef !== undefined);
    // Each side's nax.yml is read once; the gate (budgets, settings) is resolved once, from the base.
    const baseSource = baseInfo.commit && !baseInfo.missingReason ? gitSource(opts.repoDir, baseInfo.commit) : undefined;
    const baseConfig = baseSource ? await loadBaseConfig(baseSource, opts.configPath) : {};
    if (baseConfig.missing)
        baseInfo = { ...baseInfo, missingReason: baseConfig.missing };
    const resolved = resolveGate({
        head: headLoaded.config,
        ...(baseConfig.loaded ? { base: baseConfig.loaded.config } : {}),
        ...(opts.budgetOverrides ? { budgetOverrides: opts.budgetOverrides } : {}),
        ...(opts.budgetOverrideLocator ? { budgetOverrideLocator: opts.budgetOverrideLocator } : {}),
    });
    // The data a model is judged on is part of the gate: with a base, both sides run on the base's evaluation
    // and calibration splits (read from the base commit), so a PR cannot relabel or swap its test images.
    const baseData = baseSource && baseConfig.loaded?.config.evalSet
        ? { source: baseSource, evalSet: baseConfig.loaded.config.evalSet, calibrationSet: baseConfig.loaded.config.calibrationSet }
        : undefined;
    const dataChanges = baseData ? dataSetChanges(headLoaded.config, baseConfig.loaded.config) : [];
    const gate = Object.freeze({ ...resolved, changes: Object.freeze([...resolved.changes, ...dataChanges]) });
    for (const c of gate.changes)
        log(`this PR changes the gate: ${c}`);
    // Paired comparison: the gate's settings (and the command line's, locally) on both sides.
    const overrides = { ...gate.simulation, ...stripUndefined(opts.overrides ?? {}) };
    log(`head: simulating ${opts.configPath} from the working tree`);
    const headReport = await (0,pipeline.simulate)({
        source: headSource, configPath: opts.configPath, loaded: headLoaded, overrides, progress: opts.progress, runner: opts.runner,
        ...(baseData ? { data: baseData } : {}),
    });
    const head = headCommit && !headReport.commit ? { ...headReport, commit: headCommit } : headReport;
    let base;
    if (baseSource && baseConfig.loaded && !baseInfo.missingReason) {
        const model = baseConfig.loaded.config.model;
        if (!(await baseSource.exists(model))) {
            baseInfo = { ...baseInfo, missingReason: `the base commit ${baseSource.commit?.slice(0, 7)} has no model at ${model}` };
        }
        else {
            log(`base: simulating ${opts.configPath} from commit ${baseSource.commit?.slice(0, 7)} (${baseInfo.resolvedBy})`);
            try {
                base = await (0,pipeline.simulate)({
                    source: baseSource, configPath: opts.configPath, loaded: baseConfig.loaded, overrides, progress: opts.progress,
                    runner: opts.runner,
                });
            }
            catch (e) {
                if (!(e instanceof errors/* NaxUserError */.b))
                    throw e;
                baseInfo = { ...baseInfo, missingReason: `the base could not be simulated (${e.format()})` };
            }
        }
    }
    if (baseInfo.missingReason)
        log(`no baseline: ${baseInfo.missingReason}`);
    const comparison = (0,compare_reports.compareReports)(base, head, gate.budgets, opts.acknowledgement ? { acknowledgement: opts.acknowledgement } : {});
    const delta = comparison.totals.accuracyDelta;
    return {
        head: delta && head.accuracy ? { ...head, accuracy: { ...head.accuracy, delta } } : head,
        ...(base ? { base } : {}),
        baseInfo,
        comparison,
        gate,
        budgets: gate.budgets,
        headConfig: headLoaded.config,
        ...(headCommit ? { headCommit } : {}),
    };
}
/**
 * What the renderers need from a check (`nax check` prints `renderText(checkRenderInput(result))`).
 * `headSha` overrides the commit shown as head (the action shows the PR head, not the merge commit).
 */
function checkRenderInput(result, opts = {}) {
    const headSha = opts.headSha ?? result.headCommit;
    return {
        comparison: result.comparison,
        baseline: result.baseInfo,
        ...(headSha ? { headSha } : {}),
        toolVersion: result.head.tool.version,
        origin: 'this-job',
        gate: { budgetsFrom: result.gate.budgetsFrom, changes: result.gate.changes },
        ...(opts.reportName ? { reportName: opts.reportName } : {}),
    };
}
/** What the head's nax.yml changes about the evaluation and calibration splits (not used: the base's are). */
function dataSetChanges(head, base) {
    const out = [];
    const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
    if (!same(head.evalSet, base.evalSet))
        out.push('evalSet: the PR changes the evaluation set; both sides are measured on the base\'s');
    if (!same(head.calibrationSet, base.calibrationSet))
        out.push('calibrationSet: the PR changes the calibration split; both sides use the base\'s');
    return out;
}
function stripUndefined(o) {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}


/***/ }),

/***/ 9854:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   compareReports: () => (/* binding */ compareReports),
/* harmony export */   delta: () => (/* binding */ delta)
/* harmony export */ });
/* harmony import */ var _config_budgets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(380);
/* harmony import */ var _stats_accuracy_stats_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7820);
/* harmony import */ var _stats_paired_interval_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6630);
/**
 * Base vs head: totals and per-layer deltas, each budget's status, and the verdict. Pure: reads the two
 * reports and the budgets, nothing else.
 */



/** Layers singled out for a budget without a baseline (the largest contributors). */
const TOP_CONTRIBUTORS = 3;
/** Compares `head` with `base` (undefined: no baseline) under `budgets`. */
function compareReports(base, head, budgets, options = {}) {
    const paired = pairedComparison(base, head);
    const totals = compareTotals(base, head, paired);
    const layers = compareLayers(base, head);
    const results = _config_budgets_js__WEBPACK_IMPORTED_MODULE_0__.BUDGET_IDS.map((id) => checkBudget(id, budgets[id], { base, totals, layers, paired }));
    const budgetVerdict = verdictOf(results, base !== undefined);
    const acknowledgeable = budgetVerdict === 'fail' || budgetVerdict === 'warn';
    const acknowledged = acknowledgeable ? options.acknowledgement : undefined;
    return {
        verdict: acknowledged && budgetVerdict === 'fail' ? 'warn' : budgetVerdict,
        budgetVerdict,
        ...(acknowledged ? { acknowledged } : {}),
        hasBaseline: base !== undefined,
        totals,
        layers,
        budgets: results,
        budgetLimits: budgets,
        changedInputs: base ? changedInputs(base, head) : [],
        unpairedSettings: base ? unpairedSettings(base, head) : [],
        ...(head.settings ? { headSettings: head.settings } : {}),
    };
}
/** The paired Δ accuracy, when both reports hold per-image correctness of the same images and chips. */
function pairedComparison(base, head) {
    const b = base?.accuracy?.nonIdeal;
    const h = head.accuracy?.nonIdeal;
    if (!b || !h || !base?.settings || !head.settings)
        return undefined;
    if (base.inputs.evalSet?.sha256 !== head.inputs.evalSet?.sha256)
        return undefined;
    return (0,_stats_accuracy_stats_js__WEBPACK_IMPORTED_MODULE_1__.pairedAccuracy)(b, h, { base: base.settings.evalImages, head: head.settings.evalImages });
}
/** A metric in base and head (either side may be missing). */
function delta(base, head) {
    if (base === undefined || head === undefined) {
        return { ...(base === undefined ? {} : { base }), ...(head === undefined ? {} : { head }) };
    }
    let changePct;
    if (base === 0)
        changePct = head === 0 ? 0 : head > 0 ? Infinity : -Infinity;
    else
        changePct = ((head - base) / Math.abs(base)) * 100;
    return { base, head, diff: head - base, changePct };
}
const PERCENT = 100;
function nonIdeal(r) {
    const given = r?.accuracy?.nonIdeal;
    if (!given)
        return undefined;
    // Statistics are recomputed from the samples and bits, so a report (possibly a PR's artifact) cannot
    // state an interval its data does not support.
    const a = (0,_stats_accuracy_stats_js__WEBPACK_IMPORTED_MODULE_1__.accuracyStats)(given.samples, given.sampleSeeds, given.correct && r.settings ? { bits: given.correct, images: r.settings.evalImages } : undefined);
    return {
        meanPct: a.mean * PERCENT,
        ...(a.std !== undefined ? { stdPct: a.std * PERCENT } : {}),
        minPct: a.min * PERCENT,
        samples: a.samples.length,
        ...(a.ci95
            ? { ci95Pct: { low: a.ci95.low * PERCENT, high: a.ci95.high * PERCENT, method: a.ci95.method, images: a.ci95.images, chips: a.ci95.chips } }
            : {}),
    };
}
function compareTotals(base, head, paired) {
    const b = base?.totals;
    const h = head.totals;
    const pct = (v) => (v === undefined ? undefined : v * PERCENT);
    const nonIdealBase = nonIdeal(base);
    const nonIdealHead = nonIdeal(head);
    const hasAccuracy = base?.accuracy !== undefined || head.accuracy !== undefined;
    return {
        ...(hasAccuracy
            ? {
                accuracyIdealPct: delta(pct(base?.accuracy?.ideal), pct(head.accuracy?.ideal)),
                accuracyNonIdealPct: delta(nonIdealBase?.meanPct, nonIdealHead?.meanPct),
            }
            : {}),
        ...(nonIdealBase ? { nonIdealBase } : {}),
        ...(nonIdealHead ? { nonIdealHead } : {}),
        ...(paired ? { accuracyDelta: paired.delta } : {}),
        energyJ: delta(b?.energyJ, h.energyJ),
        delayS: delta(b?.delayS, h.delayS),
        areaMm2: delta(b?.areaMm2, h.areaMm2),
        edap: delta(b?.edap, h.edap),
        crossbars: delta(b?.crossbars, h.crossbars),
    };
}
const MAPPING_FIELDS = [
    'rows', 'cols', 'weightBits', 'bitsPerCell', 'inputBits', 'dacBits', 'adcBits', 'signMapping', 'sliceLayout',
    'adcsPerCrossbar', 'calibration', 'adcFullScale', 'baseline',
];
const SHAPE_FIELDS = ['kind', 'kernelH', 'kernelW', 'inChannels', 'outChannels', 'outH', 'outW', 'strideH', 'strideW'];
function sides(r) {
    const costs = new Map(r.cost.layers.map((c) => [c.name, c]));
    return new Map(r.layers.map((l) => [l.name, { layer: l, cost: costs.get(l.name) }]));
}
function mappingDiff(b, h) {
    const out = [];
    for (const f of MAPPING_FIELDS) {
        if (b[f] !== h[f])
            out.push(`${f} ${String(b[f])}→${String(h[f])}`);
    }
    if (b.adcRule !== h.adcRule)
        out.push(`adcBits ${b.adcRule}→${h.adcRule}`);
    return out;
}
function compareLayer(name, b, h) {
    const changedFields = [];
    if (b && h) {
        changedFields.push(...mappingDiff(b.layer.mapping, h.layer.mapping));
        for (const f of SHAPE_FIELDS) {
            if (b.layer.shape[f] !== h.layer.shape[f])
                changedFields.push(`${f} ${String(b.layer.shape[f])}→${String(h.layer.shape[f])}`);
        }
        const costMoved = !b.cost || !h.cost || b.cost.energyJ !== h.cost.energyJ || b.cost.delayS !== h.cost.delayS ||
            b.cost.areaMm2 !== h.cost.areaMm2;
        // A cost change with the same mapping and shape comes from another input (technology, cost tables).
        if (changedFields.length === 0 && costMoved)
            changedFields.push('cost');
    }
    const change = !b ? 'added' : !h ? 'removed' : changedFields.length > 0 ? 'changed' : 'unchanged';
    return {
        name,
        change,
        ...(b ? { baseMapping: b.layer.mapping } : {}),
        ...(h ? { headMapping: h.layer.mapping } : {}),
        changedFields,
        crossbars: delta(b?.cost?.crossbars ?? b?.layer.tiling.crossbars, h?.cost?.crossbars ?? h?.layer.tiling.crossbars),
        adcs: delta(b?.cost?.adcs, h?.cost?.adcs),
        adcAreaMm2: delta(b?.cost?.areaBreakdownMm2?.adc, h?.cost?.areaBreakdownMm2?.adc),
        energyJ: delta(b?.cost?.energyJ, h?.cost?.energyJ),
        delayS: delta(b?.cost?.delayS, h?.cost?.delayS),
        areaMm2: delta(b?.cost?.areaMm2, h?.cost?.areaMm2),
        edap: delta(b?.cost?.edap, h?.cost?.edap),
        nfMean: delta(b?.layer.nf?.mean, h?.layer.nf?.mean),
    };
}
/** Head layers in order; a removed layer goes right after the base layer that preceded it. */
function compareLayers(base, head) {
    const h = sides(head);
    const b = base ? sides(base) : new Map();
    const out = head.layers.map((l) => compareLayer(l.name, b.get(l.name), h.get(l.name)));
    if (!base)
        return out;
    let anchor = -1;
    for (const l of base.layers) {
        const at = out.findIndex((c) => c.name === l.name);
        if (at >= 0) {
            anchor = at;
            continue;
        }
        anchor += 1;
        out.splice(anchor, 0, compareLayer(l.name, b.get(l.name), undefined));
    }
    return out;
}
function statusOf(id, tiers, actual) {
    const over = (limit) => limit !== undefined && (_config_budgets_js__WEBPACK_IMPORTED_MODULE_0__.BUDGET_DIRECTION[id] === 'max' ? actual > limit : actual < limit);
    if (over(tiers.fail))
        return 'fail';
    if (over(tiers.warn))
        return 'warn';
    return 'ok';
}
function increase(d) {
    return d.diff ?? (d.base === undefined ? (d.head ?? 0) : 0);
}
/** Changed or added layers whose cost grew, largest EDAP growth first; without a baseline, the largest EDAPs. */
function edapCulprits(ctx) {
    if (!ctx.base) {
        return [...ctx.layers].sort((a, b) => (b.edap.head ?? 0) - (a.edap.head ?? 0)).slice(0, TOP_CONTRIBUTORS).map((l) => l.name);
    }
    const grew = (l) => l.change === 'added' ||
        (l.change === 'changed' && [l.energyJ, l.delayS, l.areaMm2].some((d) => (d.diff ?? 0) > 0));
    return ctx.layers.filter(grew).sort((a, b) => increase(b.edap) - increase(a.edap)).map((l) => l.name);
}
/**
 * Changed or added layers whose non-ideality grew, largest growth first (all changed or added layers when
 * none grew: the drop then comes from elsewhere in them); without a baseline, the largest NFs.
 */
function accuracyCulprits(ctx) {
    if (!ctx.base) {
        return [...ctx.layers].filter((l) => l.nfMean.head !== undefined)
            .sort((a, b) => (b.nfMean.head ?? 0) - (a.nfMean.head ?? 0)).slice(0, TOP_CONTRIBUTORS).map((l) => l.name);
    }
    const touched = ctx.layers.filter((l) => l.change === 'added' || l.change === 'changed');
    const grew = touched.filter((l) => increase(l.nfMean) > 0);
    return (grew.length > 0 ? grew : touched).sort((a, b) => increase(b.nfMean) - increase(a.nfMean)).map((l) => l.name);
}
function checkBudget(id, tiers, ctx) {
    const unchecked = (reason) => ({ id, tiers, status: 'unchecked', reason, layers: [] });
    if (tiers.warn === undefined && tiers.fail === undefined)
        return unchecked('no budget set');
    let actual;
    const { totals } = ctx;
    switch (id) {
        case 'maxEdapIncreasePct':
            if (!ctx.base)
                return unchecked('needs a baseline');
            actual = totals.edap.changePct;
            break;
        case 'maxEdap':
            actual = totals.edap.head;
            break;
        case 'maxAccuracyDropPp':
            if (!ctx.base)
                return unchecked('needs a baseline');
            if (!totals.nonIdealBase || !totals.nonIdealHead)
                return unchecked('a report has no non-ideal accuracy (cost-only)');
            actual = totals.nonIdealBase.meanPct - totals.nonIdealHead.meanPct;
            break;
        case 'minAccuracyPct':
            if (!totals.nonIdealHead)
                return unchecked('the head report has no non-ideal accuracy (cost-only)');
            actual = totals.nonIdealHead.meanPct;
            break;
    }
    if (actual === undefined)
        return unchecked('no value');
    const status = statusOf(id, tiers, actual);
    const culprits = status === 'ok' ? [] : id === 'maxEdap' || id === 'maxEdapIncreasePct' ? edapCulprits(ctx) : accuracyCulprits(ctx);
    const resolution = budgetResolution(id, tiers, ctx);
    return { id, tiers, actual, status, layers: culprits, ...(resolution ? { resolution } : {}) };
}
/** Images and chips nax proposes at most when a budget is finer than the sample can resolve. */
const DESIGN_CAPS = { maxImages: 100_000, maxChips: 64 };
function budgetResolution(id, tiers, ctx) {
    let interval;
    if (id === 'maxAccuracyDropPp' && ctx.paired) {
        // drop = base − head = −Δ, so its interval is the mirror of Δ's.
        interval = { low: -ctx.paired.delta.ciHighPp, high: -ctx.paired.delta.ciLowPp };
    }
    else if (id === 'minAccuracyPct') {
        const ci = ctx.totals.nonIdealHead?.ci95Pct;
        if (ci)
            interval = { low: ci.low, high: ci.high };
    }
    if (!interval)
        return undefined;
    const tierNames = ['warn', 'fail'].filter((t) => tiers[t] !== undefined);
    const inside = (v) => interval.low < v && v < interval.high;
    const inconclusive = tierNames.filter((t) => inside(tiers[t]));
    if (id !== 'maxAccuracyDropPp' || !ctx.paired)
        return { ...interval, inconclusive };
    const { mdePp } = ctx.paired.delta;
    const belowMde = tierNames.filter((t) => tiers[t] > 0 && tiers[t] < mdePp);
    if (belowMde.length === 0)
        return { ...interval, inconclusive, mdePp, belowMde };
    const smallest = Math.min(...belowMde.map((t) => tiers[t]));
    const design = (0,_stats_paired_interval_js__WEBPACK_IMPORTED_MODULE_2__/* .designToResolve */ .YI)(smallest / PERCENT, ctx.paired.components, { images: ctx.paired.delta.images, chips: ctx.paired.delta.chips }, DESIGN_CAPS);
    return { ...interval, inconclusive, mdePp, belowMde, resolvingDesign: design ?? null };
}
/**
 * A failed budget fails even without a baseline (absolute budgets still hold); otherwise a missing
 * baseline is said plainly rather than passed.
 */
function verdictOf(results, hasBaseline) {
    if (results.some((r) => r.status === 'fail'))
        return 'fail';
    if (!hasBaseline)
        return 'no-baseline';
    return results.some((r) => r.status === 'warn') ? 'warn' : 'pass';
}
const INPUT_NAMES = ['config', 'model', 'mapping', 'technology', 'evalSet', 'calibrationSet'];
function changedInputs(base, head) {
    return INPUT_NAMES.filter((k) => base.inputs[k]?.sha256 !== head.inputs[k]?.sha256);
}
function unpairedSettings(base, head) {
    const out = [];
    if (base.backend !== head.backend)
        out.push(`backend ${base.backend} vs ${head.backend}`);
    const b = base.settings;
    const h = head.settings;
    if (!b || !h)
        return out;
    for (const k of ['seed', 'monteCarloSamples', 'evalImages', 'irDrop']) {
        if (b[k] !== h[k])
            out.push(`${k} ${String(b[k])} vs ${String(h[k])}`);
    }
    return out;
}


/***/ })

};
