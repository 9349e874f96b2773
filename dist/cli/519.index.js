export const id = 519;
export const ids = [519];
export const modules = {

/***/ 4091:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ graphFromModel),
/* harmony export */   Q: () => (/* binding */ SUPPORTED_LAYER_CLASSES)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/** Layer classes graphFromModel understands. */
const SUPPORTED_LAYER_CLASSES = [
    'InputLayer', 'Conv2D', 'Dense', 'BatchNormalization', 'ReLU', 'Activation', 'Softmax', 'Add',
    'MaxPooling2D', 'AveragePooling2D', 'GlobalAveragePooling2D', 'Flatten', 'Dropout',
    'GaussianNoise', 'GaussianDropout', 'AlphaDropout',
];
/** Identity at inference time. */
const INFERENCE_IDENTITY = new Set(['Dropout', 'GaussianNoise', 'GaussianDropout', 'AlphaDropout']);
const ACTIVATIONS = ['linear', 'relu', 'relu6', 'sigmoid', 'tanh', 'softmax'];
/**
 * Builds the NetworkGraph of `model`. `file` is the model.json path for error messages; fields name the
 * layer as `modelTopology.config.layers[i]` (the index in `model.layers`, which is the index in the
 * saved topology for both functional and sequential models).
 *
 * The model must have one image input [H, W, C] with fixed sizes and one output [classes]. Every weight
 * matrix is laid out [rows = kH·kW·Cin (order kh, kw, cin), cols = Cout], the tfjs kernel
 * [kh, kw, cin, cout] flattened row-major; dense layers are [in, out].
 */
