import { describe, expect, test } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { compareReports } from '../../src/compare/compare-reports.js';
import { parseBudgets } from '../../src/config/budgets.js';
import { code, mermaidLabel } from '../../src/render/escape.js';
import { formatChangePct, formatEdap, formatPp, formatSi } from '../../src/render/format.js';
import {
  COMMENT_LIMIT,
  COMMENT_MARKER,
  GITHUB_COMMENT_MAX_CHARS,
  SUMMARY_LIMIT,
  renderMarkdown,
} from '../../src/render/markdown.js';
import { CHART_COLOURS, CHART_MAX_LAYERS, CHART_TOP_LAYERS, edapChart } from '../../src/render/mermaid.js';
import { edapContributionPp } from '../../src/render/layer-shares.js';
import { layerTable } from '../../src/render/tables.js';
import type { RenderInput } from '../../src/render/render-input.js';
import { renderText } from '../../src/render/text.js';
import type { AccuracyDelta, NaxReport } from '../../src/report.js';
import type { BudgetResolution } from '../../src/compare/comparison.js';
import { loadReport, mutable } from '../compare/reports.js';

const base = loadReport('base');
const head = loadReport('head');
const budgets = parseBudgets({
  maxEdapIncreasePct: { warn: 10, fail: 20 },
  maxEdap: 1e-8,
  maxAccuracyDropPp: { warn: 0.5, fail: 2 },
  minAccuracyPct: 90,
}, 'nax.yml', 'budgets');

function input(b: NaxReport | undefined, h: NaxReport, extra: Partial<RenderInput> = {}): RenderInput {
  return {
    comparison: compareReports(b, h, budgets),
    baseline: b
      ? { commit: b.commit, ref: 'master', resolvedBy: 'first parent of the PR merge commit' }
      : { commit: base.commit, ref: 'master', resolvedBy: 'first parent of the PR merge commit', missingReason: 'the base commit f95f852 has no nax.yml' },
    headSha: h.commit,
    toolVersion: '0.1.0',
    origin: 'this-job',
    runUrl: 'https://github.com/Codertocat/Hello-World/actions/runs/30433642',
    reportName: 'nax-report.json',
    htmlReportName: 'nax-report.html',
    ...extra,
  };
}

/** Compares with a committed file; UPDATE_EXPECTED=1 rewrites it (review the diff before committing). */
function expectFile(actual: string, rel: string): void {
  const url = new URL(`../../fixtures/github/${rel}`, import.meta.url);
  if (process.env.UPDATE_EXPECTED === '1') writeFileSync(url, actual);
  expect(actual).toBe(readFileSync(url, 'utf8'));
}

/** A head with `n` copies of conv1 (for size limits). */
function wideHead(n: number, changedEvery = 0): NaxReport {
  const h = mutable(head);
  const layer = h.layers[0];
  const cost = h.cost.layers[0];
  h.layers = [];
  h.cost.layers = [];
  for (let i = 0; i < n; i++) {
    const name = `block${String(i).padStart(4, '0')}_conv`;
    h.layers.push({ ...layer, name });
    const scale = changedEvery > 0 && i % changedEvery === 0 ? 1.5 : 1;
    h.cost.layers.push({ ...cost, name, energyJ: cost.energyJ * scale, edap: cost.edap * scale });
  }
  return h as NaxReport;
}

function wideBase(n: number): NaxReport {
  return wideHead(n, 0);
}

describe('format', () => {
  test('SI prefixes, EDAP, signed changes', () => {
    expect(formatSi(1.234e-6, 'J')).toBe('1.23 µJ');
    expect(formatSi(999.9e-9, 's')).toBe('1.00 µs');
    expect(formatSi(0, 'J')).toBe('0 J');
    expect(formatEdap(1.4350204e-9)).toBe('1.44e-9');
    expect(formatChangePct(5.234)).toBe('+5.23 %');
    expect(formatChangePct(-0.001)).toBe('±0.00 %');
    expect(formatChangePct(Infinity)).toBe('new (base 0)');
    expect(formatPp(-0.9333)).toBe('-0.93 pp');
  });
});

