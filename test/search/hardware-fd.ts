/**
 * Central differences of the search's hardware term: the largest relative gap between the analytic gradient of
 * `hardwareTerm` and (f(α + h) − f(α − h)) / 2h over every α entry, for α drawn from `rng` (standard normal).
 */
import { type HardwareTable, hardwareTerm } from '../../src/search/arch.js';
import type { SearchPlan } from '../../src/search/plan.js';
import type { Rng } from '../../src/xbar/rng.js';

/** `floor` keeps the relative error finite where the gradient is ~0. */
export function worstFiniteDifferenceError(plan: SearchPlan, table: HardwareTable, rng: Rng, floor: number): number {
  const alphas = plan.layers.map((l) => Float64Array.from(l.ops, () => rng.normal()));
  const { grad } = hardwareTerm(plan, table, alphas);
  const h = 1e-5;
  let worst = 0;
  alphas.forEach((a, i) => {
    for (let j = 0; j < a.length; j++) {
      const save = a[j]!;
      a[j] = save + h;
      const up = hardwareTerm(plan, table, alphas).value;
      a[j] = save - h;
      const down = hardwareTerm(plan, table, alphas).value;
      a[j] = save;
      const fd = (up - down) / (2 * h);
      worst = Math.max(worst, Math.abs(fd - grad[i]![j]!) / (floor + Math.abs(fd)));
    }
  });
  return worst;
}
