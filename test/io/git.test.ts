import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FILE_CAP_BYTES, dirSource } from '../../src/io/files.js';
import { userErrorOf } from '../support/user-error.js';
import { NaxUserError } from '../../src/errors.js';
import { resolveBaseCommit } from '../../src/github/base-commit.js';
import { gitSource } from '../../src/io/git-source.js';
import { commitParents, resolveCommit } from '../../src/io/git.js';
import { git, makePrRepo, type PrRepo } from '../support/git-repo.js';

let repo: PrRepo;

beforeAll(() => {
  repo = makePrRepo({
    base: { 'nax.yml': 'model: model/model.json\nmapping: mapping.json\n', 'mapping.json': '{"rows":64}\n', 'model/model.json': '{}', 'sub/a.txt': 'in sub' },
    head: { 'mapping.json': '{"rows":128}\n', 'new.txt': 'only in head' },
  });
});
afterAll(() => repo.remove());

describe('git', () => {
  test('resolves refs and parents of the merge commit', async () => {
    expect(await resolveCommit(repo.dir, 'HEAD')).toBe(repo.mergeSha);
    expect(await resolveCommit(repo.dir, 'master')).toBe(repo.baseSha);
    expect(await commitParents(repo.dir, repo.mergeSha)).toEqual([repo.baseSha, repo.headSha]);
    expect(await resolveCommit(repo.dir, 'no-such-branch')).toBeUndefined();
    expect(await resolveCommit(repo.dir, '--all')).toBeUndefined();
  });
});

describe('gitSource', () => {
  test('reads the committed bytes of the base, not the working tree', async () => {
    const base = gitSource(repo.dir, repo.baseSha);
    expect(base.label).toBe(`commit ${repo.baseSha.slice(0, 7)}`);
    expect(base.commit).toBe(repo.baseSha);
    expect(new TextDecoder().decode(await base.read('mapping.json'))).toBe('{"rows":64}\n');
    expect(new TextDecoder().decode(await gitSource(repo.dir, repo.headSha).read('mapping.json'))).toBe('{"rows":128}\n');
    expect(await base.exists('model/model.json')).toBe(true);
    expect(await base.exists('new.txt')).toBe(false);
    expect(await base.exists('model')).toBe(false); // a folder is not a file
  });

  test('missing files and folders are NaxUserErrors naming the file', async () => {
    const base = gitSource(repo.dir, repo.baseSha);
    await expect(base.read('new.txt')).rejects.toMatchObject({ file: 'new.txt', message: `file not found in commit ${repo.baseSha.slice(0, 7)}` });
    await expect(base.read('model')).rejects.toBeInstanceOf(NaxUserError);
  });

  test('paths may not leave the root', async () => {
    const base = gitSource(repo.dir, repo.baseSha);
    await expect(base.read('../etc/passwd')).rejects.toMatchObject({ message: "path '../etc/passwd' leaves its folder '.'" });
    await expect(base.read('/etc/passwd')).rejects.toBeInstanceOf(NaxUserError);
    expect(await base.exists('../x')).toBe(false);
  });

  test('paths are relative to the working directory, so a sub-folder works as root', async () => {
    const sub = gitSource(`${repo.dir}/sub`, repo.baseSha);
    expect(new TextDecoder().decode(await sub.read('a.txt'))).toBe('in sub');
  });
});

