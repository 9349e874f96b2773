/**
 * Converts a decoded ONNX model into nax's NetworkGraph, the same structure graphFromModel builds from a
 * tfjs model: Conv/Gemm/MatMul become matrix nodes with BatchNormalization folded in, a following bias Add
 * merged and a following activation fused; everything else becomes a float glue node.
 *
 * Layout: ONNX tensors are NCHW, nax's are NHWC. Weights are transposed once here:
 *   Conv W[cout, cin, kh, kw]  → rows (kh, kw, cin) × cols cout;   Gemm/MatMul B[k, n] → rows k × cols n.
 * A Flatten of an image [C, H, W] yields ONNX features in (c, h, w) order, nax's in (h, w, c) order; the
 * permutation is carried with the flat value (Val.perm) and applied to the rows of the Gemm/MatMul that
 * consumes it (and to a BatchNormalization on it), so the network computes the same logits.
 *
 * Padding: pads that equal tfjs 'same' (for the strides and sizes at hand) or are all zero map to 'same' /
 * 'valid'; any other Conv pads (PyTorch's stride-2 convolutions pad both sides equally, 'same' does not)
 * become a zero PadNode before a 'valid' convolution. Pooling pads must be 'same' or zero.
 *
 * Layer names are the ONNX node names (a node without a name is called `<op_type>_<index>`).
 */
import { NaxUserError } from '../../errors.js';
import type { MatrixLayerShape } from '../graph.js';
import type { Activation, AffineNode, GraphNode, MatrixNode, NetworkGraph, PadNode, PoolNode } from '../graph.js';
import type { OnnxAttribute, OnnxModel, OnnxNode, OnnxTensor } from './proto.js';
import { TensorError, tensorValues } from './tensor.js';

/** Operator types graphFromOnnx understands (default domain). */
export const SUPPORTED_ONNX_OPS = [
  'Conv', 'Gemm', 'MatMul', 'Add', 'BatchNormalization', 'Relu', 'Clip', 'Sigmoid', 'Tanh', 'Softmax',
  'MaxPool', 'AveragePool', 'GlobalAveragePool', 'Flatten', 'Reshape', 'Pad', 'Identity', 'Dropout', 'Constant',
] as const;

/** Default-domain opsets accepted. The supported ops keep their meaning over this range (tested: 13, 17). */
export const OPSET_MIN = 9;
export const OPSET_MAX = 21;

type Draft<T> = { -readonly [K in keyof T]: T[K] };

/** A tensor of the running network. */
interface Val {
  /** Graph node computing it (a folded, fused or skipped ONNX node maps to an earlier one). */
  readonly node: string;
  /** True when nothing else sees that node's output, so a following node may be folded or fused into it. */
  readonly exclusive: boolean;
  /** Per-image shape in ONNX order: an image [C, H, W] (nax holds it as [H, W, C]) or features [F]. */
  readonly shape: readonly number[];
  /** Flat features only: nax position r holds ONNX feature perm[r]; absent = identity. */
  readonly perm?: Int32Array;
}

/** A constant: an initializer, a Constant node's value, or an Identity of either. */
interface Const {
  readonly tensor: OnnxTensor;
  values?: Float64Array;
}

/**
 * Builds the NetworkGraph of `model`. `file` names the .onnx file in errors, whose field is
 * `graph.node[i]` (or `graph.input`, `graph.output`); `external` maps initializer names to the bytes the
 * loader read from their external-data files.
 */
export function graphFromOnnx(model: OnnxModel, file: string, external: ReadonlyMap<string, Uint8Array> = new Map()): NetworkGraph {
  return new Converter(model, file, external).run();
}

class Converter {
  private readonly nodes: Array<Draft<GraphNode>> = [];
  private readonly byName = new Map<string, Draft<GraphNode>>();
  private readonly vals = new Map<string, Val>();
  private readonly consts = new Map<string, Const>();
  private readonly consumers = new Map<string, number>();
  private readonly taken = new Set<string>();
  private readonly opset: number;

  constructor(
    private readonly model: OnnxModel,
    private readonly file: string,
    private readonly external: ReadonlyMap<string, Uint8Array>,
  ) {
    const ops = model.opsets.filter((o) => o.domain === '' || o.domain === 'ai.onnx');
    if (ops.length !== 1) throw new NaxUserError(file, 'opset_import', 'no opset of the default ONNX domain', 'export with torch.onnx.export');
    this.opset = ops[0].version;
    if (this.opset < OPSET_MIN || this.opset > OPSET_MAX) {
      throw new NaxUserError(file, 'opset_import', `opset ${this.opset} is not supported`, `supported: opsets ${OPSET_MIN}–${OPSET_MAX}`);
    }
  }

