/**
 * `nax report … --html OUT`: writes the page, takes the base from a check artifact, never replaces a file
 * without --force, and bad input ends with exit code 2 and one line.
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXIT_OK, EXIT_USAGE } from '../../src/cli.js';
import { renderReportHtml } from '../../src/render/html/report-page.js';
import { loadReport } from '../compare/reports.js';
import { paretoFixture } from '../render/pareto-fixture.js';
import { nax } from '../support/run-cli.js';

function workdir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'nax-report-'));
  writeFileSync(path.join(dir, 'head.json'), JSON.stringify(loadReport('head')));
  writeFileSync(path.join(dir, 'base.json'), JSON.stringify(loadReport('base')));
  return dir;
}

describe('nax report --html', () => {
  test('report + --base: the page the renderer gives for the pair', async () => {
    const dir = workdir();
    const r = await nax(['report', 'head.json', '--base', 'base.json', '--html', 'out/r.html'], dir);
    expect(r).toEqual({ code: EXIT_OK, out: 'nax: wrote out/r.html\n', err: '' });
    const html = readFileSync(path.join(dir, 'out/r.html'), 'utf8');
    expect(html).toBe(renderReportHtml({ base: loadReport('base'), head: loadReport('head'), title: 'head.json' }));
  });

  test("a check artifact's own base is used without --base", async () => {
    const dir = workdir();
    writeFileSync(path.join(dir, 'nax-report.json'), JSON.stringify({ ...loadReport('head'), check: { base: loadReport('base') } }));
    expect((await nax(['report', 'nax-report.json', '--html', 'a.html'], dir)).code).toBe(EXIT_OK);
    const html = readFileSync(path.join(dir, 'a.html'), 'utf8');
    expect(html).toContain('<th>Base</th><th>Head</th>');
    expect(html.match(/<rect class="mark"[^>]*><title>base · /g)?.length).toBeGreaterThan(0);
  });

  test('intervals and Δ stated in a report are not shown: the page recomputes them from the data', async () => {
    const dir = workdir();
    const forged = JSON.parse(JSON.stringify(loadReport('head')));
    forged.accuracy.nonIdeal.ci95 = { low: 0.111, high: 0.222, level: 0.95, method: 'trust me', images: 9, chips: 9 };
    forged.accuracy.delta = { pp: 42, ciLowPp: 41, ciHighPp: 43, level: 0.95, method: 'trust me', images: 9, chips: 9, mdePp: 0.01 };
    writeFileSync(path.join(dir, 'forged.json'), JSON.stringify(forged));
    expect((await nax(['report', 'forged.json', '--base', 'base.json', '--html', 'f.html'], dir)).code).toBe(EXIT_OK);
    const html = readFileSync(path.join(dir, 'f.html'), 'utf8');
    expect(html).not.toContain('trust me');
    expect(html).not.toContain('+42.00');
    expect(html).not.toContain('11.10');
  });

  test('a pareto.json gives the search page', async () => {
    const dir = workdir();
    writeFileSync(path.join(dir, 'pareto.json'), JSON.stringify(paretoFixture()));
    expect((await nax(['report', 'pareto.json', '--html', 'p.html'], dir)).code).toBe(EXIT_OK);
    expect(readFileSync(path.join(dir, 'p.html'), 'utf8')).toContain('data-chart="pareto"');
  });

  test('an existing OUT is kept unless --force', async () => {
    const dir = workdir();
    writeFileSync(path.join(dir, 'mine.html'), 'my notes');
    const r = await nax(['report', 'head.json', '--html', 'mine.html'], dir);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err).toBe('nax: mine.html: exists; not overwritten (pass --force to overwrite it)\n');
    expect(readFileSync(path.join(dir, 'mine.html'), 'utf8')).toBe('my notes');
    expect((await nax(['report', 'head.json', '--html', 'mine.html', '--force'], dir)).code).toBe(EXIT_OK);
    expect(readFileSync(path.join(dir, 'mine.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  test('bad input: exit 2, one line naming the file (and the field)', async () => {
    const dir = workdir();
    writeFileSync(path.join(dir, 'bad.json'), '{"schema": ');
    const bad = await nax(['report', 'bad.json', '--html', 'x.html'], dir);
    expect(bad.code).toBe(EXIT_USAGE);
    expect(bad.err).toMatch(/^nax: bad\.json: malformed JSON: .*\n$/);
    writeFileSync(path.join(dir, 'other.json'), '{"schema": "something/1"}');
    const other = await nax(['report', 'other.json', '--html', 'x.html'], dir);
    expect(other.err).toBe('nax: other.json: schema: expected "nax-report/1", found "something/1" (not a nax report)\n');
    const head = loadReport('head');
    writeFileSync(path.join(dir, 'ci.json'), JSON.stringify({ ...head, accuracy: { ...head.accuracy, nonIdeal: { ...head.accuracy!.nonIdeal, ci95: { low: 'x' } } } }));
    const ci = await nax(['report', 'ci.json', '--html', 'x.html'], dir);
    expect(ci.code).toBe(EXIT_USAGE);
    expect(ci.err.split('\n')).toHaveLength(2);
    expect(ci.err).toMatch(/^nax: ci\.json: accuracy\.nonIdeal\.ci95\.low: /);
    expect((await nax(['report', 'missing.json', '--html', 'x.html'], dir)).err).toBe('nax: missing.json: file not found\n');
    expect(existsSync(path.join(dir, 'x.html'))).toBe(false);
  });
});
