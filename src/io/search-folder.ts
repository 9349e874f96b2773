/**
 * The search's output folder on disk (the implementation of search/output-sink.ts), and the one function
 * that merges search shard folders (`nax merge` and the action's `mode: merge` both call it).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { graphFromModel } from '../model/from-tfjs.js';
import { loadLayersModel } from '../model/load.js';
import { renderParetoHtml } from '../render/html/report-page.js';
import { searchSummaryMarkdown } from '../render/search-summary.js';
import { saveModelToFolder } from '../runtime/fs-io.js';
import { type Candidate, type ParetoDocument, mergeSearchResults } from '../search/pareto.js';
import type { OutputSink } from '../search/output-sink.js';
import { dirSource } from './files.js';
import { isFolderBelow, parseParetoDocument } from './parse-pareto.js';
import { readJsonFile } from './report-file.js';
import { PARETO_FILE, PARETO_PAGE, SUMMARY_FILE } from './search-files.js';

/** The standalone HTML page of a search folder's pareto.json (the Pareto scatter and the candidate table), beside it. */
export function paretoPage(doc: ParetoDocument): string {
  return renderParetoHtml(doc, PARETO_FILE);
}

/** A search folder's readable files beside its pareto.json: `summary.md` and the Pareto page. */
export async function writeSearchPages(sink: OutputSink, doc: ParetoDocument, summary: string): Promise<void> {
  await sink.writeText(SUMMARY_FILE, summary);
  await sink.writeText(PARETO_PAGE, paretoPage(doc));
}

export function folderSink(dir: string): OutputSink {
  const abs = (rel: string) => path.join(dir, rel);
  return {
    root: dir,
    async writeText(rel, text) {
      await mkdir(path.dirname(abs(rel)), { recursive: true });
      await writeFile(abs(rel), text);
    },
    async saveModel(relDir, model) {
      await saveModelToFolder(model, abs(relDir));
    },
    async loadGraph(rel) {
      const loaded = await loadLayersModel(dirSource(dir), rel);
      try {
        return graphFromModel(loaded, rel);
      } finally {
        loaded.dispose();
      }
    },
  };
}

function withoutFolder(c: Candidate): Candidate {
  const { folder: _outside, ...rest } = c;
  return rest;
}

export interface MergedSearch {
  readonly merged: ParetoDocument;
  readonly summary: string;
  /** Folder of the proposed candidate, relative to `outDir` (absent without one). */
  readonly bestFolder?: string;
}

/**
 * Reads `pareto.json` of every shard folder (shown to the user as `shownAs[i]`), merges them, and writes the
 * merged `pareto.json`, `summary.md` and `pareto.html` into `outDir`. Candidate folders in the returned document are
 * relative to `outDir` (a shard folder beside it: through '..'); the written pareto.json keeps only those below it.
 */
export async function mergeSearchFolders(folders: readonly string[], outDir: string, shownAs: readonly string[] = folders): Promise<MergedSearch> {
  const names = folders.map((_, i) => shownAs[i]!.replace(/\/+$/, ''));
  const shown = names.map((n) => `${n}/pareto.json`);
  const docs = await Promise.all(folders.map(async (d, i) => parseParetoDocument(await readJsonFile(path.join(d, PARETO_FILE), shown[i]!), shown[i]!)));
  const merged = mergeSearchResults(docs, folders.map((d) => path.relative(outDir, d) || '.'), shown);
  await mkdir(outDir, { recursive: true });
  // On disk a candidate's folder must lie below the merged folder, as every reader of pareto.json requires (a
  // forged '..' could point a merge's best-dir output anywhere): candidates of shard folders beside it keep none
  // there; the returned document and `bestFolder` still locate them.
  const onDisk = { ...merged, candidates: merged.candidates.map((c) => (c.folder === undefined || isFolderBelow(c.folder) ? c : withoutFolder(c))) };
  await writeFile(path.join(outDir, PARETO_FILE), `${JSON.stringify(onDisk, null, 2)}\n`);
  // A shard without λ records (written before nax kept them) leaves its derivation checks out: say so.
  const without = merged.lambdas ? docs.flatMap((d, i) => (d.lambdas ? [] : [shownAs[i]!])) : [];
  // Where the proposal's files are, as the user named its shard (pareto.json may no longer say: above).
  const best = merged.candidates.find((c) => c.id === merged.best);
  const k = docs.findIndex((d) => d.candidates.some((c) => c.id === merged.best));
  const own = k >= 0 ? docs[k]!.candidates.find((c) => c.id === merged.best)!.folder : undefined;
  const notes = [
    ...without.map((f) => `${f}: no λ records (written before nax kept them), so its derivation checks are not shown`),
    ...(own !== undefined ? [`the proposed candidate's files (model.json, weights.bin, mapping.json, report.json): ${names[k]}/${own}`] : []),
  ];
  const summary = searchSummaryMarkdown(merged, notes);
  await writeSearchPages(folderSink(outDir), merged, summary);
  return { merged, summary, ...(best?.folder !== undefined ? { bestFolder: best.folder } : {}) };
}