  run(): NetworkGraph {
    const { graph } = this.model;
    const file = this.file;
    for (const t of graph.initializers) this.consts.set(t.name, { tensor: t });
    const inputs = graph.inputs.filter((v) => !this.consts.has(v.name));
    if (inputs.length !== 1 || graph.outputs.length !== 1) {
      throw new NaxUserError(file, 'graph', `the graph has ${inputs.length} inputs and ${graph.outputs.length} outputs`,
        'nax simulates classifiers with one image input and one output');
    }
    const input = inputs[0];
    const d = input.dims ?? [];
    if (input.elemType !== 1 || d.length !== 4 || !d.slice(1).every((x) => typeof x === 'number' && x > 0)) {
      throw new NaxUserError(file, 'graph.input', `input '${input.name}' is [${d.map((x) => x ?? '?').join(', ')}] of ${input.elemType === 1 ? 'float' : `type ${input.elemType}`}`,
        'nax needs a float image input [batch, channels, height, width] with fixed channels, height and width');
    }
    const [c, h, w] = d.slice(1) as number[];
    this.vals.set(input.name, { node: input.name, exclusive: true, shape: [c, h, w] });
    this.taken.add(input.name);

    for (const n of graph.nodes) for (const x of n.inputs) if (x !== '') this.consumers.set(x, (this.consumers.get(x) ?? 0) + 1);
    const outName = graph.outputs[0].name;
    this.consumers.set(outName, (this.consumers.get(outName) ?? 0) + 1);

    graph.nodes.forEach((n, i) => this.convert(n, i, this.nodeName(n, i)));

    const out = this.vals.get(outName);
    if (!out) throw new NaxUserError(file, 'graph.output', `output '${outName}' is not computed by any node`);
    if (out.shape.length !== 1 || (out.perm && out.perm.some((p, r) => p !== r))) {
      throw new NaxUserError(file, 'graph.output', `output '${outName}' has shape [${out.shape.join(', ')}] per image`,
        'nax needs class scores [classes]; end the model with a Gemm/Linear layer');
    }
    return Object.freeze({
      input: input.name,
      inputShape: Object.freeze([h, w, c]) as readonly [number, number, number],
      nodes: Object.freeze(this.nodes.map((n) => Object.freeze(n) as GraphNode)),
      output: out.node,
    });
  }

  private nodeName(n: OnnxNode, i: number): string {
    const name = n.name !== '' ? n.name : `${n.opType}_${i}`;
    if (this.taken.has(name)) throw new NaxUserError(this.file, `graph.node[${i}]`, `node name '${name}' is used twice`, 'give every node a unique name');
    this.taken.add(name);
    return name;
  }

  private fail(i: number, n: OnnxNode, name: string, message: string, hint?: string): NaxUserError {
    return new NaxUserError(this.file, `graph.node[${i}]`, `${n.opType} '${name}': ${message}`, hint);
  }

  private convert(n: OnnxNode, i: number, name: string): void {
    const supported = (SUPPORTED_ONNX_OPS as readonly string[]).includes(n.opType);
    if ((n.domain !== '' && n.domain !== 'ai.onnx') || !supported) {
      throw new NaxUserError(this.file, `graph.node[${i}]`,
        `node '${name}' of op type '${n.domain ? `${n.domain}.` : ''}${n.opType}' (opset ${this.opset}) is not supported`,
        `supported: ${SUPPORTED_ONNX_OPS.join(', ')}`);
    }
    const ctx: Ctx = { n, i, name };
    switch (n.opType) {
      case 'Constant': return this.constant(ctx);
      case 'Identity':
      case 'Dropout': return this.identity(ctx);
      case 'Conv': return this.conv(ctx);
      case 'Gemm': return this.gemm(ctx);
      case 'MatMul': return this.matmul(ctx);
      case 'Add': return this.addOp(ctx);
      case 'BatchNormalization': return this.batchNorm(ctx);
      case 'Relu': return this.activation(ctx, 'relu');
      case 'Sigmoid': return this.activation(ctx, 'sigmoid');
      case 'Tanh': return this.activation(ctx, 'tanh');
      case 'Clip': return this.activation(ctx, this.clip(ctx));
      case 'Softmax': return this.softmax(ctx);
      case 'MaxPool':
      case 'AveragePool': return this.pool(ctx);
      case 'GlobalAveragePool': {
        const x = this.image(ctx, 0);
        this.add(ctx, { op: 'globalAvgPool', name, input: x.node }, [x.shape[0]]);
        return;
      }
      case 'Flatten': {
        const axis = this.intAttr(ctx, 'axis', 1);
        if (axis !== 1) throw this.fail(i, n, name, `flattens from axis ${axis}`, 'supported: axis 1 (keep the batch axis)');
        return this.flatten(ctx);
      }
      case 'Reshape': return this.reshape(ctx);
      case 'Pad': return this.pad(ctx);
    }
  }

