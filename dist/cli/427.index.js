export const id = 427;
export const ids = [427];
export const modules = {

/***/ 3427:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   isFolderBelow: () => (/* binding */ isFolderBelow),
/* harmony export */   parseParetoDocument: () => (/* binding */ parseParetoDocument)
/* harmony export */ });
/* harmony import */ var _config_cost_model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(145);
/* harmony import */ var _config_fields_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(81);
/* harmony import */ var _config_mapping_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7408);
/* harmony import */ var _config_search_space_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9415);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
/* harmony import */ var _search_pareto_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8741);
/* harmony import */ var _search_protocol_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9170);
/**
 * Validates a search's `pareto.json` (schema `nax-pareto/1`) read back from a shard folder or an artifact:
 * merges and the nightly workflow act on it (the proposed candidate's folder becomes the `best-dir` output),
 * so every field is checked like a report's — numbers finite and in range, ids unique, the front and the best
 * candidate naming existing candidates, and candidate folders relative paths that stay below the output folder.
 */







const KINDS = _search_pareto_js__WEBPACK_IMPORTED_MODULE_5__/* .CANDIDATE_KINDS */ .Iw;
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
/** Crossbar sizes of a selection reference (the search space lists a handful). */
const MAX_SIZES = 64;
const RULES = ['largerKernels', 'costlierOps', 'smallerCrossbars'];
/** Control characters: text from a document reaches logs and job summaries, where a newline could start a workflow command. */
const CONTROL = /[\u0000-\u001f\u007f]/;
function text(v, file, field) {
    const s = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readString */ .E3)(v, file, field);
    if (s.length > MAX_TEXT)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, field, `longer than ${MAX_TEXT} characters`);
    if (CONTROL.test(s))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, field, 'contains a control character');
    return s;
}
/** An architecture's changes from the committed model: '' when there are none. */
function architectureText(v, file, field) {
    if (typeof v !== 'string')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, field, `expected a string, found ${(0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .describe */ .q0)(v)}`);
    if (v.length > MAX_ARCHITECTURE_TEXT)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, field, `longer than ${MAX_ARCHITECTURE_TEXT} characters`);
    if (CONTROL.test(v))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, field, 'contains a control character');
    return v;
}
function arrayOf(raw, max, file, field) {
    if (!Array.isArray(raw))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, field, 'expected an array');
    if (raw.length > max)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, field, `more than ${max} entries`);
    return raw;
}
function pairedCheck(raw, file, field) {
    const o = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .requireObject */ .zG)(raw, file, field);
    const diff = { min: -1, max: 1 };
    const ci = arrayOf(o.ci95, 2, file, `${field}.ci95`);
    if (ci.length !== 2)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, `${field}.ci95`, 'expected [low, high]');
    const low = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(ci[0], file, `${field}.ci95[0]`, { min: -2, max: 2 });
    const high = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(ci[1], file, `${field}.ci95[1]`, { min: -2, max: 2 });
    if (low > high)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, `${field}.ci95`, `low ${low} is above high ${high}`);
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
        ...(o.alternativeCrossbar !== undefined ? { alternativeCrossbar: alternativeCrossbar(o.alternativeCrossbar, o.rule, file, `${field}.alternativeCrossbar`) } : {}),
    };
}
/** The crossbar a smaller-crossbar check compared with: only that rule records one. */
function alternativeCrossbar(v, rule, file, field) {
    if (rule !== 'smallerCrossbars')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, field, `only a smallerCrossbars check records one, not ${(0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .describe */ .q0)(rule)}`);
    return (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(v, file, field, { integer: true, min: _config_mapping_js__WEBPACK_IMPORTED_MODULE_2__/* .CROSSBAR_MIN */ .JT, max: _config_mapping_js__WEBPACK_IMPORTED_MODULE_2__/* .CROSSBAR_MAX */ .$V });
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
/** Whether `s` names a folder below the output folder: relative, '/'-separated, no '..', no control characters. */
function isFolderBelow(s) {
    return !(s.startsWith('/') || /\\|[\u0000-\u001f]/.test(s) || s.split('/').some((part) => part === '..'));
}
function folderOf(v, file, field) {
    const s = text(v, file, field);
    if (!isFolderBelow(s)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, field, 'must be a relative folder below the search output (no "..", no absolute path)');
    }
    return s;
}
function interval(raw, file, field) {
    const o = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .requireObject */ .zG)(raw, file, field);
    const low = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(o.low, file, `${field}.low`, { min: 0, max: 1 });
    const high = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(o.high, file, `${field}.high`, { min: 0, max: 1 });
    if (low > high)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, field, `low ${low} is above high ${high}`);
    return { low, high };
}
function comparisons(raw, file, field) {
    if (!Array.isArray(raw))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, field, 'expected an array');
    if (raw.length > MAX_COMPARISONS)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, field, `more than ${MAX_COMPARISONS} comparisons`);
    return raw.map((r, i) => {
        const f = `${field}[${i}]`;
        const o = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .requireObject */ .zG)(r, file, f);
        const pp = { min: -100, max: 100 };
        const ciLowPp = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(o.ciLowPp, file, `${f}.ciLowPp`, pp);
        const ciHighPp = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(o.ciHighPp, file, `${f}.ciHighPp`, pp);
        if (ciLowPp > ciHighPp)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, f, 'ciLowPp is above ciHighPp');
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
function protocolInfo(raw, objective, file) {
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
        ...(o.hardwarePrice !== undefined ? { hardwarePrice: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readEnum */ .ai)(o.hardwarePrice, _search_pareto_js__WEBPACK_IMPORTED_MODULE_5__/* .HARDWARE_PRICES */ .yK, file, 'protocol.hardwarePrice') } : {}),
        ...(o.selectionReference !== undefined ? { selectionReference: selectionReference(o.selectionReference, file) } : {}),
        ...(o.derivationRules !== undefined ? { derivationRules: derivationRules(o.derivationRules, o.selectionReference !== undefined, file) } : {}),
        ...hardwareLoss(o, objective, file),
    };
}
/** The hardware term's form and, for the additive one, its weights (all three, as nax writes them). */
function hardwareLoss(o, objective, file) {
    const f = 'protocol.additiveWeights';
    if (o.hardwareLoss !== undefined && objective !== 'edap')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, 'protocol.hardwareLoss', `a form of the EDAP term with objective ${objective}`);
    if (o.hardwareLoss === undefined) {
        if (o.additiveWeights !== undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, f, 'weights without protocol.hardwareLoss: additive');
        return {};
    }
    const form = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readEnum */ .ai)(o.hardwareLoss, _config_search_space_js__WEBPACK_IMPORTED_MODULE_3__/* .HARDWARE_LOSS_FORMS */ .xA, file, 'protocol.hardwareLoss');
    if (form === 'product') {
        if (o.additiveWeights !== undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, f, 'weights with protocol.hardwareLoss: product');
        return { hardwareLoss: form };
    }
    return { hardwareLoss: form, additiveWeights: (0,_config_search_space_js__WEBPACK_IMPORTED_MODULE_3__/* .readAdditiveWeights */ .se)(o.additiveWeights, file, f) };
}
function derivationRules(raw, hasReference, file) {
    const f = 'protocol.derivationRules';
    const o = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .requireObject */ .zG)(raw, file, f);
    (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .rejectUnknownKeys */ .gR)(o, ['largerKernels', 'costlierOps', 'smallerCrossbars'], file, f);
    const rules = {
        largerKernels: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readEnum */ .ai)(o.largerKernels, _config_search_space_js__WEBPACK_IMPORTED_MODULE_3__/* .PAIRED_RULE_CHOICES */ .cN, file, `${f}.largerKernels`),
        costlierOps: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readEnum */ .ai)(o.costlierOps, _config_search_space_js__WEBPACK_IMPORTED_MODULE_3__/* .PAIRED_RULE_CHOICES */ .cN, file, `${f}.costlierOps`),
        smallerCrossbars: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readEnum */ .ai)(o.smallerCrossbars, _config_search_space_js__WEBPACK_IMPORTED_MODULE_3__/* .SMALLER_CROSSBAR_CHOICES */ .Ec, file, `${f}.smallerCrossbars`),
    };
    // toReference tests against the selection reference's crossbar: without one recorded, the document contradicts itself.
    if (rules.smallerCrossbars === 'toReference' && !hasReference) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, `${f}.smallerCrossbars`, 'toReference without protocol.selectionReference', 'a run with smallerCrossbars: toReference records its selection reference');
    }
    return rules;
}
function selectionReference(raw, file) {
    const f = 'protocol.selectionReference';
    const o = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .requireObject */ .zG)(raw, file, f);
    const sizes = arrayOf(o.sizes, MAX_SIZES, file, `${f}.sizes`).map((x, i) => {
        const h = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .requireObject */ .zG)(x, file, `${f}.sizes[${i}]`);
        return {
            id: text(h.id, file, `${f}.sizes[${i}].id`),
            label: text(h.label, file, `${f}.sizes[${i}].label`),
            validationAccuracy: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(h.validationAccuracy, file, `${f}.sizes[${i}].validationAccuracy`, { min: 0, max: 1 }),
            objective: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(h.objective, file, `${f}.sizes[${i}].objective`, { min: 0 }),
        };
    });
    sizes.forEach((h, i) => {
        if (sizes.findIndex((x) => x.id === h.id) !== i)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, `${f}.sizes[${i}].id`, `repeats '${h.id}'`);
    });
    const id = text(o.id, file, `${f}.id`);
    const chosen = sizes.find((h) => h.id === id);
    if (!chosen)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, `${f}.id`, 'names none of its sizes');
    // The reference sets the floor merges apply: it must be the size the rule picks from these sizes, not any size.
    if (sizes[(0,_search_protocol_js__WEBPACK_IMPORTED_MODULE_6__/* .homogeneousChoice */ .ZU)(sizes.map((h) => ({ accuracy: h.validationAccuracy, objective: h.objective })))].id !== id) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, `${f}.id`, `is not the size one would choose among its sizes (the lowest objective within 1 pp of the most accurate)`);
    }
    const validationAccuracy = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(o.validationAccuracy, file, `${f}.validationAccuracy`, { min: 0, max: 1 });
    if (validationAccuracy !== chosen.validationAccuracy)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, `${f}.validationAccuracy`, `is not the accuracy of ${id} among its sizes`);
    return { id, validationAccuracy, sizes };
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
        ...(c.quantisedAccuracy !== undefined ? { quantisedAccuracy: (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(c.quantisedAccuracy, file, `${field}.quantisedAccuracy`, unit) } : {}),
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, 'schema', 'expected "nax-pareto/1"', 'not a nax search result');
    const objective = (0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readEnum */ .ai)(o.objective, OBJECTIVES, file, 'objective');
    if (!Array.isArray(o.candidates))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, 'candidates', 'expected an array');
    if (o.candidates.length > MAX_CANDIDATES)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, 'candidates', `more than ${MAX_CANDIDATES} candidates`);
    const candidates = o.candidates.map((c, i) => candidate(c, file, `candidates[${i}]`));
    const ids = new Set();
    candidates.forEach((c, i) => {
        if (ids.has(c.id))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, `candidates[${i}].id`, `'${c.id}' appears twice`);
        ids.add(c.id);
    });
    if (!Array.isArray(o.front))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, 'front', 'expected an array of candidate ids');
    const front = o.front.map((id, i) => {
        const s = text(id, file, `front[${i}]`);
        if (!ids.has(s))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, `front[${i}]`, 'names no candidate');
        return s;
    });
    let best;
    if (o.best !== undefined) {
        best = text(o.best, file, 'best');
        if (!ids.has(best))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, 'best', 'names no candidate');
    }
    if (typeof o.beatsCommitted !== 'boolean')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, 'beatsCommitted', 'expected true or false');
    candidates.forEach((c, i) => c.comparisons?.forEach((x, j) => {
        if (!ids.has(x.against))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, `candidates[${i}].comparisons[${j}].against`, 'names no candidate');
    }));
    // Documents written before λ records carried their candidate id have records a merge cannot attribute: dropped.
    const rawLambdas = o.lambdas === undefined ? undefined : arrayOf(o.lambdas, MAX_LAMBDAS, file, 'lambdas');
    const attributable = rawLambdas?.every((l) => !(0,_config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(l) || l.id !== undefined);
    const lambdas = rawLambdas && attributable ? rawLambdas.map((l, i) => lambdaRecord(l, file, `lambdas[${i}]`)) : undefined;
    const byId = new Map(candidates.map((c) => [c.id, c]));
    const lambdaIds = new Set();
    lambdas?.forEach((l, i) => {
        if (lambdaIds.has(l.id))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, `lambdas[${i}].id`, `'${l.id}' appears twice`);
        lambdaIds.add(l.id);
        const c = byId.get(l.id);
        if (l.evaluated && (c?.kind !== 'searched' || c.lambda !== l.lambda)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NaxUserError */ .b(file, `lambdas[${i}].id`, `an evaluated λ must name the searched candidate of λ ${l.lambda}`);
        }
    });
    return {
        schema: 'nax-pareto/1', objective, candidates, front, ...(best !== undefined ? { best } : {}), beatsCommitted: o.beatsCommitted,
        ...(o.protocol !== undefined ? { protocol: protocolInfo(o.protocol, objective, file) } : {}),
        ...(lambdas ? { lambdas } : {}),
    };
}


