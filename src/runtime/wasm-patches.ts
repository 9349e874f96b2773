/**
 * Kernel patches that make training work, and inference fast, on @tensorflow/tfjs-backend-wasm 4.22.0 in
 * Node (no tfjs-node). Ported from the tested reference `reference/tfjs-wasm-node-patches.js`; the
 * measurements behind each patch are in `reference/tfjs-in-node.md` §2–§3.
 *
 * - Conv2DBackpropFilter (missing in wasm, tensorflow/tfjs#8474): a *forward* XNNPACK conv on transposed
 *   tensors, 10–22 GFLOP/s against ~1 for direct loops.
 * - Conv2DBackpropInput: a forward conv of the zero-upsampled dy with the flipped filter (the stock kernel
 *   is a scalar loop; 3.6× faster at stride 1).
 * - DepthwiseConv2dNativeBackpropFilter/Input (missing in wasm): plain-JS loops on heap views.
 * - UnsortedSegmentSum, Einsum (missing in wasm): the tfjs-backend-cpu kernel on copied data.
 * - BatchMatMul: the stock kernel reaches XNNPACK only for batch 1 without transposes; transposes become
 *   explicit and a batch becomes one XNNPACK call per entry (2.4 → 12.3 GFLOP/s).
 * - Slice / Unpack / SplitV: the stock kernels copy the WHOLE input out of the heap on every call (26 s →
 *   25 ms for 64 slices of a [64,4096,128] tensor); these read through heap views instead.
 * - FusedBatchNorm gradient: broadcasting instead of materialising tile(1/√var) at activation size.
 *
 * Not fixed: wasm Conv3DBackpropFilterV2/InputV2 are wrong for strides > 1 (never emulate conv2d grads
 * with conv3d on wasm); StridedSlice and BatchToSpaceND still use the copying slice internally.
 */
import * as tf from '@tensorflow/tfjs-core';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type {
  BatchMatMulAttrs,
  Conv2DBackpropFilterAttrs,
  Conv2DBackpropInputAttrs,
  DataId,
  DataType,
  DepthwiseConv2dNativeBackpropFilterAttrs,
  DepthwiseConv2dNativeBackpropInputAttrs,
  FusedBatchNormAttrs,
  KernelConfig,
  NamedAttrMap,
  NamedTensorInfoMap,
  SliceAttrs,
  SplitVAttrs,
  Tensor,
  TensorInfo,
  UnpackAttrs,
} from '@tensorflow/tfjs-core';

type HeapArray = Float32Array | Int32Array | Uint8Array;
type BackendValues = HeapArray | Uint8Array[];

/** The parts of tfjs-backend-wasm's BackendWasm the patches touch (public members of the class). */
interface WasmBackend {
  /** Allocates an output on the wasm heap (optionally filled with `values`). */
  makeOutput(shape: number[], dtype: DataType, memoryOffset?: number, values?: BackendValues): TensorInfo;
  /** A view into the heap; invalidated when the heap grows, so take it after every allocation. */
  typedArrayFromHeap(t: TensorInfo): HeapArray;
  readSync(dataId: DataId): BackendValues;
  disposeData(dataId: DataId): boolean;
  readonly dataIdMap: { get(dataId: DataId): { shape: number[] } | undefined };
}

interface KernelArgs<A> {
  readonly inputs: NamedTensorInfoMap;
  readonly backend: WasmBackend;
  readonly attrs: A;
}
type WasmKernelFunc<A> = (args: KernelArgs<A>) => TensorInfo | TensorInfo[];

/** A stock wasm kernel as a typed call: (inputs, attrs, backend) → one output. */
type StockKernel = (inputs: NamedTensorInfoMap, attrs: object, backend: WasmBackend) => TensorInfo;

function stockConfig(name: string): KernelConfig {
  const k = tf.getKernel(name, 'wasm');
  if (!k) throw new Error(`internal error: wasm kernel ${name} is not registered (import @tensorflow/tfjs-backend-wasm first)`);
  return k;
}

function stock(name: string): StockKernel {
  const { kernelFunc } = stockConfig(name);
  return (inputs, attrs, backend) => kernelFunc({ inputs, backend, attrs: attrs as NamedAttrMap }) as TensorInfo;
}

