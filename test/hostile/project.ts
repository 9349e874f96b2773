/**
 * The hostile-input suite's sandbox: a copy of the fixture project in a case folder, next to (outside it)
 * a canary file whose access time is set in the past, so any read of it moves the access time (relatime
 * updates atime when it is older than mtime). Edits that turn the copy hostile are small functions of
 * the folder, so a case is one line of the table.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The files of the fixture a case folder holds (not the training data). */
const FIXTURE_FILES = ['nax.yml', 'mapping.json', 'technology.json', 'model/model.json', 'model/weights.bin',
  'data/eval-images.npy', 'data/eval-labels.npy'];

export const CANARY_TEXT = 'NAX-CANARY-7f3a9c: this file lies outside the case folder and must never be read';
const PAST = new Date('2001-01-01T00:00:00Z');

export interface Sandbox {
  readonly root: string;
  readonly canary: string;
  /** A folder outside every case, holding a copy of the model (for a symlinked folder). */
  readonly outsideDir: string;
  /** Sets the canary's atime in the past; returns a function telling whether it was read since. */
  arm(): () => boolean;
}

export function makeSandbox(root: string): Sandbox {
  const canary = path.join(root, 'canary.txt');
  writeFileSync(canary, CANARY_TEXT);
  const outsideDir = path.join(root, 'outside');
  mkdirSync(outsideDir);
  writeFileSync(path.join(outsideDir, 'model.json'), CANARY_TEXT);
  return {
    root,
    canary,
    outsideDir,
    arm() {
      const mtime = statSync(canary).mtime;
      utimesSync(canary, PAST, mtime);
      return () => statSync(canary).atimeMs !== PAST.getTime();
    },
  };
}

/** A fresh copy of the fixture project in `dir`, with a small simulation. */
export function copyProject(dir: string): void {
  for (const f of FIXTURE_FILES) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    cpSync(path.join('fixtures', f), path.join(dir, f));
  }
  edit(dir, 'nax.yml', (t) => t.replace(/evalImages: \d+/, 'evalImages: 10').replace(/monteCarloSamples: \d+/, 'monteCarloSamples: 1')
    .replace(/batchSize: \d+/, 'batchSize: 10'));
}

export function edit(dir: string, file: string, f: (text: string) => string): void {
  const p = path.join(dir, file);
  writeFileSync(p, f(readFileSync(p, 'utf8')));
}

export function editJson(dir: string, file: string, f: (doc: any) => void): void {
  const p = path.join(dir, file);
  const doc = JSON.parse(readFileSync(p, 'utf8'));
  f(doc);
  writeFileSync(p, JSON.stringify(doc));
}

/** Replaces `file` by a symbolic link to `target`. */
export function linkTo(dir: string, file: string, target: string): void {
  const p = path.join(dir, file);
  rmSync(p, { recursive: true, force: true });
  symlinkSync(target, p);
}

/** The model topology's layers (the fixture wraps them in model_config or not). */
export function layersOf(model: any): any[] {
  const t = model.modelTopology.model_config ?? model.modelTopology;
  return Array.isArray(t.config) ? t.config : t.config.layers;
}

/** `.npy` bytes (format 1.0, little-endian) of `data` with `descr` ('<f8', '<i8', '|u1') and `shape`. */
export function npy(descr: string, shape: readonly number[], data: ArrayBufferView): Buffer {
  const dims = shape.length === 1 ? `${shape[0]},` : shape.join(', ');
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${dims}), }`;
  const total = 10 + header.length + 1;
  header += ' '.repeat((64 - (total % 64)) % 64) + '\n';
  const pre = Buffer.alloc(10);
  Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]).copy(pre);
  pre.writeUInt16LE(header.length, 8);
  return Buffer.concat([pre, Buffer.from(header, 'latin1'), Buffer.from(data.buffer, data.byteOffset, data.byteLength)]);
}
