/**
 * End to end: the bundled dist/index.js, run as the runner runs it, in a temporary git repository shaped
 * like a pull request checkout (base commit, head commit, their merge checked out), against the loopback
 * GitHub API emulator. The fixture model is simulated for real, on a small budget (10 images, 1–2 Monte
 * Carlo sample: the runs test the action, not the physics). Needs `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { CheckResult } from '../../src/check.js';
import { accuracyStats } from '../../src/stats/accuracy-stats.js';
import { parseBudgets } from '../../src/config/budgets.js';
import type { CheckArtifact } from '../../src/github/check-artifact.js';
import type { NaxReport } from '../../src/report.js';
import { COMMENT_MARKER } from '../../src/render/markdown.js';
import { loadReport, mutable } from '../compare/reports.js';
import { makePrRepo, type PrRepo } from '../support/git-repo.js';
import { BOT, type GitHubApiEmulator, HUMAN, startGitHubApi } from '../support/github-api.js';
import { REPO_ROOT, type ActionRun, pullRequestPayload, runAction, runPullRequestCheck, workflowRunPayload } from './harness.js';
import { E2E_NAX_YML, HEAD_MAPPING, projectFiles } from './project.js';

const execFileAsync = promisify(execFile);

const NAX_YML = E2E_NAX_YML;

/** The line of `s1b1_conv1` in HEAD_MAPPING (project.ts), where a budget annotation points. */
const LAYER_LINE = 8;

const PROJECT = (naxYml = NAX_YML) => ({ 'nax.yml': naxYml, ...projectFiles() });

const PR = { owner: 'Codertocat', repo: 'Hello-World', number: 2 };
const timings: [string, number][] = [];

let api: GitHubApiEmulator;
let repo: PrRepo;
let fresh: PrRepo;
const scratch: string[] = [];

function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'nax-e2e-'));
  scratch.push(d);
  return d;
}

async function check(name: string, inputs: Record<string, string> = {}, target: PrRepo = repo): Promise<ActionRun> {
  const r = await runPullRequestCheck({ repo: target, apiUrl: api.url, inputs });
  timings.push([name, r.seconds]);
  return r;
}

function botComments() {
  return api.commentsOn(PR).filter((c) => c.user.login === BOT.login);
}

beforeAll(async () => {
  api = await startGitHubApi({ maxLifetimeMs: 600_000 });
  expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  repo = makePrRepo({ base: PROJECT(), head: { 'mapping.json': HEAD_MAPPING } });
  // A PR that introduces nax: the base has no nax.yml and no model.
  // Two Monte Carlo samples here: the action then runs them on worker threads started from the bundle.
  fresh = makePrRepo({ base: { 'README.md': '# project before nax\n' }, head: PROJECT(NAX_YML.replace('monteCarloSamples: 1', 'monteCarloSamples: 2')) });
});

afterAll(async () => {
  await api.close();
  repo?.remove();
  fresh?.remove();
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
  const total = timings.reduce((s, [, t]) => s + t, 0);
  process.stdout.write(`e2e timings (s): ${timings.map(([n, t]) => `${n} ${t.toFixed(1)}`).join(', ')}; total ${total.toFixed(1)}\n`);
});

