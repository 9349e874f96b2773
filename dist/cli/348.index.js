export const id = 348;
export const ids = [348];
export const modules = {

/***/ 2348:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  HTML_GENERATOR_META: () => (/* binding */ HTML_GENERATOR_META),
  SHARED_AREA_NAME: () => (/* binding */ SHARED_AREA_NAME),
  htmlReportPath: () => (/* binding */ htmlReportPath),
  renderParetoHtml: () => (/* binding */ renderParetoHtml),
  renderReportHtml: () => (/* binding */ renderReportHtml)
});

// EXTERNAL MODULE: ./src/render/format.ts
var format = __webpack_require__(1509);
;// CONCATENATED MODULE: ./src/render/html/svg.ts
/**
 * Building blocks of the inline SVG charts: escaping, coordinates, axis ticks and a width estimate for
 * text, so labels are laid out without a browser. Pure and deterministic (fixed decimals, no locale).
 */
/** Text and attribute values: every character with a meaning in HTML or XML is an entity. */
function esc(text) {
    return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]);
}
/** A coordinate with at most 2 decimals, no exponent and no '-0'. */
function px(v) {
    const s = Number(v.toFixed(2));
    return String(Object.is(s, -0) ? 0 : s);
}
/** Font size of chart text, px (the page's CSS sets the same). */
const FONT_PX = 12;
/**
 * Width of `text` at `fontPx`, px, from advance widths in em an upper bound for DejaVu Sans and Liberation
 * Sans (the fonts of the CSS, Debian's defaults): digits 0.64, most lowercase ≤ 0.64, capitals ≤ 0.8,
 * m, w, M, W and @ ≤ 1.0, CJK and other wide glyphs 1.2 (nax assumption, checked by the browser test).
 */
function textWidth(text, fontPx = FONT_PX) {
    let em = 0;
    for (const ch of text) {
        if (/[mwMW@%]/.test(ch))
            em += 1.0;
        else if (/[A-Z]/.test(ch))
            em += 0.8;
        else if (/[\u1100-\uffff]/.test(ch) && !/[\u2000-\u2bff]/.test(ch))
            em += 1.2;
        else
            em += 0.64;
    }
    return em * fontPx;
}
/** `text` cut to at most `maxPx` wide, with an ellipsis. */
function fit(text, maxPx, fontPx = FONT_PX) {
    if (textWidth(text, fontPx) <= maxPx)
        return text;
    const chars = [...text];
    while (chars.length > 1 && textWidth(`${chars.join('')}…`, fontPx) > maxPx)
        chars.pop();
    return `${chars.join('')}…`;
}
/** About `count` round tick values from 0 (or lo) to at least `hi`: steps of 1, 2 or 5 × 10^k. */
function linearTicks(lo, hi, count = 5) {
    if (!(hi > lo))
        return [lo];
    const raw = (hi - lo) / count;
    const mag = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw);
    const first = Math.floor(lo / step) * step;
    const out = [];
    for (let k = 0; first + k * step < hi + step * 0.999; k++)
        out.push(Number((first + k * step).toPrecision(12)));
    return out;
}
/** Decades 10^k covering [lo, hi] (both > 0). */
function logTicks(lo, hi) {
    const a = Math.floor(Math.log10(lo));
    const b = Math.ceil(Math.log10(hi));
    const out = [];
    for (let k = a; k <= Math.max(b, a + 1); k++)
        out.push(10 ** k);
    return out;
}
/** A linear map from [d0, d1] to [r0, r1]. */
function scale(d0, d1, r0, r1) {
    const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
    return (v) => r0 + (v - d0) * k;
}
/** Categorical palette (Tableau 10), fixed so every report colours layers the same way. */
const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
/** Colour of the shared tile parts (not a layer). */
const SHARED_COLOUR = '#d9d9d9';
/** A legend in rows that wrap at `width`; returns the SVG and its height. */
function legend(items, x0, y0, width) {
    const sw = 10;
    const gap = 16;
    const rowH = FONT_PX + 8;
    let x = x0;
    let y = y0;
    const parts = [];
    for (const it of items) {
        const label = fit(it.label, width - sw - 6);
        const w = sw + 6 + textWidth(label) + gap;
        if (x > x0 && x + w - gap > x0 + width) {
            x = x0;
            y += rowH;
        }
        parts.push(`<rect class="swatch" x="${px(x)}" y="${px(y + 1)}" width="${sw}" height="${sw}" fill="${it.colour}"/>` +
            `<text x="${px(x + sw + 6)}" y="${px(y + sw)}">${esc(label)}</text>`);
        x += w;
    }
    return { svg: parts.join(''), height: y - y0 + rowH };
}
/** An `<svg>` element of the given size whose viewBox equals its size (the browser test relies on this). */
function svgElement(opts) {
    return `<svg class="chart" data-chart="${esc(opts.chart)}" xmlns="http://www.w3.org/2000/svg" ` +
        `viewBox="0 0 ${px(opts.width)} ${px(opts.height)}" width="${px(opts.width)}" height="${px(opts.height)}" ` +
        `role="img" aria-label="${esc(opts.label)}">${opts.body}</svg>`;
}

