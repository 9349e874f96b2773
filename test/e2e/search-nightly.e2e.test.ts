/**
 * End to end: the nightly re-search as nightly-search.yml runs it — the bundled dist/index.js in `mode: search`
 * once per matrix shard (each its own λ), then `mode: merge` over the downloaded shard folders. The search runs
 * for real on the fixture model on a small budget (10 s, a dozen images: the run tests the plumbing, not the
 * search's quality). Needs `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseParetoDocument } from '../../src/io/parse-pareto.js';
import type { ParetoDocument } from '../../src/search/pareto.js';
import { writeTree } from '../support/git-repo.js';
import { startGitHubApi, type GitHubApiEmulator } from '../support/github-api.js';
import { type ActionRun, runAction } from './harness.js';
import { E2E_NAX_YML, e2eSearchSection, projectFiles, searchFiles } from './project.js';

/** Two λ for two shards; nax.yml evaluates 10 images, the `evaluation-images` input asks for 12. */
const NAX_YML = `${E2E_NAX_YML}${e2eSearchSection([0.5, 1])}`;

let api: GitHubApiEmulator;
let dir: string;

beforeAll(async () => {
  api = await startGitHubApi({ maxLifetimeMs: 900_000 });
  dir = mkdtempSync(path.join(tmpdir(), 'nax-nightly-'));
  writeTree(dir, {
    'nax.yml': NAX_YML,
    ...projectFiles(),
    ...searchFiles(),
  });
});

afterAll(async () => {
  await api.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const run = (inputs: Record<string, string>): Promise<ActionRun> =>
  runAction({ cwd: dir, apiUrl: api.url, eventName: 'schedule', payload: {}, inputs: { 'github-token': 'fake-token', ...inputs }, timeoutMs: 400_000 });

function front(folder: string): ParetoDocument {
  const file = path.join(dir, folder, 'pareto.json');
  return parseParetoDocument(JSON.parse(readFileSync(file, 'utf8')), file);
}

describe('nightly re-search: mode search per shard, then mode merge', () => {
  test('each shard writes its folder with the Pareto page and evaluates on the input\'s image count; the merge proposes one candidate whose files exist, publishes the table and overwrites no folder', async () => {
    // As the workflow downloads them: one folder per shard artifact below merge-from.
    for (const shard of [1, 2]) {
      const r = await run({ mode: 'search', budget: '10s', shard: `${shard}/2`, 'evaluation-images': '12', 'search-out': `shards/nax-search-shard-${shard}` });
      expect(r.log).not.toMatch(/::error/);
      expect(r.code).toBe(0);
      const out = `shards/nax-search-shard-${shard}`;
      for (const f of ['pareto.json', 'summary.md', 'pareto.html']) expect(existsSync(path.join(dir, out, f))).toBe(true);
      const doc = front(out);
      // The input overrode nax.yml's 10 images.
      expect(doc.protocol!.evaluationImages).toBe(12);
      expect(doc.lambdas!.map((l) => l.lambda)).toEqual([shard === 1 ? 0.5 : 1]);
      // Every candidate carries ideal, quantised and non-ideal accuracy; a searched one's are its own report's.
      for (const c of doc.candidates) {
        expect(c.quantisedAccuracy).toBeGreaterThanOrEqual(0);
        if (c.folder === undefined) continue;
        const report = JSON.parse(readFileSync(path.join(dir, out, c.folder, 'report.json'), 'utf8'));
        expect([c.idealAccuracy, c.quantisedAccuracy, c.accuracy]).toEqual([report.accuracy.ideal, report.accuracy.quantised, report.accuracy.nonIdeal.mean]);
      }
    }

    // A shard re-run into its used folder stops before searching: one error line naming it.
    const rerun = await run({ mode: 'search', budget: '10s', shard: '1/2', 'search-out': 'shards/nax-search-shard-1' });
    expect(rerun.code).toBe(1);
    expect(rerun.log.match(/^::error.*$/gm)).toEqual([expect.stringMatching(/shards\/nax-search-shard-1: holds \d+ entries already; not overwritten/)]);
    expect(rerun.log).not.toMatch(/search: .*budget 10 s/);

    const m = await run({ mode: 'merge', 'merge-from': 'shards', 'search-out': 'nax-search' });
    expect(m.log).not.toMatch(/::error/);
    expect(m.code).toBe(0);
    const merged = front('nax-search');
    expect(merged.candidates.length).toBe(front('shards/nax-search-shard-1').candidates.length + front('shards/nax-search-shard-2').candidates.length);
    expect(merged.lambdas!.map((l) => l.lambda).sort()).toEqual([0.5, 1]);
    // The outputs the workflow acts on: the proposed candidate's folder holds what the PR step copies.
    expect(m.outputs['beats-committed']).toBe(String(merged.beatsCommitted));
    const best = merged.candidates.find((c) => c.id === merged.best)!;
    expect(best.kind).toBe('searched');
    // The written front keeps no folder outside nax-search/; the output names the shard folder that holds it.
    expect(best.folder).toBeUndefined();
    const shard = [1, 2].map((k) => `shards/nax-search-shard-${k}`).find((f) => front(f).candidates.some((c) => c.id === best.id))!;
    expect(m.outputs['best-dir']).toBe(path.join(shard, front(shard).candidates.find((c) => c.id === best.id)!.folder!));
    for (const f of ['model.json', 'weights.bin', 'mapping.json', 'report.json']) expect(existsSync(path.join(dir, m.outputs['best-dir']!, f))).toBe(true);
    expect(m.summary).toContain(`the proposed candidate's files (model.json, weights.bin, mapping.json, report.json): ${m.outputs['best-dir']}`);
    // Job summary: the candidate table with its accuracy columns; the merged page plots every candidate.
    expect(m.summary).toMatch(/\| candidate +\| +non-ideal acc\. \[95 % CI\] +\| +ideal acc\. +\| +quantised acc\. +\|/);
    const page = readFileSync(path.join(dir, 'nax-search', 'pareto.html'), 'utf8');
    expect(page.match(/<circle class="mark"/g)).toHaveLength(merged.candidates.length);
    expect(page).toContain(`${best.label} ★`);
    // A second merge into the same folder overwrites nothing: one error line naming the input's folder.
    const again = await run({ mode: 'merge', 'merge-from': 'shards', 'search-out': 'nax-search' });
    expect(again.code).toBe(1);
    expect(again.log.match(/^::error.*$/gm)).toEqual([expect.stringMatching(/nax-search: holds \d+ entries already; not overwritten/)]);
  }, 900_000);
});
