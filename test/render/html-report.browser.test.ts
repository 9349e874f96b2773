/**
 * The HTML report in a real browser (headless Chromium, one launch for all pages): it loads without console
 * errors or network requests, each chart has one mark per layer / chip / candidate of the report, and at
 * 1280×800 no text leaves its chart and nothing overflows the page horizontally.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { renderParetoHtml, renderReportHtml } from '../../src/render/html/report-page.js';
import type { NaxReport } from '../../src/report.js';
import { loadReport, mutable } from '../compare/reports.js';
import { launchChromium } from '../support/browser.js';
import { paretoFixture } from './pareto-fixture.js';

const base = loadReport('base');
const head = loadReport('head');

/** Head and base with the statistics fields of a check (intervals, paired Δ). */
function withIntervals(): { base: NaxReport; head: NaxReport } {
  const ci = (mean: number) => ({ low: mean - 0.006, high: mean + 0.006, level: 0.95, method: 'test', images: 1000, chips: 3 });
  const b = mutable(base);
  b.accuracy!.nonIdeal.ci95 = ci(base.accuracy!.nonIdeal.mean);
  const h = mutable(head);
  h.accuracy!.nonIdeal.ci95 = ci(head.accuracy!.nonIdeal.mean);
  h.accuracy!.delta = { pp: -0.93, ciLowPp: -1.4, ciHighPp: -0.46, level: 0.95, method: 'test', images: 1000, chips: 3, mdePp: 0.66 };
  return { base: b as NaxReport, head: h as NaxReport };
}

/** A head whose layer names are markup (a fork's artifact). */
function hostile(): NaxReport {
  const h = mutable(head);
  const name = '<img src=x onerror="console.error(1)">conv2<script>console.error(2)</script>';
  h.layers[1].name = name;
  h.cost.layers[1].name = name;
  return h as NaxReport;
}

/** A head of `n` layers with long names (a ResNet-sized network), each a copy of conv1. */
function wide(n: number): NaxReport {
  const h = mutable(head);
  const [layer, cost] = [h.layers[0], h.cost.layers[0]];
  h.layers = [];
  h.cost.layers = [];
  for (let i = 0; i < n; i++) {
    const name = i % 2 === 0 ? `stage${Math.floor(i / 6) + 1}/block${i % 6}/conv_${i}_with_a_rather_long_layer_name` : `MW_Stage${i}/WIDE_MMM_Conv_@${i}`;
    h.layers.push({ ...layer, name, nf: { mean: 0.01 + i * 0.001, max: 0.05 } });
    h.cost.layers.push({ ...cost, name, energyJ: cost.energyJ * (1 + (i % 7)), delayS: cost.delayS / (1 + (i % 5)) });
  }
  return h as NaxReport;
}

interface Loaded {
  readonly errors: string[];
  readonly requests: string[];
}

let browser: Browser;
let page: Page;

async function load(html: string): Promise<Loaded> {
  const errors: string[] = [];
  const requests: string[] = [];
  const onConsole = (m: { type(): string; text(): string }) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); };
  const onError = (e: Error) => errors.push(e.message);
  const onRequest = (r: { url(): string }) => requests.push(r.url());
  page.on('console', onConsole);
  page.on('pageerror', onError);
  page.on('request', onRequest);
  await page.setContent(html, { waitUntil: 'load' });
  page.off('console', onConsole);
  page.off('pageerror', onError);
  page.off('request', onRequest);
  return { errors, requests };
}

async function marks(chart: string): Promise<number> {
  return page.locator(`svg[data-chart="${chart}"] .mark`).count();
}

/** Text elements whose box leaves their chart's box (px, 0.5 px tolerance), and the page's horizontal overflow. */
/**
 * Runs in the page (a string, so the test compiles without the DOM types): text elements whose box leaves
 * their chart's box (0.5 px tolerance), charts drawn at another size than their viewBox, and the page's
 * horizontal overflow.
 */
const LAYOUT_PROBE = `(() => {
  const clipped = [];
  const svgs = Array.from(document.querySelectorAll('svg.chart'));
  for (const svg of svgs) {
    const box = svg.getBoundingClientRect();
    const vb = svg.viewBox.baseVal;
    if (Math.abs(box.width - vb.width) > 0.5) clipped.push(svg.dataset.chart + ': drawn ' + box.width + ' px wide, viewBox ' + vb.width);
    for (const t of Array.from(svg.querySelectorAll('text'))) {
      const r = t.getBoundingClientRect();
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) {
        clipped.push(svg.dataset.chart + ': "' + t.textContent + '" at ' + Math.round(r.left - box.left) + '…' + Math.round(r.right - box.left) + ' of ' + Math.round(box.width));
      }
    }
  }
  return { clipped, overflowPx: document.documentElement.scrollWidth - window.innerWidth, charts: svgs.length };
})()`;

