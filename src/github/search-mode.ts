/**
 * `mode: search` (a nightly re-search leg) and the search half of `mode: merge`: run the bounded NAX
 * re-search (src/search/), write its output folder, put the side-by-side table and the Pareto front in the
 * job summary, and say where the best candidate is and whether it beats the committed model (outputs
 * best-dir, beats-committed) so the workflow can upload it and open a pull request.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { dirSource } from '../io/files.js';
import { type ParetoDocument, mergeSearchResults, summaryMarkdown } from '../search/pareto.js';
import { runSearch } from '../search/run.js';
import type { ModeContext } from './mode-context.js';
import { readJsonFile } from '../io/report-file.js';
import { parseParetoDocument } from '../io/parse-pareto.js';

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
  const result = await runSearch({
    source: dirSource(repoDir),
    configPath: inputs.config,
    ...(inputs.budgetS !== undefined ? { budgetS: inputs.budgetS } : {}),
    outDir,
    ...(inputs.shard ? { shard: inputs.shard } : {}),
    progress: ctx.progress,
    now: () => performance.now() / 1000,
    ...(ctx.runner ? { runner: ctx.runner } : {}),
  });
  // The output folder's root holds the best candidate's files (src/search/output-folder.ts).
  await publishFront(ctx, result.pareto, result.summary, inputs.searchOut);
}

/** Merges search shard folders (each with pareto.json) found below merge-from. */
export async function mergeSearchMode(ctx: ModeContext, paretoFiles: readonly string[]): Promise<void> {
  const { inputs, repoDir } = ctx;
  const outDir = path.resolve(repoDir, inputs.searchOut);
  const docs = await Promise.all(paretoFiles.map(async (f) => parseParetoDocument(await readJsonFile(f, path.relative(repoDir, f)), path.relative(repoDir, f))));
  const merged = mergeSearchResults(docs, paretoFiles.map((f) => path.relative(outDir, path.dirname(f)) || '.'));
  ctx.progress(`merged ${docs.length} search shards: ${merged.candidates.length} candidates, ${merged.front.length} on the front`);
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, 'pareto.json'), `${JSON.stringify(merged, null, 2)}\n`);
  const summary = summaryMarkdown(merged);
  await writeFile(path.join(outDir, 'summary.md'), summary);
  const best = merged.candidates.find((c) => c.id === merged.best);
  const bestDir = best?.folder !== undefined ? path.relative(repoDir, path.resolve(outDir, best.folder)) : undefined;
  await publishFront(ctx, merged, summary, bestDir);
}