  // ---- inputs, constants, attributes ----

  private val(ctx: Ctx, k: number): Val {
    const x = ctx.n.inputs[k];
    if (x === undefined || x === '') throw this.fail(ctx.i, ctx.n, ctx.name, `input ${k} is missing`);
    const v = this.vals.get(x);
    if (v) return v;
    if (this.consts.has(x)) {
      throw this.fail(ctx.i, ctx.n, ctx.name, `input ${k} '${x}' is a constant`, 'nax supports constants only as weights, biases and shapes');
    }
    throw this.fail(ctx.i, ctx.n, ctx.name, `input '${x}' is not produced by an earlier node`, 'the nodes must be in topological order');
  }

  private image(ctx: Ctx, k: number): Val {
    const v = this.val(ctx, k);
    if (v.shape.length !== 3) {
      throw this.fail(ctx.i, ctx.n, ctx.name, `needs an image input [C, H, W], got [${v.shape.join(', ')}]`);
    }
    return v;
  }

  private isConst(ctx: Ctx, k: number): boolean {
    const x = ctx.n.inputs[k];
    return x !== undefined && x !== '' && this.consts.has(x);
  }

  /** A constant input's dims and values, checked finite; undefined when the optional input is absent. */
  private constInput(ctx: Ctx, k: number, what: string, optional = false): { dims: readonly number[]; values: Float64Array } | undefined {
    const x = ctx.n.inputs[k];
    if (x === undefined || x === '') {
      if (optional) return undefined;
      throw this.fail(ctx.i, ctx.n, ctx.name, `has no ${what}`);
    }
    const c = this.consts.get(x);
    if (!c) throw this.fail(ctx.i, ctx.n, ctx.name, `${what} '${x}' is not a constant (initializer or Constant node)`, 'nax reads weights from initializers');
    if (!c.values) {
      try {
        c.values = tensorValues(c.tensor, this.external.get(c.tensor.name));
      } catch (e) {
        if (e instanceof TensorError) throw this.fail(ctx.i, ctx.n, ctx.name, `${what}: ${e.message}`, 're-export the model');
        throw e;
      }
      const bad = c.values.findIndex((v) => !Number.isFinite(v));
      if (bad >= 0) {
        throw this.fail(ctx.i, ctx.n, ctx.name, `${what} '${x}' holds a non-finite value (NaN or ±Inf) at flat index ${bad}`, 'retrain or re-export the model');
      }
    }
    return { dims: c.tensor.dims, values: c.values };
  }

  private attr(ctx: Ctx, key: string): OnnxAttribute | undefined {
    return ctx.n.attributes.find((a) => a.name === key);
  }

  private intAttr(ctx: Ctx, key: string, fallback: number): number {
    return this.attr(ctx, key)?.i ?? fallback;
  }

  private floatAttr(ctx: Ctx, key: string, fallback: number): number {
    return this.attr(ctx, key)?.f ?? fallback;
  }

  private intsAttr(ctx: Ctx, key: string, fallback: readonly number[]): readonly number[] {
    const a = this.attr(ctx, key);
    return a && a.ints.length > 0 ? a.ints : fallback;
  }

  private stringAttr(ctx: Ctx, key: string, fallback: string): string {
    const s = this.attr(ctx, key)?.s;
    return s ? new TextDecoder().decode(s) : fallback;
  }

  /** Refuses a node whose extra outputs (Dropout mask, MaxPool indices, BN training statistics) are used. */
  private onlyFirstOutput(ctx: Ctx): void {
    const used = ctx.n.outputs.slice(1).find((o) => o !== '' && this.consumers.has(o));
    if (used) throw this.fail(ctx.i, ctx.n, ctx.name, `output '${used}' is used`, 'nax computes inference graphs; only the first output may be used');
  }

  // ---- graph building ----

  private freshName(base: string): string {
    let name = base;
    for (let k = 1; this.taken.has(name); k++) name = `${base}_${k}`;
    this.taken.add(name);
    return name;
  }

  private add(ctx: Ctx, node: GraphNode, shape: readonly number[], perm?: Int32Array): void {
    const draft = { ...node } as Draft<GraphNode>;
    this.nodes.push(draft);
    this.byName.set(node.name, draft);
    if (ctx.n.outputs[0]) this.vals.set(ctx.n.outputs[0], { node: node.name, exclusive: true, shape, ...(perm ? { perm } : {}) });
  }

  /** The node's first output is the value of its first input (nothing added to the graph). */
  private alias(ctx: Ctx, v: Val): void {
    const from = ctx.n.inputs[0];
    this.vals.set(ctx.n.outputs[0], { ...v, exclusive: v.exclusive && this.consumers.get(from) === 1 });
  }