function graphFromModel(model, file) {
    return new Converter(model, file).run();
}
class Converter {
    model;
    file;
    nodes = [];
    byName = new Map();
    outputs = new Map();
    consumers = new Map();
    constructor(model, file) {
        this.model = model;
        this.file = file;
    }
    run() {
        const { model, file } = this;
        if (model.inputs.length !== 1 || model.outputs.length !== 1) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(file, 'modelTopology', `the model has ${model.inputs.length} inputs and ${model.outputs.length} outputs`, 'nax simulates classifiers with one image input and one output');
        }
        const inputLayer = model.inputs[0].sourceLayer;
        const inShape = model.inputs[0].shape.slice(1);
        if (inShape.length !== 3 || !inShape.every((d) => typeof d === 'number' && d > 0)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(file, 'modelTopology', `input '${inputLayer.name}' has shape [${inShape.map(String).join(', ')}]`, 'nax needs a fixed-size image input [height, width, channels]');
        }
        const inputShape = [inShape[0], inShape[1], inShape[2]];
        this.outputs.set(inputLayer.name, { node: inputLayer.name, exclusive: true, shape: inputShape });
        const layers = model.layers;
        for (const layer of layers) {
            if (layer === inputLayer)
                continue;
            for (const u of this.inbound(layer, layers.indexOf(layer)))
                this.consumers.set(u.name, (this.consumers.get(u.name) ?? 0) + 1);
        }
        const outLayer = model.outputs[0].sourceLayer;
        this.consumers.set(outLayer.name, (this.consumers.get(outLayer.name) ?? 0) + 1);
        layers.forEach((layer, i) => {
            if (layer !== inputLayer)
                this.convert(layer, i);
        });
        const out = this.outputs.get(outLayer.name);
        if (!out)
            throw new Error(`internal error: output layer '${outLayer.name}' was not converted`);
        if (out.shape.length !== 1) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(file, 'modelTopology', `the output '${outLayer.name}' has shape [${out.shape.join(', ')}] per image`, 'nax needs class scores [classes]; end the model with a Dense layer');
        }
        return Object.freeze({
            input: inputLayer.name,
            inputShape: Object.freeze(inputShape),
            nodes: Object.freeze(this.nodes.map((n) => Object.freeze(n))),
            output: out.node,
        });
    }
    field(i) {
        return `modelTopology.config.layers[${i}]`;
    }
    inbound(layer, i) {
        if (layer.inboundNodes.length !== 1) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(this.file, this.field(i), `layer '${layer.name}' is applied ${layer.inboundNodes.length} times`, 'shared layers are not supported; give each use its own layer');
        }
        return layer.inboundNodes[0].inboundLayers;
    }
    inputOf(layer, i) {
        const ins = this.inbound(layer, i);
        if (ins.length !== 1) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(this.file, this.field(i), `layer '${layer.name}' has ${ins.length} inputs, expected 1`);
        }
        const out = this.outputs.get(ins[0].name);
        if (!out)
            throw new Error(`internal error: layer '${ins[0].name}' used before it was converted`);
        return { from: ins[0], out };
    }
    /** The node `out` refers to, if the layer `from` may merge into it (see Output.exclusive). */
    mergeTarget(from, out) {
        if (!out.exclusive || this.consumers.get(from.name) !== 1)
            return undefined;
        return this.byName.get(out.node);
    }
    add(node, shape) {
        const draft = { ...node };
        this.nodes.push(draft);
        this.byName.set(node.name, draft);
        this.outputs.set(node.name, { node: node.name, exclusive: true, shape });
    }
    /** `layer` adds nothing to the node holding `from`'s output (skipped, folded or fused into it). */
    alias(layer, from, out) {
        this.outputs.set(layer.name, { node: out.node, exclusive: out.exclusive && this.consumers.get(from.name) === 1, shape: out.shape });
    }
    convert(layer, i) {
        const cls = layer.getClassName();
        const config = layer.getConfig();
        if (INFERENCE_IDENTITY.has(cls)) {
            const { from, out } = this.inputOf(layer, i);
            this.alias(layer, from, out);
            return;
        }
        switch (cls) {
            case 'Conv2D':
                return this.conv2d(layer, i, config);
            case 'Dense':
                return this.dense(layer, i, config);
            case 'BatchNormalization':
                return this.batchNorm(layer, i, config);
            case 'Activation':
                return this.activation(layer, i, this.readActivation(config.activation, i, 'activation'));
            case 'ReLU': {
                const max = config.maxValue;
                if (max != null && max !== 6) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(this.file, `${this.field(i)}.config.maxValue`, `ReLU '${layer.name}' clips at ${String(max)}`, 'supported: no limit (relu) or 6 (relu6)');
                }
                return this.activation(layer, i, max === 6 ? 'relu6' : 'relu');
            }
            case 'Softmax': {
                const axis = Array.isArray(config.axis) && config.axis.length === 1 ? config.axis[0] : (config.axis ?? -1);
                const last = this.inputOf(layer, i).out.shape.length;
                if (axis !== -1 && axis !== last) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(this.file, `${this.field(i)}.config.axis`, `Softmax '${layer.name}' over axis ${String(axis)}`, 'supported: the last axis (-1)');
                }
                return this.activation(layer, i, 'softmax');
            }
            case 'Add':
                return this.addLayer(layer, i);
            case 'MaxPooling2D':
            case 'AveragePooling2D':
                return this.pool(layer, i, config, cls === 'MaxPooling2D' ? 'maxPool' : 'avgPool');
            case 'GlobalAveragePooling2D': {
                this.requireChannelsLast(config, i);
                if (config.keepDims === true) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(this.file, `${this.field(i)}.config.keepDims`, `GlobalAveragePooling2D '${layer.name}' keeps dims`, 'use keepDims: false');
                }
                const { out } = this.inputOf(layer, i);
                const node = { op: 'globalAvgPool', name: layer.name, input: out.node };
                return this.add(node, [this.imageShape(layer, i, out)[2]]);
            }
            case 'Flatten': {
                const { out } = this.inputOf(layer, i);
                const node = { op: 'flatten', name: layer.name, input: out.node };
                return this.add(node, [out.shape.reduce((a, b) => a * b, 1)]);
            }
            case 'InputLayer':
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(this.file, this.field(i), `second input layer '${layer.name}'`, 'nax needs exactly one input');
            default:
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(this.file, this.field(i), `layer '${layer.name}' of class '${cls}' is not supported`, `supported: ${SUPPORTED_LAYER_CLASSES.join(', ')}`);
        }
    }
    readActivation(v, i, key) {
        const name = v ?? 'linear';
        if (typeof name !== 'string' || !ACTIVATIONS.includes(name)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(this.file, `${this.field(i)}.config.${key}`, `activation ${JSON.stringify(name)} is not supported`, `supported: ${ACTIVATIONS.join(', ')}`);
        }
        return name;
    }
    requireChannelsLast(config, i) {
        if (config.dataFormat !== undefined && config.dataFormat !== 'channelsLast') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(this.file, `${this.field(i)}.config.dataFormat`, `data format '${String(config.dataFormat)}'`, 'supported: channelsLast');
        }
    }
    /** A size written as one integer or [h, w]. */
    pair(v, i, key) {
        const a = Array.isArray(v) ? v : [v, v];
        if (a.length !== 2 || !a.every((x) => Number.isInteger(x) && x > 0)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(this.file, `${this.field(i)}.config.${key}`, `expected two positive integers, found ${JSON.stringify(v)}`);
        }
        return [a[0], a[1]];
    }
    imageShape(layer, i, out) {
        if (out.shape.length !== 3) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(this.file, this.field(i), `layer '${layer.name}' needs an image input [H, W, C], got [${out.shape.join(', ')}]`);
        }
        return [out.shape[0], out.shape[1], out.shape[2]];
    }
    /** Output shape (without batch) that tfjs computed for the layer. */
    outShape(layer, i) {
        const s = layer.inboundNodes[0].outputShapes;
        const shape = (Array.isArray(s[0]) ? s[0] : s);
        const rest = shape.slice(1);
        if (!rest.every((d) => typeof d === 'number')) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(this.file, this.field(i), `layer '${layer.name}' has an unknown output size [${rest.map(String).join(', ')}]`);
        }
        return rest;
    }
    weights(layer) {
        const values = layer.getWeights();
        const map = new Map();
        layer.weights.forEach((w, k) => {
            // 'conv/kernel' → 'kernel'; tfjs may uniquify as 'kernel_1'.
            const key = w.originalName.split('/').pop().replace(/_\d+$/, '');
            map.set(key, Float32Array.from(values[k].dataSync()));
        });
        return map;
    }
    requireWeight(ws, key, layer, i, length) {
        const w = ws.get(key);
        if (!w || w.length !== length) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(this.file, this.field(i), `layer '${layer.name}' has no ${key} of ${length} values`);
        }
        return w;
    }
    conv2d(layer, i, config) {
        this.requireChannelsLast(config, i);
        const { out } = this.inputOf(layer, i);
        const [inH, inW, inC] = this.imageShape(layer, i, out);
        const pair = (v, key) => this.pair(v, i, key);
        const [kh, kw] = pair(config.kernelSize, 'kernelSize');
        const [sh, sw] = pair(config.strides ?? 1, 'strides');
        const [dh, dw] = pair(config.dilationRate ?? 1, 'dilationRate');
        if (dh !== 1 || dw !== 1) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(this.file, `${this.field(i)}.config.dilationRate`, `conv '${layer.name}' is dilated (${dh}×${dw})`, 'supported: dilation 1');
        }
        const padding = config.padding;
        if (padding !== 'same' && padding !== 'valid') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(this.file, `${this.field(i)}.config.padding`, `padding ${JSON.stringify(padding)}`, "supported: 'same', 'valid'");
        }
        const [outH, outW, cout] = this.outShape(layer, i);
        const ws = this.weights(layer);
        const weights = this.requireWeight(ws, 'kernel', layer, i, kh * kw * inC * cout);
        const bias = config.useBias === false ? new Float32Array(cout) : this.requireWeight(ws, 'bias', layer, i, cout);
        const shape = {
            name: layer.name, kind: 'conv2d', kernelH: kh, kernelW: kw, inChannels: inC, outChannels: cout,
            outH, outW, strideH: sh, strideW: sw, inH, inW,
        };
        const node = {
            op: 'matrix', name: layer.name, input: out.node, shape, weights, bias, padding,
            activation: this.readActivation(config.activation, i, 'activation'),
        };
        this.add(node, [outH, outW, cout]);
    }
    dense(layer, i, config) {
        const { out } = this.inputOf(layer, i);
        const units = this.outShape(layer, i).at(-1);
        const fin = out.shape.at(-1);
        const ws = this.weights(layer);
        const weights = this.requireWeight(ws, 'kernel', layer, i, fin * units);
        const bias = config.useBias === false ? new Float32Array(units) : this.requireWeight(ws, 'bias', layer, i, units);
        const activation = this.readActivation(config.activation, i, 'activation');
        let shape;
        let outShape;
        if (out.shape.length === 1) {
            shape = { name: layer.name, kind: 'dense', kernelH: 1, kernelW: 1, inChannels: fin, outChannels: units, outH: 1, outW: 1, strideH: 1, strideW: 1, inH: 1, inW: 1 };
            outShape = [units];
        }
        else if (out.shape.length === 3) {
            // Dense on a feature map acts on the channel axis of every pixel: exactly a 1×1 convolution.
            const [h, w] = out.shape;
            shape = { name: layer.name, kind: 'conv2d', kernelH: 1, kernelW: 1, inChannels: fin, outChannels: units, outH: h, outW: w, strideH: 1, strideW: 1, inH: h, inW: w };
            outShape = [h, w, units];
        }
        else {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(this.file, this.field(i), `Dense '${layer.name}' on an input of shape [${out.shape.join(', ')}]`, 'supported: [features] or an image [H, W, C]');
        }
        const node = { op: 'matrix', name: layer.name, input: out.node, shape, weights, bias, padding: 'valid', activation };
        this.add(node, outShape);
    }
    batchNorm(layer, i, config) {
        const { from, out } = this.inputOf(layer, i);
        const rank = out.shape.length + 1;
        const axis = Array.isArray(config.axis) && config.axis.length === 1 ? config.axis[0] : (config.axis ?? -1);
        if (axis !== -1 && axis !== rank - 1) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(this.file, `${this.field(i)}.config.axis`, `BatchNormalization '${layer.name}' over axis ${JSON.stringify(axis)}`, 'supported: the channel axis (-1)');
        }
        const c = out.shape.at(-1);
        const eps = typeof config.epsilon === 'number' ? config.epsilon : 1e-3;
        const ws = this.weights(layer);
        const gamma = config.scale === false ? new Float32Array(c).fill(1) : this.requireWeight(ws, 'gamma', layer, i, c);
        const beta = config.center === false ? new Float32Array(c) : this.requireWeight(ws, 'beta', layer, i, c);
        const mean = this.requireWeight(ws, 'moving_mean', layer, i, c);
        const variance = this.requireWeight(ws, 'moving_variance', layer, i, c);
        // Float64 for the fold itself; the results are stored as float32 like every weight.
        const s = Array.from({ length: c }, (_, k) => gamma[k] / Math.sqrt(variance[k] + eps));
        const target = this.mergeTarget(from, out);
        if (target?.op === 'matrix' && target.activation === 'linear') {
            const cols = target.shape.outChannels;
            const w = target.weights;
            const folded = new Float32Array(w.length);
            for (let r = 0; r < w.length / cols; r++)
                for (let k = 0; k < cols; k++)
                    folded[r * cols + k] = w[r * cols + k] * s[k];
            target.weights = folded;
            target.bias = Float32Array.from({ length: cols }, (_, k) => (target.bias[k] - mean[k]) * s[k] + beta[k]);
            this.alias(layer, from, out);
            return;
        }
        const node = {
            op: 'affine', name: layer.name, input: out.node,
            scale: Float32Array.from(s),
            offset: Float32Array.from({ length: c }, (_, k) => beta[k] - mean[k] * s[k]),
        };
        this.add(node, out.shape);
    }
    activation(layer, i, activation) {
        const { from, out } = this.inputOf(layer, i);
        if (activation === 'linear') {
            this.alias(layer, from, out);
            return;
        }
        const target = this.mergeTarget(from, out);
        if ((target?.op === 'matrix' || target?.op === 'add') && target.activation === 'linear') {
            target.activation = activation;
            this.alias(layer, from, out);
            return;
        }
        const node = { op: 'activation', name: layer.name, input: out.node, activation };
        this.add(node, out.shape);
    }
    addLayer(layer, i) {
        const ins = this.inbound(layer, i).map((u) => {
            const o = this.outputs.get(u.name);
            if (!o)
                throw new Error(`internal error: layer '${u.name}' used before it was converted`);
            return o;
        });
        const shape = ins[0].shape;
        if (ins.some((o) => o.shape.join() !== shape.join())) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(this.file, this.field(i), `Add '${layer.name}' of shapes ${ins.map((o) => `[${o.shape.join(', ')}]`).join(' and ')}`, 'supported: inputs of equal shape (no broadcasting)');
        }
        const node = { op: 'add', name: layer.name, inputs: ins.map((o) => o.node), activation: 'linear' };
        this.add(node, shape);
    }
    pool(layer, i, config, op) {
        this.requireChannelsLast(config, i);
        const { out } = this.inputOf(layer, i);
        this.imageShape(layer, i, out);
        const pair = (v, key) => this.pair(v, i, key);
        const [poolH, poolW] = pair(config.poolSize ?? 2, 'poolSize');
        const [strideH, strideW] = config.strides == null ? [poolH, poolW] : pair(config.strides, 'strides');
        const padding = config.padding ?? 'valid';
        if (padding !== 'same' && padding !== 'valid') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NaxUserError */ .b(this.file, `${this.field(i)}.config.padding`, `padding ${JSON.stringify(padding)}`, "supported: 'same', 'valid'");
        }
        const node = { op, name: layer.name, input: out.node, poolH, poolW, strideH, strideW, padding };
        this.add(node, this.outShape(layer, i));
    }
}