;// CONCATENATED MODULE: ./src/render/html/charts.ts
/**
 * The HTML report's charts as inline SVG strings. Every data mark (a bar segment, a chip, a candidate) is an
 * element with class "mark" carrying a `<title>` tooltip; axes, bands and legend swatches use other classes,
 * so a reader (or the browser test) can count marks against the report. Pure.
 */


/** Chart width, px: fits a 1280 px wide window with the page's margins. */
const CHART_WIDTH_PX = 960;
const AXIS_COLOUR = '#666';
const GRID_COLOUR = '#e5e5e5';
function xAxis(ticks, x, y, top, label) {
    return ticks.map((t) => {
        const tx = px(x(t));
        return `<line x1="${tx}" y1="${px(top)}" x2="${tx}" y2="${px(y)}" stroke="${GRID_COLOUR}"/>` +
            `<text x="${tx}" y="${px(y + FONT_PX + 4)}" text-anchor="middle" fill="${AXIS_COLOUR}">${esc(label(t))}</text>`;
    }).join('');
}
/**
 * Horizontal stacked bars, one per row (base, head), one segment per layer, on a linear axis from 0 in
 * `unit`; a segment wide enough carries its layer name and share.
 */
function stackedChart(opts) {
    const W = CHART_WIDTH_PX;
    const barH = 30;
    const gap = 14;
    const left = Math.max(...opts.rows.map((r) => textWidth(r.label))) + 16;
    const totals = opts.rows.map((r) => r.segments.reduce((s, g) => s + g.value, 0));
    const ticks = linearTicks(0, Math.max(...totals, Number.MIN_VALUE));
    const tickLabel = (v) => opts.format(v);
    // Room on the right for the last tick label and for each bar's total written after it.
    const right = Math.max(...ticks.map((t) => textWidth(tickLabel(t)) / 2), ...totals.map((t) => textWidth(opts.format(t)) + 6)) + 8;
    const x = scale(0, ticks[ticks.length - 1], left, W - right);
    const top = 8;
    const axisY = top + opts.rows.length * (barH + gap);
    const parts = [xAxis(ticks, x, axisY, top, tickLabel)];
    opts.rows.forEach((r, i) => {
        const y = top + i * (barH + gap);
        const total = totals[i];
        parts.push(`<text x="${px(left - 8)}" y="${px(y + barH / 2 + FONT_PX / 3)}" text-anchor="end">${esc(r.label)}</text>`);
        let acc = 0;
        for (const s of r.segments) {
            const x0 = x(acc);
            const w = x(acc + s.value) - x0;
            const share = total > 0 ? s.value / total : 0;
            const tip = `${r.label} · ${s.name}: ${opts.format(s.value)} (${(share * 100).toFixed(1)} %)`;
            parts.push(`<rect class="mark" x="${px(x0)}" y="${px(y)}" width="${px(Math.max(0, w))}" height="${barH}" fill="${s.colour}" ` +
                `stroke="#fff" stroke-width="0.5"><title>${esc(tip)}</title></rect>`);
            const text = `${s.name} ${(share * 100).toFixed(0)} %`;
            if (w > textWidth(text) + 8) {
                parts.push(`<text class="inbar" x="${px(x0 + 4)}" y="${px(y + barH / 2 + FONT_PX / 3)}" fill="#111">${esc(text)}</text>`);
            }
            acc += s.value;
        }
        parts.push(`<text class="total" x="${px(x(total) + 6)}" y="${px(y + barH / 2 + FONT_PX / 3)}">${esc(opts.format(total))}</text>`);
    });
    const lg = legend(opts.legend, left, axisY + FONT_PX + 16, W - left - 8);
    parts.push(lg.svg);
    const height = axisY + FONT_PX + 16 + lg.height + 4;
    return svgElement({ chart: opts.chart, width: W, height, label: opts.title, body: parts.join('') });
}
/** Horizontal grouped bars (one group per row, one bar per series) on a linear axis from 0. */
function groupedChart(opts) {
    const W = CHART_WIDTH_PX;
    const barH = 11;
    const n = opts.series.length;
    const groupH = n * barH + 10;
    const labelMax = 200;
    const labels = opts.rows.map((r) => fit(r.label, labelMax));
    const left = Math.max(40, ...labels.map((l) => textWidth(l))) + 14;
    const values = opts.rows.flatMap((r) => r.values.filter((v) => v !== undefined));
    const ticks = linearTicks(0, Math.max(...values, Number.MIN_VALUE));
    const valueRoom = Math.max(...ticks.map((t) => textWidth(opts.format(t)))) + 10;
    const x = scale(0, ticks[ticks.length - 1], left, W - valueRoom);
    const top = 8;
    const axisY = top + opts.rows.length * groupH;
    const parts = [xAxis(ticks, x, axisY, top, opts.format)];
    opts.rows.forEach((r, i) => {
        const y = top + i * groupH;
        parts.push(`<text x="${px(left - 8)}" y="${px(y + (n * barH) / 2 + FONT_PX / 3)}" text-anchor="end">${esc(labels[i])}` +
            `<title>${esc(r.label)}</title></text>`);
        r.values.forEach((v, k) => {
            if (v === undefined)
                return;
            const s = opts.series[k];
            const by = y + k * barH;
            parts.push(`<rect class="mark" x="${px(left)}" y="${px(by)}" width="${px(Math.max(0, x(v) - left))}" height="${barH - 1}" ` +
                `fill="${s.colour}"><title>${esc(`${r.label} · ${s.label}: ${opts.format(v)}`)}</title></rect>`);
            parts.push(`<text class="value" x="${px(x(v) + 4)}" y="${px(by + barH - 2)}" font-size="10">${esc(opts.format(v))}</text>`);
        });
    });
    const lg = legend(opts.series, left, axisY + FONT_PX + 16, W - left - 8);
    parts.push(lg.svg);
    const height = axisY + FONT_PX + 16 + lg.height + 4;
    return svgElement({ chart: opts.chart, width: W, height, label: opts.title, body: parts.join('') });
}
/** One row per report: a dot per chip, the mean as a line, the 95 % interval as a band. */
function chipsChart(opts) {
    const W = CHART_WIDTH_PX;
    const rowH = 44;
    const left = Math.max(...opts.rows.map((r) => textWidth(r.label))) + 16;
    const all = opts.rows.flatMap((r) => [...r.samplesPct, r.meanPct, ...(r.ci95Pct ? [r.ci95Pct.low, r.ci95Pct.high] : [])]);
    const lo = Math.min(...all);
    const hi = Math.max(...all);
    const pad = Math.max(0.1, (hi - lo) * 0.1);
    const ticks = linearTicks(lo - pad, hi + pad, 6);
    const fmt = (v) => `${Number(v.toFixed(2))} %`;
    const right = Math.max(...ticks.map((t) => textWidth(fmt(t)))) / 2 + 8;
    const x = scale(ticks[0], ticks[ticks.length - 1], left + 8, W - right);
    const top = 8;
    const axisY = top + opts.rows.length * rowH;
    const parts = [xAxis(ticks, x, axisY, top, fmt)];
    opts.rows.forEach((r, i) => {
        const cy = top + i * rowH + rowH / 2;
        parts.push(`<text x="${px(left - 8)}" y="${px(cy + FONT_PX / 3)}" text-anchor="end">${esc(r.label)}</text>`);
        if (r.ci95Pct) {
            parts.push(`<rect class="ci" x="${px(x(r.ci95Pct.low))}" y="${px(cy - 14)}" width="${px(x(r.ci95Pct.high) - x(r.ci95Pct.low))}" ` +
                `height="28" fill="${r.colour}" fill-opacity="0.18"><title>${esc(`${r.label}: 95 % interval ${fmt(r.ci95Pct.low)} – ${fmt(r.ci95Pct.high)}`)}</title></rect>`);
        }
        parts.push(`<line class="mean" x1="${px(x(r.meanPct))}" y1="${px(cy - 16)}" x2="${px(x(r.meanPct))}" y2="${px(cy + 16)}" ` +
            `stroke="${r.colour}" stroke-width="2"><title>${esc(`${r.label}: mean ${fmt(r.meanPct)}`)}</title></line>`);
        r.samplesPct.forEach((s, k) => {
            // Deterministic vertical offsets so equal accuracies stay visible as separate chips.
            const dy = ((k % 5) - 2) * 4;
            parts.push(`<circle class="mark" cx="${px(x(s))}" cy="${px(cy + dy)}" r="4" fill="${r.colour}" fill-opacity="0.85" stroke="#fff" ` +
                `stroke-width="0.5"><title>${esc(`${r.label}, chip ${k + 1}: ${fmt(s)}`)}</title></circle>`);
        });
    });
    const items = [{ label: 'dot: one chip (Monte Carlo sample)', colour: '#888' },
        { label: 'line: mean', colour: '#888' }, { label: 'band: 95 % interval (when the report has one)', colour: '#ccc' }];
    const lg = legend(items, left, axisY + FONT_PX + 16, W - left - 8);
    parts.push(lg.svg);
    const height = axisY + FONT_PX + 16 + lg.height + 4;
    return svgElement({ chart: opts.chart, width: W, height, label: opts.title, body: parts.join('') });
}
const KIND_COLOUR = { committed: '#111111', homogeneous: PALETTE[0], costOnly: PALETTE[3], random: PALETTE[6], searched: PALETTE[1] };
/** Non-ideal accuracy vs EDAP on a log axis, the Pareto front as a line, baselines and the committed model labelled. */
function paretoChart(opts) {
    const W = CHART_WIDTH_PX;
    const H = 420;
    const pts = opts.points.filter((p) => p.edap > 0 && Number.isFinite(p.edap));
    const accs = pts.map((p) => p.accuracyPct);
    const lo = Math.min(...accs);
    const hi = Math.max(...accs);
    const pad = Math.max(0.2, (hi - lo) * 0.08);
    const yTicks = linearTicks(lo - pad, hi + pad, 6);
    const fmtY = (v) => `${Number(v.toFixed(2))} %`;
    const left = Math.max(...yTicks.map((t) => textWidth(fmtY(t)))) + 36;
    const xTicks = logTicks(Math.min(...pts.map((p) => p.edap)), Math.max(...pts.map((p) => p.edap)));
    const fmtX = (v) => v.toExponential(0).replace('e', 'e');
    const right = textWidth(fmtX(xTicks[xTicks.length - 1])) / 2 + 10;
    const top = 12;
    const plotBottom = H - 48;
    const lx = (v) => Math.log10(v);
    const x0 = scale(lx(xTicks[0]), lx(xTicks[xTicks.length - 1]), left, W - right);
    const x = (v) => x0(lx(v));
    const y = scale(yTicks[0], yTicks[yTicks.length - 1], plotBottom, top);
    const parts = [];
    for (const t of xTicks) {
        parts.push(`<line x1="${px(x(t))}" y1="${top}" x2="${px(x(t))}" y2="${plotBottom}" stroke="${GRID_COLOUR}"/>` +
            `<text x="${px(x(t))}" y="${px(plotBottom + FONT_PX + 4)}" text-anchor="middle" fill="${AXIS_COLOUR}">${esc(fmtX(t))}</text>`);
    }
    for (const t of yTicks) {
        parts.push(`<line x1="${px(left)}" y1="${px(y(t))}" x2="${px(W - right)}" y2="${px(y(t))}" stroke="${GRID_COLOUR}"/>` +
            `<text x="${px(left - 6)}" y="${px(y(t) + FONT_PX / 3)}" text-anchor="end" fill="${AXIS_COLOUR}">${esc(fmtY(t))}</text>`);
    }
    parts.push(`<text x="${px((left + W - right) / 2)}" y="${px(plotBottom + 2 * FONT_PX + 12)}" text-anchor="middle">` +
        'EDAP, J·s·mm² (log scale) — lower is better</text>');
    parts.push(`<text transform="translate(${px(12)} ${px((top + plotBottom) / 2)}) rotate(-90)" text-anchor="middle" dy="${FONT_PX / 2}">` +
        'non-ideal accuracy</text>');
    const front = pts.filter((p) => p.onFront).sort((a, b) => a.edap - b.edap);
    if (front.length > 1) {
        const d = front.map((p) => `${px(x(p.edap))},${px(y(p.accuracyPct))}`).join(' ');
        parts.push(`<polyline class="front" points="${d}" fill="none" stroke="#59a14f" stroke-width="2" stroke-dasharray="5 3"/>`);
    }
    // The committed model last, as an unfilled ring: a baseline at the same point stays visible inside it.
    const drawOrder = [...pts.filter((p) => p.kind !== 'committed'), ...pts.filter((p) => p.kind === 'committed')];
    for (const p of drawOrder) {
        const r = p.kind === 'committed' ? 7 : 5;
        const tip = `${p.label}: ${fmtY(p.accuracyPct)}, EDAP ${p.edap.toExponential(3)}${p.onFront ? ', on the front' : ''}${p.best ? ', proposed' : ''}`;
        parts.push(`<circle class="mark" data-kind="${p.kind}" cx="${px(x(p.edap))}" cy="${px(y(p.accuracyPct))}" r="${r}" ` +
            `fill="${p.kind === 'committed' ? 'none' : KIND_COLOUR[p.kind]}" stroke="${KIND_COLOUR[p.kind]}" stroke-width="${p.kind === 'committed' ? 2.5 : 1}">` +
            `<title>${esc(tip)}</title></circle>`);
    }
    // Labels for the committed model, the baselines and the proposed candidate; flipped left near the right
    // edge, and moved down or up a line when they would cover a label already placed (equal points).
    const placed = [];
    const overlaps = (b) => placed.some((p) => b.x0 < p.x1 && p.x0 < b.x1 && b.y0 < p.y1 && p.y0 < b.y1);
    for (const p of pts.filter((q) => q.kind !== 'searched' || q.best)) {
        const text = fit(p.best ? `★ ${p.label}` : p.label, 220);
        const cx = x(p.edap);
        const w = textWidth(text);
        const flip = cx + 9 + w > W - 2;
        const tx = flip ? cx - 9 - w : cx + 9;
        const clampY = (v) => Math.min(plotBottom - 4, Math.max(top + FONT_PX, v));
        const line = FONT_PX + 3;
        const tries = [0, line, -line, 2 * line, -2 * line, 3 * line].map((d) => clampY(y(p.accuracyPct) - 9 + d));
        const box = (ty) => ({ x0: tx, x1: tx + w, y0: ty - FONT_PX, y1: ty + 3 });
        const ty = tries.find((t) => !overlaps(box(t))) ?? tries[0];
        placed.push(box(ty));
        parts.push(`<text class="point-label" x="${px(flip ? cx - 9 : cx + 9)}" y="${px(ty)}"${flip ? ' text-anchor="end"' : ''}>${esc(text)}</text>`);
    }
    const items = [
        { label: 'committed model', colour: KIND_COLOUR.committed },
        { label: 'homogeneous baseline', colour: KIND_COLOUR.homogeneous },
        ...(pts.some((p) => p.kind === 'costOnly') ? [{ label: 'cost-only optimum', colour: KIND_COLOUR.costOnly }] : []),
        ...(pts.some((p) => p.kind === 'random') ? [{ label: 'random search', colour: KIND_COLOUR.random }] : []),
        { label: 'searched candidate', colour: KIND_COLOUR.searched },
        { label: 'Pareto front (dashed)', colour: '#59a14f' },
    ];
    const lg = legend(items, left, H + 4, W - left - 8);
    parts.push(lg.svg);
    return svgElement({ chart: opts.chart, width: W, height: H + 4 + lg.height + 4, label: opts.title, body: parts.join('') });
}
/** SI formatter for a chart axis in `unit`. */
function siFormat(unit) {
    return (v) => (0,format/* formatSi */.Mo)(v, unit);
}