/***/ }),

/***/ 8741:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $m: () => (/* binding */ describePairedCheck),
/* harmony export */   FE: () => (/* binding */ reachesReference),
/* harmony export */   Iw: () => (/* binding */ CANDIDATE_KINDS),
/* harmony export */   Kx: () => (/* binding */ HOMOGENEOUS_TOLERANCE),
/* harmony export */   L: () => (/* binding */ mergeSearchResults),
/* harmony export */   Mo: () => (/* binding */ signedText),
/* harmony export */   RB: () => (/* binding */ paretoDocument),
/* harmony export */   TK: () => (/* binding */ rulesText),
/* harmony export */   VI: () => (/* binding */ objectiveValue),
/* harmony export */   xc: () => (/* binding */ ACCURACY_EPSILON),
/* harmony export */   yK: () => (/* binding */ HARDWARE_PRICES)
/* harmony export */ });
/* unused harmony exports hardwareLossText, dominates, paretoFront, comparisonOf, bestCandidate */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/**
 * Evaluated candidates and their Pareto front (non-ideal accuracy ↑ vs EDAP ↓), and merging of shard
 * results (`nax merge`). Pure functions on plain data; the tables are in render/search-summary.ts.
 */

const CANDIDATE_KINDS = ['committed', 'homogeneous', 'costOnly', 'random', 'searched'];
/** The hardware term's form, as a refused merge names it. */
function hardwareLossText(p) {
    const w = p.additiveWeights;
    if (p.hardwareLoss === 'additive' && w)
        return `additive (weights energy ${w.energy}, latency ${w.latency}, area ${w.area})`;
    return p.hardwareLoss ?? 'unrecorded (an energy or latency objective, or nax before it was recorded)';
}
/** The derivation rules as `largerKernels: paired, costlierOps: paired, smallerCrossbars: toReference`. */
function rulesText(r) {
    return `largerKernels: ${r.largerKernels}, costlierOps: ${r.costlierOps}, smallerCrossbars: ${r.smallerCrossbars}`;
}
/** A signed number with a true minus sign: +1.25, −0.50. */
const signedText = (x, digits) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}`;
/** One line on a derivation rule's paired check (search progress and summary.md notes), in the terms it decided on. */
function describePairedCheck(c, lambda) {
    const acc = `Δ non-ideal validation accuracy ${signedText(c.deltaAccuracy * 100, 2)} pp [${signedText(c.ci95[0] * 100, 2)}, ${signedText(c.ci95[1] * 100, 2)}] ` +
        `(${c.images} images × ${c.chips} chips)`;
    if (c.rule === 'largerKernels') {
        return `larger kernels than committed on ${c.layers.join(', ')}: ${acc} → ${c.kept ? 'kept' : 'committed kernel'}`;
    }
    const f = (x) => (x === undefined ? '?' : signedText(x, 3));
    const objective = `ΔCE ${f(c.deltaCe)} nats + λ·Δhardware ${f(c.deltaHardware === undefined ? undefined : lambda * c.deltaHardware)} = Δobjective ${f(c.deltaObjective)}`;
    if (c.rule === 'smallerCrossbars') {
        return `${c.layers.join(', ')} on ${c.layers.length === 1 ? 'its crossbar' : 'their crossbars'} against ${c.alternativeCrossbar === undefined ? 'the next-smaller size' : `${c.alternativeCrossbar}×${c.alternativeCrossbar}`}: ${objective}; ${acc} → ${c.kept ? 'kept' : c.alternativeCrossbar === undefined ? 'smaller crossbar' : `moved to ${c.alternativeCrossbar}×${c.alternativeCrossbar}`}`;
    }
    return `ops other than the cost-only optimum's on ${c.layers.join(', ')}: ${objective}; ${acc} → ${c.kept ? 'kept' : 'cost-only op'}`;
}
/**
 * How far below the most accurate homogeneous size another size may be and still be "as accurate" when one picks
 * a size without a search: 1 pp (nax assumption; the sensitivity study's rule for the size one would choose).
 */
