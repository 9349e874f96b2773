/**
 * `npm run bench:search` (issue 12): the search protocol on the fixture (ResNet-20 16-32-64, Fashion-MNIST)
 * for several search seeds, then per seed the side-by-side table and, over seeds, the median and range of
 * ΔEDAP and Δ non-ideal accuracy of the proposed candidate against
 *   - the homogeneous size one would choose without a search (lowest EDAP within 1 pp of the most accurate
 *     homogeneous: on the fine-tuned baselines' validation accuracy once `--validate-from` has measured it, else
 *     the run's selection reference (--selection-reference homogeneous: the committed network on validation), else
 *     on evaluation-set accuracy — the set it is then compared on; the issue's target ΔEDAP ≤ −17 % at accuracy
 *     not worse),
 *   - the lowest-EDAP homogeneous baseline it is not worse than (paired interval), and
 *   - the cost-only optimum (target: accuracy not worse at ≤ +5 % EDAP).
 * Options: --budget 15m (per seed), --seeds 1,2,3, --lambda 1, --eval-images all|N, --chips 10,
 * --selection-images 300, --selection-reference none|homogeneous (nax.yml search.selectionReference), --smaller-crossbars paired|toReference|keep (search.smallerCrossbars),
 * --hardware-loss product|additive (search.hardwareLoss, weights 1, 1, 1), --out .nax-out/bench-search, and the cost-model switches of the CLI (--delay-model pumaAdc,
 * --leakage alwaysOn, …: the search, its cost-only optimum and every report under them). Results land in <out>/seed-<s>/ and the per-seed rows in
 * <out>/bench-rows.json; `--aggregate a.json,b.json` prints the table over rows of runs made in parallel, and
 * `--from DIR` prints it again from a run's seed folders (DIR/seed-<s>/pareto.json).
 * `--validate-from DIR` evaluates each seed's saved homogeneous baselines on the run's selection split (its images ×
 * chips, from pareto.json's protocol) and writes DIR/seed-<s>/homogeneous-validation.json; from then on the table
 * (of `--from`, `--evaluate-from` and this) picks the size one would choose on those validation accuracies, as the
 * protocol picks everything else, instead of on the evaluation accuracies it is then compared on.
 * `--evaluate-from DIR` runs the final evaluation again, at --eval-images × --chips, on the candidates a run saved
 * (DIR/seed-<s>/candidates/<id>: the same networks and mappings, nothing retrained or reselected), writes
 * DIR/seed-<s>/evaluated-<images>x<chips>/pareto.json, summary.md and pareto.html, and prints the table; `--only id,…` limits
 * it to some candidates (the proposed one is always evaluated), `--seeds` to some seeds; `--all-lambdas` adds the λ
 * candidates selection did not choose (saved but never evaluated), each compared like the proposal, to see how
 * well selection on the validation split chose.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { arg, costModelArgs } from './args.js';
import { parseDuration, parseSearchSpace } from '../src/config/search-space.js';
import { dirSource } from '../src/io/files.js';
import { PARETO_FILE } from '../src/io/search-files.js';
import { folderSink, writeSearchPages } from '../src/io/search-folder.js';
import { initBackend } from '../src/runtime/tfjs.js';
import { workerSampleRunner } from '../src/runtime/workers.js';
import { loadSearchInputs, simulatorEvaluator } from '../src/search-project.js';
import { isFolderBelow, parseParetoDocument } from '../src/io/parse-pareto.js';
import { searchSummaryMarkdown } from '../src/render/search-summary.js';
import { type Candidate, type Comparison, type ParetoDocument, type ProtocolInfo, type SelectionReference, bestCandidate, paretoDocument } from '../src/search/pareto.js';
import { runSearchOn, type SearchInputs, simulatorNonIdeal } from '../src/search/run.js';
import { parseMapping, resolveMapping } from '../src/config/mapping.js';
import { type NetworkGraph, matrixNodes } from '../src/model/graph.js';
import type { LayerMapping } from '../src/config/mapping.js';
import { candidateFromReport } from '../src/search/evaluate.js';
import { compareCandidates, homogeneousChoice } from '../src/search/protocol.js';
import type { NaxReport } from '../src/report.js';
import type { SampleRunner } from '../src/xbar/simulate.js';

/** The homogeneous baselines' non-ideal accuracy on a run's selection split (`--validate-from`), by candidate id. */
interface HomogeneousValidation {
  readonly split: string;
  readonly images: number;
  readonly chips: number;
  readonly accuracy: Readonly<Record<string, number>>;
}

