/**
 * Safe loading of a TensorFlow.js layers model (`model.json` + weight shards) through a FileSource, so the
 * same code reads the working tree or a git commit. A model file is untrusted input (it may come from a
 * fork's pull request), so before tfjs sees it:
 * - every shard path stays inside the model's folder (no `../`, no absolute paths);
 * - each manifest group's shards hold exactly the bytes its weight specs need (dtype size × shape product;
 *   quantized uint8/uint16/float16 weights count their stored size);
 * - no weight holds NaN or ±Inf.
 * Every problem is a NaxUserError naming model.json and the JSON path of the bad field.
 */
import { SUPPORTED_LAYER_CLASSES } from './from-tfjs.js';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import path from 'node:path';
import { describe, isObject, type Raw, rejectReservedName } from '../config/fields.js';
import { NaxUserError } from '../errors.js';
import { confinedPath, type FileSource } from '../io/files.js';
import { jsonSyntaxMessage } from '../io/json.js';
import { checkTopologyShapes } from './topology-shapes.js';

const CONVERT_HINT = 'nax reads TensorFlow.js layers models: tensorflowjs_converter --output_format tfjs_layers_model';

/** Bytes per stored element, by storage dtype (the quantization dtype when a weight is quantized). */
const STORED_BYTES: Readonly<Record<string, number>> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 };
const WEIGHT_DTYPES = ['float32', 'int32', 'bool'] as const;
const QUANT_DTYPES = ['uint8', 'uint16', 'float16'] as const;

interface CheckedSpec {
  readonly spec: tf.io.WeightsManifestEntry;
  readonly field: string;
  readonly bytes: number;
}

/**
 * Loads the layers model whose `model.json` is at `modelJsonPath` (relative to the source root). Weight
 * shard paths are resolved against the folder of model.json. Needs an initialised tfjs backend
 * (runtime/tfjs.ts `initBackend`). The training config, if any, is ignored: nax only runs inference and
 * re-training builds its own optimizer.
 */
export async function loadLayersModel(source: FileSource, modelJsonPath: string): Promise<tfl.LayersModel> {
  const file = modelJsonPath;
  const json = parseJson(await source.read(modelJsonPath), file);
  if (json.format === 'graph-model') {
    throw new NaxUserError(file, 'format', 'this is a TensorFlow.js graph model, not a layers model', CONVERT_HINT);
  }
  const topology = json.modelTopology;
  if (!isObject(topology)) {
    throw new NaxUserError(file, 'modelTopology', `expected the model topology object, found ${describe(topology)}`, CONVERT_HINT);
  }
  const layerList = topologyLayers(topology, file);

  const manifest = json.weightsManifest;
  if (!Array.isArray(manifest)) {
    throw new NaxUserError(file, 'weightsManifest', `expected an array of weight groups, found ${describe(manifest)}`);
  }
  const dir = path.posix.dirname(modelJsonPath.replaceAll('\\', '/'));
  const specs: tf.io.WeightsManifestEntry[] = [];
  const groupData: Uint8Array[] = [];
  for (let g = 0; g < manifest.length; g++) {
    const field = `weightsManifest[${g}]`;
    const group = manifest[g];
    if (!isObject(group)) throw new NaxUserError(file, field, `expected a weight group object, found ${describe(group)}`);
    const checked = checkSpecs(group.weights, file, `${field}.weights`);
    const data = await readGroup(source, group.paths, dir, file, `${field}.paths`);
    const need = checked.reduce((s, c) => s + c.bytes, 0);
    if (data.bytes.length !== need) {
      const last = data.paths.length - 1;
      throw new NaxUserError(file, `${field}.paths[${last}]`,
        `shard '${data.paths[last]}' ${data.bytes.length < need ? 'is truncated' : 'is too long'}: the group's ` +
          `${data.paths.length} shard(s) hold ${data.bytes.length} bytes, its ${checked.length} weights need ${need}`,
        're-export the model: the shard was cut short or extended, or the manifest edited');
    }
    checkFinite(data.bytes, checked, file);
    specs.push(...checked.map((c) => c.spec));
    groupData.push(data.bytes);
  }

  // Before tfjs allocates a weight at the topology's shape: the topology must declare the manifest's shapes.
  const manifestShapes = new Map(specs.map((s) => [s.name, s.shape] as const));
  checkTopologyShapes(layerList.layers.map((layer, i) => ({
    field: `${layerList.field}[${i}]`, layer, ...(layerList.inputs ? { inputs: layerList.inputs[i] } : {}),
  })), manifestShapes, file);

  const artifacts: tf.io.ModelArtifacts = {
    modelTopology: topology as Raw as tf.io.ModelArtifacts['modelTopology'],
    format: typeof json.format === 'string' ? json.format : undefined,
    generatedBy: typeof json.generatedBy === 'string' ? json.generatedBy : undefined,
    convertedBy: typeof json.convertedBy === 'string' ? json.convertedBy : undefined,
    weightSpecs: specs,
    weightData: concat(groupData).buffer as ArrayBuffer,
  };
  try {
    return await tfl.loadLayersModel(tf.io.fromMemory(artifacts), { strict: true });
  } catch (e) {
    throw tfjsLoadError(e, layerList, file);
  }
}

