/**
 * The comparison rules of the search protocol (issue 12), pure: paired Δ accuracy of a candidate against
 * each baseline on the same evaluation images and chips (src/stats), read as "better"/"worse" only when the
 * 95 % interval excludes 0, and the choice among searched candidates on the validation split.
 */
import type { NaxReport } from '../report.js';
import { pairedAccuracy } from '../stats/accuracy-stats.js';
import { type Comparison, type Verdict, ACCURACY_EPSILON, HOMOGENEOUS_TOLERANCE, objectiveValue, reachesReference, type Candidate } from './pareto.js';
import type { SearchObjective } from '../config/search-space.js';

/** "better"/"worse" only when the interval excludes 0. */
export function verdictOf(ciLowPp: number, ciHighPp: number): Verdict {
  return ciLowPp > 0 ? 'better' : ciHighPp < 0 ? 'worse' : 'equal within noise';
}

/**
 * Candidate `head` against baseline `base` (both evaluated on the same images and chip seeds, with their
 * per-image correctness bitsets); undefined when the reports are not paired.
 */
export function compareCandidates(
  head: { readonly candidate: Candidate; readonly report: NaxReport },
  base: { readonly candidate: Candidate; readonly report: NaxReport },
  objective: SearchObjective,
): Comparison | undefined {
  const h = head.report.accuracy;
  const b = base.report.accuracy;
  if (!h || !b) return undefined;
  const n = head.report.settings?.evalImages;
  const m = base.report.settings?.evalImages;
  if (n === undefined || m === undefined) return undefined;
  const p = pairedAccuracy(b.nonIdeal, h.nonIdeal, { base: m, head: n });
  if (!p) return undefined;
  return {
    against: base.candidate.id,
    deltaPp: p.delta.pp,
    ciLowPp: p.delta.ciLowPp,
    ciHighPp: p.delta.ciHighPp,
    verdict: verdictOf(p.delta.ciLowPp, p.delta.ciHighPp),
    deltaObjective: objectiveValue(head.candidate, objective) / objectiveValue(base.candidate, objective) - 1,
  };
}

export { HOMOGENEOUS_TOLERANCE };

/**
 * The homogeneous size one would choose without a search: the lowest objective among the sizes whose accuracy is
 * within HOMOGENEOUS_TOLERANCE of the most accurate (ties: the first). Returns the index into `hs`.
 */
export function homogeneousChoice(hs: ReadonlyArray<{ readonly accuracy: number; readonly objective: number }>): number {
  if (hs.length === 0) throw new Error('internal error: no homogeneous size');
  const top = Math.max(...hs.map((h) => h.accuracy));
  let pick = -1;
  hs.forEach((h, i) => {
    if (h.accuracy >= top - HOMOGENEOUS_TOLERANCE - ACCURACY_EPSILON && (pick < 0 || h.objective < hs[pick]!.objective)) pick = i;
  });
  return pick;
}

/**
 * Choice on the validation split among evaluated candidates (each with a validation report on the same
 * images and chips): the lowest objective among those whose paired Δ accuracy against the most accurate one
 * is not "worse". With a `referenceAccuracy` (`selectionReference: homogeneous`: the validation accuracy of the
 * homogeneous size one would choose), only candidates at least that accurate are eligible, and when none is, the
 * most accurate candidate is chosen. Returns the index into `cs`.
 */
export function selectOnValidation(cs: ReadonlyArray<{ readonly candidate: Candidate; readonly report: NaxReport }>, objective: SearchObjective, referenceAccuracy?: number): number {
  if (cs.length === 0) throw new Error('internal error: nothing to select');
  const acc = (i: number) => cs[i]!.report.accuracy!.nonIdeal.mean;
  const obj = (i: number) => objectiveValue(cs[i]!.candidate, objective);
  // Ties at the top go to the lower objective, as bestCandidate breaks them when merges apply the rule again.
  let top = 0;
  cs.forEach((_, i) => {
    if (acc(i) > acc(top) || (acc(i) === acc(top) && obj(i) < obj(top))) top = i;
  });
  const reaches = (i: number) => reachesReference(acc(i), referenceAccuracy);
  let best = top;
  cs.forEach((c, i) => {
    const vs = i === top ? undefined : compareCandidates(c, cs[top]!, objective);
    const eligible = (i === top || (vs !== undefined && vs.verdict !== 'worse')) && reaches(i);
    // The most accurate candidate reaches the reference whenever any does, so `best` starts eligible.
    if (eligible && objectiveValue(c.candidate, objective) < objectiveValue(cs[best]!.candidate, objective)) best = i;
  });
  return best;
}
