/**
 * pareto.json read back (merges, the nightly workflow): the protocol's fields survive a round trip, and a
 * forged or broken document is a user error naming the field.
 */
import { describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NaxUserError } from '../../src/errors.js';
import { mergeSearchFolders } from '../../src/io/search-folder.js';
import { parseParetoDocument } from '../../src/io/parse-pareto.js';
import { renderParetoHtml } from '../../src/render/html/report-page.js';
import { searchSummaryMarkdown } from '../../src/render/search-summary.js';
import { type Candidate, type LambdaRecord, describePairedCheck, mergeSearchResults, paretoDocument } from '../../src/search/pareto.js';

function cand(id: string, kind: Candidate['kind'], edap: number, extra: Partial<Candidate> = {}): Candidate {
  return { id, kind, label: id, accuracy: 0.9, accuracyStd: 0.01, idealAccuracy: 0.95, energyJ: 1e-6, delayS: 1e-3, areaMm2: 2, edap, fineTuneSteps: 40, ...extra };
}

const lambdas: LambdaRecord[] = [
  {
    id: 'searched-lambda-1', lambda: 1, archSteps: 12, argmax: 'a 3×3@64, b 3×3@128', architecture: 'a 3×3@32', evaluated: true, validationAccuracy: 0.9,
    pairedChecks: [
      { rule: 'costlierOps', layers: ['a', 'b'], deltaAccuracy: 0.04, ci95: [0.01, 0.07], kept: true, images: 100, chips: 2, deltaCe: -0.1, deltaHardware: 0.05, deltaObjective: -0.05 },
      { rule: 'costlierOps', layers: ['b'], deltaAccuracy: 0, ci95: [-0.01, 0.01], kept: false, images: 100, chips: 2, deltaCe: 0.001, deltaHardware: 0.02, deltaObjective: 0.021 },
      { rule: 'smallerCrossbars', layers: ['a'], deltaAccuracy: -0.02, ci95: [-0.04, 0], kept: false, images: 100, chips: 2, deltaCe: 0.03, deltaHardware: -0.01, deltaObjective: 0.02 },
      { rule: 'smallerCrossbars', layers: ['b'], deltaAccuracy: 0, ci95: [0, 0], kept: true, images: 100, chips: 2, deltaCe: -0.01, deltaHardware: 0.5, deltaObjective: -0.005, alternativeCrossbar: 32 },
    ],
  },
  // Not chosen on validation: its candidate was not evaluated, so it is not among the candidates.
  { id: 'searched-lambda-0.3', lambda: 0.3, archSteps: 14, argmax: '', architecture: '', evaluated: false, validationAccuracy: 0.91, pairedChecks: [] },
];

const doc = paretoDocument([
  cand('committed', 'committed', 4e-9),
  cand('homogeneous-32', 'homogeneous', 3e-9),
  cand('cost-only', 'costOnly', 1e-9, { architecture: 'a 3×3@16' }),
  cand('random', 'random', 2e-9),
  cand('searched-lambda-1', 'searched', 2.5e-9, {
    lambda: 1, accuracyCi95: { low: 0.88, high: 0.92 }, quantisedAccuracy: 0.935, validationAccuracy: 0.9, validationTolerance: 1 / 300, folder: 'candidates/searched-lambda-1',
    comparisons: [{ against: 'committed', deltaPp: 0.3, ciLowPp: -0.5, ciHighPp: 1.1, verdict: 'equal within noise', deltaObjective: -0.375 }],
  }),
], 'edap', {
  fineTuneSteps: 40, weightLr: 5e-4, selectionSplit: 'the validation split', selectionImages: 300, selectionChips: 2,
  evaluationImages: 2000, evaluationSetImages: 2000, evaluationChips: 10, randomSearchS: 120, randomSamples: 31, costOnlyStarts: 13,
  costModel: { delayModel: 'pumaAdc', adcAreaModel: 'saberi', arrayReadEnergy: 'component', partialSumMovement: 'none', leakage: 'alwaysOn' },
  hardwarePrice: 'exact',
  selectionReference: {
    id: 'homogeneous-32', validationAccuracy: 0.9,
    sizes: [
      { id: 'homogeneous-32', label: 'homogeneous 32×32 (as committed)', validationAccuracy: 0.9, objective: 3e-9 },
      { id: 'homogeneous-64', label: 'homogeneous 64×64 (as committed)', validationAccuracy: 0.89, objective: 4e-9 },
    ],
  },
  derivationRules: { largerKernels: 'paired', costlierOps: 'paired', smallerCrossbars: 'toReference' },
  hardwareLoss: 'product',
}, lambdas);

