/** What the renderers need: the comparison plus where base and head came from. */
import type { BaselineInfo } from '../compare/baseline.js';
import type { Comparison } from '../compare/comparison.js';

export interface RenderInput {
  readonly comparison: Comparison;
  readonly baseline: BaselineInfo;
  /** Head commit shown in the header: the PR head, not the merge commit the job checked out. */
  readonly headSha?: string;
  readonly toolVersion: string;
  /**
   * Who recomputed the baseline relative to this rendering: 'this-job' (check mode, the CLI),
   * 'check-job' (mode: comment renders the artifact a pull_request job produced) or 'shard-jobs'
   * (mode: merge combines the matrix legs' reports).
   */
  readonly origin: 'this-job' | 'check-job' | 'shard-jobs';
  /** Link to the workflow run, when known. */
  readonly runUrl?: string;
  /** Name of the report file or artifact holding the full data. */
  readonly reportName?: string;
  /** Name of the HTML report written next to the report file (uploaded with it as the run's artifact). */
  readonly htmlReportName?: string;
  /**
   * Where the budgets came from and how the PR changes the gate (config/gate.ts), shown in the first
   * lines. Absent: not known (an older artifact).
   */
  readonly gate?: { readonly budgetsFrom: 'base' | 'head'; readonly changes: readonly string[] };
  /** Markdown lines of the optional re-search section (render/search-section.ts), shown after the notes. */
  readonly searchSection?: readonly string[];
  /** Extra lines shown at the end (e.g. why the PR comment could not be posted; summary and log only). */
  readonly notes?: readonly string[];
}
