/**
 * Validates a search's `pareto.json` (schema `nax-pareto/1`) read back from a shard folder or an artifact:
 * merges and the nightly workflow act on it (the proposed candidate's folder becomes the `best-dir` output),
 * so every field is checked like a report's — numbers finite and in range, ids unique, the front and the best
 * candidate naming existing candidates, and candidate folders relative paths that stay below the output folder.
 */
import { COST_MODEL_CHOICES, COST_MODEL_SWITCHES, type CostModelSwitchName } from '../config/cost-model.js';
import { describe, isObject, readBoolean, readEnum, readNumber, readString, rejectUnknownKeys, requireObject } from '../config/fields.js';
import { CROSSBAR_MAX, CROSSBAR_MIN } from '../config/mapping.js';
import { HARDWARE_LOSS_FORMS, type SearchObjective, PAIRED_RULE_CHOICES, SMALLER_CROSSBAR_CHOICES, readAdditiveWeights } from '../config/search-space.js';
import { NaxUserError } from '../errors.js';
import { CANDIDATE_KINDS, HARDWARE_PRICES, type DerivationRules, type SelectionReference, type Candidate, type Comparison, type LambdaRecord, type PairedCheck, type ParetoDocument, type ProtocolInfo } from '../search/pareto.js';
import { homogeneousChoice } from '../search/protocol.js';

const KINDS = CANDIDATE_KINDS;
const VERDICTS = ['better', 'worse', 'equal within noise'] as const;
/** Comparisons per candidate: more than any protocol makes (a guard against a forged document's size). */
const MAX_COMPARISONS = 1000;
const OBJECTIVES = ['edap', 'energy', 'latency'] as const;
/** More candidates than any bounded search evaluates (a guard against a forged document's size). */
const MAX_CANDIDATES = 10_000;
const MAX_TEXT = 500;
/** An architecture's description names every changed layer: longer than a label, still bounded. */
const MAX_ARCHITECTURE_TEXT = 100_000;
/** λ records and paired checks per λ: more than any bounded search makes (guards against a forged document's size). */
const MAX_LAMBDAS = 1000;
const MAX_CHECKS = 1000;
const MAX_LAYERS = 10_000;
/** Crossbar sizes of a selection reference (the search space lists a handful). */
const MAX_SIZES = 64;
const RULES = ['largerKernels', 'costlierOps', 'smallerCrossbars'] as const;

/** Control characters: text from a document reaches logs and job summaries, where a newline could start a workflow command. */
const CONTROL = /[\u0000-\u001f\u007f]/;

function text(v: unknown, file: string, field: string): string {
  const s = readString(v, file, field);
  if (s.length > MAX_TEXT) throw new NaxUserError(file, field, `longer than ${MAX_TEXT} characters`);
  if (CONTROL.test(s)) throw new NaxUserError(file, field, 'contains a control character');
  return s;
}

/** An architecture's changes from the committed model: '' when there are none. */
function architectureText(v: unknown, file: string, field: string): string {
  if (typeof v !== 'string') throw new NaxUserError(file, field, `expected a string, found ${describe(v)}`);
  if (v.length > MAX_ARCHITECTURE_TEXT) throw new NaxUserError(file, field, `longer than ${MAX_ARCHITECTURE_TEXT} characters`);
  if (CONTROL.test(v)) throw new NaxUserError(file, field, 'contains a control character');
  return v;
}

function arrayOf(raw: unknown, max: number, file: string, field: string): unknown[] {
  if (!Array.isArray(raw)) throw new NaxUserError(file, field, 'expected an array');
  if (raw.length > max) throw new NaxUserError(file, field, `more than ${max} entries`);
  return raw;
}

