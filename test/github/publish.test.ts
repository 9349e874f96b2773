import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compareReports } from '../../src/compare/compare-reports.js';
import { NaxUserError } from '../../src/errors.js';
import { parseBudgets } from '../../src/config/budgets.js';
import { type CheckArtifact, parseCheckArtifact, parseReport } from '../../src/github/check-artifact.js';
import { localPublisher } from '../../src/github/local-publisher.js';
import { outputValues } from '../../src/github/outputs.js';
import { type PublishPlan, publishResult } from '../../src/github/publish.js';
import type { Publisher } from '../../src/github/publisher.js';
import { writeReportFile } from '../../src/io/report-file.js';
import { COMMENT_MARKER } from '../../src/render/markdown.js';
import { loadReport } from '../compare/reports.js';

const base = loadReport('base');
const head = loadReport('head');
const failing = parseBudgets({ maxEdapIncreasePct: { warn: 10, fail: 20 } }, 'nax.yml', 'budgets');

function plan(comparison = compareReports(base, head, failing), extra: Partial<PublishPlan> = {}): PublishPlan {
  return {
    render: {
      comparison,
      baseline: { commit: base.commit, ref: 'master', resolvedBy: 'first parent of the PR merge commit' },
      headSha: head.commit,
      toolVersion: '0.1.0',
      origin: 'this-job',
    },
    postComment: true,
    annotations: [],
    reportPath: 'nax-report.json',
    gate: 'verdict',
    failOnMissingBaseline: false,
    ...extra,
  };
}

/** A local publisher whose comment call fails like a fork's read-only token. */
function forbiddenPublisher(lines: string[], summary: string[]) {
  const p = localPublisher({ write: (l) => lines.push(l) });
  const forbidden: Publisher = {
    ...p,
    upsertComment: () => Promise.reject(Object.assign(new Error('Resource not accessible by integration'), { status: 403 })),
    writeSummary: async (md) => {
      summary.push(md);
    },
  };
  return { p, forbidden };
}

describe('publishResult', () => {
  test('fail verdict: comment posted, outputs set, step failed', async () => {
    const lines: string[] = [];
    const dir = mkdtempSync(path.join(tmpdir(), 'nax-pub-'));
    const p = localPublisher({ write: (l) => lines.push(l), commentFile: path.join(dir, 'comment.md'), summaryFile: path.join(dir, 'summary.md') });
    const out = await publishResult(p, plan());
    expect(out.commentId).toBe(0);
    expect(readFileSync(path.join(dir, 'comment.md'), 'utf8').startsWith(COMMENT_MARKER)).toBe(true);
    expect(readFileSync(path.join(dir, 'summary.md'), 'utf8')).toContain('| EDAP (J·s·mm²) |');
    expect(p.outputs()).toMatchObject({ verdict: 'fail', 'comment-id': '0', report: 'nax-report.json' });
    expect(p.failed()).toBe(true);
    expect(lines.at(-1)).toBe('error: nax: over budget: EDAP increase +22.45 % exceeds the fail budget +20 %');
    // The text table is in the log.
    expect(lines[0]).toMatch(/^nax check: FAIL/);
  });

  test('a 403 on the comment: warning with the fork hint, verdict and exit unchanged, table in summary and log', async () => {
    const lines: string[] = [];
    const summary: string[] = [];
    const { p, forbidden } = forbiddenPublisher(lines, summary);
    const out = await publishResult(forbidden, plan());
    expect(out.commentId).toBeUndefined();
    expect(out.commentError).toMatch(/^Could not post the PR comment \(403: Resource not accessible by integration\)\. A pull request from a fork/);
    expect(lines.some((l) => l.startsWith('warning: Could not post the PR comment (403'))).toBe(true);
    expect(summary[0]).toContain('| EDAP (J·s·mm²) |');
    expect(summary[0]).toContain('> [!WARNING]\n> Could not post the PR comment (403');
    expect(p.outputs()).toMatchObject({ verdict: 'fail', 'comment-id': '' });
    expect(p.failed()).toBe(true);
    expect(lines[0]).toMatch(/^nax check: FAIL/);
  });

  test('a 403 on a passing check does not fail it', async () => {
    const { p, forbidden } = forbiddenPublisher([], []);
    await publishResult(forbidden, plan(compareReports(base, head, parseBudgets({ maxEdapIncreasePct: 30 }, 'nax.yml', 'budgets'))));
    expect(p.outputs().verdict).toBe('pass');
    expect(p.failed()).toBe(false);
  });

  test("comment mode does not gate; no-baseline fails only when asked", async () => {
    const p1 = localPublisher({ write: () => undefined });
    await publishResult(p1, plan(undefined, { gate: 'none' }));
    expect(p1.failed()).toBe(false);
    const noBase = compareReports(undefined, head, failing);
    const p2 = localPublisher({ write: () => undefined });
    await publishResult(p2, plan(noBase, { postComment: false }));
    expect(p2.failed()).toBe(false);
    expect(p2.outputs().verdict).toBe('no-baseline');
    const p3 = localPublisher({ write: () => undefined });
    await publishResult(p3, plan(noBase, { postComment: false, failOnMissingBaseline: true }));
    expect(p3.failed()).toBe(true);
  });
});

