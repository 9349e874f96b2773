/**
 * The PR comment's optional re-search section: the sentence carries the saving and the paired interval
 * of the proposal against the committed mapping; a proposal that does not beat it by the protocol is said
 * so; the mapping diff lists exactly the changed layers, with untrusted layer names as code spans.
 */
import { describe, expect, test } from '@jest/globals';
import { mappingChanges, searchSectionLines } from '../../src/render/search-section.js';
import { type Candidate, paretoDocument } from '../../src/search/pareto.js';

function cand(id: string, kind: Candidate['kind'], edap: number, extra: Partial<Candidate> = {}): Candidate {
  return { id, kind, label: id, accuracy: 0.9, accuracyStd: 0.01, idealAccuracy: 0.95, energyJ: 1, delayS: 1, areaMm2: 1, edap, ...extra };
}

const vs = (verdict: 'better' | 'worse' | 'equal within noise', deltaObjective: number) =>
  [{ against: 'committed', deltaPp: -0.2, ciLowPp: -0.9, ciHighPp: 0.5, verdict, deltaObjective }];

describe('search section of the PR comment', () => {
  test('a proposal that beats the committed mapping: time, saving, accuracy with interval, paired Δ; the diff in <details>', () => {
    const doc = paretoDocument([
      cand('committed', 'committed', 4),
      cand('s', 'searched', 3, { accuracyCi95: { low: 0.88, high: 0.92 }, validationAccuracy: 0.9, comparisons: vs('equal within noise', -0.25) }),
    ], 'edap');
    const changes = mappingChanges(new Map([['a', { rows: 64, cols: 64 }], ['b|x', { rows: 64, cols: 64 }]]), new Map([['a', { rows: 64, cols: 64 }], ['b|x', { rows: 32, cols: 32 }]]));
    expect(changes).toEqual([{ layer: 'b|x', from: '64×64', to: '32×32' }]);
    const text = searchSectionLines(doc, 91.6, changes).join('\n');
    expect(text).toContain('A mapping found in 92 s would save **25.0 % EDAP** at 90.00 % [88.00, 92.00] non-ideal accuracy (Δ −0.20 pp [−0.90, +0.50], equal within noise');
    expect(text).toContain('<details><summary>Mapping diff (1 layer)</summary>');
    expect(text).toContain('| `b\\|x` | 64×64 | 32×32 |');
  });

  test('a worse or dearer proposal does not claim a saving; no proposal is one line', () => {
    const worse = paretoDocument([cand('committed', 'committed', 4), cand('s', 'searched', 3, { validationAccuracy: 0.9, comparisons: vs('worse', -0.25) })], 'edap');
    expect(worse.beatsCommitted).toBe(false);
    const text = searchSectionLines(worse, 60, []).join('\n');
    expect(text).toContain('found no mapping that beats the committed one by the protocol');
    expect(text).not.toContain('would save');
    expect(searchSectionLines(paretoDocument([cand('committed', 'committed', 4)], 'edap'), 60, []).at(-1)).toBe('A 60 s search found no mapping to compare with the committed one.');
  });
});
