/**
 * The action's inputs, read once inside a function into a typed object. action.yml defaults are applied
 * by the runner, not by @actions/core, so every default is repeated here: outside the runner (tests, the
 * smoke run) an input left out reads as ''.
 */
import { parseDuration, parseEvaluationImages } from '../config/search-space.js';
import { BUDGET_IDS, type BudgetId, type BudgetOverrides, type BudgetTier, type TierLocator } from '../config/budgets.js';
import { NaxUserError } from '../errors.js';

/** The file name used in messages about action inputs. */
export const INPUTS_FILE = 'action inputs';

export const ACTION_MODES = ['check', 'comment', 'merge', 'search'] as const;
export type ActionMode = (typeof ACTION_MODES)[number];

export interface ShardSpec {
  /** 0-based index of this leg (the input is written 1-based, `2/4`, like jest and playwright). */
  readonly index: number;
  readonly count: number;
}

export interface ActionInputs {
  /** nax.yml path relative to the repository root. Default 'nax.yml'. */
  readonly config: string;
  readonly githubToken: string;
  /** Base commit override (branch, tag or SHA); empty: the PR merge commit's first parent. */
  readonly baseRef?: string;
  readonly mode: ActionMode;
  /** Post or update the sticky PR comment. Default true. */
  readonly comment: boolean;
  /** Where the report JSON is written (check, merge) or read (comment). Default 'nax-report.json'. */
  readonly reportPath: string;
  /** Replace a file at report-path that is not a nax report. Default false. */
  readonly overwriteReport: boolean;
  readonly budgetOverrides: BudgetOverrides;
  /** Accept a regression: a fail verdict becomes warn, and the comment says so. Default false. */
  readonly acknowledge: boolean;
  /** A PR label that acknowledges a regression like `acknowledge: true`. Default 'nax-accept-regression'. */
  readonly acknowledgeLabel: string;
  /** This matrix leg's shard: of the Monte Carlo samples (check mode) or of the λ sweep (search mode); absent: all. */
  readonly shard?: ShardSpec;
  /** This matrix leg's share of the evaluation images (check mode); absent: all images. */
  readonly imageShard?: ShardSpec;
  /** Folder of shard reports for mode: merge. Default 'nax-shards'. */
  readonly mergeFrom: string;
  /** Login the sticky comment is posted as (it is found by marker and this author). Default 'github-actions[bot]'. */
  readonly commentAuthor: string;
  /** Fail the check when there is no baseline. Default false (the verdict 'no-baseline' is neutral). */
  readonly failOnMissingBaseline: boolean;
  /** Wall-time budget of mode: search, s; absent: nax.yml's search.budget. */
  readonly budgetS?: number;
  /** Images of mode: search's final evaluation ('all' or a count); absent: nax.yml's search.evaluationImages. */
  readonly evaluationImages?: number | 'all';
  /** Output folder of mode: search, and of a search merge. Default 'nax-search'. */
  readonly searchOut: string;
  /** mode: check — also run a bounded re-search of the head (budget: `budget`, else 90 s) and add its section to the comment. */
  readonly search: boolean;
}

/** Input names of the budget tiers: warn-edap-increase, fail-edap, … */
export const BUDGET_INPUTS: Readonly<Record<BudgetId, string>> = {
  maxEdapIncreasePct: 'edap-increase',
  maxEdap: 'edap',
  maxAccuracyDropPp: 'accuracy-drop',
  minAccuracyPct: 'min-accuracy',
};

export function budgetInputName(id: BudgetId, tier: BudgetTier): string {
  return `${tier}-${BUDGET_INPUTS[id]}`;
}

/** Error locations for budget tiers set by inputs. */
export const inputTierLocator: TierLocator = (id, tier) => ({ file: INPUTS_FILE, field: budgetInputName(id, tier) });

export type InputReader = (name: string) => string;

function readBool(get: InputReader, name: string, fallback: boolean): boolean {
  const v = get(name).trim();
  if (v === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(v)) return true;
  if (['false', 'False', 'FALSE'].includes(v)) return false;
  throw new NaxUserError(INPUTS_FILE, name, `expected true or false, found ${JSON.stringify(v)}`);
}

/** A number input, optionally written with a trailing '%' or 'pp' (`5%`, `0.5pp`). */
function readOptionalNumber(get: InputReader, name: string): number | undefined {
  const v = get(name).trim();
  if (v === '') return undefined;
  const n = Number(v.replace(/\s*(%|pp)$/, ''));
  if (!Number.isFinite(n)) throw new NaxUserError(INPUTS_FILE, name, `expected a number, found ${JSON.stringify(v)}`);
  return n;
}

export function parseShard(v: string, field: string): ShardSpec {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(v);
  const i = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || n < 1 || i < 1 || i > n) {
    throw new NaxUserError(INPUTS_FILE, field, `expected 'i/n' with 1 ≤ i ≤ n, found ${JSON.stringify(v)}`,
      "e.g. shard: '${{ matrix.shard }}/4' with shard: [1, 2, 3, 4]");
  }
  return { index: i - 1, count: n };
}

/** Reads and validates every input. `get` is core.getInput (or a test double). */
export function readInputs(get: InputReader): ActionInputs {
  const str = (name: string, fallback: string) => get(name).trim() || fallback;
  const modeText = str('mode', 'check');
  if (!(ACTION_MODES as readonly string[]).includes(modeText)) {
    throw new NaxUserError(INPUTS_FILE, 'mode', `expected one of ${ACTION_MODES.join(', ')}, found ${JSON.stringify(modeText)}`);
  }
  const budgetOverrides: Record<string, { warn?: number; fail?: number }> = {};
  for (const id of BUDGET_IDS) {
    const warn = readOptionalNumber(get, budgetInputName(id, 'warn'));
    const fail = readOptionalNumber(get, budgetInputName(id, 'fail'));
    if (warn !== undefined || fail !== undefined) {
      budgetOverrides[id] = { ...(warn === undefined ? {} : { warn }), ...(fail === undefined ? {} : { fail }) };
    }
  }
  const baseRef = get('base-ref').trim();
  const shard = get('shard').trim();
  const imageShard = get('image-shard').trim();
  const budget = get('budget').trim();
  const evaluationImages = get('evaluation-images').trim();
  return Object.freeze({
    config: str('config', 'nax.yml'),
    githubToken: get('github-token').trim(),
    ...(baseRef ? { baseRef } : {}),
    mode: modeText as ActionMode,
    comment: readBool(get, 'comment', true),
    reportPath: str('report-path', 'nax-report.json'),
    overwriteReport: readBool(get, 'overwrite-report', false),
    budgetOverrides: budgetOverrides as BudgetOverrides,
    acknowledge: readBool(get, 'acknowledge', false),
    acknowledgeLabel: str('acknowledge-label', 'nax-accept-regression'),
    ...(shard ? { shard: parseShard(shard, 'shard') } : {}),
    ...(imageShard ? { imageShard: parseShard(imageShard, 'image-shard') } : {}),
    mergeFrom: str('merge-from', 'nax-shards'),
    commentAuthor: str('comment-author', 'github-actions[bot]'),
    failOnMissingBaseline: readBool(get, 'fail-on-missing-baseline', false),
    ...(budget ? { budgetS: parseDuration(budget, INPUTS_FILE, 'budget') } : {}),
    ...(evaluationImages ? { evaluationImages: parseEvaluationImages(evaluationImages, INPUTS_FILE, 'evaluation-images') } : {}),
    searchOut: str('search-out', 'nax-search'),
    search: readBool(get, 'search', false),
  });
}
