/**
 * The report file the action writes (report-path) and `mode: comment` / `mode: merge` read back: the head
 * report (schema nax-report/1, so every reader of reports can read it) plus a `check` section with what a
 * later job needs to re-render the comment without running PR code — the base report, the budgets, the
 * pull request number and head SHA it belongs to (cross-checked against the event), how the baseline
 * was obtained.
 *
 * In `mode: comment` the file comes from a fork's run and is untrusted: it is validated field by field
 * before anything is rendered, and the renderer shows names only as code spans.
 */
import type { BaselineInfo } from '../compare/baseline.js';
import type { Acknowledgement, Verdict } from '../compare/comparison.js';
import { type Budgets, parseBudgets } from '../config/budgets.js';
import { isObject, readEnum, readNumber, readString, requireObject } from '../config/fields.js';
import { NaxUserError } from '../errors.js';
import { REPORT_SCHEMA, type NaxReport } from '../report.js';

export interface CheckRecord {
  /** Layout version of this section. */
  readonly version: 1;
  /** owner/repo the check ran in. */
  readonly repository?: string;
  readonly pullRequest?: { readonly number: number; readonly headSha: string; readonly baseSha?: string };
  /** The commit shown as head (the PR head, not the merge commit). */
  readonly headSha?: string;
  readonly baseline: BaselineInfo;
  readonly base?: NaxReport;
  readonly budgets: Budgets;
  readonly acknowledgement?: Acknowledgement;
  /** Verdict the check job gated on (informational; readers recompute it). */
  readonly verdict: Verdict;
  readonly configPath: string;
  readonly runUrl?: string;
  /** Where the budgets came from and how the PR changes the gate (config/gate.ts). */
  readonly gate?: { readonly budgetsFrom: 'base' | 'head'; readonly changes: readonly string[] };
}

export type CheckArtifact = NaxReport & { readonly check: CheckRecord };

/** More changes than gate.ts can produce (4 budgets × 2 tiers × 2 sources + 4 settings). */
const MAX_GATE_CHANGES = 32;
const VERDICTS = ['pass', 'warn', 'fail', 'no-baseline'] as const;
const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

function optionalString(v: unknown, file: string, field: string): string | undefined {
  return v === undefined ? undefined : readString(v, file, field);
}

function readSha(v: unknown, file: string, field: string): string {
  const s = readString(v, file, field);
  if (!SHA.test(s)) throw new NaxUserError(file, field, `expected a full commit SHA, found ${JSON.stringify(s.slice(0, 50))}`);
  return s;
}

function numbers(v: unknown, file: string, field: string): number[] {
  if (!Array.isArray(v)) throw new NaxUserError(file, field, 'expected an array of numbers');
  return v.map((x, i) => readNumber(x, file, `${field}[${i}]`));
}

const MAPPING_NUMBERS = ['rows', 'cols', 'weightBits', 'bitsPerCell', 'inputBits', 'dacBits', 'adcBits', 'adcsPerCrossbar'] as const;
const SHAPE_NUMBERS = ['kernelH', 'kernelW', 'inChannels', 'outChannels', 'outH', 'outW', 'strideH', 'strideW', 'inH', 'inW'] as const;
const COST_NUMBERS = ['crossbars', 'energyJ', 'delayS', 'areaMm2', 'edap'] as const;

/**
 * Checks that `raw` is a nax report with every field compare/ and render/ read, of the right type.
 * Returns it typed (unknown extra fields are kept).
 */