describe('renderMarkdown: the PR comment', () => {
  test('full comment equals fixtures/github/expected-comment.md', () => {
    const r = renderMarkdown(input(base, head), COMMENT_LIMIT);
    expect(r.omitted).toEqual([]);
    expect(r.markdown.startsWith(`${COMMENT_MARKER}\n`)).toBe(true);
    expectFile(r.markdown, 'expected-comment.md');
  });

  test('no baseline is said plainly (fixtures/github/expected-comment-no-baseline.md)', () => {
    const r = renderMarkdown(input(undefined, head), COMMENT_LIMIT);
    expect(r.markdown).toContain('### ➖ nax: no baseline');
    expect(r.markdown).toContain('**No baseline:** the base commit f95f852 has no nax.yml.');
    expect(r.markdown).toContain('This is not a pass.');
    expect(r.markdown).not.toMatch(/within budget/);
    expectFile(r.markdown, 'expected-comment-no-baseline.md');
  });

  test('acknowledged regression: still shown, verdict warn, says acknowledged', () => {
    const r = renderMarkdown({
      ...input(base, head),
      comparison: compareReports(base, head, budgets, { acknowledgement: { by: "label 'nax-accept-regression'" } }),
    }, COMMENT_LIMIT).markdown;
    expect(r).toContain('### ⚠️ nax: over budget, acknowledged');
    expect(r).toContain('Verdict **warn**');
    expect(r).toContain("Regression acknowledged by label 'nax-accept-regression'");
    expect(r).toContain('❌ EDAP increase +22.45 % exceeds the fail budget +20 %');
  });

  test('the comment of a comment-mode run says the baseline was computed in the check job', () => {
    const r = renderMarkdown(input(base, head, { origin: 'check-job' }), COMMENT_LIMIT).markdown;
    expect(r).toContain('recomputed from git in the check job');
  });

  test('notes (e.g. a failed comment) appear as warnings', () => {
    const r = renderMarkdown(input(base, head, { notes: ['Could not post the PR comment (403).'] }), SUMMARY_LIMIT).markdown;
    expect(r).toContain('> [!WARNING]\n> Could not post the PR comment (403).');
  });
});

describe('renderMarkdown: size limits', () => {
  test('too many layers: per-layer table dropped first, with a note, under 65,536 characters', () => {
    const b = wideBase(3000);
    const h = wideHead(3000, 1);
    const r = renderMarkdown(input(b, h), COMMENT_LIMIT);
    expect(r.markdown.length).toBeLessThan(GITHUB_COMMENT_MAX_CHARS);
    expect(r.markdown.length).toBeLessThanOrEqual(COMMENT_LIMIT.max);
    expect(r.omitted).toEqual(['the per-layer table']);
    expect(r.markdown).toContain("Truncated to stay under GitHub's size limit: the per-layer table left out");
    expect(r.markdown.startsWith(COMMENT_MARKER)).toBe(true);
    expect(r.markdown).toContain('| EDAP (J·s·mm²) |');
    expect(r.markdown).not.toContain('<details>');
    // The chart survives, capped to the largest layers.
    expect(r.markdown).toContain('xychart-beta');
    // The summary has room for everything.
    const s = renderMarkdown(input(b, h), SUMMARY_LIMIT);
    expect(s.omitted).toEqual([]);
    expect(s.markdown).toContain('block2999_conv');
  });

  test('only a few changed layers among many: the table keeps the changed ones', () => {
    const r = renderMarkdown(input(wideBase(1500), wideHead(1500, 100)), COMMENT_LIMIT);
    expect(r.omitted).toEqual(['1485 unchanged layers of the per-layer table']);
    expect(r.markdown).toContain('`block0100_conv`');
    expect(r.markdown).not.toContain('`block0101_conv`');
    expect(r.markdown).toContain('Only changed layers are listed');
    expect(r.markdown.length).toBeLessThanOrEqual(COMMENT_LIMIT.max);
  });

  test('a pathological input is cut at a line, still under the limit, still with the marker and a note', () => {
    const r = renderMarkdown(input(base, head, { baseline: { commit: base.commit, ref: 'x'.repeat(200_000), resolvedBy: 'test' } }), COMMENT_LIMIT);
    expect(r.markdown.length).toBeLessThanOrEqual(COMMENT_LIMIT.max);
    expect(r.markdown.startsWith(COMMENT_MARKER)).toBe(true);
    expect(r.omitted).toContain('the end of the text');
  });
});

