/**
 * The search's budget schedule as pure arithmetic on times (seconds on the caller's clock): which deadline
 * each phase gets, given the budget, the time now, and the measured cost of one candidate evaluation. The
 * search loop reads its clock and asks these functions; tests check the arithmetic without any clock.
 *
 * Split (nax assumption): after what must stay in reserve for the selection evaluations still to come,
 * warm-up gets 15 % of the training time; the rest goes to the search phases, the random search and the
 * equal fine-tunes in the ratio 65 : 35 of a search phase to one fine-tune (protocolAllocation).
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
  /**
   * Share of a search phase kept for the derivation rules' paired checks (engine.ts pairedRule): at least
   * `pairedChecksMin` (room for single-layer tests beside the reserved forwards), at most `pairedChecksMax`
   * (the architecture steps keep the rest even on a slow machine).
   */
  pairedChecksMin: 0.35,
  pairedChecksMax: 0.6,
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

/**
 * Time at the end of a search phase of `searchS` kept for the derivation rules' paired checks: the forwards the
 * rules keep time for (`forwards` check forwards of `images` × `chips`, at `secondsPerImageChip` each, with the
 * evaluation margin: engine.reservedForwards), within [pairedChecksMin, pairedChecksMax] of the phase; 0 without
 * a check to run.
 */
export function pairedCheckS(o: { searchS: number; forwards: number; images: number; chips: number; secondsPerImageChip: number }): number {
  if (o.forwards <= 0 || o.images <= 0) return 0;
  const need = SCHEDULE.evalMargin * o.forwards * o.images * o.chips * o.secondsPerImageChip;
  return Math.min(SCHEDULE.pairedChecksMax * o.searchS, Math.max(SCHEDULE.pairedChecksMin * o.searchS, need));
}

/**
 * Images the paired checks can run on in a search phase of `searchS`: all `images` when the group comparisons'
 * `forwards` fit within pairedChecksMax of the phase (with the evaluation margin), else as many as fit. Chosen
 * once per run, so every λ's checks see the same images.
 */
export function pairedCheckImages(o: { searchS: number; forwards: number; images: number; chips: number; secondsPerImageChip: number }): number {
  const perImage = SCHEDULE.evalMargin * o.forwards * o.chips * o.secondsPerImageChip;
  if (o.forwards <= 0 || perImage <= 0) return o.images;
  return Math.min(o.images, Math.floor((SCHEDULE.pairedChecksMax * o.searchS) / perImage));
}
