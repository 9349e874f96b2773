/**
 * Where a commit's files come from: the working tree (the CLI, the PR head) or a git commit (the PR
 * base, read with `git show` — no second checkout). Loaders read through a FileSource, so the same code
 * loads head and base. Paths are relative to the source root, '/'-separated; a path that leaves the root
 * is refused.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { NaxUserError } from '../errors.js';

export interface FileSource {
  /** Human-readable origin, e.g. 'working tree' or 'commit 1a2b3c4'. */
  readonly label: string;
  /** Commit SHA when the source is a commit. */
  readonly commit?: string;
  /** Reads a file; throws NaxUserError(file, '', 'not found') when missing. */
  read(relPath: string): Promise<Uint8Array>;
  exists(relPath: string): Promise<boolean>;
}

/**
 * Normalises a path relative to a root and refuses one that escapes it (absolute, or through '..').
 * `from` is the file that named the path (for the error message) and `field` the field that held it.
 */
export function confinedPath(root: string, relPath: string, from: string, field: string): string {
  if (relPath.includes('\0')) throw new NaxUserError(from, field, 'path contains a NUL byte');
  if (path.isAbsolute(relPath) || /^[a-zA-Z]:[\\/]/.test(relPath)) {
    throw new NaxUserError(from, field, `absolute path '${relPath}' is not allowed`, 'use a path relative to the file');
  }
  const joined = path.posix.normalize(path.posix.join(root.replaceAll('\\', '/'), relPath.replaceAll('\\', '/')));
  const base = path.posix.normalize(root.replaceAll('\\', '/'));
  const inside = base === '.' ? !joined.startsWith('../') && joined !== '..' : joined === base || joined.startsWith(`${base}/`);
  if (!inside) {
    throw new NaxUserError(from, field, `path '${relPath}' leaves its folder '${root}'`, 'files must stay inside it');
  }
  return joined;
}

/** The working tree below `rootDir`. */
export function dirSource(rootDir: string): FileSource {
  const root = path.resolve(rootDir);
  const abs = (rel: string) => path.join(root, confinedPath('.', rel, rel, ''));
  return {
    label: 'working tree',
    async read(rel) {
      try {
        return new Uint8Array(await readFile(abs(rel)));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') throw new NaxUserError(rel, '', 'file not found');
        if (code === 'EISDIR') throw new NaxUserError(rel, '', 'is a folder, expected a file');
        throw e;
      }
    },
    async exists(rel) {
      try {
        return (await stat(abs(rel))).isFile();
      } catch {
        return false;
      }
    },
  };
}
