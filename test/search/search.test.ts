/**
 * The search end to end on the tiny residual model with a stand-in simulator: deterministic for a seed,
 * architecture gradients reach every mixed layer, the hard budget holds, and the derived architecture
 * saves, loads (model/load.ts + graphFromModel) and computes like any user model.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import * as tf from '@tensorflow/tfjs-core';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseMapping, resolveMapping } from '../../src/config/mapping.js';
import { parseSearchSpace } from '../../src/config/search-space.js';
import { dirSource } from '../../src/io/files.js';
import { parseParetoDocument } from '../../src/io/parse-pareto.js';
import { folderSink, writeSearchPages } from '../../src/io/search-folder.js';
import { graphFromModel } from '../../src/model/from-tfjs.js';
import { type NetworkGraph, matrixNodes } from '../../src/model/graph.js';
import { loadLayersModel } from '../../src/model/load.js';
import { saveModelToFolder } from '../../src/runtime/fs-io.js';
import { initBackend } from '../../src/runtime/tfjs.js';
import { buildLayersModel, deriveGraph, deriveMappings, homogeneousMappings } from '../../src/search/derive.js';
import type { Evaluator } from '../../src/search/evaluate.js';
import { idealLogits } from '../../src/search/forward.js';
import { describeChoice, resolveSearchPlan } from '../../src/search/plan.js';
import { searchSummaryMarkdown } from '../../src/render/search-summary.js';
import { describePairedCheck } from '../../src/search/pareto.js';
import { type RunSearchOptions, type SearchInputs, type SearchResult, runSearchOn } from '../../src/search/run.js';
import { Supernet } from '../../src/search/supernet.js';
import { committedMappings, quadrantData, standInEvaluator, standInNonIdeal, tinyInputs, trainedTinyGraph } from './tiny.js';

let g: NetworkGraph;
let tmp: string;
const clock = () => performance.now() / 1000;

beforeAll(async () => {
  await initBackend('wasm');
  g = await trainedTinyGraph();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'nax-search-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** runSearchOn as nax search uses it (search-project.ts): summary.md rendered from the document and notes, written beside the search's files. */
async function searchOn(inp: SearchInputs, opts: RunSearchOptions): Promise<SearchResult & { summary: string }> {
  const r = await runSearchOn(inp, opts);
  const summary = searchSummaryMarkdown(r.pareto, r.notes);
  if (opts.sink) await writeSearchPages(opts.sink, r.pareto, summary);
  return { ...r, summary };
}

async function run(o: { budgetS?: number; limits?: { warmupSteps: number; searchSteps: number; fineTuneSteps: number }; outDir?: string; space?: object }): Promise<{ r: SearchResult & { summary: string }; lines: string[]; wallS: number }> {
  const inp = tinyInputs(g, { lambdas: [0.5], ...o.space });
  const lines: string[] = [];
  const t = clock();
  const r = await searchOn(inp, {
    budgetS: o.budgetS ?? 120, ...(o.outDir ? { sink: folderSink(o.outDir) } : {}), progress: (l) => lines.push(`${(clock() - t).toFixed(2)} ${l}`),
    now: clock, progressIntervalS: 1, nonIdeal: standInNonIdeal, evaluate: standInEvaluator(inp.evalSet), limits: o.limits,
  });
  return { r, lines, wallS: clock() - t };
}

const LIMITS = { warmupSteps: 4, searchSteps: 16, fineTuneSteps: 2 };

