/**
 * Evaluated candidates and their Pareto front (non-ideal accuracy ↑ vs EDAP ↓), and merging of shard
 * results (`nax merge`). Pure functions on plain data; the tables are in render/search-summary.ts.
 */
import { NaxUserError } from '../errors.js';
import type { CostModelSwitchName } from '../config/cost-model.js';
import type { AdditiveWeights, HardwareLossForm, SearchObjective, SearchSpace } from '../config/search-space.js';

/**
 * What a candidate is in the protocol (issue 12): the committed mapping, a homogeneous baseline (every layer
 * on N×N), the cost-only optimum (coordinate descent on the cost LUT), the best of a random search with the
 * same wall time, or a searched candidate (one per λ).
 */
export type CandidateKind = 'committed' | 'homogeneous' | 'costOnly' | 'random' | 'searched';

export const CANDIDATE_KINDS: readonly CandidateKind[] = ['committed', 'homogeneous', 'costOnly', 'random', 'searched'];

/** The protocol's reading of a paired Δ accuracy: "better" or "worse" only when the interval excludes 0. */
export type Verdict = 'better' | 'worse' | 'equal within noise';

/** A candidate against one baseline on the same evaluation images and chips. */
export interface Comparison {
  /** Id of the baseline candidate. */
  readonly against: string;
  /** Δ non-ideal accuracy, candidate − baseline, percentage points, with its paired 95 % interval. */
  readonly deltaPp: number;
  readonly ciLowPp: number;
  readonly ciHighPp: number;
  readonly verdict: Verdict;
  /** Relative change of the objective (EDAP by default), candidate / baseline − 1. */
  readonly deltaObjective: number;
}

/** How the candidates were trained, selected and evaluated (the protocol's settings, for the summary). */
export interface ProtocolInfo {
  /** Post-derivation fine-tuning steps every candidate was given. */
  readonly fineTuneSteps: number;
  readonly weightLr: number;
  /** Where λ and the final candidate were chosen. */
  readonly selectionSplit: string;
  readonly selectionImages: number;
  readonly selectionChips: number;
  readonly evaluationImages: number;
  /** Images the evaluation set holds (evaluationImages < this means a subset was used). */
  readonly evaluationSetImages: number;
  readonly evaluationChips: number;
  /** Wall time of the random search (the same as one λ's search phase), s. */
  readonly randomSearchS: number;
  readonly randomSamples: number;
  /** Starts and result of the cost-only descent. */
  readonly costOnlyStarts: number;
  /**
   * The cost model's switches every candidate was costed and searched under (technology.json `costModel` and
   * the command line's overrides); absent in documents written before it was recorded.
   */
  readonly costModel?: Readonly<Record<CostModelSwitchName, string>>;
  /**
   * How the hardware term of a single mapping was priced where the search compares mappings — the derivation
   * rules' `deltaHardware`, each λ's reported hardware and the random search's score: 'exact' is the network's
   * cost on the exact cost model (whole tiles, idle leakage) relative to the committed network; 'relaxed' the
   * differentiable term of the gradient. Documents written before it was recorded (absent) used 'relaxed'.
   */
  readonly hardwarePrice?: HardwarePrice;
  /** The accuracy λ was chosen against (`selectionReference: homogeneous`); absent with `none`. */
  readonly selectionReference?: SelectionReference;
  /** The derivation rules each λ's argmax went through (nax.yml search); absent in documents written before they were recorded. */
  readonly derivationRules?: DerivationRules;
  /**
   * The form of the EDAP objective's hardware term (nax.yml `search.hardwareLoss`); λ means something else under
   * each. Absent for an energy or latency objective, and in documents written before it was recorded.
   */
  readonly hardwareLoss?: HardwareLossForm;
  /** The weights of the additive form (present exactly when `hardwareLoss` is 'additive'). */
  readonly additiveWeights?: AdditiveWeights;
}

/** The hardware term's form, as a refused merge names it. */
export function hardwareLossText(p: Pick<ProtocolInfo, 'hardwareLoss' | 'additiveWeights'>): string {
  const w = p.additiveWeights;
  if (p.hardwareLoss === 'additive' && w) return `additive (weights energy ${w.energy}, latency ${w.latency}, area ${w.area})`;
  return p.hardwareLoss ?? 'unrecorded (an energy or latency objective, or nax before it was recorded)';
}