describe('mode: check on a pull_request', () => {
  let firstId = 0;
  let spoofId = 0;

  test('within budget: exit 0, outputs and summary; the comment is created past 250 earlier comments', async () => {
    for (let i = 0; i < 250; i++) {
      if (i === 120) spoofId = api.seedComment(PR, `${COMMENT_MARKER}\n### ✅ nax: within budget (pasted by a human)`, HUMAN).id;
      else api.seedComment(PR, `comment ${i}`, HUMAN);
    }
    const r = await check('check-create');
    expect(r.log).not.toMatch(/::error/);
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('pass');
    expect(Number(r.outputs['edap-change'])).toBeCloseTo(18.6, 1);
    expect(Number(r.outputs.edap)).toBeGreaterThan(Number(r.outputs['base-edap']));
    expect(Number(r.outputs.accuracy)).toBeGreaterThanOrEqual(0);
    expect(r.outputs['base-accuracy']).not.toBe('');
    expect(r.outputs.report).toBe('nax-report.json');
    // Paginated: 251 comments at 100 per page.
    const pages = api.state.requests.filter((q) => q.method === 'GET' && q.path.endsWith('/issues/2/comments'))
      .map((q) => new URLSearchParams(q.query).get('page') ?? '1');
    expect(pages).toEqual(['1', '2', '3']);
    const ours = botComments();
    expect(ours).toHaveLength(1);
    firstId = ours[0].id;
    expect(r.outputs['comment-id']).toBe(String(firstId));
    expect(ours[0].body.startsWith(`${COMMENT_MARKER}\n### ✅ nax: within budget`)).toBe(true);
    expect(ours[0].body).toContain(`base \`${repo.baseSha.slice(0, 7)}\` (\`master\`) → head \`${repo.headSha.slice(0, 7)}\``);
    expect(ours[0].body).toContain('first parent of the PR merge commit; recomputed from git in this job with the same seeds');
    expect(ours[0].body).toContain('xychart-beta');
    expect(ours[0].body).toContain('<summary>Per-layer breakdown (22 layers: 1 changed, 0 added, 0 removed)</summary>');
    expect(r.summary).toContain('| EDAP (J·s·mm²) |');
    // The report for upload-artifact carries the PR and both reports.
    const report = JSON.parse(readFileSync(path.join(repo.dir, 'nax-report.json'), 'utf8')) as CheckArtifact;
    expect(report.schema).toBe('nax-report/1');
    expect(report.check.pullRequest).toEqual({ number: 2, headSha: repo.headSha, baseSha: repo.baseSha });
    expect(report.check.base?.commit).toBe(repo.baseSha);
    expect(report.settings?.seed).toBe(report.check.base?.settings?.seed);
  });

  test('the CLI core (runCheck, as `nax check --base <sha>`) gives the same reports as the action', async () => {
    const t0 = performance.now();
    const { stdout } = await execFileAsync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'test/e2e/run-check.ts'), repo.dir, 'nax.yml', repo.baseSha],
      { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 });
    timings.push(['runCheck-from-source', (performance.now() - t0) / 1000]);
    const local = JSON.parse(stdout) as CheckResult;
    const action = JSON.parse(readFileSync(path.join(repo.dir, 'nax-report.json'), 'utf8')) as CheckArtifact;
    const { check: actionCheck, ...actionHead } = action;
    expect(local.head).toEqual(actionHead);
    expect(local.base).toEqual(actionCheck.base);
    expect(local.comparison.verdict).toBe(actionCheck.verdict);
    expect(local.baseInfo.resolvedBy).toBe(`--base ${repo.baseSha}`);
  });

  test('a pasted marker in a human comment is ignored', () => {
    const spoof = api.commentsOn(PR).find((c) => c.id === spoofId);
    expect(spoof?.body).toContain('(pasted by a human)');
    expect(api.state.requests.some((q) => q.method === 'PATCH' && q.path.endsWith(`/comments/${spoofId}`))).toBe(false);
  });

  test('budget exceeded on a second run: exit 1, error annotation on the layer line; the same comment updated', async () => {
    const r = await check('check-fail-update', { 'warn-edap-increase': '5', 'fail-edap-increase': '10' });
    expect(r.code).toBe(1);
    expect(r.outputs.verdict).toBe('fail');
    expect(r.log).toMatch(new RegExp(
      `::error title=nax%3A EDAP increase over the fail budget,file=mapping.json,line=${LAYER_LINE}::EDAP increase \\+18\\.\\d\\d %25 exceeds the fail budget \\+10 %25; layer 's1b1_conv1' changed here`));
    expect(r.log).toMatch(/::error::nax: over budget: EDAP increase \+18\.\d\d %25 exceeds the fail budget \+10 %25/);
    const ours = botComments();
    expect(ours).toHaveLength(1);
    expect(ours[0].id).toBe(firstId);
    expect(r.outputs['comment-id']).toBe(String(firstId));
    expect(ours[0].body).toContain('### ❌ nax: over budget');
    expect(api.state.requests.at(-1)).toMatchObject({ method: 'PATCH', path: `/repos/Codertocat/Hello-World/issues/comments/${firstId}` });
  });

  test("fork token (403): the verdict stands, the table goes to the summary and the log", async () => {
    api.readOnly = true;
    try {
      const r = await check('check-403', { 'warn-edap-increase': '5', 'fail-edap-increase': '10' });
      expect(r.code).toBe(1);
      expect(r.outputs.verdict).toBe('fail');
      expect(r.outputs['comment-id']).toBe('');
      expect(r.log).toContain('::warning::Could not post the PR comment (403: Resource not accessible by integration');
      expect(r.log).toMatch(/^EDAP \(J·s·mm²\) +\S+ +\S+ +\+18\.\d\d %/m);
      expect(r.summary).toContain('### ❌ nax: over budget');
      expect(r.summary).toContain('| EDAP (J·s·mm²) |');
      expect(r.summary).toContain('A pull request from a fork gets a read-only token');
    } finally {
      api.readOnly = false;
    }
  });

  test('no baseline: a base without nax.yml is said plainly, never a silent pass', async () => {
    api.reset();
    const r = await check('check-no-baseline', {}, fresh);
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('no-baseline');
    expect(r.outputs['base-accuracy']).toBe('');
    const body = botComments()[0].body;
    expect(body).toContain('### ➖ nax: no baseline');
    expect(body).toContain(`**No baseline:** the base commit ${fresh.baseSha.slice(0, 7)} has no nax.yml.`);
    expect(body).toContain('This is not a pass.');
    expect(body).toContain('| Accuracy, non-ideal (mean [95 % CI], 2 chips × 10 images) |');
    const report = JSON.parse(readFileSync(path.join(fresh.dir, 'nax-report.json'), 'utf8')) as CheckArtifact;
    expect(report.accuracy?.nonIdeal.sampleSeeds).toHaveLength(2);
    expect(report.check.base).toBeUndefined();
    expect(report.check.baseline.missingReason).toBe(`the base commit ${fresh.baseSha.slice(0, 7)} has no nax.yml`);
  });
});

