/**
 * The weight shapes a layers-model topology declares, inferred layer by layer from the input shape and
 * each layer's config, and checked against the weights manifest before tfjs builds anything: tfjs
 * allocates every weight at the shape the topology implies (a 35 kB model.json declaring `units: 3e7`
 * would ask for gigabytes) and only then compares with the manifest. After this check tfjs allocates
 * exactly the manifest's bytes, which the file caps bound. Channels-last only, as nax's graph builder.
 */
import { describe, type Raw } from '../config/fields.js';
import { NaxUserError } from '../errors.js';

/** Largest input of one example, elements (nax assumption: 2^22, a 1448×1448×2 image; MNIST is 784). */
export const MAX_INPUT_ELEMENTS = 2 ** 22;
/** Largest output of one layer for one example, elements (nax assumption: 2^24, 64 MB as float32). */
export const MAX_ACTIVATION_ELEMENTS = 2 ** 24;

type Shape = readonly number[];

export interface TopologyLayer {
  readonly field: string;
  readonly layer: Raw;
  /** Indices of the layers feeding this one (functional models); undefined: the previous layer. */
  readonly inputs?: readonly number[];
}

function product(s: Shape): number {
  return s.reduce((a, b) => a * b, 1);
}

export function checkTopologyShapes(
  layers: readonly TopologyLayer[],
  manifest: ReadonlyMap<string, Shape>,
  file: string,
): void {
  const outputs: (Shape | undefined)[] = [];
  const order = evaluationOrder(layers);
  for (const i of order) {
    const { field, layer } = layers[i];
    const cfg = layer.config as Raw;
    const name = String(cfg.name);
    const at = (k: string) => `${field}.config.${k}`;
    const int = (v: unknown, k: string): number => {
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) {
        throw new NaxUserError(file, at(k), `layer '${name}': expected a positive integer, found ${describe(v)}`);
      }
      return v;
    };
    const pair = (v: unknown, k: string, fallback?: number[]): [number, number] => {
      if (v === undefined && fallback) return [fallback[0], fallback[1]];
      if (typeof v === 'number') return [int(v, k), int(v, k)];
      if (Array.isArray(v) && v.length === 2) return [int(v[0], k), int(v[1], k)];
      throw new NaxUserError(file, at(k), `layer '${name}': expected a positive integer or a pair, found ${describe(v)}`);
    };
    let input: Shape | undefined;
    const declared = cfg.batch_input_shape ?? cfg.batchInputShape;
    if (declared !== undefined) {
      if (!Array.isArray(declared) || declared.length < 2) {
        throw new NaxUserError(file, at('batch_input_shape'), `expected [null, …dimensions], found ${describe(declared)}`);
      }
      input = declared.slice(1).map((d: unknown) => int(d, 'batch_input_shape'));
      if (product(input) > MAX_INPUT_ELEMENTS) {
        throw new NaxUserError(file, at('batch_input_shape'), `input of ${product(input)} elements per example, more than ${MAX_INPUT_ELEMENTS}`);
      }
    } else {
      const from = layers[i].inputs ?? (i > 0 ? [i - 1] : []);
      if (from.length === 0) throw new NaxUserError(file, field, `layer '${name}' has no input shape`, 'the first layer needs batch_input_shape');
      input = outputs[from[0]];
    }
    if (!input) throw new NaxUserError(file, field, `layer '${name}': its input's shape is unknown`);
    const rank = (r: number) => {
      if (input!.length !== r) throw new NaxUserError(file, field, `layer '${name}' of class '${layer.class_name}' needs a rank-${r} input, gets [${input!.join(', ')}]`);
    };
    const expect: Record<string, Shape> = {};
    let out: Shape = input;
    switch (layer.class_name) {
      case 'Conv2D': {
        rank(3);
        const [kh, kw] = pair(cfg.kernel_size, 'kernel_size');
        const [sh, sw] = pair(cfg.strides, 'strides', [1, 1]);
        const [dh, dw] = pair(cfg.dilation_rate, 'dilation_rate', [1, 1]);
        const filters = int(cfg.filters, 'filters');
        out = [...spatial(input, [(kh - 1) * dh + 1, (kw - 1) * dw + 1], [sh, sw], cfg.padding), filters];
        expect.kernel = [kh, kw, input[2], filters];
        if (cfg.use_bias !== false) expect.bias = [filters];
        break;
      }
      case 'Dense': {
        const units = int(cfg.units, 'units');
        out = [...input.slice(0, -1), units];
        expect.kernel = [input[input.length - 1], units];
        if (cfg.use_bias !== false) expect.bias = [units];
        break;
      }
      case 'BatchNormalization': {
        const c = [input[input.length - 1]];
        if (cfg.scale !== false) expect.gamma = c;
        if (cfg.center !== false) expect.beta = c;
        expect.moving_mean = c;
        expect.moving_variance = c;
        break;
      }
      case 'MaxPooling2D':
      case 'AveragePooling2D': {
        rank(3);
        const pool = pair(cfg.pool_size, 'pool_size', [2, 2]);
        const strides = cfg.strides === null || cfg.strides === undefined ? pool : pair(cfg.strides, 'strides');
        out = [...spatial(input, pool, strides, cfg.padding), input[2]];
        break;
      }
      case 'GlobalAveragePooling2D':
        rank(3);
        out = [input[2]];
        break;
      case 'Flatten':
        out = [product(input)];
        break;
      default:
        break; // element-wise layers and Add keep their (first) input's shape
    }
    for (const [w, shape] of Object.entries(expect)) {
      const key = `${name}/${w}`;
      const found = manifest.get(key);
      if (!found) throw new NaxUserError(file, 'weightsManifest', `no weight '${key}' (layer '${name}' needs [${shape.join(', ')}])`);
      if (found.length !== shape.length || found.some((d, k) => d !== shape[k])) {
        throw new NaxUserError(file, field, `layer '${name}' declares a ${w} of [${shape.join(', ')}], the manifest holds [${found.join(', ')}]`,
          'the topology and the weights disagree: re-export the model');
      }
    }
    if (out.some((d) => !(d >= 1)) || product(out) > MAX_ACTIVATION_ELEMENTS) {
      throw new NaxUserError(file, field, `layer '${name}' outputs [${out.join(', ')}] per example`,
        `each dimension ≥ 1, at most ${MAX_ACTIVATION_ELEMENTS} elements`);
    }
    outputs[i] = out;
  }
}

function spatial(input: Shape, k: readonly number[], s: readonly number[], padding: unknown): [number, number] {
  const same = padding === 'same';
  return [0, 1].map((d) => (same ? Math.ceil(input[d] / s[d]) : Math.floor((input[d] - k[d]) / s[d]) + 1)) as [number, number];
}

/** Layers in an order where every input comes first (functional wiring was checked acyclic). */
function evaluationOrder(layers: readonly TopologyLayer[]): number[] {
  const done = new Set<number>();
  const order: number[] = [];
  const visit = (i: number) => {
    if (done.has(i)) return;
    done.add(i);
    for (const j of layers[i].inputs ?? []) visit(j);
    order.push(i);
  };
  layers.forEach((_, i) => visit(i));
  return order;
}