/** The derivation rules' switches (nax.yml `search.largerKernels`, `costlierOps`, `smallerCrossbars`). */
export interface DerivationRules {
  readonly largerKernels: SearchSpace['largerKernels'];
  readonly costlierOps: SearchSpace['costlierOps'];
  readonly smallerCrossbars: SearchSpace['smallerCrossbars'];
}

/** The derivation rules as `largerKernels: paired, costlierOps: paired, smallerCrossbars: toReference`. */
export function rulesText(r: DerivationRules): string {
  return `largerKernels: ${r.largerKernels}, costlierOps: ${r.costlierOps}, smallerCrossbars: ${r.smallerCrossbars}`;
}

/** A signed number with a true minus sign: +1.25, −0.50. */
export const signedText = (x: number, digits: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}`;

/** One line on a derivation rule's paired check (search progress and summary.md notes), in the terms it decided on. */
export function describePairedCheck(c: PairedCheck, lambda: number): string {
  const acc = `Δ non-ideal validation accuracy ${signedText(c.deltaAccuracy * 100, 2)} pp [${signedText(c.ci95[0] * 100, 2)}, ${signedText(c.ci95[1] * 100, 2)}] ` +
    `(${c.images} images × ${c.chips} chips)`;
  if (c.rule === 'largerKernels') {
    return `larger kernels than committed on ${c.layers.join(', ')}: ${acc} → ${c.kept ? 'kept' : 'committed kernel'}`;
  }
  const f = (x: number | undefined) => (x === undefined ? '?' : signedText(x, 3));
  const objective = `ΔCE ${f(c.deltaCe)} nats + λ·Δhardware ${f(c.deltaHardware === undefined ? undefined : lambda * c.deltaHardware)} = Δobjective ${f(c.deltaObjective)}`;
  if (c.rule === 'smallerCrossbars') {
    return `${c.layers.join(', ')} on ${c.layers.length === 1 ? 'its crossbar' : 'their crossbars'} against ${c.alternativeCrossbar === undefined ? 'the next-smaller size' : `${c.alternativeCrossbar}×${c.alternativeCrossbar}`}: ${objective}; ${acc} → ${c.kept ? 'kept' : c.alternativeCrossbar === undefined ? 'smaller crossbar' : `moved to ${c.alternativeCrossbar}×${c.alternativeCrossbar}`}`;
  }
  return `ops other than the cost-only optimum's on ${c.layers.join(', ')}: ${objective}; ${acc} → ${c.kept ? 'kept' : 'cost-only op'}`;
}

/**
 * How far below the most accurate homogeneous size another size may be and still be "as accurate" when one picks
 * a size without a search: 1 pp (nax assumption; the sensitivity study's rule for the size one would choose).
 */
export const HOMOGENEOUS_TOLERANCE = 0.01;

/**
 * Accuracies are counts over images × chips held as floats, so "within 1 pp" (or one image) of an accuracy must
 * not turn on how the subtraction rounds; far below one image of any split.
 */
export const ACCURACY_EPSILON = 1e-9;

/**
 * Whether a λ candidate's validation accuracy reaches the selection reference (`selectionReference: homogeneous`;
 * always, without one). The one definition the run's choice, merges, the run's note and summary.md share.
 */
export function reachesReference(validationAccuracy: number, referenceAccuracy: number | undefined): boolean {
  return referenceAccuracy === undefined || validationAccuracy >= referenceAccuracy;
}

/**
 * `selectionReference: homogeneous`: the committed network (as committed, not fine-tuned) on every homogeneous
 * size, on the selection split, and the size one would choose among them (`homogeneousChoice`), whose validation
 * accuracy a proposed λ candidate had to reach. No tolerance below it: the issue's target is accuracy not worse than
 * that size, and with 1 pp (until 2026-12-04) λ candidates 0.6–1.6 pp worse on the full evaluation set got through.
 */
export interface SelectionReference {
  /** Id of the chosen size ('homogeneous-32'). */
  readonly id: string;
  /** Its non-ideal accuracy on the selection split, 0…1. */
  readonly validationAccuracy: number;
  readonly sizes: ReadonlyArray<{ readonly id: string; readonly label: string; readonly validationAccuracy: number; readonly objective: number }>;
}

export type HardwarePrice = 'exact' | 'relaxed';
export const HARDWARE_PRICES: readonly HardwarePrice[] = ['exact', 'relaxed'];