describe('resolveBaseCommit', () => {
  const pr = () => ({ number: 2, headSha: repo.headSha, baseSha: repo.baseSha, baseRef: 'master', labels: [] });

  test('on the PR merge commit: its first parent', async () => {
    const b = await resolveBaseCommit({ repoDir: repo.dir, pullRequest: pr(), eventName: 'pull_request', payload: {} });
    expect(b).toEqual({ commit: repo.baseSha, ref: 'master', resolvedBy: 'first parent of the PR merge commit' });
  });

  test('the base-ref input overrides it', async () => {
    const b = await resolveBaseCommit({ repoDir: repo.dir, baseRef: 'changes', pullRequest: pr(), eventName: 'pull_request', payload: {} });
    expect(b).toMatchObject({ commit: repo.headSha, resolvedBy: "set by the base-ref input 'changes'" });
    await expect(resolveBaseCommit({ repoDir: repo.dir, baseRef: 'nope', eventName: 'pull_request', payload: {} }))
      .rejects.toMatchObject({ file: 'action inputs', field: 'base-ref' });
  });

  test('HEAD not the merge commit (checked out the PR head): pull_request.base.sha', async () => {
    const other = makePrRepo({ base: { a: '1' }, head: { a: '2' } });
    try {
      git(other.dir, 'checkout', '-q', '--detach', other.headSha);
      const b = await resolveBaseCommit({
        repoDir: other.dir, eventName: 'pull_request', payload: {},
        pullRequest: { number: 2, headSha: other.headSha, baseSha: other.baseSha, baseRef: 'master', labels: [] },
      });
      expect(b.commit).toBe(other.baseSha);
      expect(b.resolvedBy).toMatch(/^pull_request\.base\.sha/);
    } finally {
      other.remove();
    }
  });

  test('a base commit missing from a shallow clone is an error with the fetch-depth hint', async () => {
    await expect(resolveBaseCommit({
      repoDir: repo.dir, eventName: 'pull_request', payload: {},
      pullRequest: { ...pr(), headSha: 'a'.repeat(40), baseSha: 'b'.repeat(40) },
    })).rejects.toMatchObject({ hint: expect.stringMatching(/fetch-depth: 2/) as unknown as string });
  });

  test('not a pull request: no baseline, with the reason', async () => {
    const b = await resolveBaseCommit({ repoDir: repo.dir, eventName: 'workflow_dispatch', payload: {} });
    expect(b.commit).toBeUndefined();
    expect(b.missingReason).toMatch(/not a pull request and no base-ref input/);
    const push = await resolveBaseCommit({ repoDir: repo.dir, eventName: 'push', payload: { before: repo.baseSha } });
    expect(push).toEqual({ commit: repo.baseSha, resolvedBy: 'the commit before the push' });
  });
});

describe('symbolic links: the working tree and a commit refuse them alike', () => {
  test('a link to a file outside, a link to a folder and a file below a linked folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nax-links-'));
    try {
      git(dir, 'init', '-q', '-b', 'master');
      mkdirSync(path.join(dir, 'real'));
      writeFileSync(path.join(dir, 'real/a.json'), '{}');
      writeFileSync(path.join(dir, 'big.json'), Buffer.alloc(FILE_CAP_BYTES.document + 1, 0x20));
      symlinkSync('/etc/hostname', path.join(dir, 'out.json'));
      symlinkSync('real', path.join(dir, 'linked'));
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', 'links');
      const commit = git(dir, 'rev-parse', 'HEAD');
      const sides = [dirSource(dir), gitSource(dir, commit)];
      for (const rel of ['out.json', 'linked', 'linked/a.json']) {
        const messages = await Promise.all(sides.map(async (s) => (await userErrorOf(s.read(rel))).format()));
        expect(messages[0]).toBe(`${rel}: is a symbolic link or lies below one; nax reads only regular files of the repository (commit the file itself)`);
        expect(messages[1]).toBe(messages[0]);
      }
      for (const s of sides) {
        expect(new TextDecoder().decode(await s.read('real/a.json'))).toBe('{}');
        expect((await userErrorOf(s.read('big.json'))).message).toBe(`is ${FILE_CAP_BYTES.document + 1} bytes, larger than the ${FILE_CAP_BYTES.document}-byte cap for a document file`);
        expect(new TextDecoder().decode(await s.read('big.json', 'weights')).length).toBe(FILE_CAP_BYTES.document + 1);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
