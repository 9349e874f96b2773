/**
 * The optional `search: true` section of the PR comment (issue 12): what a bounded re-search of the PR's
 * head found — "a mapping found in N s would save X % EDAP at Y accuracy (interval)" — with the mapping
 * diff against the committed one in <details>. Pure: the search result in, markdown lines out.
 */
import type { Candidate, ParetoDocument } from '../search/pareto.js';
import { code } from './escape.js';

/** One layer whose crossbar size or kernel the proposed mapping changes. */
export interface MappingChange {
  readonly layer: string;
  readonly from: string;
  readonly to: string;
}

const signedPct = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)} %`;
const pp = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;

/**
 * The section's lines. `searchS`: wall time of the search; `changes`: the layers the proposed mapping
 * changes (see mappingChanges). Without a proposal, or one that does not beat the committed mapping by the
 * protocol, the section says so in one line.
 */
export function searchSectionLines(doc: ParetoDocument, searchS: number, changes: readonly MappingChange[]): string[] {
  const head = ['', '### Re-search of this head', ''];
  const best = doc.candidates.find((c) => c.id === doc.best);
  const committed: Candidate | undefined = doc.candidates.find((c) => c.kind === 'committed');
  const vs = best?.comparisons?.find((x) => x.against === committed?.id);
  if (!best || !committed || !vs) return [...head, `A ${searchS.toFixed(0)} s search found no mapping to compare with the committed one.`];
  const acc = best.accuracyCi95
    ? `${(best.accuracy * 100).toFixed(2)} % [${(best.accuracyCi95.low * 100).toFixed(2)}, ${(best.accuracyCi95.high * 100).toFixed(2)}]`
    : `${(best.accuracy * 100).toFixed(2)} %`;
  const delta = `Δ ${pp(vs.deltaPp)} pp [${pp(vs.ciLowPp)}, ${pp(vs.ciHighPp)}], ${vs.verdict}`;
  const lines = doc.beatsCommitted
    ? [`A mapping found in ${searchS.toFixed(0)} s would save **${(-vs.deltaObjective * 100).toFixed(1)} % ${doc.objective === 'edap' ? 'EDAP' : doc.objective}** at ${acc} non-ideal accuracy (${delta} against the committed mapping, both equally fine-tuned).`]
    : [`A ${searchS.toFixed(0)} s search found no mapping that beats the committed one by the protocol: the best, ${code(best.label)}, has ${signedPct(vs.deltaObjective)} ${doc.objective === 'edap' ? 'EDAP' : doc.objective} at ${acc} (${delta}).`];
  if (changes.length > 0) {
    lines.push('', `<details><summary>Mapping diff (${changes.length} layer${changes.length === 1 ? '' : 's'})</summary>`, '',
      '| layer | committed | proposed |', '|---|---|---|',
      ...changes.map((c) => `| ${code(c.layer)} | ${c.from} | ${c.to} |`), '', '</details>');
  }
  return [...head, ...lines];
}

/** Layers whose crossbar (rows × cols) or kernel differ between two per-layer descriptions. */
export function mappingChanges(
  committed: ReadonlyMap<string, { readonly rows: number; readonly cols: number; readonly kernel?: number }>,
  proposed: ReadonlyMap<string, { readonly rows: number; readonly cols: number; readonly kernel?: number }>,
): MappingChange[] {
  const fmt = (m?: { rows: number; cols: number; kernel?: number }) => (m ? `${m.kernel !== undefined ? `${m.kernel}×${m.kernel} kernel, ` : ''}${m.rows}×${m.cols}` : 'removed');
  const names = [...new Set([...committed.keys(), ...proposed.keys()])];
  return names.flatMap((layer) => {
    const a = committed.get(layer);
    const b = proposed.get(layer);
    const same = a && b && a.rows === b.rows && a.cols === b.cols && a.kernel === b.kernel;
    return same ? [] : [{ layer, from: fmt(a), to: fmt(b) }];
  });
}