/** One evaluated network + mapping (the row of the side-by-side table, a point of the front). */
export interface Candidate {
  /** Stable id: 'committed', 'homogeneous-64', 'searched-lambda-0.5'. */
  readonly id: string;
  readonly kind: CandidateKind;
  /** Human label for tables. */
  readonly label: string;
  /** Non-ideal accuracy (mean over Monte Carlo samples), 0…1. */
  readonly accuracy: number;
  /** Std of the non-ideal accuracy over samples. */
  readonly accuracyStd: number;
  /** 95 % interval of the non-ideal accuracy over images × chips, 0…1. */
  readonly accuracyCi95?: { readonly low: number; readonly high: number };
  /** Post-derivation fine-tuning steps this network got (0: weights as committed). */
  readonly fineTuneSteps?: number;
  /** Non-ideal accuracy on the validation split (selection evaluations only), 0…1. */
  readonly validationAccuracy?: number;
  /** Half-width of a tie on validation (one image of the selection split, 1 / images), 0…1. */
  readonly validationTolerance?: number;
  /** Paired comparisons against the baselines (searched, random and cost-only candidates). */
  readonly comparisons?: readonly Comparison[];
  /** Float model, no quantisation, 0…1. */
  readonly idealAccuracy: number;
  /** Quantised weights, inputs and ADC on ideal devices and wires, 0…1 (absent in documents before nax kept it). */
  readonly quantisedAccuracy?: number;
  readonly energyJ: number;
  readonly delayS: number;
  readonly areaMm2: number;
  /** J·s·mm². */
  readonly edap: number;
  /** λ of a searched candidate. */
  readonly lambda?: number;
  /** Short form of the architecture (searched: the layers that differ from the committed model). */
  readonly architecture?: string;
  /** Folder of the candidate's files, relative to the output folder (searched candidates). */
  readonly folder?: string;
}

/** `pareto.json` (schema `nax-pareto/1`). */
export interface ParetoDocument {
  readonly schema: 'nax-pareto/1';
  readonly objective: SearchObjective;
  /** Every evaluated candidate. */
  readonly candidates: readonly Candidate[];
  /** Ids of the candidates on the front, by ascending EDAP. */
  readonly front: readonly string[];
  /** Id of the candidate proposed to replace the committed one (see `bestCandidate`), if any. */
  readonly best?: string;
  /**
   * Whether `best` beats the committed model by the protocol: a lower objective, and non-ideal accuracy not
   * worse (its paired interval against the committed candidate does not lie below 0).
   */
  readonly beatsCommitted: boolean;
  readonly protocol?: ProtocolInfo;
  /** Each λ's search (of every shard, after a merge): its argmax and what the derivation rules made of it. */
  readonly lambdas?: readonly LambdaRecord[];
}

/**
 * The derivation rules, each a measured comparison of the chosen op with one alternative: 'largerKernels' (a
 * kernel larger than the committed one against the committed kernel on the same crossbar), 'costlierOps' (an op
 * other than the cost-only optimum's against that op) and 'smallerCrossbars' (the chosen ops of a unit of
 * equal-cost layers against the same kernels on the next-smaller crossbar, or on the selection reference's).
 */
export type PairedRule = 'largerKernels' | 'costlierOps' | 'smallerCrossbars';

/** One paired comparison of a derivation rule: the chosen ops of `layers` against their alternatives (chosen − alternative). */
export interface PairedCheck {
  readonly rule: PairedRule;
  /** Layers tested together. */
  readonly layers: readonly string[];
  /** Mean over images of (correct with the chosen ops − correct with the fallbacks), over chips. */
  readonly deltaAccuracy: number;
  /** Paired 95 % interval of deltaAccuracy (normal approximation over images). */
  readonly ci95: readonly [number, number];
  /** Whether the chosen ops stay (largerKernels: the interval is above 0; the others: deltaObjective < 0). */
  readonly kept: boolean;
  readonly images: number;
  readonly chips: number;
  /**
   * costlierOps, smallerCrossbars: mean non-ideal CE (nats), hardware (the objective relative to the committed network; `nax search`
   * prices it on the exact cost model with whole tiles) and objective CE + λ·hardware, chosen − alternative.
   */
  readonly deltaCe?: number;
  readonly deltaHardware?: number;
  readonly deltaObjective?: number;
  /** smallerCrossbars: the crossbar of the alternative (absent in documents written before it was recorded: the next-smaller size). */
  readonly alternativeCrossbar?: number;
}

/**
 * One λ's search as pareto.json records it (run.ts writes more per λ: α, path probabilities; a merge keeps these
 * fields): the argmax before the derivation rules and their paired checks, which decided the candidate.
 */