describe('search on the tiny model', () => {
  test('deterministic for a seed: same α trajectory and choice; every mixed layer\'s α moves', async () => {
    const a = await run({ limits: LIMITS });
    const b = await run({ limits: LIMITS });
    const ra = a.r.runs[0]!;
    const rb = b.r.runs[0]!;
    expect(ra.archSteps).toBe(8); // archEvery 2
    expect(ra.trajectory.length).toBe(8);
    expect(ra.trajectory.map((t) => [...t])).toEqual(rb.trajectory.map((t) => [...t]));
    expect(ra.choice).toEqual(rb.choice);
    // Gradients reach every mixed layer: every layer's α left its initial zeros.
    for (const [i, al] of ra.alphas.entries()) {
      expect({ layer: i, moved: al.some((v) => v !== 0) }).toEqual({ layer: i, moved: true });
    }
    // A different seed gives a different trajectory.
    const c = await run({ limits: LIMITS, space: { seed: 2 } });
    expect(c.r.runs[0]!.trajectory.map((t) => [...t])).not.toEqual(ra.trajectory.map((t) => [...t]));
    // committed + 4 homogeneous + cost-only + random + 1 searched, all with the same fine-tuning
    expect(a.r.pareto.candidates.map((x) => x.id)).toEqual(['committed', 'homogeneous-16', 'homogeneous-32', 'homogeneous-64', 'homogeneous-128', 'cost-only', 'random', 'searched-lambda-0.5']);
    expect(a.r.pareto.candidates.map((x) => x.fineTuneSteps)).toEqual(Array(8).fill(LIMITS.fineTuneSteps));
    // Every candidate on the same evaluation chips; the searched one compared, paired, with every baseline.
    const seeds = [...a.r.reports.values()].map((r) => r.accuracy!.nonIdeal.sampleSeeds);
    expect(seeds.every((x) => x.length === 10 && x.join() === seeds[0]!.join())).toBe(true);
    const byId = new Map(a.r.pareto.candidates.map((x) => [x.id, x]));
    const s = byId.get('searched-lambda-0.5')!;
    expect(s.comparisons!.map((x) => x.against).sort()).toEqual(['committed', 'cost-only', 'homogeneous-128', 'homogeneous-16', 'homogeneous-32', 'homogeneous-64', 'random']);
    for (const x of s.comparisons!) {
      // The paired Δ of means is the difference of the two means.
      expect(x.deltaPp).toBeCloseTo((s.accuracy - byId.get(x.against)!.accuracy) * 100, 9);
      expect(x.ciLowPp).toBeLessThanOrEqual(x.deltaPp);
      expect(x.deltaObjective).toBeCloseTo(s.edap / byId.get(x.against)!.edap - 1, 12);
    }
    expect(s.validationAccuracy).toBeGreaterThan(0);
    expect(a.r.pareto.protocol).toMatchObject({ fineTuneSteps: LIMITS.fineTuneSteps, evaluationChips: 10, selectionSplit: 'the architecture-step split' });
  });

  test('training and selection respect a 3 s budget (≤ budget + 10 %), the final evaluation comes after; progress is reported', async () => {
    const { r, lines, wallS } = await run({ budgetS: 3, space: { lambdas: [0.5, 2] } });
    expect(r.trainingS).toBeLessThanOrEqual(3 * 1.1);
    expect(r.elapsedS).toBeGreaterThanOrEqual(r.trainingS);
    expect(wallS).toBeGreaterThanOrEqual(r.elapsedS);
    expect(r.runs.length).toBeGreaterThanOrEqual(1);
    expect(r.runs[0]!.stoppedOnTime).toBe(true);
    // a progress line at least every 10 s (here: every 1 s requested)
    const times = lines.map((l) => Number(l.split(' ')[0]));
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeLessThan(10);
    expect(lines.some((l) => /search λ=0.5: chose /.test(l))).toBe(true);
    expect(lines.some((l) => /search: done in/.test(l))).toBe(true);
  });

  test("hardwareLoss: additive is the run's hardware term: the start line, pareto.json's protocol and summary.md say so; the product is recorded as such", async () => {
    const add = await run({ limits: LIMITS, space: { hardwareLoss: 'additive', additiveWeights: { energy: 1, latency: 2, area: 0.5 } } });
    expect([add.r.pareto.protocol!.hardwareLoss, add.r.pareto.protocol!.additiveWeights]).toEqual(['additive', { energy: 1, latency: 2, area: 0.5 }]);
    expect(add.lines.some((l) => / objective edap \(additive\), budget /.test(l))).toBe(true);
    expect(add.r.summary).toContain("Hardware term: NAX's additive form");
    const plain = await run({ limits: LIMITS });
    expect([plain.r.pareto.protocol!.hardwareLoss, plain.r.pareto.protocol!.additiveWeights]).toEqual(['product', undefined]);
    expect(plain.lines.some((l) => / objective edap, budget /.test(l))).toBe(true);
    expect(plain.r.summary).not.toContain('Hardware term');
  });

  test("runSearchOn writes the search's own files only: summary.md and the Pareto page are its caller's (search-project.ts runSearch)", async () => {
    const out = path.join(tmp, 'bare');
    const inp = tinyInputs(g, { lambdas: [0.5] });
    await runSearchOn(inp, { budgetS: 120, sink: folderSink(out), progress: () => {}, now: clock, nonIdeal: standInNonIdeal, evaluate: standInEvaluator(inp.evalSet), limits: LIMITS });
    expect(existsSync(path.join(out, 'pareto.json'))).toBe(true);
    expect(existsSync(path.join(out, 'summary.md'))).toBe(false);
    expect(existsSync(path.join(out, 'pareto.html'))).toBe(false);
  });

  test('writes the output folder; the searched model loads like a user model and matches its report', async () => {
    const out = path.join(tmp, 'out');
    const { r } = await run({ limits: LIMITS, outDir: out });
    for (const f of ['pareto.json', 'summary.md', 'candidates/searched-lambda-0.5/model.json', 'candidates/searched-lambda-0.5/weights.bin',
      'candidates/searched-lambda-0.5/mapping.json', 'candidates/searched-lambda-0.5/report.json']) {
      await expect(readFile(path.join(out, f))).resolves.toBeDefined();
    }
    const src = dirSource(out);
    const m = await loadLayersModel(src, 'candidates/searched-lambda-0.5/model.json');
    const loaded = graphFromModel(m, 'model.json');
    m.dispose();
    const plan = resolveSearchPlan({ graph: g, committed: committedMappings(g), space: parseSearchSpace({}, 'f', 'search'), file: 'f' });
    const choice = r.runs[0]!.choice;
    const kernels = new Map(plan.layers.map((l, i) => { const op = l.ops[choice[i]!]!; return [l.name, op.kind === 'path' ? op.kernel : 0]; }));
    for (const n of matrixNodes(loaded)) expect([n.name, n.shape.kernelH]).toEqual([n.name, kernels.get(n.name)]);
    const mapDoc = JSON.parse(await readFile(path.join(out, 'candidates/searched-lambda-0.5/mapping.json'), 'utf8'));
    const resolved = resolveMapping(parseMapping(mapDoc, 'mapping.json'), matrixNodes(loaded).map((n) => n.name), 'mapping.json');
    for (const [name, mm] of r.runs[0]!.mappings) expect([name, resolved.get(name)!.rows]).toEqual([name, mm.rows]);
    const pareto = JSON.parse(await readFile(path.join(out, 'pareto.json'), 'utf8'));
    expect(pareto.schema).toBe('nax-pareto/1');
    // What a merge or the nightly reads back: the run's own document parses whole, λ records included.
    const parsed = parseParetoDocument(pareto, 'pareto.json');
    expect(parsed.lambdas!.map((l) => [l.id, l.evaluated])).toEqual([['searched-lambda-0.5', true]]);
    expect(parsed.candidates).toEqual(JSON.parse(JSON.stringify(r.pareto.candidates)));
    // Ideal, quantised and non-ideal accuracy of the proposed candidate are its report's.
    const report = JSON.parse(await readFile(path.join(out, 'candidates/searched-lambda-0.5/report.json'), 'utf8'));
    const searched = parsed.candidates.find((c) => c.id === 'searched-lambda-0.5')!;
    expect([searched.idealAccuracy, searched.quantisedAccuracy, searched.accuracy]).toEqual([report.accuracy.ideal, report.accuracy.quantised, report.accuracy.nonIdeal.mean]);
    // The derivation rules' record: the argmax before them and their paired comparisons, as the run returned them.
    expect(pareto.lambdas[0].argmax).toBe(describeChoice(plan, r.runs[0]!.argmax, true));
    expect(r.runs[0]!.pairedChecks.length).toBeGreaterThan(0);
    expect(pareto.lambdas[0].pairedChecks).toEqual(JSON.parse(JSON.stringify(r.runs[0]!.pairedChecks)));
    const summary = await readFile(path.join(out, 'summary.md'), 'utf8');
    for (const c of r.runs[0]!.pairedChecks) expect(summary).toContain(describePairedCheck(c, r.runs[0]!.lambda));
    expect((await readFile(path.join(out, 'summary.md'), 'utf8'))).toMatch(/\| candidate +\| +non-ideal acc\./);
  });
});

