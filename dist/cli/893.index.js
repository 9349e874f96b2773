export const id = 893;
export const ids = [893];
export const modules = {

/***/ 8986:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UI: () => (/* binding */ sharedContributionPp),
/* harmony export */   Un: () => (/* binding */ sharedShares),
/* harmony export */   cY: () => (/* binding */ layerShares),
/* harmony export */   vW: () => (/* binding */ edapContributionPp)
/* harmony export */ });
/* unused harmony export sharedAreaMm2 */
function ratio(part, total) {
    if (part === undefined || total === undefined || !(total > 0))
        return undefined;
    return part / total;
}
function sharesOf(e, d, a, c, side) {
    const t = c.totals;
    const energy = ratio(e, t.energyJ[side]);
    const latency = ratio(d, t.delayS[side]);
    const area = ratio(a, t.areaMm2[side]);
    if (energy === undefined || latency === undefined || area === undefined)
        return undefined;
    return { energy, latency, area, edap: (energy + latency + area) / 3 };
}
/** A layer's shares of one side's totals; undefined when the layer or the totals are missing on that side. */
function layerShares(l, c, side) {
    return sharesOf(l.energyJ[side], l.delayS[side], l.areaMm2[side], c, side);
}
/** Area no layer owns (the tiles' eDRAM, bus and router), mm²: total area − Σ layer areas. */
function sharedAreaMm2(c, side) {
    const total = c.totals.areaMm2[side];
    if (total === undefined)
        return undefined;
    const layers = c.layers.reduce((s, l) => s + (l.areaMm2[side] ?? 0), 0);
    // Float sums: a difference below 1e-12 of the total is rounding, not an area.
    const rest = total - layers;
    return Math.abs(rest) <= 1e-12 * total ? 0 : rest;
}
/** Shares of the shared tile area (energy and latency belong to the layers). */
function sharedShares(c, side) {
    return sharesOf(0, 0, sharedAreaMm2(c, side), c, side);
}
function change(d) {
    if (d.base === undefined && d.head === undefined)
        return undefined;
    return (d.head ?? 0) - (d.base ?? 0);
}
/**
 * First-order contribution to the relative change of total EDAP, in percentage points of the base EDAP:
 * 100 · (ΔE_l/E + ΔD_l/D + ΔA_l/A). Added layers count from zero, removed ones to zero. Undefined without
 * a baseline.
 */
function edapContributionPp(l, c) {
    return contribution(change(l.energyJ), change(l.delayS), change(l.areaMm2), c);
}
/** The shared tile area's first-order contribution, pp. */
function sharedContributionPp(c) {
    const b = sharedAreaMm2(c, 'base');
    const h = sharedAreaMm2(c, 'head');
    return b === undefined || h === undefined ? undefined : contribution(0, 0, h - b, c);
}
function contribution(dE, dD, dA, c) {
    if (!c.hasBaseline || dE === undefined || dD === undefined || dA === undefined)
        return undefined;
    const t = c.totals;
    const e = ratio(dE, t.energyJ.base);
    const d = ratio(dD, t.delayS.base);
    const a = ratio(dA, t.areaMm2.base);
    if (e === undefined || d === undefined || a === undefined)
        return undefined;
    return 100 * (e + d + a);
}


/***/ }),

/***/ 5448:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ resolutionSentences)
/* harmony export */ });
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1509);

