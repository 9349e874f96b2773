/**
 * Sentences on what the sample size lets an accuracy budget conclude: when the interval straddles a limit
 * (inconclusive), and when a limit is finer than the minimum detectable effect (with the images × chips that
 * would resolve it). Pure: a comparison in, plain sentences out (markdown-safe: only numbers and fixed words).
 */
import type { BudgetResult, Comparison } from '../compare/comparison.js';
import { formatCount } from './format.js';

const LABEL: Readonly<Record<string, string>> = {
  maxAccuracyDropPp: 'accuracy-drop budget',
  minAccuracyPct: 'minimum-accuracy budget',
};

const num = (v: number) => v.toFixed(2);

function lines(b: BudgetResult): string[] {
  const r = b.resolution;
  if (!r) return [];
  const unit = b.id === 'maxAccuracyDropPp' ? 'pp' : '%';
  const out: string[] = [];
  for (const tier of r.inconclusive) {
    const limit = b.tiers[tier] as number;
    out.push(`The ${LABEL[b.id]}'s ${tier} limit (${num(limit)} ${unit}) lies inside the 95 % interval ` +
      `[${num(r.low)}, ${num(r.high)}] ${unit}: inconclusive at this sample size (the verdict uses the point estimate).`);
  }
  if (r.belowMde && r.belowMde.length > 0 && r.mdePp !== undefined) {
    const limits = r.belowMde.map((t) => `${t} ${num(b.tiers[t] as number)} pp`).join(', ');
    const fix = r.resolvingDesign
      ? `about ${formatCount(r.resolvingDesign.images)} images × ${r.resolvingDesign.chips} chips would resolve it`
      : 'no affordable number of images and chips resolves it';
    out.push(`The ${LABEL[b.id]} (${limits}) is finer than the smallest drop this run can detect ` +
      `(${num(r.mdePp)} pp at 80 % power): ${fix}.`);
  }
  return out;
}

/** One sentence per unresolved accuracy budget tier, in budget order. */
export function resolutionSentences(c: Comparison): string[] {
  return c.budgets.flatMap(lines);
}
