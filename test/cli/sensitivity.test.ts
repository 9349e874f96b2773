/**
 * `nax sensitivity` end to end on a tiny subset of the fixture: exit 0, the table's shape, the JSON fields,
 * agreement with `nax cost` for the technology's own switches, and bad input → exit 2 naming the field.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXIT_OK, EXIT_USAGE } from '../../src/cli.js';
import { DEFAULT_COST_MODEL } from '../../src/config/cost-model.js';
import { type SensitivityDocument, chooseSize } from '../../src/sensitivity.js';
import { type CliRun, nax } from '../support/run-cli.js';

function fixtureCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'nax-sensitivity-'));
  cpSync('fixtures', dir, { recursive: true });
  const yml = readFileSync(path.join(dir, 'nax.yml'), 'utf8').replace(/batchSize: \d+/, 'batchSize: 20');
  writeFileSync(path.join(dir, 'nax.yml'), yml);
  return dir;
}

/** Rows of the markdown table that follows `heading` (header and separator excluded). */
function tableAfter(text: string, heading: string): string[][] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`### ${heading}`));
  expect(start).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const l of lines.slice(start + 1)) {
    if (!l.startsWith('|')) break;
    rows.push(l.split('|').slice(1, -1).map((c) => c.trim()));
  }
  return rows.slice(2);
}

let dir: string;
let run: CliRun;
let doc: SensitivityDocument;
beforeAll(async () => {
  dir = fixtureCopy();
  run = await nax(
    ['sensitivity', '-q', '--images', '20', '--samples', '1', '--crossbar', '16,128', '--vary', 'delayModel,leakage', '--json', 's.json'],
    dir,
  );
  doc = JSON.parse(readFileSync(path.join(dir, 's.json'), 'utf8')) as SensitivityDocument;
}, 300_000); // four simulations of the fixture: minutes, not seconds, on a loaded 2-core machine