export function parseReport(raw: unknown, file: string, field = ''): NaxReport {
  const at = (f: string) => (field ? `${field}.${f}` : f);
  const r = requireObject(raw, file, field);
  if (r.schema !== REPORT_SCHEMA) {
    throw new NaxUserError(file, at('schema'), `expected "${REPORT_SCHEMA}", found ${JSON.stringify(r.schema)}`, 'not a nax report');
  }
  const tool = requireObject(r.tool, file, at('tool'));
  readString(tool.version, file, at('tool.version'));
  readString(r.backend, file, at('backend'));
  const inputs = requireObject(r.inputs, file, at('inputs'));
  for (const [k, v] of Object.entries(inputs)) {
    const ref = requireObject(v, file, at(`inputs.${k}`));
    readString(ref.sha256, file, at(`inputs.${k}.sha256`));
  }
  if (r.settings !== undefined) {
    const s = requireObject(r.settings, file, at('settings'));
    for (const k of ['seed', 'monteCarloSamples', 'evalImages'] as const) readNumber(s[k], file, at(`settings.${k}`), { min: 0 });
    readEnum(s.irDrop, ['exact', 'fast', 'ideal'] as const, file, at('settings.irDrop'));
  }
  if (r.accuracy !== undefined) {
    const a = requireObject(r.accuracy, file, at('accuracy'));
    readNumber(a.ideal, file, at('accuracy.ideal'), { min: 0, max: 1 });
    readNumber(a.quantised, file, at('accuracy.quantised'), { min: 0, max: 1 });
    const n = requireObject(a.nonIdeal, file, at('accuracy.nonIdeal'));
    for (const k of ['mean', 'std', 'min', 'max'] as const) readNumber(n[k], file, at(`accuracy.nonIdeal.${k}`), { min: 0, max: 1 });
    const samples = numbers(n.samples, file, at('accuracy.nonIdeal.samples'));
    const seeds = numbers(n.sampleSeeds, file, at('accuracy.nonIdeal.sampleSeeds'));
    if (samples.length !== seeds.length) {
      throw new NaxUserError(file, at('accuracy.nonIdeal.sampleSeeds'), `${seeds.length} seeds for ${samples.length} samples`);
    }
  }
  if (!Array.isArray(r.layers)) throw new NaxUserError(file, at('layers'), 'expected an array');
  r.layers.forEach((l: unknown, i: number) => {
    const f = at(`layers[${i}]`);
    const o = requireObject(l, file, f);
    readString(o.name, file, `${f}.name`);
    const shape = requireObject(o.shape, file, `${f}.shape`);
    readEnum(shape.kind, ['conv2d', 'dense'] as const, file, `${f}.shape.kind`);
    for (const k of SHAPE_NUMBERS) readNumber(shape[k], file, `${f}.shape.${k}`, { min: 0 });
    const m = requireObject(o.mapping, file, `${f}.mapping`);
    for (const k of MAPPING_NUMBERS) readNumber(m[k], file, `${f}.mapping.${k}`, { min: 0 });
    const tiling = requireObject(o.tiling, file, `${f}.tiling`);
    readNumber(tiling.crossbars, file, `${f}.tiling.crossbars`, { min: 0 });
    if (o.nf !== undefined) {
      const nf = requireObject(o.nf, file, `${f}.nf`);
      readNumber(nf.mean, file, `${f}.nf.mean`);
      readNumber(nf.max, file, `${f}.nf.max`);
    }
  });
  const cost = requireObject(r.cost, file, at('cost'));
  if (!Array.isArray(cost.layers)) throw new NaxUserError(file, at('cost.layers'), 'expected an array');
  cost.layers.forEach((l: unknown, i: number) => {
    const f = at(`cost.layers[${i}]`);
    const o = requireObject(l, file, f);
    readString(o.name, file, `${f}.name`);
    for (const k of COST_NUMBERS) readNumber(o[k], file, `${f}.${k}`, { min: 0 });
  });
  const totals = requireObject(r.totals, file, at('totals'));
  for (const k of COST_NUMBERS) readNumber(totals[k], file, at(`totals.${k}`), { min: 0 });
  if (r.shard !== undefined) {
    const s = requireObject(r.shard, file, at('shard'));
    const count = readNumber(s.count, file, at('shard.count'), { integer: true, min: 1 });
    readNumber(s.index, file, at('shard.index'), { integer: true, min: 0, max: count - 1 });
  }
  return raw as NaxReport;
}

