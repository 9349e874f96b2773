/**
 * The HTML report as bytes: self-contained (no script, nothing to fetch), deterministic, markup in names
 * escaped, and the figures it shows equal to the report's. The browser test checks how it draws.
 */
import { describe, expect, test } from '@jest/globals';
import { htmlReportPath, renderParetoHtml, renderReportHtml } from '../../src/render/html/report-page.js';
import { esc, fit, linearTicks, logTicks, textWidth } from '../../src/render/html/svg.js';
import type { NaxReport } from '../../src/report.js';
import { loadReport, mutable } from '../compare/reports.js';
import { paretoFixture } from './pareto-fixture.js';

const base = loadReport('base');
const head = loadReport('head');

describe('renderReportHtml', () => {
  const html = renderReportHtml({ base, head, title: 'nax-report.json' });

  test('self-contained: no script, no external URL, a CSP that forbids loading anything', () => {
    expect(html).not.toMatch(/<script|<link|<iframe|<object|\bon[a-z]+=/i);
    expect(html).not.toMatch(/(src|href)=/i);
    expect(html).not.toMatch(/url\(/i);
    // The only absolute URL is the SVG namespace, which is a name, never fetched.
    expect([...new Set(html.match(/https?:\/\/[^"' )]+/g))]).toEqual(['http://www.w3.org/2000/svg']);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  test('deterministic: the same reports give the same bytes', () => {
    expect(renderReportHtml({ base: mutable(base) as NaxReport, head: mutable(head) as NaxReport, title: 'nax-report.json' })).toBe(html);
  });

  test('the totals are the report\u2019s, in the shared units', () => {
    expect(html).toContain('<td>EDAP (J·s·mm²)</td><td>1.44e-9</td><td>1.76e-9</td><td>+22.45 %</td>');
    expect(html).toContain('<td>Energy / inference</td><td>8.49 µJ</td><td>9.17 µJ</td><td>+7.89 %</td>');
    // NF in % in the per-layer table (head conv2 NF mean 0.0503).
    expect(html).toMatch(/<code>conv2<\/code>.*?<td>5\.03 %<\/td><\/tr>/);
  });

  test('markup in a layer name or the title is text', () => {
    const h = mutable(head);
    h.layers[0].name = h.cost.layers[0].name = '</code><script>alert(1)</script>';
    const out = renderReportHtml({ head: h as NaxReport, title: '"><img src=x>' });
    expect(out).not.toMatch(/<script|<img/);
    expect(out).toContain('&lt;/code&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&quot;&gt;&lt;img src=x&gt;');
  });

  test('a cost-only report says there is no NF and no accuracy instead of drawing empty charts', () => {
    const h = mutable(head);
    delete h.accuracy;
    delete h.settings;
    for (const l of h.layers) delete l.nf;
    const out = renderReportHtml({ head: h as NaxReport, title: 'cost.json' });
    expect(out).toContain('No NF: this report has no simulation');
    expect(out).toContain('No accuracy: this report has no simulation');
    expect(out).not.toContain('data-chart="accuracy"');
  });
});

describe('renderParetoHtml', () => {
  test('every candidate is a point; the front and the proposed candidate are marked', () => {
    const doc = paretoFixture();
    const html = renderParetoHtml(doc, 'pareto.json');
    expect(html.match(/<circle class="mark"/g)).toHaveLength(doc.candidates.length);
    expect(html).toContain('★ searched λ=0.5');
    expect(doc.best).toBe('searched-lambda-0.5');
    expect(html).toContain('(log scale)');
  });

  test('the candidate table gives non-ideal, ideal and quantised accuracy; a document without the quantised one shows a dash', () => {
    const doc = paretoFixture();
    const withQ = { ...doc, candidates: doc.candidates.map((c, i) => (i === 0 ? { ...c, quantisedAccuracy: 0.9512 } : c)) };
    const html = renderParetoHtml(withQ, 'pareto.json');
    expect(html).toContain('<th>Non-ideal acc.</th><th>Ideal acc.</th><th>Quantised acc.</th><th>Energy</th>');
    const rows = html.match(/<tr><td>[^]*?<\/tr>/g)!;
    const c0 = withQ.candidates[0]!;
    expect(rows[0]).toContain(`<td>${(c0.accuracy * 100).toFixed(2)} %</td><td>98.20 %</td><td>95.12 %</td>`);
    expect(rows[1]).toContain('<td>98.20 %</td><td>—</td>');
  });
});

describe('svg helpers', () => {
  test('escaping covers the five HTML specials', () => {
    expect(esc(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
  test('ticks: round steps covering the range; decades on a log axis', () => {
    expect(linearTicks(0, 9.17)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(linearTicks(95.3, 97.9, 6)).toEqual([95, 95.5, 96, 96.5, 97, 97.5, 98]);
    expect(logTicks(6.4e-10, 3.2e-9)).toEqual([1e-10, 1e-9, 1e-8]);
  });
  test('fit cuts text to a width with an ellipsis', () => {
    const s = fit('block0001_conv_with_a_very_long_name', 100);
    expect(s.endsWith('…')).toBe(true);
    expect(textWidth(s)).toBeLessThanOrEqual(100);
  });
  test('the HTML file sits next to the report JSON', () => {
    expect(htmlReportPath('nax-report.json')).toBe('nax-report.html');
    expect(htmlReportPath('out/r.JSON')).toBe('out/r.html');
    expect(htmlReportPath('report')).toBe('report.html');
  });
});
