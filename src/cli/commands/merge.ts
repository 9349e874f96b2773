/** `nax merge`: Monte Carlo shard reports into one report, or search shard folders into one Pareto front. */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { NaxUserError } from '../../errors.js';
import { readJsonFile, refuseOverwrite } from '../../io/report-file.js';
import { MERGED_SEARCH_FILES, PARETO_FILE } from '../../io/search-files.js';
import { type CliIo, EXIT_OK } from '../context.js';
import { checkReportFile, writeReport } from '../options.js';

export interface MergeOptions {
  /** Shard report files, or search output folders (each with pareto.json), as given. */
  readonly inputs: readonly string[];
  /** Merged report file (reports) or folder (search); absent: none for reports, 'nax-search' for search. */
  readonly out?: string;
  /** Overwrite --out even if it is not an earlier nax report. Default false. */
  readonly force: boolean;
}

async function mergeSearch(o: MergeOptions, io: CliIo, folders: readonly string[], abs: readonly string[]): Promise<void> {
  const outDir = path.resolve(io.cwd, o.out ?? 'nax-search');
  await refuseOverwrite(MERGED_SEARCH_FILES.map((f) => path.join(outDir, f)), {
    force: o.force, shownAs: (f) => path.relative(io.cwd, f), hint: 'choose another --out, or pass --force to replace it',
  });
  const { mergeSearchFolders } = await import('../../io/search-folder.js');
  const { summary } = await mergeSearchFolders(folders, outDir, folders.map((d) => o.inputs[abs.indexOf(d)]!));
  io.out(summary);
}

export async function mergeCommand(o: MergeOptions, io: CliIo): Promise<number> {
  const abs = o.inputs.map((i) => path.resolve(io.cwd, i));
  const folders = abs.filter((a) => existsSync(path.join(a, PARETO_FILE)));
  if (folders.length === abs.length) {
    await mergeSearch(o, io, folders, abs);
    return EXIT_OK;
  }
  if (folders.length > 0) throw new NaxUserError(o.inputs[abs.findIndex((a) => !folders.includes(a))], '', 'mixes search folders and report files');
  await checkReportFile(io, o.out, o.force);
  const { parseReport } = await import('../../io/parse-report.js');
  const { mergeShards } = await import('../../compare/merge-shards.js');
  const { renderSimulateText } = await import('../../render/simulate-text.js');
  const reports = await Promise.all(abs.map(async (f, i) => parseReport(await readJsonFile(f, o.inputs[i]), o.inputs[i])));
  const merged = mergeShards(reports, { labels: o.inputs });
  io.out(renderSimulateText(merged));
  if (o.out) await writeReport(io, o.out, merged, o.force);
  return EXIT_OK;
}

export function registerMerge(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command('merge')
    .description('merge shard outputs: Monte Carlo shard reports (JSON files) or search shard folders (with pareto.json)')
    .argument('<inputs...>', 'shard report files, or search output folders')
    .option('--out <path>', 'merged report file (reports) or folder (search)')
    .option('--force', 'overwrite --out even if it is not an earlier nax report', false)
    .action(async (inputs: string[], r: { out?: string; force?: boolean }) => {
      done(await mergeCommand({ inputs, ...(r.out ? { out: r.out } : {}), force: r.force === true }, io));
    });
}