describe('selection against the homogeneous sizes (selectionReference: homogeneous)', () => {
  test('every size is validated as committed on the selection split; the size one would choose sets the floor λ is chosen above', async () => {
    const inp = tinyInputs(g, { lambdas: [0.5, 4], selectionReference: 'homogeneous' });
    const base = standInEvaluator(inp.evalSet);
    const calls: Array<Parameters<Evaluator>[0]> = [];
    const evaluate: Evaluator = (o) => {
      calls.push(o);
      return base(o);
    };
    const r = await searchOn(inp, { budgetS: 120, progress: () => {}, now: clock, nonIdeal: standInNonIdeal, evaluate, limits: LIMITS });
    const ref = r.pareto.protocol!.selectionReference!;
    // Independently: the committed network on each homogeneous mapping, on the images of the committed model's
    // selection evaluation, and the rule "lowest EDAP within 1 pp of the most accurate".
    const split = calls.find((c) => c.label === 'committed model (as committed)')!.images!;
    const sizes = [];
    for (const n of inp.space.crossbars) {
      const rep = await base({ graph: inp.graph, mappings: homogeneousMappings(inp.committed, n), label: '', images: split, samples: inp.space.selectionChips });
      sizes.push({ id: `homogeneous-${n}`, validationAccuracy: rep.accuracy!.nonIdeal.mean, objective: rep.totals.edap });
    }
    expect(ref.sizes.map((h) => ({ id: h.id, validationAccuracy: h.validationAccuracy, objective: h.objective }))).toEqual(sizes);
    const top = Math.max(...sizes.map((h) => h.validationAccuracy));
    const expected = sizes.filter((h) => h.validationAccuracy >= top - 0.01).sort((a, b) => a.objective - b.objective)[0]!;
    expect([ref.id, ref.validationAccuracy]).toEqual([expected.id, expected.validationAccuracy]);
    // The proposed λ reaches the floor when any λ does, else it is the most accurate.
    const ls = r.pareto.lambdas!;
    const chosen = ls.find((l) => l.evaluated)!;
    const floor = ref.validationAccuracy;
    if (ls.some((l) => l.validationAccuracy >= floor)) {
      expect(chosen.validationAccuracy).toBeGreaterThanOrEqual(floor);
      expect(r.notes.some((n) => n.startsWith(`λ=${chosen.lambda} chosen on the architecture-step split`) && n.includes(`(the selection reference, ${ref.id} as committed)`))).toBe(true);
      expect(r.summary).toContain(`λ was chosen among the candidates reaching, on the selection split, the size one would choose without a search (${ref.id}`);
    } else {
      expect(chosen.validationAccuracy).toBe(Math.max(...ls.map((l) => l.validationAccuracy)));
      expect(r.notes.some((n) => n.startsWith('no λ candidate reached'))).toBe(true);
      expect(r.summary).toContain(`No λ candidate reached, on the selection split, the size one would choose without a search (${ref.id}`);
    }
    // Without the switch, no reference and no homogeneous validation.
    const plain = await run({ limits: LIMITS });
    expect(plain.r.pareto.protocol!.selectionReference).toBeUndefined();
    expect(plain.r.summary).not.toContain('λ was chosen among the candidates reaching');
  });
});

