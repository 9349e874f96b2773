/**
 * The tiled bit-serial crossbar engine against the integer arithmetic it must reproduce: with ideal wires,
 * no device effects and a lossless ADC, every layout, sign mapping, DAC width and input sign gives exactly
 * the quantised matrix product Σ q_w·q_x (reference §5.1–5.7).
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import type { LayerMapping } from '../../src/config/mapping.js';
import { DEFAULT_TECHNOLOGY, type Technology } from '../../src/config/technology.js';
import type { MatrixNode } from '../../src/model/graph.js';
import { initBackend } from '../../src/runtime/tfjs.js';
import { layerForward, prepareLayer, programLayer } from '../../src/xbar/crossbar-layer.js';
import { Rng } from '../../src/xbar/rng.js';
import { convNode, ideal, input, mapping, reference } from './layer-support.js';

function run(node: MatrixNode, m: LayerMapping, signed: boolean, tech: Technology = ideal, irDrop: 'exact' | 'fast' | 'ideal' = 'exact') {
  const batch = 2;
  const x = input(batch * node.shape.inH * node.shape.inW * node.shape.inChannels, 7, signed);
  const maxAbs = x.reduce((a, v) => Math.max(a, Math.abs(v)), 0);
  const calibration = { maxAbs, signed, meanRow: new Float64Array(node.shape.kernelH * node.shape.kernelW * node.shape.inChannels).fill(0.5) };
  const prepared = prepareLayer(node, m, calibration);
  const programmed = programLayer(prepared, { technology: tech, irDrop, deviceEffects: 'on', seed: 3 });
  const got = layerForward(programmed, x, batch, tech, 0);
  programmed.tiles.forEach((t) => t.m.dispose());
  return { got, want: reference(node, m, x, batch, maxAbs, signed), nfMean: programmed.nfMean };
}

beforeAll(async () => {
  await initBackend('wasm');
});

describe('crossbar layer, ideal wires and devices, lossless ADC = quantised integer product exactly', () => {
  const node = convNode({ h: 6, w: 5, cin: 3, cout: 5, k: 3, stride: 1, padding: 'same', seed: 1 });
  const cases: Array<[string, Partial<LayerMapping>, boolean]> = [
    ['differential, slice per crossbar, 2 row tiles', {}, false],
    ['offset mapping', { signMapping: 'offset' }, false],
    ['interleaved columns', { sliceLayout: 'interleavedColumns' }, false],
    ['2-bit DAC, 3-bit cells', { dacBits: 2, bitsPerCell: 3 }, false],
    ['signed inputs, bit-serial (sign bit weighted −2^(Ib−1))', {}, true],
    ['signed inputs, 3-bit DAC (bipolar top cycle)', { dacBits: 3 }, true],
    ['1-bit cells, 4-bit weights and inputs', { bitsPerCell: 1, weightBits: 4, inputBits: 4 }, false],
  ];
  for (const [name, m, signed] of cases) {
    test(`x=[2,6,5,3] f=[3,3,3,5] on 16×16: ${name}`, () => {
      const { got, want } = run(node, mapping({ rows: 16, cols: 16, ...m }), signed);
      expect(Array.from(got)).toEqual(Array.from(want));
    });
  }

  test('strided valid conv and a dense layer', () => {
    const strided = convNode({ h: 7, w: 7, cin: 2, cout: 3, k: 3, stride: 2, padding: 'valid', seed: 2 });
    const r1 = run(strided, mapping({ rows: 16, cols: 16 }), false);
    expect(Array.from(r1.got)).toEqual(Array.from(r1.want));
    const rng = new Rng(4);
    const dense: MatrixNode = {
      op: 'matrix', name: 'fc', input: 'in', padding: 'valid', activation: 'linear',
      shape: { name: 'fc', kind: 'dense', kernelH: 1, kernelW: 1, inChannels: 40, outChannels: 20, outH: 1, outW: 1, strideH: 1, strideW: 1, inH: 1, inW: 1 },
      weights: Float32Array.from({ length: 800 }, () => rng.normal()),
      bias: new Float32Array(20),
    };
    const r2 = run(dense, mapping({ rows: 32, cols: 16 }), false);
    expect(Array.from(r2.got)).toEqual(Array.from(r2.want));
  });

  test('a too-small ADC clips: the result departs from the integer product', () => {
    const m = { ...mapping({ rows: 16, cols: 16 }), adcBits: 3, adcRule: 'explicit' as const };
    const { got, want } = run(node, m, false);
    expect(Array.from(got)).not.toEqual(Array.from(want));
  });
});

describe('crossbar layer under IR drop', () => {
  const node = convNode({ h: 8, w: 8, cin: 8, cout: 16, k: 3, stride: 1, padding: 'same', seed: 5 });
  const m = mapping({ rows: 64, cols: 64 });

  test('default wires lower the column currents (NF > 0) and change outputs; exact and fast agree closely', () => {
    const exact = run(node, m, false, DEFAULT_TECHNOLOGY, 'exact');
    const fast = run(node, m, false, DEFAULT_TECHNOLOGY, 'fast');
    expect(exact.nfMean).toBeGreaterThan(0.005);
    expect(Array.from(exact.got)).not.toEqual(Array.from(exact.want));
    expect(Math.abs(fast.nfMean - exact.nfMean)).toBeLessThan(0.1 * exact.nfMean);
  });
});
