/**
 * Evaluation of one candidate (graph + mapping) into a `nax-report/1` — the injected evaluator's contract —
 * and a candidate row from such a report.
 */
import type { LayerMapping } from '../config/mapping.js';
import type { NetworkGraph } from '../model/graph.js';
import type { InputRef, NaxReport } from '../report.js';
import type { Candidate, CandidateKind } from './pareto.js';

export interface EvalImages {
  readonly images: Float32Array;
  readonly labels: Int32Array;
  readonly n: number;
  readonly shape: readonly [number, number, number];
}

/**
 * Evaluates a candidate into a report: on the evaluation set by default, or on `images` (the validation
 * split, for selection) with `samples` chips. Injected: the simulator in production (search-project.ts), a
 * stand-in in tests.
 */
export type Evaluator = (o: {
  graph: NetworkGraph;
  mappings: ReadonlyMap<string, LayerMapping>;
  label: string;
  images?: EvalImages;
  samples?: number;
}) => Promise<NaxReport>;

/** A table row / front point from a report. */
export function candidateFromReport(r: NaxReport, o: { id: string; kind: CandidateKind; label: string; lambda?: number; architecture?: string; folder?: string }): Candidate {
  const a = r.accuracy;
  return {
    id: o.id,
    kind: o.kind,
    label: o.label,
    accuracy: a?.nonIdeal.mean ?? NaN,
    accuracyStd: a?.nonIdeal.std ?? 0,
    ...(a?.nonIdeal.ci95 ? { accuracyCi95: { low: a.nonIdeal.ci95.low, high: a.nonIdeal.ci95.high } } : {}),
    idealAccuracy: a?.ideal ?? NaN,
    ...(a ? { quantisedAccuracy: a.quantised } : {}),
    energyJ: r.totals.energyJ,
    delayS: r.totals.delayS,
    areaMm2: r.totals.areaMm2,
    edap: r.totals.edap,
    ...(o.lambda !== undefined ? { lambda: o.lambda } : {}),
    ...(o.architecture !== undefined ? { architecture: o.architecture } : {}),
    ...(o.folder !== undefined ? { folder: o.folder } : {}),
  };
}

export type { InputRef };
