export const id = 359;
export const ids = [359];
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

/***/ 8359:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  COMMENT_LIMIT: () => (/* binding */ COMMENT_LIMIT),
  renderMarkdown: () => (/* binding */ renderMarkdown)
});

// UNUSED EXPORTS: COMMENT_MARKER, GITHUB_COMMENT_MAX_CHARS, GITHUB_SUMMARY_MAX_BYTES, SUMMARY_LIMIT

// EXTERNAL MODULE: ./node_modules/markdown-table/index.js
var markdown_table = __webpack_require__(735);
;// CONCATENATED MODULE: ./src/render/escape.ts
/**
 * Untrusted text in rendered markdown. Layer names and refs come from the repository — in `mode: comment`
 * from a fork's report artifact — so they are shown as code spans: no markdown, HTML or @-mentions inside,
 * and no way to close a table cell, a `<details>` block or the mermaid fence.
 */
/** A markdown code span holding `text` verbatim (newlines become spaces; safe inside a table cell). */
function code(text) {
    const flat = text.replace(/[\r\n\t]+/g, ' ').replaceAll('|', '\\|');
    const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
    const fence = '`'.repeat(longestRun + 1);
    const pad = flat.startsWith('`') || flat.endsWith('`') || flat.length === 0 ? ' ' : '';
    return `${fence}${pad}${flat}${pad}${fence}`;
}
/** Maximum length of a mermaid axis label before it is shortened. */
const MERMAID_LABEL_CHARS = 24;
/**
 * A mermaid xychart category label: only letters, digits and `_ . : / -` survive (anything else becomes
 * `_`), shortened to 24 characters, so the label can neither end the quoted string nor the code fence.
 */
function mermaidLabel(text) {
    const safe = text.replace(/[^A-Za-z0-9_.:/\- ]/g, '_');
    return safe.length > MERMAID_LABEL_CHARS ? `${safe.slice(0, MERMAID_LABEL_CHARS - 1)}…` : safe;
}

// EXTERNAL MODULE: ./src/render/format.ts
var format = __webpack_require__(1509);
// EXTERNAL MODULE: ./src/render/layer-shares.ts
var layer_shares = __webpack_require__(8986);
;// CONCATENATED MODULE: ./src/render/mermaid.ts


/** Layers drawn at most: 10 layers are 20 bars, about what a comment-width chart can label. */
const CHART_MAX_LAYERS = 10;
/** Unchanged layers always drawn (the largest by EDAP share), for scale. */
const CHART_TOP_LAYERS = 3;
/** Fixed palette: base, head (Tableau 10 blue and orange; distinguishable with common colour-vision deficiencies). */
const CHART_COLOURS = { base: '#4e79a7', head: '#f28e2b' };
/**
 * Bars from which the chart is drawn horizontally: category labels then stand in a column on the left
 * instead of colliding under narrow bars (in Chromium at comment width, 10 labels like 'conv2 head' overlap).
 */