function wasmKernel<A>(kernelName: string, impl: WasmKernelFunc<A>, setupFunc?: KernelConfig['setupFunc']): KernelConfig {
  return {
    kernelName,
    backendName: 'wasm',
    setupFunc,
    kernelFunc: ({ inputs, backend, attrs }) => impl({ inputs, backend: backend as WasmBackend, attrs: (attrs ?? {}) as A }),
  };
}

function input(inputs: NamedTensorInfoMap, name: string): TensorInfo {
  const t = inputs[name];
  if (!t) throw new Error(`internal error: kernel input '${name}' missing`);
  return t;
}

/** Collects temporaries so a kernel can free them in one place. */
function temporaries(backend: WasmBackend) {
  const kept: TensorInfo[] = [];
  return {
    keep(t: TensorInfo): TensorInfo {
      kept.push(t);
      return t;
    },
    free(): void {
      for (const t of kept) backend.disposeData(t.dataId);
    },
  };
}

type Shape4 = [number, number, number, number];
const shape4 = (s: number[]): Shape4 => [s[0], s[1], s[2], s[3]];

// ---------- Slice / Unpack / SplitV through heap views ----------

const slice: WasmKernelFunc<SliceAttrs> = ({ inputs, attrs, backend }) => {
  const x = input(inputs, 'x');
  if (x.dtype === 'string') throw new Error('patched wasm Slice: string tensors are not supported');
  const [begin, size] = tf.slice_util.parseSliceParams(x, attrs.begin, attrs.size);
  const out = backend.makeOutput(size, x.dtype);
  const n = tf.util.sizeFromShape(size);
  if (n === 0) return out;
  // Views only after makeOutput: an allocation can grow (and move) the heap.
  const xv = backend.typedArrayFromHeap(x);
  const ov = backend.typedArrayFromHeap(out);
  const strides = tf.util.computeStrides(x.shape);
  if (tf.slice_util.isSliceContinous(x.shape, begin, size)) {
    const off = tf.slice_util.computeFlatOffset(begin, strides);
    ov.set(xv.subarray(off, off + n));
    return out;
  }
  const rank = x.shape.length;
  const last = size[rank - 1];
  const idx = new Array<number>(rank - 1).fill(0);
  let o = 0;
  for (;;) {
    let off = begin[rank - 1];
    for (let d = 0; d < rank - 1; d++) off += (begin[d] + idx[d]) * strides[d];
    ov.set(xv.subarray(off, off + last), o);
    o += last;
    let d = rank - 2;
    while (d >= 0 && ++idx[d] === size[d]) idx[d--] = 0;
    if (d < 0) break;
  }
  return out;
};

function sliceOne(x: TensorInfo, begin: number[], size: number[], backend: WasmBackend): TensorInfo {
  return slice({ inputs: { x }, attrs: { begin, size }, backend }) as TensorInfo;
}

const unpack: WasmKernelFunc<UnpackAttrs> = ({ inputs, attrs, backend }) => {
  const value = input(inputs, 'value');
  const ax = attrs.axis < 0 ? attrs.axis + value.shape.length : attrs.axis;
  const outShape = value.shape.filter((_, i) => i !== ax);
  const begin = value.shape.map(() => 0);
  const size = value.shape.slice();
  size[ax] = 1;
  const outs: TensorInfo[] = [];
  for (let i = 0; i < value.shape[ax]; i++) {
    begin[ax] = i;
    const o = sliceOne(value, begin.slice(), size, backend);
    // Same bytes, unit axis dropped: the heap record must carry the shape the engine will see.
    const rec = backend.dataIdMap.get(o.dataId);
    if (rec) rec.shape = outShape.slice();
    outs.push({ dataId: o.dataId, shape: outShape.slice(), dtype: o.dtype });
  }
  return outs;
};

const splitV: WasmKernelFunc<SplitVAttrs> = ({ inputs, attrs, backend }) => {
  const x = input(inputs, 'x');
  const ax = tf.util.parseAxisParam(attrs.axis, x.shape)[0];
  const sizes = tf.backend_util.prepareSplitSize(x as Tensor, attrs.numOrSizeSplits, ax);
  const begin = new Array<number>(x.shape.length).fill(0);
  return sizes.map((s) => {
    const size = x.shape.slice();
    size[ax] = s;
    const o = sliceOne(x, begin.slice(), size, backend);
    begin[ax] += s;
    return o;
  });
};

// ---------- BatchMatMul: always reach XNNPACK ----------

