/**
 * pareto.json read back (merges, the nightly workflow): the protocol's fields survive a round trip, and a
 * forged or broken document is a user error naming the field.
 */
import { describe, expect, test } from '@jest/globals';
import { NaxUserError } from '../../src/errors.js';
import { parseParetoDocument } from '../../src/io/parse-pareto.js';
import { searchSummaryMarkdown } from '../../src/render/search-summary.js';
import { type Candidate, mergeSearchResults, paretoDocument } from '../../src/search/pareto.js';

function cand(id: string, kind: Candidate['kind'], edap: number, extra: Partial<Candidate> = {}): Candidate {
  return { id, kind, label: id, accuracy: 0.9, accuracyStd: 0.01, idealAccuracy: 0.95, energyJ: 1e-6, delayS: 1e-3, areaMm2: 2, edap, fineTuneSteps: 40, ...extra };
}

const doc = paretoDocument([
  cand('committed', 'committed', 4e-9),
  cand('homogeneous-32', 'homogeneous', 3e-9),
  cand('cost-only', 'costOnly', 1e-9, { architecture: 'a 3×3@16' }),
  cand('random', 'random', 2e-9),
  cand('searched-lambda-1', 'searched', 2.5e-9, {
    accuracyCi95: { low: 0.88, high: 0.92 }, validationAccuracy: 0.9, validationTolerance: 1 / 300, folder: 'candidates/searched-lambda-1',
    comparisons: [{ against: 'committed', deltaPp: 0.3, ciLowPp: -0.5, ciHighPp: 1.1, verdict: 'equal within noise', deltaObjective: -0.375 }],
  }),
], 'edap', {
  fineTuneSteps: 40, weightLr: 5e-4, selectionSplit: 'the validation split', selectionImages: 300, selectionChips: 2,
  evaluationImages: 2000, evaluationSetImages: 2000, evaluationChips: 10, randomSearchS: 120, randomSamples: 31, costOnlyStarts: 13,
  costModel: { delayModel: 'pumaAdc', adcAreaModel: 'saberi', arrayReadEnergy: 'component', partialSumMovement: 'none', leakage: 'alwaysOn' },
});

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
    expectError((d) => { (d.protocol as Record<string, unknown>).evaluationChips = -1; }, /protocol\.evaluationChips/);
    expectError((d) => { ((d.protocol as Record<string, unknown>).costModel as Record<string, unknown>).leakage = 'sometimes'; }, /protocol\.costModel\.leakage/);
    expectError((d) => { ((d.protocol as Record<string, unknown>).costModel as Record<string, unknown>).clock = 'fast'; }, /protocol\.costModel/);
  });

  test('the cost-model switches are named in summary.md; shards costed under different switches are not merged', () => {
    expect(searchSummaryMarkdown(doc)).toContain('Costed under delayModel: pumaAdc, leakage: alwaysOn (the other switches default).');
    const other = paretoDocument(doc.candidates, 'edap', { ...doc.protocol!, costModel: { ...doc.protocol!.costModel!, leakage: 'powerGated' } });
    expect(() => mergeSearchResults([doc, other])).toThrow(NaxUserError);
    expect(() => mergeSearchResults([doc, other])).toThrow(/different cost-model switches/);
    expect(mergeSearchResults([doc, doc]).protocol?.costModel).toEqual(doc.protocol!.costModel);
  });
});