function expectError(mutate: (d: Record<string, unknown>) => void, field: RegExp): void {
  const d = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
  mutate(d);
  try {
    parseParetoDocument(d, 'pareto.json');
    throw new Error('accepted');
  } catch (e) {
    expect(e).toBeInstanceOf(NaxUserError);
    expect((e as NaxUserError).format()).toMatch(field);
  }
}

describe('parseParetoDocument', () => {
  test('every kind and the protocol fields survive a JSON round trip', () => {
    expect(parseParetoDocument(JSON.parse(JSON.stringify(doc)), 'pareto.json')).toEqual(doc);
    expect(doc.best).toBe('searched-lambda-1');
    expect(doc.beatsCommitted).toBe(true);
  });

  test('bad kinds, verdicts, intervals and dangling comparisons are named', () => {
    const cs = (d: Record<string, unknown>) => d.candidates as Array<Record<string, unknown>>;
    expectError((d) => { cs(d)[2]!.kind = 'oracle'; }, /candidates\[2\]\.kind/);
    expectError((d) => { (cs(d)[4]!.comparisons as Array<Record<string, unknown>>)[0]!.verdict = 'much better'; }, /comparisons\[0\]\.verdict/);
    expectError((d) => { (cs(d)[4]!.comparisons as Array<Record<string, unknown>>)[0]!.against = 'nobody'; }, /comparisons\[0\]\.against: names no candidate/);
    expectError((d) => { cs(d)[4]!.accuracyCi95 = { low: 0.95, high: 0.9 }; }, /accuracyCi95: low 0.95 is above high 0.9/);
    expectError((d) => { cs(d)[0]!.fineTuneSteps = 1.5; }, /candidates\[0\]\.fineTuneSteps/);
    expectError((d) => { cs(d)[4]!.quantisedAccuracy = 1.5; }, /candidates\[4\]\.quantisedAccuracy: must be ≤ 1/);
    expectError((d) => { cs(d)[4]!.quantisedAccuracy = '93.5 %'; }, /candidates\[4\]\.quantisedAccuracy/);
    expectError((d) => { (d.protocol as Record<string, unknown>).evaluationChips = -1; }, /protocol\.evaluationChips/);
    expectError((d) => { ((d.protocol as Record<string, unknown>).costModel as Record<string, unknown>).leakage = 'sometimes'; }, /protocol\.costModel\.leakage/);
    expectError((d) => { ((d.protocol as Record<string, unknown>).costModel as Record<string, unknown>).clock = 'fast'; }, /protocol\.costModel/);
    expectError((d) => { (d.protocol as Record<string, unknown>).hardwarePrice = 'cheap'; }, /protocol\.hardwarePrice/);
    const ref = (d: Record<string, unknown>) => (d.protocol as Record<string, unknown>).selectionReference as Record<string, unknown>;
    expectError((d) => { ref(d).id = 'homogeneous-16'; }, /protocol\.selectionReference\.id: names none of its sizes/);
    expectError((d) => { ref(d).validationAccuracy = 0.89; }, /protocol\.selectionReference\.validationAccuracy: is not the accuracy of homogeneous-32/);
    expectError((d) => { (ref(d).sizes as Array<Record<string, unknown>>)[1]!.validationAccuracy = 1.2; }, /selectionReference\.sizes\[1\]\.validationAccuracy/);
    expectError((d) => { ref(d).sizes = Array(65).fill((ref(d).sizes as unknown[])[0]); }, /selectionReference\.sizes: more than 64 entries/);
  });

  test('λ records: their paired checks are checked field by field, and an evaluated λ must name a candidate', () => {
    const ls = (d: Record<string, unknown>) => d.lambdas as Array<Record<string, unknown>>;
    const check = (d: Record<string, unknown>) => (ls(d)[0]!.pairedChecks as Array<Record<string, unknown>>)[1]!;
    expectError((d) => { check(d).kept = 'yes'; }, /lambdas\[0\]\.pairedChecks\[1\]\.kept/);
    expectError((d) => { check(d).rule = 'smallerKernels'; }, /lambdas\[0\]\.pairedChecks\[1\]\.rule/);
    expectError((d) => { check(d).ci95 = [0.1, -0.1]; }, /pairedChecks\[1\]\.ci95: low 0.1 is above high -0.1/);
    expectError((d) => { check(d).deltaCe = 'NaN'; }, /pairedChecks\[1\]\.deltaCe/);
    const toRef = (d: Record<string, unknown>) => (ls(d)[0]!.pairedChecks as Array<Record<string, unknown>>)[3]!;
    expectError((d) => { toRef(d).alternativeCrossbar = 33.5; }, /pairedChecks\[3\]\.alternativeCrossbar/);
    expectError((d) => { toRef(d).alternativeCrossbar = 1e9; }, /pairedChecks\[3\]\.alternativeCrossbar/);
    expectError((d) => { toRef(d).alternativeCrossbar = 8; }, /pairedChecks\[3\]\.alternativeCrossbar/);
    expectError((d) => { check(d).alternativeCrossbar = 32; }, /pairedChecks\[1\]\.alternativeCrossbar: only a smallerCrossbars check records one/);
    expectError((d) => { check(d).layers = Array(10_001).fill('a'); }, /pairedChecks\[1\]\.layers: more than 10000 entries/);
    expectError((d) => { ls(d)[0]!.id = 'searched-lambda-7'; }, /lambdas\[0\]\.id: an evaluated λ must name the searched candidate of λ 1/);
    expectError((d) => { d.lambdas = {}; }, /lambdas: expected an array/);
    expectError((d) => { ls(d)[1]!.id = 'searched-lambda-1'; }, /lambdas\[1\]\.id: 'searched-lambda-1' appears twice/);
    expectError((d) => { ls(d)[0]!.lambda = 0.3; }, /lambdas\[0\]\.id: an evaluated λ must name the searched candidate of λ 0.3/);
    expectError((d) => { ls(d)[0]!.id = 'cost-only'; }, /lambdas\[0\]\.id: an evaluated λ must name the searched candidate/);
    // Text reaches logs and job summaries: a newline could start a workflow command there.
    expectError((d) => { ls(d)[0]!.argmax = 'a 3×3@64\n::set-output name=x::y'; }, /lambdas\[0\]\.argmax: contains a control character/);
    expectError((d) => { (check(d).layers as string[])[0] = 'b\r'; }, /pairedChecks\[1\]\.layers\[0\]: contains a control character/);
    expectError((d) => { (d.candidates as Array<Record<string, unknown>>)[0]!.label = 'x\u001b[2J'; }, /candidates\[0\]\.label: contains a control character/);
    // The λ not evaluated names a candidate id the document does not hold: fine.
    const extra = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
    ls(extra)[0]!.alphas = [[0.1, 0.2]]; // the search's own fields beside the record are dropped
    expect(parseParetoDocument(extra, 'pareto.json').lambdas).toEqual(lambdas);
    // Records written before λ records carried their candidate id are dropped, not refused (older shard folders merge).
    const older = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
    ls(older).forEach((l) => { delete l.id; });
    expect(parseParetoDocument(older, 'pareto.json').lambdas).toBeUndefined();
    // A candidate (or λ) with no change from the committed model has the empty architecture: valid.
    (extra.candidates as Array<Record<string, unknown>>)[2]!.architecture = '';
    expect(parseParetoDocument(extra, 'pareto.json').candidates[2]!.architecture).toBe('');
  });

  test('a merge keeps every shard\'s λ records (once each), and summary.md shows the evaluated λ\'s derivation checks', async () => {
    const shard2 = paretoDocument(doc.candidates.map((c) => ({ ...c, id: `${c.id}-shard2`, comparisons: c.comparisons?.map((x) => ({ ...x, against: `${x.against}-shard2` })) })), 'edap', doc.protocol,
      lambdas.map((l) => ({ ...l, id: `${l.id}-shard2` })));
    const m = mergeSearchResults([doc, shard2, doc]);
    expect(m.lambdas!.map((l) => l.id)).toEqual(['searched-lambda-1', 'searched-lambda-0.3', 'searched-lambda-1-shard2', 'searched-lambda-0.3-shard2']);
    expect(parseParetoDocument(JSON.parse(JSON.stringify(m)), 'pareto.json')).toEqual(m);
    const md = searchSummaryMarkdown(m);
    expect(md).toContain('### Derivation rules (paired checks on held-out validation images)');
    expect(md).toContain('- **λ=1** (searched-lambda-1-shard2, 12 architecture steps): argmax a 3×3@64, b 3×3@128');
    // Both evaluated λ, each with its two checks; the λ that was not evaluated is not listed.
    expect(md.match(/^ {2}- ops other than the cost-only optimum's on /gm)).toHaveLength(4);
    expect(md).toContain('  - ops other than the cost-only optimum\'s on b: ΔCE +0.001 nats + λ·Δhardware +0.020 = Δobjective +0.021; Δ non-ideal validation accuracy +0.00 pp [−1.00, +1.00] (100 images × 2 chips) → cost-only op');
    expect(md).toContain('  - a on its crossbar against the next-smaller size: ΔCE +0.030 nats + λ·Δhardware −0.010 = Δobjective +0.020; Δ non-ideal validation accuracy −2.00 pp [−4.00, +0.00] (100 images × 2 chips) → smaller crossbar');
    // A check recorded with its alternative's crossbar (smallerCrossbars: toReference) names it.
    expect(md).toContain('  - b on its crossbar against 32×32: ΔCE −0.010 nats + λ·Δhardware +0.500 = Δobjective −0.005; Δ non-ideal validation accuracy +0.00 pp [+0.00, +0.00] (100 images × 2 chips) → kept');
    // A move names the crossbar it went to: after a jump to the target, that may be a larger one (the size it skipped).
    const up = { rule: 'smallerCrossbars', layers: ['b', 'c'], deltaAccuracy: -0.01, ci95: [-0.03, 0.01], kept: false, images: 100, chips: 2, deltaCe: 0.002, deltaHardware: -0.4, deltaObjective: 0.002, alternativeCrossbar: 64 } as const;
    expect(describePairedCheck(up, 0.01)).toBe('b, c on their crossbars against 64×64: ΔCE +0.002 nats + λ·Δhardware −0.004 = Δobjective +0.002; Δ non-ideal validation accuracy −1.00 pp [−3.00, +1.00] (100 images × 2 chips) → moved to 64×64');
    expect(md).not.toContain('λ=0.3');
    // A shard folder written before λ records carried ids merges beside a new one: its records are left out, and
    // the merged summary says so.
    const dir = mkdtempSync(path.join(tmpdir(), 'nax-merge-'));
    try {
      const older = JSON.parse(JSON.stringify(shard2)) as Record<string, unknown>;
      (older.lambdas as Array<Record<string, unknown>>).forEach((l) => { delete l.id; });
      for (const [name, d] of [['new', doc], ['old', older]] as const) {
        mkdirSync(path.join(dir, name));
        writeFileSync(path.join(dir, name, 'pareto.json'), JSON.stringify(d));
      }
      const merged = await mergeSearchFolders([path.join(dir, 'new'), path.join(dir, 'old')], path.join(dir, 'out'), ['new', 'old']);
      expect(merged.merged.lambdas!.map((l) => l.id)).toEqual(['searched-lambda-1', 'searched-lambda-0.3']);
      expect(merged.summary).toContain('> old: no λ records (written before nax kept them), so its derivation checks are not shown');
      // The shards lie beside the merged folder: the returned document locates the proposal through '..', and the
      // written one, which every reader refuses '..' in, leaves such folders out — it reads back whole.
      expect(merged.bestFolder).toBe('../new/candidates/searched-lambda-1');
      expect(merged.summary).toContain("> the proposed candidate's files (model.json, weights.bin, mapping.json, report.json): new/candidates/searched-lambda-1");
      const written = parseParetoDocument(JSON.parse(readFileSync(path.join(dir, 'out', 'pareto.json'), 'utf8')), 'out/pareto.json');
      expect(written.best).toBe(merged.merged.best);
      expect(written.candidates.map((c) => c.folder)).toEqual(merged.merged.candidates.map(() => undefined));
      // Shards inside the merged folder keep their folders in the written document.
      const inside = await mergeSearchFolders([path.join(dir, 'new')], dir, ['new']);
      expect(inside.bestFolder).toBe('new/candidates/searched-lambda-1');
      expect(parseParetoDocument(JSON.parse(readFileSync(path.join(dir, 'pareto.json'), 'utf8')), 'pareto.json').candidates.find((c) => c.id === 'searched-lambda-1')!.folder)
        .toBe('new/candidates/searched-lambda-1');
      expect(readFileSync(path.join(dir, 'out', 'pareto.html'), 'utf8').match(/<circle class="mark"/g)).toHaveLength(merged.merged.candidates.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Documents without λ records (older runs) merge without them.
    expect(mergeSearchResults([paretoDocument(doc.candidates, 'edap', doc.protocol)]).lambdas).toBeUndefined();
  });

  test('summary.md\'s candidate table gives ideal, quantised and non-ideal accuracy; a document written before nax kept the quantised one shows a dash', () => {
    const md = searchSummaryMarkdown(doc);
    expect(md).toMatch(/\| candidate +\| +non-ideal acc\. \[95 % CI\] +\| +ideal acc\. +\| +quantised acc\. +\| +kind +\|/);
    const row = (id: string) => md.split('\n').find((l) => l.startsWith(`| ${id} `))!.split('|').map((x) => x.trim());
    expect(row('searched-lambda-1 ★').slice(2, 5)).toEqual(['90.00 % [88.00, 92.00]', '95.00 %', '93.50 %']);
    expect(row('committed').slice(3, 5)).toEqual(['95.00 %', '—']);
  });

  test('shards evaluated on different images or chips are not merged, and the refusal names which shard holds which', () => {
    const fewer = paretoDocument(doc.candidates, 'edap', { ...doc.protocol!, evaluationImages: 200 });
    expect(() => mergeSearchResults([doc, fewer], undefined, ['a/pareto.json', 'b/pareto.json']))
      .toThrow(/^the search results were evaluated on different images or chips: 2000 of 2000 images × 10 chips \(a\/pareto\.json\) vs 200 of 2000 images × 10 chips \(b\/pareto\.json\)/);
    const chips = paretoDocument(doc.candidates, 'edap', { ...doc.protocol!, evaluationChips: 4 });
    expect(() => mergeSearchResults([doc, chips])).toThrow(/evaluated on different images or chips/);
    expect(mergeSearchResults([doc, doc]).protocol?.evaluationImages).toBe(2000);
  });

  test('the cost-model switches are named in summary.md; shards costed under different switches are not merged', () => {
    expect(searchSummaryMarkdown(doc)).toContain('Costed under delayModel: pumaAdc, leakage: alwaysOn (the other switches default).');
    const other = paretoDocument(doc.candidates, 'edap', { ...doc.protocol!, costModel: { ...doc.protocol!.costModel!, leakage: 'powerGated' } });
    expect(() => mergeSearchResults([doc, other])).toThrow(NaxUserError);
    expect(() => mergeSearchResults([doc, other])).toThrow(/different cost-model switches/);
    expect(mergeSearchResults([doc, doc]).protocol?.costModel).toEqual(doc.protocol!.costModel);
  });

  test('a document holding no committed candidate (re-evaluated on a subset) claims nothing against the committed mapping', () => {
    expect(searchSummaryMarkdown(doc)).toContain('★ proposed: **searched-lambda-1** — beats the committed mapping on edap (−37.5 %)');
    const subset = { ...doc, candidates: doc.candidates.filter((c) => c.kind !== 'committed'), beatsCommitted: false };
    const md = searchSummaryMarkdown(subset);
    expect(md).toContain('★ proposed: **searched-lambda-1** — the committed mapping is not among the evaluated candidates.');
    expect(md).not.toMatch(/does not beat/);
    expect(renderParetoHtml(subset, 'subset')).toContain('(the committed model was not evaluated)');
    expect(renderParetoHtml({ ...doc, beatsCommitted: false }, 'all')).toContain('(does not beat the committed model)');
  });

  test('shards whose rules priced mappings differently (exact, or relaxed before nax recorded it) are not merged', () => {
    expect(searchSummaryMarkdown(doc)).toContain('priced each mapping on the exact cost model (whole tiles)');
    const { hardwarePrice: _, ...before } = doc.protocol!;
    const older = paretoDocument(doc.candidates, 'edap', before);
    expect(searchSummaryMarkdown(older)).toContain('with the relaxed hardware term of the gradient (nax before the exact price)');
    expect(() => mergeSearchResults([doc, older])).toThrow('the search results priced mappings differently (absent: relaxed, nax before the exact price): exact (shard 1) vs relaxed (shard 2)');
    expect(() => mergeSearchResults([older, doc])).toThrow(NaxUserError);
    expect(mergeSearchResults([older, older]).protocol?.hardwarePrice).toBeUndefined();
    expect(mergeSearchResults([doc, doc]).protocol?.hardwarePrice).toBe('exact');
    // A document written without a protocol (nothing priced) merges beside either.
    expect(() => mergeSearchResults([paretoDocument(doc.candidates, 'edap'), doc])).not.toThrow();
  });

  test('shards that chose λ against different selection references are not merged; summary.md names the reference', () => {
    expect(searchSummaryMarkdown(doc)).toContain('λ was chosen among the candidates reaching, on the selection split, the size one would choose without a search ' +
      '(homogeneous-32, the committed network as committed: 90.00 %; homogeneous-32 90.00 %, homogeneous-64 89.00 %), and not worse there than the most accurate');
    const { selectionReference: _, ...rest } = doc.protocol!;
    const without = { ...rest, derivationRules: { ...rest.derivationRules!, smallerCrossbars: 'paired' as const } };
    const plain = paretoDocument(doc.candidates, 'edap', without);
    expect(searchSummaryMarkdown(plain)).not.toContain('λ was chosen among');
    expect(() => mergeSearchResults([doc, plain])).toThrow(/chose λ against different selection references/);
    expect(mergeSearchResults([doc, doc]).protocol?.selectionReference).toEqual(doc.protocol!.selectionReference);
  });

  test('the derivation rules are named in summary.md; shards that ran different rules (or one before they were recorded) are not merged; a forged record is named', async () => {
    expect(searchSummaryMarkdown(doc)).toContain('Derivation rules: largerKernels: paired, costlierOps: paired, smallerCrossbars: toReference. ');
    const paired = paretoDocument(doc.candidates, 'edap', { ...doc.protocol!, derivationRules: { ...doc.protocol!.derivationRules!, smallerCrossbars: 'paired' } });
    expect(() => mergeSearchResults([doc, paired])).toThrow(NaxUserError);
    expect(() => mergeSearchResults([doc, paired, doc], undefined, ['a/pareto.json', 'b/pareto.json', 'c/pareto.json'])).toThrow('the search results went through different derivation rules: ' +
      'largerKernels: paired, costlierOps: paired, smallerCrossbars: toReference (a/pareto.json, c/pareto.json) vs largerKernels: paired, costlierOps: paired, smallerCrossbars: paired (b/pareto.json)');
    const { derivationRules: _, ...before } = doc.protocol!;
    const older = paretoDocument(doc.candidates, 'edap', before);
    expect(searchSummaryMarkdown(older)).not.toContain('Derivation rules');
    expect(() => mergeSearchResults([older, doc])).toThrow('different derivation rules: unrecorded (nax before they were recorded) (shard 1) vs largerKernels: paired');
    expect(mergeSearchResults([older, older]).protocol?.derivationRules).toBeUndefined();
    // nax merge names the shards' files as the user gave them.
    const dir = mkdtempSync(path.join(tmpdir(), 'nax-rules-'));
    try {
      for (const [name, d] of [['toref', doc], ['paired', paired]] as const) {
        mkdirSync(path.join(dir, name));
        writeFileSync(path.join(dir, name, 'pareto.json'), JSON.stringify(d));
      }
      await expect(mergeSearchFolders([path.join(dir, 'toref'), path.join(dir, 'paired')], path.join(dir, 'out'), ['shards/toref/', 'shards/paired']))
        .rejects.toThrow(/smallerCrossbars: toReference \(shards\/toref\/pareto\.json\) vs .*smallerCrossbars: paired \(shards\/paired\/pareto\.json\)$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(mergeSearchResults([doc, doc]).protocol?.derivationRules).toEqual(doc.protocol!.derivationRules);
    const rules = (d: Record<string, unknown>) => (d.protocol as Record<string, unknown>).derivationRules as Record<string, unknown>;
    expectError((d) => { rules(d).smallerCrossbars = 'toSmallest'; }, /protocol\.derivationRules\.smallerCrossbars/);
    expectError((d) => { rules(d).largerKernels = 'toReference'; }, /protocol\.derivationRules\.largerKernels/);
    expectError((d) => { rules(d).extra = 1; }, /protocol\.derivationRules/);
    expectError((d) => { delete (d.protocol as Record<string, unknown>).selectionReference; }, /protocol\.derivationRules\.smallerCrossbars: toReference without protocol\.selectionReference/);
  });

  test('the hardware term\'s form is named in summary.md and round-trips; shards of two forms (or one unrecorded) are not merged; forged records are named', () => {
    expect(searchSummaryMarkdown(doc)).not.toContain('Hardware term');
    const additive = paretoDocument(doc.candidates, 'edap', { ...doc.protocol!, hardwareLoss: 'additive', additiveWeights: { energy: 1, latency: 2, area: 0.5 } });
    expect(searchSummaryMarkdown(additive)).toContain("Hardware term: NAX's additive form w_E·E/E₀ + w_L·D/D₀ + w_A·A/A₀, each relative to the committed network " +
      '(weights energy 1, latency 2, area 0.5), not the EDAP product. ');
    const back = parseParetoDocument(JSON.parse(JSON.stringify(additive)), 'a.json').protocol!;
    expect([back.hardwareLoss, back.additiveWeights]).toEqual(['additive', { energy: 1, latency: 2, area: 0.5 }]);
    expect(parseParetoDocument(JSON.parse(JSON.stringify(doc)), 'p.json').protocol!.hardwareLoss).toBe('product');
    expect(() => mergeSearchResults([doc, additive], undefined, ['p/pareto.json', 'a/pareto.json'])).toThrow('the search results used different hardware terms: ' +
      'product (p/pareto.json) vs additive (weights energy 1, latency 2, area 0.5) (a/pareto.json)');
    const other = paretoDocument(doc.candidates, 'edap', { ...doc.protocol!, hardwareLoss: 'additive', additiveWeights: { energy: 1, latency: 1, area: 1 } });
    expect(() => mergeSearchResults([additive, other])).toThrow(/different hardware terms/);
    // A document from before the form was recorded may have used either: not merged beside a recorded one.
    const { hardwareLoss: _, ...before } = doc.protocol!;
    const older = paretoDocument(doc.candidates, 'edap', before);
    expect(() => mergeSearchResults([older, additive])).toThrow(/different hardware terms: unrecorded .* vs additive/);
    expect(() => mergeSearchResults([older, doc])).toThrow(/different hardware terms: unrecorded .* vs product/);
    expect(mergeSearchResults([additive, additive]).protocol?.additiveWeights).toEqual({ energy: 1, latency: 2, area: 0.5 });
    const protocol = (d: Record<string, unknown>) => d.protocol as Record<string, unknown>;
    const additiveIn = (d: Record<string, unknown>) => {
      protocol(d).hardwareLoss = 'additive';
      protocol(d).additiveWeights = { energy: 1, latency: 1, area: 1 };
      return protocol(d).additiveWeights as Record<string, unknown>;
    };
    expectError((d) => { additiveIn(d).latency = -1; }, /protocol\.additiveWeights\.latency/);
    expectError((d) => { delete additiveIn(d).area; }, /protocol\.additiveWeights\.area/);
    expectError((d) => { additiveIn(d).power = 1; }, /protocol\.additiveWeights/);
    expectError((d) => { Object.assign(additiveIn(d), { energy: 0, latency: 0, area: 0 }); }, /protocol\.additiveWeights: at least one weight/);
    expectError((d) => { protocol(d).hardwareLoss = 'additive'; }, /protocol\.additiveWeights/);
    expectError((d) => { protocol(d).additiveWeights = { energy: 1, latency: 1, area: 1 }; }, /protocol\.additiveWeights: weights with protocol\.hardwareLoss: product/);
    expectError((d) => { protocol(d).hardwareLoss = 'sum'; }, /protocol\.hardwareLoss/);
    expectError((d) => { d.objective = 'energy'; }, /protocol\.hardwareLoss: a form of the EDAP term with objective energy/);
  });

  test('a merge applies the reference again: a cheaper shard proposal short of it loses; summary.md says when no proposal reached it', () => {
    // Shard 1 proposes a cheaper candidate 0.1 pp below the reference (within one image of the top, so it would win
    // without the reference); shard 2 a dearer one at the reference.
    const shard = (k: number, edap: number, validationAccuracy: number) => paretoDocument([
      cand(`committed-shard${k}`, 'committed', 4e-9),
      cand(`searched-lambda-1-shard${k}`, 'searched', edap, { lambda: 1, validationAccuracy, validationTolerance: 1 / 300 }),
    ], 'edap', doc.protocol);
    const merged = mergeSearchResults([shard(1, 1e-9, 0.899), shard(2, 2e-9, 0.9)]);
    expect(merged.best).toBe('searched-lambda-1-shard2');
    const { selectionReference: _, ...rest } = doc.protocol!;
    const without = { ...rest, derivationRules: { ...rest.derivationRules!, smallerCrossbars: 'paired' as const } };
    const plain = (k: number, edap: number, v: number) => paretoDocument(shard(k, edap, v).candidates, 'edap', without);
    expect(mergeSearchResults([plain(1, 1e-9, 0.899), plain(2, 2e-9, 0.9)]).best).toBe('searched-lambda-1-shard1');
    // Nothing reaches the reference: the most accurate is proposed, and summary.md does not claim it reached it.
    const short = mergeSearchResults([shard(1, 1e-9, 0.85), shard(2, 2e-9, 0.88)]);
    expect(short.best).toBe('searched-lambda-1-shard2');
    const md = searchSummaryMarkdown(short);
    expect(md).toContain('No λ candidate reached, on the selection split, the size one would choose without a search (homogeneous-32');
    expect(md).toContain('the most accurate (88.00 %) was proposed.');
    expect(md).not.toContain('λ was chosen among');
  });

  test('a selection reference that is not the size the rule picks, or repeats a size, is refused', () => {
    const ref = (d: Record<string, unknown>) => (d.protocol as Record<string, unknown>).selectionReference as Record<string, unknown>;
    // homogeneous-64 (89.00 %) is within 1 pp of homogeneous-32 (90.00 %) but dearer: the rule picks homogeneous-32.
    expectError((d) => { ref(d).id = 'homogeneous-64'; ref(d).validationAccuracy = 0.89; }, /protocol\.selectionReference\.id: is not the size one would choose/);
    expectError((d) => { (ref(d).sizes as Array<Record<string, unknown>>)[1]!.id = 'homogeneous-32'; }, /protocol\.selectionReference\.sizes\[1\]\.id: repeats 'homogeneous-32'/);
  });
});
