/**
 * The search's side-by-side candidate table, the protocol's paired comparisons, and `summary.md`
 * (markdown). Pure: a ParetoDocument in, text out.
 */
import { markdownTable } from 'markdown-table';
import { COST_MODEL_SWITCHES, DEFAULT_COST_MODEL } from '../config/cost-model.js';
import { type Candidate, type Comparison, type LambdaRecord, type ParetoDocument, type ProtocolInfo, describePairedCheck, reachesReference, rulesText, signedText as signed } from '../search/pareto.js';

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
const sci = (x: number) => x.toExponential(3);

const KIND_LABEL: Record<Candidate['kind'], string> = {
  committed: 'committed', homogeneous: 'homogeneous', costOnly: 'cost-only', random: 'random search', searched: 'searched',
};

function accuracyCell(c: Candidate): string {
  if (c.accuracyCi95) return `${pct(c.accuracy)} [${(c.accuracyCi95.low * 100).toFixed(2)}, ${(c.accuracyCi95.high * 100).toFixed(2)}]`;
  return pct(c.accuracy) + (c.accuracyStd > 0 ? ` ± ${(c.accuracyStd * 100).toFixed(2)}` : '');
}

/** The side-by-side table (markdown): every candidate, its training, accuracy with interval, cost, and the front. */
export function candidateTable(doc: ParetoDocument): string {
  const front = new Set(doc.front);
  const rows = doc.candidates.map((c) => [
    c.label + (c.id === doc.best ? ' ★' : ''),
    accuracyCell(c),
    pct(c.idealAccuracy),
    c.quantisedAccuracy === undefined ? '—' : pct(c.quantisedAccuracy),
    KIND_LABEL[c.kind],
    c.fineTuneSteps === undefined ? '—' : String(c.fineTuneSteps),
    c.validationAccuracy === undefined ? '' : pct(c.validationAccuracy),
    sci(c.energyJ),
    sci(c.delayS),
    c.areaMm2.toFixed(3),
    sci(c.edap),
    front.has(c.id) ? 'yes' : '',
  ]);
  return markdownTable([
    ['candidate', 'non-ideal acc. [95 % CI]', 'ideal acc.', 'quantised acc.', 'kind', 'fine-tune steps', 'validation acc.', 'energy J', 'delay s', 'area mm²', 'EDAP J·s·mm²', 'front'],
    ...rows,
  ], { align: ['l', 'r', 'r', 'r', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'c'] });
}

function comparisonCell(x: Comparison): string {
  return `${signed(x.deltaPp, 2)} pp [${signed(x.ciLowPp, 2)}, ${signed(x.ciHighPp, 2)}]`;
}

/** Paired comparisons (same images, same chips) of the searched, random and cost-only candidates against the baselines. */
export function comparisonTable(doc: ParetoDocument): string | undefined {
  const label = new Map(doc.candidates.map((c) => [c.id, c.label]));
  const rows: string[][] = [];
  for (const c of doc.candidates) {
    for (const x of c.comparisons ?? []) {
      rows.push([c.label + (c.id === doc.best ? ' ★' : ''), label.get(x.against) ?? x.against, comparisonCell(x), x.verdict, `${signed(x.deltaObjective * 100, 1)} %`]);
    }
  }
  if (rows.length === 0) return undefined;
  return markdownTable([['candidate', 'against', 'Δ non-ideal acc. [paired 95 % CI]', 'accuracy', `Δ ${doc.objective === 'edap' ? 'EDAP' : doc.objective}`], ...rows],
    { align: ['l', 'l', 'r', 'l', 'r'] });
}

/**
 * What the derivation rules decided for each evaluated λ: the argmax, then every paired check in order (the
 * checks run on validation images the architecture steps never drew).
 */
export function derivationLines(lambdas: readonly LambdaRecord[]): string[] {
  return lambdas.filter((l) => l.evaluated).flatMap((l) => [
    `- **λ=${l.lambda}** (${l.id}, ${l.archSteps} architecture steps): argmax ${l.argmax || 'the committed architecture'}`,
    ...(l.pairedChecks.length > 0 ? l.pairedChecks.map((c) => `  - ${describePairedCheck(c, l.lambda)}`)
      : [`  - no paired check: ${l.argmax === l.architecture ? 'the argmax stands' : `taken untested: ${l.architecture || 'the committed architecture'}`}`]),
  ]);
}

/** One paragraph on how the numbers were made (training, selection, evaluation). */
export function protocolParagraph(doc: ParetoDocument): string | undefined {
  const p = doc.protocol;
  if (!p) return undefined;
  const subset = p.evaluationImages < p.evaluationSetImages ? ` (a subset of its ${p.evaluationSetImages}: below the protocol's "all images")` : '';
  const chips = p.evaluationChips < 10 ? ' (below the protocol\'s 10)' : '';
  return `Protocol: every candidate was fine-tuned ${p.fineTuneSteps} steps (learning rate ${p.weightLr}) from the same supernet weights; ` +
    `the committed and every homogeneous mapping share one fine-tuned network. λ and the proposed candidate were chosen on ${p.selectionSplit} ` +
    `(${p.selectionImages} images × ${p.selectionChips} chips); the evaluation set was used once, at the end: ${p.evaluationImages} images${subset} × ` +
    `${p.evaluationChips} chips${chips}, the same for every candidate. The random search scored ${p.randomSamples} architectures in ${p.randomSearchS.toFixed(0)} s ` +
    `(one search phase); the cost-only optimum is the best of ${p.costOnlyStarts} coordinate-descent starts on the cost table (zero op excluded). ` +
    `${costModelSentence(p.costModel)}${priceSentence(p.hardwarePrice)}${rulesSentence(p.derivationRules)}${lossSentence(p)}${referenceSentence(p.selectionReference, doc.candidates.find((c) => c.id === doc.best))}"Better" or "worse" only where the paired interval excludes 0.`;
}