function batchMatMulKernel(): KernelConfig {
  const orig = stockConfig('BatchMatMul');
  const origCall = stock('BatchMatMul');
  const transpose = stock('Transpose');
  const concat = stockConfig('Concat').kernelFunc;
  const swapLast = (rank: number): number[] => {
    const p = [...Array(rank).keys()];
    [p[rank - 2], p[rank - 1]] = [p[rank - 1], p[rank - 2]];
    return p;
  };
  const impl: WasmKernelFunc<BatchMatMulAttrs> = ({ inputs, attrs, backend }) => {
    let a = input(inputs, 'a');
    let b = input(inputs, 'b');
    const { transposeA, transposeB } = attrs;
    const batchA = tf.util.sizeFromShape(a.shape.slice(0, -2));
    const batchB = tf.util.sizeFromShape(b.shape.slice(0, -2));
    const plain: BatchMatMulAttrs = { ...attrs, transposeA: false, transposeB: false };
    const tmp = temporaries(backend);
    let out: TensorInfo;
    if (batchA === 1 && batchB === 1) {
      if (!transposeA && !transposeB) return origCall(inputs, attrs, backend);
      if (transposeA) a = tmp.keep(transpose({ x: a }, { perm: swapLast(a.shape.length) }, backend));
      if (transposeB) b = tmp.keep(transpose({ x: b }, { perm: swapLast(b.shape.length) }, backend));
      out = origCall({ a, b }, plain, backend);
    } else if (a.shape.length === 3 && b.shape.length === 3 && batchA === batchB) {
      const [, ra, ca] = a.shape;
      const [, rb, cb] = b.shape;
      const parts: TensorInfo[] = [];
      for (let i = 0; i < batchA; i++) {
        let ai = tmp.keep(sliceOne(a, [i, 0, 0], [1, ra, ca], backend));
        let bi = tmp.keep(sliceOne(b, [i, 0, 0], [1, rb, cb], backend));
        if (transposeA) ai = tmp.keep(transpose({ x: ai }, { perm: [0, 2, 1] }, backend));
        if (transposeB) bi = tmp.keep(transpose({ x: bi }, { perm: [0, 2, 1] }, backend));
        parts.push(tmp.keep(origCall({ a: ai, b: bi }, plain, backend)));
      }
      // The stock Concat kernel maps over its inputs, so it takes them as an array.
      out = concat({ inputs: parts as unknown as NamedTensorInfoMap, backend, attrs: { axis: 0 } }) as TensorInfo;
    } else {
      // Broadcast batch dimensions: rare in our models; the stock kernel handles them.
      return origCall(inputs, attrs, backend);
    }
    tmp.free();
    return out;
  };
  return wasmKernel('BatchMatMul', impl, orig.setupFunc);
}

// ---------- Conv2DBackpropFilter = conv2d(xᵀ [Ci,H,W,B] padded, dyᵀ [OH,OW,B,Co], valid, dilation = stride) ----------

function conv2dBackpropFilterKernel(): KernelConfig {
  const transpose = stock('Transpose');
  const padV2 = stock('PadV2');
  const conv2d = stock('Conv2D');
  const impl: WasmKernelFunc<Conv2DBackpropFilterAttrs> = ({ inputs, attrs, backend }) => {
    const x = input(inputs, 'x');
    const dy = input(inputs, 'dy');
    const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs;
    if (dataFormat && dataFormat !== 'NHWC') throw new Error('patched wasm Conv2DBackpropFilter: NHWC only');
    const ci = tf.backend_util.computeConv2DInfo(shape4(x.shape), filterShape, strides, 1, pad, dimRoundingMode, false, 'channelsLast');
    const [kh, kw, cin, cout] = filterShape;
    const tmp = temporaries(backend);
    // Batch becomes the reduction (channel) axis of a forward conv whose "filter" is dy.
    let xt = tmp.keep(transpose({ x }, { perm: [3, 1, 2, 0] }, backend));
    const { top, bottom, left, right } = ci.padInfo;
    // Only the padding the strided windows actually reach; 'same' may pad more than needed.
    const needH = (ci.outHeight - 1) * ci.strideHeight + kh;
    const needW = (ci.outWidth - 1) * ci.strideWidth + kw;
    const padB = Math.max(0, Math.min(bottom, needH - top - ci.inHeight));
    const padR = Math.max(0, Math.min(right, needW - left - ci.inWidth));
    if (top || padB || left || padR) {
      xt = tmp.keep(padV2({ x: xt }, { paddings: [[0, 0], [top, padB], [left, padR], [0, 0]], constantValue: 0 }, backend));
    }
    const dyt = tmp.keep(transpose({ x: dy }, { perm: [1, 2, 0, 3] }, backend));
    let o = tmp.keep(conv2d({ x: xt, filter: dyt }, {
      strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [ci.strideHeight, ci.strideWidth],
    }, backend));
    if (o.shape[1] !== kh || o.shape[2] !== kw) o = tmp.keep(sliceOne(o, [0, 0, 0, 0], [cin, kh, kw, cout], backend));
    const out = transpose({ x: o }, { perm: [1, 2, 0, 3] }, backend);
    tmp.free();
    return out;
  };
  return wasmKernel('Conv2DBackpropFilter', impl);
}

