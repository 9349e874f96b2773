export const id = 475;
export const ids = [475,443];
export const modules = {

/***/ 2443:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  initBackend: () => (/* binding */ initBackend)
});

// UNUSED EXPORTS: wasmBinaryFolder

// EXTERNAL MODULE: ./node_modules/@tensorflow/tfjs-core/dist/tf-core.node.js
var tf_core_node = __webpack_require__(3484);
// EXTERNAL MODULE: ./node_modules/@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.node.js
var tf_backend_wasm_node = __webpack_require__(6744);
// EXTERNAL MODULE: ./node_modules/@tensorflow/tfjs-layers/dist/tf-layers.node.js
var tf_layers_node = __webpack_require__(9762);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(8995);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./node_modules/@tensorflow/tfjs-backend-cpu/dist/tf-backend-cpu.node.js
var tf_backend_cpu_node = __webpack_require__(8048);
;// CONCATENATED MODULE: ./src/runtime/wasm-patches.ts
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


function stockConfig(name) {
    const k = tf_core_node.getKernel(name, 'wasm');
    if (!k)
        throw new Error(`internal error: wasm kernel ${name} is not registered (import @tensorflow/tfjs-backend-wasm first)`);
    return k;
}
function stock(name) {
    const { kernelFunc } = stockConfig(name);
    return (inputs, attrs, backend) => kernelFunc({ inputs, backend, attrs: attrs });
}
function wasmKernel(kernelName, impl, setupFunc) {
    return {
        kernelName,
        backendName: 'wasm',
        setupFunc,
        kernelFunc: ({ inputs, backend, attrs }) => impl({ inputs, backend: backend, attrs: (attrs ?? {}) }),
    };
}
function input(inputs, name) {
    const t = inputs[name];
    if (!t)
        throw new Error(`internal error: kernel input '${name}' missing`);
    return t;
}
/** Collects temporaries so a kernel can free them in one place. */
function temporaries(backend) {
    const kept = [];
    return {
        keep(t) {
            kept.push(t);
            return t;
        },
        free() {
            for (const t of kept)
                backend.disposeData(t.dataId);
        },
    };
}
const shape4 = (s) => [s[0], s[1], s[2], s[3]];
// ---------- Slice / Unpack / SplitV through heap views ----------
const slice = ({ inputs, attrs, backend }) => {
    const x = input(inputs, 'x');
    if (x.dtype === 'string')
        throw new Error('patched wasm Slice: string tensors are not supported');
    const [begin, size] = tf_core_node.slice_util.parseSliceParams(x, attrs.begin, attrs.size);
    const out = backend.makeOutput(size, x.dtype);
    const n = tf_core_node.util.sizeFromShape(size);
    if (n === 0)
        return out;
    // Views only after makeOutput: an allocation can grow (and move) the heap.
    const xv = backend.typedArrayFromHeap(x);
    const ov = backend.typedArrayFromHeap(out);
    const strides = tf_core_node.util.computeStrides(x.shape);
    if (tf_core_node.slice_util.isSliceContinous(x.shape, begin, size)) {
        const off = tf_core_node.slice_util.computeFlatOffset(begin, strides);
        ov.set(xv.subarray(off, off + n));
        return out;
    }
    const rank = x.shape.length;
    const last = size[rank - 1];
    const idx = new Array(rank - 1).fill(0);
    let o = 0;
    for (;;) {
        let off = begin[rank - 1];
        for (let d = 0; d < rank - 1; d++)
            off += (begin[d] + idx[d]) * strides[d];
        ov.set(xv.subarray(off, off + last), o);
        o += last;
        let d = rank - 2;
        while (d >= 0 && ++idx[d] === size[d])
            idx[d--] = 0;
        if (d < 0)
            break;
    }
    return out;
};
function sliceOne(x, begin, size, backend) {
    return slice({ inputs: { x }, attrs: { begin, size }, backend });
}
const unpack = ({ inputs, attrs, backend }) => {
    const value = input(inputs, 'value');
    const ax = attrs.axis < 0 ? attrs.axis + value.shape.length : attrs.axis;
    const outShape = value.shape.filter((_, i) => i !== ax);
    const begin = value.shape.map(() => 0);
    const size = value.shape.slice();
    size[ax] = 1;
    const outs = [];
    for (let i = 0; i < value.shape[ax]; i++) {
        begin[ax] = i;
        const o = sliceOne(value, begin.slice(), size, backend);
        // Same bytes, unit axis dropped: the heap record must carry the shape the engine will see.
        const rec = backend.dataIdMap.get(o.dataId);
        if (rec)
            rec.shape = outShape.slice();
        outs.push({ dataId: o.dataId, shape: outShape.slice(), dtype: o.dtype });
    }
    return outs;
};
const splitV = ({ inputs, attrs, backend }) => {
    const x = input(inputs, 'x');
    const ax = tf_core_node.util.parseAxisParam(attrs.axis, x.shape)[0];
    const sizes = tf_core_node.backend_util.prepareSplitSize(x, attrs.numOrSizeSplits, ax);
    const begin = new Array(x.shape.length).fill(0);
    return sizes.map((s) => {
        const size = x.shape.slice();
        size[ax] = s;
        const o = sliceOne(x, begin.slice(), size, backend);
        begin[ax] += s;
        return o;
    });
};
// ---------- BatchMatMul: always reach XNNPACK ----------
function batchMatMulKernel() {
    const orig = stockConfig('BatchMatMul');
    const origCall = stock('BatchMatMul');
    const transpose = stock('Transpose');
    const concat = stockConfig('Concat').kernelFunc;
    const swapLast = (rank) => {
        const p = [...Array(rank).keys()];
        [p[rank - 2], p[rank - 1]] = [p[rank - 1], p[rank - 2]];
        return p;
    };
    const impl = ({ inputs, attrs, backend }) => {
        let a = input(inputs, 'a');
        let b = input(inputs, 'b');
        const { transposeA, transposeB } = attrs;
        const batchA = tf_core_node.util.sizeFromShape(a.shape.slice(0, -2));
        const batchB = tf_core_node.util.sizeFromShape(b.shape.slice(0, -2));
        const plain = { ...attrs, transposeA: false, transposeB: false };
        const tmp = temporaries(backend);
        let out;
        if (batchA === 1 && batchB === 1) {
            if (!transposeA && !transposeB)
                return origCall(inputs, attrs, backend);
            if (transposeA)
                a = tmp.keep(transpose({ x: a }, { perm: swapLast(a.shape.length) }, backend));
            if (transposeB)
                b = tmp.keep(transpose({ x: b }, { perm: swapLast(b.shape.length) }, backend));
            out = origCall({ a, b }, plain, backend);
        }
        else if (a.shape.length === 3 && b.shape.length === 3 && batchA === batchB) {
            const [, ra, ca] = a.shape;
            const [, rb, cb] = b.shape;
            const parts = [];
            for (let i = 0; i < batchA; i++) {
                let ai = tmp.keep(sliceOne(a, [i, 0, 0], [1, ra, ca], backend));
                let bi = tmp.keep(sliceOne(b, [i, 0, 0], [1, rb, cb], backend));
                if (transposeA)
                    ai = tmp.keep(transpose({ x: ai }, { perm: [0, 2, 1] }, backend));
                if (transposeB)
                    bi = tmp.keep(transpose({ x: bi }, { perm: [0, 2, 1] }, backend));
                parts.push(tmp.keep(origCall({ a: ai, b: bi }, plain, backend)));
            }
            // The stock Concat kernel maps over its inputs, so it takes them as an array.
            out = concat({ inputs: parts, backend, attrs: { axis: 0 } });
        }
        else {
            // Broadcast batch dimensions: rare in our models; the stock kernel handles them.
            return origCall(inputs, attrs, backend);
        }
        tmp.free();
        return out;
    };
    return wasmKernel('BatchMatMul', impl, orig.setupFunc);
}
// ---------- Conv2DBackpropFilter = conv2d(xᵀ [Ci,H,W,B] padded, dyᵀ [OH,OW,B,Co], valid, dilation = stride) ----------
function conv2dBackpropFilterKernel() {
    const transpose = stock('Transpose');
    const padV2 = stock('PadV2');
    const conv2d = stock('Conv2D');
    const impl = ({ inputs, attrs, backend }) => {
        const x = input(inputs, 'x');
        const dy = input(inputs, 'dy');
        const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs;
        if (dataFormat && dataFormat !== 'NHWC')
            throw new Error('patched wasm Conv2DBackpropFilter: NHWC only');
        const ci = tf_core_node.backend_util.computeConv2DInfo(shape4(x.shape), filterShape, strides, 1, pad, dimRoundingMode, false, 'channelsLast');
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
        if (o.shape[1] !== kh || o.shape[2] !== kw)
            o = tmp.keep(sliceOne(o, [0, 0, 0, 0], [cin, kh, kw, cout], backend));
        const out = transpose({ x: o }, { perm: [1, 2, 0, 3] }, backend);
        tmp.free();
        return out;
    };
    return wasmKernel('Conv2DBackpropFilter', impl);
}
// ---------- Conv2DBackpropInput = conv2d(zero-upsampled + padded dy, flipped Wᵀ, valid) ----------
function conv2dBackpropInputKernel() {
    const conv2d = stock('Conv2D');
    const native = stockConfig('Conv2DBackpropInput');
    const nativeCall = stock('Conv2DBackpropInput');
    const impl = ({ inputs, attrs, backend }) => {
        const dy = input(inputs, 'dy');
        const filter = input(inputs, 'filter');
        const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrs;
        const st = Array.isArray(strides) ? strides : [strides, strides];
        // 1×1 strided convs: zero insertion wastes s² work; the native kernel is faster there.
        if (filter.shape[0] * filter.shape[1] === 1 && (st[0] > 1 || st[1] > 1))
            return nativeCall(inputs, attrs, backend);
        if (dataFormat && dataFormat !== 'NHWC')
            throw new Error('patched wasm Conv2DBackpropInput: NHWC only');
        const ci = tf_core_node.backend_util.computeConv2DInfo(inputShape, shape4(filter.shape), strides, 1, pad, dimRoundingMode, false, 'channelsLast');
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
                if (r < 0 || r >= hp)
                    continue;
                for (let x = 0; x < ow; x++) {
                    const c = padL + x * sw;
                    if (c < 0 || c >= wp)
                        continue;
                    const src = ((b * oh + y) * ow + x) * cout;
                    upA.set(dyA.subarray(src, src + cout), ((b * hp + r) * wp + c) * cout);
                }
            }
        }
        for (let i = 0; i < kh; i++) {
            for (let j = 0; j < kw; j++) {
                const s0 = ((kh - 1 - i) * kw + (kw - 1 - j)) * cin * cout;
                const d0 = (i * kw + j) * cout * cin;
                for (let c = 0; c < cin; c++)
                    for (let o = 0; o < cout; o++)
                        wfA[d0 + o * cin + c] = wA[s0 + c * cout + o];
            }
        }
        const out = conv2d({ x: up, filter: wf }, { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1] }, backend);
        backend.disposeData(up.dataId);
        backend.disposeData(wf.dataId);
        return out;
    };
    return wasmKernel('Conv2DBackpropInput', impl, native.setupFunc);
}
function depthwiseDims(ci) {
    return {
        batch: ci.batchSize, h: ci.inHeight, w: ci.inWidth, c: ci.inChannels, oh: ci.outHeight, ow: ci.outWidth,
        sh: ci.strideHeight, sw: ci.strideWidth, dh: ci.dilationHeight, dw: ci.dilationWidth,
        kh: ci.filterHeight, kw: ci.filterWidth, top: ci.padInfo.top, left: ci.padInfo.left,
    };
}
/** Calls `f(xOff, wOff, dyOff)` for every (output pixel, filter tap) pair that lands inside the input. */
function forEachTap(d, m, f) {
    const cm = d.c * m;
    for (let b = 0; b < d.batch; b++) {
        for (let y = 0; y < d.oh; y++) {
            for (let x = 0; x < d.ow; x++) {
                const dyOff = ((b * d.oh + y) * d.ow + x) * cm;
                for (let i = 0; i < d.kh; i++) {
                    const ih = y * d.sh - d.top + i * d.dh;
                    if (ih < 0 || ih >= d.h)
                        continue;
                    for (let j = 0; j < d.kw; j++) {
                        const iw = x * d.sw - d.left + j * d.dw;
                        if (iw < 0 || iw >= d.w)
                            continue;
                        f(((b * d.h + ih) * d.w + iw) * d.c, (i * d.kw + j) * cm, dyOff);
                    }
                }
            }
        }
    }
}
const depthwiseBackpropFilter = ({ inputs, attrs, backend }) => {
    const x = input(inputs, 'x');
    const dy = input(inputs, 'dy');
    const { strides, dilations, pad, dimRoundingMode, filterShape } = attrs;
    const ci = tf_core_node.backend_util.computeConv2DInfo(shape4(x.shape), filterShape, strides, dilations, pad, dimRoundingMode, true);
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
            for (let k = 0; k < m; k++)
                dw[wOff + c * m + k] += xv * da[dyOff + c * m + k];
        }
    });
    return out;
};
const depthwiseBackpropInput = ({ inputs, attrs, backend }) => {
    const dy = input(inputs, 'dy');
    const filter = input(inputs, 'filter');
    const { strides, dilations, pad, dimRoundingMode, inputShape } = attrs;
    const ci = tf_core_node.backend_util.computeConv2DInfo(inputShape, shape4(filter.shape), strides, dilations, pad, dimRoundingMode, true);
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
            for (let k = 0; k < m; k++)
                s += wa[wOff + c * m + k] * da[dyOff + c * m + k];
            dx[xOff + c] += s;
        }
    });
    return out;
};
// ---------- cpu fallback for kernels wasm lacks: run the cpu kernel on data copied out of the heap ----------
function cpuFallbackKernel(kernelName, cpu) {
    const cpuKernel = tf_core_node.getKernel(kernelName, 'cpu');
    if (!cpuKernel)
        throw new Error(`internal error: cpu kernel ${kernelName} is not registered (import @tensorflow/tfjs-backend-cpu first)`);
    const impl = ({ inputs, attrs, backend }) => {
        const cpuBackend = cpu();
        const cpuInputs = {};
        const written = [];
        for (const [k, t] of Object.entries(inputs)) {
            if (!t)
                continue;
            const values = backend.readSync(t.dataId);
            const dataId = cpuBackend.write(Array.isArray(values) ? values : values.slice(), t.shape, t.dtype);
            cpuInputs[k] = { dataId, shape: t.shape, dtype: t.dtype };
            written.push(dataId);
        }
        const result = cpuKernel.kernelFunc({ inputs: cpuInputs, backend: cpuBackend, attrs });
        const results = Array.isArray(result) ? result : [result];
        const outs = results.map((o) => {
            const values = cpuBackend.readSync(o.dataId);
            const r = backend.makeOutput(o.shape, o.dtype, undefined, values);
            cpuBackend.disposeData(o.dataId);
            return r;
        });
        for (const d of written)
            cpuBackend.disposeData(d);
        return Array.isArray(result) ? outs : outs[0];
    };
    return wasmKernel(kernelName, impl);
}
// ---------- FusedBatchNorm gradient with broadcasting instead of tile() ----------
function registerBatchNormGradient() {
    tf_core_node.registerGradient({
        kernelName: 'FusedBatchNorm',
        inputsToSave: ['x', 'mean', 'variance', 'scale'],
        gradFunc: (dyIn, saved, attrs) => {
            const dy = dyIn;
            const [x, mean, variance, scale] = saved;
            const { varianceEpsilon } = attrs;
            const scaleValue = scale == null ? tf_core_node.scalar(1) : scale;
            const axes = tf_core_node.backend_util.getReductionAxes(mean.shape, x.shape);
            const reduce = (t) => (mean.rank === 1 ? tf_core_node.reshape(tf_core_node.sum(t, axes), mean.shape) : tf_core_node.reshape(t, mean.shape));
            const rs = tf_core_node.rsqrt(tf_core_node.add(variance, tf_core_node.scalar(varianceEpsilon)));
            const xm = tf_core_node.sub(x, mean);
            const dys = tf_core_node.mul(dy, scaleValue);
            return {
                x: () => tf_core_node.reshape(tf_core_node.mul(dy, tf_core_node.mul(rs, scaleValue)), x.shape),
                mean: () => reduce(tf_core_node.mul(tf_core_node.neg(rs), dys)),
                variance: () => reduce(tf_core_node.mul(tf_core_node.mul(tf_core_node.mul(tf_core_node.mul(rs, rs), rs), tf_core_node.scalar(-0.5)), tf_core_node.mul(xm, dys))),
                scale: () => reduce(tf_core_node.mul(dy, tf_core_node.mul(xm, rs))),
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
function installWasmPatches() {
    if (installed)
        return;
    let cpuBackend;
    // Created on first use only: most runs never hit a fallback kernel.
    const cpu = () => (cpuBackend ??= new tf_backend_cpu_node/* MathBackendCPU */.Jq());
    // Build every config from the stock kernels first, then swap, so no patch wraps another patch.
    const configs = [
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
        if (!tf_core_node.getKernel(name, 'wasm'))
            configs.push(cpuFallbackKernel(name, cpu));
    }
    for (const c of configs) {
        if (tf_core_node.getKernel(c.kernelName, 'wasm'))
            tf_core_node.unregisterKernel(c.kernelName, 'wasm');
        tf_core_node.registerKernel(c);
    }
    registerBatchNormGradient();
    installed = true;
}

;// CONCATENATED MODULE: ./src/runtime/tfjs.ts
/**
 * TensorFlow.js set-up: the one explicit call that chooses and initialises a backend (nothing happens at
 * import time beyond the packages registering their kernels). The rest of the code imports tfjs-core
 * directly (`import * as tf from '@tensorflow/tfjs-core'`, functional ops only: the CommonJS core bundle
 * does not register chained ops such as `x.reshape`) and tfjs-layers as `tfl`.
 *
 * Backends: 'wasm' (single-threaded XNNPACK with SIMD; with the patches of wasm-patches.ts it trains and
 * infers 25–200× faster than 'cpu') and 'cpu' (the plain-JS reference, used by tests to check wasm).
 */



// Imported for its side effect as well: tfjs-layers registers every op's gradient.






/** The binary emscripten loads in Node (SIMD is always available there; threads never are). */
const WASM_PROBE_FILE = 'tfjs-backend-wasm-simd.wasm';
/**
 * The folder holding the tfjs .wasm binaries, with a trailing separator. In the ncc bundles (dist/index.js,
 * dist/cli/index.js) `scripts/copy-wasm.mjs` puts them beside the bundle, which is where `import.meta.url`
 * points at run time; from source (tsx, jest) they are in the installed package's `dist/`.
 */
function wasmBinaryFolder() {
    const candidates = [];
    try {
        candidates.push(external_node_path_default().dirname((0,external_node_url_.fileURLToPath)(import.meta.url)));
    }
    catch {
        // import.meta.url is not a file: URL (e.g. a data: module); fall through to package resolution.
    }
    try {
        const main = (0,external_node_module_.createRequire)(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm');
        candidates.push(external_node_path_default().dirname(main));
    }
    catch {
        // Not resolvable from here (a bundle run without node_modules): only the bundle folder can hold them.
    }
    for (const dir of candidates) {
        if ((0,external_node_fs_.existsSync)(external_node_path_default().join(dir, WASM_PROBE_FILE)))
            return dir + (external_node_path_default()).sep;
    }
    throw new Error(`cannot find ${WASM_PROBE_FILE} in ${candidates.join(' or ')}; a bundle needs the .wasm files beside it (scripts/copy-wasm.mjs)`);
}
const ready = new Map();
/**
 * Makes `name` the active tfjs backend and returns the backend's name as tfjs reports it. Enables prod
 * mode (silences tfjs' console banners and skips per-op NaN checks), installs the wasm kernel patches
 * before the wasm backend initialises, and points the wasm loader at the binaries. Idempotent: repeated
 * and concurrent calls share one initialisation; switching between 'wasm' and 'cpu' keeps both alive.
 * Default 'wasm'.
 */
function initBackend(name = 'wasm') {
    let p = ready.get(name);
    if (!p) {
        p = setUp(name);
        ready.set(name, p);
        // A failed initialisation may be retried (e.g. after the caller fixes the .wasm files).
        p.catch(() => ready.delete(name));
    }
    return p.then(async () => {
        if (tf_core_node.getBackend() !== name)
            await activate(name);
        return tf_core_node.getBackend();
    });
}
async function setUp(name) {
    tf_core_node.enableProdMode();
    if (name !== 'wasm') {
        await activate(name);
        return name;
    }
    installWasmPatches();
    const folder = wasmBinaryFolder();
    (0,tf_backend_wasm_node/* setWasmPaths */.zj)(folder);
    // The emscripten loader inside tfjs-backend-wasm reads the free variable `__dirname` while the backend
    // initialises. An ESM bundle (ncc's output for a "type": "module" package) has none, so the lookup falls
    // through to the global object; without this the bundled CLI and action fail with "ReferenceError:
    // __dirname is not defined". The global exists only during initialisation.
    const g = globalThis;
    const shim = g.__dirname === undefined;
    if (shim)
        g.__dirname = folder.slice(0, -(external_node_path_default()).sep.length);
    try {
        await activate(name);
    }
    finally {
        if (shim)
            delete g.__dirname;
    }
    return name;
}
async function activate(name) {
    if (await tf_core_node.setBackend(name)) {
        await tf_core_node.ready();
        return;
    }
    // Prod mode silences tfjs' own report of why; run the factory again so the cause reaches the user.
    let cause;
    try {
        await tf_core_node.findBackendFactory(name)?.();
    }
    catch (e) {
        cause = e;
    }
    throw new Error(`initialisation of the tfjs '${name}' backend failed${cause ? `: ${cause.message ?? String(cause)}` : ''}`, { cause });
}


/***/ }),

/***/ 9475:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   isNaxWorker: () => (/* binding */ isNaxWorker),
/* harmony export */   workerMain: () => (/* binding */ workerMain),
/* harmony export */   workerSampleRunner: () => (/* binding */ workerSampleRunner)
/* harmony export */ });
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _tfjs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2443);
/* harmony import */ var _model_graph_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3749);
/* harmony import */ var _xbar_split_job_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1535);
/* harmony import */ var _xbar_simulate_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1005);
/**
 * Monte Carlo samples over worker_threads: the wasm backend is single-threaded in Node, so parallelism
 * comes from several workers, each with its own tfjs instance (reference tfjs-in-node.md §2: 2 workers
 * gave about 1.9× throughput). A worker runs the same entry file as the main thread (the ncc bundle, or
 * the TypeScript entry under tsx); the entry calls `workerMain()` when it is not the main thread.
 *
 * The pool lives as long as its runner: the sizes of a sweep and the two sides of a check reuse the same
 * workers, so tfjs starts once per worker, and a model (and evaluation set) crosses to a worker once, not
 * per job. Idle workers are unref'd, so an open pool never keeps the process alive.
 * Results are keyed by sample index and image range, so the report does not depend on how many workers ran.
 * The search's single-chip forwards (`logits`) go through the same pool: a chip's output depends on its seed
 * only, not on the thread that ran it.
 */





