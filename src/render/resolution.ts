/**
 * Sentences on what the sample size lets an accuracy budget conclude: when the 95 % interval straddles a
 * limit (inconclusive: the verdict rests on the point estimate alone), and when a limit is finer than the
 * minimum detectable effect of the configured images × chips (with the design that would resolve it). Pure:
 * a comparison in, plain sentences out (markdown-safe: only numbers and fixed words).
 */
import type { BudgetResult, Comparison } from '../compare/comparison.js';
import { formatCount, formatLimit } from './format.js';

function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

const signed = (v: number) => (v > 0 ? `+${v.toFixed(2)}` : v.toFixed(2));

function sentences(b: BudgetResult, c: Comparison): string[] {
  const r = b.resolution;
  if (!r) return [];
  const out: string[] = [];
  if (b.id === 'maxAccuracyDropPp') {
    const d = c.totals.accuracyDelta;
    const design = d ? `${plural(d.images, 'image')} × ${plural(d.chips, 'chip')}` : undefined;
    for (const tier of r.inconclusive) {
      // The interval is stored as a drop (base − head); show it as Δ = head − base, as the table does.
      out.push(`The 95 % interval of Δ non-ideal accuracy [${signed(-r.high)}, ${signed(-r.low)}] pp straddles the ${tier} budget ` +
        `(drop ≤ ${formatLimit(b.tiers[tier] as number, 'pp')}): inconclusive at this sample size${design ? ` (${design})` : ''}.`);
    }
    if (r.belowMde && r.belowMde.length > 0 && r.mdePp !== undefined) {
      const which = r.belowMde.map((t) => `${t} ${formatLimit(b.tiers[t] as number, 'pp')}`).join(', ');
      const fix = r.resolvingDesign
        ? `about ${plural(r.resolvingDesign.images, 'image')} × ${plural(r.resolvingDesign.chips, 'chip')} would resolve it`
        : 'no affordable number of images and chips resolves it';
      out.push(`The accuracy-drop budget (${which}) is below the minimum detectable effect ${r.mdePp.toFixed(2)} pp` +
        `${design ? ` of ${design}` : ''} (80 % power, α = 0.05): ${fix}.`);
    }
  } else {
    for (const tier of r.inconclusive) {
      out.push(`The head's 95 % accuracy interval [${r.low.toFixed(2)}, ${r.high.toFixed(2)}] % straddles the ${tier} limit of the ` +
        `minimum-accuracy budget (${formatLimit(b.tiers[tier] as number, '%')}): inconclusive at this sample size.`);
    }
  }
  return out;
}

/** The sentences of every accuracy budget the sample cannot resolve, in budget order. */
export function resolutionSentences(c: Comparison): string[] {
  return c.budgets.flatMap((b) => sentences(b, c));
}
