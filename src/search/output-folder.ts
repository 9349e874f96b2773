/**
 * Where a search writes its results. The search core only talks to this interface; the folder
 * implementation is the one place under search/ that touches the disk (through runtime/fs-io.ts for models).
 */
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { saveModelToFolder } from '../runtime/fs-io.js';

export interface OutputSink {
  /** Folder the relative paths below resolve against (for messages). */
  readonly root: string;
  writeText(relPath: string, text: string): Promise<void>;
  /** Saves a layers model as `relDir/model.json` + `relDir/weights.bin`. */
  saveModel(relDir: string, model: LayersModel): Promise<void>;
}

export function folderSink(dir: string): OutputSink {
  const abs = (rel: string) => path.join(dir, rel);
  return {
    root: dir,
    async writeText(rel, text) {
      await mkdir(path.dirname(abs(rel)), { recursive: true });
      await writeFile(abs(rel), text);
    },
    async saveModel(relDir, model) {
      await saveModelToFolder(model, abs(relDir));
    },
  };
}