describe('untrusted names', () => {
  const evil = 'x|y` @octocat <!-- nax-report --> </details>\n```';
  test('code spans hold anything, including backticks and pipes', () => {
    expect(code('conv1')).toBe('`conv1`');
    expect(code('a`b')).toBe('``a`b``');
    expect(code('a|b')).toBe('`a\\|b`');
    expect(code('`x')).toBe('`` `x ``');
  });

  test('a hostile layer name cannot close the table, the details block or the mermaid fence', () => {
    const h = mutable(head);
    h.layers[1].name = evil;
    h.cost.layers[1].name = evil;
    const md = renderMarkdown(input(base, h as NaxReport), COMMENT_LIMIT).markdown;
    const lines = md.split('\n');
    // Structure is decided by whole lines: one </details>, one mermaid fence pair, the marker only on line 1.
    expect(lines.filter((l) => l === '</details>')).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('```'))).toEqual(['```mermaid', '```']);
    // Outside code spans, the marker is only on line 1 and nobody is mentioned.
    const stripCode = (l: string) => l.replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
    expect(lines.filter((l) => stripCode(l).includes(COMMENT_MARKER))).toEqual([COMMENT_MARKER]);
    expect(lines.filter((l) => stripCode(l).includes('@octocat'))).toEqual([]);
    // Every row of the per-layer table keeps the header's cell count (a pipe in the name is escaped).
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    const table = lines.filter((l) => l.startsWith('| Layer') || (l.startsWith('|') && l.includes('`` x')));
    expect(table.length).toBeGreaterThan(1);
    expect(table.map(cells)).toEqual(table.map(() => cells(table[0])));
    // The name sits in a code span (no mention, no HTML).
    expect(md).toContain('| ```` x\\|y` @octocat <!-- nax-report --> </details> ``` ```` |');
    expect(mermaidLabel(evil)).toBe('x_y_ _octocat __-- nax-…');
  });
});