function parseBaseline(raw: unknown, file: string, field: string): BaselineInfo {
  const b = requireObject(raw, file, field);
  const commit = b.commit === undefined ? undefined : readSha(b.commit, file, `${field}.commit`);
  const ref = optionalString(b.ref, file, `${field}.ref`);
  const missingReason = optionalString(b.missingReason, file, `${field}.missingReason`);
  return {
    ...(commit ? { commit } : {}),
    ...(ref ? { ref } : {}),
    resolvedBy: readString(b.resolvedBy, file, `${field}.resolvedBy`),
    ...(missingReason ? { missingReason } : {}),
  };
}

/** Validates a report file written by the action (head report + check section). */
export function parseCheckArtifact(raw: unknown, file: string): CheckArtifact {
  const head = parseReport(raw, file);
  const c = (raw as Record<string, unknown>).check;
  if (!isObject(c)) {
    throw new NaxUserError(file, 'check', 'no check section: this report was not written by the nax action in check or merge mode');
  }
  if (c.version !== 1) throw new NaxUserError(file, 'check.version', `expected 1, found ${JSON.stringify(c.version)}`);
  let pullRequest: CheckRecord['pullRequest'];
  if (c.pullRequest !== undefined) {
    const p = requireObject(c.pullRequest, file, 'check.pullRequest');
    const baseSha = p.baseSha === undefined ? undefined : readSha(p.baseSha, file, 'check.pullRequest.baseSha');
    pullRequest = {
      number: readNumber(p.number, file, 'check.pullRequest.number', { integer: true, min: 1 }),
      headSha: readSha(p.headSha, file, 'check.pullRequest.headSha'),
      ...(baseSha ? { baseSha } : {}),
    };
  }
  let acknowledgement: Acknowledgement | undefined;
  if (c.acknowledgement !== undefined) {
    const a = requireObject(c.acknowledgement, file, 'check.acknowledgement');
    acknowledgement = { by: readString(a.by, file, 'check.acknowledgement.by') };
  }
  const repository = optionalString(c.repository, file, 'check.repository');
  const headSha = c.headSha === undefined ? undefined : readSha(c.headSha, file, 'check.headSha');
  const runUrl = optionalString(c.runUrl, file, 'check.runUrl');
  let gate: CheckRecord['gate'];
  if (c.gate !== undefined) {
    const g = requireObject(c.gate, file, 'check.gate');
    if (!Array.isArray(g.changes) || g.changes.length > MAX_GATE_CHANGES) {
      throw new NaxUserError(file, 'check.gate.changes', `expected an array of at most ${MAX_GATE_CHANGES} strings`);
    }
    gate = {
      budgetsFrom: readEnum(g.budgetsFrom, ['base', 'head'] as const, file, 'check.gate.budgetsFrom'),
      changes: g.changes.map((x: unknown, i: number) => readString(x, file, `check.gate.changes[${i}]`)),
    };
  }
  const check: CheckRecord = {
    version: 1,
    ...(repository ? { repository } : {}),
    ...(pullRequest ? { pullRequest } : {}),
    ...(headSha ? { headSha } : {}),
    baseline: parseBaseline(c.baseline, file, 'check.baseline'),
    ...(c.base === undefined ? {} : { base: parseReport(c.base, file, 'check.base') }),
    budgets: parseBudgets(c.budgets, file, 'check.budgets'),
    ...(acknowledgement ? { acknowledgement } : {}),
    verdict: readEnum(c.verdict, VERDICTS, file, 'check.verdict'),
    configPath: readString(c.configPath, file, 'check.configPath'),
    ...(runUrl ? { runUrl } : {}),
    ...(gate ? { gate } : {}),
  };
  return { ...head, check };
}

/** The head report of an artifact (without the check section). */
export function headOf(a: CheckArtifact): NaxReport {
  const { check: _check, ...head } = a;
  return head;
}
