/**
 * `nax report REPORT.json [--base BASE.json] --html OUT.html`: the standalone HTML report of a report file
 * (a simulation, a cost-only run, the action's check artifact — whose `check.base` is the base unless
 * --base is given) or of a search's pareto.json. The command reads, validates and writes; rendering is
 * render/html/report-page.ts.
 */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isObject, readNumber, readString, requireObject } from '../../config/fields.js';
import { NaxUserError } from '../../errors.js';
import { readJsonFile } from '../../io/report-file.js';
import type { NaxReport } from '../../report.js';
import type { ParetoDocument } from '../../search/pareto.js';
import { type CliIo, EXIT_OK } from '../context.js';

export interface ReportCommandOptions {
  /** The report or pareto.json file, relative to `cwd`. */
  readonly file: string;
  readonly base?: string;
  readonly html: string;
  /** Replace an existing OUT. */
  readonly force: boolean;
  readonly cwd: string;
}

const PARETO_SCHEMA = 'nax-pareto/1';

/** The parsers, statistics and renderers, loaded when the command runs (not for `nax --help`). */
async function loadLib() {
  // One after the other: jest's ESM loader (the tests) cannot link concurrent dynamic imports sharing a module.
  const artifact = await import('../../github/check-artifact.js');
  const page = await import('../../render/html/report-page.js');
  const pareto = await import('../../io/parse-pareto.js');
  const compare = await import('../../compare/compare-reports.js');
  const budgets = await import('../../config/budgets.js');
  const stats = await import('../../stats/accuracy-stats.js');
  return {
    parseReport: artifact.parseReport, renderParetoHtml: page.renderParetoHtml, renderReportHtml: page.renderReportHtml,
    parseParetoDocument: pareto.parseParetoDocument, compareReports: compare.compareReports, NO_BUDGETS: budgets.NO_BUDGETS,
    accuracyStats: stats.accuracyStats,
  };
}
type Lib = Awaited<ReturnType<typeof loadLib>>;

/** Fields the HTML page reads beyond those parseReport checks (all optional in older reports). */
function checkPageFields(r: NaxReport, file: string, field: string): void {
  const at = (f: string) => (field ? `${field}.${f}` : f);
  const nonIdeal = r.accuracy?.nonIdeal as unknown as Record<string, unknown> | undefined;
  if (nonIdeal?.ci95 !== undefined) {
    const ci = requireObject(nonIdeal.ci95, file, at('accuracy.nonIdeal.ci95'));
    for (const k of ['low', 'high'] as const) readNumber(ci[k], file, at(`accuracy.nonIdeal.ci95.${k}`), { min: 0, max: 1 });
  }
  const delta = (r.accuracy as unknown as Record<string, unknown> | undefined)?.delta;
  if (delta !== undefined) {
    const d = requireObject(delta, file, at('accuracy.delta'));
    for (const k of ['pp', 'ciLowPp', 'ciHighPp', 'mdePp', 'images', 'chips'] as const) readNumber(d[k], file, at(`accuracy.delta.${k}`));
    readString(d.method, file, at('accuracy.delta.method'));
  }
  r.cost.layers.forEach((l, i) => {
    const o = l as unknown as Record<string, unknown>;
    if (o.adcs !== undefined) readNumber(o.adcs, file, at(`cost.layers[${i}].adcs`), { min: 0 });
    if (o.areaBreakdownMm2 !== undefined) {
      const b = requireObject(o.areaBreakdownMm2, file, at(`cost.layers[${i}].areaBreakdownMm2`));
      if (b.adc !== undefined) readNumber(b.adc, file, at(`cost.layers[${i}].areaBreakdownMm2.adc`), { min: 0 });
    }
  });
  const shared = (r.cost.totals as unknown as Record<string, unknown>).tileSharedAreaMm2;
  if (shared !== undefined) readNumber(shared, file, at('cost.totals.tileSharedAreaMm2'), { min: 0 });
}

function report(lib: Lib, raw: unknown, file: string, field = ''): NaxReport {
  const r = lib.parseReport(raw, file, field);
  checkPageFields(r, file, field);
  return r;
}