const JOB_KIND = 'nax-samples';
/** Identity keys of the objects sent to workers (a worker keeps the last graph and data it was sent). */
const keys = new WeakMap();
let nextKey = 1;
function keyOf(o) {
    let k = keys.get(o);
    if (k === undefined)
        keys.set(o, (k = nextKey++));
    return k;
}
const WHAT = { samples: 'its samples', logits: 'its chip forward' };
/** A SampleRunner that splits each job (split-job.ts) over a pool of worker threads kept between jobs. */
function workerSampleRunner(o) {
    const slots = [];
    const queue = [];
    let nextId = 1;
    let closed = false;
    const closedError = () => new Error('the worker pool is closed');
    /** Frees a slot's task (the worker may take the next) and returns it. */
    const release = (slot) => {
        const t = slot.task;
        slot.task = undefined;
        slot.taskId = undefined;
        slot.worker.unref();
        return t;
    };
    const startWorker = () => {
        const input = { kind: JOB_KIND };
        const slot = { worker: new node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.Worker(o.entry, { workerData: input, execArgv: [...(o.execArgv ?? [])] }) };
        slot.worker.unref();
        const fail = (describe) => {
            const i = slots.indexOf(slot);
            if (i >= 0)
                slots.splice(i, 1);
            const t = release(slot);
            t?.reject(describe(t));
            pump();
        };
        slot.worker.on('message', (m) => {
            const t = slot.task;
            if (!t || m.id !== slot.taskId)
                return;
            if (m.type === 'progress') {
                if (t.kind === 'samples')
                    t.progress?.(m.line, m.step);
                return;
            }
            release(slot);
            if (m.type === 'done' && t.kind === 'samples')
                t.resolve(m.result);
            else if (m.type === 'logits' && t.kind === 'logits')
                t.resolve(m.logits);
            else if (m.type !== 'error')
                t.reject(new Error(`worker answered a ${t.kind} job with ${m.type}`));
            else {
                const e = new Error(`worker failed: ${m.message}`);
                if (m.stack)
                    e.stack = m.stack;
                t.reject(e);
            }
            pump();
        });
        slot.worker.on('error', (e) => fail((t) => new Error(`worker failed during ${WHAT[t.kind]}: ${e.message}`)));
        // A reply that cannot be deserialised would otherwise leave its job unsettled and its worker ref'd; the worker
        // leaves the pool (a new one takes its place).
        slot.worker.on('messageerror', (e) => {
            fail((t) => new Error(`the reply to ${WHAT[t.kind]} could not be read: ${e.message}`));
            void slot.worker.terminate();
        });
        slot.worker.on('exit', (code) => fail((t) => new Error(`worker exited with code ${code} before finishing ${WHAT[t.kind]}`)));
        slots.push(slot);
        return slot;
    };
    /** The message for a task: the large parts only when this worker does not hold them already. */
    const messageOf = (slot, t, id) => {
        if (t.kind === 'logits') {
            const { graph, images, ...rest } = t.job;
            const g = keyOf(graph);
            // Only the job's images: a view would carry its whole buffer across.
            const job = { ...rest, images: images.slice(0, rest.n * (0,_model_graph_js__WEBPACK_IMPORTED_MODULE_4__/* .inputSize */ .I)(graph)) };
            return { msg: { type: 'logits', id, job, graph: slot.graph === g ? { key: g } : { key: g, value: graph } }, holds: { graph: g } };
        }
        const { graph, data, calibrationImages, ...rest } = t.job;
        const g = keyOf(graph);
        const d = keyOf(data);
        const c = calibrationImages ? keyOf(calibrationImages) : undefined;
        const msg = {
            type: 'job', id, job: rest,
            graph: slot.graph === g ? { key: g } : { key: g, value: graph },
            data: slot.data === d ? { key: d } : { key: d, value: data },
            ...(calibrationImages && c !== undefined
                ? { calibrationImages: slot.calibration === c ? { key: c } : { key: c, value: calibrationImages } }
                : {}),
        };
        return { msg, holds: { graph: g, data: d, ...(c !== undefined ? { calibration: c } : {}) } };
    };
    const send = (slot, t) => {
        const id = nextId++;
        slot.task = t;
        slot.taskId = id;
        slot.worker.ref();
        try {
            const { msg, holds } = messageOf(slot, t, id);
            slot.worker.postMessage(msg);
            // The worker holds what it was sent only once the message is on its way.
            Object.assign(slot, holds);
        }
        catch (e) {
            // A job that cannot be sent (e.g. a value that does not clone) fails alone; the worker stays free.
            release(slot);
            t.reject(e instanceof Error ? e : new Error(String(e)));
        }
    };
    function pump() {
        while (queue.length > 0) {
            const idle = slots.find((s) => !s.task) ?? (slots.length < o.workers && !closed ? startWorker() : undefined);
            if (!idle)
                return;
            send(idle, queue.shift());
        }
    }
    const enqueue = (make) => new Promise((resolve, reject) => {
        queue.push(make(resolve, reject));
        pump();
    });
    const samples = async (job, progress) => {
        if (closed)
            throw closedError();
        if (o.workers <= 1)
            return (0,_xbar_simulate_js__WEBPACK_IMPORTED_MODULE_3__/* .runSamples */ .Tf)(job, progress);
        const parts = (0,_xbar_split_job_js__WEBPACK_IMPORTED_MODULE_2__/* .splitJob */ .oG)(job, o.workers);
        const pooled = (0,_xbar_split_job_js__WEBPACK_IMPORTED_MODULE_2__/* .pooledProgress */ .Fe)(progress, job, parts);
        const results = await Promise.all(parts.map((part) => enqueue((resolve, reject) => ({ kind: 'samples', job: part, progress: pooled, resolve, reject }))));
        return { parts: results.flatMap((r) => r.parts) };
    };
    const logits = async (job) => {
        if (closed)
            throw closedError();
        if (o.workers <= 1)
            return (0,_xbar_simulate_js__WEBPACK_IMPORTED_MODULE_3__/* .nonIdealLogits */ .zV)(job);
        return enqueue((resolve, reject) => ({ kind: 'logits', job, resolve, reject }));
    };
    const close = async () => {
        closed = true;
        // Jobs not yet finished fail with one clear reason, not a worker's exit code.
        for (const t of queue.splice(0))
            t.reject(closedError());
        const ending = slots.splice(0);
        for (const s of ending)
            release(s)?.reject(closedError());
        await Promise.all(ending.map((s) => s.worker.terminate()));
    };
    return Object.assign(samples, { logits, close });
}
/** True when this thread was started by workerSampleRunner. */
function isNaxWorker() {
    return !node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.isMainThread && node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.workerData?.kind === JOB_KIND;
}
/** The worker side: start tfjs once, then run each job it is sent, holding the last graph and data. */
async function workerMain() {
    const port = node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort;
    const ready = (0,_tfjs_js__WEBPACK_IMPORTED_MODULE_1__.initBackend)('wasm');
    const held = {};
    const take = (slot, ref) => {
        if (ref.value !== undefined)
            held[slot] = [ref.key, ref.value];
        const h = held[slot];
        if (!h || h[0] !== ref.key)
            throw new Error(`worker lacks ${slot} ${ref.key}`);
        return h[1];
    };
    // Jobs run one at a time, in the order they arrive (the pool sends a worker one job at a time).
    let chain = Promise.resolve();
    port.on('message', (m) => {
        chain = chain.then(async () => {
            try {
                await ready;
                if (m.type === 'logits') {
                    const logits = (0,_xbar_simulate_js__WEBPACK_IMPORTED_MODULE_3__/* .nonIdealLogits */ .zV)({ ...m.job, graph: take('graph', m.graph) });
                    port.postMessage({ type: 'logits', id: m.id, logits });
                    return;
                }
                const job = {
                    ...m.job,
                    graph: take('graph', m.graph),
                    data: take('data', m.data),
                    ...(m.calibrationImages ? { calibrationImages: take('calibration', m.calibrationImages) } : {}),
                };
                const result = await (0,_xbar_simulate_js__WEBPACK_IMPORTED_MODULE_3__/* .runSamples */ .Tf)(job, (line, step) => port.postMessage({ type: 'progress', id: m.id, line, ...(step ? { step } : {}) }));
                port.postMessage({ type: 'done', id: m.id, result });
            }
            catch (e) {
                const err = e;
                port.postMessage({ type: 'error', id: m.id, message: err.message, stack: err.stack });
            }
        });
    });
}


/***/ })

};