function parseJson(bytes: Uint8Array, file: string): Raw {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw new NaxUserError(file, '', jsonSyntaxMessage(e));
  }
  if (!isObject(raw)) throw new NaxUserError(file, '', `expected a JSON object, found ${describe(raw)}`);
  return raw;
}

/** The topology's layer list and its JSON path, for naming layers in errors. */
interface LayerList {
  readonly field: string;
  readonly layers: readonly Raw[];
  /** Functional models: the indices of each layer's inputs (Sequential: undefined, the previous layer). */
  inputs?: readonly (readonly number[])[];
}

function topologyLayers(topology: Raw, file: string): LayerList {
  // Keras files may wrap the model config: { model_config: { class_name, config }, training_config }.
  const wrapped = isObject(topology.model_config);
  const model = wrapped ? (topology.model_config as Raw) : topology;
  const base = wrapped ? 'modelTopology.model_config' : 'modelTopology';
  if (typeof model.class_name !== 'string') {
    throw new NaxUserError(file, `${base}.class_name`, `expected the model class name, found ${describe(model.class_name)}`, CONVERT_HINT);
  }
  const config = model.config;
  // A legacy Sequential config is the layer array itself.
  const list = Array.isArray(config) ? config : isObject(config) ? config.layers : undefined;
  const field = Array.isArray(config) ? `${base}.config` : `${base}.config.layers`;
  if (!Array.isArray(list)) throw new NaxUserError(file, field, `expected an array of layers, found ${describe(list)}`);
  list.forEach((l, i) => {
    if (!isObject(l) || typeof l.class_name !== 'string' || !isObject(l.config)) {
      throw new NaxUserError(file, `${field}[${i}]`, 'expected a layer { class_name, config }');
    }
    if (typeof l.config.name === 'string') rejectReservedName(l.config.name, file, `${field}[${i}].config.name`);
    if (NESTED_MODEL_CLASSES.includes(l.class_name)) {
      throw new NaxUserError(file, `${field}[${i}]`, `layer '${String(l.config.name)}' is a nested ${l.class_name}`,
        'flatten the model: nested models are not supported');
    }
    // Before tfjs builds anything: a class it knows but nax does not would otherwise fail later, or on a
    // malformed config with a message that does not name the layer.
    if (!(SUPPORTED_LAYER_CLASSES as readonly string[]).includes(l.class_name)) {
      throw new NaxUserError(file, `${field}[${i}]`, `layer '${String(l.config.name)}' of class '${l.class_name}' is not supported`,
        `supported: ${SUPPORTED_LAYER_CLASSES.join(', ')}`);
    }
  });
  const layers: LayerList = { field, layers: list as Raw[] };
  // A Sequential model is wired by its layer order; every other layers model lists its connections.
  if (model.class_name !== 'Sequential' && !Array.isArray(config)) layers.inputs = checkFunctionalGraph(layers, config as Raw, `${base}.config`, file);
  return layers;
}

const NESTED_MODEL_CLASSES: readonly string[] = ['Model', 'Functional', 'Sequential'];

/**
 * Checks a functional model's wiring before tfjs sees it: tfjs re-queues a layer call whose input does
 * not exist yet and loops until every call is made, so a dangling or cyclic reference in a model file
 * would hang nax forever. Every layer is called at most once (nax does not support shared layers), so
 * the wiring is a graph over layer names: each reference must name a layer of the file, node 0, and the
 * graph must be acyclic.
 */