/** The shared pareto.json validation, plus what a log-EDAP scatter needs: candidates, each with EDAP > 0. */
function parsePareto(lib: Lib, raw: unknown, file: string): ParetoDocument {
  const doc = lib.parseParetoDocument(raw, file);
  if (doc.candidates.length === 0) throw new NaxUserError(file, 'candidates', 'expected a non-empty array');
  doc.candidates.forEach((c, i) => {
    if (!(c.edap > 0)) throw new NaxUserError(file, `candidates[${i}].edap`, 'must be > 0 for the log axis');
  });
  return doc;
}

/** Reads, renders and writes; returns the path written (as given). */
export async function runReportCommand(o: ReportCommandOptions): Promise<string> {
  const out = path.resolve(o.cwd, o.html);
  // Checked first, so a refused run does no work; the file is never replaced unless asked.
  if (!o.force && existsSync(out)) throw new NaxUserError(o.html, '', 'exists; not overwritten', 'pass --force to overwrite it');
  const raw = await readJsonFile(path.resolve(o.cwd, o.file), o.file);
  const lib = await loadLib();
  let html: string;
  const title = path.basename(o.file);
  if (isObject(raw) && raw.schema === PARETO_SCHEMA) {
    if (o.base) throw new NaxUserError('--base', '', 'applies to reports, not to a search\u2019s pareto.json');
    html = lib.renderParetoHtml(parsePareto(lib, raw, o.file), title);
  } else {
    const head = report(lib, raw, o.file);
    const artifactBase = isObject(raw) && isObject(raw.check) ? raw.check.base : undefined;
    const base = o.base
      ? report(lib, await readJsonFile(path.resolve(o.cwd, o.base), o.base), o.base)
      : artifactBase === undefined ? undefined : report(lib, artifactBase, o.file, 'check.base');
    const [h, b] = recomputed(lib, head, base);
    html = lib.renderReportHtml({ head: h, ...(b ? { base: b } : {}), title });
  }
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, html);
  return o.html;
}

/**
 * The reports with their accuracy statistics recomputed from the samples and per-image bits, and the head's
 * Δ against *this* base (not the one it was checked against, nor whatever a forged file states); Δ is absent
 * when the two are not paired.
 */
function recomputed(lib: Lib, head: NaxReport, base: NaxReport | undefined): [NaxReport, NaxReport | undefined] {
  const stats = (r: NaxReport): NaxReport => {
    const a = r.accuracy;
    if (!a) return r;
    const n = a.nonIdeal;
    const bits = n.correct && r.settings ? { bits: n.correct, images: r.settings.evalImages } : undefined;
    const { delta: _stated, ...rest } = a;
    return { ...r, accuracy: { ...rest, nonIdeal: lib.accuracyStats(n.samples, n.sampleSeeds, bits) } };
  };
  const h = stats(head);
  const b = base ? stats(base) : undefined;
  const delta = b ? lib.compareReports(b, h, lib.NO_BUDGETS).totals.accuracyDelta : undefined;
  return [delta && h.accuracy ? { ...h, accuracy: { ...h.accuracy, delta } } : h, b];
}

/** Registers `nax report` on the program; `out` prints a line. */
export function registerReportCommand(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command('report')
    .description('write a self-contained HTML report (inline SVG charts) of a report JSON, a check artifact, or a search pareto.json')
    .argument('<file>', 'report JSON (nax simulate/cost/check --json, the action\u2019s report-path) or a search output\u2019s pareto.json')
    .option('--base <file>', 'base report to compare with (default: the check artifact\u2019s base, if any)')
    .requiredOption('--html <file>', 'HTML file to write')
    .option('--force', 'overwrite --html if it exists', false)
    .action(async (file: string, opts: { base?: string; html: string; force: boolean }) => {
      const written = await runReportCommand({ file, ...(opts.base ? { base: opts.base } : {}), html: opts.html, force: opts.force, cwd: io.cwd });
      io.out(`nax: wrote ${written}`);
      done(EXIT_OK);
    });
}
