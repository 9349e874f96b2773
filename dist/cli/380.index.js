export const id = 380;
export const ids = [380];
export const modules = {

/***/ 380:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BUDGET_DIRECTION: () => (/* binding */ BUDGET_DIRECTION),
/* harmony export */   BUDGET_IDS: () => (/* binding */ BUDGET_IDS),
/* harmony export */   NO_BUDGETS: () => (/* binding */ NO_BUDGETS),
/* harmony export */   parseBudgets: () => (/* binding */ parseBudgets),
/* harmony export */   withBudgetOverrides: () => (/* binding */ withBudgetOverrides)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _fields_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(81);
/**
 * `budgets:` section of nax.yml: the limits a pull request is gated on. Every budget has two tiers:
 * crossing `warn` makes the verdict 'warn' (the check stays green), crossing `fail` makes it 'fail'
 * (the check goes red). A tier left out is not checked; a budget written as a bare number is its
 * fail tier.
 *
 *   budgets:
 *     maxEdapIncreasePct: { warn: 2, fail: 5 }     # EDAP of head vs base, %
 *     maxEdap: { fail: 2.0e-12 }                   # absolute EDAP ceiling of head, J·s·mm²
 *     maxAccuracyDropPp: { warn: 0.5, fail: 1 }    # non-ideal mean accuracy, base − head, percentage points
 *     minAccuracyPct: 95                           # non-ideal mean accuracy of head, %, fail below
 *
 * Defaults: no budget is set (nax assumption: a limit is a project decision, so none is invented; the
 * comment then says "no budget" rather than showing an invented one). The action's `warn-*`/`fail-*`
 * inputs override single tiers (withBudgetOverrides).
 */


/** The budgets nax knows, in the order they are shown. */
const BUDGET_IDS = ['maxEdapIncreasePct', 'maxEdap', 'maxAccuracyDropPp', 'minAccuracyPct'];
/** 'max' budgets fail above the limit, 'min' budgets below it. */
const BUDGET_DIRECTION = Object.freeze({
    maxEdapIncreasePct: 'max',
    maxEdap: 'max',
    maxAccuracyDropPp: 'max',
    minAccuracyPct: 'min',
});
const RULES = {
    // −100 % would mean EDAP 0: any smaller limit can never be met.
    maxEdapIncreasePct: { min: -100, exclusive: true },
    maxEdap: { min: 0, exclusive: true },
    maxAccuracyDropPp: { min: -100, max: 100 },
    minAccuracyPct: { min: 0, max: 100 },
};
const NO_BUDGETS = Object.freeze({
    maxEdapIncreasePct: Object.freeze({}),
    maxEdap: Object.freeze({}),
    maxAccuracyDropPp: Object.freeze({}),
    minAccuracyPct: Object.freeze({}),
});
/** Warn must trigger before fail: warn ≤ fail for 'max' budgets, warn ≥ fail for 'min' budgets. */
function checkTierOrder(id, tiers, where) {
    if (tiers.warn === undefined || tiers.fail === undefined)
        return;
    const max = BUDGET_DIRECTION[id] === 'max';
    if (max ? tiers.warn > tiers.fail : tiers.warn < tiers.fail) {
        const { file, field } = where(id, 'warn');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(file, field, `warn tier ${tiers.warn} is ${max ? 'above' : 'below'} the fail tier ${tiers.fail}`, max ? 'warn must be ≤ fail for a maximum' : 'warn must be ≥ fail for a minimum');
    }
}
/**
 * Parses the `budgets:` section (`raw` is the parsed YAML value, undefined when absent). `file` is the
 * config file and `field` the section's path ('budgets') for error messages.
 */
function parseBudgets(raw, file, field) {
    if (raw === undefined || raw === null)
        return NO_BUDGETS;
    if (!(0,_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(raw))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(file, field, 'expected an object of budgets', `allowed: ${BUDGET_IDS.join(', ')}`);
    (0,_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .rejectUnknownKeys */ .gR)(raw, BUDGET_IDS, file, field);
    const where = (id, tier) => ({ file, field: `${field}.${id}.${tier}` });
    const out = {};
    for (const id of BUDGET_IDS) {
        const v = raw[id];
        const at = `${field}.${id}`;
        let tiers;
        if (v === undefined || v === null) {
            tiers = {};
        }
        else if (typeof v === 'number') {
            tiers = { fail: (0,_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(v, file, at, RULES[id]) };
        }
        else if ((0,_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .Gv)(v)) {
            (0,_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .rejectUnknownKeys */ .gR)(v, ['warn', 'fail'], file, at);
            tiers = {
                ...(v.warn === undefined ? {} : { warn: (0,_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(v.warn, file, `${at}.warn`, RULES[id]) }),
                ...(v.fail === undefined ? {} : { fail: (0,_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(v.fail, file, `${at}.fail`, RULES[id]) }),
            };
        }
        else {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(file, at, `expected a number (the fail tier) or { warn, fail }, found ${typeof v === 'string' ? JSON.stringify(v) : typeof v}`);
        }
        checkTierOrder(id, tiers, where);
        out[id] = Object.freeze(tiers);
    }
    return Object.freeze(out);
}
/** Budgets with some tiers replaced; values are validated with the same rules as nax.yml. */
function withBudgetOverrides(budgets, { overrides, where }) {
    const out = { ...budgets };
    for (const id of BUDGET_IDS) {
        const o = overrides[id];
        if (!o)
            continue;
        for (const tier of ['warn', 'fail']) {
            const v = o[tier];
            if (v !== undefined) {
                const { file, field } = where(id, tier);
                (0,_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .readNumber */ .kz)(v, file, field, RULES[id]);
            }
        }
        const merged = {
            ...out[id],
            ...(o.warn === undefined ? {} : { warn: o.warn }),
            ...(o.fail === undefined ? {} : { fail: o.fail }),
        };
        checkTierOrder(id, merged, where);
        out[id] = Object.freeze(merged);
    }
    return Object.freeze(out);
}


/***/ })

};
