/**
 * The `nax` command line as a user meets it: bad inputs end with exit code 2 and one line naming the file
 * and the field (never a stack trace), reports are reproducible for a seed, and `nax xbar` solves a circuit.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXIT_OK, EXIT_USAGE } from '../../src/cli.js';
import { NAX_VERSION } from '../../src/version.js';
import { type CliRun, nax } from '../support/run-cli.js';

/** A copy of the fixture with a small simulation, so each run takes seconds. */
function fixtureCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'nax-cli-'));
  cpSync('fixtures', dir, { recursive: true });
  const yml = readFileSync(path.join(dir, 'nax.yml'), 'utf8')
    .replace(/evalImages: \d+/, 'evalImages: 12')
    .replace(/monteCarloSamples: \d+/, 'monteCarloSamples: 2')
    .replace(/batchSize: \d+/, 'batchSize: 12');
  writeFileSync(path.join(dir, 'nax.yml'), yml);
  return dir;
}

function edit(dir: string, file: string, f: (text: string) => string): void {
  const p = path.join(dir, file);
  writeFileSync(p, f(readFileSync(p, 'utf8')));
}

function expectOneLineError(r: CliRun, pattern: RegExp): void {
  expect(r.code).toBe(EXIT_USAGE);
  const lines = r.err.trim().split('\n').filter((l) => !l.startsWith('nax: ') || /nax: [^ ]+: /.test(l));
  const error = r.err.trim().split('\n').at(-1)!;
  expect(error).toMatch(pattern);
  expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  expect(lines.length).toBeGreaterThan(0);
}

let fixture: string;
beforeAll(() => {
  fixture = fixtureCopy();
});

describe('bad input → exit 2 with one line naming file and field', () => {
  test('weights path escaping the model folder', async () => {
    const d = fixtureCopy();
    edit(d, 'model/model.json', (t) => t.replace('"weights.bin"', '"../../etc/passwd"'));
    expectOneLineError(await nax(['simulate', '-q', '--config', 'nax.yml'], d), /model\/model\.json: weightsManifest\[0\]\.paths\[0\]: .*leaves/);
  });

  test('truncated weights', async () => {
    const d = fixtureCopy();
    const bin = path.join(d, 'model/weights.bin');
    writeFileSync(bin, readFileSync(bin).subarray(0, 1000));
    expectOneLineError(await nax(['simulate', '-q', '--config', 'nax.yml'], d), /weights\.bin|weightsManifest/);
  });

  test('NaN weights', async () => {
    const d = fixtureCopy();
    const bin = path.join(d, 'model/weights.bin');
    const b = readFileSync(bin);
    b.writeFloatLE(Number.NaN, 400);
    writeFileSync(bin, b);
    expectOneLineError(await nax(['simulate', '-q', '--config', 'nax.yml'], d), /model\/model\.json: .*(NaN|finite)/);
  });

  test('unsupported layer', async () => {
    const d = fixtureCopy();
    edit(d, 'model/model.json', (t) => t.replace('"class_name":"GlobalAveragePooling2D"', '"class_name":"LSTM"'));
    expectOneLineError(await nax(['cost', '--config', 'nax.yml'], d), /model\/model\.json: .*LSTM/);
  });

  test('mapping entry for a layer the model does not have', async () => {
    const d = fixtureCopy();
    edit(d, 'mapping.json', (t) => t.replace('"defaults"', '"layers": { "conv99": { "rows": 32, "cols": 32 } },\n  "defaults"'));
    expectOneLineError(await nax(['cost', '--config', 'nax.yml'], d), /mapping\.json: layers\.conv99: the model has no matrix layer named 'conv99'/);
  });

  test.each([[0], [4096]])('crossbar size %i', async (n) => {
    const d = fixtureCopy();
    edit(d, 'mapping.json', (t) => t.replace('"rows": 64', `"rows": ${n}`));
    expectOneLineError(await nax(['cost', '--config', 'nax.yml'], d), /mapping\.json: defaults\.rows: must be [≥≤] (16|512), found/);
  });

  test('malformed YAML and JSON', async () => {
    const d = fixtureCopy();
    edit(d, 'nax.yml', (t) => `${t}\nsimulation: [unclosed\n`);
    expectOneLineError(await nax(['cost', '--config', 'nax.yml'], d), /nax\.yml: .*malformed YAML/);
    const e = fixtureCopy();
    edit(e, 'technology.json', (t) => t.slice(0, t.length / 2));
    expectOneLineError(await nax(['cost', '--config', 'nax.yml'], e), /technology\.json: malformed JSON/);
  });

  test('a config path outside the config folder and an unknown field', async () => {
    const d = fixtureCopy();
    edit(d, 'nax.yml', (t) => t.replace('mapping: mapping.json', 'mapping: ../mapping.json'));
    expectOneLineError(await nax(['cost', '--config', 'nax.yml'], d), /nax\.yml: mapping: path '\.\.\/mapping\.json' leaves/);
    const e = fixtureCopy();
    edit(e, 'nax.yml', (t) => t.replace('  seed: 1', '  sede: 1'));
    expectOneLineError(await nax(['cost', '--config', 'nax.yml'], e), /nax\.yml: simulation\.sede: unknown field/);
  });

  test('usage errors exit 2', async () => {
    expect((await nax(['simulate', '--samples', 'zero'], fixture)).code).toBe(EXIT_USAGE);
    expect((await nax(['frobnicate'], fixture)).code).toBe(EXIT_USAGE);
  });
});

