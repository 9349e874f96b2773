/**
 * `mode: search` (a nightly re-search leg) and the search half of `mode: merge`: run the bounded NAX
 * re-search (src/search/), write its output folder, put the side-by-side table and the Pareto front in the
 * job summary, and say where the best candidate is and whether it beats the committed model (outputs
 * best-dir, beats-committed) so the workflow can upload it and open a pull request.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { dirSource } from '../io/files.js';
import { refuseNonEmptyFolder } from '../io/report-file.js';
import { mergeSearchFolders } from '../io/search-folder.js';
import type { ParetoDocument } from '../search/pareto.js';
import { runSearch } from '../search-project.js';
import type { ModeContext } from './mode-context.js';

/** search-out must be new or empty: the search and the merge write model, mapping and reports into it. */
function refuseUsedOutput(outDir: string, shownAs: string): Promise<void> {
  return refuseNonEmptyFolder(outDir, { force: false, shownAs, hint: 'set search-out to a new or empty folder' });
}

function publishFront(ctx: ModeContext, doc: ParetoDocument, summary: string, bestDir: string | undefined): Promise<void> {
  const publisher = ctx.publisherFor();
  publisher.setOutputs({
    'best-dir': doc.best && bestDir ? bestDir : '',
    'beats-committed': String(doc.beatsCommitted),
  });
  for (const line of summary.split('\n')) publisher.info(line);
  return publisher.writeSummary(summary);
}

export async function searchMode(ctx: ModeContext): Promise<void> {
  const { inputs, repoDir } = ctx;
  const outDir = path.resolve(repoDir, inputs.searchOut);
  await refuseUsedOutput(outDir, inputs.searchOut);
  const result = await runSearch({
    source: dirSource(repoDir),
    configPath: inputs.config,
    ...(inputs.budgetS !== undefined ? { budgetS: inputs.budgetS } : {}),
    ...(inputs.evaluationImages !== undefined ? { evaluationImages: inputs.evaluationImages } : {}),
    outDir,
    ...(inputs.shard ? { shard: inputs.shard } : {}),
    progress: ctx.progress,
    now: () => performance.now() / 1000,
    ...(ctx.runner ? { runner: ctx.runner } : {}),
  });
  // The output folder's root holds the best candidate's files (src/io/search-folder.ts).
  await publishFront(ctx, result.pareto, result.summary, inputs.searchOut);
}

/** Merges search shard folders (each with pareto.json) found below merge-from. */
export async function mergeSearchMode(ctx: ModeContext, paretoFiles: readonly string[]): Promise<void> {
  const { inputs, repoDir } = ctx;
  const outDir = path.resolve(repoDir, inputs.searchOut);
  const folders = paretoFiles.map((f) => path.dirname(f));
  await refuseUsedOutput(outDir, inputs.searchOut);
  const { merged, summary, bestFolder } = await mergeSearchFolders(folders, outDir, folders.map((d) => path.relative(repoDir, d) || '.'));
  ctx.progress(`merged ${folders.length} search shards: ${merged.candidates.length} candidates, ${merged.front.length} on the front`);
  const bestDir = bestFolder !== undefined ? path.relative(repoDir, path.resolve(outDir, bestFolder)) : undefined;
  await publishFront(ctx, merged, summary, bestDir);
}