/***/ }),

/***/ 5519:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  O: () => (/* binding */ loadLayersModel)
});

// EXTERNAL MODULE: ./src/model/from-tfjs.ts
var from_tfjs = __webpack_require__(4091);
// EXTERNAL MODULE: ./node_modules/@tensorflow/tfjs-core/dist/tf-core.node.js
var tf_core_node = __webpack_require__(3484);
// EXTERNAL MODULE: ./node_modules/@tensorflow/tfjs-layers/dist/tf-layers.node.js
var tf_layers_node = __webpack_require__(9762);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/config/fields.ts
var fields = __webpack_require__(81);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/io/files.ts
var files = __webpack_require__(3839);
// EXTERNAL MODULE: ./src/io/json.ts
var json = __webpack_require__(3172);
;// CONCATENATED MODULE: ./src/model/topology-shapes.ts
/**
 * The weight shapes a layers-model topology declares, inferred layer by layer from the input shape and
 * each layer's config, and checked against the weights manifest before tfjs builds anything: tfjs
 * allocates every weight at the shape the topology implies (a 35 kB model.json declaring `units: 3e7`
 * would ask for gigabytes) and only then compares with the manifest. After this check tfjs allocates
 * exactly the manifest's bytes, which the file caps bound. Channels-last only, as nax's graph builder.
 */