  /** The graph node holding input k's value, if this node may fold or fuse into it. */
  private mergeTarget(ctx: Ctx, k: number, v: Val): Draft<GraphNode> | undefined {
    if (!v.exclusive || this.consumers.get(ctx.n.inputs[k]) !== 1) return undefined;
    return this.byName.get(v.node);
  }

  // ---- operators ----

  private constant(ctx: Ctx): void {
    const a = ctx.n.attributes[0];
    let tensor: OnnxTensor | undefined = a?.t;
    if (!tensor && a && (a.name === 'value_ints' || a.name === 'value_int' || a.name === 'value_floats' || a.name === 'value_float')) {
      const list = a.name === 'value_ints' ? a.ints : a.name === 'value_int' ? [a.i ?? 0] : a.name === 'value_floats' ? a.floats : [a.f ?? 0];
      const isInt = a.name.startsWith('value_int');
      tensor = {
        name: ctx.n.outputs[0], dims: a.name.endsWith('s') ? [list.length] : [], dataType: isInt ? 7 : 1,
        floatData: isInt ? [] : list, int32Data: [], int64Data: isInt ? list : [], doubleData: [], external: new Map(), dataLocation: 0,
      };
    }
    if (!tensor) throw this.fail(ctx.i, ctx.n, ctx.name, `value of kind '${a?.name ?? 'none'}' is not supported`, 'supported: value, value_ints, value_floats');
    this.consts.set(ctx.n.outputs[0], { tensor: { ...tensor, name: tensor.name || ctx.n.outputs[0] } });
  }

  private identity(ctx: Ctx): void {
    this.onlyFirstOutput(ctx);
    const x = ctx.n.inputs[0];
    const c = x ? this.consts.get(x) : undefined;
    if (c) {
      this.consts.set(ctx.n.outputs[0], c);
      return;
    }
    this.alias(ctx, this.val(ctx, 0));
  }

  private conv(ctx: Ctx): void {
    const { n, i, name } = ctx;
    const x = this.image(ctx, 0);
    const [cin, inH, inW] = x.shape;
    const W = this.constInput(ctx, 1, 'weight')!;
    if (W.dims.length !== 4) throw this.fail(i, n, name, `weight is [${W.dims.join(', ')}]`, 'supported: 2-D convolution, weight [Cout, Cin, kH, kW]');
    const [cout, cinG, kh, kw] = W.dims;
    const group = this.intAttr(ctx, 'group', 1);
    if (group !== 1) {
      throw this.fail(i, n, name, group === cin && cinG === 1 ? `is a depthwise convolution (group ${group})` : `is a grouped convolution (group ${group})`,
        'supported: group 1 (a crossbar holds a dense weight matrix)');
    }
    if (cinG !== cin) throw this.fail(i, n, name, `weight [${W.dims.join(', ')}] expects ${cinG} input channels, its input has ${cin}`, 're-export the model');
    const kernel = this.intsAttr(ctx, 'kernel_shape', [kh, kw]);
    if (kernel.length !== 2 || kernel[0] !== kh || kernel[1] !== kw) throw this.fail(i, n, name, `kernel_shape [${kernel.join(', ')}] does not match the weight [${W.dims.join(', ')}]`);
    const dil = this.intsAttr(ctx, 'dilations', [1, 1]);
    if (dil.some((v) => v !== 1)) throw this.fail(i, n, name, `is dilated [${dil.join(', ')}]`, 'supported: dilation 1');
    const [sh, sw] = this.pair(ctx, 'strides');
    const [pt, pl, pb, pr] = this.pads(ctx, [inH, inW], [kh, kw], [sh, sw]);
    const outH = Math.floor((inH + pt + pb - kh) / sh) + 1;
    const outW = Math.floor((inW + pl + pr - kw) / sw) + 1;
    if (outH < 1 || outW < 1) throw this.fail(i, n, name, `a ${kh}×${kw} kernel does not fit its ${inH}×${inW} input`);

    let input = x.node;
    let padding: 'same' | 'valid' = 'valid';
    let [h, w] = [inH, inW];
    if (pt + pl + pb + pr > 0) {
      if (isSame([inH, inW], [kh, kw], [sh, sw], [pt, pl], [outH, outW])) {
        padding = 'same';
      } else {
        const pad: Draft<PadNode> = { op: 'pad', name: this.freshName(`${name}/pad`), input, top: pt, bottom: pb, left: pl, right: pr };
        this.nodes.push(pad);
        this.byName.set(pad.name, pad);
        input = pad.name;
        [h, w] = [inH + pt + pb, inW + pl + pr];
      }
    }
    // W[co][ci][y][x] → rows (y, x, ci), cols co.
    const weights = new Float32Array(kh * kw * cin * cout);
    for (let co = 0; co < cout; co++) {
      for (let ci = 0; ci < cin; ci++) {
        for (let y = 0; y < kh; y++) {
          for (let xx = 0; xx < kw; xx++) weights[((y * kw + xx) * cin + ci) * cout + co] = W.values[((co * cin + ci) * kh + y) * kw + xx];
        }
      }
    }
    const bias = this.vector(ctx, 2, 'bias', cout, true);
    const shape: MatrixLayerShape = {
      name, kind: 'conv2d', kernelH: kh, kernelW: kw, inChannels: cin, outChannels: cout, outH, outW, strideH: sh, strideW: sw, inH: h, inW: w,
    };
    const node: MatrixNode = { op: 'matrix', name, input, shape, weights, bias, padding, activation: 'linear' };
    this.add(ctx, node, [cout, outH, outW]);
  }

