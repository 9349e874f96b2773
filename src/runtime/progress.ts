/**
 * Progress of long commands for a person watching: a bar redrawn in place on a terminal, a line about every
 * 10 % in a log, or (in the action) one collapsible log group per run. The clock is read here, at the edge;
 * the code doing the work only reports steps (progress.ts). Never writes to stdout, which carries results.
 */
import type { Progress, ProgressStep } from '../progress.js';

export type ProgressMode = 'bar' | 'lines' | 'groups' | 'off';

export interface ProgressOptions {
  readonly mode: ProgressMode;
  /** Writes one line (no newline needed): stderr in the CLI, the log in the action. */
  readonly line: (text: string) => void;
  /** Writes raw text for the bar ('\r' redraws); only for mode 'bar'. Default: `line`. */
  readonly raw?: (text: string) => void;
  /** Terminal width in columns for the bar. Default 80. */
  readonly columns?: number;
  /** Clock in seconds on any monotonic scale. */
  readonly now: () => number;
  /**
   * Runs this command expects (1 for simulate, 2 for check, the sizes of a sweep). A run starts when a
   * step's `done` falls back; the bar covers all runs. Default 1; more runs than announced still work.
   */
  readonly runs?: number;
  /** Log groups, for mode 'groups' (the action's core.startGroup / endGroup). */
  readonly group?: { readonly start: (title: string) => void; readonly end: () => void };
}

export interface ProgressReporter {
  readonly progress: Progress;
  /** Clears the bar or closes an open group; call once when the command ends (also on errors). */
  readonly finish: () => void;
}

/** Share of the whole command done, 0…1, with run `run` (0-based) of `runs` at `step`. */
export function overallFraction(run: number, runs: number, step: ProgressStep): number {
  const within = step.total > 0 ? Math.min(1, Math.max(0, step.done / step.total)) : 0;
  const n = Math.max(runs, run + 1);
  return Math.min(1, (run + within) / n);
}

/** Seconds left at a constant rate, or undefined before anything is done. */
export function etaSeconds(fraction: number, elapsedS: number): number | undefined {
  if (!(fraction > 0) || !(elapsedS >= 0)) return undefined;
  return (elapsedS * (1 - fraction)) / fraction;
}

/** A duration as a person reads it: '45 s', '3 min 05 s', '1 h 02 min'. */
export function formatDuration(s: number): string {
  const t = Math.max(0, Math.round(s));
  if (t < 60) return `${t} s`;
  if (t < 3600) return `${Math.floor(t / 60)} min ${String(t % 60).padStart(2, '0')} s`;
  return `${Math.floor(t / 3600)} h ${String(Math.floor((t % 3600) / 60)).padStart(2, '0')} min`;
}

/** '42 %, 1 min 05 s elapsed, ETA 1 min 30 s'. */
export function progressSummary(fraction: number, elapsedS: number): string {
  const eta = etaSeconds(fraction, elapsedS);
  const pct = `${Math.floor(fraction * 100)} %`;
  return `${pct}, ${formatDuration(elapsedS)} elapsed${eta === undefined || fraction >= 1 ? '' : `, ETA ${formatDuration(eta)}`}`;
}

/** The bar's text, cut to the width: '[#########...............]  37 % ETA 1 min 05 s  latest line'. */
export function barText(fraction: number, elapsedS: number, latest: string, columns: number): string {
  const width = 24;
  const filled = Math.round(fraction * width);
  const eta = etaSeconds(fraction, elapsedS);
  const etaText = eta === undefined || fraction >= 1 ? '' : ` ETA ${formatDuration(eta)}`;
  const text = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)} %${etaText}  ${latest}`;
  return [...text].slice(0, Math.max(10, columns - 1)).join('');
}

export function progressReporter(o: ProgressOptions): ProgressReporter {
  if (o.mode === 'off') return { progress: () => undefined, finish: () => undefined };
  const t0 = o.now();
  const runs = o.runs ?? 1;
  const raw = o.raw ?? o.line;
  const columns = o.columns ?? 80;
  let run = -1;
  let lastDone = Infinity;
  let lastDecile = -1;
  let barShown = false;
  let groupOpen = false;

  const clearBar = () => {
    if (barShown) raw(`\r${' '.repeat(Math.max(0, columns - 1))}\r`);
    barShown = false;
  };

  const progress: Progress = (line, step) => {
    if (!step) {
      // A line about the command, not a step: always shown (above the bar, outside a group).
      if (o.mode === 'bar') clearBar();
      if (o.mode === 'groups' && groupOpen) {
        o.group?.end();
        groupOpen = false;
      }
      o.line(`nax: ${line}`);
      return;
    }
    // A step count that falls back means the next run (check's base after its head, a sweep's next size).
    if (run < 0 || step.done < lastDone) run += 1;
    lastDone = step.done;
    const f = overallFraction(Math.max(0, run), runs, step);
    const elapsed = o.now() - t0;
    switch (o.mode) {
      case 'bar':
        raw(`\r${barText(f, elapsed, line, columns)}`);
        barShown = true;
        break;
      case 'lines': {
        const decile = Math.floor(f * 10);
        if (decile > lastDecile) {
          lastDecile = decile;
          o.line(`nax: ${progressSummary(f, elapsed)}: ${line}`);
        }
        break;
      }
      case 'groups':
        if (!groupOpen) {
          o.group?.start(`nax: run ${Math.max(0, run) + 1} of ${Math.max(runs, run + 1)}`);
          groupOpen = true;
        }
        o.line(`nax: [${progressSummary(f, elapsed)}] ${line}`);
        if (step.done >= step.total) {
          o.group?.end();
          groupOpen = false;
        }
        break;
    }
  };
  const finish = () => {
    clearBar();
    if (groupOpen) o.group?.end();
    groupOpen = false;
  };
  return { progress, finish };
}
