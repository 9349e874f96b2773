/**
 * The few git commands nax runs, through execFile (no shell: refs and paths are never interpreted). The
 * base commit's files are read straight from the object store, so no second checkout is needed.
 */
import { execFile } from 'node:child_process';
import { NaxUserError } from '../errors.js';

/** Largest file read from git, bytes (a model's weights; nax assumption: committed models stay far below). */
const GIT_MAX_BUFFER_BYTES = 512 * 1024 * 1024;

export interface GitResult {
  readonly code: number;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/** Runs `git <args>` in `repoDir`; never throws for a non-zero exit (the caller decides). */
export function runGit(repoDir: string, args: readonly string[]): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], {
      cwd: repoDir,
      encoding: 'buffer',
      maxBuffer: GIT_MAX_BUFFER_BYTES,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
    }, (error, stdout, stderr) => {
      const errno = error as (NodeJS.ErrnoException & { code?: number | string }) | null;
      if (errno && typeof errno.code === 'string') {
        // ENOENT (git not installed), ENOBUFS (file too large): not a git answer.
        reject(new NaxUserError('git', '', `could not run git: ${errno.message}`, 'git must be on PATH'));
        return;
      }
      resolve({ code: errno ? Number(errno.code ?? 1) : 0, stdout, stderr: stderr.toString('utf8').trim() });
    });
  });
}

/** A full commit SHA (SHA-1 or SHA-256 repositories). */
export function isFullSha(s: string): boolean {
  return /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(s);
}

/**
 * The commit a ref names (branch, tag, SHA, `HEAD^1`), or undefined when the clone does not have it.
 * Refs starting with '-' are refused so they cannot be read as options.
 */
export async function resolveCommit(repoDir: string, ref: string): Promise<string | undefined> {
  if (ref.length === 0 || ref.startsWith('-') || ref.includes('\0')) return undefined;
  const r = await runGit(repoDir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  const sha = r.stdout.toString('utf8').trim();
  return r.code === 0 && isFullSha(sha) ? sha : undefined;
}

/** Parents of a commit, first parent first ([] for a root commit, undefined when the commit is unknown). */
export async function commitParents(repoDir: string, commit: string): Promise<string[] | undefined> {
  const r = await runGit(repoDir, ['rev-list', '--parents', '-n', '1', '--end-of-options', commit]);
  if (r.code !== 0) return undefined;
  const [, ...parents] = r.stdout.toString('utf8').trim().split(/\s+/);
  return parents.filter(isFullSha);
}

/** Whether `repoDir` is inside a git work tree. */
export async function isGitRepo(repoDir: string): Promise<boolean> {
  const r = await runGit(repoDir, ['rev-parse', '--is-inside-work-tree']);
  return r.code === 0 && r.stdout.toString('utf8').trim() === 'true';
}