const HOMOGENEOUS_TOLERANCE = 0.01;
/**
 * Accuracies are counts over images × chips held as floats, so "within 1 pp" (or one image) of an accuracy must
 * not turn on how the subtraction rounds; far below one image of any split.
 */
const ACCURACY_EPSILON = 1e-9;
/**
 * Whether a λ candidate's validation accuracy reaches the selection reference (`selectionReference: homogeneous`;
 * always, without one). The one definition the run's choice, merges, the run's note and summary.md share.
 */
function reachesReference(validationAccuracy, referenceAccuracy) {
    return referenceAccuracy === undefined || validationAccuracy >= referenceAccuracy;
}
const HARDWARE_PRICES = ['exact', 'relaxed'];
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
 * `referenceAccuracy` (pareto.json `protocol.selectionReference`) narrows the validation choice as the run's
 * `selectOnValidation` does: to candidates at least that accurate, or the most accurate one when none is.
 */
function bestCandidate(cs, o, referenceAccuracy) {
    const committed = cs.find((c) => c.kind === 'committed');
    const searched = cs.filter((c) => c.kind === 'searched');
    if (searched.length > 0 && searched.every((c) => c.validationAccuracy !== undefined)) {
        const top = Math.max(...searched.map((c) => c.validationAccuracy));
        // Within the selection evaluation's resolution of the most accurate (one image of the split in either
        // direction counts as a tie: nax assumption; the paired interval is not available across shards); with a
        // selection reference, only those that reach it, or the most accurate when none does.
        const reaches = (c) => reachesReference(c.validationAccuracy, referenceAccuracy);
        const anyReaches = searched.some(reaches);
        const ok = searched.filter((c) => (anyReaches ? reaches(c) && c.validationAccuracy >= top - (c.validationTolerance ?? 0) - ACCURACY_EPSILON : c.validationAccuracy === top));
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
function paretoDocument(cs, objective, protocol, lambdas) {
    const { best, beats } = bestCandidate(cs, objective, protocol?.selectionReference?.validationAccuracy);
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
 * in the order of `docs`, to make candidate folders relative to the merge's working directory; `names` how the
 * user knows each shard (its pareto.json path), for the refusals.
 */
function mergeSearchResults(docs, dirs, names) {
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
    // Shards that differ in how their numbers were made do not compare: refuse rather than merge them, naming
    // which shards hold which value (`names`, else their places in the list).
    const refuseMixed = (field, valueOf, what, hint) => {
        const byValue = new Map();
        docs.forEach((d, k) => {
            const v = d.protocol && valueOf(d.protocol);
            if (v !== undefined)
                byValue.set(v, [...(byValue.get(v) ?? []), names?.[k] ?? `shard ${k + 1}`]);
        });
        if (byValue.size > 1) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b('merge', field, `${what}: ${[...byValue].map(([v, ns]) => `${v} (${ns.join(', ')})`).join(' vs ')}`, hint);
        }
    };
    refuseMixed('protocol.costModel', (p) => (p.costModel ? JSON.stringify(p.costModel) : undefined), 'the search results were costed under different cost-model switches', 'merge only shards of one run (the same technology.json and --delay-model … flags)');
    // Before and after the exact price (absent: the relaxed term).
    refuseMixed('protocol.hardwarePrice', (p) => p.hardwarePrice ?? 'relaxed', 'the search results priced mappings differently (absent: relaxed, nax before the exact price)', 'merge only shards of one run, made by the same nax version');
    refuseMixed('protocol.selectionReference', (p) => JSON.stringify(p.selectionReference ?? 'none'), 'the search results chose λ against different selection references', 'merge only shards of one run (the same nax.yml search.selectionReference and validation split)');
    // The rules decide the candidates; a shard from before they were recorded may have run any.
    refuseMixed('protocol.derivationRules', (p) => (p.derivationRules ? rulesText(p.derivationRules) : 'unrecorded (nax before they were recorded)'), 'the search results went through different derivation rules', 'merge only shards of one run (the same nax.yml search.largerKernels, costlierOps and smallerCrossbars)');
    // λ scales a different term under each form (and the λ ids of two forms collide).
    refuseMixed('protocol.hardwareLoss', hardwareLossText, 'the search results used different hardware terms', 'merge only shards of one run (the same nax.yml search.hardwareLoss and additiveWeights)');
    // The proposal is picked across shards on these numbers: a shard evaluated on other images or chips is not comparable.
    refuseMixed('protocol.evaluationImages', (p) => `${p.evaluationImages} of ${p.evaluationSetImages} images × ${p.evaluationChips} chips`, 'the search results were evaluated on different images or chips', 'merge only shards of one run (the same search.evaluationImages, evaluationChips and evaluation-images input)');
    const lambdaIds = new Set();
    const lambdas = docs.flatMap((d) => d.lambdas ?? []).filter((l) => !lambdaIds.has(l.id) && lambdaIds.add(l.id));
    return paretoDocument(all, docs[0].objective, protocol, docs.some((d) => d.lambdas) ? lambdas : undefined);
}


/***/ }),

