/**
 * The whole pipeline on the ONNX fixture (fixtures/onnx: a PyTorch CNN on Fashion-MNIST): simulate, cost,
 * sweep and check (base read from git) run as on a tfjs model; the simulator's ideal accuracy equals
 * PyTorch's own accuracy on the same images; search says it needs a tfjs model; `nax mapping init`
 * writes a skeleton that loads, for ONNX and tfjs models alike, and never overwrites without --force.
 */
import { describe, expect, test } from '@jest/globals';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXIT_OK, EXIT_USAGE } from '../../src/cli.js';
import { parseNpy } from '../../src/data/npy.js';
import type { NaxReport } from '../../src/report.js';
import { git } from '../support/git-repo.js';
import { nax } from '../support/run-cli.js';

const IMAGES = 16;

function onnxCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'nax-onnx-'));
  for (const f of ['nax.yml', 'mapping.json', 'model.onnx', 'data']) cpSync(path.join('fixtures/onnx', f), path.join(dir, f), { recursive: true });
  return dir;
}

const readJson = (f: string) => JSON.parse(readFileSync(f, 'utf8'));

describe('simulate, cost, sweep, check on an ONNX model', () => {
  test('simulate: the ideal accuracy is PyTorch\'s on the same images; layers are the ONNX node names', async () => {
    const d = onnxCopy();
    const r = await nax(['simulate', '-q', '--config', 'nax.yml', '--images', String(IMAGES), '--samples', '2', '--json', 'r.json'], d);
    expect(r.err).toBe('');
    expect(r.code).toBe(EXIT_OK);
    const report = readJson(path.join(d, 'r.json')) as NaxReport;
    expect(report.inputs.model.path).toBe('model.onnx');
    const labels = parseNpy(readFileSync(path.join(d, 'data/eval-labels.npy')), 'labels').data;
    const torch = readJson('fixtures/onnx/data/torch-predictions.json') as { predictions: number[] };
    const agree = torch.predictions.slice(0, IMAGES).filter((p, i) => p === Number(labels[i])).length;
    expect(report.accuracy!.ideal).toBeCloseTo(agree / IMAGES, 10);
    expect(report.layers.map((l) => l.name)).toEqual([
      '/stem/stem.0/Conv', '/block1/conv1/Conv', '/block1/conv2/Conv', '/block2/conv1/Conv', '/block2/conv2/Conv',
      '/block2/short/short.0/Conv', '/conv/conv.0/Conv', '/fc/Gemm',
    ]);
    expect(report.accuracy!.nonIdeal.samples).toHaveLength(2);
  });

  test('cost and sweep', async () => {
    const d = onnxCopy();
    const cost = await nax(['cost', '--config', 'nax.yml'], d);
    expect(cost.code).toBe(EXIT_OK);
    expect(cost.out).toMatch(/\/fc\/Gemm/);
    const sweep = await nax(['sweep', '-q', '--config', 'nax.yml', '--crossbar', '32,64', '--images', '8', '--samples', '1'], d);
    expect(sweep.code).toBe(EXIT_OK);
    expect(sweep.out).toMatch(/^32×32 /m);
    expect(sweep.out).toMatch(/^64×64 /m);
  });

  test('check: the base model is read from git and compared with the working tree', async () => {
    const d = onnxCopy();
    git(d, 'init', '-q', '-b', 'main');
    git(d, 'add', '-A');
    git(d, '-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-q', '-m', 'base');
    const m = readJson(path.join(d, 'mapping.json'));
    m.defaults.rows = 32;
    m.defaults.cols = 32;
    writeFileSync(path.join(d, 'mapping.json'), JSON.stringify(m));
    const r = await nax(['check', '-q', '--config', 'nax.yml', '--images', '8', '--samples', '1', '--json', 'head.json'], d);
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).not.toMatch(/no baseline/);
    const head = readJson(path.join(d, 'head.json')) as NaxReport;
    expect(head.layers.every((l) => l.mapping.rows === 32)).toBe(true);
    expect(head.inputs.model.path).toBe('model.onnx');
  });

  test('search: exit 2, one line saying it needs a tfjs model', async () => {
    const d = onnxCopy();
    const r = await nax(['search', '-q', '--config', 'nax.yml', '--budget', '10s', '--out', 'out'], d);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err.trim()).toBe("nax: nax.yml: model: search supports TensorFlow.js layers models only; 'model.onnx' is ONNX (simulate, cost, sweep and check work on ONNX models)");
  });
});

describe('nax mapping init', () => {
  test('ONNX: writes every matrix layer with its shape; refuses to overwrite without --force; the skeleton loads', async () => {
    const d = onnxCopy();
    rmSync(path.join(d, 'mapping.json'));
    const r = await nax(['mapping', 'init', '--config', 'nax.yml'], d);
    expect(r.code).toBe(EXIT_OK);
    const doc = readJson(path.join(d, 'mapping.json'));
    expect(doc.defaults).toMatchObject({ rows: 64, cols: 64, weightBits: 8, adcBits: 'auto' });
    expect(Object.keys(doc.layers)).toHaveLength(8);
    // The stem: 3×3 kernel over 1 channel into 8 → 9 rows × 8 cols.
    expect(doc.layers['/stem/stem.0/Conv'].description).toBe('conv 3×3, 1 → 8 channels, stride 1, 28×28 out: weight matrix 9 rows × 8 cols');
    expect(doc.layers['/fc/Gemm'].description).toBe('dense 32 → 10: weight matrix 32 rows × 10 cols');

    const again = await nax(['mapping', 'init', '--config', 'nax.yml'], d);
    expect(again.code).toBe(EXIT_USAGE);
    expect(again.err.trim()).toBe('nax: mapping.json: already exists (pass --force to overwrite it)');
    writeFileSync(path.join(d, 'mapping.json'), '{}');
    expect((await nax(['mapping', 'init', '--config', 'nax.yml', '--force'], d)).code).toBe(EXIT_OK);

    const cost = await nax(['cost', '--config', 'nax.yml', '--json', 'c.json'], d);
    expect(cost.code).toBe(EXIT_OK);
    const report = readJson(path.join(d, 'c.json')) as NaxReport;
    expect(report.layers.every((l) => l.mapping.origin === 'defaults' && l.mapping.rows === 64)).toBe(true);
  });

  test('tfjs: the embedded fixture\'s layers, written to --out', async () => {
    const d = mkdtempSync(path.join(tmpdir(), 'nax-init-'));
    cpSync('fixtures', d, { recursive: true });
    const r = await nax(['mapping', 'init', '--config', 'nax.yml', '--out', 'skeleton.json'], d);
    expect(r.code).toBe(EXIT_OK);
    const doc = readJson(path.join(d, 'skeleton.json'));
    const cost = await nax(['cost', '--config', 'nax.yml', '--json', 'c.json'], d);
    const names = (readJson(path.join(d, 'c.json')) as NaxReport).layers.map((l) => l.name);
    expect(Object.keys(doc.layers)).toEqual(names);
    expect(cost.code).toBe(EXIT_OK);
    expect(existsSync(path.join(d, 'mapping.json'))).toBe(true);
  });
});
