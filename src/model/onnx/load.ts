/**
 * Safe loading of an ONNX model (`.onnx`, e.g. from torch.onnx.export) through a FileSource, so the same
 * code reads the working tree or a git commit. The file is untrusted input, so:
 * - bytes that are not a well-formed ModelProto are one clear error (wire.ts checks every length);
 * - external-data files stay inside the model's folder (no `../`, no absolute paths), and their
 *   offset/length lie inside the file;
 * - every tensor holds exactly the bytes its declared dims need, checked before anything is allocated
 *   (tensor.ts), and no weight holds NaN or ±Inf (from-onnx.ts).
 * Errors name the .onnx file and the node (`graph.node[i]`) that uses the bad tensor.
 */
import path from 'node:path';
import { NaxUserError } from '../../errors.js';
import { confinedPath, type FileSource } from '../../io/files.js';
import { sha256 } from '../../io/json.js';
import type { NetworkGraph } from '../graph.js';
import { graphFromOnnx } from './from-onnx.js';
import { type OnnxModel, decodeModel } from './proto.js';
import { WireError } from './wire.js';

export interface LoadedOnnx {
  readonly graph: NetworkGraph;
  /** SHA-256 of the .onnx file followed by each external-data file it names (first use order). */
  readonly sha256: string;
}

/** Whether a model path names an ONNX file (by extension, as documented). */
export function isOnnxPath(modelPath: string): boolean {
  return modelPath.toLowerCase().endsWith('.onnx');
}

/** Parses ModelProto bytes; `file` names them in errors. */
export function parseOnnx(bytes: Uint8Array, file: string): OnnxModel {
  try {
    return decodeModel(bytes);
  } catch (e) {
    if (e instanceof WireError) {
      throw new NaxUserError(file, '', `not a valid ONNX model (${e.message})`, 'export it with torch.onnx.export; a cut-short file or a file of another format ends here');
    }
    throw e;
  }
}

export async function loadOnnxModel(source: FileSource, modelPath: string): Promise<LoadedOnnx> {
  const file = modelPath;
  const bytes = await source.read(modelPath, 'weights');
  const model = parseOnnx(bytes, file);
  const dir = path.posix.dirname(modelPath.replaceAll('\\', '/'));
  const external = new Map<string, Uint8Array>();
  const files = new Map<string, Uint8Array>();
  for (const t of model.graph.initializers) {
    if (t.dataLocation !== 1) continue;
    const user = firstUser(model, t.name);
    const where = user ? `graph.node[${user.index}]` : 'graph.initializer';
    const who = user ? `${user.opType} '${user.name}': ` : '';
    const fail = (message: string, hint?: string) => new NaxUserError(file, where, `${who}initializer '${t.name}': ${message}`, hint);
    const location = t.external.get('location');
    if (!location) throw fail('external data without a location');
    let rel: string;
    try {
      rel = confinedPath(dir, location, file, where);
    } catch (e) {
      if (e instanceof NaxUserError) throw fail(`external data ${e.message}`, 'external data must stay in the folder of the .onnx file');
      throw e;
    }
    if (!(await source.exists(rel))) throw fail(`external data file '${location}' not found (looked for ${rel} in the ${source.label})`);
    let data = files.get(rel);
    if (!data) {
      data = await source.read(rel, 'weights');
      files.set(rel, data);
    }
    const offset = integerKey(t.external.get('offset'), 0, fail);
    const length = integerKey(t.external.get('length'), data.length - offset, fail);
    if (offset > data.length || length < 0 || offset + length > data.length) {
      throw fail(`external data [${offset}, ${offset + length}) lies outside '${location}' (${data.length} bytes)`, 're-export the model');
    }
    external.set(t.name, data.subarray(offset, offset + length));
  }
  const graph = graphFromOnnx(model, file, external);
  return { graph, sha256: sha256(Buffer.concat([bytes, ...files.values()])) };
}

function integerKey(v: string | undefined, fallback: number, fail: (m: string) => NaxUserError): number {
  if (v === undefined) return fallback;
  if (!/^\d{1,15}$/.test(v)) throw fail(`external data offset/length '${v.slice(0, 20)}' is not a non-negative integer`);
  return Number(v);
}

function firstUser(model: OnnxModel, tensor: string): { index: number; name: string; opType: string } | undefined {
  const index = model.graph.nodes.findIndex((n) => n.inputs.includes(tensor));
  if (index < 0) return undefined;
  const n = model.graph.nodes[index];
  return { index, name: n.name !== '' ? n.name : `${n.opType}_${index}`, opType: n.opType };
}