;// CONCATENATED MODULE: ./src/render/html/report-page.ts



const CSS = `
:root { color-scheme: light; }
body { font: 14px/1.45 -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; color: #1f2328; margin: 0; background: #fff; }
main { max-width: ${CHART_WIDTH_PX + 40}px; margin: 0 auto; padding: 16px 20px 40px; }
h1 { font-size: 22px; margin: 8px 0 4px; } h2 { font-size: 17px; margin: 28px 0 6px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
p.meta, p.note { color: #59636e; margin: 4px 0 10px; font-size: 13px; }
table { border-collapse: collapse; font-size: 13px; margin: 8px 0; }
th, td { border: 1px solid #d0d7de; padding: 4px 10px; text-align: right; } th:first-child, td:first-child { text-align: left; }
th { background: #f6f8fa; }
code { font: 12px ui-monospace, "DejaVu Sans Mono", monospace; background: #f6f8fa; padding: 1px 4px; border-radius: 4px; }
svg.chart { display: block; max-width: 100%; height: auto; font: 12px "DejaVu Sans", Helvetica, Arial, sans-serif; }
svg.chart text { font-size: 12px; } svg.chart text.value { font-size: 10px; }
`.trim();
/** Marks a file as a nax HTML report, so the action may replace its own earlier output but no other file. */
const HTML_GENERATOR_META = '<meta name="generator" content="nax">';
function page(title, body) {
    return [
        '<!DOCTYPE html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        HTML_GENERATOR_META,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        // Nothing may load: no script, no external style, image or font (the file is opened from an artifact).
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
        `<title>${esc(title)}</title>`,
        `<style>${CSS}</style>`,
        '</head>',
        '<body>',
        '<main>',
        ...body,
        '</main>',
        '</body>',
        '</html>',
        '',
    ].join('\n');
}
/** Layer names of head, then those only base has, each with a fixed colour. */
function layerColours(head, base) {
    const names = [...head.cost.layers.map((l) => l.name)];
    for (const l of base?.cost.layers ?? [])
        if (!names.includes(l.name))
            names.push(l.name);
    return new Map(names.map((n, i) => [n, PALETTE[i % PALETTE.length]]));
}
/** Name of the shared tile parts in the area chart. */
const SHARED_AREA_NAME = 'tiles: eDRAM, bus, router';
function segments(r, metric, colours) {
    const segs = r.cost.layers.map((l) => ({ name: l.name, value: l[metric], colour: colours.get(l.name) }));
    // Older reports may lack the split of the area; then the chart shows the layers only.
    const shared = r.cost.totals.tileSharedAreaMm2 ?? 0;
    if (metric === 'areaMm2' && shared > 0)
        segs.push({ name: SHARED_AREA_NAME, value: shared, colour: SHARED_COLOUR });
    return segs;
}
function sides(input) {
    return input.base ? [{ label: 'base', report: input.base }, { label: 'head', report: input.head }] : [{ label: 'head', report: input.head }];
}
function costCharts(input) {
    const colours = layerColours(input.head, input.base);
    const items = [...colours].map(([label, colour]) => ({ label, colour }));
    const metrics = [
        { metric: 'energyJ', chart: 'energy', title: 'Energy per inference', format: siFormat('J'), note: 'Σ of the layers = the total.' },
        { metric: 'delayS', chart: 'latency', title: 'Latency per inference (layer-serial)', format: siFormat('s'), note: 'Layers run one after another: Σ of the layers = the total.' },
        { metric: 'areaMm2', chart: 'area', title: 'Area', format: (v) => (0,format/* formatMm2 */.sG)(v), note: 'Layers plus the tiles\u2019 shared eDRAM, bus and router.' },
    ];
    const out = [];
    for (const m of metrics) {
        const rows = sides(input).map((s) => ({ label: s.label, segments: segments(s.report, m.metric, colours) }));
        const legendItems = m.metric === 'areaMm2' && rows.some((r) => r.segments.some((g) => g.name === SHARED_AREA_NAME))
            ? [...items, { label: SHARED_AREA_NAME, colour: SHARED_COLOUR }]
            : items;
        out.push(`<h3>${esc(m.title)}</h3>`, `<p class="note">${esc(m.note)}</p>`, stackedChart({ chart: m.chart, title: m.title, unit: '', rows, legend: legendItems, format: m.format }));
    }
    return out;
}
function nfChart(input) {
    const names = [...layerColours(input.head, input.base).keys()];
    const nfOf = (r, n) => {
        const v = r?.layers.find((l) => l.name === n)?.nf?.mean;
        return v === undefined ? undefined : v * 100;
    };
    const rows = names.map((n) => ({ label: n, values: input.base ? [nfOf(input.base, n), nfOf(input.head, n)] : [nfOf(input.head, n)] }));
    if (!rows.some((r) => r.values.some((v) => v !== undefined)))
        return ['<p class="note">No NF: this report has no simulation (cost only).</p>'];
    const series = input.base
        ? [{ label: 'base', colour: PALETTE[0] }, { label: 'head', colour: PALETTE[1] }]
        : [{ label: 'head', colour: PALETTE[1] }];
    return [
        '<p class="note">Mean non-ideality factor NF = (I<sub>ideal</sub> − I<sub>non-ideal</sub>) / I<sub>ideal</sub> of the column currents, in %.</p>',
        groupedChart({ chart: 'nf', title: 'NF per layer', series, rows, format: (v) => `${v.toFixed(2)} %` }),
    ];
}
function chipRow(label, r, colour) {
    const a = r.accuracy?.nonIdeal;
    if (!a || a.samples.length === 0)
        return undefined;
    return {
        label,
        colour,
        samplesPct: a.samples.map((s) => s * 100),
        meanPct: a.mean * 100,
        ...(a.ci95 ? { ci95Pct: { low: a.ci95.low * 100, high: a.ci95.high * 100 } } : {}),
    };
}
function accuracySection(input) {
    const rows = sides(input)
        .map((s, i) => chipRow(s.label, s.report, input.base ? PALETTE[i] : PALETTE[1]))
        .filter((r) => r !== undefined);
    if (rows.length === 0)
        return ['<p class="note">No accuracy: this report has no simulation (cost only).</p>'];
    const d = input.head.accuracy?.delta;
    const delta = d
        ? `<p class="note">Δ non-ideal accuracy head − base: <b>${esc(signedPp(d.pp))}</b>, 95 % interval [${esc(signedPp(d.ciLowPp))}, ` +
            `${esc(signedPp(d.ciHighPp))}] (${esc(d.method)}; ${(0,format/* formatCount */.B4)(d.images)} images × ${(0,format/* formatCount */.B4)(d.chips)} chips; ` +
            `minimum detectable effect ${d.mdePp.toFixed(2)} pp).</p>`
        : '';
    return [delta, chipsChart({ chart: 'accuracy', title: 'Non-ideal accuracy per chip', rows })];
}
function signedPp(v) {
    return `${v > 0 ? '+' : ''}${v.toFixed(2)} pp`;
}
function accuracyText(r) {
    const a = r?.accuracy?.nonIdeal;
    if (!a)
        return '—';
    const ci = a.ci95 ? ` [${(a.ci95.low * 100).toFixed(2)}, ${(a.ci95.high * 100).toFixed(2)}]` : '';
    return `${(0,format/* formatPct */.R8)(a.mean * 100)}${ci}`;
}
function totalsTable(input) {
    const b = input.base;
    const h = input.head;
    const t = (r) => r?.totals;
    const rows = [
        ['Accuracy, ideal (float)', b?.accuracy ? (0,format/* formatPct */.R8)(b.accuracy.ideal * 100) : '—', h.accuracy ? (0,format/* formatPct */.R8)(h.accuracy.ideal * 100) : '—', undefined],
        ['Accuracy, non-ideal (mean [95 % CI])', accuracyText(b), accuracyText(h), h.accuracy?.delta ? signedPp(h.accuracy.delta.pp) : undefined],
        ['Energy / inference', (0,format/* formatSi */.Mo)(t(b)?.energyJ, 'J'), (0,format/* formatSi */.Mo)(h.totals.energyJ, 'J'), change(t(b)?.energyJ, h.totals.energyJ)],
        ['Latency / inference', (0,format/* formatSi */.Mo)(t(b)?.delayS, 's'), (0,format/* formatSi */.Mo)(h.totals.delayS, 's'), change(t(b)?.delayS, h.totals.delayS)],
        ['Area', (0,format/* formatMm2 */.sG)(t(b)?.areaMm2), (0,format/* formatMm2 */.sG)(h.totals.areaMm2), change(t(b)?.areaMm2, h.totals.areaMm2)],
        ['EDAP (J·s·mm²)', (0,format/* formatEdap */.o8)(t(b)?.edap), (0,format/* formatEdap */.o8)(h.totals.edap), change(t(b)?.edap, h.totals.edap)],
        ['Crossbars', (0,format/* formatCount */.B4)(t(b)?.crossbars), (0,format/* formatCount */.B4)(h.totals.crossbars), change(t(b)?.crossbars, h.totals.crossbars)],
    ];
    const head = b ? '<tr><th>Metric</th><th>Base</th><th>Head</th><th>Δ</th></tr>' : '<tr><th>Metric</th><th>Value</th></tr>';
    const body = rows.map(([m, bv, hv, d]) => b
        ? `<tr><td>${esc(m)}</td><td>${esc(bv ?? '—')}</td><td>${esc(hv)}</td><td>${esc(d ?? '')}</td></tr>`
        : `<tr><td>${esc(m)}</td><td>${esc(hv)}</td></tr>`);
    return `<table class="totals">${head}${body.join('')}</table>`;
}
function change(b, h) {
    if (b === undefined)
        return undefined;
    return (0,format/* formatChangePct */.jj)(b === 0 ? (h === 0 ? 0 : Infinity) : ((h - b) / b) * 100);
}
function layerRows(r) {
    const t = r.totals;
    const rows = r.cost.layers.map((l) => {
        const nf = r.layers.find((x) => x.name === l.name)?.nf?.mean;
        return `<tr><td><code>${esc(l.name)}</code></td><td>${(0,format/* formatCount */.B4)(l.crossbars)}</td><td>${(0,format/* formatCount */.B4)(l.adcs)}</td>` +
            `<td>${esc((0,format/* formatMm2 */.sG)(l.areaBreakdownMm2?.adc))}</td><td>${share(l.energyJ, t.energyJ)}</td><td>${share(l.delayS, t.delayS)}</td>` +
            `<td>${share(l.areaMm2, t.areaMm2)}</td><td>${esc((0,format/* formatNf */.y3)(nf))}</td></tr>`;
    });
    rows.push(`<tr><td>${esc(SHARED_AREA_NAME)}</td><td></td><td></td><td></td><td>—</td><td>—</td>` +
        `<td>${share(r.cost.totals.tileSharedAreaMm2 ?? 0, t.areaMm2)}</td><td></td></tr>`);
    return `<table class="layers"><tr><th>Layer</th><th>Crossbars</th><th>ADCs</th><th>ADC area</th><th>Energy share</th>` +
        `<th>Latency share</th><th>Area share</th><th>NF mean</th></tr>${rows.join('')}</table>`;
}
function share(part, total) {
    return total > 0 ? `${((part / total) * 100).toFixed(1)} %` : '—';
}
function meta(input) {
    const h = input.head;
    const s = h.settings;
    const settings = s
        ? `seed ${s.seed}, ${s.monteCarloSamples} Monte Carlo sample${s.monteCarloSamples === 1 ? '' : 's'}, ${(0,format/* formatCount */.B4)(s.evalImages)} images, IR drop ${esc(s.irDrop)}`
        : 'cost only, no simulation';
    const commits = input.base
        ? `base <code>${esc((0,format/* shortSha */.Fu)(input.base.commit))}</code> → head <code>${esc((0,format/* shortSha */.Fu)(h.commit))}</code>`
        : `commit <code>${esc((0,format/* shortSha */.Fu)(h.commit))}</code>`;
    return `<p class="meta">${commits} · ${settings} · backend ${esc(h.backend)} · nax ${esc(h.tool.version)}</p>`;
}
/** The HTML report of one simulation, or of a comparison when `base` is given. */
function renderReportHtml(input) {
    return page(`nax report — ${input.title}`, [
        `<h1>nax report: <code>${esc(input.title)}</code></h1>`,
        meta(input),
        totalsTable(input),
        '<h2>Cost per layer</h2>',
        '<p class="note">Stacked bars: each segment is a layer\u2019s part of the network total; EDAP = energy × latency × area of the ' +
            'whole network, a product of these sums.</p>',
        ...costCharts(input),
        '<h2>Non-ideality factor per layer</h2>',
        ...nfChart(input),
        '<h2>Accuracy per chip</h2>',
        ...accuracySection(input),
        '<h2>Per-layer table (head)</h2>',
        layerRows(input.head),
    ]);
}
/** The HTML page of a search's pareto.json: the Pareto scatter and the candidate table. */
function renderParetoHtml(doc, title) {
    const front = new Set(doc.front);
    const points = doc.candidates.map((c) => ({
        id: c.id, label: c.label, kind: c.kind, accuracyPct: c.accuracy * 100, edap: c.edap, onFront: front.has(c.id), best: c.id === doc.best,
    }));
    const rows = doc.candidates.map((c) => `<tr><td>${esc(c.label)}${c.id === doc.best ? ' ★' : ''}</td><td>${esc(c.kind)}</td>` +
        `<td>${esc((0,format/* formatPct */.R8)(c.accuracy * 100))}</td><td>${esc((0,format/* formatPct */.R8)(c.idealAccuracy * 100))}</td>` +
        `<td>${c.quantisedAccuracy === undefined ? '—' : esc((0,format/* formatPct */.R8)(c.quantisedAccuracy * 100))}</td><td>${esc((0,format/* formatSi */.Mo)(c.energyJ, 'J'))}</td><td>${esc((0,format/* formatSi */.Mo)(c.delayS, 's'))}</td>` +
        `<td>${esc((0,format/* formatMm2 */.sG)(c.areaMm2))}</td><td>${esc((0,format/* formatEdap */.o8)(c.edap))}</td><td>${front.has(c.id) ? 'yes' : ''}</td></tr>`);
    const best = doc.candidates.find((c) => c.id === doc.best);
    return page(`nax search — ${title}`, [
        `<h1>nax search: <code>${esc(title)}</code></h1>`,
        `<p class="meta">${doc.candidates.length} candidates · objective ${esc(doc.objective)} · ` +
            (best ? `proposed: <b>${esc(best.label)}</b> (${!doc.candidates.some((c) => c.kind === 'committed') ? 'the committed model was not evaluated' : doc.beatsCommitted ? 'beats' : 'does not beat'}${doc.candidates.some((c) => c.kind === 'committed') ? ' the committed model' : ''})` : 'no candidate proposed') + '</p>',
        '<h2>Non-ideal accuracy vs EDAP</h2>',
        paretoChart({ chart: 'pareto', title: 'Non-ideal accuracy vs EDAP', points }),
        '<h2>Candidates</h2>',
        `<table class="candidates"><tr><th>Candidate</th><th>Kind</th><th>Non-ideal acc.</th><th>Ideal acc.</th><th>Quantised acc.</th><th>Energy</th><th>Latency</th><th>Area</th>` +
            `<th>EDAP J·s·mm²</th><th>Front</th></tr>${rows.join('')}</table>`,
    ]);
}
/** Where the HTML report of a report file goes: next to it, `.json` replaced by `.html`. */
function htmlReportPath(reportPath) {
    return `${reportPath.replace(/\.json$/i, '')}.html`;
}


/***/ })

};