/** An artifact built from the hand-made fixture reports, optionally with `layers` copies of a layer. */
function artifact(opts: { headSha: string; layers?: number }): CheckArtifact {
  const head = mutable(loadReport('head'));
  const base = loadReport('base');
  if (opts.layers) {
    const [layer, cost] = [head.layers[0], head.cost.layers[0]];
    head.layers = [];
    head.cost.layers = [];
    for (let i = 0; i < opts.layers; i++) {
      const name = `block${String(i).padStart(4, '0')}_conv`;
      head.layers.push({ ...layer, name });
      head.cost.layers.push({ ...cost, name });
    }
  }
  return {
    ...(head as NaxReport),
    check: {
      version: 1, repository: 'Codertocat/Hello-World', pullRequest: { number: 2, headSha: opts.headSha }, headSha: opts.headSha,
      baseline: { commit: base.commit as string, ref: 'master', resolvedBy: 'first parent of the PR merge commit' },
      base, budgets: parseBudgets({ maxEdapIncreasePct: { warn: 10, fail: 20 } }, 'nax.yml', 'budgets'), verdict: 'fail', configPath: 'nax.yml',
    },
  };
}

async function commentMode(name: string, a: CheckArtifact, event: { name: string; payload: unknown }): Promise<ActionRun> {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'nax-report.json'), JSON.stringify(a));
  const r = await runAction({ cwd: dir, apiUrl: api.url, eventName: event.name, payload: event.payload,
    inputs: { 'github-token': 'fake-token', mode: 'comment' } });
  timings.push([name, r.seconds]);
  return r;
}

