/**
 * The JSON Schemas shipped for editors (schemas/*.schema.json) agree with nax's own parsers: every
 * committed config validates, bad documents are refused by both, and the keys the parsers allow at each
 * level (read from their own "allowed here" hints, not from a copied list) are exactly the schema's.
 */
import { describe, expect, test } from '@jest/globals';
import AjvModule from 'ajv';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { parseMapping } from '../../src/config/mapping.js';
import { parseNaxConfig } from '../../src/config/nax-config.js';
import { NaxUserError } from '../../src/errors.js';
import { userError } from '../support/user-error.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readJson = (rel: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(root, rel), 'utf8'));

// strict: an unknown schema keyword (a typo in the schema itself) is an error, not silently ignored.
const ajv = new AjvModule.default({ allErrors: true, strict: true, strictTypes: false });
const naxSchema = readJson('schemas/nax.schema.json');
const mappingSchema = readJson('schemas/mapping.schema.json');
const validateNax = ajv.compile(naxSchema);
const validateMapping = ajv.compile(mappingSchema);

type Doc = Record<string, unknown>;
const yamlText = (doc: Doc) => JSON.stringify(doc); // JSON is YAML: the parser reads it as nax.yml would be
const naxParses = (doc: Doc) => parseNaxConfig(yamlText(doc), 'nax.yml');
const mappingParses = (doc: Doc) => parseMapping(doc, 'mapping.json');

/** Every file below `dir` whose name passes `keep`. */
function walk(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return walk(p, keep);
    return keep(e.name) ? [p] : [];
  });
}

describe('committed fixtures', () => {
  const fixtures = path.join(root, 'fixtures');
  const naxFiles = walk(fixtures, (n) => /^nax.*\.ya?ml$/.test(n));
  const mappingFiles = walk(fixtures, (n) => /^mapping.*\.json$/.test(n));

  test('there are fixtures to check, including the ONNX ones', () => {
    expect(naxFiles.map((f) => path.relative(root, f))).toEqual(expect.arrayContaining(['fixtures/nax.yml', 'fixtures/onnx/nax.yml']));
    expect(mappingFiles.map((f) => path.relative(root, f))).toEqual(
      expect.arrayContaining(['fixtures/mapping.json', 'fixtures/mapping-128.json', 'fixtures/onnx/mapping.json']));
  });

  test('every nax.yml validates against nax.schema.json and parses', () => {
    for (const f of naxFiles) {
      const text = readFileSync(f, 'utf8');
      expect({ f, ok: validateNax(parseYaml(text)), errors: validateNax.errors ?? null }).toEqual({ f, ok: true, errors: null });
      expect(() => parseNaxConfig(text, path.relative(root, f))).not.toThrow();
    }
  });

  test('every mapping*.json validates against mapping.schema.json and parses', () => {
    for (const f of mappingFiles) {
      const doc = JSON.parse(readFileSync(f, 'utf8'));
      expect({ f, ok: validateMapping(doc), errors: validateMapping.errors ?? null }).toEqual({ f, ok: true, errors: null });
      expect(() => parseMapping(doc, f)).not.toThrow();
    }
  });
});

const base = { model: 'model/model.json', mapping: 'mapping.json' };
const images = { images: 'd/i.npy', labels: 'd/l.npy' };
/** A nax.yml that sets every key the parser knows, each to a value the parser accepts. */
const fullNax: Doc = {
  ...base,
  technology: 'technology.json',
  evalSet: { ...images, scale: 0.5 },
  calibrationSet: { images: 'd/c.npy', labels: 'd/cl.npy', scale: 1 },
  simulation: { seed: 4294967295, monteCarloSamples: 10000, evalImages: 1, irDrop: 'exact', batchSize: 1, targetCiPp: 0.5 },
  budgets: {
    maxEdapIncreasePct: { warn: -5, fail: 5 },
    maxEdap: 2e-12,
    maxAccuracyDropPp: { warn: 0.5 },
    minAccuracyPct: { warn: 95, fail: 90 },
  },
  search: {
    layers: ['conv1', 'conv2'],
    kernels: [1, 3, 15],
    crossbars: [16, 512],
    otherLayers: 'committed',
    zeroOp: ['conv1'],
    lambda: { from: 0.1, to: 2, steps: 4 },
    objective: 'latency',
    budget: '1h30m',
    epochs: 0.5,
    trainSet: { ...images, scale: 0.00392156862745098 },
    validationImages: 1,
    seed: 0,
    batchSize: 4096,
    archEvery: 1000,
    archLr: 0.5,
    weightLr: 1e-4,
    archBatch: 10000,
    nonIdealFraction: 0.01,
    gradient: 'binaryGate',
    commonRandomNumbers: false,
    hardwareLoss: 'additive',
    additiveWeights: { energy: 0, latency: 1000, area: 0.5 },
    tileArea: 'frozen',
    warmStart: { committed: 0, costOnly: 10 },
    largerKernels: 'keep',
    costlierOps: 'keep',
    smallerCrossbars: 'keep',
    selectionReference: 'homogeneous',
    kernelCheckImages: 100000,
  },
};
const fullSpec = {
  rows: 16, cols: 512, weightBits: 16, bitsPerCell: 4, inputBits: 16, dacBits: 4, adcBits: 16, signMapping: 'balanced',
  sliceLayout: 'interleavedColumns', adcsPerCrossbar: 512, calibration: 'gainOffset', adcFullScale: 12.5, baseline: 'referenceColumn',
};
const fullMapping: Doc = {
  $schema: '../schemas/mapping.schema.json',
  schema: 'nax-mapping/1',
  description: 'every key',
  defaults: fullSpec,
  layers: { conv1: { ...fullSpec, adcBits: 'auto', adcFullScale: 'calibrated', description: '3×3×16 → 16' }, fc: {} },
};