/** Largest input of one example, elements (nax assumption: 2^22, a 1448×1448×2 image; MNIST is 784). */
const MAX_INPUT_ELEMENTS = 2 ** 22;
/** Largest output of one layer for one example, elements (nax assumption: 2^24, 64 MB as float32). */
const MAX_ACTIVATION_ELEMENTS = 2 ** 24;
function product(s) {
    return s.reduce((a, b) => a * b, 1);
}
function checkTopologyShapes(layers, manifest, file) {
    const outputs = [];
    const order = evaluationOrder(layers);
    for (const i of order) {
        const { field, layer } = layers[i];
        const cfg = layer.config;
        const name = String(cfg.name);
        const at = (k) => `${field}.config.${k}`;
        const int = (v, k) => {
            if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) {
                throw new errors/* NaxUserError */.b(file, at(k), `layer '${name}': expected a positive integer, found ${(0,fields/* describe */.q0)(v)}`);
            }
            return v;
        };
        const pair = (v, k, fallback) => {
            if (v === undefined && fallback)
                return [fallback[0], fallback[1]];
            if (typeof v === 'number')
                return [int(v, k), int(v, k)];
            if (Array.isArray(v) && v.length === 2)
                return [int(v[0], k), int(v[1], k)];
            throw new errors/* NaxUserError */.b(file, at(k), `layer '${name}': expected a positive integer or a pair, found ${(0,fields/* describe */.q0)(v)}`);
        };
        let input;
        const declared = cfg.batch_input_shape ?? cfg.batchInputShape;
        if (declared !== undefined) {
            if (!Array.isArray(declared) || declared.length < 2) {
                throw new errors/* NaxUserError */.b(file, at('batch_input_shape'), `expected [null, …dimensions], found ${(0,fields/* describe */.q0)(declared)}`);
            }
            input = declared.slice(1).map((d) => int(d, 'batch_input_shape'));
            if (product(input) > MAX_INPUT_ELEMENTS) {
                throw new errors/* NaxUserError */.b(file, at('batch_input_shape'), `input of ${product(input)} elements per example, more than ${MAX_INPUT_ELEMENTS}`);
            }
        }
        else {
            const from = layers[i].inputs ?? (i > 0 ? [i - 1] : []);
            if (from.length === 0)
                throw new errors/* NaxUserError */.b(file, field, `layer '${name}' has no input shape`, 'the first layer needs batch_input_shape');
            input = outputs[from[0]];
        }
        if (!input)
            throw new errors/* NaxUserError */.b(file, field, `layer '${name}': its input's shape is unknown`);
        const rank = (r) => {
            if (input.length !== r)
                throw new errors/* NaxUserError */.b(file, field, `layer '${name}' of class '${layer.class_name}' needs a rank-${r} input, gets [${input.join(', ')}]`);
        };
        const expect = {};
        let out = input;
        switch (layer.class_name) {
            case 'Conv2D': {
                rank(3);
                const [kh, kw] = pair(cfg.kernel_size, 'kernel_size');
                const [sh, sw] = pair(cfg.strides, 'strides', [1, 1]);
                const [dh, dw] = pair(cfg.dilation_rate, 'dilation_rate', [1, 1]);
                const filters = int(cfg.filters, 'filters');
                out = [...spatial(input, [(kh - 1) * dh + 1, (kw - 1) * dw + 1], [sh, sw], cfg.padding), filters];
                expect.kernel = [kh, kw, input[2], filters];
                if (cfg.use_bias !== false)
                    expect.bias = [filters];
                break;
            }
            case 'Dense': {
                const units = int(cfg.units, 'units');
                out = [...input.slice(0, -1), units];
                expect.kernel = [input[input.length - 1], units];
                if (cfg.use_bias !== false)
                    expect.bias = [units];
                break;
            }
            case 'BatchNormalization': {
                const c = [input[input.length - 1]];
                if (cfg.scale !== false)
                    expect.gamma = c;
                if (cfg.center !== false)
                    expect.beta = c;
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
            if (!found)
                throw new errors/* NaxUserError */.b(file, 'weightsManifest', `no weight '${key}' (layer '${name}' needs [${shape.join(', ')}])`);
            if (found.length !== shape.length || found.some((d, k) => d !== shape[k])) {
                throw new errors/* NaxUserError */.b(file, field, `layer '${name}' declares a ${w} of [${shape.join(', ')}], the manifest holds [${found.join(', ')}]`, 'the topology and the weights disagree: re-export the model');
            }
        }
        if (out.some((d) => !(d >= 1)) || product(out) > MAX_ACTIVATION_ELEMENTS) {
            throw new errors/* NaxUserError */.b(file, field, `layer '${name}' outputs [${out.join(', ')}] per example`, `each dimension ≥ 1, at most ${MAX_ACTIVATION_ELEMENTS} elements`);
        }
        outputs[i] = out;
    }
}
function spatial(input, k, s, padding) {
    const same = padding === 'same';
    return [0, 1].map((d) => (same ? Math.ceil(input[d] / s[d]) : Math.floor((input[d] - k[d]) / s[d]) + 1));
}
/** Layers in an order where every input comes first (functional wiring was checked acyclic). */
function evaluationOrder(layers) {
    const done = new Set();
    const order = [];
    const visit = (i) => {
        if (done.has(i))
            return;
        done.add(i);
        for (const j of layers[i].inputs ?? [])
            visit(j);
        order.push(i);
    };
    layers.forEach((_, i) => visit(i));
    return order;
}