describe('mode: comment (from a report artifact, no PR code)', () => {
  const headSha = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';

  test('body too long: truncated under 65,536 characters with a note, and accepted', async () => {
    api.reset();
    const r = await commentMode('comment-long', artifact({ headSha, layers: 3000 }),
      { name: 'pull_request', payload: pullRequestPayload({ headSha, baseSha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e' }) });
    expect(r.code).toBe(0); // the check job gates, not the commenter
    expect(r.outputs.verdict).toBe('fail');
    const body = botComments()[0].body;
    expect(body.length).toBeLessThan(65_536);
    expect(body).toContain("Truncated to stay under GitHub's size limit: the per-layer table left out");
    expect(body).toContain('recomputed from git in the check job');
    expect(r.summary).toContain('`block2999_conv`'); // the summary keeps the full table
  });

  test('a fork run: workflow_run.pull_requests is empty, so the live PR is checked, then posted', async () => {
    api.reset();
    api.seedPull({ ...PR, headSha });
    api.seedComment(PR, `${COMMENT_MARKER}\nfake`, HUMAN);
    const r = await commentMode('comment-fork', artifact({ headSha }), { name: 'workflow_run', payload: workflowRunPayload({ headSha }) });
    expect(r.code).toBe(0);
    expect(api.state.requests.some((q) => q.method === 'GET' && q.path === '/repos/Codertocat/Hello-World/pulls/2')).toBe(true);
    expect(botComments()).toHaveLength(1);
    expect(api.commentsOn(PR).filter((c) => c.body.startsWith(COMMENT_MARKER))).toHaveLength(2);
  });

  test('an artifact for another head SHA is refused; a PR that moved on is not commented', async () => {
    api.reset();
    const wrong = await commentMode('comment-mismatch', artifact({ headSha: 'a'.repeat(40) }), { name: 'workflow_run', payload: workflowRunPayload({ headSha }) });
    expect(wrong.code).toBe(1);
    expect(wrong.log).toContain(`::error title=nax,file=nax-report.json::nax-report.json: check.pullRequest.headSha: the report is for head aaaaaaa, the triggering run was for ${headSha.slice(0, 7)}`);
    api.seedPull({ ...PR, headSha: 'b'.repeat(40) });
    const stale = await commentMode('comment-stale', artifact({ headSha }), { name: 'workflow_run', payload: workflowRunPayload({ headSha }) });
    expect(stale.code).toBe(0);
    expect(stale.log).toContain('::warning::PR #2 has moved on to bbbbbbb');
    expect(botComments()).toHaveLength(0);
  });
});

describe('mode: merge (Monte Carlo shards of a matrix)', () => {
  /** Shard k (0-based) of n of the fixture reports' 3 samples. */
  function shardOf(a: CheckArtifact, k: number, n: number): CheckArtifact {
    const split = (r: NaxReport): NaxReport => {
      const m = mutable(r);
      const idx = r.accuracy!.nonIdeal.samples.map((_, i) => i).filter((i) => i % n === k);
      const ni = r.accuracy!.nonIdeal;
      const stats = accuracyStats(idx.map((i) => ni.samples[i]), idx.map((i) => ni.sampleSeeds[i]),
        ni.correct ? { bits: idx.map((i) => ni.correct![i]), images: r.settings!.evalImages } : undefined);
      m.accuracy!.nonIdeal = JSON.parse(JSON.stringify(stats)) as NonNullable<typeof m.accuracy>['nonIdeal'];
      m.shard = { index: k, count: n };
      return m as NaxReport;
    };
    return { ...split(a), check: { ...a.check, base: split(a.check.base as NaxReport) } };
  }

  test('shards merge into the full sample and gate; a missing shard fails', async () => {
    api.reset();
    const headSha = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
    const full = artifact({ headSha });
    const dir = tempDir();
    mkdirSync(path.join(dir, 'nax-shards/nax-shard-1'), { recursive: true });
    mkdirSync(path.join(dir, 'nax-shards/nax-shard-2'), { recursive: true });
    writeFileSync(path.join(dir, 'nax-shards/nax-shard-1/nax-report.json'), JSON.stringify(shardOf(full, 0, 2)));
    writeFileSync(path.join(dir, 'nax-shards/nax-shard-2/nax-report.json'), JSON.stringify(shardOf(full, 1, 2)));
    const run = () => runAction({ cwd: dir, apiUrl: api.url, eventName: 'pull_request',
      payload: pullRequestPayload({ headSha, baseSha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e' }),
      inputs: { 'github-token': 'fake-token', mode: 'merge' } });
    const r = await run();
    timings.push(['merge', r.seconds]);
    expect(r.code).toBe(1); // EDAP +22 % over the 20 % fail budget of the shards
    expect(r.outputs.verdict).toBe('fail');
    const merged = JSON.parse(readFileSync(path.join(dir, 'nax-report.json'), 'utf8')) as CheckArtifact;
    expect(merged.shard).toBeUndefined();
    expect(merged.accuracy?.nonIdeal.samples).toHaveLength(3);
    expect(merged.accuracy?.nonIdeal.mean).toBeCloseTo(loadReport('head').accuracy!.nonIdeal.mean, 12);
    expect(botComments()[0].body).toContain('recomputed from git in the shard jobs');

    rmSync(path.join(dir, 'nax-shards/nax-shard-2'), { recursive: true });
    const missing = await run();
    timings.push(['merge-missing', missing.seconds]);
    expect(missing.code).toBe(1);
    expect(missing.log).toContain('::error::shard reports: shard: shard 2/2 missing');
  });
});