describe('selection against the reference: each branch decides the proposal, set by the test rather than by the fixture', () => {
  /**
   * The search with two λ candidates made to differ: λ=0.5 misses the first 8 selection images, λ=4 the first 10
   * and reports half the EDAP (the stand-in chip gets every image of the tiny task right, and both λ derive the
   * same architecture here). The committed network validates at `accuracyOf(n)` on N×N (the committed mapping's
   * own evaluation included), which sets the reference.
   */
  async function run2(accuracyOf: (n: number) => number, space: object = {}) {
    const inp = tinyInputs(g, { lambdas: [0.5, 4], selectionReference: 'homogeneous', ...space });
    const base = standInEvaluator(inp.evalSet);
    const committedN = [...inp.committed.values()][0]!.rows;
    const evaluate: Evaluator = async (o) => {
      const m = /^searched λ=(0\.5|4)$/.exec(o.label);
      if (m && o.images) {
        const wrong = m[1] === '4' ? 10 : 8;
        const labels = Int32Array.from(o.images.labels, (l, k) => (k < wrong ? (l + 1) % 4 : l));
        const rep = await base({ ...o, images: { ...o.images, labels } });
        return m[1] === '4' ? { ...rep, totals: { ...rep.totals, edap: rep.totals.edap / 2 } } : rep;
      }
      const rep = await base(o);
      const h = /^homogeneous (\d+)×\d+ \(as committed\)$/.exec(o.label);
      const n = h ? Number(h[1]) : o.label === 'committed model (as committed)' ? committedN : undefined;
      if (n === undefined) return rep;
      return { ...rep, accuracy: { ...rep.accuracy!, nonIdeal: { ...rep.accuracy!.nonIdeal, mean: accuracyOf(n) } } };
    };
    const r = await searchOn(inp, { budgetS: 120, progress: () => {}, now: clock, nonIdeal: standInNonIdeal, evaluate, limits: LIMITS });
    const ls = r.pareto.lambdas!;
    const n = ls.length === 2 ? Math.round(8 / (1 - ls[0]!.validationAccuracy)) : NaN;
    // The premise: λ=0.5 is the more accurate by two images, λ=4 the cheaper.
    expect(ls.map((l) => l.lambda)).toEqual([0.5, 4]);
    expect(ls.map((l) => l.validationAccuracy)).toEqual([1 - 8 / n, 1 - 10 / n]);
    return { r, chosen: ls.find((l) => l.evaluated)!.lambda, ref: r.pareto.protocol!.selectionReference!, top: ls[0]!.validationAccuracy };
  }

  test('a floor both reach: the cheaper λ=4, two images short of λ=0.5 but not worse (paired), is proposed', async () => {
    const { r, chosen, ref } = await run2(() => 0);
    expect(chosen).toBe(4);
    expect(r.notes.some((x) => x.startsWith('λ=4 chosen on the architecture-step split') && x.includes(`(the selection reference, ${ref.id} as committed)`))).toBe(true);
    expect(r.summary).toContain(`λ was chosen among the candidates reaching, on the selection split, the size one would choose without a search (${ref.id}`);
    expect(r.summary).not.toContain('No λ candidate reached');
  });

  test('a floor only λ=0.5 reaches: λ=0.5 is proposed although λ=4 is cheaper and not worse', async () => {
    const probe = await run2(() => 0);
    const { r, chosen, ref } = await run2(() => probe.top);
    expect(ref.validationAccuracy).toBe(probe.top);
    expect(chosen).toBe(0.5);
    expect(r.notes.some((x) => x.startsWith('λ=0.5 chosen on the architecture-step split'))).toBe(true);
  });

  test('a floor neither reaches: the most accurate, λ=0.5, is proposed, and the run and summary.md say so', async () => {
    const { r, chosen } = await run2(() => 1);
    expect(chosen).toBe(0.5);
    expect(r.notes.some((x) => x.startsWith('no λ candidate reached'))).toBe(true);
    expect(r.summary).toContain(`No λ candidate reached, on the selection split, the size one would choose without a search (${r.pareto.protocol!.selectionReference!.id}`);
  });

  test('smallerCrossbars: toReference runs with the reference the run picked (32×32 here): no smaller-crossbar check compares with a size above it', async () => {
    const { r, ref } = await run2((n) => (n === 32 ? 1 : 0.5), { smallerCrossbars: 'toReference' });
    expect(ref.id).toBe('homogeneous-32');
    const checks = r.runs.flatMap((x) => x.pairedChecks).filter((c) => c.rule === 'smallerCrossbars');
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.every((c) => c.alternativeCrossbar !== undefined && c.alternativeCrossbar <= 32)).toBe(true);
  });
});

