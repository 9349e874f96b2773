/**
 * The search's side-by-side candidate table and `summary.md` (markdown). Pure: a ParetoDocument in, text out.
 */
import { markdownTable } from 'markdown-table';
import { type ParetoDocument, deltaVsBaseline } from '../search/pareto.js';

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
const sci = (x: number) => x.toExponential(3);

/** The side-by-side table (markdown): every candidate, its accuracy, cost, ΔEDAP vs the best baseline at ≤ its accuracy, and the front. */
export function candidateTable(doc: ParetoDocument): string {
  const front = new Set(doc.front);
  const rows = doc.candidates.map((c) => {
    const d = deltaVsBaseline(c, doc.candidates);
    return [
      c.label + (c.id === doc.best ? ' ★' : ''),
      pct(c.accuracy) + (c.accuracyStd > 0 ? ` ± ${(c.accuracyStd * 100).toFixed(2)}` : ''),
      pct(c.idealAccuracy),
      sci(c.energyJ),
      sci(c.delayS),
      c.areaMm2.toFixed(3),
      sci(c.edap),
      c.kind === 'homogeneous' ? '—' : d ? `${d.deltaEdap >= 0 ? '+' : ''}${(d.deltaEdap * 100).toFixed(1)} % (vs ${d.baseline.label})` : 'no baseline this accurate',
      front.has(c.id) ? 'yes' : '',
    ];
  });
  return markdownTable([
    ['candidate', 'non-ideal acc.', 'ideal acc.', 'energy J', 'delay s', 'area mm²', 'EDAP J·s·mm²', 'ΔEDAP vs best baseline at ≤ acc.', 'front'],
    ...rows,
  ], { align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'c'] });
}

/** summary.md: the table plus the searched architectures. */
export function searchSummaryMarkdown(doc: ParetoDocument, notes: readonly string[] = []): string {
  const lines = ['## nax re-search', '', candidateTable(doc), ''];
  const best = doc.candidates.find((c) => c.id === doc.best);
  lines.push(best
    ? `★ proposed: **${best.label}** — ${doc.beatsCommitted ? 'beats' : 'does not beat'} the committed model on ${doc.objective} at equal or better non-ideal accuracy.`
    : 'No searched candidate is at least as accurate (non-ideal) as the committed model.');
  const searched = doc.candidates.filter((c) => c.kind === 'searched');
  if (searched.length > 0) {
    lines.push('', '### Searched architectures (changes from the committed model)', '');
    for (const c of searched) lines.push(`- **${c.label}**: ${c.architecture || 'same kernels and crossbars as committed'}`);
  }
  if (notes.length > 0) lines.push('', ...notes.map((n) => `> ${n}`));
  return lines.join('\n') + '\n';
}
