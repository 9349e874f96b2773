import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pullRequestOf, readActionEnv, runUrlOf, workflowRunOf } from '../../src/github/event.js';
import { budgetInputName, parseShard, readInputs } from '../../src/github/inputs.js';
import { acknowledgementOf, ignoredAcknowledgeInput } from '../../src/github/mode-context.js';
import { outputValues } from '../../src/github/outputs.js';
import { compareReports } from '../../src/compare/compare-reports.js';
import { NO_BUDGETS } from '../../src/config/budgets.js';
import { loadReport } from '../compare/reports.js';
import { userError } from '../support/user-error.js';

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';


describe('readInputs', () => {
  test('every default applies when inputs are empty (outside the runner)', () => {
    expect(readInputs(reader({}))).toEqual({
      config: 'nax.yml',
      githubToken: '',
      mode: 'check',
      comment: true,
      reportPath: 'nax-report.json',
      overwriteReport: false,
      budgetOverrides: {},
      acknowledge: false,
      acknowledgeLabel: 'nax-accept-regression',
      mergeFrom: 'nax-shards',
      commentAuthor: 'github-actions[bot]',
      failOnMissingBaseline: false,
      searchOut: 'nax-search',
      search: false,
    });
  });

  test('values are read and typed', () => {
    const i = readInputs(reader({
      config: 'fixtures/nax.yml', 'github-token': 'tok', 'base-ref': 'main', mode: 'merge', comment: 'false',
      'report-path': 'out/r.json', 'warn-edap-increase': '2%', 'fail-edap-increase': '5', 'fail-edap': '2e-12',
      'warn-accuracy-drop': '0.5pp', 'fail-min-accuracy': '95', acknowledge: 'True', shard: '2/4',
    }));
    expect(i).toMatchObject({
      config: 'fixtures/nax.yml', githubToken: 'tok', baseRef: 'main', mode: 'merge', comment: false, reportPath: 'out/r.json',
      acknowledge: true, shard: { index: 1, count: 4 },
    });
    expect(i.budgetOverrides).toEqual({
      maxEdapIncreasePct: { warn: 2, fail: 5 },
      maxEdap: { fail: 2e-12 },
      maxAccuracyDropPp: { warn: 0.5 },
      minAccuracyPct: { fail: 95 },
    });
  });

  test('evaluation-images: all or a whole count of images; anything else names the input', () => {
    expect(readInputs(reader({ 'evaluation-images': 'all' })).evaluationImages).toBe('all');
    expect(readInputs(reader({ 'evaluation-images': ' 2000 ' })).evaluationImages).toBe(2000);
    expect(readInputs(reader({})).evaluationImages).toBeUndefined();
    for (const bad of ['0', '12.5', '-3', 'many', '1e3', '2000000']) {
      expect(userError(() => readInputs(reader({ 'evaluation-images': bad }))).field).toBe('evaluation-images');
    }
  });

  test('invalid values name the input', () => {
    expect(userError(() => readInputs(reader({ mode: 'deploy' }))).format())
      .toBe("action inputs: mode: expected one of check, comment, merge, search, found \"deploy\"");
    expect(userError(() => readInputs(reader({ comment: 'yes' }))).field).toBe('comment');
    expect(userError(() => readInputs(reader({ 'fail-edap-increase': 'five' }))).field).toBe('fail-edap-increase');
  });

  test('action.yml declares exactly the inputs the action reads, each with a default and a description', () => {
    const read = new Set<string>();
    readInputs((name) => {
      read.add(name);
      return '';
    });
    const yml = parseYaml(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, { default?: unknown; description?: unknown }>; outputs: Record<string, unknown>; runs: unknown };
    expect(Object.keys(yml.inputs).sort()).toEqual([...read].sort());
    for (const [name, spec] of Object.entries(yml.inputs)) {
      expect([name, typeof spec.default, typeof spec.description]).toEqual([name, 'string', 'string']);
    }
    expect(Object.keys(yml.outputs)).toEqual(expect.arrayContaining(['verdict', 'accuracy', 'base-accuracy', 'edap', 'base-edap', 'edap-change', 'report', 'comment-id']));
    // Check and merge modes set the comparison outputs; search mode (and a search merge) the two search ones.
    const searchOutputs = ['beats-committed', 'best-dir'];
    const set = outputValues(compareReports(undefined, loadReport('head'), NO_BUDGETS), { reportPath: 'r.json' });
    expect(Object.keys(set).sort()).toEqual(Object.keys(yml.outputs).filter((k) => !searchOutputs.includes(k)).sort());
    expect(Object.keys(yml.outputs)).toEqual(expect.arrayContaining(searchOutputs));
    expect(yml.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  test('budget input names', () => {
    expect(budgetInputName('maxEdapIncreasePct', 'warn')).toBe('warn-edap-increase');
    expect(budgetInputName('minAccuracyPct', 'fail')).toBe('fail-min-accuracy');
  });

  test('shards are written 1-based, i/n', () => {
    expect(parseShard('1/1', 'shard')).toEqual({ index: 0, count: 1 });
    expect(parseShard(' 3 / 3 ', 'shard')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '1', 'a/b', '1/0']) expect(userError(() => parseShard(bad, 'shard')).field).toBe('shard');
  });

  test('acknowledgement: the PR label; the input only outside pull requests (the PR owns its workflow file)', () => {
    const i = readInputs(reader({}));
    expect(acknowledgementOf(i, ['bug'], 'pull_request')).toBeUndefined();
    expect(acknowledgementOf(i, ['nax-accept-regression'], 'pull_request')).toEqual({ by: "label 'nax-accept-regression'" });
    const ack = readInputs(reader({ acknowledge: 'true' }));
    expect(acknowledgementOf(ack, [], 'push')).toEqual({ by: 'the acknowledge input' });
    for (const event of ['pull_request', 'pull_request_target', 'workflow_run']) {
      expect(acknowledgementOf(ack, [], event)).toBeUndefined();
      expect(ignoredAcknowledgeInput(ack, event)).toMatch(/ignored/);
    }
    expect(ignoredAcknowledgeInput(ack, 'push')).toBeUndefined();
  });
});

describe('event', () => {
  const fixture = (name: string) => path.resolve('fixtures/github', name);

  test('pull_request payload: number, SHAs, base ref, labels', () => {
    const env = readActionEnv({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: fixture('pull_request.synchronize.json'),
      GITHUB_REPOSITORY: 'Codertocat/Hello-World', GITHUB_RUN_ID: '42' });
    expect(env.repository).toEqual({ owner: 'Codertocat', repo: 'Hello-World' });
    expect(env.apiUrl).toBe('https://api.github.com');
    expect(runUrlOf(env)).toBe('https://github.com/Codertocat/Hello-World/actions/runs/42');
    expect(pullRequestOf(env.payload)).toEqual({
      number: 2, headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821', baseSha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
      baseRef: 'master', labels: ['bug'],
    });
  });

  test('workflow_run payload of a fork: no pull requests listed', () => {
    const env = readActionEnv({ GITHUB_EVENT_PATH: fixture('workflow_run.completed.json') });
    expect(workflowRunOf(env.payload)).toEqual({
      id: 30433642, headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821', event: 'pull_request', pullRequests: [],
    });
    expect(pullRequestOf(env.payload)).toBeUndefined();
  });

  test('a broken event file is a clear error', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nax-ev-'));
    writeFileSync(path.join(dir, 'e.json'), '{nope');
    expect(userError(() => readActionEnv({ GITHUB_EVENT_PATH: path.join(dir, 'e.json') })).field).toBe('GITHUB_EVENT_PATH');
    expect(userError(() => readActionEnv({ GITHUB_EVENT_PATH: path.join(dir, 'missing.json') })).message).toMatch(/cannot read/);
  });
});