describe('nax sensitivity on 20 images, 1 sample, 16 and 128, two switches varied', () => {
  test('exits 0 and prints the three tables with one row per size, combination and switch', () => {
    expect(run.code).toBe(EXIT_OK);
    const accuracy = tableAfter(run.out, 'Accuracy and cost');
    expect(accuracy.map((r) => r[0])).toEqual(['16×16', '128×128']);
    const combos = tableAfter(run.out, 'EDAP');
    expect(combos).toHaveLength(4);
    // Two switch columns, two EDAP columns, the ranking, the comparison with the base, one choice per variant.
    expect(combos.every((r) => r.length === 6 + doc.accuracy.length)).toBe(true);
    expect(combos.map((r) => r[5])).toContain('base');
    const effects = tableAfter(run.out, 'Which assumption');
    expect(effects.map((r) => r[0])).toEqual(['delayModel', 'leakage']);
  });

  test('JSON: schema, settings, accuracy per variant and size, every combination with its ranking', () => {
    expect(doc.schema).toBe('nax-sensitivity/1');
    expect(doc.settings).toMatchObject({ evalImages: 20, monteCarloSamples: 1 });
    expect(doc.sizes).toEqual([16, 128]);
    expect(doc.varied).toEqual(['delayModel', 'leakage']);
    expect(doc.baseCostModel).toEqual(DEFAULT_COST_MODEL);
    expect(doc.accuracy.length).toBeGreaterThanOrEqual(1);
    for (const v of doc.accuracy) {
      expect(v.rows.map((r) => r.crossbar)).toEqual([16, 128]);
      for (const r of v.rows) {
        for (const a of [r.ideal, r.quantised, r.nonIdeal.mean]) expect(a).toBeGreaterThanOrEqual(0);
        for (const a of [r.ideal, r.quantised, r.nonIdeal.mean]) expect(a).toBeLessThanOrEqual(1);
        expect(r.nonIdeal.samples).toBe(1);
      }
    }
    expect(doc.combinations.map((c) => `${c.costModel.delayModel}/${c.costModel.leakage}`)).toEqual([
      'crossbarRead/powerGated', 'crossbarRead/alwaysOn', 'pumaAdc/powerGated', 'pumaAdc/alwaysOn',
    ]);
    expect(doc.combinations.filter((c) => c.isBase)).toHaveLength(1);
    for (const c of doc.combinations) {
      expect([...c.ranking].sort((a, b) => a - b)).toEqual([16, 128]);
      const [best, worst] = c.ranking.map((n) => c.sizes.find((s) => s.crossbar === n)!.edap);
      expect(best).toBeLessThanOrEqual(worst);
      for (const s of c.sizes) expect(s.edap).toBeCloseTo(s.energyJ * s.delayS * s.areaMm2, 20);
    }
    expect(doc.effects.map((e) => e.pairs)).toEqual([2, 2]);
    expect(doc.accuracyTolerance).toBe(0.01);
    expect(doc.choices).toHaveLength(4);
    doc.choices.forEach((perVariant, i) => {
      expect(perVariant).toHaveLength(doc.accuracy.length);
      perVariant.forEach((n, j) => expect(n).toBe(chooseSize(doc.combinations[i].ranking, doc.accuracy[j].rows, 0.01)));
    });
  });

  test("the base combination's 128×128 cost is what `nax cost` gives for the 128×128 mapping", async () => {
    const r = await nax(['cost', '--mapping', 'mapping-128.json', '--json', 'c.json'], dir);
    expect(r.code).toBe(EXIT_OK);
    const cost = JSON.parse(readFileSync(path.join(dir, 'c.json'), 'utf8')) as { totals: { edap: number; energyJ: number } };
    const base = doc.combinations.find((c) => c.isBase)!.sizes.find((s) => s.crossbar === 128)!;
    expect(base.edap).toBe(cost.totals.edap);
    expect(base.energyJ).toBe(cost.totals.energyJ);
  });

  test('`nax cost` with the switches on the command line gives that combination, and the report names them', async () => {
    const r = await nax(['cost', '--mapping', 'mapping-128.json', '--delay-model', 'pumaAdc', '--leakage', 'alwaysOn', '--json', 'p.json'], dir);
    expect(r.code).toBe(EXIT_OK);
    const cost = JSON.parse(readFileSync(path.join(dir, 'p.json'), 'utf8')) as { cost: { costModel: object }; totals: { edap: number } };
    expect(cost.cost.costModel).toEqual({ ...DEFAULT_COST_MODEL, delayModel: 'pumaAdc', leakage: 'alwaysOn' });
    const combo = doc.combinations.find((c) => c.costModel.delayModel === 'pumaAdc' && c.costModel.leakage === 'alwaysOn')!;
    expect(combo.sizes.find((s) => s.crossbar === 128)!.edap).toBe(cost.totals.edap);
  });

  test('--help lists the options', async () => {
    const r = await nax(['sensitivity', '--help'], dir);
    expect(r.code).toBe(EXIT_OK);
    for (const o of ['--crossbar', '--vary', '--format', '--json', '--images', '--samples']) expect(r.out).toContain(o);
  });
});

describe('bad input → exit 2, naming the field', () => {
  test('an unknown costModel value in technology.json', async () => {
    const d = fixtureCopy();
    const p = path.join(d, 'technology.json');
    const t = JSON.parse(readFileSync(p, 'utf8'));
    writeFileSync(p, JSON.stringify({ ...t, costModel: { delayModel: 'puma' } }));
    const r = await nax(['sensitivity', '-q', '--images', '1', '--samples', '1', '--crossbar', '16'], d);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err.trim().split('\n').at(-1)).toMatch(/^nax: technology\.json: costModel\.delayModel: expected one of 'crossbarRead', 'pumaAdc'/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  test.each([
    [['--vary', 'delayModel,gating'], /'gating' is not a cost-model switch/],
    [['--crossbar', '16,8'], /--crossbar: 8: must be ≥ 16/],
    [['--format', 'html'], /--format/],
    [['--delay-model', 'puma'], /'puma' is invalid/],
    [['--accuracy-tolerance', '-1'], /--accuracy-tolerance must be 0…100/],
  ])('%j', async (args, message) => {
    const r = await nax(['sensitivity', '-q', ...args], dir);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err).toMatch(message);
  });
});