/**
 * The accuracy λ was chosen against, when the run had one, and whether the proposal reached it (when no λ
 * candidate did, the most accurate was proposed: saying "chosen among those reaching it" would be false).
 */
function referenceSentence(r: ProtocolInfo['selectionReference'], proposed: Candidate | undefined): string {
  if (!r) return '';
  const pc = (x: number) => `${(x * 100).toFixed(2)} %`;
  const ref = `the size one would choose without a search (${r.id}, the committed network as committed: ` +
    `${pc(r.validationAccuracy)}; ${r.sizes.map((h) => `${h.id} ${pc(h.validationAccuracy)}`).join(', ')})`;
  const short = proposed?.validationAccuracy !== undefined && !reachesReference(proposed.validationAccuracy, r.validationAccuracy);
  return short
    ? `No λ candidate reached, on the selection split, ${ref}; the most accurate (${pc(proposed.validationAccuracy!)}) was proposed. `
    : `λ was chosen among the candidates reaching, on the selection split, ${ref}, and not worse there than the most accurate of them (paired interval). `;
}

/** The additive hardware term when the run used it ('' for the product). */
function lossSentence(p: ProtocolInfo): string {
  const w = p.additiveWeights;
  return p.hardwareLoss === 'additive' && w
    ? `Hardware term: NAX's additive form w_E·E/E₀ + w_L·D/D₀ + w_A·A/A₀, each relative to the committed network (weights energy ${w.energy}, ` +
      `latency ${w.latency}, area ${w.area}), not the EDAP product. `
    : '';
}

/** The derivation rules every λ's argmax went through ('' when unrecorded). */
function rulesSentence(r: ProtocolInfo['derivationRules']): string {
  return r ? `Derivation rules: ${rulesText(r)}. ` : '';
}

/** How the derivation rules and the random search priced a mapping's hardware. */
function priceSentence(price: ProtocolInfo['hardwarePrice']): string {
  return price === 'exact'
    ? 'The derivation rules and the random search priced each mapping on the exact cost model (whole tiles), relative to the committed network. '
    : 'The derivation rules and the random search priced mappings with the relaxed hardware term of the gradient (nax before the exact price). ';
}

/** The cost-model switches that differ from the defaults, as a sentence ('' when all are default or unrecorded). */
function costModelSentence(m: ProtocolInfo['costModel']): string {
  if (!m) return '';
  const changed = COST_MODEL_SWITCHES.filter((n) => m[n] !== DEFAULT_COST_MODEL[n]);
  return changed.length === 0 ? 'Costed under the default cost-model switches. '
    : `Costed under ${changed.map((n) => `${n}: ${m[n]}`).join(', ')} (the other switches default). `;
}

/** summary.md: the table, the comparisons, the protocol and the searched architectures. */
export function searchSummaryMarkdown(doc: ParetoDocument, notes: readonly string[] = []): string {
  const lines = ['## nax re-search', '', candidateTable(doc), ''];
  const best = doc.candidates.find((c) => c.id === doc.best);
  const committed = best?.comparisons?.find((x) => doc.candidates.some((c) => c.id === x.against && c.kind === 'committed'));
  // A document re-evaluated on a subset (bench:search --evaluate-from --only) may hold no committed candidate: then
  // there is nothing the proposal was compared with, and "does not beat" would be a claim no row supports.
  const hasCommitted = doc.candidates.some((c) => c.kind === 'committed');
  lines.push(best && !hasCommitted
    ? `★ proposed: **${best.label}** — the committed mapping is not among the evaluated candidates.`
    : best
    ? `★ proposed: **${best.label}** — ${doc.beatsCommitted ? 'beats' : 'does not beat'} the committed mapping on ${doc.objective}` +
      (committed ? ` (${signed(committed.deltaObjective * 100, 1)} %) at ${committed.verdict === 'equal within noise' ? 'equal non-ideal accuracy within noise' : `${committed.verdict} non-ideal accuracy`} (Δ ${comparisonCell(committed)}).`
        // Without a paired comparison (documents from before the protocol) only the point accuracies were compared.
        : ` (no paired comparison with it recorded; by point accuracy ${doc.beatsCommitted ? 'at least as accurate' : 'not both cheaper and at least as accurate'}).`)
    : 'No searched candidate to propose.');
  const cmp = comparisonTable(doc);
  if (cmp) lines.push('', '### Paired comparisons (same images, same chips)', '', cmp);
  const para = protocolParagraph(doc);
  if (para) lines.push('', para);
  const described = doc.candidates.filter((c) => c.architecture !== undefined);
  if (described.length > 0) {
    lines.push('', '### Architectures (changes from the committed model)', '');
    for (const c of described) lines.push(`- **${c.label}**: ${c.architecture || 'same kernels and crossbars as committed'}`);
  }
  const derivation = derivationLines(doc.lambdas ?? []);
  if (derivation.length > 0) lines.push('', '### Derivation rules (paired checks on held-out validation images)', '', ...derivation);
  if (notes.length > 0) lines.push('', ...notes.map((n) => `> ${n}`));
  return lines.join('\n') + '\n';
}
