/**
 * A FileSource over one git commit: the PR base's nax.yml, model, mapping, technology and evaluation set,
 * read from the object store with `git cat-file` (no checkout). `cat-file blob` gives the committed bytes
 * exactly (no textconv or filters, unlike `git show`). Paths are confined to the source root like the
 * working-tree source; a symbolic link is refused as in the working tree (git stores it as a blob of its
 * target path), the size cap is checked from the tree before the blob is read, and a file kept in Git
 * LFS yields its pointer, as in any checkout without LFS.
 */
import { NaxUserError, assert } from '../errors.js';
import { FILE_CAP_BYTES, confinedPath, type FileSource, symlinkError, tooLargeError } from './files.js';
import { isFullSha, runGit } from './git.js';

/** Git's file mode of a symbolic link. */
const SYMLINK_MODE = '120000';

interface TreeEntry {
  readonly mode: string;
  readonly type: string;
  readonly object: string;
  readonly size: number;
}

/**
 * Files of `commit` below `repoDir` (the working directory git runs in; paths are relative to it, so a
 * repoDir inside a larger repository works).
 */
export function gitSource(repoDir: string, commit: string): FileSource {
  assert(isFullSha(commit), () => `gitSource needs a full commit SHA, got '${commit}'`);
  const short = commit.slice(0, 7);
  /** The tree entry at a path (relative to repoDir), or undefined. Literal paths, never patterns. */
  const entry = async (inside: string): Promise<TreeEntry | undefined> => {
    const r = await runGit(repoDir, ['--literal-pathspecs', 'ls-tree', '-l', '-z', '--end-of-options', commit, '--', `./${inside}`]);
    if (r.code !== 0) return undefined;
    const line = r.stdout.toString('utf8').split('\0')[0];
    const m = /^(\d+) (\w+) ([0-9a-f]+) +(-|\d+)\t/.exec(line);
    return m ? { mode: m[1], type: m[2], object: m[3], size: m[4] === '-' ? 0 : Number(m[4]) } : undefined;
  };
  /** Like the working tree: a link anywhere on the path is refused, not reported missing. */
  const linkOnPath = async (inside: string): Promise<boolean> => {
    const parts = inside.split('/');
    for (let k = 1; k <= parts.length; k++) {
      const e = await entry(parts.slice(0, k).join('/'));
      if (!e) return false;
      if (e.mode === SYMLINK_MODE) return true;
    }
    return false;
  };
  return {
    label: `commit ${short}`,
    commit,
    async read(rel, kind = 'document') {
      const inside = confinedPath('.', rel, rel, '');
      const e = await entry(inside);
      if (!e) {
        if (await linkOnPath(inside)) throw symlinkError(rel);
        throw new NaxUserError(rel, '', `file not found in commit ${short}`);
      }
      if (e.mode === SYMLINK_MODE) throw symlinkError(rel);
      if (e.type === 'tree') throw new NaxUserError(rel, '', `is a folder in commit ${short}, expected a file`);
      if (e.type !== 'blob') throw new NaxUserError(rel, '', `is a ${e.type} in commit ${short}, expected a file`);
      if (e.size > FILE_CAP_BYTES[kind]) throw tooLargeError(rel, e.size, kind);
      const r = await runGit(repoDir, ['cat-file', 'blob', e.object]);
      if (r.code !== 0) throw new NaxUserError(rel, '', `could not read it from commit ${short}`);
      return new Uint8Array(r.stdout.buffer, r.stdout.byteOffset, r.stdout.byteLength);
    },
    async exists(rel) {
      let inside: string;
      try {
        inside = confinedPath('.', rel, rel, '');
      } catch {
        return false; // a path leaving the root does not exist here, as in the working-tree source
      }
      const e = await entry(inside);
      return e ? e.type === 'blob' : linkOnPath(inside);
    },
  };
}
