import { describe, expect, test } from '@jest/globals';
import { DEFAULT_COMPONENTS } from '../../src/config/components.js';
import { COST_MODEL_SWITCHES, DEFAULT_COST_MODEL } from '../../src/config/cost-model.js';
import { costReport } from '../../src/cost/network.js';
import { DEFAULT_COST_OPTIONS } from '../../src/cost/options.js';
import { costSensitivity, rankByEdap, switchCombinations } from '../../src/cost/sensitivity.js';
import { chooseSize } from '../../src/sensitivity.js';
import { RESNET20_28, mapping } from './resnet.js';

const networks = (sizes: number[]) => sizes.map((n) => ({ crossbar: n, layers: RESNET20_28.map((shape) => ({ shape, mapping: mapping(n) })) }));

describe('switchCombinations', () => {
  test('2^k distinct combinations over the base, the first switch changing slowest', () => {
    const all = switchCombinations(DEFAULT_COST_MODEL, COST_MODEL_SWITCHES);
    expect(all).toHaveLength(2 ** COST_MODEL_SWITCHES.length);
    expect(new Set(all.map((m) => JSON.stringify(m))).size).toBe(all.length);
    expect(all[0]).toEqual(DEFAULT_COST_MODEL);
    expect(all.slice(0, all.length / 2).every((m) => m.delayModel === 'crossbarRead')).toBe(true);
    expect(switchCombinations(DEFAULT_COST_MODEL, [])).toEqual([DEFAULT_COST_MODEL]);
  });
});

describe('costSensitivity', () => {
  const sizes = [16, 32, 64, 128];
  const s = costSensitivity(networks(sizes), DEFAULT_COMPONENTS, DEFAULT_COST_OPTIONS, ['delayModel', 'adcAreaModel']);

  test('each combination is costReport under its switches, ranked by EDAP', () => {
    expect(s.combinations).toHaveLength(4);
    for (const c of s.combinations) {
      c.sizes.forEach((x, i) => {
        const t = costReport(networks([sizes[i]])[0].layers, DEFAULT_COMPONENTS, { ...DEFAULT_COST_OPTIONS, model: c.costModel }).totals;
        expect(x.edap).toBe(t.edap);
      });
      expect(c.ranking).toEqual(rankByEdap(c.sizes));
      const edaps = c.ranking.map((n) => c.sizes.find((x) => x.crossbar === n)!.edap);
      for (let i = 1; i < edaps.length; i++) expect(edaps[i]).toBeGreaterThanOrEqual(edaps[i - 1]);
    }
  });

  test('the delay model decides the ranking: every pair differing in it ranks differently', () => {
    const delay = s.effects.find((e) => e.name === 'delayModel')!;
    expect(delay).toEqual({ name: 'delayModel', values: ['crossbarRead', 'pumaAdc'], flips: 2, pairs: 2 });
    expect(s.combinations.filter((c) => c.costModel.delayModel === 'pumaAdc').every((c) => c.changesRanking)).toBe(true);
    expect(s.combinations.filter((c) => c.isBase).map((c) => c.costModel)).toEqual([DEFAULT_COST_MODEL]);
  });

  test('with one size nothing can change the ranking', () => {
    const one = costSensitivity(networks([64]), DEFAULT_COMPONENTS, DEFAULT_COST_OPTIONS, COST_MODEL_SWITCHES);
    expect(one.effects.every((e) => e.flips === 0 && e.pairs === 16)).toBe(true);
    expect(one.combinations.some((c) => c.changesRanking)).toBe(false);
  });
});

describe('chooseSize (src/sensitivity.ts)', () => {
  const rows = [[16, 0.97], [32, 0.975], [64, 0.968], [128, 0.55]].map(([crossbar, mean]) => ({
    crossbar, ideal: 0.98, quantised: 0.98, nonIdeal: { mean, std: 0, samples: 1 },
  }));
  test('the best-EDAP size among those within the tolerance of the most accurate', () => {
    expect(chooseSize([128, 64, 32, 16], rows, 0.01)).toBe(64);
    expect(chooseSize([128, 64, 32, 16], rows, 0.005)).toBe(32);
    expect(chooseSize([128, 64, 32, 16], rows, 0.5)).toBe(128);
    expect(chooseSize([16, 32], rows, 0)).toBe(32);
  });
});
