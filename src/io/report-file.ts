/**
 * Reading and writing report files. A file at the target path is replaced only when it is an earlier nax
 * report (its `schema` is nax-report/1) or when overwriting was asked for: a user's own file that happens
 * to sit at report-path is never lost.
 */
import { constants } from 'node:fs';
import { access, lstat, mkdir, readdir, writeFile } from 'node:fs/promises';
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
    text = new TextDecoder().decode(await readRegularFile(file, file, 'document'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
    if (e instanceof NaxUserError) return e.message === 'file not found';
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

/**
 * Checks, before any work, that `writeReportFile` will be able to write `file`: not a folder, not a
 * user's file (unless overwriting), its folder creatable and writable. A report computed for minutes and
 * then lost to a typo in the path is the failure this prevents.
 */
export async function checkReportPath(file: string, opts: WriteReportOptions): Promise<void> {
  const shown = opts.shownAs ?? file;
  let st;
  try {
    st = await lstat(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw unwritable(shown, e);
  }
  if (st?.isDirectory()) throw new NaxUserError(shown, '', 'is a folder; the report needs a file path');
  if (st && !st.isFile()) throw new NaxUserError(shown, '', 'exists and is not a regular file (a link, device or FIFO); not overwritten');
  if (st && !opts.overwrite && !(await replaceable(file))) {
    throw new NaxUserError(shown, '', `exists and is not a nax report (no "schema": "${REPORT_SCHEMA}"); not overwritten`,
      opts.overwriteHint ?? 'choose another report-path, or set overwrite-report: true');
  }
  // Nothing is created yet: the nearest existing folder up the path must be a writable folder.
  // (A recursive mkdir below /proc never returns on Linux with Node 20, so none is attempted here.)
  let dir = st ? file : path.dirname(file);
  for (;;) {
    try {
      const d = await lstat(dir);
      if (!st && !d.isDirectory()) throw new NaxUserError(shown, '', `cannot be written (${dir} is not a folder)`);
      await access(dir, constants.W_OK);
      return;
    } catch (e) {
      if (e instanceof NaxUserError) throw e;
      const parent = path.dirname(dir);
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || parent === dir) throw unwritable(shown, e);
      dir = parent;
    }
  }
}

function unwritable(shown: string, e: unknown): NaxUserError {
  const code = (e as NodeJS.ErrnoException).code ?? 'error';
  return new NaxUserError(shown, '', `cannot be written (${code})`, 'choose a writable path; nothing was simulated');
}

/**
 * Refuses to replace existing files the user owns (`nax search --out`, merged search folders) unless
 * `force`: `files` are checked, and the first that exists is named.
 */
export async function refuseOverwrite(files: readonly string[], opts: { readonly force: boolean; readonly shownAs: (f: string) => string; readonly hint: string }): Promise<void> {
  if (opts.force) return;
  for (const f of files) {
    try {
      await lstat(f);
    } catch {
      continue;
    }
    throw new NaxUserError(opts.shownAs(f), '', 'exists; not overwritten', opts.hint);
  }
}

/** Refuses an output folder that already holds files (a search writes many), unless `force`. */
export async function refuseNonEmptyFolder(dir: string, opts: { readonly force: boolean; readonly shownAs: string; readonly hint: string }): Promise<void> {
  if (opts.force) return;
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') throw new NaxUserError(opts.shownAs, '', 'is a file, expected an output folder');
    throw unwritable(opts.shownAs, e);
  }
  if (entries.length > 0) throw new NaxUserError(opts.shownAs, '', `holds ${entries.length} entries already; not overwritten`, opts.hint);
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
