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
import type { NaxReport } from '../report.js';
import { parseReport } from '../io/parse-report.js';

export { parseReport };

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