/***/ 9170:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ae: () => (/* binding */ compareCandidates),
/* harmony export */   Vd: () => (/* binding */ selectOnValidation),
/* harmony export */   ZU: () => (/* binding */ homogeneousChoice)
/* harmony export */ });
/* unused harmony export verdictOf */
/* harmony import */ var _stats_accuracy_stats_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7820);
/* harmony import */ var _pareto_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8741);


/** "better"/"worse" only when the interval excludes 0. */
function verdictOf(ciLowPp, ciHighPp) {
    return ciLowPp > 0 ? 'better' : ciHighPp < 0 ? 'worse' : 'equal within noise';
}
/**
 * Candidate `head` against baseline `base` (both evaluated on the same images and chip seeds, with their
 * per-image correctness bitsets); undefined when the reports are not paired.
 */
function compareCandidates(head, base, objective) {
    const h = head.report.accuracy;
    const b = base.report.accuracy;
    if (!h || !b)
        return undefined;
    const n = head.report.settings?.evalImages;
    const m = base.report.settings?.evalImages;
    if (n === undefined || m === undefined)
        return undefined;
    const p = (0,_stats_accuracy_stats_js__WEBPACK_IMPORTED_MODULE_0__.pairedAccuracy)(b.nonIdeal, h.nonIdeal, { base: m, head: n });
    if (!p)
        return undefined;
    return {
        against: base.candidate.id,
        deltaPp: p.delta.pp,
        ciLowPp: p.delta.ciLowPp,
        ciHighPp: p.delta.ciHighPp,
        verdict: verdictOf(p.delta.ciLowPp, p.delta.ciHighPp),
        deltaObjective: (0,_pareto_js__WEBPACK_IMPORTED_MODULE_1__/* .objectiveValue */ .VI)(head.candidate, objective) / (0,_pareto_js__WEBPACK_IMPORTED_MODULE_1__/* .objectiveValue */ .VI)(base.candidate, objective) - 1,
    };
}

