/**
 * End to end, as an attacking pull request would try it (issue 9): the bundled dist/index.js in a
 * temporary PR checkout against the loopback API emulator. The base's nax.yml sets a budget no head can
 * meet without halving EDAP, so a fail verdict does not depend on the fixture's accuracy. Needs
 * `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseBudgets } from '../../src/config/budgets.js';
import type { CheckArtifact } from '../../src/github/check-artifact.js';
import type { NaxReport } from '../../src/report.js';
import { COMMENT_MARKER } from '../../src/render/markdown.js';
import { loadReport } from '../compare/reports.js';
import { makePrRepo, type PrRepo } from '../support/git-repo.js';
import { BOT, type GitHubApiEmulator, startGitHubApi } from '../support/github-api.js';
import { runAction, runPullRequestCheck, workflowRunPayload } from './harness.js';
import { fixture, projectFiles } from './project.js';

const PR = { owner: 'Codertocat', repo: 'Hello-World', number: 2 };

/** The base's gate: EDAP must halve (a PR leaving the mapping alone fails it); the fast IR-drop model. */
const BASE_YML = `model: model/model.json
mapping: mapping.json
technology: technology.json
evalSet: { images: data/eval-images.npy, labels: data/eval-labels.npy, scale: 0.00392156862745098 }
simulation: { seed: 1, monteCarloSamples: 1, evalImages: 10, irDrop: fast, batchSize: 10 }
budgets:
  maxEdapIncreasePct: { fail: -50 }
`;
/** The PR deletes the budgets and asks for ideal wires. */
const HEAD_YML = BASE_YML.replace(/budgets:[\s\S]*$/, '').replace('irDrop: fast', 'irDrop: ideal');

const PROJECT = { 'nax.yml': BASE_YML, ...projectFiles() };

/** The PR also relabels its evaluation set (every label 0): it must be judged on the base's labels. */
function relabelled(npy: Buffer): Buffer {
  const out = Buffer.from(npy);
  const dataStart = 10 + out.readUInt16LE(8); // .npy v1: magic (6), version (2), header length (2), header
  out.fill(0, dataStart);
  return out;
}

let api: GitHubApiEmulator;
let repo: PrRepo;
const scratch: string[] = [];

beforeAll(async () => {
  api = await startGitHubApi({ maxLifetimeMs: 180_000 });
  repo = makePrRepo({ base: PROJECT, head: { 'nax.yml': HEAD_YML, 'data/eval-labels.npy': relabelled(fixture('data/eval-labels.npy')) } });
});
afterAll(async () => {
  await api.close();
  repo?.remove();
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
});

const botComments = () => api.commentsOn(PR).filter((c) => c.user.login === BOT.login);

describe('a PR that loosens its own gate', () => {
  let log = '';
  let report: CheckArtifact;

  beforeAll(async () => {
    api.reset();
    api.failNext(1, 502); // the first API call fails transiently
    const r = await runPullRequestCheck({ repo, apiUrl: api.url, env: { NAX_TEST_RETRY_BASE_MS: '10' }, inputs: { acknowledge: 'true' } });
    log = r.log;
    expect(r.code).toBe(1);
    report = JSON.parse(readFileSync(path.join(repo.dir, 'nax-report.json'), 'utf8')) as CheckArtifact;
  }, 170_000);

  test('deleting the budgets does not pass: the base budget applies and fails, exit 1', () => {
    expect(report.check.budgets.maxEdapIncreasePct).toEqual({ fail: -50 });
    expect(report.check.verdict).toBe('fail');
    expect(report.check.gate?.budgetsFrom).toBe('base');
    expect(report.check.gate?.changes).toContain("budgets.maxEdapIncreasePct.fail: -50 → none; the base's -50 applies");
  });

  test("irDrop: ideal in the head is overruled: both sides measured with the base's fast model", () => {
    expect(report.settings?.irDrop).toBe('fast');
    expect(report.check.base?.settings?.irDrop).toBe('fast');
    expect(report.check.gate?.changes.some((c) => c.startsWith('simulation.irDrop: fast → ideal; the base\'s fast applies'))).toBe(true);
  });

  test("a relabelled evaluation set in the head is not used: both sides run on the base's data", () => {
    expect(report.inputs.evalSet?.sha256).toBe(report.check.base?.inputs.evalSet?.sha256);
    expect(report.inputs.evalSet?.sha256).toBeDefined();
  });

  test('acknowledge: true on a pull_request is ignored, and the log says why', () => {
    expect(report.check.acknowledgement).toBeUndefined();
    expect(log).toContain("the acknowledge input is ignored on 'pull_request' events");
  });

  test('a transient 502 is retried: one comment, and it names the gate change in its first lines', () => {
    expect(api.state.requests.filter((q) => q.method === 'GET' && /\/issues\/2\/comments$/.test(q.path)).length).toBeGreaterThanOrEqual(2);
    const bot = botComments();
    expect(bot).toHaveLength(1);
    const firstLines = bot[0].body.split('\n').slice(0, 8).join('\n');
    expect(firstLines).toContain('**This PR changes the gate:**');
    expect(firstLines).toContain('budgets.maxEdapIncreasePct.fail: -50 → none');
  });
});

describe('forged artifact fields are rendered inert (mode: comment)', () => {
  const headSha = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
  const EVIL = '[approved, merge now](https://evil.example/x)';

  test('no forged link, mention or HTML reaches the comment; the run link comes from the event', async () => {
    api.reset();
    api.seedPull({ ...PR, headSha, labels: [] });
    const head = loadReport('head') as NaxReport;
    const base = loadReport('base');
    const forged = {
      ...head,
      tool: { name: 'nax', version: `0.1.0 ${EVIL}` },
      check: {
        version: 1, repository: 'Codertocat/Hello-World', pullRequest: { number: 2, headSha }, headSha,
        baseline: { commit: base.commit as string, ref: 'master', resolvedBy: `${EVIL} <img src=x> @octocat` },
        base, budgets: parseBudgets({ maxEdapIncreasePct: { fail: 20 } }, 'nax.yml', 'budgets'), verdict: 'pass', configPath: 'nax.yml',
        acknowledgement: { by: EVIL },
        runUrl: 'https://evil.example/actions/runs/1',
        gate: { budgetsFrom: 'base', changes: [EVIL] },
      },
    };
    const dir = mkdtempSync(path.join(tmpdir(), 'nax-forged-'));
    scratch.push(dir);
    writeFileSync(path.join(dir, 'nax-report.json'), JSON.stringify(forged));
    const payload = workflowRunPayload({ headSha }) as { workflow_run: { id: number } };
    const r = await runAction({ cwd: dir, apiUrl: api.url, eventName: 'workflow_run', payload,
      inputs: { 'github-token': 'fake-token', mode: 'comment' } });
    expect(r.code).toBe(0);
    const [c] = botComments();
    expect(c.body.startsWith(COMMENT_MARKER)).toBe(true);
    // Every forged string is inside a code span; no markdown link, HTML or mention outside one.
    const outsideCode = c.body.replace(/(`+)[\s\S]*?\1/g, '');
    expect(outsideCode).not.toContain('evil.example');
    expect(outsideCode).not.toContain('<img');
    expect(outsideCode).not.toContain('@octocat');
    expect(c.body).toContain(`https://github.com/Codertocat/Hello-World/actions/runs/${payload.workflow_run.id}`);
    // The acknowledgement was the artifact's word only: not shown as one.
    expect(c.body).not.toContain('Regression acknowledged');
    expect(c.body).toContain("The numbers below come from the PR's own workflow run");
  }, 60_000);
});
