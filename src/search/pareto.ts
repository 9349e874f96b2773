/**
 * Evaluated candidates and their Pareto front (non-ideal accuracy ↑ vs EDAP ↓), and merging of shard
 * results (`nax merge`). Pure functions on plain data; the tables are in render/search-summary.ts.
 */
import type { SearchObjective } from '../config/search-space.js';

export type CandidateKind = 'committed' | 'homogeneous' | 'searched';

/** One evaluated network + mapping (the row of the side-by-side table, a point of the front). */
export interface Candidate {
  /** Stable id: 'committed', 'homogeneous-64', 'searched-lambda-0.5'. */
  readonly id: string;
  readonly kind: CandidateKind;
  /** Human label for tables. */
  readonly label: string;
  /** Non-ideal accuracy (mean over Monte Carlo samples), 0…1. */
  readonly accuracy: number;
  /** Std of the non-ideal accuracy over samples. */
  readonly accuracyStd: number;
  readonly idealAccuracy: number;
  readonly energyJ: number;
  readonly delayS: number;
  readonly areaMm2: number;
  /** J·s·mm². */
  readonly edap: number;
  /** λ of a searched candidate. */
  readonly lambda?: number;
  /** Short form of the architecture (searched: the layers that differ from the committed model). */
  readonly architecture?: string;
  /** Folder of the candidate's files, relative to the output folder (searched candidates). */
  readonly folder?: string;
}

/** `pareto.json` (schema `nax-pareto/1`). */
export interface ParetoDocument {
  readonly schema: 'nax-pareto/1';
  readonly objective: SearchObjective;
  /** Every evaluated candidate. */
  readonly candidates: readonly Candidate[];
  /** Ids of the candidates on the front, by ascending EDAP. */
  readonly front: readonly string[];
  /** Id of the candidate proposed to replace the committed one (see `bestCandidate`), if any. */
  readonly best?: string;
  /** Whether `best` beats the committed model on the objective without losing non-ideal accuracy. */
  readonly beatsCommitted: boolean;
}

/** a dominates b: no worse in both, strictly better in one. */
export function dominates(a: Candidate, b: Candidate): boolean {
  return a.accuracy >= b.accuracy && a.edap <= b.edap && (a.accuracy > b.accuracy || a.edap < b.edap);
}

/** The non-dominated candidates, by ascending EDAP (ties in both values keep the first seen). */
export function paretoFront(cs: readonly Candidate[]): Candidate[] {
  const front = cs.filter((c, i) => !cs.some((d, j) => dominates(d, c) || (j < i && d.accuracy === c.accuracy && d.edap === c.edap)));
  return front.sort((a, b) => a.edap - b.edap || b.accuracy - a.accuracy);
}

export function objectiveValue(c: Candidate, o: SearchObjective): number {
  return o === 'energy' ? c.energyJ : o === 'latency' ? c.delayS : c.edap;
}

/**
 * The searched candidate to propose: the one with the lowest objective among those at least as accurate
 * (non-ideal) as the committed model; without such, none. `beats` when its objective is lower than the committed one's.
 */
export function bestCandidate(cs: readonly Candidate[], o: SearchObjective): { best?: Candidate; beats: boolean } {
  const committed = cs.find((c) => c.kind === 'committed');
  const searched = cs.filter((c) => c.kind === 'searched' && (!committed || c.accuracy >= committed.accuracy));
  searched.sort((a, b) => objectiveValue(a, o) - objectiveValue(b, o));
  const best = searched[0];
  return { best, beats: !!best && (!committed || objectiveValue(best, o) < objectiveValue(committed, o)) };
}

/**
 * ΔEDAP of `c` against the lowest-EDAP homogeneous baseline whose non-ideal accuracy is at most c's
 * (the target metric); undefined when every baseline is more accurate.
 */
export function deltaVsBaseline(c: Candidate, cs: readonly Candidate[]): { baseline: Candidate; deltaEdap: number } | undefined {
  const ok = cs.filter((b) => b.kind === 'homogeneous' && b.accuracy <= c.accuracy).sort((a, b) => a.edap - b.edap);
  const baseline = ok[0];
  return baseline ? { baseline, deltaEdap: c.edap / baseline.edap - 1 } : undefined;
}

export function paretoDocument(cs: readonly Candidate[], objective: SearchObjective): ParetoDocument {
  const { best, beats } = bestCandidate(cs, objective);
  return {
    schema: 'nax-pareto/1',
    objective,
    candidates: cs,
    front: paretoFront(cs).map((c) => c.id),
    best: best?.id,
    beatsCommitted: beats,
  };
}

/**
 * Merges shard documents (`nax merge`): the union of candidates (same id = same candidate; the first
 * kept), then the front and the best candidate over all of them. `dirs` are the shards' output folders,
 * in the order of `docs`, to make candidate folders relative to the merge's working directory.
 */
export function mergeSearchResults(docs: readonly ParetoDocument[], dirs?: readonly string[]): ParetoDocument {
  if (docs.length === 0) throw new Error('internal error: nothing to merge');
  const seen = new Map<string, Candidate>();
  docs.forEach((d, k) => {
    for (const c of d.candidates) {
      if (seen.has(c.id)) continue;
      // A candidate's folder is relative to its shard's output folder; `dirs[k]` (if given) prefixes it.
      const dir = dirs?.[k];
      seen.set(c.id, c.folder !== undefined && dir ? { ...c, folder: `${dir.replace(/\/+$/, '')}/${c.folder}` } : c);
    }
  });
  const order: Record<CandidateKind, number> = { committed: 0, homogeneous: 1, searched: 2 };
  const all = [...seen.values()].sort((a, b) => order[a.kind] - order[b.kind] || a.edap - b.edap);
  return paretoDocument(all, docs[0]!.objective);
}
