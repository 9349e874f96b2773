/**
 * Where a search writes its results and reads its saved models back. The search core talks only to this
 * interface; the folder implementation lives at the edge (src/io/search-folder.ts), so search/ stays pure.
 */
import type { LayersModel } from '@tensorflow/tfjs-layers';
import type { NetworkGraph } from '../model/graph.js';

export interface OutputSink {
  /** Folder the relative paths below resolve against (for messages). */
  readonly root: string;
  writeText(relPath: string, text: string): Promise<void>;
  /** Saves a layers model as `relDir/model.json` + `relDir/weights.bin`. */
  saveModel(relDir: string, model: LayersModel): Promise<void>;
  /**
   * Reads a saved model back exactly as a user's model is read (model/load.ts + graphFromModel), so that
   * what is evaluated is what was written.
   */
  loadGraph(relModelJson: string): Promise<NetworkGraph>;
}