export interface LambdaRecord {
  /** The searched candidate's id (among the candidates when evaluated; λ not chosen on validation are not). */
  readonly id: string;
  readonly lambda: number;
  readonly archSteps: number;
  /** Changes from the committed model, before and after the derivation rules. */
  readonly argmax: string;
  readonly architecture: string;
  /** Chosen on validation and evaluated on the evaluation set. */
  readonly evaluated: boolean;
  readonly validationAccuracy: number;
  readonly pairedChecks: readonly PairedCheck[];
}

/** a dominates b: no worse in both, strictly better in one. */
export function dominates(a: Candidate, b: Candidate): boolean {
  return a.accuracy >= b.accuracy && a.edap <= b.edap && (a.accuracy > b.accuracy || a.edap < b.edap);
}

/** The non-dominated candidates, by ascending EDAP (ties in both values keep the first seen). */
export function paretoFront(cs: readonly Candidate[]): Candidate[] {
  const front = cs.filter((c, i) => !cs.some((d, j) => dominates(d, c) || (j < i && d.accuracy === c.accuracy && d.edap === c.edap)));
  return front.sort((a, b) => a.edap - b.edap || b.accuracy - a.accuracy);
}

export function objectiveValue(c: Candidate, o: SearchObjective): number {
  return o === 'energy' ? c.energyJ : o === 'latency' ? c.delayS : c.edap;
}

/** The comparison of `c` against candidate `against`, if it was made. */
export function comparisonOf(c: Candidate, against: string): Comparison | undefined {
  return c.comparisons?.find((x) => x.against === against);
}

/**
 * The searched candidate to propose. With validation accuracies (the protocol): the one chosen on the
 * validation split — the lowest objective among the searched candidates not worse on validation than the
 * most accurate of them (`selectOnValidation`, applied by the run and again by merges); it `beats` the committed
 * model when its objective is lower and its paired Δ accuracy against it is not "worse". Without them (older
 * documents): the lowest objective among searched candidates at least as accurate as the committed model.
 * `referenceAccuracy` (pareto.json `protocol.selectionReference`) narrows the validation choice as the run's
 * `selectOnValidation` does: to candidates at least that accurate, or the most accurate one when none is.
 */
export function bestCandidate(cs: readonly Candidate[], o: SearchObjective, referenceAccuracy?: number): { best?: Candidate; beats: boolean } {
  const committed = cs.find((c) => c.kind === 'committed');
  const searched = cs.filter((c) => c.kind === 'searched');
  if (searched.length > 0 && searched.every((c) => c.validationAccuracy !== undefined)) {
    const top = Math.max(...searched.map((c) => c.validationAccuracy!));
    // Within the selection evaluation's resolution of the most accurate (one image of the split in either
    // direction counts as a tie: nax assumption; the paired interval is not available across shards); with a
    // selection reference, only those that reach it, or the most accurate when none does.
    const reaches = (c: Candidate) => reachesReference(c.validationAccuracy!, referenceAccuracy);
    const anyReaches = searched.some(reaches);
    const ok = searched.filter((c) => (anyReaches ? reaches(c) && c.validationAccuracy! >= top - (c.validationTolerance ?? 0) - ACCURACY_EPSILON : c.validationAccuracy === top));
    ok.sort((a, b) => objectiveValue(a, o) - objectiveValue(b, o) || a.id.localeCompare(b.id));
    const best = ok[0];
    // Against the committed candidate it was compared with (its own shard's, after a merge).
    const vs = best?.comparisons?.find((x) => cs.some((c) => c.id === x.against && c.kind === 'committed'));
    const ref = vs ? cs.find((c) => c.id === vs.against) : committed;
    const beats = !!best && !!ref && objectiveValue(best, o) < objectiveValue(ref, o) &&
      (vs ? vs.verdict !== 'worse' : best.accuracy >= ref.accuracy);
    return { best, beats };
  }
  const ranked = searched.filter((c) => !committed || c.accuracy >= committed.accuracy);
  ranked.sort((a, b) => objectiveValue(a, o) - objectiveValue(b, o));
  const best = ranked[0];
  return { best, beats: !!best && (!committed || objectiveValue(best, o) < objectiveValue(committed, o)) };
}

export function paretoDocument(cs: readonly Candidate[], objective: SearchObjective, protocol?: ProtocolInfo, lambdas?: readonly LambdaRecord[]): ParetoDocument {
  const { best, beats } = bestCandidate(cs, objective, protocol?.selectionReference?.validationAccuracy);
  return {
    schema: 'nax-pareto/1',
    objective,
    candidates: cs,
    front: paretoFront(cs).map((c) => c.id),
    best: best?.id,
    beatsCommitted: beats,
    ...(protocol ? { protocol } : {}),
    ...(lambdas ? { lambdas } : {}),
  };
}

