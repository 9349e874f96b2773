/**
 * Reading and writing report files. A file at the target path is replaced only when it is an earlier nax
 * report (its `schema` is nax-report/1) or when overwriting was asked for: a user's own file that happens
 * to sit at report-path is never lost.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { NaxUserError } from '../errors.js';
import { REPORT_SCHEMA } from '../report.js';
import { readRegularFile } from './files.js';
import { jsonSyntaxMessage } from './json.js';

/** Reads a JSON file; a missing or malformed file is a NaxUserError naming it. */
export async function readJsonFile(file: string, shownAs = file): Promise<unknown> {
  // Report files may be a fork's artifact: a regular file, not a link, within the document cap.
  const bytes = await readRegularFile(file, shownAs, 'document');
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch (e) {
    throw new NaxUserError(shownAs, '', jsonSyntaxMessage(e));
  }
}

/** Whether the file at `file` is absent or an earlier nax report. */
async function replaceable(file: string): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw e;
  }
  try {
    const doc = JSON.parse(text) as { schema?: unknown };
    return typeof doc === 'object' && doc !== null && doc.schema === REPORT_SCHEMA;
  } catch {
    return false;
  }
}

export interface WriteReportOptions {
  /** Replace a file that is not a nax report. */
  readonly overwrite: boolean;
  /** How the path is shown in messages (the input value). */
  readonly shownAs?: string;
  /** How to ask for overwriting, in this edge's words. Default: the action's `overwrite-report` input. */
  readonly overwriteHint?: string;
}

/** Writes `report` as pretty JSON to `file`, creating folders. */
export async function writeReportFile(file: string, report: unknown, opts: WriteReportOptions): Promise<void> {
  if (!opts.overwrite && !(await replaceable(file))) {
    throw new NaxUserError(opts.shownAs ?? file, '', `exists and is not a nax report (no "schema": "${REPORT_SCHEMA}"); not overwritten`,
      opts.overwriteHint ?? 'choose another report-path, or set overwrite-report: true');
  }
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
}

/** Every `*.json` file below `dir` (recursive), sorted, for the shard reports of `mode: merge`. */
export async function jsonFilesBelow(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(dir, { recursive: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new NaxUserError(dir, '', 'folder not found', 'download the shard artifacts into it (actions/download-artifact, merge-multiple: true)');
    }
    throw e;
  }
  return entries.filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dir, f));
}
