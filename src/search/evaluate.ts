/**
 * Full evaluation of one candidate (graph + mapping) into a `nax-report/1`: non-ideal accuracy over Monte
 * Carlo chip instances from the simulator, cost from the cost model. The same numbers `nax simulate`
 * computes for a committed model (the report is built like pipeline.ts `simulate`, from in-memory inputs).
 */
import type { LayerMapping } from '../config/mapping.js';
import type { Technology } from '../config/technology.js';
import type { NetworkGraph } from '../model/graph.js';
import { simulateInMemory } from '../pipeline.js';
import type { SampleRunner } from '../xbar/simulate.js';
import type { InputRef, NaxReport, SimulationSettings } from '../report.js';
import type { Candidate, CandidateKind } from './pareto.js';

export interface EvalImages {
  readonly images: Float32Array;
  readonly labels: Int32Array;
  readonly n: number;
  readonly shape: readonly [number, number, number];
}

/** What a candidate evaluation needs besides the graph and mapping. */
export interface EvaluateContext {
  readonly technology: Technology;
  readonly evalSet: EvalImages;
  readonly settings: SimulationSettings;
  readonly batchSize: number;
  readonly inputs: NaxReport['inputs'];
  readonly progress?: (line: string) => void;
  /** Where Monte Carlo samples run (worker threads); default this thread. */
  readonly runner?: SampleRunner;
}

/** Evaluates a candidate into a report. Injected so tests can use a stand-in simulator. */
export type Evaluator = (o: { graph: NetworkGraph; mappings: ReadonlyMap<string, LayerMapping>; label: string }) => Promise<NaxReport>;

/** The production evaluator: the same simulation and cost as `nax simulate` (pipeline.ts simulateInMemory). */
export function simulatorEvaluator(ctx: EvaluateContext): Evaluator {
  return ({ graph, mappings, label }) =>
    simulateInMemory({
      graph,
      mappings,
      technology: ctx.technology,
      evalSet: ctx.evalSet,
      settings: { ...ctx.settings, evalImages: ctx.evalSet.n },
      batchSize: ctx.batchSize,
      inputs: ctx.inputs,
      progress: ctx.progress ? (l) => ctx.progress!(`${label}: ${l}`) : undefined,
      runner: ctx.runner,
    });
}

/** A table row / front point from a report. */
export function candidateFromReport(r: NaxReport, o: { id: string; kind: CandidateKind; label: string; lambda?: number; architecture?: string; folder?: string }): Candidate {
  const a = r.accuracy;
  return {
    id: o.id,
    kind: o.kind,
    label: o.label,
    accuracy: a?.nonIdeal.mean ?? NaN,
    accuracyStd: a?.nonIdeal.std ?? 0,
    idealAccuracy: a?.ideal ?? NaN,
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
