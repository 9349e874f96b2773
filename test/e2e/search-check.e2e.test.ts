/**
 * End to end: `mode: check` with `search: true` — the bundled dist/index.js checks a pull request against the
 * loopback GitHub API and adds a bounded re-search of the head to the sticky comment (issue 12 §4). The search
 * runs for real on the fixture on a small budget (20 s; 10 images, 1–2 chips: the run tests the action's plumbing,
 * not the search's quality). Needs `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { COMMENT_MARKER } from '../../src/render/markdown.js';
import { git, makePrRepo, type PrRepo } from '../support/git-repo.js';
import { BOT, type GitHubApiEmulator, startGitHubApi } from '../support/github-api.js';
import { runPullRequestCheck } from './harness.js';
import { E2E_NAX_YML, HEAD_MAPPING, e2eSearchSection, projectFiles, searchFiles } from './project.js';

/** The check's project (two chips, so the action starts its worker pool) and a small search section. */
const NAX_YML = `${E2E_NAX_YML.replace('monteCarloSamples: 1', 'monteCarloSamples: 2')}${e2eSearchSection([1])}`;

const PR = { owner: 'Codertocat', repo: 'Hello-World', number: 2 };

let api: GitHubApiEmulator;
let repo: PrRepo;

beforeAll(async () => {
  api = await startGitHubApi({ maxLifetimeMs: 600_000 });
  repo = makePrRepo({
    base: {
      'nax.yml': NAX_YML,
      ...projectFiles(),
      ...searchFiles(),
    },
    head: { 'mapping.json': HEAD_MAPPING },
  });
});

afterAll(async () => {
  await api.close();
  repo?.remove();
});

describe('mode: check with search: true', () => {
  test('the sticky comment carries the re-search section, also when the head maps a layer on a crossbar the space does not offer; the budget input bounds the search; the checkout is left as it was', async () => {
    const r = await runPullRequestCheck({ repo, apiUrl: api.url, inputs: { search: 'true', budget: '20s' } });
    expect(r.log).not.toMatch(/::error/);
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('pass');
    // The search ran under the input's 20 s, not nax.yml's 15 minutes.
    expect(r.log).toMatch(/search: .*budget 20 s/);
    const ours = api.commentsOn(PR).filter((c) => c.user.login === BOT.login);
    expect(ours).toHaveLength(1);
    const body = ours[0]!.body;
    expect(body.startsWith(COMMENT_MARKER)).toBe(true);
    // The check's own table comes first, then the section; its one sentence says what the search found.
    expect(body.indexOf('| EDAP (J·s·mm²) |')).toBeGreaterThan(0);
    const at = body.indexOf('### Re-search of this head');
    expect(at).toBeGreaterThan(body.indexOf('| EDAP (J·s·mm²) |'));
    const section = body.slice(at);
    expect(section).toMatch(/A mapping found in \d+ s would save \*\*[\d.]+ % EDAP\*\* at [\d.]+ % \[[\d.]+, [\d.]+\] non-ideal accuracy \(Δ [+−][\d.]+ pp \[[+−][\d.]+, [+−][\d.]+\], (better|equal within noise|worse) against the committed mapping|A \d+ s search found no mapping that beats the committed one by the protocol/);
    // The proposal (the one λ's candidate, whether or not it beats the head) lists its changes against the head's
    // mapping: the head put s1b1_conv1 on 128×128, which the space (32, 64) does not offer, so every proposal moves it.
    expect(section).toMatch(/<summary>Mapping diff \(\d+ layers?\)<\/summary>/);
    expect(section).toMatch(/\| `s1b1_conv1` \| 3×3 kernel, 128×128 \| 3×3 kernel, (32×32|64×64) \|/);
    // The search wrote into a temporary folder only: nothing in the checkout but the check's own report files.
    const changed = git(repo.dir, 'status', '--porcelain', '--untracked-files=all').split('\n').filter(Boolean).map((l) => l.slice(3)).sort();
    expect(changed.every((f) => /^nax-report\.(json|html)$/.test(f))).toBe(true);
  }, 300_000);
});
