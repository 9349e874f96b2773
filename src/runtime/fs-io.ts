/**
 * Saves a tfjs layers model to a folder in tfjs-node's layout — `model.json` (topology + weights
 * manifest) and one `weights.bin` — without tfjs-node (whose `file://` handler is all it would bring).
 * Used by the fixture training script and by the search to hand back a model. Loading is deliberately
 * not here: models are read through model/load.ts, which confines and size-checks the weight files.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** File names inside the model folder (tfjs-node's names, so tfjs tools read the folder as is). */
export const MODEL_JSON_FILE = 'model.json';
export const WEIGHTS_FILE = 'weights.bin';

/** A tfjs save handler writing `dir/model.json` and `dir/weights.bin` (the folder is created). */
export function folderSaveHandler(dir: string): tf.io.IOHandler {
  return {
    async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
      const topology = artifacts.modelTopology;
      if (topology == null || topology instanceof ArrayBuffer) {
        throw new Error('internal error: folderSaveHandler saves layers models (JSON topology), not binary graphs');
      }
      const modelJson: tf.io.ModelJSON = {
        modelTopology: topology,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
        weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs ?? [] }],
      };
      if (artifacts.trainingConfig != null) modelJson.trainingConfig = artifacts.trainingConfig;
      if (artifacts.signature != null) modelJson.signature = artifacts.signature;
      if (artifacts.userDefinedMetadata != null) modelJson.userDefinedMetadata = artifacts.userDefinedMetadata;
      const weights = artifacts.weightData === undefined ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(artifacts.weightData);
      await mkdir(dir, { recursive: true });
      // Weights first: a model.json on disk then always has its weights beside it.
      await writeFile(path.join(dir, WEIGHTS_FILE), new Uint8Array(weights));
      await writeFile(path.join(dir, MODEL_JSON_FILE), JSON.stringify(modelJson));
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },
  };
}

/**
 * Saves `model` to `dir` (model.json + weights.bin). The optimizer state is not saved: nax hands back
 * models for inference and re-training starts a fresh optimizer.
 */
export async function saveModelToFolder(model: LayersModel, dir: string): Promise<void> {
  await model.save(folderSaveHandler(dir), { includeOptimizer: false });
}