const HORIZONTAL_FROM_BARS = 7;
/** Axis maxima, %: the smallest one above the largest bar. */
const AXIS_STEPS_PCT = [5, 10, 20, 25, 40, 50, 60, 80, 100];
function fmt(v) {
    return String(Number(v.toFixed(2)));
}
function sharePct(l, c, side) {
    return 100 * ((0,layer_shares/* layerShares */.cY)(l, c, side)?.edap ?? 0);
}
/** The layers worth drawing, in network order. */
function chosen(c) {
    const largest = (l) => Math.max(sharePct(l, c, 'base'), sharePct(l, c, 'head'));
    const candidates = c.layers.filter((l) => largest(l) > 0);
    const changed = c.hasBaseline ? candidates.filter((l) => l.change !== 'unchanged') : [];
    const isChanged = new Set(changed);
    const rest = candidates.filter((l) => !isChanged.has(l)).sort((a, b) => largest(b) - largest(a));
    const byShare = [...changed].sort((a, b) => largest(b) - largest(a));
    // Changed layers first (largest first when there are too many), then the top unchanged ones.
    const keep = new Set([...byShare.slice(0, CHART_MAX_LAYERS), ...rest.slice(0, c.hasBaseline ? CHART_TOP_LAYERS : CHART_MAX_LAYERS)].slice(0, CHART_MAX_LAYERS));
    return candidates.filter((l) => keep.has(l));
}
/** The chart, or undefined when no layer has a cost. */
function edapChart(c) {
    const layers = chosen(c);
    if (layers.length === 0)
        return undefined;
    const withBase = c.hasBaseline;
    const labels = [];
    const baseSeries = [];
    const headSeries = [];
    let top = 0;
    for (const l of layers) {
        const name = mermaidLabel(l.name);
        const b = sharePct(l, c, 'base');
        const h = sharePct(l, c, 'head');
        top = Math.max(top, b, h);
        if (withBase) {
            labels.push(`"${name} base"`, `"${name} head"`);
            baseSeries.push(fmt(b), '0');
            headSeries.push('0', fmt(h));
        }
        else {
            labels.push(`"${name}"`);
            headSeries.push(fmt(h));
        }
    }
    const axisMax = AXIS_STEPS_PCT.find((s) => s >= top) ?? 100;
    const palette = withBase ? `${CHART_COLOURS.base}, ${CHART_COLOURS.head}` : CHART_COLOURS.head;
    const lines = [
        '```mermaid',
        `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${palette}"}}}}%%`,
        labels.length >= HORIZONTAL_FROM_BARS ? 'xychart-beta horizontal' : 'xychart-beta',
        `  title "Share of EDAP per layer${withBase ? ', base vs head' : ''}"`,
        `  x-axis [${labels.join(', ')}]`,
        `  y-axis "share of EDAP (%)" 0 --> ${axisMax}`,
        ...(withBase ? [`  bar [${baseSeries.join(', ')}]`] : []),
        `  bar [${headSeries.join(', ')}]`,
        '```',
    ];
    const omitted = c.layers.length - layers.length;
    const what = withBase ? 'changed layers and the largest unchanged ones' : 'the largest layers';
    const legend = (withBase ? 'Blue: base, orange: head. ' : 'Orange: head. ') +
        `Bars: ${what}, share of EDAP in % (axis 0–${axisMax} %)` +
        (omitted > 0 ? `; ${omitted} other layer${omitted === 1 ? '' : 's'} not drawn.` : '.');
    return { markdown: lines.join('\n'), legend, layers: layers.map((l) => l.name), omittedLayers: omitted };
}

// EXTERNAL MODULE: ./src/render/resolution.ts
var resolution = __webpack_require__(5448);
// EXTERNAL MODULE: ./src/render/tables.ts
var tables = __webpack_require__(51);
;// CONCATENATED MODULE: ./src/render/markdown.ts
/**
 * The PR comment and the job summary: one markdown rendering of a comparison, cut to fit a size limit.
 * Pure: a RenderInput in, a string out.
 *
 * Layout: hidden marker; verdict headline with base and head short SHAs; totals table (base, head, Δ,
 * budget, status); breached budgets; notes; a mermaid chart of per-layer EDAP; the per-layer table in
 * `<details>`; how the baseline was obtained; footer.
 *
 * Too long (GitHub refuses comments over 65,536 characters; step summaries over 1 MiB): the per-layer
 * table first keeps only changed layers, then goes, then the chart goes; as a last resort the text is cut
 * at a line. Each step leaves a note saying what was left out and where the full data is.
 */






/** The hidden marker the sticky comment is found by (together with its author). */
const COMMENT_MARKER = '<!-- nax-report -->';
/** GitHub's limit on an issue comment body, characters. */
const GITHUB_COMMENT_MAX_CHARS = 65_536;
/** GitHub's limit on one step's job summary, bytes. */
const GITHUB_SUMMARY_MAX_BYTES = 1_048_576;
/**
 * Comment limit with a margin below GitHub's 65,536 characters (nax assumption: room for line-ending
 * normalisation and for counting differences).
 */