function plural(n, word) {
    return `${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(n)} ${word}${n === 1 ? '' : 's'}`;
}
const signed = (v) => (v > 0 ? `+${v.toFixed(2)}` : v.toFixed(2));
function sentences(b, c) {
    const r = b.resolution;
    if (!r)
        return [];
    const out = [];
    if (b.id === 'maxAccuracyDropPp') {
        const d = c.totals.accuracyDelta;
        const design = d ? `${plural(d.images, 'image')} × ${plural(d.chips, 'chip')}` : undefined;
        for (const tier of r.inconclusive) {
            // The interval is stored as a drop (base − head); show it as Δ = head − base, as the table does.
            out.push(`The 95 % interval of Δ non-ideal accuracy [${signed(-r.high)}, ${signed(-r.low)}] pp straddles the ${tier} budget ` +
                `(drop ≤ ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatLimit */ .tW)(b.tiers[tier], 'pp')}): inconclusive at this sample size${design ? ` (${design})` : ''}.`);
        }
        if (r.belowMde && r.belowMde.length > 0 && r.mdePp !== undefined) {
            const which = r.belowMde.map((t) => `${t} ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatLimit */ .tW)(b.tiers[t], 'pp')}`).join(', ');
            const fix = r.resolvingDesign
                ? `about ${plural(r.resolvingDesign.images, 'image')} × ${plural(r.resolvingDesign.chips, 'chip')} would resolve it`
                : 'no affordable number of images and chips resolves it';
            out.push(`The accuracy-drop budget (${which}) is below the minimum detectable effect ${r.mdePp.toFixed(2)} pp` +
                `${design ? ` of ${design}` : ''} (80 % power, α = 0.05): ${fix}.`);
        }
    }
    else {
        for (const tier of r.inconclusive) {
            out.push(`The head's 95 % accuracy interval [${r.low.toFixed(2)}, ${r.high.toFixed(2)}] % straddles the ${tier} limit of the ` +
                `minimum-accuracy budget (${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatLimit */ .tW)(b.tiers[tier], '%')}): inconclusive at this sample size.`);
        }
    }
    return out;
}
/** The sentences of every accuracy budget the sample cannot resolve, in budget order. */
function resolutionSentences(c) {
    return c.budgets.flatMap((b) => sentences(b, c));
}


/***/ }),

/***/ 51:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JV: () => (/* binding */ settingsText),
/* harmony export */   NS: () => (/* binding */ breachSentence),
/* harmony export */   _N: () => (/* binding */ layerTable),
/* harmony export */   ge: () => (/* binding */ verdictHeadline),
/* harmony export */   tW: () => (/* binding */ STATUS_ICON),
/* harmony export */   uH: () => (/* binding */ totalsTable),
/* harmony export */   xg: () => (/* binding */ layerCountsText)
/* harmony export */ });
/* unused harmony exports budgetLimitText, budgetLabel, statusCell, mappingText */
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1509);
/* harmony import */ var _layer_shares_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8986);


function verdictHeadline(c) {
    if (c.acknowledged && c.budgetVerdict === 'fail')
        return { icon: '⚠️', title: 'over budget, acknowledged' };
    const titles = {
        pass: { icon: '✅', title: 'within budget' },
        warn: { icon: '⚠️', title: c.acknowledged ? 'warning, acknowledged' : 'warning' },
        fail: { icon: '❌', title: 'over budget' },
        'no-baseline': { icon: '➖', title: 'no baseline' },
    };
    return titles[c.verdict];
}
const STATUS_ICON = {
    ok: '✅',
    warn: '⚠️',
    fail: '❌',
    unchecked: '➖',
};
const BUDGET_LABEL = {
    maxEdapIncreasePct: 'EDAP increase',
    maxEdap: 'EDAP ceiling',
    maxAccuracyDropPp: 'non-ideal accuracy drop',
    minAccuracyPct: 'non-ideal accuracy minimum',
};
const BUDGET_UNIT = {
    maxEdapIncreasePct: '%change',
    maxEdap: 'edap',
    maxAccuracyDropPp: 'pp',
    minAccuracyPct: '%',
};
const BUDGET_SYMBOL = {
    maxEdapIncreasePct: 'Δ ≤',
    maxEdap: '≤',
    maxAccuracyDropPp: 'drop ≤',
    minAccuracyPct: '≥',
};
/** A budget's limits: 'Δ ≤ +2 % warn, +5 % fail'. Empty when no tier is set. */
function budgetLimitText(r) {
    const parts = [];
    if (r.tiers.warn !== undefined)
        parts.push(`${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatLimit */ .tW)(r.tiers.warn, BUDGET_UNIT[r.id])} warn`);
    if (r.tiers.fail !== undefined)
        parts.push(`${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatLimit */ .tW)(r.tiers.fail, BUDGET_UNIT[r.id])} fail`);
    return parts.length === 0 ? '' : `${BUDGET_SYMBOL[r.id]} ${parts.join(', ')}`;
}
/**
 * One sentence per breached budget, e.g. 'EDAP increase +8.12 % exceeds the fail budget +5 %'. Used by the
 * comment, the log and the annotations.
 */