  /** A 1-D constant of `length` values (absent optional input → zeros). */
  private vector(ctx: Ctx, k: number, what: string, length: number, optional: boolean): Float32Array {
    const c = this.constInput(ctx, k, what, optional);
    if (!c) return new Float32Array(length);
    if (c.values.length !== length) throw this.fail(ctx.i, ctx.n, ctx.name, `${what} has ${c.values.length} values, expected ${length}`, 're-export the model');
    return Float32Array.from(c.values);
  }

  private pair(ctx: Ctx, key: string): [number, number] {
    const v = this.intsAttr(ctx, key, [1, 1]);
    if (v.length !== 2 || v.some((x) => !Number.isInteger(x) || x < 1)) throw this.fail(ctx.i, ctx.n, ctx.name, `${key} [${v.join(', ')}]`, 'expected two positive integers');
    return [v[0], v[1]];
  }

  /** Pads [top, left, bottom, right] from `pads` or `auto_pad`. */
  private pads(ctx: Ctx, size: readonly number[], k: readonly number[], s: readonly number[]): [number, number, number, number] {
    const auto = this.stringAttr(ctx, 'auto_pad', 'NOTSET');
    if (auto === 'VALID') return [0, 0, 0, 0];
    if (auto === 'SAME_UPPER' || auto === 'SAME_LOWER') {
      const t = [0, 1].map((a) => Math.max((Math.ceil(size[a] / s[a]) - 1) * s[a] + k[a] - size[a], 0));
      const begin = t.map((x) => (auto === 'SAME_UPPER' ? Math.floor(x / 2) : Math.ceil(x / 2)));
      return [begin[0], begin[1], t[0] - begin[0], t[1] - begin[1]];
    }
    if (auto !== 'NOTSET') throw this.fail(ctx.i, ctx.n, ctx.name, `auto_pad '${auto}'`, 'supported: NOTSET, VALID, SAME_UPPER, SAME_LOWER');
    const p = this.intsAttr(ctx, 'pads', [0, 0, 0, 0]);
    if (p.length !== 4 || p.some((x) => !Number.isInteger(x) || x < 0)) throw this.fail(ctx.i, ctx.n, ctx.name, `pads [${p.join(', ')}]`, 'expected four non-negative integers');
    return [p[0], p[1], p[2], p[3]];
  }

  private gemm(ctx: Ctx): void {
    const { n, i, name } = ctx;
    if (this.intAttr(ctx, 'transA', 0) !== 0) throw this.fail(i, n, name, 'transposes its input (transA = 1)', 'supported: transA 0');
    const alpha = this.floatAttr(ctx, 'alpha', 1);
    const beta = this.floatAttr(ctx, 'beta', 1);
    const transB = this.intAttr(ctx, 'transB', 0) === 1;
    const x = this.val(ctx, 0);
    const B = this.constInput(ctx, 1, 'weight')!;
    if (B.dims.length !== 2) throw this.fail(i, n, name, `weight is [${B.dims.join(', ')}]`, 'expected a matrix');
    const [kIn, nOut] = transB ? [B.dims[1], B.dims[0]] : [B.dims[0], B.dims[1]];
    const at = (k: number, j: number) => (transB ? B.values[j * kIn + k] : B.values[k * nOut + j]);
    const C = this.constInput(ctx, 2, 'bias', true);
    let bias = new Float32Array(nOut);
    if (C) {
      if (C.values.length !== nOut && C.values.length !== 1) throw this.fail(i, n, name, `bias has ${C.values.length} values, expected ${nOut}`, 're-export the model');
      bias = Float32Array.from({ length: nOut }, (_, j) => beta * C.values[C.values.length === 1 ? 0 : j]);
    }
    this.dense(ctx, x, kIn, nOut, (k, j) => alpha * at(k, j), bias);
  }

