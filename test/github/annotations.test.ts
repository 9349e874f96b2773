import { describe, expect, test } from '@jest/globals';
import { compareReports } from '../../src/compare/compare-reports.js';
import { parseBudgets } from '../../src/config/budgets.js';
import { type Annotation, budgetAnnotations, capPerLevel, findBudgetLine, findLayerLine } from '../../src/github/annotations.js';
import { loadReport } from '../compare/reports.js';

const MAPPING = `{
  "schema": "nax-mapping/1",
  "defaults": {
    "rows": 64, "cols": 64
  },
  "layers": {
    "conv1": { "rows": 32, "cols": 32 },
    "conv2": {
      "rows": 128,
      "cols": 128
    },
    "fc1b": { "weightBits": 6 }
  }
}
`;

const CONFIG = `model: model/model.json
mapping: mapping.json
budgets:
  maxEdapIncreasePct: { warn: 10, fail: 20 }
  minAccuracyPct: 90
`;

describe('findLayerLine', () => {
  test('the layer entry under "layers"', () => {
    expect(findLayerLine(MAPPING, 'conv2')).toBe(8);
    expect(findLayerLine(MAPPING, 'conv1')).toBe(7);
  });
  test('a layer without an entry points at "defaults"', () => {
    expect(findLayerLine(MAPPING, 'fc2')).toBe(3);
  });
  test('a name that only appears elsewhere is not matched', () => {
    const text = '{ "description": "conv2 moved", "layers": {\n "x": {},\n "conv2": {} } }';
    expect(findLayerLine(text, 'conv2')).toBe(3);
  });
  test('no entry and no defaults: no line', () => {
    expect(findLayerLine('{ "layers": {} }', 'conv1')).toBeUndefined();
  });
});

describe('budgetAnnotations', () => {
  const base = loadReport('base');
  const head = loadReport('head');
  const budgets = parseBudgets({ maxEdapIncreasePct: { warn: 10, fail: 20 }, maxAccuracyDropPp: { warn: 0.5 } }, 'nax.yml', 'budgets');

  test('errors for fail tiers, warnings for warn tiers, on the mapping lines of the layers', () => {
    const a = budgetAnnotations(compareReports(base, head, budgets), {
      mapping: { path: 'fixtures/mapping.json', text: MAPPING },
      config: { path: 'fixtures/nax.yml', text: CONFIG },
    });
    expect(a).toEqual([
      {
        level: 'error', title: 'nax: EDAP increase over the fail budget',
        message: "EDAP increase +22.45 % exceeds the fail budget +20 %; layer 'conv2' changed here",
        file: 'fixtures/mapping.json', startLine: 8,
      },
      {
        level: 'error', title: 'nax: EDAP increase over the fail budget',
        message: "EDAP increase +22.45 % exceeds the fail budget +20 %; layer 'fc1b' added here",
        file: 'fixtures/mapping.json', startLine: 12,
      },
      {
        level: 'warning', title: 'nax: non-ideal accuracy drop over the warn budget',
        message: "non-ideal accuracy dropped 0.93 pp, over the warn budget 0.5 pp; layer 'fc1b' added here",
        file: 'fixtures/mapping.json', startLine: 12,
      },
      {
        level: 'warning', title: 'nax: non-ideal accuracy drop over the warn budget',
        message: "non-ideal accuracy dropped 0.93 pp, over the warn budget 0.5 pp; layer 'conv2' changed here",
        file: 'fixtures/mapping.json', startLine: 8,
      },
    ]);
  });

  test('acknowledged: fail tiers become warnings', () => {
    const c = compareReports(base, head, budgets, { acknowledgement: { by: 'the acknowledge input' } });
    const a = budgetAnnotations(c, { mapping: { path: 'mapping.json', text: MAPPING } });
    expect(a.every((x) => x.level === 'warning')).toBe(true);
  });

  test('without a layer to blame, the budget line of nax.yml', () => {
    const c = compareReports(undefined, head, parseBudgets({ minAccuracyPct: 99 }, 'nax.yml', 'budgets'));
    const a = budgetAnnotations(c, { config: { path: 'nax.yml', text: CONFIG } });
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ level: 'error', file: 'nax.yml', startLine: 5 });
    expect(findBudgetLine(CONFIG, 'maxEdap')).toBeUndefined();
  });
});

describe('capPerLevel', () => {
  test('10 per level, the rest counted in one notice', () => {
    const many: Annotation[] = Array.from({ length: 25 }, (_, i) => ({ level: 'error', title: 't', message: `m${i}` }));
    const capped = capPerLevel(many);
    expect(capped.filter((a) => a.level === 'error')).toHaveLength(10);
    expect(capped.at(-1)).toMatchObject({ level: 'notice', message: expect.stringMatching(/^15 more annotations/) as unknown as string });
  });
});