function pairedCheck(raw: unknown, file: string, field: string): PairedCheck {
  const o = requireObject(raw, file, field);
  const diff = { min: -1, max: 1 };
  const ci = arrayOf(o.ci95, 2, file, `${field}.ci95`);
  if (ci.length !== 2) throw new NaxUserError(file, `${field}.ci95`, 'expected [low, high]');
  const low = readNumber(ci[0], file, `${field}.ci95[0]`, { min: -2, max: 2 });
  const high = readNumber(ci[1], file, `${field}.ci95[1]`, { min: -2, max: 2 });
  if (low > high) throw new NaxUserError(file, `${field}.ci95`, `low ${low} is above high ${high}`);
  const finite = (k: 'deltaCe' | 'deltaHardware' | 'deltaObjective') =>
    (o[k] !== undefined ? { [k]: readNumber(o[k], file, `${field}.${k}`) } : {});
  return {
    rule: readEnum(o.rule, RULES, file, `${field}.rule`),
    layers: arrayOf(o.layers, MAX_LAYERS, file, `${field}.layers`).map((l, i) => text(l, file, `${field}.layers[${i}]`)),
    deltaAccuracy: readNumber(o.deltaAccuracy, file, `${field}.deltaAccuracy`, diff),
    ci95: [low, high],
    kept: readBoolean(o.kept, file, `${field}.kept`),
    images: readNumber(o.images, file, `${field}.images`, { integer: true, min: 50 }),
    chips: readNumber(o.chips, file, `${field}.chips`, { integer: true, min: 1 }),
    ...finite('deltaCe'), ...finite('deltaHardware'), ...finite('deltaObjective'),
    ...(o.alternativeCrossbar !== undefined ? { alternativeCrossbar: alternativeCrossbar(o.alternativeCrossbar, o.rule, file, `${field}.alternativeCrossbar`) } : {}),
  };
}

/** The crossbar a smaller-crossbar check compared with: only that rule records one. */
function alternativeCrossbar(v: unknown, rule: unknown, file: string, field: string): number {
  if (rule !== 'smallerCrossbars') throw new NaxUserError(file, field, `only a smallerCrossbars check records one, not ${describe(rule)}`);
  return readNumber(v, file, field, { integer: true, min: CROSSBAR_MIN, max: CROSSBAR_MAX });
}

/** A λ record (the fields a merge keeps; the search's α and probabilities are dropped). */
function lambdaRecord(raw: unknown, file: string, field: string): LambdaRecord {
  const o = requireObject(raw, file, field);
  return {
    id: text(o.id, file, `${field}.id`),
    lambda: readNumber(o.lambda, file, `${field}.lambda`, { min: 0 }),
    archSteps: readNumber(o.archSteps, file, `${field}.archSteps`, { integer: true, min: 0 }),
    argmax: architectureText(o.argmax, file, `${field}.argmax`),
    architecture: architectureText(o.architecture, file, `${field}.architecture`),
    evaluated: readBoolean(o.evaluated, file, `${field}.evaluated`),
    validationAccuracy: readNumber(o.validationAccuracy, file, `${field}.validationAccuracy`, { min: 0, max: 1 }),
    pairedChecks: arrayOf(o.pairedChecks, MAX_CHECKS, file, `${field}.pairedChecks`).map((c, i) => pairedCheck(c, file, `${field}.pairedChecks[${i}]`)),
  };
}

/** Whether `s` names a folder below the output folder: relative, '/'-separated, no '..', no control characters. */
export function isFolderBelow(s: string): boolean {
  return !(s.startsWith('/') || /\\|[\u0000-\u001f]/.test(s) || s.split('/').some((part) => part === '..'));
}

function folderOf(v: unknown, file: string, field: string): string {
  const s = text(v, file, field);
  if (!isFolderBelow(s)) {
    throw new NaxUserError(file, field, 'must be a relative folder below the search output (no "..", no absolute path)');
  }
  return s;
}

function interval(raw: unknown, file: string, field: string): { low: number; high: number } {
  const o = requireObject(raw, file, field);
  const low = readNumber(o.low, file, `${field}.low`, { min: 0, max: 1 });
  const high = readNumber(o.high, file, `${field}.high`, { min: 0, max: 1 });
  if (low > high) throw new NaxUserError(file, field, `low ${low} is above high ${high}`);
  return { low, high };
}

