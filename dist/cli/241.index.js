export const id = 241;
export const ids = [241];
export const modules = {

/***/ 4241:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ACCURACY_VARIANTS: () => (/* binding */ ACCURACY_VARIANTS),
  runSensitivity: () => (/* binding */ runSensitivity)
});

// UNUSED EXPORTS: DEFAULT_ACCURACY_TOLERANCE, SENSITIVITY_SCHEMA, chooseSize

// EXTERNAL MODULE: ./src/config/cost-model.ts
var cost_model = __webpack_require__(145);
// EXTERNAL MODULE: ./src/config/mapping.ts
var mapping = __webpack_require__(7408);
// EXTERNAL MODULE: ./src/cost/options.ts
var options = __webpack_require__(2547);
// EXTERNAL MODULE: ./src/cost/network.ts
var network = __webpack_require__(5539);
;// CONCATENATED MODULE: ./src/cost/sensitivity.ts


/**
 * Every combination of the `varied` switches' values over `base` (the other fields kept), in a fixed order:
 * the first varied switch changes slowest, each switch's values in COST_MODEL_CHOICES order.
 */
function switchCombinations(base, varied) {
    let out = [base];
    for (const name of varied) {
        out = out.flatMap((m) => cost_model/* COST_MODEL_CHOICES */.HP[name].map((v) => ({ ...m, [name]: v })));
    }
    return out;
}
/** Sizes by EDAP, lowest first (a stable sort: equal EDAPs keep their order). */
function rankByEdap(sizes) {
    return [...sizes].sort((a, b) => a.edap - b.edap).map((s) => s.crossbar);
}
function sameRanking(a, b) {
    return a.length === b.length && a.every((x, i) => x === b[i]);
}
/** Costs `networks` under every combination of `varied` over `base.model`, with base's device. */
function costSensitivity(networks, components, base, varied) {
    const models = switchCombinations(base.model, varied);
    const key = (m) => varied.map((n) => m[n]).join('|');
    const baseKey = key(base.model);
    const costed = models.map((model) => {
        const sizes = networks.map((n) => {
            const t = (0,network/* costReport */.E)(n.layers, components, { model, device: base.device }).totals;
            return { crossbar: n.crossbar, energyJ: t.energyJ, delayS: t.delayS, areaMm2: t.areaMm2, edap: t.edap };
        });
        return { model, sizes, ranking: rankByEdap(sizes) };
    });
    const byKey = new Map(costed.map((c) => [key(c.model), c]));
    const baseRanking = byKey.get(baseKey).ranking;
    const combinations = costed.map((c) => ({
        costModel: c.model,
        isBase: key(c.model) === baseKey,
        sizes: c.sizes,
        ranking: c.ranking,
        changesRanking: !sameRanking(c.ranking, baseRanking),
    }));
    const effects = varied.map((name) => {
        const values = cost_model/* COST_MODEL_CHOICES */.HP[name];
        let flips = 0;
        let pairs = 0;
        // Each combination holding the switch's first value, against the same one with every other value.
        for (const c of costed) {
            if (c.model[name] !== values[0])
                continue;
            for (const v of values.slice(1)) {
                const other = byKey.get(key({ ...c.model, [name]: v }));
                pairs++;
                if (!sameRanking(c.ranking, other.ranking))
                    flips++;
            }
        }
        return { name, values, flips, pairs };
    });
    return { varied, combinations, effects };
}

// EXTERNAL MODULE: ./src/model/graph.ts
var graph = __webpack_require__(3749);
// EXTERNAL MODULE: ./src/pipeline.ts
var pipeline = __webpack_require__(5165);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/sensitivity.ts
/**
 * `nax sensitivity`: for the committed model, the homogeneous crossbar sizes (16/32/64/128 by default) with
 * their non-ideal accuracy under each accuracy variant and their EDAP under every combination of the
 * cost-model switches — which assumption decides the answer. Accuracy does not depend on the cost switches,
 * so each size is simulated once per variant and costed under every combination (cheap).
 */







