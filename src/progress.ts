/**
 * How long-running code reports progress without touching a clock or a stream: a line for the log and,
 * where the amount of work is known, how far the current run is. The edges (runtime/progress.ts) turn the
 * steps into a bar, periodic lines with an ETA, or log groups.
 */

/** `done` of `total` units of the current run (a simulation's evaluations and samples, a search's budget). */
export interface ProgressStep {
  readonly done: number;
  readonly total: number;
  /** What a unit is, for the line: 'steps' (evaluations and Monte Carlo samples) or 's' (wall time). */
  readonly unit: 'steps' | 's';
}

/** A progress sink. A plain `(line) => void` is one too: steps are optional for the receiver. */
export type Progress = (line: string, step?: ProgressStep) => void;