const COMMENT_LIMIT = { max: 60_000, measure: 'chars' };
/** Summary limit with a margin below 1 MiB, leaving room for other steps' summaries. */
const SUMMARY_LIMIT = { max: 900 * 1024, measure: 'bytes' };
function sizeOf(text, measure) {
    return measure === 'chars' ? text.length : Buffer.byteLength(text, 'utf8');
}
const PLANS = [
    { layers: 'all', chart: true },
    { layers: 'changed', chart: true },
    { layers: 'none', chart: true },
    { layers: 'none', chart: false },
];
const WHERE_FULL = 'the full data is in the job summary and the report artifact';
function header(input) {
    const c = input.comparison;
    const h = (0,tables/* verdictHeadline */.ge)(c);
    const head = `head ${code((0,format/* shortSha */.Fu)(input.headSha))}`;
    const base = c.hasBaseline
        ? `base ${code((0,format/* shortSha */.Fu)(input.baseline.commit))}${input.baseline.ref ? ` (${code(input.baseline.ref)})` : ''} → `
        : '';
    return [COMMENT_MARKER, `### ${h.icon} nax: ${h.title}`, '', `Verdict **${c.verdict}** · ${base}${head}`, ...gateLines(input)];
}
/** Cap on one untrusted string shown in the comment, characters. */
const SHOWN_CHARS = 200;
/**
 * Text markdown cannot turn into a link, image, HTML, mention or table cell: letters, digits, spaces and
 * a few punctuation marks, no URL. nax's own sentences ('first parent of the PR merge commit') pass.
 */