function breachSentence(r) {
    const tier = r.status === 'fail' ? 'fail' : 'warn';
    const limit = r.tiers[tier];
    const lim = limit === undefined ? '' : (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatLimit */ .tW)(limit, BUDGET_UNIT[r.id]);
    const a = r.actual ?? NaN;
    switch (r.id) {
        case 'maxEdapIncreasePct':
            return `EDAP increase ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatChangePct */ .jj)(a)} exceeds the ${tier} budget ${lim}`;
        case 'maxEdap':
            return `EDAP ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatEdap */ .o8)(a)} J·s·mm² exceeds the ${tier} ceiling ${lim}`;
        case 'maxAccuracyDropPp':
            return `non-ideal accuracy ${a >= 0 ? 'dropped' : 'changed'} ${Math.abs(a).toFixed(2)} pp, over the ${tier} budget ${lim}`;
        case 'minAccuracyPct':
            return `non-ideal accuracy ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPct */ .R8)(a)} is below the ${tier} minimum ${lim}`;
    }
}
function budgetLabel(id) {
    return BUDGET_LABEL[id];
}
/** Worst status among the checked budgets of a row; undefined when none of them has a tier set. */
function worstStatus(results) {
    const order = ['fail', 'warn', 'ok', 'unchecked'];
    const set = results.filter((r) => r.tiers.warn !== undefined || r.tiers.fail !== undefined);
    return [...set].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status))[0];
}
function statusCell(results) {
    const w = worstStatus(results);
    if (!w)
        return '';
    if (w.status === 'unchecked')
        return `${STATUS_ICON.unchecked} ${w.reason ?? 'unchecked'}`;
    return `${STATUS_ICON[w.status]} ${w.status}`;
}
function pick(c, ids) {
    return c.budgets.filter((b) => ids.includes(b.id));
}
function interval(low, high) {
    const f = (v) => (v > 0 ? `+${v.toFixed(2)}` : v.toFixed(2));
    return `${f(low)}, ${f(high)}`;
}
/** '96.17 % [95.40, 96.90]' with a 95 % interval, '96.17 ± 0.29 %' without one (older reports). */
function accuracyCell(a) {
    if (!a)
        return '—';
    if (a.ci95Pct)
        return `${a.meanPct.toFixed(2)} % [${a.ci95Pct.low.toFixed(2)}, ${a.ci95Pct.high.toFixed(2)}]`;
    return a.stdPct !== undefined ? `${a.meanPct.toFixed(2)} ± ${a.stdPct.toFixed(2)} %` : (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPct */ .R8)(a.meanPct);
}
function plural(n, word) {
    return `${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(n)} ${word}${n === 1 ? '' : 's'}`;
}
function nonIdealLabel(c) {
    const h = c.totals.nonIdealHead;
    const ci = h?.ci95Pct;
    if (ci)
        return `Accuracy, non-ideal (mean [95 % CI], ${plural(ci.chips, 'chip')} × ${plural(ci.images, 'image')})`;
    const n = h?.samples;
    return `Accuracy, non-ideal (mean ± std${n === undefined ? '' : `, ${plural(n, 'chip')}`})`;
}
function totalsSpecs(c) {
    const t = c.totals;
    const rows = [];
    if (t.accuracyIdealPct) {
        rows.push({
            label: 'Accuracy, ideal (float)',
            base: (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPct */ .R8)(t.accuracyIdealPct.base),
            head: (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPct */ .R8)(t.accuracyIdealPct.head),
            change: (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPp */ ["if"])(t.accuracyIdealPct.diff),
            budgets: [],
        });
    }
    if (t.accuracyNonIdealPct) {
        rows.push({
            label: nonIdealLabel(c),
            base: accuracyCell(t.nonIdealBase),
            head: accuracyCell(t.nonIdealHead),
            change: t.accuracyDelta
                ? `${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPp */ ["if"])(t.accuracyDelta.pp)} [${interval(t.accuracyDelta.ciLowPp, t.accuracyDelta.ciHighPp)}]`
                : (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPp */ ["if"])(t.accuracyNonIdealPct.diff),
            budgets: pick(c, ['maxAccuracyDropPp', 'minAccuracyPct']),
        });
    }
    const rel = (d, f, label, ids = []) => ({
        label, base: f(d.base), head: f(d.head), change: (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatChangePct */ .jj)(d.changePct), budgets: pick(c, ids),
    });
    rows.push(rel(t.energyJ, (v) => (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatSi */ .Mo)(v, 'J'), 'Energy / inference'));
    rows.push(rel(t.delayS, (v) => (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatSi */ .Mo)(v, 's'), 'Latency / inference'));
    rows.push(rel(t.areaMm2, _format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMm2 */ .sG, 'Area'));
    rows.push(rel(t.edap, _format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatEdap */ .o8, 'EDAP (J·s·mm²)', ['maxEdapIncreasePct', 'maxEdap']));
    rows.push(rel(t.crossbars, _format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4, 'Crossbars'));
    return rows;
}
function budgetCell(results, separator) {
    return results
        .map((r) => {
        const limits = budgetLimitText(r);
        return limits && r.status === 'unchecked' ? `${limits} (unchecked: ${r.reason ?? 'no value'})` : limits;
    })
        .filter((s) => s.length > 0)
        .join(separator);
}
/**
 * The totals table: header + rows. With a baseline: Metric, Base, Head, Δ, Budget, Status; without one:
 * Metric, Head, Budget, Status.
 */
