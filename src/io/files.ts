/**
 * Where a commit's files come from: the working tree (the CLI, the PR head) or a git commit (the PR
 * base, read with `git cat-file` — no second checkout). Loaders read through a FileSource, so the same
 * code loads head and base. Paths are relative to the source root, '/'-separated.
 *
 * The files are the pull request's, so reads are confined for real: a path that leaves the root, a
 * symbolic link (anywhere on the path, pointing anywhere), a folder, a device or a FIFO is refused with
 * the same message on both sides, and a file larger than its kind's cap is refused before it is read.
 * Messages name the path, never the file's contents.
 */
import { constants } from 'node:fs';
import { lstat, open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { NaxUserError } from '../errors.js';

/**
 * What a file is, for its size cap. Caps are nax assumptions, far above anything the project's own
 * fixtures need (model.json 30 kB, weights 0.4 MB, a 10 000-image uint8 set 7.8 MB) and far below a
 * runner's memory (hosted runners: 7–16 GB).
 */
export type FileKind = 'document' | 'weights' | 'dataset';

/** Largest file of each kind, bytes. */
export const FILE_CAP_BYTES: Readonly<Record<FileKind, number>> = Object.freeze({
  /** nax.yml, mapping, technology, model.json topology: text a person writes or a converter emits. */
  document: 8 * 1024 * 1024,
  /** One weight shard or a whole model file. */
  weights: 256 * 1024 * 1024,
  /** One .npy of images or labels. */
  dataset: 512 * 1024 * 1024,
});

export interface FileSource {
  /** Human-readable origin, e.g. 'working tree' or 'commit 1a2b3c4'. */
  readonly label: string;
  /** Commit SHA when the source is a commit. */
  readonly commit?: string;
  /**
   * Reads a regular file of at most FILE_CAP_BYTES[kind] (default 'document'); throws NaxUserError(file,
   * '', …) when it is missing, not a regular file, a symbolic link, or too large.
   */
  read(relPath: string, kind?: FileKind): Promise<Uint8Array>;
  /** Whether a file or a symbolic link is at the path (read() refuses the link, saying why). */
  exists(relPath: string): Promise<boolean>;
}

/** The one message for a symbolic link, so the working tree and a commit say the same. */
export function symlinkError(rel: string): NaxUserError {
  return new NaxUserError(rel, '', 'is a symbolic link or lies below one; nax reads only regular files of the repository',
    'commit the file itself');
}

export function tooLargeError(rel: string, bytes: number, kind: FileKind): NaxUserError {
  return new NaxUserError(rel, '', `is ${bytes} bytes, larger than the ${FILE_CAP_BYTES[kind]}-byte cap for a ${kind} file`);
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
  let realRoot: Promise<string> | undefined;
  const lexical = (rel: string) => confinedPath('.', rel, rel, '');
  return {
    label: 'working tree',
    async read(rel, kind = 'document') {
      const inside = lexical(rel);
      const abs = path.join(root, inside);
      let real: string;
      try {
        real = await realpath(abs);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') {
          // A dangling link is still a link.
          if (await isLinkOnPath(root, inside)) throw symlinkError(rel);
          throw new NaxUserError(rel, '', 'file not found');
        }
        if (code === 'ELOOP') throw symlinkError(rel);
        throw e;
      }
      realRoot ??= realpath(root);
      // Any link on the way makes the real path differ from the lexical one.
      if (real !== path.join(await realRoot, inside)) throw symlinkError(rel);
      return readRegularFile(abs, rel, kind);
    },
    async exists(rel) {
      try {
        const st = await lstat(path.join(root, lexical(rel)));
        return st.isFile() || st.isSymbolicLink() || (await isLinkOnPath(root, lexical(rel)));
      } catch {
        return false;
      }
    },
  };
}

/** Whether a component of `inside` (below root) is a symbolic link. */
async function isLinkOnPath(root: string, inside: string): Promise<boolean> {
  let at = root;
  for (const part of inside.split('/')) {
    at = path.join(at, part);
    try {
      if ((await lstat(at)).isSymbolicLink()) return true;
    } catch {
      return false;
    }
  }
  return false;
}

/**
 * Reads the regular file at `abs` (shown as `shownAs`), at most FILE_CAP_BYTES[kind]; a link as the last
 * component, a folder, a device or a FIFO is refused without reading.
 */
export async function readRegularFile(abs: string, shownAs: string, kind: FileKind): Promise<Uint8Array> {
  // O_NOFOLLOW: a link (or one swapped in after a check) is not followed; O_NONBLOCK: a FIFO does not hang.
  let handle;
  try {
    handle = await open(abs, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw symlinkError(shownAs);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new NaxUserError(shownAs, '', 'file not found');
    if (code === 'EACCES') throw new NaxUserError(shownAs, '', 'not readable (permission denied)');
    throw e;
  }
  try {
    const st = await handle.stat();
    if (st.isDirectory()) throw new NaxUserError(shownAs, '', 'is a folder, expected a file');
    if (!st.isFile()) throw new NaxUserError(shownAs, '', 'is not a regular file (a device, FIFO or socket)');
    const cap = FILE_CAP_BYTES[kind];
    if (st.size > cap) throw tooLargeError(shownAs, st.size, kind);
    // At most the cap plus one byte, whatever the file grows to meanwhile.
    const buf = new Uint8Array(Math.min(st.size, cap) + 1);
    let n = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, n, buf.length - n, n);
      if (bytesRead === 0 || (n += bytesRead) === buf.length) break;
    }
    if (n > cap) throw tooLargeError(shownAs, n, kind);
    return buf.subarray(0, n);
  } finally {
    await handle.close();
  }
}