function comparisons(raw: unknown, file: string, field: string): Comparison[] {
  if (!Array.isArray(raw)) throw new NaxUserError(file, field, 'expected an array');
  if (raw.length > MAX_COMPARISONS) throw new NaxUserError(file, field, `more than ${MAX_COMPARISONS} comparisons`);
  return raw.map((r: unknown, i: number) => {
    const f = `${field}[${i}]`;
    const o = requireObject(r, file, f);
    const pp = { min: -100, max: 100 };
    const ciLowPp = readNumber(o.ciLowPp, file, `${f}.ciLowPp`, pp);
    const ciHighPp = readNumber(o.ciHighPp, file, `${f}.ciHighPp`, pp);
    if (ciLowPp > ciHighPp) throw new NaxUserError(file, f, 'ciLowPp is above ciHighPp');
    return {
      against: text(o.against, file, `${f}.against`),
      deltaPp: readNumber(o.deltaPp, file, `${f}.deltaPp`, pp),
      ciLowPp,
      ciHighPp,
      verdict: readEnum(o.verdict, VERDICTS, file, `${f}.verdict`),
      deltaObjective: readNumber(o.deltaObjective, file, `${f}.deltaObjective`, { min: -1 }),
    };
  });
}

function protocolInfo(raw: unknown, objective: SearchObjective, file: string): ProtocolInfo {
  const o = requireObject(raw, file, 'protocol');
  const count = (k: string) => readNumber(o[k], file, `protocol.${k}`, { integer: true, min: 0 });
  return {
    fineTuneSteps: count('fineTuneSteps'),
    weightLr: readNumber(o.weightLr, file, 'protocol.weightLr', { min: 0, max: 1 }),
    selectionSplit: text(o.selectionSplit, file, 'protocol.selectionSplit'),
    selectionImages: count('selectionImages'),
    selectionChips: count('selectionChips'),
    evaluationImages: count('evaluationImages'),
    evaluationSetImages: count('evaluationSetImages'),
    evaluationChips: count('evaluationChips'),
    randomSearchS: readNumber(o.randomSearchS, file, 'protocol.randomSearchS', { min: 0 }),
    randomSamples: count('randomSamples'),
    costOnlyStarts: count('costOnlyStarts'),
    ...(o.costModel !== undefined ? { costModel: costModelSwitches(o.costModel, file) } : {}),
    ...(o.hardwarePrice !== undefined ? { hardwarePrice: readEnum(o.hardwarePrice, HARDWARE_PRICES, file, 'protocol.hardwarePrice') } : {}),
    ...(o.selectionReference !== undefined ? { selectionReference: selectionReference(o.selectionReference, file) } : {}),
    ...(o.derivationRules !== undefined ? { derivationRules: derivationRules(o.derivationRules, o.selectionReference !== undefined, file) } : {}),
    ...hardwareLoss(o, objective, file),
  };
}

/** The hardware term's form and, for the additive one, its weights (all three, as nax writes them). */
function hardwareLoss(o: Record<string, unknown>, objective: SearchObjective, file: string): Pick<ProtocolInfo, 'hardwareLoss' | 'additiveWeights'> {
  const f = 'protocol.additiveWeights';
  if (o.hardwareLoss !== undefined && objective !== 'edap') throw new NaxUserError(file, 'protocol.hardwareLoss', `a form of the EDAP term with objective ${objective}`);
  if (o.hardwareLoss === undefined) {
    if (o.additiveWeights !== undefined) throw new NaxUserError(file, f, 'weights without protocol.hardwareLoss: additive');
    return {};
  }
  const form = readEnum(o.hardwareLoss, HARDWARE_LOSS_FORMS, file, 'protocol.hardwareLoss');
  if (form === 'product') {
    if (o.additiveWeights !== undefined) throw new NaxUserError(file, f, 'weights with protocol.hardwareLoss: product');
    return { hardwareLoss: form };
  }
  return { hardwareLoss: form, additiveWeights: readAdditiveWeights(o.additiveWeights, file, f) };
}

function derivationRules(raw: unknown, hasReference: boolean, file: string): DerivationRules {
  const f = 'protocol.derivationRules';
  const o = requireObject(raw, file, f);
  rejectUnknownKeys(o, ['largerKernels', 'costlierOps', 'smallerCrossbars'], file, f);
  const rules: DerivationRules = {
    largerKernels: readEnum(o.largerKernels, PAIRED_RULE_CHOICES, file, `${f}.largerKernels`),
    costlierOps: readEnum(o.costlierOps, PAIRED_RULE_CHOICES, file, `${f}.costlierOps`),
    smallerCrossbars: readEnum(o.smallerCrossbars, SMALLER_CROSSBAR_CHOICES, file, `${f}.smallerCrossbars`),
  };
  // toReference tests against the selection reference's crossbar: without one recorded, the document contradicts itself.
  if (rules.smallerCrossbars === 'toReference' && !hasReference) {
    throw new NaxUserError(file, `${f}.smallerCrossbars`, 'toReference without protocol.selectionReference', 'a run with smallerCrossbars: toReference records its selection reference');
  }
  return rules;
}