describe('edapChart', () => {
  test('base and head side by side as shares of EDAP, fixed palette, explicit axis, a legend line', () => {
    const chart = edapChart(compareReports(base, head, budgets))!;
    expect(chart.markdown).toContain('x-axis ["conv1 base", "conv1 head", "conv2 base", "conv2 head"');
    expect(chart.markdown).toContain(`"plotColorPalette": "${CHART_COLOURS.base}, ${CHART_COLOURS.head}"`);
    expect(chart.markdown).toMatch(/^ {2}y-axis "share of EDAP \(%\)" 0 --> 60$/m);
    expect(chart.markdown.match(/^ {2}bar /gm)).toHaveLength(2);
    expect(chart.legend).toMatch(/^Blue: base, orange: head\./);
    expect(chart.omittedLayers).toBe(0);
  });

  test('large networks: changed layers plus the largest unchanged ones, never more than 20 bars', () => {
    const c = compareReports(wideBase(100), wideHead(100, 3), budgets);
    const chart = edapChart(c)!;
    const bars = (chart.markdown.match(/x-axis \[(.*)\]/)![1].match(/"/g) ?? []).length / 2;
    expect(bars).toBeLessThanOrEqual(2 * CHART_MAX_LAYERS);
    expect(bars).toBe(2 * chart.layers.length);
    // 34 layers changed (every third): only changed layers fit, the largest first.
    expect(chart.layers.every((n) => Number(n.slice(5, 9)) % 3 === 0)).toBe(true);
    expect(chart.omittedLayers).toBe(100 - CHART_MAX_LAYERS);
    // Two changed layers among 30: both, plus the top unchanged ones.
    const few = edapChart(compareReports(wideBase(30), wideHead(30, 16), budgets))!;
    expect(few.layers.filter((n) => n === 'block0000_conv' || n === 'block0016_conv')).toHaveLength(2);
    expect(few.layers).toHaveLength(2 + CHART_TOP_LAYERS);
  });
});

describe('per-layer shares', () => {
  const parse = (cell: string) => Number(/([\d.]+) %/.exec(cell.split(' (')[0].split(' → ').pop()!)![1]);
  test('energy, latency and area shares of head add up to 100 % (tiles row included)', () => {
    const rows = layerTable(compareReports(base, head, budgets), { name: (n) => n, withBase: true });
    const [header, ...body] = rows;
    const parts = body.filter((r) => r[0] !== 'total' && r[1] !== 'removed');
    for (const col of ['Energy share', 'Latency share', 'Area share', 'EDAP share']) {
      const i = header.indexOf(col);
      const sum = parts.reduce((s, r) => s + (r[i] === '—' ? 0 : parse(r[i])), 0);
      // One-decimal rounding of ≤ 6 rows.
      expect(Math.abs(sum - 100)).toBeLessThanOrEqual(0.3);
    }
  });

  test("one layer's energy grows by ε: its EDAP Δ part equals the exact EDAP change", () => {
    const h = mutable(base);
    const l = h.cost.layers[1];
    const eps = 0.25;
    h.cost.layers[1] = { ...l, energyJ: l.energyJ * (1 + eps), edap: l.edap * (1 + eps) };
    const energyJ = base.totals.energyJ + eps * l.energyJ;
    h.totals = { ...base.totals, energyJ, edap: energyJ * base.totals.delayS * base.totals.areaMm2 };
    const c = compareReports(base, h as NaxReport, budgets);
    const conv2 = c.layers.find((x) => x.name === l.name)!;
    // Only E moves, so EDAP changes by exactly ΔE/E.
    expect(edapContributionPp(conv2, c)).toBeCloseTo(c.totals.edap.changePct!, 10);
    expect(edapContributionPp(conv2, c)).toBeCloseTo(100 * eps * l.energyJ / base.totals.energyJ, 10);
    expect(c.layers.filter((x) => x !== conv2).map((x) => edapContributionPp(x, c))).toEqual(c.layers.slice(1).map(() => 0));
  });

  test('NF is shown in %', () => {
    const rows = layerTable(compareReports(base, head, budgets), { name: (n) => n, withBase: true });
    expect(rows[1][rows[0].indexOf('NF mean')]).toBe('1.21 %');
  });
});

describe('accuracy with intervals', () => {
  /**
   * A comparison carrying the statistics compare/ derives from per-image correctness (tested in
   * test/stats/accuracy-stats.test.ts); rendering is pure on the comparison, so the values are set here.
   */
  function withStats(delta: Omit<AccuracyDelta, 'level'>, resolution?: BudgetResolution): RenderInput {
    const i = input(base, head);
    const ci = (meanPct: number) => ({ low: meanPct - 0.6, high: meanPct + 0.6, method: 'test', images: 1000, chips: 3 });
    const t = i.comparison.totals;
    return {
      ...i,
      comparison: {
        ...i.comparison,
        totals: {
          ...t,
          nonIdealBase: { ...t.nonIdealBase!, ci95Pct: ci(t.nonIdealBase!.meanPct) },
          nonIdealHead: { ...t.nonIdealHead!, ci95Pct: ci(t.nonIdealHead!.meanPct) },
          accuracyDelta: { ...delta, level: 0.95 },
        },
        budgets: i.comparison.budgets.map((x) => (x.id === 'maxAccuracyDropPp' && resolution ? { ...x, resolution } : x)),
      },
    };
  }
  const delta = { pp: -0.93, ciLowPp: -1.4, ciHighPp: -0.46, method: 'images × chips random effects', images: 1000, chips: 3, mdePp: 0.66 };

  test('the row shows the CI of each side and the paired interval of Δ', () => {
    const md = renderMarkdown(withStats(delta), COMMENT_LIMIT).markdown;
    expect(md).toContain('| Accuracy, non-ideal (mean [95 % CI], 3 chips × 1,000 images) | 97.10 % [96.50, 97.70] | 96.17 % [95.57, 96.77] | -0.93 pp [-1.40, -0.46] |');
  });

  test('an interval straddling a budget and a budget below the MDE are said, with the design that resolves it', () => {
    // Drop interval [0.46, 1.40] pp contains the warn limit 0.5, not the fail limit 2; 0.5 pp is below the MDE.
    const resolution: BudgetResolution = {
      low: 0.46, high: 1.4, inconclusive: ['warn'], mdePp: 0.66, belowMde: ['warn'], resolvingDesign: { images: 1750, chips: 3 },
    };
    const md = renderMarkdown(withStats(delta, resolution), COMMENT_LIMIT).markdown;
    expect(md).toContain('- ℹ️ The 95 % interval of Δ non-ideal accuracy [-1.40, -0.46] pp straddles the warn budget (drop ≤ 0.5 pp): inconclusive at this sample size (1,000 images × 3 chips).');
    expect(md).not.toContain('straddles the fail budget');
    expect(md).toContain('- ℹ️ The accuracy-drop budget (warn 0.5 pp) is below the minimum detectable effect 0.66 pp of 1,000 images × 3 chips (80 % power, α = 0.05): about 1,750 images × 3 chips would resolve it.');
    const clear = renderMarkdown(withStats(delta, { low: 0.66, high: 1.2, inconclusive: [], mdePp: 0.3, belowMde: [] }), COMMENT_LIMIT).markdown;
    expect(clear).not.toContain('ℹ️');
  });

  test('without intervals (older reports) the row falls back to mean ± std; one chip shows no spread', () => {
    const md = renderMarkdown(input(base, head), COMMENT_LIMIT).markdown;
    expect(md).toContain('| Accuracy, non-ideal (mean ± std, 3 chips) | 97.10 ± 0.24 % | 96.17 ± 0.29 % | -0.93 pp |');
    const one = (r: NaxReport) => {
      const m = mutable(r);
      m.accuracy!.nonIdeal.samples = [r.accuracy!.nonIdeal.mean];
      m.accuracy!.nonIdeal.sampleSeeds = [1];
      delete m.accuracy!.nonIdeal.std;
      return m as NaxReport;
    };
    expect(renderMarkdown(input(one(base), one(head)), COMMENT_LIMIT).markdown).toContain('| Accuracy, non-ideal (mean ± std, 1 chip) | 97.10 % | 96.17 % |');
  });
});

describe('renderText', () => {
  test('terminal rendering for nax check', () => {
    const t = renderText(input(base, head));
    expect(t.split('\n')[0]).toBe('nax check: FAIL (over budget)');
    expect(t).toContain('base f95f852 (master) -> head ec26c3e');
    expect(t).toContain('FAIL: EDAP increase +22.45 % exceeds the fail budget +20 % (layers: conv2, fc1b)');
    expect(t).toMatch(/^EDAP \(J·s·mm²\) +1\.44e-9 +1\.76e-9 +\+22\.45 %/m);
    expect(t).not.toMatch(/[|`]|<br>/);
    expect(renderText(input(undefined, head))).toContain('no baseline: the base commit f95f852 has no nax.yml');
  });
});