;// CONCATENATED MODULE: ./src/model/load.ts
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









const CONVERT_HINT = 'nax reads TensorFlow.js layers models: tensorflowjs_converter --output_format tfjs_layers_model';
/** Bytes per stored element, by storage dtype (the quantization dtype when a weight is quantized). */
const STORED_BYTES = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 };
const WEIGHT_DTYPES = ['float32', 'int32', 'bool'];
const QUANT_DTYPES = ['uint8', 'uint16', 'float16'];
/**
 * Loads the layers model whose `model.json` is at `modelJsonPath` (relative to the source root). Weight
 * shard paths are resolved against the folder of model.json. Needs an initialised tfjs backend
 * (runtime/tfjs.ts `initBackend`). The training config, if any, is ignored: nax only runs inference and
 * re-training builds its own optimizer.
 */
async function loadLayersModel(source, modelJsonPath) {
    const file = modelJsonPath;
    const json = parseJson(await source.read(modelJsonPath), file);
    if (json.format === 'graph-model') {
        throw new errors/* NaxUserError */.b(file, 'format', 'this is a TensorFlow.js graph model, not a layers model', CONVERT_HINT);
    }
    const topology = json.modelTopology;
    if (!(0,fields/* isObject */.Gv)(topology)) {
        throw new errors/* NaxUserError */.b(file, 'modelTopology', `expected the model topology object, found ${(0,fields/* describe */.q0)(topology)}`, CONVERT_HINT);
    }
    const layerList = topologyLayers(topology, file);
    const manifest = json.weightsManifest;
    if (!Array.isArray(manifest)) {
        throw new errors/* NaxUserError */.b(file, 'weightsManifest', `expected an array of weight groups, found ${(0,fields/* describe */.q0)(manifest)}`);
    }
    const dir = external_node_path_default().posix.dirname(modelJsonPath.replaceAll('\\', '/'));
    const specs = [];
    const groupData = [];
    for (let g = 0; g < manifest.length; g++) {
        const field = `weightsManifest[${g}]`;
        const group = manifest[g];
        if (!(0,fields/* isObject */.Gv)(group))
            throw new errors/* NaxUserError */.b(file, field, `expected a weight group object, found ${(0,fields/* describe */.q0)(group)}`);
        const checked = checkSpecs(group.weights, file, `${field}.weights`);
        const data = await readGroup(source, group.paths, dir, file, `${field}.paths`);
        const need = checked.reduce((s, c) => s + c.bytes, 0);
        if (data.bytes.length !== need) {
            const last = data.paths.length - 1;
            throw new errors/* NaxUserError */.b(file, `${field}.paths[${last}]`, `shard '${data.paths[last]}' ${data.bytes.length < need ? 'is truncated' : 'is too long'}: the group's ` +
                `${data.paths.length} shard(s) hold ${data.bytes.length} bytes, its ${checked.length} weights need ${need}`, 're-export the model: the shard was cut short or extended, or the manifest edited');
        }
        checkFinite(data.bytes, checked, file);
        specs.push(...checked.map((c) => c.spec));
        groupData.push(data.bytes);
    }
    // Before tfjs allocates a weight at the topology's shape: the topology must declare the manifest's shapes.
    const manifestShapes = new Map(specs.map((s) => [s.name, s.shape]));
    checkTopologyShapes(layerList.layers.map((layer, i) => ({
        field: `${layerList.field}[${i}]`, layer, ...(layerList.inputs ? { inputs: layerList.inputs[i] } : {}),
    })), manifestShapes, file);
    const artifacts = {
        modelTopology: topology,
        format: typeof json.format === 'string' ? json.format : undefined,
        generatedBy: typeof json.generatedBy === 'string' ? json.generatedBy : undefined,
        convertedBy: typeof json.convertedBy === 'string' ? json.convertedBy : undefined,
        weightSpecs: specs,
        weightData: concat(groupData).buffer,
    };
    try {
        return await tf_layers_node/* loadLayersModel */.O0(tf_core_node.io.fromMemory(artifacts), { strict: true });
    }
    catch (e) {
        throw tfjsLoadError(e, layerList, file);
    }
}
function parseJson(bytes, file) {
    let raw;
    try {
        raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    }
    catch (e) {
        throw new errors/* NaxUserError */.b(file, '', (0,json/* jsonSyntaxMessage */.lJ)(e));
    }
    if (!(0,fields/* isObject */.Gv)(raw))
        throw new errors/* NaxUserError */.b(file, '', `expected a JSON object, found ${(0,fields/* describe */.q0)(raw)}`);
    return raw;
}
function topologyLayers(topology, file) {
    // Keras files may wrap the model config: { model_config: { class_name, config }, training_config }.
    const wrapped = (0,fields/* isObject */.Gv)(topology.model_config);
    const model = wrapped ? topology.model_config : topology;
    const base = wrapped ? 'modelTopology.model_config' : 'modelTopology';
    if (typeof model.class_name !== 'string') {
        throw new errors/* NaxUserError */.b(file, `${base}.class_name`, `expected the model class name, found ${(0,fields/* describe */.q0)(model.class_name)}`, CONVERT_HINT);
    }
    const config = model.config;
    // A legacy Sequential config is the layer array itself.
    const list = Array.isArray(config) ? config : (0,fields/* isObject */.Gv)(config) ? config.layers : undefined;
    const field = Array.isArray(config) ? `${base}.config` : `${base}.config.layers`;
    if (!Array.isArray(list))
        throw new errors/* NaxUserError */.b(file, field, `expected an array of layers, found ${(0,fields/* describe */.q0)(list)}`);
    list.forEach((l, i) => {
        if (!(0,fields/* isObject */.Gv)(l) || typeof l.class_name !== 'string' || !(0,fields/* isObject */.Gv)(l.config)) {
            throw new errors/* NaxUserError */.b(file, `${field}[${i}]`, 'expected a layer { class_name, config }');
        }
        if (typeof l.config.name === 'string')
            (0,fields/* rejectReservedName */.dG)(l.config.name, file, `${field}[${i}].config.name`);
        if (NESTED_MODEL_CLASSES.includes(l.class_name)) {
            throw new errors/* NaxUserError */.b(file, `${field}[${i}]`, `layer '${String(l.config.name)}' is a nested ${l.class_name}`, 'flatten the model: nested models are not supported');
        }
        // Before tfjs builds anything: a class it knows but nax does not would otherwise fail later, or on a
        // malformed config with a message that does not name the layer.
        if (!from_tfjs/* SUPPORTED_LAYER_CLASSES */.Q.includes(l.class_name)) {
            throw new errors/* NaxUserError */.b(file, `${field}[${i}]`, `layer '${String(l.config.name)}' of class '${l.class_name}' is not supported`, `supported: ${from_tfjs/* SUPPORTED_LAYER_CLASSES */.Q.join(', ')}`);
        }
    });
    const layers = { field, layers: list };
    // A Sequential model is wired by its layer order; every other layers model lists its connections.
    if (model.class_name !== 'Sequential' && !Array.isArray(config))
        layers.inputs = checkFunctionalGraph(layers, config, `${base}.config`, file);
    return layers;
}
const NESTED_MODEL_CLASSES = ['Model', 'Functional', 'Sequential'];
/**
 * Checks a functional model's wiring before tfjs sees it: tfjs re-queues a layer call whose input does
 * not exist yet and loops until every call is made, so a dangling or cyclic reference in a model file
 * would hang nax forever. Every layer is called at most once (nax does not support shared layers), so
 * the wiring is a graph over layer names: each reference must name a layer of the file, node 0, and the
 * graph must be acyclic.
 */