function selectionReference(raw: unknown, file: string): SelectionReference {
  const f = 'protocol.selectionReference';
  const o = requireObject(raw, file, f);
  const sizes = arrayOf(o.sizes, MAX_SIZES, file, `${f}.sizes`).map((x, i) => {
    const h = requireObject(x, file, `${f}.sizes[${i}]`);
    return {
      id: text(h.id, file, `${f}.sizes[${i}].id`),
      label: text(h.label, file, `${f}.sizes[${i}].label`),
      validationAccuracy: readNumber(h.validationAccuracy, file, `${f}.sizes[${i}].validationAccuracy`, { min: 0, max: 1 }),
      objective: readNumber(h.objective, file, `${f}.sizes[${i}].objective`, { min: 0 }),
    };
  });
  sizes.forEach((h, i) => {
    if (sizes.findIndex((x) => x.id === h.id) !== i) throw new NaxUserError(file, `${f}.sizes[${i}].id`, `repeats '${h.id}'`);
  });
  const id = text(o.id, file, `${f}.id`);
  const chosen = sizes.find((h) => h.id === id);
  if (!chosen) throw new NaxUserError(file, `${f}.id`, 'names none of its sizes');
  // The reference sets the floor merges apply: it must be the size the rule picks from these sizes, not any size.
  if (sizes[homogeneousChoice(sizes.map((h) => ({ accuracy: h.validationAccuracy, objective: h.objective })))]!.id !== id) {
    throw new NaxUserError(file, `${f}.id`, `is not the size one would choose among its sizes (the lowest objective within 1 pp of the most accurate)`);
  }
  const validationAccuracy = readNumber(o.validationAccuracy, file, `${f}.validationAccuracy`, { min: 0, max: 1 });
  if (validationAccuracy !== chosen.validationAccuracy) throw new NaxUserError(file, `${f}.validationAccuracy`, `is not the accuracy of ${id} among its sizes`);
  return { id, validationAccuracy, sizes };
}

function costModelSwitches(raw: unknown, file: string): Record<CostModelSwitchName, string> {
  const o = requireObject(raw, file, 'protocol.costModel');
  rejectUnknownKeys(o, COST_MODEL_SWITCHES, file, 'protocol.costModel');
  return Object.fromEntries(COST_MODEL_SWITCHES.map((n) => [n, readEnum(o[n], COST_MODEL_CHOICES[n], file, `protocol.costModel.${n}`)])) as Record<CostModelSwitchName, string>;
}

function candidate(raw: unknown, file: string, field: string): Candidate {
  const c = requireObject(raw, file, field);
  const unit = { min: 0, max: 1 };
  const nonNegative = { min: 0 };
  return {
    id: text(c.id, file, `${field}.id`),
    kind: readEnum(c.kind, KINDS, file, `${field}.kind`),
    label: text(c.label, file, `${field}.label`),
    accuracy: readNumber(c.accuracy, file, `${field}.accuracy`, unit),
    accuracyStd: readNumber(c.accuracyStd, file, `${field}.accuracyStd`, unit),
    idealAccuracy: readNumber(c.idealAccuracy, file, `${field}.idealAccuracy`, unit),
    energyJ: readNumber(c.energyJ, file, `${field}.energyJ`, nonNegative),
    delayS: readNumber(c.delayS, file, `${field}.delayS`, nonNegative),
    areaMm2: readNumber(c.areaMm2, file, `${field}.areaMm2`, nonNegative),
    edap: readNumber(c.edap, file, `${field}.edap`, nonNegative),
    ...(c.quantisedAccuracy !== undefined ? { quantisedAccuracy: readNumber(c.quantisedAccuracy, file, `${field}.quantisedAccuracy`, unit) } : {}),
    ...(c.accuracyCi95 !== undefined ? { accuracyCi95: interval(c.accuracyCi95, file, `${field}.accuracyCi95`) } : {}),
    ...(c.fineTuneSteps !== undefined ? { fineTuneSteps: readNumber(c.fineTuneSteps, file, `${field}.fineTuneSteps`, { integer: true, min: 0 }) } : {}),
    ...(c.validationAccuracy !== undefined ? { validationAccuracy: readNumber(c.validationAccuracy, file, `${field}.validationAccuracy`, unit) } : {}),
    ...(c.validationTolerance !== undefined ? { validationTolerance: readNumber(c.validationTolerance, file, `${field}.validationTolerance`, unit) } : {}),
    ...(c.comparisons !== undefined ? { comparisons: comparisons(c.comparisons, file, `${field}.comparisons`) } : {}),
    ...(c.lambda !== undefined ? { lambda: readNumber(c.lambda, file, `${field}.lambda`, nonNegative) } : {}),
    ...(c.architecture !== undefined ? { architecture: architectureText(c.architecture, file, `${field}.architecture`) } : {}),
    ...(c.folder !== undefined ? { folder: folderOf(c.folder, file, `${field}.folder`) } : {}),
  };
}

