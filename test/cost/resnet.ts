/**
 * Test doubles for the cost tests: matrix-layer shapes of CIFAR-style ResNet-20 (stem conv, 3 stages × 3 basic
 * blocks × 2 convs, option-A identity shortcuts so no 1×1 conv, dense classifier: 20 matrix layers) and
 * mapping builders. 'same' padding: out = ceil(in / stride).
 */
import { type LayerMapping, losslessAdcBits } from '../../src/config/mapping.js';
import type { MatrixLayerShape } from '../../src/mapping/tiling.js';

/** A k×k conv layer, Cin → Cout, with the given output map (stride 1 unless given). */
export function conv(
  name: string,
  o: { k: number; cin: number; cout: number; outH: number; outW?: number; stride?: number },
): MatrixLayerShape {
  const stride = o.stride ?? 1;
  const outW = o.outW ?? o.outH;
  return {
    name,
    kind: 'conv2d',
    kernelH: o.k,
    kernelW: o.k,
    inChannels: o.cin,
    outChannels: o.cout,
    outH: o.outH,
    outW,
    strideH: stride,
    strideW: stride,
    inH: o.outH * stride,
    inW: outW * stride,
  };
}

export function dense(name: string, inputs: number, outputs: number): MatrixLayerShape {
  return {
    name, kind: 'dense', kernelH: 1, kernelW: 1, inChannels: inputs, outChannels: outputs,
    outH: 1, outW: 1, strideH: 1, strideW: 1, inH: 1, inW: 1,
  };
}

export interface ResNet20Options {
  /** Input map size (square). */
  readonly inSize: number;
  readonly inChannels: number;
  /** Channels of the three stages. */
  readonly widths: readonly [number, number, number];
  /** Stride of the stem conv. */
  readonly stemStride: number;
  readonly classes: number;
}

/** The 20 matrix layers of a ResNet-20. */
export function resnet20(o: ResNet20Options): MatrixLayerShape[] {
  const layers: MatrixLayerShape[] = [];
  let size = Math.ceil(o.inSize / o.stemStride);
  layers.push(conv('stem', { k: 3, cin: o.inChannels, cout: o.widths[0], outH: size, stride: o.stemStride }));
  let cin = o.widths[0];
  for (let s = 0; s < 3; s++) {
    for (let b = 0; b < 3; b++) {
      const stride = s > 0 && b === 0 ? 2 : 1;
      size = Math.ceil(size / stride);
      const cout = o.widths[s];
      layers.push(conv(`s${s + 1}b${b + 1}c1`, { k: 3, cin, cout, outH: size, stride }));
      layers.push(conv(`s${s + 1}b${b + 1}c2`, { k: 3, cin: cout, cout, outH: size }));
      cin = cout;
    }
  }
  layers.push(dense('fc', cin, o.classes));
  return layers;
}

/** The nax test network: ResNet-20 8-16-32 on a 28×28×1 input with a stride-2 stem, 10 classes. */
export const RESNET20_28 = resnet20({ inSize: 28, inChannels: 1, widths: [8, 16, 32], stemStride: 2, classes: 10 });

/**
 * A resolved mapping: square size × size crossbars, 8-bit weights, 2 bits/cell, 8-bit inputs, 1-bit DAC,
 * lossless ('auto') ADC, differential pair, slice per crossbar, one ADC per crossbar — unless overridden.
 */
export function mapping(size: number, over: Partial<LayerMapping> = {}): LayerMapping {
  const m: LayerMapping = {
    rows: size,
    cols: size,
    weightBits: 8,
    bitsPerCell: 2,
    inputBits: 8,
    dacBits: 1,
    adcBits: 0,
    adcRule: 'auto',
    signMapping: 'differential',
    sliceLayout: 'crossbarPerSlice',
    adcsPerCrossbar: 1,
    ...over,
  };
  if (over.adcBits === undefined) return { ...m, adcBits: losslessAdcBits(m.rows, m.bitsPerCell, m.dacBits) };
  return { ...m, adcRule: 'explicit' };
}