function checkFunctionalGraph(list, config, field, file) {
    const index = new Map();
    list.layers.forEach((l, i) => {
        const name = l.name ?? l.config.name;
        if (typeof name !== 'string' || name.length === 0)
            throw new errors/* NaxUserError */.b(file, `${list.field}[${i}].name`, 'expected the layer name');
        if (index.has(name))
            throw new errors/* NaxUserError */.b(file, `${list.field}[${i}].name`, `layer name '${name}' is used twice`);
        index.set(name, i);
    });
    const reference = (ref, at) => {
        if (!Array.isArray(ref) || typeof ref[0] !== 'string' || ref[1] !== 0 || !Number.isInteger(ref[2]) || ref[2] < 0) {
            throw new errors/* NaxUserError */.b(file, at, `expected [layer name, 0, tensor index, kwargs], found ${JSON.stringify(ref)?.slice(0, 80)}`, 'nax reads the Keras 2 / tfjs layers format with unshared layers');
        }
        const i = index.get(ref[0]);
        if (i === undefined)
            throw new errors/* NaxUserError */.b(file, at, `no layer named '${ref[0]}' in the model`);
        return i;
    };
    const inputsOf = list.layers.map((l, i) => {
        const at = `${list.field}[${i}].inbound_nodes`;
        const nodes = l.inbound_nodes ?? [];
        if (!Array.isArray(nodes))
            throw new errors/* NaxUserError */.b(file, at, `expected an array, found ${(0,fields/* describe */.q0)(nodes)}`);
        if (nodes.length > 1) {
            throw new errors/* NaxUserError */.b(file, at, `layer '${String(l.config.name)}' is applied ${nodes.length} times`, 'shared layers are not supported; give each use its own layer');
        }
        if (nodes.length === 0)
            return [];
        if (!Array.isArray(nodes[0]))
            throw new errors/* NaxUserError */.b(file, `${at}[0]`, `expected an array of inputs, found ${(0,fields/* describe */.q0)(nodes[0])}`);
        return nodes[0].map((ref, k) => reference(ref, `${at}[0][${k}]`));
    });
    for (const key of ['input_layers', 'output_layers']) {
        const refs = config[key];
        if (!Array.isArray(refs) || refs.length === 0)
            throw new errors/* NaxUserError */.b(file, `${field}.${key}`, `expected an array of layer references, found ${(0,fields/* describe */.q0)(refs)}`);
        refs.forEach((ref, k) => reference(ref, `${field}.${key}[${k}]`));
    }
    // Kahn's algorithm: whatever is never freed lies on a cycle.
    const pending = inputsOf.map((ins) => ins.length);
    const consumers = inputsOf.map(() => []);
    inputsOf.forEach((ins, i) => ins.forEach((u) => consumers[u].push(i)));
    const ready = pending.flatMap((p, i) => (p === 0 ? [i] : []));
    let done = 0;
    while (ready.length > 0) {
        const u = ready.pop();
        done++;
        for (const v of consumers[u])
            if (--pending[v] === 0)
                ready.push(v);
    }
    if (done < list.layers.length) {
        const i = pending.findIndex((p) => p > 0);
        throw new errors/* NaxUserError */.b(file, `${list.field}[${i}].inbound_nodes`, `the inputs of layer '${String(list.layers[i].config.name)}' form or follow a cycle`);
    }
    return inputsOf;
}
function checkSpecs(raw, file, field) {
    if (!Array.isArray(raw))
        throw new errors/* NaxUserError */.b(file, field, `expected an array of weight specs, found ${(0,fields/* describe */.q0)(raw)}`);
    return raw.map((s, k) => {
        const at = `${field}[${k}]`;
        if (!(0,fields/* isObject */.Gv)(s))
            throw new errors/* NaxUserError */.b(file, at, `expected a weight spec object, found ${(0,fields/* describe */.q0)(s)}`);
        if (typeof s.name !== 'string' || s.name.length === 0)
            throw new errors/* NaxUserError */.b(file, `${at}.name`, `expected the weight name, found ${(0,fields/* describe */.q0)(s.name)}`);
        const shape = s.shape;
        if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
            throw new errors/* NaxUserError */.b(file, `${at}.shape`, `expected an array of non-negative integers, found ${(0,fields/* describe */.q0)(shape)}`);
        }
        if (!WEIGHT_DTYPES.includes(s.dtype)) {
            throw new errors/* NaxUserError */.b(file, `${at}.dtype`, `weight '${s.name}' has dtype ${(0,fields/* describe */.q0)(s.dtype)}`, `supported: ${WEIGHT_DTYPES.join(', ')}`);
        }
        let stored = s.dtype;
        if (s.quantization !== undefined) {
            const q = s.quantization;
            if (!(0,fields/* isObject */.Gv)(q) || !QUANT_DTYPES.includes(q.dtype)) {
                throw new errors/* NaxUserError */.b(file, `${at}.quantization.dtype`, `weight '${s.name}' has quantization ${(0,fields/* describe */.q0)((0,fields/* isObject */.Gv)(q) ? q.dtype : q)}`, `supported: ${QUANT_DTYPES.join(', ')}`);
            }
            stored = q.dtype;
            if (stored !== 'float16') {
                for (const k2 of ['scale', 'min']) {
                    if (typeof q[k2] !== 'number' || !Number.isFinite(q[k2])) {
                        throw new errors/* NaxUserError */.b(file, `${at}.quantization.${k2}`, `weight '${s.name}': expected a finite number, found ${(0,fields/* describe */.q0)(q[k2])}`);
                    }
                }
            }
        }
        const count = shape.reduce((a, b) => a * b, 1);
        return { spec: s, field: at, bytes: count * STORED_BYTES[stored] };
    });
}
async function readGroup(source, raw, dir, file, field) {
    if (!Array.isArray(raw) || raw.length === 0) {
        throw new errors/* NaxUserError */.b(file, field, `expected a non-empty array of shard file names, found ${(0,fields/* describe */.q0)(raw)}`);
    }
    const parts = [];
    const paths = [];
    for (let i = 0; i < raw.length; i++) {
        const p = raw[i];
        const at = `${field}[${i}]`;
        if (typeof p !== 'string' || p.length === 0)
            throw new errors/* NaxUserError */.b(file, at, `expected a file name, found ${(0,fields/* describe */.q0)(p)}`);
        const rel = (0,files/* confinedPath */.OR)(dir, p, file, at);
        if (!(await source.exists(rel))) {
            throw new errors/* NaxUserError */.b(file, at, `weight file '${p}' not found (looked for ${rel} in the ${source.label})`);
        }
        parts.push(await source.read(rel, 'weights'));
        paths.push(p);
    }
    return { paths, bytes: concat(parts) };
}
/** Refuses NaN/±Inf in float weights: one bad weight would turn every simulated accuracy into noise. */
function checkFinite(bytes, specs, file) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let off = 0;
    for (const { spec, field, bytes: n } of specs) {
        const q = spec.quantization?.dtype;
        if (q === 'float16') {
            for (let i = 0; i < n; i += 2) {
                // Exponent all ones = Inf or NaN in IEEE half precision.
                if ((view.getUint16(off + i, true) & 0x7c00) === 0x7c00)
                    throw nonFinite(file, field, spec.name, i / 2);
            }
        }
        else if (q === undefined && spec.dtype === 'float32') {
            for (let i = 0; i < n; i += 4) {
                if (!Number.isFinite(view.getFloat32(off + i, true)))
                    throw nonFinite(file, field, spec.name, i / 4);
            }
        }
        off += n;
    }
}
function nonFinite(file, field, name, index) {
    return new errors/* NaxUserError */.b(file, field, `weight '${name}' holds a non-finite value (NaN or ±Inf) at flat index ${index}`, 'retrain or re-export the model');
}
function concat(parts) {
    const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
    let o = 0;
    for (const p of parts) {
        out.set(p, o);
        o += p.length;
    }
    return out;
}
/** Turns tfjs' deserialisation errors (thrown on the user's topology) into user errors naming the layer. */
function tfjsLoadError(e, list, file) {
    if (e instanceof errors/* NaxUserError */.b)
        return e;
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    const unknown = /Unknown layer: (\S+)/.exec(message);
    if (unknown) {
        const cls = unknown[1].replace(/\.$/, '');
        const i = list.layers.findIndex((l) => l.class_name === cls);
        const name = i >= 0 && (0,fields/* isObject */.Gv)(list.layers[i].config) ? String(list.layers[i].config.name) : '?';
        return new errors/* NaxUserError */.b(file, i >= 0 ? `${list.field}[${i}]` : list.field, `layer '${name}' of class '${cls}' is not a TensorFlow.js layers class`, 'custom layers are not supported');
    }
    // Weight/topology mismatches (missing, extra or mis-shaped weights) are the manifest's fault.
    const field = /weight|shape mismatch/i.test(message) ? 'weightsManifest' : 'modelTopology';
    return new errors/* NaxUserError */.b(file, field, `TensorFlow.js could not build the model: ${message}`);
}


/***/ })

};
