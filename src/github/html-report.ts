/**
 * The HTML report the action writes next to its report JSON (`nax-report.json` → `nax-report.html`), for
 * upload-artifact. Like the JSON, an existing file is replaced only when it is an earlier nax HTML report or
 * when overwrite-report is set.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { NaxUserError } from '../errors.js';
import { HTML_GENERATOR_META, type ReportPageInput, htmlReportPath, renderReportHtml } from '../render/html/report-page.js';

/** Renders and writes the page; returns its path relative to the repository (as the comment shows it). */
export async function writeHtmlReport(
  repoDir: string,
  reportPath: string,
  input: Omit<ReportPageInput, 'title'>,
  opts: { readonly overwrite: boolean },
): Promise<string> {
  const rel = htmlReportPath(reportPath);
  const file = path.resolve(repoDir, rel);
  let existing: string | undefined;
  try {
    existing = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  if (existing !== undefined && !opts.overwrite && !existing.includes(HTML_GENERATOR_META)) {
    throw new NaxUserError(rel, '', 'exists and is not a nax HTML report; not overwritten', 'choose another report-path, or set overwrite-report: true');
  }
  await writeFile(file, renderReportHtml({ ...input, title: path.basename(reportPath) }));
  return rel;
}
