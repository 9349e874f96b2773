/** The action's outputs, as strings, from a comparison. Pure. */
import type { Comparison } from '../compare/comparison.js';

export interface OutputValues {
  readonly verdict: string;
  /** Head non-ideal mean accuracy, %. */
  readonly accuracy: string;
  readonly 'base-accuracy': string;
  /** Head EDAP, J·s·mm². */
  readonly edap: string;
  readonly 'base-edap': string;
  /** Relative EDAP change, %. */
  readonly 'edap-change': string;
  readonly acknowledged: string;
  readonly report: string;
  readonly 'comment-id': string;
}

/** Up to 4 decimals, no trailing zeros; '' when unknown. */
function num(v: number | undefined, digits = 4): string {
  if (v === undefined) return '';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  return String(Number(v.toFixed(digits)));
}

export function outputValues(c: Comparison, opts: { readonly reportPath: string; readonly commentId?: number }): OutputValues {
  const t = c.totals;
  return {
    verdict: c.verdict,
    accuracy: num(t.nonIdealHead?.meanPct),
    'base-accuracy': num(t.nonIdealBase?.meanPct),
    edap: t.edap.head === undefined ? '' : String(t.edap.head),
    'base-edap': t.edap.base === undefined ? '' : String(t.edap.base),
    'edap-change': num(t.edap.changePct),
    acknowledged: c.acknowledged ? 'true' : 'false',
    report: opts.reportPath,
    'comment-id': opts.commentId === undefined ? '' : String(opts.commentId),
  };
}
