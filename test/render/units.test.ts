/** The unit policy of every table (render/format.ts) and the one terminal table layout (render/table.ts). */
import { describe, expect, test } from '@jest/globals';
import { formatMm2, formatNf, formatPct, formatSi, sig3 } from '../../src/render/format.js';
import { displayWidth, textTable } from '../../src/render/table.js';

describe('formatSi: SI prefix, three significant digits', () => {
  test.each([
    [1.234e-6, 'J', '1.23 µJ'],
    [4.5e-3, 's', '4.50 ms'],
    [34763e-9, 'J', '34.8 µJ'],
    [1, 'J', '1.00 J'],
    [100, 'J', '100 J'],
    [-0.00123, 'J', '-1.23 mJ'],
    [2.5e9, 'W', '2.50 GW'],
    [1.5e-15, 'J', '1.50 fJ'],
  ])('%p %s → %s', (v, unit, text) => expect(formatSi(v, unit)).toBe(text));

  test('the prefix is chosen after rounding: 999.95 → 1.00 k, 999.4 stays', () => {
    expect(formatSi(999.95, 'J')).toBe('1.00 kJ');
    expect(formatSi(999.5, 'J')).toBe('1.00 kJ');
    expect(formatSi(999.4, 'J')).toBe('999 J');
    expect(formatSi(999.9e-9, 's')).toBe('1.00 µs');
    expect(formatSi(99.95, 'J')).toBe('100 J');
    expect(formatSi(0.00099949, 'J')).toBe('999 µJ');
  });

  test('every exact power of 1000 gets its own prefix, for all prefixes (no log10 round-off)', () => {
    const prefixes = ['f', 'p', 'n', 'µ', 'm', '', 'k', 'M', 'G'];
    prefixes.forEach((p, i) => {
      const v = 10 ** (3 * (i - 5));
      expect(formatSi(v, 'J')).toBe(`1.00 ${p}J`);
      expect(formatSi(v * 0.9999999, 'J')).toBe(`1.00 ${p}J`);
    });
  });

  test('beyond the prefixes the mantissa grows or shrinks; zero, missing and non-finite values', () => {
    expect(formatSi(1.234e12, 'J')).toBe('1230 GJ');
    expect(formatSi(1e-18, 'J')).toBe('0.00100 fJ');
    expect(formatSi(0, 'J')).toBe('0 J');
    expect(formatSi(undefined, 'J')).toBe('—');
    expect(formatSi(Infinity, 'J')).toBe('Infinity');
  });

  test('sig3 keeps trailing zeros and never writes an exponent', () => {
    expect([0.12, 0.000123, 45.67, 1234.5, 1e-7].map(sig3)).toEqual(['0.120', '0.000123', '45.7', '1230', '0.000000100']);
  });

  test('area in mm², NF and accuracy in %', () => {
    expect(formatMm2(0.12)).toBe('0.120 mm²');
    expect(formatNf(0.0279)).toBe('2.79 %');
    expect(formatPct(97.1)).toBe('97.10 %');
  });
});

describe('textTable', () => {
  const rows = [['layer', 'energy', 'NF'], ['conv1', '766 nJ', '1.21 %'], ['fc', '1.06 µJ', '12.50 %']];

  test('header, a rule of dashes, text left-aligned and numbers right-aligned', () => {
    expect(textTable(rows, { leftColumns: 1 })).toBe([
      'layer   energy       NF',
      '-----  -------  -------',
      'conv1   766 nJ   1.21 %',
      'fc     1.06 µJ  12.50 %',
    ].join('\n'));
  });

  test('all left-aligned by default; every line as wide as the widest cell row (µ, ², × count one column)', () => {
    const lines = textTable([['a', 'b'], ['0.120 mm²', '64×64'], ['x', 'µ']]).split('\n');
    expect(lines[2]).toBe('0.120 mm²  64×64');
    expect(lines[3]).toBe('x          µ');
    expect(displayWidth('⚠️ warn')).toBe(6);
  });
});