describe('documents using every key', () => {
  test('a nax.yml with every key is accepted by both', () => {
    expect(validateNax(fullNax)).toBe(true);
    expect(() => naxParses(fullNax)).not.toThrow();
  });

  test('other accepted forms: bare λ, λ list, budget in seconds, zeroOp true, null sections', () => {
    for (const search of [{ lambda: 0, budget: 45, zeroOp: true, layers: 'residual' }, { lambda: [0, 1.5], budget: '90s' }, { budget: '45' }, null]) {
      const doc = { ...base, search, budgets: null };
      expect({ search, ok: validateNax(doc) }).toEqual({ search, ok: true });
      expect(() => naxParses(doc)).not.toThrow();
    }
  });

  test('a mapping with every key, and a "$schema" link for editors, is accepted by both', () => {
    expect(validateMapping(fullMapping)).toBe(true);
    expect(() => mappingParses(fullMapping)).not.toThrow();
  });
});

/** Replaces the value at a dotted path of a deep copy of `doc` (undefined deletes it). */
function withValue(doc: Doc, at: string, value: unknown): Doc {
  const out = structuredClone(doc);
  const keys = at.split('.');
  let o = out as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
  const last = keys[keys.length - 1];
  if (value === undefined) delete o[last];
  else o[last] = value;
  return out;
}

describe('invalid documents are refused by both the schema and the parser', () => {
  const badNax: [string, unknown][] = [
    ['model', undefined],
    ['model', ''],
    ['mapping', 3],
    ['typo', 1],
    ['evalSet.labels', undefined],
    ['evalSet.scale', 0],
    ['evalSet.extra', 'x'],
    ['calibrationSet.images', undefined],
    ['simulation.irDrop', 'approximate'],
    ['simulation.seed', -1],
    ['simulation.seed', 2 ** 32],
    ['simulation.monteCarloSamples', 0],
    ['simulation.evalImages', 1.5],
    ['simulation.batchSize', 10001],
    ['simulation.targetCiPp', 0],
    ['simulation.targetCiPp', '0.5 pp'],
    ['simulation.samples', 3],
    ['budgets.maxEdapIncreasePct', '5%'],
    ['budgets.maxEdapIncreasePct', -100],
    ['budgets.maxEdap', 0],
    ['budgets.maxEdap', { warn: 1, fial: 2 }],
    ['budgets.maxAccuracyDropPp', { warn: 101 }],
    ['budgets.minAccuracyPct', -1],
    ['budgets.minAccuracyPct', true],
    ['budgets.maxLatency', 1],
    ['search.kernels', [4]],
    ['search.kernels', [17]],
    ['search.kernels', [3, 3]],
    ['search.kernels', []],
    ['search.crossbars', [8]],
    ['search.crossbars', [1024]],
    ['search.otherLayers', 'all'],
    ['search.zeroOp', 'yes'],
    ['search.layers', []],
    ['search.lambda', -1],
    ['search.lambda', []],
    ['search.lambda', { from: 0.1, to: 2 }],
    ['search.lambda', { from: 0, to: 2, steps: 3 }],
    ['search.lambda', { from: 0.1, to: 2, steps: 65 }],
    ['search.objective', 'accuracy'],
    ['search.gradient', 'gumbel'],
    ['search.commonRandomNumbers', 'yes'],
    ['search.hardwareLoss', 'sum'],
    ['search.additiveWeights', { energy: -1 }],
    ['search.additiveWeights', { power: 1 }],
    ['search.tileArea', 'none'],
    ['search.warmStart', { committed: 11 }],
    ['search.largerKernels', 'always'],
    ['search.costlierOps', 'always'],
    ['search.smallerCrossbars', 'always'],
    ['search.selectionReference', 'committed'],
    ['search.kernelCheckImages', 49],
    ['search.budget', '15 minutes'],
    ['search.budget', 0],
    ['search.budget', 'm'],
    ['search.epochs', 0],
    ['search.trainSet.labels', undefined],
    ['search.validationImages', 0],
    ['search.batchSize', 4097],
    ['search.archEvery', 0],
    ['search.archLr', 1],
    ['search.weightLr', 0],
    ['search.archBatch', 2.5],
    ['search.nonIdealFraction', 0],
    ['search.lr', 0.1],
  ];
  test.each(badNax)('nax.yml %s = %p', (at, value) => {
    const doc = withValue(fullNax, at, value);
    expect(validateNax(doc)).toBe(false);
    expect(userError(() => naxParses(doc))).toBeInstanceOf(NaxUserError);
  });

  const badMapping: [string, unknown][] = [
    ['schema', 'nax-mapping/2'],
    ['schema', undefined],
    ['extra', true],
    ['defaults.rows', -64],
    ['defaults.rows', 8],
    ['defaults.cols', 1024],
    ['defaults.rows', 64.5],
    ['defaults.weightBits', 1],
    ['defaults.bitsPerCell', 5],
    ['defaults.inputBits', 17],
    ['defaults.dacBits', 0],
    ['defaults.adcBits', 'lossless'],
    ['defaults.adcBits', 17],
    ['defaults.signMapping', 'twosComplement'],
    ['defaults.sliceLayout', 'packed'],
    ['defaults.adcsPerCrossbar', 0],
    ['defaults.calibration', 'offset'],
    ['defaults.adcFullScale', 0],
    ['defaults.adcFullScale', 'max'],
    ['defaults.baseline', 'measured'],
    ['defaults.description', 'only layer entries may carry one'],
    ['layers.conv1.description', 3],
    ['layers.conv1.row', 64],
    ['layers.conv1', 64],
    ['layers.toString', {}],
    ['layers', []],
  ];
  test.each(badMapping)('mapping.json %s = %p', (at, value) => {
    const doc = withValue(fullMapping, at, value);
    expect(validateMapping(doc)).toBe(false);
    expect(userError(() => mappingParses(doc))).toBeInstanceOf(NaxUserError);
  });
});