/**
 * Merges shard documents (`nax merge`): the union of candidates and of λ records (same id = same candidate;
 * the first kept), then the front and the best candidate over all of them. `dirs` are the shards' output folders,
 * in the order of `docs`, to make candidate folders relative to the merge's working directory; `names` how the
 * user knows each shard (its pareto.json path), for the refusals.
 */
export function mergeSearchResults(docs: readonly ParetoDocument[], dirs?: readonly string[], names?: readonly string[]): ParetoDocument {
  if (docs.length === 0) throw new Error('internal error: nothing to merge');
  const seen = new Map<string, Candidate>();
  docs.forEach((d, k) => {
    for (const c of d.candidates) {
      if (seen.has(c.id)) continue;
      // A candidate's folder is relative to its shard's output folder; `dirs[k]` (if given) prefixes it.
      const dir = dirs?.[k];
      seen.set(c.id, c.folder !== undefined && dir ? { ...c, folder: `${dir.replace(/\/+$/, '')}/${c.folder}` } : c);
    }
  });
  const order: Record<CandidateKind, number> = { committed: 0, homogeneous: 1, costOnly: 2, random: 3, searched: 4 };
  const all = [...seen.values()].sort((a, b) => order[a.kind] - order[b.kind] || a.edap - b.edap);
  const protocol = docs.find((d) => d.protocol)?.protocol;
  // Shards that differ in how their numbers were made do not compare: refuse rather than merge them, naming
  // which shards hold which value (`names`, else their places in the list).
  const refuseMixed = (field: string, valueOf: (p: ProtocolInfo) => string | undefined, what: string, hint: string) => {
    const byValue = new Map<string, string[]>();
    docs.forEach((d, k) => {
      const v = d.protocol && valueOf(d.protocol);
      if (v !== undefined) byValue.set(v, [...(byValue.get(v) ?? []), names?.[k] ?? `shard ${k + 1}`]);
    });
    if (byValue.size > 1) {
      throw new NaxUserError('merge', field, `${what}: ${[...byValue].map(([v, ns]) => `${v} (${ns.join(', ')})`).join(' vs ')}`, hint);
    }
  };
  refuseMixed('protocol.costModel', (p) => (p.costModel ? JSON.stringify(p.costModel) : undefined),
    'the search results were costed under different cost-model switches', 'merge only shards of one run (the same technology.json and --delay-model … flags)');
  // Before and after the exact price (absent: the relaxed term).
  refuseMixed('protocol.hardwarePrice', (p) => p.hardwarePrice ?? 'relaxed',
    'the search results priced mappings differently (absent: relaxed, nax before the exact price)', 'merge only shards of one run, made by the same nax version');
  refuseMixed('protocol.selectionReference', (p) => JSON.stringify(p.selectionReference ?? 'none'),
    'the search results chose λ against different selection references', 'merge only shards of one run (the same nax.yml search.selectionReference and validation split)');
  // The rules decide the candidates; a shard from before they were recorded may have run any.
  refuseMixed('protocol.derivationRules', (p) => (p.derivationRules ? rulesText(p.derivationRules) : 'unrecorded (nax before they were recorded)'),
    'the search results went through different derivation rules', 'merge only shards of one run (the same nax.yml search.largerKernels, costlierOps and smallerCrossbars)');
  // λ scales a different term under each form (and the λ ids of two forms collide).
  refuseMixed('protocol.hardwareLoss', hardwareLossText,
    'the search results used different hardware terms', 'merge only shards of one run (the same nax.yml search.hardwareLoss and additiveWeights)');
  // The proposal is picked across shards on these numbers: a shard evaluated on other images or chips is not comparable.
  refuseMixed('protocol.evaluationImages', (p) => `${p.evaluationImages} of ${p.evaluationSetImages} images × ${p.evaluationChips} chips`,
    'the search results were evaluated on different images or chips', 'merge only shards of one run (the same search.evaluationImages, evaluationChips and evaluation-images input)');
  const lambdaIds = new Set<string>();
  const lambdas = docs.flatMap((d) => d.lambdas ?? []).filter((l) => !lambdaIds.has(l.id) && lambdaIds.add(l.id));
  return paretoDocument(all, docs[0]!.objective, protocol, docs.some((d) => d.lambdas) ? lambdas : undefined);
}