// ---------- Conv2DBackpropInput = conv2d(zero-upsampled + padded dy, flipped Wᵀ, valid) ----------

function conv2dBackpropInputKernel(): KernelConfig {
  const conv2d = stock('Conv2D');
  const native = stockConfig('Conv2DBackpropInput');
  const nativeCall = stock('Conv2DBackpropInput');
  const impl: WasmKernelFunc<Conv2DBackpropInputAttrs> = ({ inputs, attrs, backend }) => {
    const dy = input(inputs, 'dy');
    const filter = input(inputs, 'filter');
    const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrs;
    const st = Array.isArray(strides) ? strides : [strides, strides];
    // 1×1 strided convs: zero insertion wastes s² work; the native kernel is faster there.
    if (filter.shape[0] * filter.shape[1] === 1 && (st[0] > 1 || st[1] > 1)) return nativeCall(inputs, attrs, backend);
    if (dataFormat && dataFormat !== 'NHWC') throw new Error('patched wasm Conv2DBackpropInput: NHWC only');
    const ci = tf.backend_util.computeConv2DInfo(inputShape, shape4(filter.shape), strides, 1, pad, dimRoundingMode, false, 'channelsLast');
    const [kh, kw, cin, cout] = filter.shape;
    const [batch, h, w] = inputShape;
    const { strideHeight: sh, strideWidth: sw, outHeight: oh, outWidth: ow } = ci;
    const padT = kh - 1 - ci.padInfo.top;
    const padL = kw - 1 - ci.padInfo.left;
    const hp = h + kh - 1;
    const wp = w + kw - 1;
    const up = backend.makeOutput([batch, hp, wp, cout], 'float32');
    const wf = backend.makeOutput([kh, kw, cout, cin], 'float32');
    const upA = backend.typedArrayFromHeap(up);
    const wfA = backend.typedArrayFromHeap(wf);
    const dyA = backend.typedArrayFromHeap(dy);
    const wA = backend.typedArrayFromHeap(filter);
    upA.fill(0);
    for (let b = 0; b < batch; b++) {
      for (let y = 0; y < oh; y++) {
        const r = padT + y * sh;
        if (r < 0 || r >= hp) continue;
        for (let x = 0; x < ow; x++) {
          const c = padL + x * sw;
          if (c < 0 || c >= wp) continue;
          const src = ((b * oh + y) * ow + x) * cout;
          upA.set(dyA.subarray(src, src + cout), ((b * hp + r) * wp + c) * cout);
        }
      }
    }
    for (let i = 0; i < kh; i++) {
      for (let j = 0; j < kw; j++) {
        const s0 = ((kh - 1 - i) * kw + (kw - 1 - j)) * cin * cout;
        const d0 = (i * kw + j) * cout * cin;
        for (let c = 0; c < cin; c++) for (let o = 0; o < cout; o++) wfA[d0 + o * cin + c] = wA[s0 + c * cout + o];
      }
    }
    const out = conv2d({ x: up, filter: wf }, { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1] }, backend);
    backend.disposeData(up.dataId);
    backend.disposeData(wf.dataId);
    return out;
  };
  return wasmKernel('Conv2DBackpropInput', impl, native.setupFunc);
}

// ---------- depthwise conv gradients (plain JS on heap views) ----------

interface DepthwiseDims {
  batch: number; h: number; w: number; c: number; oh: number; ow: number;
  sh: number; sw: number; dh: number; dw: number; kh: number; kw: number; top: number; left: number;
}

