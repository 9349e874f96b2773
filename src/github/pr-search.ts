/**
 * The check's optional re-search (`search: true`): a bounded search of the PR head under the protocol,
 * written to a temporary folder, summarised as the comment's re-search section.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { dirSource } from '../io/files.js';
import { folderSink } from '../io/search-folder.js';
import { matrixNodes } from '../model/graph.js';
import { mappingChanges, searchSectionLines } from '../render/search-section.js';
import { loadSearchInputs, simulatorEvaluator } from '../search-project.js';
import { runSearchOn, simulatorNonIdeal } from '../search/run.js';
import type { SampleRunner } from '../xbar/simulate.js';

/** Budget of a PR check's search when the `budget` input is empty, s (nax assumption: a check should stay short). */
export const PR_SEARCH_BUDGET_S = 90;

export async function prSearchSection(o: {
  repoDir: string;
  config: string;
  budgetS?: number;
  progress: (line: string) => void;
  runner?: SampleRunner;
}): Promise<string[]> {
  const t0 = performance.now();
  const inputs = await loadSearchInputs(dirSource(o.repoDir), o.config);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nax-pr-search-'));
  try {
    const r = await runSearchOn(inputs, {
      budgetS: o.budgetS ?? PR_SEARCH_BUDGET_S, sink: folderSink(dir), evaluate: simulatorEvaluator(inputs, { ...(o.runner ? { runner: o.runner } : {}) }), nonIdeal: simulatorNonIdeal(inputs, o.runner?.logits),
      progress: o.progress, now: () => performance.now() / 1000,
    });
    const best = r.pareto.candidates.find((c) => c.id === r.pareto.best);
    const run = best?.lambda !== undefined ? r.runs.find((x) => x.lambda === best.lambda) : undefined;
    const describe = (g: typeof inputs.graph, m: ReadonlyMap<string, { rows: number; cols: number }>) =>
      new Map(matrixNodes(g).map((n) => [n.name, { rows: m.get(n.name)!.rows, cols: m.get(n.name)!.cols, kernel: n.shape.kernelH }]));
    const changes = run ? mappingChanges(describe(inputs.graph, inputs.committed), describe(run.graph, run.mappings)) : [];
    return searchSectionLines(r.pareto, (performance.now() - t0) / 1000, changes);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