const SENSITIVITY_SCHEMA = 'nax-sensitivity/1';
/**
 * The accuracy variants every size is simulated under (one simulation each): without calibration (the NAX
 * paper's setting) and with per-chip per-column gain calibration, which a real macro would have. Costs use the
 * first variant's mapping (calibration is digital and not costed). Without a calibration split in nax.yml only
 * the first can run.
 */
const ACCURACY_VARIANTS = [
    { label: 'calibration none', override: { calibration: 'none' } },
    { label: 'calibration gain', override: { calibration: 'gain' } },
];
/** Default `accuracyTolerance`: 1 percentage point (nax assumption, about two standard errors at 2,000 images). */
const DEFAULT_ACCURACY_TOLERANCE = 0.01;
/**
 * The first size of `ranking` (best EDAP first) whose mean non-ideal accuracy is at least the best mean
 * minus `tolerance`.
 */
function chooseSize(ranking, rows, tolerance) {
    const best = Math.max(...rows.map((r) => r.nonIdeal.mean));
    const accurate = new Set(rows.filter((r) => r.nonIdeal.mean >= best - tolerance).map((r) => r.crossbar));
    return ranking.find((n) => accurate.has(n));
}
function homogeneous(m, n, override) {
    return new Map([...m].map(([name, l]) => [name, { ...(0,mapping/* withCrossbarSize */.VU)(l, n), ...override }]));
}
async function runSensitivity(o) {
    const varied = o.varied ?? cost_model/* COST_MODEL_SWITCHES */.fi;
    const p = await (0,pipeline.loadProject)(o.source, o.configPath, { costModel: o.costModel });
    const variants = o.variants ?? (p.config.calibrationSet ? ACCURACY_VARIANTS : ACCURACY_VARIANTS.slice(0, 1));
    if (!o.variants && !p.config.calibrationSet)
        o.progress?.('no calibrationSet in nax.yml: accuracy without calibration only');
    const accuracy = [];
    let first;
    for (const v of variants) {
        const rows = [];
        for (const n of o.sizes) {
            o.progress?.(`${v.label}, ${n}×${n}`);
            const report = await (0,pipeline.simulate)({
                source: o.source, configPath: o.configPath, mappingOverride: homogeneous(p.mappings, n, v.override),
                overrides: o.overrides, progress: o.progress, runner: o.runner, costModel: o.costModel,
            });
            first ??= report;
            const a = report.accuracy;
            rows.push({
                crossbar: n, ideal: a.ideal, quantised: a.quantised,
                nonIdeal: {
                    mean: a.nonIdeal.mean,
                    ...(a.nonIdeal.ci95 ? { ciLow: a.nonIdeal.ci95.low, ciHigh: a.nonIdeal.ci95.high } : {}),
                    samples: a.nonIdeal.samples.length,
                },
            });
        }
        accuracy.push({ label: v.label, override: v.override, rows });
    }
    const nodes = (0,graph/* matrixNodes */.P)(p.graph);
    const networks = o.sizes.map((n) => {
        const m = homogeneous(p.mappings, n, variants[0].override);
        return { crossbar: n, layers: nodes.map((node) => ({ shape: node.shape, mapping: m.get(node.name) })) };
    });
    const costs = costSensitivity(networks, p.technology.components, (0,options/* costOptionsOf */.r)(p.technology), varied);
    const accuracyTolerance = o.accuracyTolerance ?? DEFAULT_ACCURACY_TOLERANCE;
    const choices = costs.combinations.map((c) => accuracy.map((v) => chooseSize(c.ranking, v.rows, accuracyTolerance)));
    return {
        schema: SENSITIVITY_SCHEMA,
        tool: { name: 'nax', version: version/* NAX_VERSION */.z },
        inputs: { ...p.inputs, ...(first?.inputs.evalSet ? { evalSet: first.inputs.evalSet } : {}) },
        backend: first.backend,
        settings: first.settings,
        sizes: o.sizes,
        baseCostModel: p.technology.costModel,
        accuracy,
        accuracyTolerance,
        ...costs,
        choices,
    };
}


/***/ })

};