function depthwiseDims(ci: ReturnType<typeof tf.backend_util.computeConv2DInfo>): DepthwiseDims {
  return {
    batch: ci.batchSize, h: ci.inHeight, w: ci.inWidth, c: ci.inChannels, oh: ci.outHeight, ow: ci.outWidth,
    sh: ci.strideHeight, sw: ci.strideWidth, dh: ci.dilationHeight, dw: ci.dilationWidth,
    kh: ci.filterHeight, kw: ci.filterWidth, top: ci.padInfo.top, left: ci.padInfo.left,
  };
}

/** Calls `f(xOff, wOff, dyOff)` for every (output pixel, filter tap) pair that lands inside the input. */
function forEachTap(d: DepthwiseDims, m: number, f: (xOff: number, wOff: number, dyOff: number) => void): void {
  const cm = d.c * m;
  for (let b = 0; b < d.batch; b++) {
    for (let y = 0; y < d.oh; y++) {
      for (let x = 0; x < d.ow; x++) {
        const dyOff = ((b * d.oh + y) * d.ow + x) * cm;
        for (let i = 0; i < d.kh; i++) {
          const ih = y * d.sh - d.top + i * d.dh;
          if (ih < 0 || ih >= d.h) continue;
          for (let j = 0; j < d.kw; j++) {
            const iw = x * d.sw - d.left + j * d.dw;
            if (iw < 0 || iw >= d.w) continue;
            f(((b * d.h + ih) * d.w + iw) * d.c, (i * d.kw + j) * cm, dyOff);
          }
        }
      }
    }
  }
}

const depthwiseBackpropFilter: WasmKernelFunc<DepthwiseConv2dNativeBackpropFilterAttrs> = ({ inputs, attrs, backend }) => {
  const x = input(inputs, 'x');
  const dy = input(inputs, 'dy');
  const { strides, dilations, pad, dimRoundingMode, filterShape } = attrs;
  const ci = tf.backend_util.computeConv2DInfo(shape4(x.shape), filterShape, strides, dilations, pad, dimRoundingMode, true);
  const d = depthwiseDims(ci);
  const m = filterShape[3];
  const out = backend.makeOutput(filterShape, 'float32');
  const dw = backend.typedArrayFromHeap(out);
  const xa = backend.typedArrayFromHeap(x);
  const da = backend.typedArrayFromHeap(dy);
  dw.fill(0);
  forEachTap(d, m, (xOff, wOff, dyOff) => {
    for (let c = 0; c < d.c; c++) {
      const xv = xa[xOff + c];
      for (let k = 0; k < m; k++) dw[wOff + c * m + k] += xv * da[dyOff + c * m + k];
    }
  });
  return out;
};

const depthwiseBackpropInput: WasmKernelFunc<DepthwiseConv2dNativeBackpropInputAttrs> = ({ inputs, attrs, backend }) => {
  const dy = input(inputs, 'dy');
  const filter = input(inputs, 'filter');
  const { strides, dilations, pad, dimRoundingMode, inputShape } = attrs;
  const ci = tf.backend_util.computeConv2DInfo(inputShape, shape4(filter.shape), strides, dilations, pad, dimRoundingMode, true);
  const d = depthwiseDims(ci);
  const m = filter.shape[3];
  const out = backend.makeOutput(inputShape, 'float32');
  const dx = backend.typedArrayFromHeap(out);
  const wa = backend.typedArrayFromHeap(filter);
  const da = backend.typedArrayFromHeap(dy);
  dx.fill(0);
  forEachTap(d, m, (xOff, wOff, dyOff) => {
    for (let c = 0; c < d.c; c++) {
      let s = 0;
      for (let k = 0; k < m; k++) s += wa[wOff + c * m + k] * da[dyOff + c * m + k];
      dx[xOff + c] += s;
    }
  });
  return out;
};

// ---------- cpu fallback for kernels wasm lacks: run the cpu kernel on data copied out of the heap ----------

