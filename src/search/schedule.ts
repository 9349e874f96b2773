/**
 * The search's budget schedule as pure arithmetic on times (seconds on the caller's clock): which deadline
 * each phase gets, given the budget, the time now, and the measured cost of one candidate evaluation. The
 * search loop reads its clock and asks these functions; tests check the arithmetic without any clock.
 *
 * Split (nax assumption, chosen so that a 90 s run still evaluates every baseline on the fixture): after
 * what must stay in reserve for the evaluations still to come, warm-up gets 15 % of the training time and
 * each λ an equal share, of which 65 % searches and 35 % fine-tunes.
 */

export interface Budget {
  /** Start of the run, s. */
  readonly startS: number;
  /** Wall-time budget, s. */
  readonly budgetS: number;
}

/** Fractions of the schedule (nax assumptions, see above). */
export const SCHEDULE = Object.freeze({
  warmUp: 0.15,
  search: 0.65,
  /** Slack per pending evaluation for the step that is running when a deadline passes, × budget. */
  slack: 0.02,
  /** Margin on the measured evaluation time (evaluations vary with the architecture). */
  evalMargin: 1.25,
});

export function deadlineOf(b: Budget): number {
  return b.startS + b.budgetS;
}

/**
 * Time to keep in reserve for `evaluations` candidate evaluations still to run, each taking `evalS`
 * (the slowest measured so far) plus `saveS` to write it.
 */
export function reserveS(b: Budget, evaluations: number, evalS: number, saveS: number): number {
  return evaluations * (evalS * SCHEDULE.evalMargin + saveS + SCHEDULE.slack * b.budgetS);
}

/** Deadline of the supernet warm-up when `pending` evaluations must still fit after all training. */
export function warmUpDeadline(b: Budget, nowS: number, pendingReserveS: number): number {
  const training = Math.max(0, deadlineOf(b) - nowS - pendingReserveS);
  return nowS + SCHEDULE.warmUp * training;
}

/**
 * Deadlines of the next λ's search and fine-tune phases, with `lambdasLeft` λ values still to run (this one
 * included) and `pendingReserveS` to keep for the evaluations after training; undefined when no time is left.
 */
export function lambdaWindow(b: Budget, nowS: number, lambdasLeft: number, pendingReserveS: number): { searchS: number; fineTuneS: number } | undefined {
  const share = (deadlineOf(b) - nowS - pendingReserveS) / Math.max(1, lambdasLeft);
  if (!(share > 0)) return undefined;
  return { searchS: nowS + SCHEDULE.search * share, fineTuneS: nowS + share };
}

/** Whether an evaluation expected to take `evalS` (+ `saveS`) still ends before the deadline. */
export function fitsEvaluation(b: Budget, nowS: number, evalS: number, saveS: number): boolean {
  return nowS + evalS * 1.1 + saveS <= deadlineOf(b);
}

/** Time allowed for writing and reloading one candidate model: ≤ 1 s, less for tiny budgets. */
export function saveAllowanceS(b: Budget, writes: boolean): number {
  return writes ? Math.min(1, 0.02 * b.budgetS) : 0;
}

/** Fine-tuning time per candidate relative to one search phase: 35 % / 65 % of a λ's share (see above). */
export const FINE_TUNE_PER_SEARCH = (1 - SCHEDULE.search) / SCHEDULE.search;

/**
 * The protocol's training plan once warm-up has measured the time of one weight step (`stepS`): `lambdas`
 * search phases and one random search, each `searchS` long, and `lambdas + 3` fine-tunes (every searched
 * candidate, the committed kernels — which serve the committed and every homogeneous mapping —, the cost-only
 * optimum, the random-search winner) of the same `fineTuneSteps` each, together filling `trainingS`:
 *   (lambdas + 1)·searchS + (lambdas + 3)·fineTuneSteps·stepS = trainingS,  fineTuneSteps·stepS = r·searchS.
 */
export function protocolAllocation(o: { trainingS: number; lambdas: number; stepS: number; maxFineTuneSteps: number }): { searchS: number; fineTuneSteps: number } {
  const r = FINE_TUNE_PER_SEARCH;
  const searchS = Math.max(0, o.trainingS) / (o.lambdas + 1 + (o.lambdas + 3) * r);
  const steps = o.stepS > 0 ? Math.floor((r * searchS) / o.stepS) : 0;
  return { searchS, fineTuneSteps: Math.max(0, Math.min(o.maxFineTuneSteps, steps)) };
}