/** The checked document (unknown fields dropped); a bad field is a user error naming the file and field. */
export function parseParetoDocument(raw: unknown, file: string): ParetoDocument {
  const o = requireObject(raw, file, '');
  if (o.schema !== 'nax-pareto/1') throw new NaxUserError(file, 'schema', 'expected "nax-pareto/1"', 'not a nax search result');
  const objective = readEnum(o.objective, OBJECTIVES, file, 'objective');
  if (!Array.isArray(o.candidates)) throw new NaxUserError(file, 'candidates', 'expected an array');
  if (o.candidates.length > MAX_CANDIDATES) throw new NaxUserError(file, 'candidates', `more than ${MAX_CANDIDATES} candidates`);
  const candidates = o.candidates.map((c: unknown, i: number) => candidate(c, file, `candidates[${i}]`));
  const ids = new Set<string>();
  candidates.forEach((c, i) => {
    if (ids.has(c.id)) throw new NaxUserError(file, `candidates[${i}].id`, `'${c.id}' appears twice`);
    ids.add(c.id);
  });
  if (!Array.isArray(o.front)) throw new NaxUserError(file, 'front', 'expected an array of candidate ids');
  const front = o.front.map((id: unknown, i: number) => {
    const s = text(id, file, `front[${i}]`);
    if (!ids.has(s)) throw new NaxUserError(file, `front[${i}]`, 'names no candidate');
    return s;
  });
  let best: string | undefined;
  if (o.best !== undefined) {
    best = text(o.best, file, 'best');
    if (!ids.has(best)) throw new NaxUserError(file, 'best', 'names no candidate');
  }
  if (typeof o.beatsCommitted !== 'boolean') throw new NaxUserError(file, 'beatsCommitted', 'expected true or false');
  candidates.forEach((c, i) => c.comparisons?.forEach((x, j) => {
    if (!ids.has(x.against)) throw new NaxUserError(file, `candidates[${i}].comparisons[${j}].against`, 'names no candidate');
  }));
  // Documents written before λ records carried their candidate id have records a merge cannot attribute: dropped.
  const rawLambdas = o.lambdas === undefined ? undefined : arrayOf(o.lambdas, MAX_LAMBDAS, file, 'lambdas');
  const attributable = rawLambdas?.every((l) => !isObject(l) || l.id !== undefined);
  const lambdas = rawLambdas && attributable ? rawLambdas.map((l, i) => lambdaRecord(l, file, `lambdas[${i}]`)) : undefined;
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const lambdaIds = new Set<string>();
  lambdas?.forEach((l, i) => {
    if (lambdaIds.has(l.id)) throw new NaxUserError(file, `lambdas[${i}].id`, `'${l.id}' appears twice`);
    lambdaIds.add(l.id);
    const c = byId.get(l.id);
    if (l.evaluated && (c?.kind !== 'searched' || c.lambda !== l.lambda)) {
      throw new NaxUserError(file, `lambdas[${i}].id`, `an evaluated λ must name the searched candidate of λ ${l.lambda}`);
    }
  });
  return {
    schema: 'nax-pareto/1', objective, candidates, front, ...(best !== undefined ? { best } : {}), beatsCommitted: o.beatsCommitted,
    ...(o.protocol !== undefined ? { protocol: protocolInfo(o.protocol, objective, file) } : {}),
    ...(lambdas ? { lambdas } : {}),
  };
}