  private matmul(ctx: Ctx): void {
    const x = this.val(ctx, 0);
    const B = this.constInput(ctx, 1, 'weight')!;
    if (B.dims.length !== 2) throw this.fail(ctx.i, ctx.n, ctx.name, `weight is [${B.dims.join(', ')}]`, 'supported: a constant matrix [K, N] as the second input');
    const [kIn, nOut] = B.dims;
    this.dense(ctx, x, kIn, nOut, (k, j) => B.values[k * nOut + j], new Float32Array(nOut));
  }

  /** A dense matrix node y = x·W + b over flat features; W(k, j) in ONNX feature order. */
  private dense(ctx: Ctx, x: Val, kIn: number, nOut: number, W: (k: number, j: number) => number, bias: Float32Array): void {
    if (x.shape.length !== 1) {
      throw this.fail(ctx.i, ctx.n, ctx.name, `needs flat features [K], got [${x.shape.join(', ')}]`, 'flatten the feature map first (torch.flatten / nn.Flatten)');
    }
    if (x.shape[0] !== kIn) throw this.fail(ctx.i, ctx.n, ctx.name, `weight expects ${kIn} input features, its input has ${x.shape[0]}`, 're-export the model');
    const weights = new Float32Array(kIn * nOut);
    for (let r = 0; r < kIn; r++) {
      const k = x.perm ? x.perm[r] : r;
      for (let j = 0; j < nOut; j++) weights[r * nOut + j] = W(k, j);
    }
    const shape: MatrixLayerShape = {
      name: ctx.name, kind: 'dense', kernelH: 1, kernelW: 1, inChannels: kIn, outChannels: nOut, outH: 1, outW: 1, strideH: 1, strideW: 1, inH: 1, inW: 1,
    };
    const node: MatrixNode = { op: 'matrix', name: ctx.name, input: x.node, shape, weights, bias, padding: 'valid', activation: 'linear' };
    this.add(ctx, node, [nOut]);
  }

  private addOp(ctx: Ctx): void {
    const { n, i, name } = ctx;
    if (n.inputs.length !== 2) throw this.fail(i, n, name, `has ${n.inputs.length} inputs, expected 2`);
    const ci = [0, 1].filter((k) => this.isConst(ctx, k));
    if (ci.length === 2) throw this.fail(i, n, name, 'adds two constants', 'fold constants before export (do_constant_folding=True)');
    if (ci.length === 1) return this.biasAdd(ctx, 1 - ci[0], ci[0]);
    const a = this.val(ctx, 0);
    const b = this.val(ctx, 1);
    const same = a.shape.join() === b.shape.join() && (a.perm ?? []).join() === (b.perm ?? []).join();
    if (!same) {
      throw this.fail(i, n, name, `adds shapes [${a.shape.join(', ')}] and [${b.shape.join(', ')}]`, 'supported: inputs of equal shape (no broadcasting)');
    }
    this.add(ctx, { op: 'add', name, inputs: [a.node, b.node], activation: 'linear' }, a.shape, a.perm);
  }

  /** x + constant: merged into the bias of the matrix node computing x (MatMul + Add is how Linear exports without Gemm). */
  private biasAdd(ctx: Ctx, kx: number, kc: number): void {
    const x = this.val(ctx, kx);
    const c = this.constInput(ctx, kc, 'addend')!;
    const target = this.mergeTarget(ctx, kx, x);
    const channels = x.shape[0];
    // Broadcast per channel: [C], [1, C] (features) or [C, 1, 1], [1, C, 1, 1] (images); or a scalar.
    const dims = [...c.dims];
    while (dims.length > x.shape.length && dims[0] === 1) dims.shift();
    const perChannel = c.values.length === 1 || (dims[0] === channels && dims.slice(1).every((d) => d === 1) && dims.length === x.shape.length);
    if (target?.op !== 'matrix' || target.activation !== 'linear' || !perChannel) {
      throw this.fail(ctx.i, ctx.n, ctx.name, `adds a constant [${c.dims.join(', ')}] to '${ctx.n.inputs[kx]}'`,
        'supported: a per-channel constant added to the output of a Conv, Gemm or MatMul (its bias)');
    }
    target.bias = Float32Array.from(target.bias, (b, k) => b + c.values[c.values.length === 1 ? 0 : k]);
    this.vals.set(ctx.n.outputs[0], { ...x, exclusive: x.exclusive && this.consumers.get(ctx.n.inputs[kx]) === 1 });
  }