describe('derived architecture', () => {
  test('kernels 5/7, crossbars and a skipped block survive save → loadLayersModel → graphFromModel; outputs agree', async () => {
    const plan = resolveSearchPlan({ graph: g, committed: committedMappings(g), space: parseSearchSpace({ zeroOp: true }, 'f', 'search'), file: 'f' });
    const pick = (name: string, k: number | 'zero', n = 32) => {
      const l = plan.layers.find((x) => x.name === name)!;
      return l.ops.findIndex((o) => (k === 'zero' ? o.kind === 'zero' : o.kind === 'path' && o.kernel === k && o.crossbar === n));
    };
    const net = new Supernet(plan, 1e-3);
    const wanted: Record<string, number | 'zero'> = { b2_conv1: 5, b2_conv2: 7 };
    for (const [zero, skipped] of [[false, 'b1_conv1'], [true, 'none']] as const) {
      const choice = plan.layers.map((l) => (l.name === 'b1_conv1' && zero ? pick(l.name, 'zero') : pick(l.name, wanted[l.name] ?? l.committedKernel, l.name === 'fc' ? 16 : 32)));
      const dg = deriveGraph(plan, choice, (l, k) => net.hostWeights(l, k));
      const maps = deriveMappings(plan, choice);
      const dir = path.join(tmp, `derived-${zero}`);
      const model = buildLayersModel(dg, 'f');
      await saveModelToFolder(model, dir);
      model.dispose();
      const m = await loadLayersModel(dirSource(dir), 'model.json');
      const back = graphFromModel(m, 'model.json');
      m.dispose();
      const ks = Object.fromEntries(matrixNodes(back).map((n) => [n.name, n.shape.kernelH]));
      expect(ks.b2_conv1).toBe(5);
      expect(ks.b2_conv2).toBe(7);
      expect('b1_conv1' in ks).toBe(!zero);
      expect([...maps.keys()].sort()).toEqual(Object.keys(ks).sort());
      expect(maps.get('fc')!.rows).toBe(16);
      const { images } = quadrantData(16, 3);
      const y1 = idealLogits(dg, images, 16);
      const y2 = idealLogits(back, images, 16);
      let worst = 0;
      for (let i = 0; i < y1.length; i++) worst = Math.max(worst, Math.abs(y1[i]! - y2[i]!));
      expect(worst).toBeLessThan(1e-4);
      expect(skipped).toBeDefined();
    }
    net.dispose();
    expect(tf.memory().numTensors).toBeGreaterThan(0);
  });
});