function totalsTable(c, opts) {
    const specs = totalsSpecs(c);
    if (!c.hasBaseline) {
        return [
            ['Metric', opts.headLabel, 'Budget', 'Status'],
            ...specs.map((s) => [s.label, s.head, budgetCell(s.budgets, opts.lineBreak), statusCell(s.budgets)]),
        ];
    }
    return [
        ['Metric', opts.baseLabel, opts.headLabel, 'Δ', 'Budget', 'Status'],
        ...specs.map((s) => [s.label, s.base, s.head, s.change, budgetCell(s.budgets, opts.lineBreak), statusCell(s.budgets)]),
    ];
}
/** Compact mapping: '64×64 w8 2b/cell adc7'. */
function mappingText(m) {
    if (!m)
        return '—';
    return `${m.rows}×${m.cols} w${m.weightBits} ${m.bitsPerCell}b/cell adc${m.adcBits}`;
}
/** Mapping fields mappingText shows; other changed fields are listed in the Change column. */
const MAPPING_TEXT_FIELDS = ['rows', 'cols', 'weightBits', 'bitsPerCell', 'adcBits'];
const CHANGE_TEXT = {
    unchanged: '',
    changed: 'changed',
    added: 'added',
    removed: 'removed',
};
/**
 * 'a → b' when the two texts differ, else the one text; a missing side shows as added/removed. A unit both
 * share is written once: '25.5 → 31.0 %'.
 */