function cpuFallbackKernel(kernelName: string, cpu: () => MathBackendCPU): KernelConfig {
  const cpuKernel = tf.getKernel(kernelName, 'cpu');
  if (!cpuKernel) throw new Error(`internal error: cpu kernel ${kernelName} is not registered (import @tensorflow/tfjs-backend-cpu first)`);
  const impl: WasmKernelFunc<NamedAttrMap> = ({ inputs, attrs, backend }) => {
    const cpuBackend = cpu();
    const cpuInputs: NamedTensorInfoMap = {};
    const written: DataId[] = [];
    for (const [k, t] of Object.entries(inputs)) {
      if (!t) continue;
      const values = backend.readSync(t.dataId);
      const dataId = cpuBackend.write(Array.isArray(values) ? values : values.slice(), t.shape, t.dtype);
      cpuInputs[k] = { dataId, shape: t.shape, dtype: t.dtype };
      written.push(dataId);
    }
    const result = cpuKernel.kernelFunc({ inputs: cpuInputs, backend: cpuBackend, attrs });
    const results = Array.isArray(result) ? result : [result];
    const outs = results.map((o) => {
      const values = cpuBackend.readSync(o.dataId) as BackendValues;
      const r = backend.makeOutput(o.shape, o.dtype, undefined, values);
      cpuBackend.disposeData(o.dataId);
      return r;
    });
    for (const d of written) cpuBackend.disposeData(d);
    return Array.isArray(result) ? outs : outs[0];
  };
  return wasmKernel(kernelName, impl);
}

// ---------- FusedBatchNorm gradient with broadcasting instead of tile() ----------

function registerBatchNormGradient(): void {
  tf.registerGradient({
    kernelName: 'FusedBatchNorm',
    inputsToSave: ['x', 'mean', 'variance', 'scale'],
    gradFunc: (dyIn, saved, attrs) => {
      const dy = dyIn as Tensor;
      const [x, mean, variance, scale] = saved;
      const { varianceEpsilon } = attrs as unknown as FusedBatchNormAttrs;
      const scaleValue = scale == null ? tf.scalar(1) : scale;
      const axes = tf.backend_util.getReductionAxes(mean.shape, x.shape);
      const reduce = (t: Tensor): Tensor => (mean.rank === 1 ? tf.reshape(tf.sum(t, axes), mean.shape) : tf.reshape(t, mean.shape));
      const rs = tf.rsqrt(tf.add(variance, tf.scalar(varianceEpsilon)));
      const xm = tf.sub(x, mean);
      const dys = tf.mul(dy, scaleValue);
      return {
        x: () => tf.reshape(tf.mul(dy, tf.mul(rs, scaleValue)), x.shape),
        mean: () => reduce(tf.mul(tf.neg(rs), dys)),
        variance: () => reduce(tf.mul(tf.mul(tf.mul(tf.mul(rs, rs), rs), tf.scalar(-0.5)), tf.mul(xm, dys))),
        scale: () => reduce(tf.mul(dy, tf.mul(xm, rs))),
        offset: () => reduce(dy),
      };
    },
  });
}

let installed = false;

/**
 * Replaces and adds the wasm kernels listed in the module doc and the FusedBatchNorm gradient. Call once,
 * after importing tfjs-core, -backend-cpu, -backend-wasm and -layers, and BEFORE `tf.setBackend('wasm')`
 * (kernel setup functions run when the backend initialises). Call `tf.enableProdMode()` first to silence
 * tfjs' "Overriding the gradient" warning. Idempotent.
 */
export function installWasmPatches(): void {
  if (installed) return;
  let cpuBackend: MathBackendCPU | undefined;
  // Created on first use only: most runs never hit a fallback kernel.
  const cpu = (): MathBackendCPU => (cpuBackend ??= new MathBackendCPU());
  // Build every config from the stock kernels first, then swap, so no patch wraps another patch.
  const configs: KernelConfig[] = [
    conv2dBackpropFilterKernel(),
    conv2dBackpropInputKernel(),
    batchMatMulKernel(),
    wasmKernel('Slice', slice),
    wasmKernel('Unpack', unpack),
    wasmKernel('SplitV', splitV),
    wasmKernel('DepthwiseConv2dNativeBackpropFilter', depthwiseBackpropFilter),
    wasmKernel('DepthwiseConv2dNativeBackpropInput', depthwiseBackpropInput),
  ];
  for (const name of ['UnsortedSegmentSum', 'Einsum']) {
    if (!tf.getKernel(name, 'wasm')) configs.push(cpuFallbackKernel(name, cpu));
  }
  for (const c of configs) {
    if (tf.getKernel(c.kernelName, 'wasm')) tf.unregisterKernel(c.kernelName, 'wasm');
    tf.registerKernel(c);
  }
  registerBatchNormGradient();
  installed = true;
}
