/**
 * The sentence `simulation.targetCiPp` asks for: whether this run's 95 % interval of the non-ideal accuracy
 * is as narrow as the target, and if not, about how many images × chips would make it so (extrapolated from
 * the run's variance components, stats/paired-interval.ts). Pure.
 */
import type { NaxReport } from '../report.js';
import { gridOf } from '../stats/accuracy-stats.js';
import { accuracyInterval, designForHalfWidth } from '../stats/paired-interval.js';
import { formatCount } from './format.js';

const PP = 100;

export function precisionSentence(report: NaxReport, targetCiPp: number): string | undefined {
  const n = report.accuracy?.nonIdeal;
  const images = report.settings?.evalImages;
  if (!n?.correct || images === undefined || n.correct.length === 0) return undefined;
  const ci = accuracyInterval(gridOf(n.correct, images, 'accuracy.nonIdeal.correct'));
  const half = ((ci.high - ci.low) / 2) * PP;
  const target = `target ±${targetCiPp.toFixed(2)} pp (simulation.targetCiPp)`;
  if (half <= targetCiPp) return `${target}: reached, the 95 % interval is ±${half.toFixed(2)} pp`;
  const design = designForHalfWidth(targetCiPp / PP, ci.components, { images: ci.images, chips: ci.chips });
  const now = `±${half.toFixed(2)} pp with ${formatCount(ci.images)} images × ${ci.chips} chip${ci.chips === 1 ? '' : 's'}`;
  if (!design) return `${target}: not reached (${now}), and no design up to 1,000,000 images × 256 chips would reach it`;
  const caveat = ci.chips === 1 ? '; one chip leaves the chip spread unknown, so run at least 2' : '';
  return `${target}: not reached (${now}); about ${formatCount(design.images)} images × ${design.chips} chip${design.chips === 1 ? '' : 's'} would reach it${caveat}`;
}