const VALIDATION_FILE = 'homogeneous-validation.json';

/** The fixture's search data, as every run of this bench uses it. */
const BENCH_SETS = {
  trainSet: { images: 'data/train-images.npy.gz', labels: 'data/train-labels.npy.gz', scale: 1 / 255 },
  validationSet: { images: 'data/val-images.npy.gz', labels: 'data/val-labels.npy', scale: 1 / 255 },
  validationImages: 1000,
};

/**
 * A seed folder's `--validate-from` measurements, when they were taken on the selection split `protocol` records
 * (split, images and chips): picked on another split, the size one would choose would not be the run's.
 */
function readValidation(seedDir: string, protocol: ProtocolInfo | undefined): HomogeneousValidation | undefined {
  const file = `${seedDir}/${VALIDATION_FILE}`;
  if (!existsSync(file)) return undefined;
  const v = JSON.parse(readFileSync(file, 'utf8')) as HomogeneousValidation;
  // Not this run's split: left out with a warning (the table falls back to the run's own reference), so one
  // stale file does not cost the other seeds' rows.
  if (!protocol) {
    console.error(`${file}: left out: the run's pareto.json records no selection split to check it against`);
    return undefined;
  }
  if (v.split !== protocol.selectionSplit || v.images !== protocol.selectionImages || v.chips !== protocol.selectionChips) {
    console.error(`${file}: left out: measured on ${v.split} (${v.images} images × ${v.chips} chips), but the run selected on ` +
      `${protocol.selectionSplit} (${protocol.selectionImages} images × ${protocol.selectionChips} chips); run --validate-from again`);
    return undefined;
  }
  return v;
}

