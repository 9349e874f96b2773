/**
 * The workflow run's environment (event payload, repository, API URL), read inside a function from an
 * env object, never at import time (@actions/github's `context` is built when the module loads, which
 * makes tests order-dependent; nax reads the same variables itself).
 */
import { readFileSync } from 'node:fs';
import { NaxUserError } from '../errors.js';
import { isObject } from '../config/fields.js';

export const ENV_FILE = 'environment';

export interface RepoRef {
  readonly owner: string;
  readonly repo: string;
}

export interface ActionEnv {
  readonly eventName: string;
  /** The webhook payload from GITHUB_EVENT_PATH ({} when absent). */
  readonly payload: Readonly<Record<string, unknown>>;
  readonly repository?: RepoRef;
  /** REST API base URL (GITHUB_API_URL; https://api.github.com by default). */
  readonly apiUrl: string;
  readonly serverUrl: string;
  readonly runId?: number;
  /** GITHUB_SHA: for pull_request events the merge commit. */
  readonly sha?: string;
}

export interface PullRequestInfo {
  readonly number: number;
  readonly headSha: string;
  readonly baseSha: string;
  readonly baseRef: string;
  readonly labels: readonly string[];
}

export interface WorkflowRunInfo {
  readonly id: number;
  readonly headSha: string;
  /** Event of the run that triggered this one. */
  readonly event: string;
  /** Pull requests GitHub associated with the run (empty for fork PRs). */
  readonly pullRequests: readonly { readonly number: number; readonly headSha: string }[];
}

/** Reads the GITHUB_* variables of a workflow step from `env`. */
export function readActionEnv(env: Readonly<Record<string, string | undefined>>): ActionEnv {
  let payload: Record<string, unknown> = {};
  const eventPath = env.GITHUB_EVENT_PATH;
  if (eventPath) {
    let text: string;
    try {
      text = readFileSync(eventPath, 'utf8');
    } catch {
      throw new NaxUserError(ENV_FILE, 'GITHUB_EVENT_PATH', `cannot read the event payload at ${eventPath}`);
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (isObject(parsed)) payload = parsed;
    } catch {
      throw new NaxUserError(ENV_FILE, 'GITHUB_EVENT_PATH', `the event payload at ${eventPath} is not JSON`);
    }
  }
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const runId = Number(env.GITHUB_RUN_ID);
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    payload,
    ...(owner && repo ? { repository: { owner, repo } } : {}),
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    ...(Number.isInteger(runId) && runId > 0 ? { runId } : {}),
    ...(env.GITHUB_SHA ? { sha: env.GITHUB_SHA } : {}),
  };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** The pull request of a pull_request / pull_request_target payload, or undefined. */
export function pullRequestOf(payload: Readonly<Record<string, unknown>>): PullRequestInfo | undefined {
  const pr = payload.pull_request;
  if (!isObject(pr) || typeof pr.number !== 'number') return undefined;
  const head = isObject(pr.head) ? pr.head : {};
  const base = isObject(pr.base) ? pr.base : {};
  const headSha = str(head.sha);
  const baseSha = str(base.sha);
  if (!headSha || !baseSha) return undefined;
  const labels = Array.isArray(pr.labels)
    ? pr.labels.flatMap((l) => (isObject(l) && typeof l.name === 'string' ? [l.name] : []))
    : [];
  return { number: pr.number, headSha, baseSha, baseRef: str(base.ref) ?? '', labels };
}

/** The triggering run of a workflow_run payload, or undefined. */
export function workflowRunOf(payload: Readonly<Record<string, unknown>>): WorkflowRunInfo | undefined {
  const run = payload.workflow_run;
  if (!isObject(run) || typeof run.id !== 'number') return undefined;
  const headSha = str(run.head_sha);
  if (!headSha) return undefined;
  const prs = Array.isArray(run.pull_requests) ? run.pull_requests : [];
  return {
    id: run.id,
    headSha,
    event: str(run.event) ?? '',
    pullRequests: prs.flatMap((p) => {
      if (!isObject(p) || typeof p.number !== 'number') return [];
      const head = isObject(p.head) ? str(p.head.sha) : undefined;
      return head ? [{ number: p.number, headSha: head }] : [];
    }),
  };
}

/** Link to the workflow run, when the run id and repository are known. */
export function runUrlOf(e: ActionEnv): string | undefined {
  if (!e.runId || !e.repository) return undefined;
  return `${e.serverUrl}/${e.repository.owner}/${e.repository.repo}/actions/runs/${e.runId}`;
}

/** The push event's previous tip (the natural baseline of a push), or undefined. */
export function pushBeforeOf(payload: Readonly<Record<string, unknown>>): string | undefined {
  const before = str(payload.before);
  return before && !/^0+$/.test(before) ? before : undefined;
}
