/**
 * Where results go: the narrow surface the modes publish through (Danger's Platform idea). The GitHub
 * implementation posts the sticky comment and writes the step's summary, outputs and annotations; the
 * local one writes to a stream and files, for the CLI and tests.
 */
import type { Annotation } from './annotations.js';
import type { UpsertResult } from './sticky-comment.js';

export interface Publisher {
  /** Creates or updates the sticky comment on the PR this publisher targets. Rejects on any API failure. */
  upsertComment(body: string): Promise<UpsertResult>;
  /** Appends to the job summary. */
  writeSummary(markdown: string): Promise<void>;
  setOutputs(values: Readonly<Record<string, string>>): void;
  annotate(a: Annotation): void;
  info(line: string): void;
  warning(line: string): void;
  /** Marks the step failed with one message (and an annotation on `where.file`, when given). */
  fail(message: string, where?: { readonly file?: string; readonly startLine?: number; readonly title?: string }): void;
}
