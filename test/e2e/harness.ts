/**
 * Runs the bundled action (dist/index.js) the way the runner does: INPUT_* variables (hyphens kept), a
 * webhook payload in GITHUB_EVENT_PATH, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, GITHUB_API_URL on
 * the loopback emulator. The child gets a clean environment (no inherited GITHUB_* or INPUT_*), and the
 * API URL is refused unless it is 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST_ENTRY = path.join(REPO_ROOT, 'dist/index.js');

export interface ActionRun {
  readonly code: number | null;
  /** stdout and stderr, interleaved as written. */
  readonly log: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
  readonly seconds: number;
}

export interface RunOptions {
  /** Repository working directory (the step's cwd). */
  readonly cwd: string;
  readonly apiUrl: string;
  readonly eventName: string;
  /** The payload, written to a temporary GITHUB_EVENT_PATH. */
  readonly payload: unknown;
  /** Inputs by their action.yml names ('github-token', 'fail-edap-increase', …). */
  readonly inputs: Record<string, string>;
  readonly env?: Record<string, string>;
  readonly timeoutMs?: number;
}

/** Parses the GITHUB_OUTPUT file (`name<<delimiter\nvalue\ndelimiter`). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^<\n]+)<<(ghadelimiter_[^\n]+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]] = m[3];
  return out;
}

export async function runAction(o: RunOptions): Promise<ActionRun> {
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(o.apiUrl)) throw new Error(`refusing a non-loopback API URL: ${o.apiUrl}`);
  if (!existsSync(DIST_ENTRY)) throw new Error('dist/index.js is missing: run npm run build first');
  const tmp = mkdtempSync(path.join(tmpdir(), 'nax-run-'));
  const eventPath = path.join(tmp, 'event.json');
  const outputPath = path.join(tmp, 'output');
  const summaryPath = path.join(tmp, 'summary');
  writeFileSync(eventPath, JSON.stringify(o.payload));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? tmp,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: o.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'Codertocat/Hello-World',
    GITHUB_API_URL: o.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '30433642',
    GITHUB_WORKSPACE: o.cwd,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    ...o.env,
  };
  for (const [name, value] of Object.entries(o.inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const t0 = performance.now();
  const { code, log } = await new Promise<{ code: number | null; log: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [DIST_ENTRY], { cwd: o.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (text += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 110_000);
    child.on('error', reject);
    child.on('close', (c) => {
      clearTimeout(timer);
      resolve({ code: c, log: text });
    });
  });
  return {
    code,
    log,
    outputs: parseOutputFile(readFileSync(outputPath, 'utf8')),
    summary: readFileSync(summaryPath, 'utf8'),
    seconds: (performance.now() - t0) / 1000,
  };
}

/** The fixture pull_request payload, pointed at a temporary repository's commits. */
export function pullRequestPayload(p: { headSha: string; baseSha: string; labels?: string[] }): unknown {
  const payload = JSON.parse(readFileSync(path.join(REPO_ROOT, 'fixtures/github/pull_request.synchronize.json'), 'utf8'));
  payload.pull_request.head.sha = p.headSha;
  payload.pull_request.base.sha = p.baseSha;
  payload.after = p.headSha;
  payload.before = p.baseSha;
  if (p.labels) payload.pull_request.labels = p.labels.map((name, i) => ({ id: i + 1, name, color: 'ededed', default: false }));
  return payload;
}

/**
 * The action on a pull_request event for a temporary PR checkout (its merge commit checked out, as
 * actions/checkout leaves it), with the token and nax.yml inputs set; `inputs` and `env` add to them.
 */
export function runPullRequestCheck(o: {
  repo: { readonly dir: string; readonly headSha: string; readonly baseSha: string; readonly mergeSha: string };
  apiUrl: string;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
}): Promise<ActionRun> {
  return runAction({
    cwd: o.repo.dir,
    apiUrl: o.apiUrl,
    eventName: 'pull_request',
    payload: pullRequestPayload({ headSha: o.repo.headSha, baseSha: o.repo.baseSha }),
    env: { GITHUB_SHA: o.repo.mergeSha, GITHUB_REF: 'refs/pull/2/merge', ...o.env },
    inputs: { 'github-token': 'fake-token', config: 'nax.yml', ...o.inputs },
  });
}

/** The fixture workflow_run payload (a fork PR's run: pull_requests empty) for a head SHA. */
export function workflowRunPayload(p: { headSha: string }): unknown {
  const payload = JSON.parse(readFileSync(path.join(REPO_ROOT, 'fixtures/github/workflow_run.completed.json'), 'utf8'));
  payload.workflow_run.head_sha = p.headSha;
  payload.workflow_run.head_commit.id = p.headSha;
  return payload;
}
