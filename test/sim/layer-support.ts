/**
 * Shared pieces of the crossbar-layer tests: a random conv layer, a lossless mapping, the independent integer
 * reference Σ q_w·q_x, and ideal devices and wires.
 */
import { type LayerMapping, losslessAdcBits } from '../../src/config/mapping.js';
import { DEFAULT_TECHNOLOGY, type Technology } from '../../src/config/technology.js';
import type { MatrixLayerShape } from '../../src/mapping/tiling.js';
import type { MatrixNode } from '../../src/model/graph.js';
import { im2col } from '../../src/xbar/im2col.js';
import { inputStep, quantizeInputs, quantizeWeights } from '../../src/xbar/quantize.js';
import { Rng } from '../../src/xbar/rng.js';

export const ideal: Technology = {
  ...DEFAULT_TECHNOLOGY,
  device: { ...DEFAULT_TECHNOLOGY.device, programmingSigmaRel: 0, readNoiseSigmaRel: 0 },
  wires: { rWireOhm: 0, rSourceOhm: 0, rSinkOhm: 0 },
};

export function convNode(o: { h: number; w: number; cin: number; cout: number; k: number; stride: number; padding: 'same' | 'valid'; seed: number }): MatrixNode {
  const rng = new Rng(o.seed);
  const outH = o.padding === 'same' ? Math.ceil(o.h / o.stride) : Math.ceil((o.h - o.k + 1) / o.stride);
  const outW = o.padding === 'same' ? Math.ceil(o.w / o.stride) : Math.ceil((o.w - o.k + 1) / o.stride);
  const shape: MatrixLayerShape = {
    name: 'conv', kind: 'conv2d', kernelH: o.k, kernelW: o.k, inChannels: o.cin, outChannels: o.cout,
    outH, outW, strideH: o.stride, strideW: o.stride, inH: o.h, inW: o.w,
  };
  const weights = Float32Array.from({ length: o.k * o.k * o.cin * o.cout }, () => rng.normal() * 0.3);
  const bias = Float32Array.from({ length: o.cout }, () => rng.normal() * 0.1);
  return { op: 'matrix', name: 'conv', input: 'in', shape, weights, bias, padding: o.padding, activation: 'linear' };
}

export function mapping(m: Partial<LayerMapping> & { rows: number; cols: number }): LayerMapping {
  const base = { weightBits: 8, bitsPerCell: 2, inputBits: 8, dacBits: 1, signMapping: 'differential' as const, sliceLayout: 'crossbarPerSlice' as const, adcsPerCrossbar: 1, ...m };
  return { ...base, adcBits: losslessAdcBits(base.rows, base.bitsPerCell, base.dacBits, base.signMapping), adcRule: 'auto' };
}

/** The integer reference: Σ q_w·q_x · stepW·stepX + bias, [pixels, cout]. */
export function reference(node: MatrixNode, m: LayerMapping, x: Float32Array, batch: number, maxAbs: number, signed: boolean): Float32Array {
  const { q, stepW } = quantizeWeights(node.weights, m.weightBits, m.signMapping);
  const inputSign = signed ? 'twosComplement' : 'unsigned';
  const stepX = inputStep(maxAbs, m.inputBits, inputSign);
  const patches = im2col(x, batch, node.shape, node.padding);
  const R = node.shape.kernelH * node.shape.kernelW * node.shape.inChannels;
  const codes = quantizeInputs(patches, { stepX, inputBits: m.inputBits, inputSign });
  const cout = node.shape.outChannels;
  const P = patches.length / R;
  const out = new Float32Array(P * cout);
  for (let p = 0; p < P; p++) {
    for (let c = 0; c < cout; c++) {
      let s = 0;
      for (let i = 0; i < R; i++) s += q[i * cout + c] * codes[p * R + i];
      out[p * cout + c] = s * stepW * stepX + node.bias[c];
    }
  }
  return out;
}

export function input(n: number, seed: number, signed: boolean): Float32Array {
  const rng = new Rng(seed);
  return Float32Array.from({ length: n }, () => (signed ? rng.normal() : Math.max(0, rng.normal())));
}