async function layoutProblems(): Promise<{ clipped: string[]; overflowPx: number; charts: number }> {
  return page.evaluate(LAYOUT_PROBE) as Promise<{ clipped: string[]; overflowPx: number; charts: number }>;
}

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('HTML report in headless Chromium at 1280×800', () => {
  test('the layout probe sees clipped text and overflow (it can fail)', async () => {
    await load('<!DOCTYPE html><body style="margin:0"><svg class="chart" data-chart="t" viewBox="0 0 100 40" width="100" height="40">' +
      '<text x="60" y="20">far too long for this chart</text></svg><div style="width:2000px">wide</div></body>');
    const p = await layoutProblems();
    expect(p.clipped).toHaveLength(1);
    expect(p.clipped[0]).toMatch(/^t: "far too long/);
    expect(p.overflowPx).toBeGreaterThan(0);
  });

  test('comparison: loads cleanly, one mark per layer, chip and side, no clipped text', async () => {
    const r = withIntervals();
    const loaded = await load(renderReportHtml({ base: r.base, head: r.head, title: 'nax-report.json' }));
    expect(loaded.errors).toEqual([]);
    expect(loaded.requests.filter((u) => u !== 'about:blank')).toEqual([]);
    const layers = base.cost.layers.length + head.cost.layers.length;
    expect(await marks('energy')).toBe(layers);
    expect(await marks('latency')).toBe(layers);
    const shared = [base, head].filter((x) => x.cost.totals.tileSharedAreaMm2 > 0).length;
    expect(await marks('area')).toBe(layers + shared);
    const nf = [...base.layers, ...head.layers].filter((l) => l.nf !== undefined).length;
    expect(await marks('nf')).toBe(nf);
    expect(await marks('accuracy')).toBe(base.accuracy!.nonIdeal.samples.length + head.accuracy!.nonIdeal.samples.length);
    expect(await page.locator('svg[data-chart="accuracy"] rect.ci').count()).toBe(2);
    // Each stacked bar is labelled with its total.
    expect(await page.locator('svg[data-chart="latency"] text.total').allTextContents()).toEqual(['511 µs', '589 µs']);
    const layout = await layoutProblems();
    expect(layout.charts).toBe(5);
    expect(layout.clipped).toEqual([]);
    expect(layout.overflowPx).toBeLessThanOrEqual(0);
  });

  test('one report without a base: one bar per chart and metric', async () => {
    const loaded = await load(renderReportHtml({ head, title: 'head.json' }));
    expect(loaded.errors).toEqual([]);
    expect(await marks('energy')).toBe(head.cost.layers.length);
    expect(await marks('accuracy')).toBe(head.accuracy!.nonIdeal.samples.length);
    expect(await layoutProblems()).toEqual({ clipped: [], overflowPx: 0, charts: 5 });
  });

  test('a 48-layer network with long names: every mark drawn, no label outside its chart', async () => {
    const h = wide(48);
    const loaded = await load(renderReportHtml({ head: h, base, title: 'wide.json' }));
    expect(loaded.errors).toEqual([]);
    expect(await marks('energy')).toBe(48 + base.cost.layers.length);
    expect(await marks('nf')).toBe(48 + base.layers.length);
    expect(await layoutProblems()).toEqual({ clipped: [], overflowPx: 0, charts: 5 });
  });

  test('a layer name made of markup stays text: no element, no script runs', async () => {
    const loaded = await load(renderReportHtml({ head: hostile(), title: '<b>x</b>.json' }));
    expect(loaded.errors).toEqual([]);
    expect(await page.locator('img, script, b').count()).toBe(0);
    expect(await page.locator('table.layers code', { hasText: '<img src=x' }).count()).toBe(1);
    expect((await layoutProblems()).clipped).toEqual([]);
  });

  test('search results: one point per candidate on a log EDAP axis, the front drawn, labels inside', async () => {
    const doc = paretoFixture();
    const loaded = await load(renderParetoHtml(doc, 'pareto.json'));
    expect(loaded.errors).toEqual([]);
    expect(await marks('pareto')).toBe(doc.candidates.length);
    expect(await page.locator('svg[data-chart="pareto"] .mark[data-kind="committed"]').count()).toBe(1);
    expect(await page.locator('svg[data-chart="pareto"] .mark[data-kind="homogeneous"]').count()).toBe(3);
    const frontPoints = await page.locator('svg[data-chart="pareto"] polyline.front').getAttribute('points');
    expect(frontPoints?.trim().split(/\s+/)).toHaveLength(doc.front.length);
    expect(await layoutProblems()).toEqual({ clipped: [], overflowPx: 0, charts: 1 });
  });
});