  private batchNorm(ctx: Ctx): void {
    const { n, i, name } = ctx;
    if (this.intAttr(ctx, 'training_mode', 0) !== 0) throw this.fail(i, n, name, 'is in training mode', 'export the model in eval mode (model.eval())');
    this.onlyFirstOutput(ctx);
    const x = this.val(ctx, 0);
    const c = x.shape[0];
    const eps = this.floatAttr(ctx, 'epsilon', 1e-5);
    const gamma = this.vector(ctx, 1, 'scale', c, false);
    const beta = this.vector(ctx, 2, 'bias (B)', c, false);
    const mean = this.vector(ctx, 3, 'running mean', c, false);
    const variance = this.vector(ctx, 4, 'running variance', c, false);
    // Float64 for the fold itself (s = γ/√(var + ε)), stored as float32 like every weight.
    const s = Array.from({ length: c }, (_, k) => gamma[k] / Math.sqrt(variance[k] + eps));
    const target = this.mergeTarget(ctx, 0, x);
    if (target?.op === 'matrix' && target.activation === 'linear') {
      const cols = target.shape.outChannels;
      const w = target.weights;
      target.weights = Float32Array.from(w, (v, idx) => v * s[idx % cols]);
      target.bias = Float32Array.from({ length: cols }, (_, k) => (target.bias[k] - mean[k]) * s[k] + beta[k]);
      this.alias(ctx, x);
      return;
    }
    // nax channel order: images are NHWC, so channel k is ONNX channel k; flat features follow perm.
    const at = (r: number) => (x.perm && x.shape.length === 1 ? x.perm[r] : r);
    const node: AffineNode = {
      op: 'affine', name, input: x.node,
      scale: Float32Array.from({ length: c }, (_, r) => s[at(r)]),
      offset: Float32Array.from({ length: c }, (_, r) => beta[at(r)] - mean[at(r)] * s[at(r)]),
    };
    this.add(ctx, node, x.shape, x.perm);
  }

  private clip(ctx: Ctx): Activation {
    let lo = -Infinity;
    let hi = Infinity;
    if (this.opset < 11) {
      lo = this.floatAttr(ctx, 'min', lo);
      hi = this.floatAttr(ctx, 'max', hi);
    } else {
      const bound = (k: number, what: string) => {
        const c = this.constInput(ctx, k, what, true);
        if (c && c.values.length !== 1) throw this.fail(ctx.i, ctx.n, ctx.name, `${what} has ${c.values.length} values`, 'expected a scalar');
        return c?.values[0];
      };
      lo = bound(1, 'min') ?? lo;
      hi = bound(2, 'max') ?? hi;
    }
    if (lo === 0 && hi === 6) return 'relu6';
    if (lo === 0 && hi === Infinity) return 'relu';
    throw this.fail(ctx.i, ctx.n, ctx.name, `clips to [${lo}, ${hi}]`, 'supported: [0, 6] (ReLU6) and [0, ∞) (ReLU)');
  }

  private softmax(ctx: Ctx): void {
    const x = this.val(ctx, 0);
    const axis = this.intAttr(ctx, 'axis', this.opset < 13 ? 1 : -1);
    if (x.shape.length !== 1 || (axis !== 1 && axis !== -1)) {
      throw this.fail(ctx.i, ctx.n, ctx.name, `softmax over axis ${axis} of [${x.shape.join(', ')}]`, 'supported: the class axis of [batch, classes]');
    }
    this.activation(ctx, 'softmax');
  }

  private activation(ctx: Ctx, activation: Activation): void {
    const x = this.val(ctx, 0);
    const target = this.mergeTarget(ctx, 0, x);
    if ((target?.op === 'matrix' || target?.op === 'add') && target.activation === 'linear') {
      target.activation = activation;
      this.alias(ctx, x);
      return;
    }
    this.add(ctx, { op: 'activation', name: ctx.name, input: x.node, activation }, x.shape, x.perm);
  }

  private pool(ctx: Ctx): void {
    const { n, i, name } = ctx;
    this.onlyFirstOutput(ctx);
    const x = this.image(ctx, 0);
    const [, inH, inW] = x.shape;
    const kernel = this.intsAttr(ctx, 'kernel_shape', []);
    if (kernel.length !== 2 || kernel.some((v) => v < 1)) throw this.fail(i, n, name, `kernel_shape [${kernel.join(', ')}]`, 'supported: 2-D pooling');
    const [kh, kw] = kernel;
    const [sh, sw] = this.pair(ctx, 'strides');
    if (this.intsAttr(ctx, 'dilations', [1, 1]).some((v) => v !== 1)) throw this.fail(i, n, name, 'is dilated', 'supported: dilation 1');
    const [pt, pl, pb, pr] = this.pads(ctx, [inH, inW], [kh, kw], [sh, sw]);
    const ceil = this.intAttr(ctx, 'ceil_mode', 0) === 1;
    const size = (len: number, p: number, k: number, s: number) => (ceil ? Math.ceil : Math.floor)((len + p - k) / s) + 1;
    const outH = size(inH, pt + pb, kh, sh);
    const outW = size(inW, pl + pr, kw, sw);
    if (ceil && (outH !== Math.floor((inH + pt + pb - kh) / sh) + 1 || outW !== Math.floor((inW + pl + pr - kw) / sw) + 1)) {
      throw this.fail(i, n, name, 'uses ceil_mode and its windows overhang the input', 'supported: ceil_mode 0');
    }
    let padding: 'same' | 'valid' = 'valid';
    if (pt + pl + pb + pr > 0) {
      const includePad = n.opType === 'AveragePool' && this.intAttr(ctx, 'count_include_pad', 0) === 1;
      if (includePad || !isSame([inH, inW], [kh, kw], [sh, sw], [pt, pl], [outH, outW])) {
        throw this.fail(i, n, name, `pads [${[pt, pl, pb, pr].join(', ')}]${includePad ? ' with count_include_pad' : ''}`,
          "supported: no padding, or padding equal to TensorFlow's 'same' (pad the input with a Pad node instead)");
      }
      padding = 'same';
    }
    const node: PoolNode = { op: n.opType === 'MaxPool' ? 'maxPool' : 'avgPool', name, input: x.node, poolH: kh, poolW: kw, strideH: sh, strideW: sw, padding };
    this.add(ctx, node, [x.shape[0], outH, outW]);
  }