function moved(base, head, change) {
    if (change === 'removed' || head === undefined)
        return `${base ?? '—'} (removed)`;
    if (change === 'added' || base === undefined || base === head)
        return head;
    const unit = / (%|mm²)$/.exec(head)?.[0];
    return unit && base.endsWith(unit) ? `${base.slice(0, -unit.length)} → ${head}` : `${base} → ${head}`;
}
/** A share cell: '25.5 → 31.0 %' (base → head), one share when it did not move, '8.0 % (removed)'. */
function shareCell(l, pickShare, c) {
    const b = (0,_layer_shares_js__WEBPACK_IMPORTED_MODULE_1__/* .layerShares */ .cY)(l, c, 'base');
    const h = (0,_layer_shares_js__WEBPACK_IMPORTED_MODULE_1__/* .layerShares */ .cY)(l, c, 'head');
    const bs = b ? (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatShare */ .T1)(pickShare(b)) : undefined;
    const hs = h ? (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatShare */ .T1)(pickShare(h)) : undefined;
    if (l.change === 'removed')
        return `${bs ?? '—'} (removed)`;
    return c.hasBaseline ? moved(bs, hs ?? '—', 'changed') : (hs ?? '—');
}
function countCell(d, change) {
    return moved(d.base === undefined ? undefined : (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(d.base), d.head === undefined ? undefined : (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(d.head), change);
}
function adcCell(l) {
    if (l.adcs.base === undefined && l.adcs.head === undefined)
        return '—';
    const area = moved(l.adcAreaMm2.base === undefined ? undefined : (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMm2 */ .sG)(l.adcAreaMm2.base), l.adcAreaMm2.head === undefined ? undefined : (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMm2 */ .sG)(l.adcAreaMm2.head), l.change).replace(' (removed)', '');
    return `${countCell(l.adcs, l.change).replace(' (removed)', '')} · ${area}`;
}
/**
 * Per-layer table: header, one row per layer, a row for the tiles' shared area and a total row. Energy,
 * latency and area are shares of the network totals (they add up to 100 %; the total row gives the values);
 * EDAP is a share too (see layer-shares.ts), plus, with a baseline, each layer's first-order contribution to
 * the change of total EDAP. NF in %.
 */
function layerTable(c, opts) {
    const header = opts.withBase
        ? ['Layer', 'Change', 'Mapping', 'Crossbars', 'ADCs · area', 'Energy share', 'Latency share', 'Area share', 'EDAP share', 'EDAP Δ part', 'NF mean']
        : ['Layer', 'Mapping', 'Crossbars', 'ADCs · area', 'Energy share', 'Latency share', 'Area share', 'EDAP share', 'NF mean'];
    const rows = c.layers.map((l) => {
        const mapping = l.change === 'changed' && mappingText(l.baseMapping) !== mappingText(l.headMapping)
            ? `${mappingText(l.baseMapping)} → ${mappingText(l.headMapping)}`
            : mappingText(l.headMapping ?? l.baseMapping);
        const nfText = moved(l.nfMean.base === undefined ? undefined : (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatNf */ .y3)(l.nfMean.base), l.nfMean.head === undefined ? undefined : (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatNf */ .y3)(l.nfMean.head), opts.withBase ? l.change : 'unchanged').replace(' (removed)', '');
        const crossbars = countCell(l.crossbars, opts.withBase ? l.change : 'unchanged').replace(' (removed)', '');
        const energy = shareCell(l, (s) => s.energy, c);
        const latency = shareCell(l, (s) => s.latency, c);
        const area = shareCell(l, (s) => s.area, c);
        const edap = moved(c.hasBaseline ? shareText((0,_layer_shares_js__WEBPACK_IMPORTED_MODULE_1__/* .layerShares */ .cY)(l, c, 'base')?.edap) : undefined, shareText((0,_layer_shares_js__WEBPACK_IMPORTED_MODULE_1__/* .layerShares */ .cY)(l, c, 'head')?.edap), opts.withBase ? l.change : 'unchanged');
        if (!opts.withBase)
            return [opts.name(l.name), mapping, crossbars, adcCell(l), energy, latency, area, edap, nfText];
        const hidden = l.changedFields.filter((f) => !MAPPING_TEXT_FIELDS.some((v) => f.startsWith(`${v} `)));
        const changeText = hidden.length > 0 ? `${CHANGE_TEXT[l.change]}: ${hidden.join(', ')}` : CHANGE_TEXT[l.change];
        return [opts.name(l.name), changeText, mapping, crossbars, adcCell(l), energy, latency, area, edap,
            (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPp */ ["if"])((0,_layer_shares_js__WEBPACK_IMPORTED_MODULE_1__/* .edapContributionPp */ .vW)(l, c)), nfText];
    });
    return [header, ...rows, ...sharedAndTotalRows(c, opts.withBase)];
}
function shareText(fraction) {
    return fraction === undefined ? undefined : (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatShare */ .T1)(fraction);
}
/** The tiles' shared area (when there is any) and the totals, which show that the shares add up. */
function sharedAndTotalRows(c, withBase) {
    const out = [];
    const b = withBase ? (0,_layer_shares_js__WEBPACK_IMPORTED_MODULE_1__/* .sharedShares */ .Un)(c, 'base') : undefined;
    const h = (0,_layer_shares_js__WEBPACK_IMPORTED_MODULE_1__/* .sharedShares */ .Un)(c, 'head');
    if ((h?.area ?? 0) > 0 || (b?.area ?? 0) > 0) {
        const area = moved(shareText(b?.area), shareText(h?.area) ?? '—', 'changed');
        const edap = moved(shareText(b?.edap), shareText(h?.edap) ?? '—', 'changed');
        out.push(withBase
            ? ['tiles: eDRAM, bus, router', '', '', '', '', '—', '—', area, edap, (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPp */ ["if"])((0,_layer_shares_js__WEBPACK_IMPORTED_MODULE_1__/* .sharedContributionPp */ .UI)(c)), '']
            : ['tiles: eDRAM, bus, router', '', '', '', '—', '—', area, edap, '']);
    }
    const t = c.totals;
    const sumParts = withBase
        ? c.layers.reduce((s, l) => s + ((0,_layer_shares_js__WEBPACK_IMPORTED_MODULE_1__/* .edapContributionPp */ .vW)(l, c) ?? 0), (0,_layer_shares_js__WEBPACK_IMPORTED_MODULE_1__/* .sharedContributionPp */ .UI)(c) ?? 0)
        : undefined;
    const totalCell = (d, f) => `100 % (${f(d.head)})`;
    const crossbars = (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(t.crossbars.head);
    const adcs = c.layers.reduce((s, l) => s + (l.adcs.head ?? 0), 0);
    const adcArea = c.layers.reduce((s, l) => s + (l.adcAreaMm2.head ?? 0), 0);
    const row = ['total', ...(withBase ? [''] : []), '', crossbars, `${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(adcs)} · ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMm2 */ .sG)(adcArea)}`,
        totalCell(t.energyJ, (v) => (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatSi */ .Mo)(v, 'J')), totalCell(t.delayS, (v) => (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatSi */ .Mo)(v, 's')), totalCell(t.areaMm2, _format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatMm2 */ .sG),
        '100 %', ...(withBase ? [`${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPp */ ["if"])(sumParts)} (exact ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatChangePct */ .jj)(t.edap.changePct)})`] : []), ''];
    out.push(row);
    return out;
}
/** 'n layers: a changed, b added, c removed'. */
function layerCountsText(c) {
    const count = (k) => c.layers.filter((l) => l.change === k).length;
    const parts = [`${c.layers.length} layer${c.layers.length === 1 ? '' : 's'}`];
    if (c.hasBaseline)
        parts.push(`${count('changed')} changed, ${count('added')} added, ${count('removed')} removed`);
    return parts.join(': ');
}
/** How the simulation settings read in one phrase: 'seed 1, 3 Monte Carlo samples, 1,000 images, IR drop fast'. */
function settingsText(c) {
    const s = c.headSettings;
    if (!s)
        return 'cost only, no simulation';
    return `seed ${s.seed}, ${s.monteCarloSamples} Monte Carlo sample${s.monteCarloSamples === 1 ? '' : 's'}, ` +
        `${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(s.evalImages)} images, IR drop ${s.irDrop}`;
}


/***/ }),

/***/ 893:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderText: () => (/* binding */ renderText)
/* harmony export */ });
/* unused harmony export columns */
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1509);
/* harmony import */ var _tables_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51);
/* harmony import */ var _resolution_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5448);
/* harmony import */ var _text_style_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1045);
/* harmony import */ var _table_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(900);
/**
 * Plain-text rendering for the terminal (`nax check`): the same tables as the comment, padded into
 * columns, no markdown. Pure.
 */