/**
 * The homogeneous size one would choose without a search: the lowest objective among the sizes whose accuracy is
 * within HOMOGENEOUS_TOLERANCE of the most accurate (ties: the first). Returns the index into `hs`.
 */
function homogeneousChoice(hs) {
    if (hs.length === 0)
        throw new Error('internal error: no homogeneous size');
    const top = Math.max(...hs.map((h) => h.accuracy));
    let pick = -1;
    hs.forEach((h, i) => {
        if (h.accuracy >= top - _pareto_js__WEBPACK_IMPORTED_MODULE_1__/* .HOMOGENEOUS_TOLERANCE */ .Kx - _pareto_js__WEBPACK_IMPORTED_MODULE_1__/* .ACCURACY_EPSILON */ .xc && (pick < 0 || h.objective < hs[pick].objective))
            pick = i;
    });
    return pick;
}
/**
 * Choice on the validation split among evaluated candidates (each with a validation report on the same
 * images and chips): the lowest objective among those whose paired Δ accuracy against the most accurate one
 * is not "worse". With a `referenceAccuracy` (`selectionReference: homogeneous`: the validation accuracy of the
 * homogeneous size one would choose), only candidates at least that accurate are eligible, and when none is, the
 * most accurate candidate is chosen. Returns the index into `cs`.
 */
