import { describe, expect, test } from '@jest/globals';
import { DEFAULT_COMPONENTS } from '../../src/config/components.js';
import { DEFAULT_COST_MODEL } from '../../src/config/cost-model.js';
import { DEFAULT_COST_OPTIONS } from '../../src/cost/options.js';
import { costSensitivity } from '../../src/cost/sensitivity.js';
import { renderSensitivity } from '../../src/render/sensitivity-table.js';
import { SENSITIVITY_SCHEMA, type SensitivityDocument } from '../../src/sensitivity.js';
import { RESNET20_28, mapping } from '../cost/resnet.js';

const sizes = [16, 32, 64, 128];
const costs = costSensitivity(
  sizes.map((n) => ({ crossbar: n, layers: RESNET20_28.map((shape) => ({ shape, mapping: mapping(n) })) })),
  DEFAULT_COMPONENTS, DEFAULT_COST_OPTIONS, ['delayModel', 'leakage'],
);
const row = (n: number, mean: number) => ({ crossbar: n, ideal: 0.974, quantised: 0.973, nonIdeal: { mean, ciLow: mean - 0.004, ciHigh: mean + 0.004, samples: 3 } });
const doc: SensitivityDocument = {
  schema: SENSITIVITY_SCHEMA,
  tool: { name: 'nax', version: 'test' },
  inputs: { model: { path: 'm', sha256: 'x' }, mapping: { path: 'm', sha256: 'x' }, technology: { path: 'built-in', sha256: 'x' } },
  backend: 'cpu',
  settings: { seed: 1, monteCarloSamples: 3, evalImages: 1000, irDrop: 'fast' },
  sizes,
  baseCostModel: DEFAULT_COST_MODEL,
  accuracy: [
    { label: 'calibration none', override: {}, rows: sizes.map((n, i) => row(n, 0.97 - 0.1 * i)) },
    { label: 'calibration gain', override: {}, rows: sizes.map((n) => row(n, 0.97)) },
  ],
  ...costs,
  accuracyTolerance: 0.01,
  // Calibration none: only 16×16 and 32×32 are within 1 pp; gain: all are.
  choices: costs.combinations.map((c) => [c.ranking.find((n) => n <= 32)!, c.ranking[0]]),
};

describe('renderSensitivity', () => {
  test('text: one line per size, per combination and per switch; columns aligned', () => {
    const text = renderSensitivity(doc, 'text');
    const lines = text.split('\n');
    const at = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
    // Header, its rule of dashes, then the rows.
    const acc = lines.slice(at('crossbar') + 2, at('crossbar') + 2 + sizes.length);
    expect(acc.map((l) => l.split(/\s+/)[0])).toEqual(['16×16', '32×32', '64×64', '128×128']);
    expect(lines[at('crossbar')]).toContain('calibration gain: non-ideal %');
    expect(acc[3]).toContain('67.00 [66.60, 67.40]');
    const combos = lines.slice(at('delayModel') + 2, at('delayModel') + 2 + 4);
    expect(lines[at('delayModel')]).toMatch(/choice, calibration none\s+choice, calibration gain$/);
    expect(combos.map((l) => l.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'crossbarRead powerGated', 'crossbarRead alwaysOn', 'pumaAdc powerGated', 'pumaAdc alwaysOn',
    ]);
    // Every line of a table has the same width (trailing blanks trimmed, last column right-aligned).
    expect(new Set(combos.map((l) => [...l].length)).size).toBe(1);
    const changed = costs.combinations.filter((c) => c.changesRanking).length;
    expect(combos.filter((l) => / CHANGED /.test(l))).toHaveLength(changed);
    combos.forEach((l, i) => expect(l.split(/\s+/).slice(-2)).toEqual(doc.choices[i].map((n) => `${n}×${n}`)));
    expect(text).toContain(`${changed} of 4 combinations rank the sizes differently`);
    expect(text).toMatch(/Deciding: delayModel \(2 of 2\)/);
  });

  test('markdown: three tables under headings', () => {
    const md = renderSensitivity(doc);
    expect(md.match(/^### /gm)).toHaveLength(3);
    expect(md.split('\n').filter((l) => l.startsWith('| pumaAdc'))).toHaveLength(2);
  });
});