const PLAIN = /^[A-Za-z0-9 ,.'’:;\/^~=+-]*$/;
/** A string from a file or artifact, shown inert: as it is when plain, otherwise a shortened code span. */
function inert(text) {
    if (text.length <= SHOWN_CHARS && PLAIN.test(text) && !/:\/\/|www\./i.test(text))
        return text;
    return code(text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text);
}
/** The gate's changes come first: a PR that loosens its own gate must say so where it is read. */
function gateLines(input) {
    const g = input.gate;
    if (!g)
        return [];
    const out = [];
    if (g.changes.length > 0) {
        out.push('', `> [!IMPORTANT]\n> **This PR changes the gate:** ${g.changes.map(inert).join('; ')}.`);
    }
    if (g.budgetsFrom === 'head') {
        out.push('', "**The budgets are the PR's own:** the base has no nax.yml to take them from.");
    }
    if (input.origin === 'check-job') {
        out.push('', "<sub>The numbers below come from the PR's own workflow run (its artifact), validated and shown as data.</sub>");
    }
    return out;
}
function noBaselineParagraph(input) {
    const c = input.comparison;
    if (c.hasBaseline)
        return [];
    const reason = input.baseline.missingReason ?? 'no base report';
    return [
        '',
        `**No baseline:** ${inert(reason)}. Nothing was compared: the relative budgets (EDAP increase, accuracy drop) ` +
            'were not checked, only the absolute ones. This is not a pass.',
    ];
}
function totalsSection(input) {
    const c = input.comparison;
    const rows = (0,tables/* totalsTable */.uH)(c, {
        baseLabel: `Base ${code((0,format/* shortSha */.Fu)(input.baseline.commit))}`,
        headLabel: `Head ${code((0,format/* shortSha */.Fu)(input.headSha))}`,
        lineBreak: '<br>',
    });
    return ['', (0,markdown_table/* markdownTable */.Q)(rows, { alignDelimiters: false })];
}
function breachesSection(input) {
    const breached = input.comparison.budgets.filter((b) => b.status === 'warn' || b.status === 'fail');
    const unresolved = (0,resolution/* resolutionSentences */.F)(input.comparison).map((t) => `- ℹ️ ${t}`);
    if (breached.length === 0 && unresolved.length === 0)
        return [];
    return [
        '',
        ...breached.map((b) => {
            const layers = b.layers.length > 0 ? ` (layers: ${b.layers.slice(0, 5).map(code).join(', ')}${b.layers.length > 5 ? ', …' : ''})` : '';
            return `- ${tables/* STATUS_ICON */.tW[b.status]} ${(0,tables/* breachSentence */.NS)(b)}${layers}`;
        }),
        ...unresolved,
    ];
}
function notesSection(input) {
    const c = input.comparison;
    const out = [];
    if (c.acknowledged) {
        out.push(`> [!NOTE]\n> Regression acknowledged by ${inert(c.acknowledged.by)}: the budgets above are still reported, ` +
            `but the check does not fail (budgets alone say **${c.budgetVerdict}**).`);
    }
    if (c.unpairedSettings.length > 0) {
        out.push(`> [!WARNING]\n> Base and head were simulated with different settings (${c.unpairedSettings.join('; ')}): ` +
            'not a paired comparison, accuracy differences include sampling noise.');
    }
    if (c.hasBaseline) {
        out.push(c.changedInputs.length > 0
            ? `Changed inputs: ${c.changedInputs.map(code).join(', ')}.`
            : 'No input changed between base and head.');
    }
    return out.flatMap((s) => ['', s]);
}
function chartSection(input) {
    const chart = edapChart(input.comparison);
    if (!chart)
        return [];
    return ['', chart.markdown, '', `<sub>${chart.legend}</sub>`];
}
/** Why the per-layer EDAP figures do not add up to the total, and what the share columns are. */
const SHARES_NOTE = 'Energy, latency and area are shares of the network totals (each column adds up to 100 %; ' +
    'latency is layer-serial). EDAP = energy × latency × area of the whole network is a product of sums, so a ' +
    "layer's own EDAP does not add up to it; a layer's EDAP share is the mean of its three shares";
const CONTRIBUTION_NOTE = ', and its EDAP Δ part is the first-order change it causes, ΔE/E + ΔD/D + ΔA/A of the base ' +
    'totals in pp (the parts add up to the exact change up to the products of changes)';
function layersSection(input, detail) {
    const c = input.comparison;
    if (detail === 'none' || c.layers.length === 0)
        return [];
    const shown = detail === 'all' ? c : { ...c, layers: c.layers.filter((l) => l.change !== 'unchanged') };
    const rows = (0,tables/* layerTable */._N)(shown, { name: code, withBase: c.hasBaseline });
    const note = detail === 'changed'
        ? ['', `<sub>Only changed layers are listed to fit GitHub's comment limit; ${WHERE_FULL}.</sub>`]
        : [];
    return [
        '',
        '<details>',
        `<summary>Per-layer breakdown (${(0,tables/* layerCountsText */.xg)(c)})</summary>`,
        '',
        (0,markdown_table/* markdownTable */.Q)(rows, { alignDelimiters: false }),
        '',
        `<sub>${SHARES_NOTE}${c.hasBaseline ? CONTRIBUTION_NOTE : ''}. NF: mean non-ideality factor of the column currents.</sub>`,
        ...note,
        '',
        '</details>',
    ];
}
function baselineSection(input) {
    const c = input.comparison;
    const b = input.baseline;
    const where = { 'this-job': 'in this job', 'check-job': 'in the check job', 'shard-jobs': 'in the shard jobs' }[input.origin];
    let text;
    if (c.hasBaseline) {
        text = `**Baseline:** ${code((0,format/* shortSha */.Fu)(b.commit))}${b.ref ? ` (${code(b.ref)})` : ''}, ${inert(b.resolvedBy)}; ` +
            `recomputed from git ${where} with the same seeds as head (${(0,tables/* settingsText */.JV)(c)}).`;
    }
    else {
        text = `**Baseline:** none (${inert(b.missingReason ?? 'no base report')}); looked for ${b.commit ? code((0,format/* shortSha */.Fu)(b.commit)) : 'a base commit'}` +
            `, ${inert(b.resolvedBy)}. Head simulated ${where} (${(0,tables/* settingsText */.JV)(c)}).`;
    }
    const g = input.gate?.budgetsFrom;
    const from = g === 'base' ? ' of the base' : g === 'head' ? ' of the PR (the base has none)' : '';
    return ['', `${text} Budgets: ${code('nax.yml')}${from}, tightened by the action inputs.`];
}
/** A link nax builds itself: https://host/owner/repo/actions/runs/<id>. Anything else is not linked. */
const RUN_URL = /^https?:\/\/[A-Za-z0-9.-]+(:\d+)?\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/actions\/runs\/\d+$/;
function footer(input) {
    const parts = [`nax ${inert(input.toolVersion)}`];
    if (input.runUrl && RUN_URL.test(input.runUrl))
        parts.push(`[workflow run](${input.runUrl})`);
    if (input.reportName)
        parts.push(`full report: ${code(input.reportName)}`);
    if (input.htmlReportName)
        parts.push(`charts: ${code(input.htmlReportName)} in the run's artifact`);
    const notes = (input.notes ?? []).flatMap((n) => ['', `> [!WARNING]\n> ${n}`]);
    return [...notes, '', `<sub>${parts.join(' · ')}</sub>`, ''];
}
function omittedNote(omitted) {
    if (omitted.length === 0)
        return [];
    return ['', `> [!NOTE]\n> Truncated to stay under GitHub's size limit: ${omitted.join('; ')} left out; ${WHERE_FULL}.`];
}
function compose(input, plan, omitted) {
    return [
        ...header(input),
        ...noBaselineParagraph(input),
        ...totalsSection(input),
        ...breachesSection(input),
        ...notesSection(input),
        ...(input.searchSection ?? []),
        ...omittedNote(omitted),
        ...(plan.chart ? chartSection(input) : []),
        ...layersSection(input, plan.layers),
        ...baselineSection(input),
        ...footer(input),
    ].join('\n');
}
function omittedBy(plan, input) {
    const out = [];
    const changed = input.comparison.layers.filter((l) => l.change !== 'unchanged').length;
    if (plan.layers === 'changed')
        out.push(`${input.comparison.layers.length - changed} unchanged layers of the per-layer table`);
    if (plan.layers === 'none')
        out.push('the per-layer table');
    if (!plan.chart)
        out.push('the per-layer EDAP chart');
    return out;
}
/** Renders the comparison as markdown no larger than `limit`. */
function renderMarkdown(input, limit) {
    for (const plan of PLANS) {
        if (plan.layers === 'changed' && !input.comparison.hasBaseline)
            continue;
        const omitted = omittedBy(plan, input);
        const text = compose(input, plan, omitted);
        if (sizeOf(text, limit.measure) <= limit.max)
            return { markdown: text, omitted };
    }
    // Last resort: cut at a line boundary (only reachable with pathological names or refs).
    const omitted = [...omittedBy(PLANS[PLANS.length - 1], input), 'the end of the text'];
    const tail = omittedNote(omitted).join('\n');
    const full = compose(input, PLANS[PLANS.length - 1], []);
    let cut = full;
    while (cut.length > 0 && sizeOf(cut, limit.measure) + sizeOf(tail, limit.measure) + 1 > limit.max) {
        const at = cut.lastIndexOf('\n', Math.floor(cut.length * 0.9));
        cut = at > 0 ? cut.slice(0, at) : cut.slice(0, Math.floor(cut.length * 0.9));
    }
    return { markdown: `${cut}\n${tail}`, omitted };
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


/***/ })

};
