/**
 * Temporary git repositories shaped like a pull request checkout: a base commit on the base branch, a head
 * commit on the PR branch, and the merge commit GitHub builds (refs/pull/N/merge) checked out, so HEAD^1
 * is the base tip and HEAD^2 the PR head.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Environment for test commits: fixed identity and dates, no user or system git config. */
const GIT_ENV = {
  GIT_AUTHOR_NAME: 'nax test', GIT_AUTHOR_EMAIL: 'nax@example.invalid', GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_NAME: 'nax test', GIT_COMMITTER_EMAIL: 'nax@example.invalid', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
};

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' }).trim();
}

export interface PrRepo {
  readonly dir: string;
  readonly baseSha: string;
  readonly headSha: string;
  readonly mergeSha: string;
  remove(): void;
}

export type Tree = Record<string, string | Buffer | { copyFrom: string }>;

export function writeTree(dir: string, tree: Tree): void {
  for (const [rel, content] of Object.entries(tree)) {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    if (typeof content === 'object' && !Buffer.isBuffer(content)) cpSync(content.copyFrom, abs, { recursive: true });
    else writeFileSync(abs, content);
  }
}

/**
 * Builds base (files `base`), head (base plus the `head` changes; `null` deletes a file) and their merge,
 * and leaves the merge commit checked out (detached, as actions/checkout does for pull_request).
 */
export function makePrRepo(opts: { base: Tree; head: Record<string, string | Buffer | { copyFrom: string } | null> }): PrRepo {
  const dir = mkdtempSync(path.join(tmpdir(), 'nax-pr-'));
  git(dir, 'init', '-q', '-b', 'master');
  writeTree(dir, opts.base);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'base');
  const baseSha = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'checkout', '-q', '-b', 'changes');
  for (const [rel, content] of Object.entries(opts.head)) {
    if (content === null) rmSync(path.join(dir, rel), { recursive: true, force: true });
    else writeTree(dir, { [rel]: content });
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'head');
  const headSha = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'checkout', '-q', '--detach', baseSha);
  git(dir, 'merge', '-q', '--no-ff', '--no-edit', '-m', `Merge ${headSha} into ${baseSha}`, headSha);
  const mergeSha = git(dir, 'rev-parse', 'HEAD');
  return { dir, baseSha, headSha, mergeSha, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