/** Left-aligned columns separated by two spaces; the header is underlined with dashes (render/table.ts). */
function columns(rows) {
    return (0,_table_js__WEBPACK_IMPORTED_MODULE_4__/* .textTable */ .e)(rows);
}
const VERDICT_WORD = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', 'no-baseline': 'NO BASELINE' };
/** The comparison as terminal text. */
function renderText(input, style = _text_style_js__WEBPACK_IMPORTED_MODULE_3__/* .PLAIN */ .t) {
    const c = input.comparison;
    const b = input.baseline;
    const h = (0,_tables_js__WEBPACK_IMPORTED_MODULE_1__/* .verdictHeadline */ .ge)(c);
    const plain = (s) => s;
    const out = [];
    out.push(style.verdict(`nax check: ${VERDICT_WORD[c.verdict]} (${h.title})`, c.verdict));
    out.push(c.hasBaseline
        ? `base ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .shortSha */ .Fu)(b.commit)}${b.ref ? ` (${b.ref})` : ''} -> head ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .shortSha */ .Fu)(input.headSha)}`
        : `head ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .shortSha */ .Fu)(input.headSha)}; no baseline: ${b.missingReason ?? 'no base report'}. Relative budgets were not checked; this is not a pass.`);
    for (const g of input.gate?.changes ?? [])
        out.push(`this PR changes the gate: ${g}`);
    if (input.gate?.budgetsFrom === 'head')
        out.push("budgets: the PR's own (the base has no nax.yml)");
    out.push('');
    const totals = (0,_tables_js__WEBPACK_IMPORTED_MODULE_1__/* .totalsTable */ .uH)(c, { baseLabel: 'base', headLabel: 'head', lineBreak: '; ' })
        .map((r) => r.map((cell) => cell.replace(/[✅⚠️❌➖]\uFE0F? ?/gu, '')));
    out.push(columns(totals));
    const breached = c.budgets.filter((r) => r.status === 'warn' || r.status === 'fail');
    if (breached.length > 0) {
        out.push('');
        for (const r of breached) {
            out.push(`${style.verdict(r.status.toUpperCase(), r.status === 'fail' ? 'fail' : 'warn')}: ${(0,_tables_js__WEBPACK_IMPORTED_MODULE_1__/* .breachSentence */ .NS)(r)}${r.layers.length > 0 ? ` (layers: ${r.layers.join(', ')})` : ''}`);
        }
    }
    if (c.acknowledged)
        out.push(`acknowledged by ${c.acknowledged.by}: budgets alone say ${c.budgetVerdict}`);
    for (const l of (0,_resolution_js__WEBPACK_IMPORTED_MODULE_2__/* .resolutionSentences */ .F)(c))
        out.push(`note: ${l}`);
    if (c.unpairedSettings.length > 0)
        out.push(`warning: not a paired comparison (${c.unpairedSettings.join('; ')})`);
    if (c.hasBaseline)
        out.push(c.changedInputs.length > 0 ? `changed inputs: ${c.changedInputs.join(', ')}` : 'no input changed');
    if (c.layers.length > 0) {
        out.push('', `per layer (${(0,_tables_js__WEBPACK_IMPORTED_MODULE_1__/* .layerCountsText */ .xg)(c)}):`, columns((0,_tables_js__WEBPACK_IMPORTED_MODULE_1__/* .layerTable */ ._N)(c, { name: plain, withBase: c.hasBaseline })));
    }
    out.push('');
    out.push(c.hasBaseline
        ? `baseline: ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .shortSha */ .Fu)(b.commit)}${b.ref ? ` (${b.ref})` : ''}, ${b.resolvedBy}; recomputed from git with the same seeds (${(0,_tables_js__WEBPACK_IMPORTED_MODULE_1__/* .settingsText */ .JV)(c)})`
        : `baseline: none (${b.resolvedBy}); head: ${(0,_tables_js__WEBPACK_IMPORTED_MODULE_1__/* .settingsText */ .JV)(c)}`);
    for (const n of input.notes ?? [])
        out.push(`note: ${n}`);
    return `${out.join('\n')}\n`;
}


/***/ })

};