function checkFunctionalGraph(list: LayerList, config: Raw, field: string, file: string): number[][] {
  const index = new Map<string, number>();
  list.layers.forEach((l, i) => {
    const name = l.name ?? (l.config as Raw).name;
    if (typeof name !== 'string' || name.length === 0) throw new NaxUserError(file, `${list.field}[${i}].name`, 'expected the layer name');
    if (index.has(name)) throw new NaxUserError(file, `${list.field}[${i}].name`, `layer name '${name}' is used twice`);
    index.set(name, i);
  });
  const reference = (ref: unknown, at: string): number => {
    if (!Array.isArray(ref) || typeof ref[0] !== 'string' || ref[1] !== 0 || !Number.isInteger(ref[2]) || (ref[2] as number) < 0) {
      throw new NaxUserError(file, at, `expected [layer name, 0, tensor index, kwargs], found ${JSON.stringify(ref)?.slice(0, 80)}`,
        'nax reads the Keras 2 / tfjs layers format with unshared layers');
    }
    const i = index.get(ref[0]);
    if (i === undefined) throw new NaxUserError(file, at, `no layer named '${ref[0]}' in the model`);
    return i;
  };
  const inputsOf = list.layers.map((l, i) => {
    const at = `${list.field}[${i}].inbound_nodes`;
    const nodes = l.inbound_nodes ?? [];
    if (!Array.isArray(nodes)) throw new NaxUserError(file, at, `expected an array, found ${describe(nodes)}`);
    if (nodes.length > 1) {
      throw new NaxUserError(file, at, `layer '${String((l.config as Raw).name)}' is applied ${nodes.length} times`,
        'shared layers are not supported; give each use its own layer');
    }
    if (nodes.length === 0) return [];
    if (!Array.isArray(nodes[0])) throw new NaxUserError(file, `${at}[0]`, `expected an array of inputs, found ${describe(nodes[0])}`);
    return (nodes[0] as unknown[]).map((ref, k) => reference(ref, `${at}[0][${k}]`));
  });
  for (const key of ['input_layers', 'output_layers'] as const) {
    const refs = config[key];
    if (!Array.isArray(refs) || refs.length === 0) throw new NaxUserError(file, `${field}.${key}`, `expected an array of layer references, found ${describe(refs)}`);
    refs.forEach((ref, k) => reference(ref, `${field}.${key}[${k}]`));
  }
  // Kahn's algorithm: whatever is never freed lies on a cycle.
  const pending = inputsOf.map((ins) => ins.length);
  const consumers = inputsOf.map(() => [] as number[]);
  inputsOf.forEach((ins, i) => ins.forEach((u) => consumers[u].push(i)));
  const ready = pending.flatMap((p, i) => (p === 0 ? [i] : []));
  let done = 0;
  while (ready.length > 0) {
    const u = ready.pop()!;
    done++;
    for (const v of consumers[u]) if (--pending[v] === 0) ready.push(v);
  }
  if (done < list.layers.length) {
    const i = pending.findIndex((p) => p > 0);
    throw new NaxUserError(file, `${list.field}[${i}].inbound_nodes`, `the inputs of layer '${String((list.layers[i].config as Raw).name)}' form or follow a cycle`);
  }
  return inputsOf;
}

