/**
 * Bad ONNX input: every problem is one NaxUserError naming the .onnx file and the node (graph.node[i] and
 * its name), and on the command line exit 2 with that one line. The malformed files come from
 * scripts/onnx-fixtures.py (`bad_models`); truncation is also tried at every byte.
 */
import { describe, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXIT_USAGE, main } from '../../src/cli.js';
import { NaxUserError } from '../../src/errors.js';
import { dirSource } from '../../src/io/files.js';
import { graphFromOnnx } from '../../src/model/onnx/from-onnx.js';
import { loadOnnxModel, parseOnnx } from '../../src/model/onnx/load.js';
import { WireError, WireReader } from '../../src/model/onnx/wire.js';
import { userErrorOf } from '../support/user-error.js';
import { memorySource } from '../support/memory-source.js';

const BAD = 'fixtures/onnx/bad';

describe('malformed models → one error naming file and node', () => {
  test.each([
    ['nan-weight', /^bad\/nan-weight\.onnx: graph\.node\[1\]: Gemm 'classifier': weight 'w' holds a non-finite value \(NaN or ±Inf\) at flat index 37/],
    ['initializer-size', /^bad\/initializer-size\.onnx: graph\.node\[1\]: Gemm 'classifier': weight: tensor 'w' declares \[3, 32\] = 96 float values \(384 bytes\) but stores 372 bytes/],
    ['initializer-shape', /^bad\/initializer-shape\.onnx: graph\.node\[1\]: Gemm 'classifier': weight expects 30 input features, its input has 32/],
    ['unknown-op', /^bad\/unknown-op\.onnx: graph\.node\[1\]: node 'act' of op type 'Gelu' \(opset 13\) is not supported \(supported: Conv, Gemm/],
    ['external-escape', /^bad\/external-escape\.onnx: graph\.node\[1\]: Gemm 'classifier': initializer 'w': external data path '\.\.\/\.\.\/outside\.bin' leaves its folder/],
    ['truncated', /^bad\/truncated\.onnx: not a valid ONNX model \(truncated: \d+ bytes needed at byte \d+, \d+ left\)/],
  ])('%s', async (name, pattern) => {
    const e = await userErrorOf(loadOnnxModel(dirSource('fixtures/onnx'), `bad/${name}.onnx`));
    expect(e.format()).toMatch(pattern);
    expect(e.format()).not.toContain('\n');
  });

  test('the same file, well formed, loads (so each bad file fails for its one defect)', async () => {
    const { graph } = await loadOnnxModel(dirSource('fixtures/onnx'), 'bad/good.onnx');
    expect(graph.nodes.map((n) => n.op)).toEqual(['flatten', 'matrix']);
    expect(graph.inputShape).toEqual([4, 4, 2]);
  });

  test('external data inside the folder, at an offset, loads and equals the embedded weights', async () => {
    const ext = await loadOnnxModel(dirSource('fixtures/onnx'), 'bad/external-ok.onnx');
    const embedded = await loadOnnxModel(dirSource('fixtures/onnx'), 'bad/good.onnx');
    const w = (g: typeof ext.graph) => (g.nodes[1] as { weights: Float32Array }).weights;
    expect(Array.from(w(ext.graph))).toEqual(Array.from(w(embedded.graph)));
    // The external file is part of the model's content hash.
    expect(ext.sha256).not.toBe(embedded.sha256);
  });

  test('external data beyond the end of its file', async () => {
    const model = readFileSync(`${BAD}/external-ok.onnx`);
    const e = await userErrorOf(loadOnnxModel(memorySource({ 'm/x.onnx': model, 'm/external-ok.bin': new Uint8Array(100) }), 'm/x.onnx'));
    expect(e.format()).toMatch(/^m\/x\.onnx: graph\.node\[1\]: Gemm 'classifier': initializer 'w': external data \[16, 400\) lies outside 'external-ok\.bin' \(100 bytes\)/);
  });

  test('every truncation of a valid model is a NaxUserError, never a crash', () => {
    const bytes = readFileSync(`${BAD}/good.onnx`);
    let failures = 0;
    for (let k = 0; k < bytes.length; k++) {
      try {
        graphFromOnnx(parseOnnx(bytes.subarray(0, k), 'x.onnx'), 'x.onnx');
      } catch (e) {
        expect(e).toBeInstanceOf(NaxUserError);
        failures++;
      }
    }
    expect(failures).toBe(bytes.length);
  });

  test('a file of another format is not ONNX', () => {
    for (const text of ['{"modelTopology": {}}', '', 'PK\u0003\u0004 zip']) {
      expect(() => parseOnnx(new TextEncoder().encode(text), 'model.onnx')).toThrow(/^not a valid ONNX model/);
    }
  });
});

describe('wire format reader', () => {
  test('varints: 1, 300 and a negative int64 as ten bytes', () => {
    expect(new WireReader(Uint8Array.of(0x01)).varint()).toBe(1);
    expect(new WireReader(Uint8Array.of(0xac, 0x02)).varint()).toBe(300);
    expect(new WireReader(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01)).int64()).toBe(-1);
  });

  test('a length beyond the buffer is refused before any allocation', () => {
    // Field 1, length-delimited, length 2^31.
    const r = new WireReader(Uint8Array.of(0x0a, 0x80, 0x80, 0x80, 0x80, 0x08, 0x00));
    r.key();
    expect(() => r.bytes()).toThrow(WireError);
  });

  test('packed and unpacked repeated fields read the same values', () => {
    const packed = new WireReader(Uint8Array.of(0x03, 0x01, 0x02, 0x03));
    const out: number[] = [];
    packed.repeated(2, 0, (x) => x.varint(), out);
    const single = new WireReader(Uint8Array.of(0x04));
    single.repeated(0, 0, (x) => x.varint(), out);
    expect(out).toEqual([1, 2, 3, 4]);
  });
});

describe('on the command line', () => {
  test('exit 2 and one line naming the file and the node', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nax-onnx-bad-'));
    cpSync('fixtures/onnx/bad/nan-weight.onnx', path.join(dir, 'model.onnx'));
    writeFileSync(path.join(dir, 'mapping.json'), JSON.stringify({ schema: 'nax-mapping/1', defaults: { rows: 32, cols: 32 } }));
    writeFileSync(path.join(dir, 'nax.yml'), 'model: model.onnx\nmapping: mapping.json\n');
    let err = '';
    const code = await main(['node', 'nax', 'cost', '--config', path.join(dir, 'nax.yml')], { out: () => undefined, err: (t) => (err += t), cwd: dir });
    expect(code).toBe(EXIT_USAGE);
    expect(err.trim()).toMatch(/^nax: model\.onnx: graph\.node\[1\]: Gemm 'classifier': weight 'w' holds a non-finite value/);
    expect(err.trim().split('\n')).toHaveLength(1);
  });
});