interface SeedRow {
  readonly seed: number;
  readonly proposed: string;
  readonly architecture: string;
  /** Against the homogeneous size one would choose: lowest EDAP within 1 pp of the most accurate homogeneous. */
  readonly vsChosenHomogeneous?: { readonly against: string; readonly c: Comparison };
  /** Against the lowest-EDAP homogeneous baseline the candidate is not worse than (paired interval). */
  readonly vsHomogeneous?: { readonly against: string; readonly c: Comparison };
  readonly vsCostOnly?: Comparison;
  readonly vsRandom?: Comparison;
  readonly wallS: number;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const pp = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;
const rel = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)} %`;
const cmp = (c: Comparison | undefined) => (c ? `${rel(c.deltaObjective)} EDAP, ${pp(c.deltaPp)} pp [${pp(c.ciLowPp)}, ${pp(c.ciHighPp)}] (${c.verdict})` : '—');

/** The lowest-EDAP homogeneous baseline the candidate is not worse than, by the paired interval. */
function bestHomogeneous(best: Candidate, all: readonly Candidate[]): { against: string; c: Comparison } | undefined {
  const homo = new Map(all.filter((c) => c.kind === 'homogeneous').map((c) => [c.id, c]));
  const ok = (best.comparisons ?? []).filter((x) => homo.has(x.against) && x.verdict !== 'worse');
  ok.sort((a, b) => homo.get(a.against)!.edap - homo.get(b.against)!.edap);
  return ok[0] ? { against: homo.get(ok[0].against)!.label, c: ok[0] } : undefined;
}

/**
 * The homogeneous size one would choose without a search, by the README's rule (sensitivity section): the lowest
 * EDAP among the homogeneous baselines within 1 pp of the most accurate one; the candidate's comparison with it.
 * On the validation accuracies when every homogeneous baseline has one, else on the evaluation accuracies.
 */
function chosenHomogeneous(best: Candidate, all: readonly Candidate[], sfx: string, validation?: HomogeneousValidation, reference?: SelectionReference): { against: string; c: Comparison } | undefined {
  // The proposal's own baselines: after a merge of shards, its shard's (`sfx`); a folder evaluated again compares
  // it with every shard's.
  const homo = all.filter((c) => c.kind === 'homogeneous' && c.id.endsWith(sfx) && best.comparisons?.some((x) => x.against === c.id));
  if (homo.length === 0) return undefined;
  const c = (pick: Candidate, on: string) => {
    const x = best.comparisons?.find((y) => y.against === pick.id);
    return x ? { against: `${pick.label} (picked on ${on})`, c: x } : undefined;
  };
  if (validation !== undefined && homo.every((h) => validation.accuracy[h.id] !== undefined)) {
    return c(homo[homogeneousChoice(homo.map((h) => ({ accuracy: validation.accuracy[h.id]!, objective: h.edap })))]!, 'validation, fine-tuned');
  }
  // The run's own selection reference: the same rule on the committed network as committed, on validation.
  // Its id is the size's (homogeneous-N); a sharded run's baselines carry the shard (homogeneous-N-shardK).
  const ref = reference && homo.find((h) => h.id === `${reference.id}${sfx}`);
  if (ref) return c(ref, 'validation, as committed');
  return c(homo[homogeneousChoice(homo.map((h) => ({ accuracy: h.accuracy, objective: h.edap })))]!, 'evaluation');
}

/** One seed's row from its Pareto document. */
function rowOf(seed: number, doc: ParetoDocument, wallS: number, validation?: HomogeneousValidation): SeedRow | undefined {
  const best = doc.candidates.find((c) => c.id === doc.best);
  if (!best) return undefined;
  // After a merge of shards, the proposal's own shard's baselines (ids end in -shardK, as its own does).
  const sfx = /-shard\d+$/.exec(best.id)?.[0] ?? '';
  const costOnly = doc.candidates.find((c) => c.kind === 'costOnly' && c.id.endsWith(sfx));
  const random = doc.candidates.find((c) => c.kind === 'random' && c.id.endsWith(sfx));
  const vsH = bestHomogeneous(best, doc.candidates);
  const vsC = chosenHomogeneous(best, doc.candidates, sfx, validation, doc.protocol?.selectionReference);
  return {
    seed, proposed: best.label, architecture: best.architecture ?? '',
    ...(vsC ? { vsChosenHomogeneous: vsC } : {}),
    ...(vsH ? { vsHomogeneous: vsH } : {}),
    ...(costOnly ? { vsCostOnly: best.comparisons?.find((x) => x.against === costOnly.id) } : {}),
    ...(random ? { vsRandom: best.comparisons?.find((x) => x.against === random.id) } : {}),
    wallS,
  };
}

function stats(label: string, xs: readonly number[], fmt: (x: number) => string): string {
  if (xs.length === 0) return `${label}: no seed had this comparison`;
  return `${label}: median ${fmt(median(xs))}, range ${fmt(Math.min(...xs))} … ${fmt(Math.max(...xs))} (${xs.length} seeds)`;
}

function printTable(rows: readonly SeedRow[]): void {
  console.log('\n## bench:search over seeds\n');
  console.log('| seed | proposed | vs the homogeneous size one would choose | vs best homogeneous it is not worse than | vs cost-only optimum | vs random search | wall s |');
  console.log('|---|---|---|---|---|---|---:|');
  for (const r of rows) {
    const h = (x: SeedRow['vsHomogeneous']) => (x ? `${x.against}: ${cmp(x.c)}` : '—');
    console.log(`| ${r.seed} | ${r.proposed}: ${r.architecture || 'committed architecture'} | ${h(r.vsChosenHomogeneous)} | ${h(r.vsHomogeneous)} | ${cmp(r.vsCostOnly)} | ${cmp(r.vsRandom)} | ${Number.isNaN(r.wallS) ? "—" : r.wallS.toFixed(0)} |`);
  }
  const ch = rows.flatMap((r) => (r.vsChosenHomogeneous ? [r.vsChosenHomogeneous.c] : []));
  const h = rows.flatMap((r) => (r.vsHomogeneous ? [r.vsHomogeneous.c] : []));
  const c = rows.flatMap((r) => (r.vsCostOnly ? [r.vsCostOnly] : []));
  console.log('');
  console.log(stats('ΔEDAP vs the homogeneous size one would choose', ch.map((x) => x.deltaObjective), rel) + ' — target ≤ −17 % at accuracy not worse');
  console.log(stats('Δ accuracy vs the homogeneous size one would choose', ch.map((x) => x.deltaPp), (x) => `${pp(x)} pp`) +
    ` (${ch.filter((x) => x.verdict !== 'worse').length} of ${ch.length} not worse)`);
  console.log(stats('ΔEDAP vs best homogeneous it is not worse than', h.map((x) => x.deltaObjective), rel));
  console.log(stats('Δ accuracy vs best homogeneous it is not worse than', h.map((x) => x.deltaPp), (x) => `${pp(x)} pp`));
  console.log(stats('ΔEDAP vs cost-only', c.map((x) => x.deltaObjective), rel) + ' — target ≤ +5 % at accuracy not worse, or better accuracy');
  console.log(stats('Δ accuracy vs cost-only', c.map((x) => x.deltaPp), (x) => `${pp(x)} pp`) +
    ` (verdicts: ${c.map((x) => x.verdict).join(', ')})`);
}

/** A candidate a run saved: its network and mapping (DIR/seed-<s>/candidates/<id>). */
async function loadCandidate(seedDir: string, c: Candidate): Promise<{ graph: NetworkGraph; mappings: ReadonlyMap<string, LayerMapping> }> {
  if (c.folder === undefined) throw new Error(`${seedDir}/pareto.json: candidate ${c.id} has no folder`);
  const graph = await folderSink(seedDir).loadGraph(`${c.folder}/model.json`);
  const mfile = `${seedDir}/${c.folder}/mapping.json`;
  const mappings = resolveMapping(parseMapping(JSON.parse(readFileSync(mfile, 'utf8')), mfile), matrixNodes(graph).map((n) => n.name), mfile);
  return { graph, mappings };
}

/**
 * The final evaluation again on a seed folder's saved candidates, at the inputs' evaluation set and `chips`:
 * every kept candidate on the same images and chips, then the proposed one's paired comparisons against the
 * others, as the search's step 7 makes them. The proposed candidate stays the one chosen on validation.
 */
interface ReevaluateOptions {
  readonly inputs: SearchInputs;
  readonly runner: SampleRunner;
  readonly chips: number;
  /** Candidates to evaluate besides the proposal (all without it). */
  readonly only?: ReadonlySet<string>;
  /** Also the λ candidates selection did not choose (`--all-lambdas`). */
  readonly allLambdas: boolean;
  readonly log: (line: string) => void;
}

async function reevaluate(seedDir: string, o: ReevaluateOptions): Promise<ParetoDocument> {
  const { inputs, runner, chips, only, log } = o;
  const file = `${seedDir}/pareto.json`;
  const doc = parseParetoDocument(JSON.parse(readFileSync(file, 'utf8')), file);
  const best = doc.candidates.find((c) => c.id === doc.best);
  if (!best) throw new Error(`${file}: no proposed candidate`);
  const keep = doc.candidates.filter((c) => c.id === best.id || !only || only.has(c.id));
  // --all-lambdas: the λ candidates selection did not choose (saved, never evaluated), to see whether it chose well.
  // Their fine-tuning steps are not recorded (the same as the proposal's unless the budget cut them).
  const { fineTuneSteps: _steps, ...proposal } = best;
  const unchosen: Candidate[] = [];
  for (const l of o.allLambdas ? doc.lambdas ?? [] : []) {
    if (doc.candidates.some((c) => c.id === l.id)) continue;
    const folder = `candidates/${l.id}`;
    if (!isFolderBelow(folder) || !existsSync(`${seedDir}/${folder}/model.json`)) {
      log(`λ=${l.lambda}: no saved candidate at ${folder}, left out`);
      continue;
    }
    unchosen.push({ ...proposal, id: l.id, label: `searched λ=${l.lambda} (not chosen)`, lambda: l.lambda, architecture: l.architecture, folder, validationAccuracy: l.validationAccuracy });
  }
  const evaluate = simulatorEvaluator(inputs, { runner });
  const reports = new Map<string, NaxReport>();
  const candidates: Candidate[] = [];
  for (const c of [...keep, ...unchosen]) {
    const { graph, mappings } = await loadCandidate(seedDir, c);
    const t = performance.now();
    const r = await evaluate({ graph, mappings, label: c.label, samples: chips });
    reports.set(c.id, r);
    // Every measured field comes from the new report; the rest (λ, architecture, folder, validation) stays.
    const { comparisons: _old, quantisedAccuracy: _q, accuracyCi95: _ci, ...rest } = c;
    candidates.push({ ...rest, ...candidateFromReport(r, { id: c.id, kind: c.kind, label: c.label }) });
    log(`${c.label}: non-ideal ${(r.accuracy!.nonIdeal.mean * 100).toFixed(2)} %, EDAP ${r.totals.edap.toExponential(3)} (${((performance.now() - t) / 1000).toFixed(0)} s)`);
  }
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const added = new Set(unchosen.map((u) => u.id));
  const compared = candidates.map((c) => (c.id !== best.id && !added.has(c.id) ? c : {
    ...c,
    comparisons: candidates.flatMap((b) => {
      const x = b.id === c.id ? undefined : compareCandidates({ candidate: c, report: reports.get(c.id)! }, { candidate: byId.get(b.id)!, report: reports.get(b.id)! }, doc.objective);
      return x ? [x] : [];
    }),
  }));
  const protocol = doc.protocol ? { ...doc.protocol, evaluationImages: inputs.evalSet.n, evaluationChips: chips } : undefined;
  // The proposal stays the run's; whether it beats the committed mapping is judged on it alone (the λ candidates
  // added above are not the run's choice and must not change the claim).
  const { beats } = bestCandidate(compared.filter((c) => !added.has(c.id)), doc.objective, protocol?.selectionReference?.validationAccuracy);
  return { ...paretoDocument(compared, doc.objective, protocol, doc.lambdas), best: best.id, beatsCommitted: beats };
}

/**
 * The saved homogeneous baselines of a seed folder on the run's selection split, as the search evaluated its λ
 * candidates there: the same validation images (the first `selectionImages`) and `selectionChips` chips.
 */
async function validateHomogeneous(seedDir: string, doc: ParetoDocument, p: ProtocolInfo, costModel: ReturnType<typeof costModelArgs>, runner: SampleRunner, log: (l: string) => void): Promise<HomogeneousValidation> {
  if (p.selectionSplit !== 'the validation split') throw new Error(`${seedDir}: selection was on ${p.selectionSplit}, which this bench does not rebuild`);
  const space = parseSearchSpace({ ...BENCH_SETS, selectionImages: p.selectionImages, selectionChips: p.selectionChips }, 'nax.yml', 'search');
  const inputs = await loadSearchInputs(dirSource('fixtures'), 'nax.yml', space, costModel);
  const evaluate = simulatorEvaluator(inputs, { runner });
  const accuracy: Record<string, number> = {};
  for (const c of doc.candidates.filter((x) => x.kind === 'homogeneous')) {
    const { graph, mappings } = await loadCandidate(seedDir, c);
    const r = await evaluate({ graph, mappings, label: c.label, images: inputs.validation!, samples: p.selectionChips });
    accuracy[c.id] = r.accuracy!.nonIdeal.mean;
    log(`${c.label}: validation non-ideal ${(accuracy[c.id]! * 100).toFixed(2)} % (${inputs.validation!.n} images × ${p.selectionChips} chips)`);
  }
  return { split: p.selectionSplit, images: inputs.validation!.n, chips: p.selectionChips, accuracy };
}

async function main(): Promise<void> {
  const agg = arg('aggregate');
  if (agg) {
    printTable(agg.split(',').flatMap((f) => JSON.parse(readFileSync(f, 'utf8')) as SeedRow[]).sort((a, b) => a.seed - b.seed));
    return;
  }
  // --from DIR: the table again from the seed folders a run wrote (DIR/seed-<s>/pareto.json).
  const from = arg('from');
  if (from) {
    const seeds = readdirSync(from).flatMap((d) => (/^seed-\d+$/.test(d) ? [Number(d.slice(5))] : [])).sort((a, b) => a - b);
    printTable(seeds.flatMap((sd) => {
      const doc = parseParetoDocument(JSON.parse(readFileSync(`${from}/seed-${sd}/pareto.json`, 'utf8')), `${from}/seed-${sd}/pareto.json`);
      const r = rowOf(sd, doc, Number.NaN, readValidation(`${from}/seed-${sd}`, doc.protocol));
      return r ? [r] : [];
    }));
    return;
  }
  const evaluateFrom = arg('evaluate-from');
  if (process.argv.includes('--all-lambdas') && !evaluateFrom) throw new Error('--all-lambdas evaluates a run\'s saved λ candidates: it needs --evaluate-from DIR');
  const budgetS = parseDuration(arg('budget') ?? '15m', 'bench', '--budget');
  const seeds = (arg('seeds') ?? '1,2,3').split(',').map(Number);
  const outDir = arg('out') ?? '.nax-out/bench-search';
  const evalImages = arg('eval-images') ?? 'all';
  const costModel = costModelArgs();
  await initBackend('wasm');
  // Candidate evaluations spread their Monte Carlo samples over worker threads started from the built CLI
  // bundle (a worker only needs plain data and the bundle's worker entry; run `npm run build` first).
  const runner = workerSampleRunner({ entry: new URL('../dist/cli/index.js', import.meta.url), workers: Math.min(2, availableParallelism()) });
  const rows: SeedRow[] = [];
  const t0 = performance.now();
  if (evaluateFrom) {
    const only = arg('only') ? new Set(arg('only')!.split(',')) : undefined;
    const chips = Number(arg('chips') ?? 10);
    const space = parseSearchSpace({ evaluationImages: evalImages === 'all' ? 'all' : Number(evalImages), evaluationChips: chips, trainSet: BENCH_SETS.trainSet }, 'nax.yml', 'search');
    const inputs = await loadSearchInputs(dirSource('fixtures'), 'nax.yml', space, costModel);
    const dirs = readdirSync(evaluateFrom).flatMap((d) => (/^seed-\d+$/.test(d) ? [Number(d.slice(5))] : [])).filter((sd) => !arg('seeds') || seeds.includes(sd)).sort((a, b) => a - b);
    for (const seed of dirs) {
      const ts = performance.now();
      const seedDir = `${evaluateFrom}/seed-${seed}`;
      const doc = await reevaluate(seedDir, { inputs, runner, chips, ...(only ? { only } : {}), allLambdas: process.argv.includes('--all-lambdas'), log: (l) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(5)} s] seed ${seed}: ${l}`) });
      const out = `${seedDir}/evaluated-${inputs.evalSet.n}x${chips}`;
      mkdirSync(out, { recursive: true });
      // The candidates' files stay in the seed folder, beside this one; every reader of pareto.json takes a folder
      // as below the document's own (parse-pareto.ts isFolderBelow), so the copy written here names none.
      const written = { ...doc, candidates: doc.candidates.map(({ folder: _seedFolder, ...c }) => c) };
      writeFileSync(`${out}/${PARETO_FILE}`, JSON.stringify(written, null, 2) + '\n');
      const summary = searchSummaryMarkdown(written, [`evaluated again (bench:search --evaluate-from) on ${inputs.evalSet.n} images × ${chips} chips: the run's saved candidates (their files in ${seedDir}/candidates), nothing retrained or reselected; the proposed candidate is the one the run chose on validation`]);
      await writeSearchPages(folderSink(out), written, summary);
      console.log(`\n### seed ${seed}, evaluated again on ${inputs.evalSet.n} images × ${chips} chips\n\n${summary}`);
      const row = rowOf(seed, doc, (performance.now() - ts) / 1000, readValidation(seedDir, doc.protocol));
      if (row) rows.push(row);
    }
    printTable(rows);
    return;
  }
  const validateFrom = arg('validate-from');
  if (validateFrom) {
    const dirs = readdirSync(validateFrom).flatMap((d) => (/^seed-\d+$/.test(d) ? [Number(d.slice(5))] : [])).filter((sd) => !arg('seeds') || seeds.includes(sd)).sort((a, b) => a - b);
    for (const seed of dirs) {
      const seedDir = `${validateFrom}/seed-${seed}`;
      const file = `${seedDir}/pareto.json`;
      const doc = parseParetoDocument(JSON.parse(readFileSync(file, 'utf8')), file);
      if (!doc.protocol) throw new Error(`${file}: no protocol, so no selection split to validate on`);
      const v = await validateHomogeneous(seedDir, doc, doc.protocol, costModel, runner, (l) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(5)} s] seed ${seed}: ${l}`));
      writeFileSync(`${seedDir}/${VALIDATION_FILE}`, JSON.stringify(v, null, 2) + '\n');
      const row = rowOf(seed, doc, Number.NaN, v);
      if (row) rows.push(row);
    }
    printTable(rows);
    return;
  }
  for (const seed of seeds) {
    const space = parseSearchSpace({
      ...BENCH_SETS,
      kernels: [3, 5],
      lambda: (arg('lambda') ?? '1').split(',').map(Number),
      objective: 'edap',
      selectionImages: Number(arg('selection-images') ?? 300),
      evaluationImages: evalImages === 'all' ? 'all' : Number(evalImages),
      evaluationChips: Number(arg('chips') ?? 10),
      selectionReference: arg('selection-reference') ?? 'none',
      ...(arg('smaller-crossbars') !== undefined ? { smallerCrossbars: arg('smaller-crossbars') } : {}),
      ...(arg('hardware-loss') !== undefined ? { hardwareLoss: arg('hardware-loss') } : {}),
      seed,
    }, 'nax.yml', 'search');
    const inputs = await loadSearchInputs(dirSource('fixtures'), 'nax.yml', space, costModel);
    const ts = performance.now();
    const sink = folderSink(`${outDir}/seed-${seed}`);
    const r = await runSearchOn(inputs, {
      budgetS, sink, evaluate: simulatorEvaluator(inputs, { runner }), nonIdeal: simulatorNonIdeal(inputs, runner.logits),
      progress: (l) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(5)} s] seed ${seed}: ${l}`),
      now: () => performance.now() / 1000,
    });
    const summary = searchSummaryMarkdown(r.pareto, r.notes);
    await writeSearchPages(sink, r.pareto, summary);
    console.log(`\n### seed ${seed}\n\n${summary}`);
    const row = rowOf(seed, r.pareto, (performance.now() - ts) / 1000);
    if (row) rows.push(row);
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(`${outDir}/bench-rows.json`, JSON.stringify(rows, null, 2) + '\n');
  printTable(rows);
  if (Object.keys(costModel).length > 0) console.log(`cost model over technology.json: ${JSON.stringify(costModel)}`);
  console.log(`budget ${budgetS} s per seed (training and selection; the final evaluation comes on top), ${seeds.length} seeds, total ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

main().catch((e) => {
  console.error(e instanceof Error ? (e as Error & { format?: () => string }).format?.() ?? e.stack : e);
  process.exit(1);
});