function selectOnValidation(cs, objective, referenceAccuracy) {
    if (cs.length === 0)
        throw new Error('internal error: nothing to select');
    const acc = (i) => cs[i].report.accuracy.nonIdeal.mean;
    const obj = (i) => (0,_pareto_js__WEBPACK_IMPORTED_MODULE_1__/* .objectiveValue */ .VI)(cs[i].candidate, objective);
    // Ties at the top go to the lower objective, as bestCandidate breaks them when merges apply the rule again.
    let top = 0;
    cs.forEach((_, i) => {
        if (acc(i) > acc(top) || (acc(i) === acc(top) && obj(i) < obj(top)))
            top = i;
    });
    const reaches = (i) => (0,_pareto_js__WEBPACK_IMPORTED_MODULE_1__/* .reachesReference */ .FE)(acc(i), referenceAccuracy);
    let best = top;
    cs.forEach((c, i) => {
        const vs = i === top ? undefined : compareCandidates(c, cs[top], objective);
        const eligible = (i === top || (vs !== undefined && vs.verdict !== 'worse')) && reaches(i);
        // The most accurate candidate reaches the reference whenever any does, so `best` starts eligible.
        if (eligible && (0,_pareto_js__WEBPACK_IMPORTED_MODULE_1__/* .objectiveValue */ .VI)(c.candidate, objective) < (0,_pareto_js__WEBPACK_IMPORTED_MODULE_1__/* .objectiveValue */ .VI)(cs[best].candidate, objective))
            best = i;
    });
    return best;
}


/***/ })

};