function checkSpecs(raw: unknown, file: string, field: string): CheckedSpec[] {
  if (!Array.isArray(raw)) throw new NaxUserError(file, field, `expected an array of weight specs, found ${describe(raw)}`);
  return raw.map((s, k) => {
    const at = `${field}[${k}]`;
    if (!isObject(s)) throw new NaxUserError(file, at, `expected a weight spec object, found ${describe(s)}`);
    if (typeof s.name !== 'string' || s.name.length === 0) throw new NaxUserError(file, `${at}.name`, `expected the weight name, found ${describe(s.name)}`);
    const shape = s.shape;
    if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && (d as number) >= 0)) {
      throw new NaxUserError(file, `${at}.shape`, `expected an array of non-negative integers, found ${describe(shape)}`);
    }
    if (!(WEIGHT_DTYPES as readonly unknown[]).includes(s.dtype)) {
      throw new NaxUserError(file, `${at}.dtype`, `weight '${s.name}' has dtype ${describe(s.dtype)}`, `supported: ${WEIGHT_DTYPES.join(', ')}`);
    }
    let stored = s.dtype as string;
    if (s.quantization !== undefined) {
      const q = s.quantization;
      if (!isObject(q) || !(QUANT_DTYPES as readonly unknown[]).includes(q.dtype)) {
        throw new NaxUserError(file, `${at}.quantization.dtype`, `weight '${s.name}' has quantization ${describe(isObject(q) ? q.dtype : q)}`,
          `supported: ${QUANT_DTYPES.join(', ')}`);
      }
      stored = q.dtype as string;
      if (stored !== 'float16') {
        for (const k2 of ['scale', 'min'] as const) {
          if (typeof q[k2] !== 'number' || !Number.isFinite(q[k2])) {
            throw new NaxUserError(file, `${at}.quantization.${k2}`, `weight '${s.name}': expected a finite number, found ${describe(q[k2])}`);
          }
        }
      }
    }
    const count = (shape as number[]).reduce((a, b) => a * b, 1);
    return { spec: s as unknown as tf.io.WeightsManifestEntry, field: at, bytes: count * STORED_BYTES[stored] };
  });
}

async function readGroup(
  source: FileSource,
  raw: unknown,
  dir: string,
  file: string,
  field: string,
): Promise<{ paths: string[]; bytes: Uint8Array }> {
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new NaxUserError(file, field, `expected a non-empty array of shard file names, found ${describe(raw)}`);
  }
  const parts: Uint8Array[] = [];
  const paths: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const p = raw[i];
    const at = `${field}[${i}]`;
    if (typeof p !== 'string' || p.length === 0) throw new NaxUserError(file, at, `expected a file name, found ${describe(p)}`);
    const rel = confinedPath(dir, p, file, at);
    if (!(await source.exists(rel))) {
      throw new NaxUserError(file, at, `weight file '${p}' not found (looked for ${rel} in the ${source.label})`);
    }
    parts.push(await source.read(rel, 'weights'));
    paths.push(p);
  }
  return { paths, bytes: concat(parts) };
}

/** Refuses NaN/±Inf in float weights: one bad weight would turn every simulated accuracy into noise. */
function checkFinite(bytes: Uint8Array, specs: readonly CheckedSpec[], file: string): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let off = 0;
  for (const { spec, field, bytes: n } of specs) {
    const q = spec.quantization?.dtype;
    if (q === 'float16') {
      for (let i = 0; i < n; i += 2) {
        // Exponent all ones = Inf or NaN in IEEE half precision.
        if ((view.getUint16(off + i, true) & 0x7c00) === 0x7c00) throw nonFinite(file, field, spec.name, i / 2);
      }
    } else if (q === undefined && spec.dtype === 'float32') {
      for (let i = 0; i < n; i += 4) {
        if (!Number.isFinite(view.getFloat32(off + i, true))) throw nonFinite(file, field, spec.name, i / 4);
      }
    }
    off += n;
  }
}

function nonFinite(file: string, field: string, name: string, index: number): NaxUserError {
  return new NaxUserError(file, field, `weight '${name}' holds a non-finite value (NaN or ±Inf) at flat index ${index}`,
    'retrain or re-export the model');
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Turns tfjs' deserialisation errors (thrown on the user's topology) into user errors naming the layer. */
function tfjsLoadError(e: unknown, list: LayerList, file: string): NaxUserError {
  if (e instanceof NaxUserError) return e;
  const message = (e instanceof Error ? e.message : String(e)).split('\n')[0];
  const unknown = /Unknown layer: (\S+)/.exec(message);
  if (unknown) {
    const cls = unknown[1].replace(/\.$/, '');
    const i = list.layers.findIndex((l) => l.class_name === cls);
    const name = i >= 0 && isObject(list.layers[i].config) ? String((list.layers[i].config as Raw).name) : '?';
    return new NaxUserError(file, i >= 0 ? `${list.field}[${i}]` : list.field,
      `layer '${name}' of class '${cls}' is not a TensorFlow.js layers class`, 'custom layers are not supported');
  }
  // Weight/topology mismatches (missing, extra or mis-shaped weights) are the manifest's fault.
  const field = /weight|shape mismatch/i.test(message) ? 'weightsManifest' : 'modelTopology';
  return new NaxUserError(file, field, `TensorFlow.js could not build the model: ${message}`);
}