  /** An image [C, H, W] to features in nax's (h, w, c) order, remembering ONNX's (c, h, w) order. */
  private flatten(ctx: Ctx): void {
    const x = this.val(ctx, 0);
    if (x.shape.length === 1) return this.alias(ctx, x);
    const [c, h, w] = x.shape;
    let perm: Int32Array | undefined;
    if (h * w > 1) {
      perm = new Int32Array(c * h * w);
      for (let y = 0; y < h; y++) for (let xx = 0; xx < w; xx++) for (let k = 0; k < c; k++) perm[(y * w + xx) * c + k] = (k * h + y) * w + xx;
    }
    this.add(ctx, { op: 'flatten', name: ctx.name, input: x.node }, [c * h * w], perm);
  }

  private reshape(ctx: Ctx): void {
    const { n, i, name } = ctx;
    const x = this.val(ctx, 0);
    if (!this.isConst(ctx, 1)) {
      throw this.fail(i, n, name, 'reshapes to a computed shape', 'export with a fixed batch size or use torch.flatten / nn.Flatten');
    }
    const target = Array.from(this.constInput(ctx, 1, 'shape')!.values);
    const features = x.shape.reduce((a, b) => a * b, 1);
    const flat = target.length === 2 && (target[1] === -1 || target[1] === features) && (target[0] === -1 ? target[1] === features : target[0] >= 0);
    if (!flat) {
      throw this.fail(i, n, name, `reshapes [${x.shape.join(', ')}] to [${target.join(', ')}]`, 'supported: a flatten to [batch, features]');
    }
    this.flatten(ctx);
  }

  private pad(ctx: Ctx): void {
    const { n, i, name } = ctx;
    const x = this.image(ctx, 0);
    const mode = this.stringAttr(ctx, 'mode', 'constant');
    const pads = this.opset < 11 ? this.intsAttr(ctx, 'pads', []) : Array.from(this.constInput(ctx, 1, 'pads')!.values);
    const value = this.opset < 11 ? this.floatAttr(ctx, 'value', 0) : (this.constInput(ctx, 2, 'constant value', true)?.values[0] ?? 0);
    if (n.inputs[3]) throw this.fail(i, n, name, 'pads selected axes', 'supported: pads for all four axes');
    // [N, C, H, W] begins then ends.
    if (mode !== 'constant' || value !== 0 || pads.length !== 8 || [0, 1, 4, 5].some((k) => pads[k] !== 0) || pads.some((p) => p < 0)) {
      throw this.fail(i, n, name, `mode '${mode}', value ${value}, pads [${pads.join(', ')}]`, 'supported: zero padding of height and width');
    }
    const [top, left, bottom, right] = [pads[2], pads[3], pads[6], pads[7]];
    const [c, h, w] = x.shape;
    this.add(ctx, { op: 'pad', name, input: x.node, top, bottom, left, right }, [c, h + top + bottom, w + left + right]);
  }
}

interface Ctx {
  readonly n: OnnxNode;
  readonly i: number;
  readonly name: string;
}

/**
 * Whether explicit pads compute what tfjs 'same' computes: the same output size and the same padding in
 * front (pads behind that no window reaches do not matter).
 */
function isSame(size: readonly number[], k: readonly number[], s: readonly number[], begin: readonly number[], out: readonly number[]): boolean {
  return [0, 1].every((a) => {
    const outSame = Math.ceil(size[a] / s[a]);
    const total = Math.max((outSame - 1) * s[a] + k[a] - size[a], 0);
    return out[a] === outSame && begin[a] === Math.floor(total / 2);
  });
}