describe('outputValues', () => {
  test('accuracies in %, EDAP in J·s·mm², change in %', () => {
    const o = outputValues(compareReports(base, head, failing), { reportPath: 'r.json', commentId: 1045 });
    expect(o).toEqual({
      verdict: 'fail', accuracy: '96.1667', 'base-accuracy': '97.1', edap: String(head.totals.edap), 'base-edap': String(base.totals.edap),
      'edap-change': '22.4542', acknowledged: 'false', report: 'r.json', 'comment-id': '1045',
    });
    expect(outputValues(compareReports(undefined, head, failing), { reportPath: 'r.json' })).toMatchObject({ 'base-accuracy': '', 'base-edap': '', 'edap-change': '' });
  });
});

describe('report files', () => {
  const artifact = (): CheckArtifact => ({
    ...head,
    check: {
      version: 1, repository: 'Codertocat/Hello-World', pullRequest: { number: 2, headSha: head.commit as string },
      headSha: head.commit as string, baseline: { commit: base.commit as string, ref: 'master', resolvedBy: 'first parent of the PR merge commit' },
      base, budgets: failing, verdict: 'fail', configPath: 'nax.yml',
    },
  });

  test('an artifact round-trips through JSON and validation', () => {
    const a = parseCheckArtifact(JSON.parse(JSON.stringify(artifact())), 'nax-report.json');
    expect(a.check.pullRequest).toEqual({ number: 2, headSha: head.commit });
    expect(a.check.budgets).toEqual(failing);
    expect(compareReports(a.check.base, a, a.check.budgets).verdict).toBe('fail');
  });

  test('untrusted artifacts are validated field by field', () => {
    const formatted = (fn: () => unknown): string => {
      try {
        fn();
      } catch (e) {
        if (e instanceof NaxUserError) return e.format();
        throw e;
      }
      throw new Error('expected a NaxUserError');
    };
    /** A copy of the artifact with the value at a dotted path replaced. */
    const corrupt = (at: string, value: unknown): unknown => {
      const doc = JSON.parse(JSON.stringify(artifact())) as Record<string, unknown>;
      const keys = at.split('.');
      let o = doc;
      for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
      o[keys[keys.length - 1]] = value;
      return doc;
    };
    expect(formatted(() => parseCheckArtifact(corrupt('totals.edap', 'huge'), 'r.json'))).toBe('r.json: totals.edap: expected a finite number, found "huge"');
    expect(formatted(() => parseCheckArtifact(corrupt('check.pullRequest.headSha', 'HEAD'), 'r.json')))
      .toBe('r.json: check.pullRequest.headSha: expected a full commit SHA, found "HEAD"');
    expect(formatted(() => parseCheckArtifact({ ...head }, 'r.json'))).toMatch(/^r\.json: check: no check section/);
    expect(formatted(() => parseReport({ schema: 'other' }, 'r.json'))).toBe('r.json: schema: expected "nax-report/1", found "other" (not a nax report)');
    expect(formatted(() => parseCheckArtifact(corrupt('check.base.layers', [{ ...base.layers[0], mapping: { ...base.layers[0].mapping, rows: '64' } }]), 'r.json')))
      .toBe('r.json: check.base.layers[0].mapping.rows: expected a finite number, found "64"');
    expect(formatted(() => parseCheckArtifact(corrupt('check.budgets', { maxEdap: -1 }), 'r.json'))).toBe('r.json: check.budgets.maxEdap: must be > 0, found -1');
  });

  test('a user file at report-path is not overwritten; an earlier report is', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nax-rf-'));
    const file = path.join(dir, 'nax-report.json');
    writeFileSync(file, '{"mine": true}');
    await expect(writeReportFile(file, head, { overwrite: false, shownAs: 'nax-report.json' }))
      .rejects.toMatchObject({ file: 'nax-report.json', hint: 'choose another report-path, or set overwrite-report: true' });
    expect(readFileSync(file, 'utf8')).toBe('{"mine": true}');
    await writeReportFile(file, head, { overwrite: true });
    await writeReportFile(file, base, { overwrite: false });
    expect(JSON.parse(readFileSync(file, 'utf8')).commit).toBe(base.commit);
    await writeReportFile(path.join(dir, 'new/deep/r.json'), head, { overwrite: false });
  });
});
