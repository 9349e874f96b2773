/**
 * The search space: parsing of nax.yml `search:` and its resolution against a model. Impossible spaces
 * (kernel 9 on a 4×4 feature map, crossbar 4096, unknown layers, a zero op on a projection block) must be
 * rejected up front with a NaxUserError naming the field.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { DEFAULT_SEARCH_SPACE, parseDuration, parseSearchSpace } from '../../src/config/search-space.js';
import { NaxUserError } from '../../src/errors.js';
import type { NetworkGraph } from '../../src/model/graph.js';
import { graphFromModel } from '../../src/model/from-tfjs.js';
import { findResidualBlocks, resolveSearchPlan } from '../../src/search/plan.js';
import { initBackend } from '../../src/runtime/tfjs.js';
import { committedMappings, tinyModel } from './tiny.js';
import { userError } from '../support/user-error.js';


describe('parseSearchSpace', () => {
  test('defaults: residual 3×3 convs, kernels 3/5/7, crossbars 16…128, EDAP, 15 min', () => {
    const s = parseSearchSpace(undefined, 'nax.yml', 'search');
    expect(s).toEqual(DEFAULT_SEARCH_SPACE);
    expect(s.kernels).toEqual([3, 5, 7]);
    expect(s.crossbars).toEqual([16, 32, 64, 128]);
    expect(s.objective).toBe('edap');
    expect(s.budgetS).toBe(900);
  });

  test('durations', () => {
    expect(parseDuration('15m', 'f', 'b')).toBe(900);
    expect(parseDuration('1h30m', 'f', 'b')).toBe(5400);
    expect(parseDuration('90s', 'f', 'b')).toBe(90);
    expect(parseDuration('45', 'f', 'b')).toBe(45);
    expect(parseDuration(2.5, 'f', 'b')).toBe(2.5);
    expect(userError(() => parseDuration('soon', 'nax.yml', 'search.budget')).format()).toMatch(/nax.yml: search.budget: expected a duration/);
  });

  test('λ sweep is geometric; a list is kept; trainSet paths are confined to the config folder', () => {
    const s = parseSearchSpace({ lambda: { from: 0.1, to: 10, steps: 3 }, trainSet: { images: 'd/x.npy', labels: 'd/y.npy' } }, 'cfg/nax.yml', 'search');
    expect(s.lambdas).toEqual([0.1, 1, 10]);
    expect(s.trainSet).toEqual({ images: 'cfg/d/x.npy', labels: 'cfg/d/y.npy', scale: 1 });
    expect(parseSearchSpace({ lambda: [0.2, 1] }, 'f', 'search').lambdas).toEqual([0.2, 1]);
    expect(userError(() => parseSearchSpace({ trainSet: { images: '../x.npy', labels: 'y' } }, 'nax.yml', 'search')).field).toBe('search.trainSet.images');
  });

  test('crossbar 4096 and 8 are rejected naming the field and the allowed range', () => {
    const e = userError(() => parseSearchSpace({ crossbars: [64, 4096] }, 'nax.yml', 'search'));
    expect(e.field).toBe('search.crossbars[1]');
    expect(e.message).toBe('crossbar size 4096 is outside 16…512');
    expect(e.hint).toMatch(/larger than 512×512/);
    expect(userError(() => parseSearchSpace({ crossbars: [8] }, 'nax.yml', 'search')).field).toBe('search.crossbars[0]');
  });

  test('even kernels, duplicate sizes, unknown keys and bad objectives are rejected', () => {
    expect(userError(() => parseSearchSpace({ kernels: [3, 4] }, 'nax.yml', 'search')).message).toBe('kernel size 4 is even');
    expect(userError(() => parseSearchSpace({ kernels: [3, 3] }, 'nax.yml', 'search')).field).toBe('search.kernels[1]');
    expect(userError(() => parseSearchSpace({ kernel: [3] }, 'nax.yml', 'search')).field).toBe('search.kernel');
    expect(userError(() => parseSearchSpace({ objective: 'area' }, 'nax.yml', 'search')).field).toBe('search.objective');
  });
});

describe('resolveSearchPlan on the tiny residual model (8×8 → 4×4)', () => {
  let g: NetworkGraph;
  beforeAll(async () => {
    await initBackend('wasm');
    const m = tinyModel();
    g = graphFromModel(m, 'tiny/model.json');
    m.dispose();
  });
  const plan = (space: object) => resolveSearchPlan({ graph: g, committed: committedMappings(g), space: parseSearchSpace(space, 'nax.yml', 'search'), file: 'nax.yml' });

  test('finds one identity and one projection block', () => {
    const b = findResidualBlocks(g);
    expect(b.map((x) => [x.shortcut, x.branch.join('+'), x.projection ?? ''])).toEqual([
      ['identity', 'b1_conv1+b1_conv2', ''],
      ['projection', 'b2_conv1+b2_conv2', 'b2_proj'],
    ]);
  });

  test('default: the 4 residual 3×3 convs get 3×4 (kernel × crossbar) ops, the other layers 4 crossbar ops', () => {
    const p = plan({});
    expect(p.layers.map((l) => [l.name, l.ops.length, l.kernelSearched])).toEqual([
      ['stem', 4, false], ['b1_conv1', 12, true], ['b1_conv2', 12, true], ['b2_conv1', 12, true], ['b2_proj', 4, false],
      ['b2_conv2', 12, true], ['fc', 4, false],
    ]);
    expect(plan({ otherLayers: 'committed' }).layers.map((l) => l.name)).toEqual(['b1_conv1', 'b1_conv2', 'b2_conv1', 'b2_conv2']);
  });

  test('kernel 9 on the 4×4 feature map is rejected with the reason', () => {
    const e = userError(() => plan({ kernels: [3, 9] }));
    expect(e.format()).toMatch(/^nax.yml: search.kernels\[1\]: kernel 9×9 does not fit layer 'b2_conv2', whose input feature map is 4×4: the largest useful kernel there is 7×7/);
    expect(e.hint).toMatch(/'same' padding/);
  });

  test('unknown layers, dense layers and zero op on a projection block are rejected', () => {
    expect(userError(() => plan({ layers: ['b1_conv1', 'nope'] })).format()).toMatch(/search.layers\[1\]: the model has no matrix layer named 'nope'/);
    expect(userError(() => plan({ layers: ['fc'] })).message).toMatch(/dense/);
    const z = userError(() => plan({ zeroOp: ['b2_conv1'] }));
    expect(z.field).toBe('search.zeroOp[0]');
    expect(z.message).toMatch(/projection shortcut \('b2_proj'\)/);
    expect(userError(() => plan({ zeroOp: ['b1_conv2'] })).message).toMatch(/not the first layer/);
  });

  test('zero op on the identity block: first conv carries it, the second is skipped with it', () => {
    const p = plan({ zeroOp: true });
    const c1 = p.layers.find((l) => l.name === 'b1_conv1')!;
    expect(c1.ops[c1.ops.length - 1]).toEqual({ kind: 'zero' });
    expect(p.layers.find((l) => l.name === 'b1_conv2')!.skippedWith).toBe('b1_conv1');
    expect(p.layers.find((l) => l.name === 'b2_conv1')!.zeroBlock).toBeUndefined();
  });
});