/** The keys the parser allows where `doc` has the unknown key `zzz`, read from its own error hint. */
function allowedByParser(parse: () => unknown): string[] {
  const e = userError(parse);
  expect(e.message).toBe('unknown field');
  const hint = /^allowed here: (.*)$/.exec(e.hint ?? '');
  if (!hint) throw new Error(`no list of allowed keys in the hint: ${e.hint}`);
  return hint[1].split(', ').sort();
}

/** The property names the schema declares at a path of `properties` (and `additionalProperties`) steps. */
function schemaKeys(schema: Doc, steps: string[]): string[] {
  let s = schema;
  for (const step of steps) s = step === '*' ? (s.additionalProperties as Doc) : (s.properties as Record<string, Doc>)[step];
  if (!s.properties) {
    // a value with several forms: the object form
    s = (s.oneOf as Doc[]).find((f) => f.type === 'object' || (Array.isArray(f.type) && f.type.includes('object'))) as Doc;
  }
  return Object.keys(s.properties as Doc).sort();
}

describe('the schemas declare exactly the keys the parsers accept', () => {
  const naxLevels: [string, string[]][] = [
    ['', []],
    ['evalSet', ['evalSet']],
    ['calibrationSet', ['calibrationSet']],
    ['simulation', ['simulation']],
    ['budgets', ['budgets']],
    ['budgets.minAccuracyPct', ['budgets', 'minAccuracyPct']],
    ['search', ['search']],
    ['search.trainSet', ['search', 'trainSet']],
    ['search.lambda', ['search', 'lambda']],
  ];
  test.each(naxLevels)('nax.yml %p', (at, steps) => {
    const doc = at === '' ? { ...fullNax, zzz: 1 } : withValue(fullNax, `${at}.zzz`, 1);
    expect(schemaKeys(naxSchema, steps)).toEqual(allowedByParser(() => naxParses(doc)));
    expect(validateNax(doc)).toBe(false);
  });

  const mappingLevels: [string, string[]][] = [
    ['', []],
    ['defaults', ['defaults']],
    ['layers.conv1', ['layers', '*']],
  ];
  test.each(mappingLevels)('mapping.json %p', (at, steps) => {
    const doc = at === '' ? { ...fullMapping, zzz: 1 } : withValue(fullMapping, `${at}.zzz`, 1);
    expect(schemaKeys(mappingSchema, steps)).toEqual(allowedByParser(() => mappingParses(doc)));
    expect(validateMapping(doc)).toBe(false);
  });

  test('every schema property has a description', () => {
    const missing: string[] = [];
    const visit = (s: unknown, at: string) => {
      if (Array.isArray(s)) return s.forEach((x, i) => visit(x, `${at}[${i}]`));
      if (typeof s !== 'object' || s === null) return;
      const o = s as Doc;
      if (o.properties) {
        for (const [k, v] of Object.entries(o.properties as Record<string, Doc>)) {
          if (typeof v.description !== 'string' || v.description.length < 10) missing.push(`${at}.${k}`);
        }
      }
      for (const [k, v] of Object.entries(o)) visit(v, `${at}/${k}`);
    };
    visit(naxSchema, 'nax');
    visit(mappingSchema, 'mapping');
    expect(missing).toEqual([]);
  });
});