describe('reports', () => {
  test('same seed → identical report bytes; another seed → another chip instance', async () => {
    const a = await nax(['simulate', '-q', '--config', 'nax.yml', '--json', 'a.json'], fixture);
    expect(a.code).toBe(EXIT_OK);
    const b = await nax(['simulate', '-q', '--config', 'nax.yml', '--json', 'b.json'], fixture);
    expect(b.code).toBe(EXIT_OK);
    const c = await nax(['simulate', '-q', '--config', 'nax.yml', '--seed', '2', '--json', 'c.json'], fixture);
    const ra = readFileSync(path.join(fixture, 'a.json'));
    expect(readFileSync(path.join(fixture, 'b.json')).equals(ra)).toBe(true);
    const ja = JSON.parse(ra.toString());
    const jc = JSON.parse(readFileSync(path.join(fixture, 'c.json'), 'utf8'));
    expect(ja.schema).toBe('nax-report/1');
    expect(ja.accuracy.nonIdeal.samples).toHaveLength(2);
    expect(jc.accuracy.nonIdeal.sampleSeeds).not.toEqual(ja.accuracy.nonIdeal.sampleSeeds);
    // A different device instance changes the measured NF of every layer.
    const nf = (j: { layers: Array<{ nf: { mean: number } }> }) => j.layers.map((l) => l.nf.mean);
    expect(nf(jc)).not.toEqual(nf(ja));
    expect(c.out).toMatch(/non-ideal crossbars/);
  }, 300_000); // three simulations of the ResNet-20 fixture

  test('--json refuses to overwrite a file that is not a nax report', async () => {
    writeFileSync(path.join(fixture, 'notes.json'), '{"mine": true}');
    const r = await nax(['cost', '--config', 'nax.yml', '--json', 'notes.json'], fixture);
    expect(r.code).toBe(EXIT_USAGE);
    expect(readFileSync(path.join(fixture, 'notes.json'), 'utf8')).toBe('{"mine": true}');
  });

  test('--version is the package version', async () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(NAX_VERSION).toBe(pkg.version);
    expect((await nax(['--version'], fixture)).out.trim()).toBe(pkg.version);
  });
});

describe('nax xbar', () => {
  const input = {
    conductances: [[1e-5, 2e-5, 5e-6], [4e-6, 1e-5, 3e-6]],
    voltages: [0.25, 0.1],
  };

  test('zero wire, source and sink resistance → Gᵀ·V exactly', async () => {
    const d = mkdtempSync(path.join(tmpdir(), 'nax-xbar-'));
    writeFileSync(path.join(d, 'x.json'), JSON.stringify({ ...input, rWire: 0, rSource: 0, rSink: 0 }));
    const r = await nax(['xbar', '--input', 'x.json'], d);
    expect(r.code).toBe(EXIT_OK);
    const { currents } = JSON.parse(r.out) as { currents: number[] };
    const want = [0, 1, 2].map((j) => input.conductances[0][j] * 0.25 + input.conductances[1][j] * 0.1);
    expect(currents).toEqual(want);
  });

  test('parasitics lower every column current; exact and fast agree', async () => {
    const d = mkdtempSync(path.join(tmpdir(), 'nax-xbar-'));
    writeFileSync(path.join(d, 'x.json'), JSON.stringify({ ...input, rWire: 10, rSource: 1000, rSink: 1000 }));
    const exact = JSON.parse((await nax(['xbar', '--input', 'x.json'], d)).out).currents as number[];
    const fast = JSON.parse((await nax(['xbar', '--input', 'x.json', '--model', 'fast'], d)).out).currents as number[];
    exact.forEach((i, j) => {
      expect(i).toBeLessThan(input.conductances[0][j] * 0.25 + input.conductances[1][j] * 0.1);
      expect(Math.abs(fast[j] - i)).toBeLessThan(1e-3 * Math.abs(i));
    });
  });

  test('a ragged matrix is rejected with the field named', async () => {
    const d = mkdtempSync(path.join(tmpdir(), 'nax-xbar-'));
    writeFileSync(path.join(d, 'x.json'), JSON.stringify({ conductances: [[1e-5, 2e-5], [3e-5]], voltages: [1, 1], rWire: 1, rSource: 1, rSink: 1 }));
    expectOneLineError(await nax(['xbar', '--input', 'x.json'], d), /x\.json: conductances\[1\]: expected 2 values/);
  });
});
