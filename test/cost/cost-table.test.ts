import { describe, expect, test } from '@jest/globals';
import { DEFAULT_COMPONENTS } from '../../src/config/components.js';
import { costReport } from '../../src/cost/network.js';
import type { CostReport } from '../../src/cost/types.js';
import { renderCostTable } from '../../src/render/cost-table.js';
import { RESNET20_28, conv, dense, mapping } from './resnet.js';

const fixtures: { twoLayers: CostReport } = {
  twoLayers: costReport(
    [
      { shape: conv('conv1', { k: 3, cin: 1, cout: 8, outH: 14, stride: 2 }), mapping: mapping(32) },
      { shape: dense('fc', 1568, 10), mapping: mapping(64, { adcsPerCrossbar: 4 }) },
    ],
    DEFAULT_COMPONENTS,
  ),
};

describe('renderCostTable', () => {
  test('two layers: the full text', () => {
    expect(renderCostTable(fixtures.twoLayers)).toBe(
      [
        'layer  crossbars  ADCs  utilisation   energy    delay         area  EDAP J·s·mm²',
        '-----  ---------  ----  -----------  -------  -------  -----------  ------------',
        'conv1          8     8        7.0 %   766 nJ  62.7 µs  0.00761 mm²      3.66e-13',
        'fc           200   800       15.3 %   296 nJ   640 ns     1.03 mm²      1.95e-13',
        'total        208   808       15.2 %  1.06 µJ  63.4 µs     1.46 mm²      9.81e-11',
        'layer-serial delay 63.4 µs, pipelined (slowest layer) 62.7 µs; 2 tiles, area = layers 1.04 mm² + tile eDRAM/bus/router 0.421 mm²',
        '',
      ].join('\n'),
    );
  });

  test('every line of a 20-layer table has the same width; one row per layer plus header, rule and total', () => {
    const text = renderCostTable(costReport(RESNET20_28.map((shape) => ({ shape, mapping: mapping(16) })), DEFAULT_COMPONENTS));
    const tableLines = text.split('\n').slice(0, 20 + 3);
    expect(new Set(tableLines.map((l) => [...l].length)).size).toBe(1);
    expect(tableLines[tableLines.length - 1]).toMatch(/^total/);
    expect(text.split('\n')[23]).toMatch(/^layer-serial delay/);
    expect(text).toMatch(/ 2,248 /);
  });

  test('very small and very large values take their SI prefix', () => {
    const r = fixtures.twoLayers;
    const tiny = { ...r, layers: [{ ...r.layers[0], name: 'tiny', energyJ: 1.234e-14, delayS: 5.6e-1 }], totals: r.totals };
    const text = renderCostTable(tiny);
    expect(text).toMatch(/ 12\.3 fJ /);
    expect(text).toMatch(/ 560 ms /);
  });
});
