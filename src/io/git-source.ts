/**
 * A FileSource over one git commit: the PR base's nax.yml, model, mapping, technology and evaluation set,
 * read from the object store with `git cat-file` (no checkout). `cat-file blob` gives the committed bytes
 * exactly (no textconv or filters, unlike `git show`). Paths are confined to the source root like the
 * working-tree source. A symlink yields its target path (git stores it as a blob), and a file kept in
 * Git LFS yields its pointer, as in any checkout without LFS.
 */
import { NaxUserError, assert } from '../errors.js';
import { confinedPath, type FileSource } from './files.js';
import { isFullSha, runGit } from './git.js';

/**
 * Files of `commit` below `repoDir` (the working directory git runs in; paths are relative to it, so a
 * repoDir inside a larger repository works).
 */
export function gitSource(repoDir: string, commit: string): FileSource {
  assert(isFullSha(commit), () => `gitSource needs a full commit SHA, got '${commit}'`);
  const short = commit.slice(0, 7);
  // `<commit>:./<path>` resolves the path against git's working directory (repoDir), not the repository top.
  const object = (rel: string) => `${commit}:./${confinedPath('.', rel, rel, '')}`;
  return {
    label: `commit ${short}`,
    commit,
    async read(rel) {
      const spec = object(rel);
      const type = await runGit(repoDir, ['cat-file', '-t', spec]);
      const kind = type.stdout.toString('utf8').trim();
      if (type.code !== 0) throw new NaxUserError(rel, '', `file not found in commit ${short}`);
      if (kind !== 'blob') throw new NaxUserError(rel, '', `is a ${kind === 'tree' ? 'folder' : kind} in commit ${short}, expected a file`);
      const r = await runGit(repoDir, ['cat-file', 'blob', spec]);
      if (r.code !== 0) throw new NaxUserError(rel, '', `could not read it from commit ${short}: ${r.stderr}`);
      return new Uint8Array(r.stdout.buffer, r.stdout.byteOffset, r.stdout.byteLength);
    },
    async exists(rel) {
      let spec: string;
      try {
        spec = object(rel);
      } catch {
        return false; // a path leaving the root does not exist here, as in the working-tree source
      }
      const r = await runGit(repoDir, ['cat-file', '-t', spec]);
      return r.code === 0 && r.stdout.toString('utf8').trim() === 'blob';
    },
  };
}
