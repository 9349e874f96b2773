/** The numeric assertion every xbar test relies on must itself be able to fail, and say where. */
import { describe, expect, test } from '@jest/globals';
import { expectClose } from '../support/expect-close.js';

describe('expectClose', () => {
  test('passes within atol + rtol·|e| and fails just outside it', () => {
    expect(() => expectClose([1.0, 100.0], [1.0, 100.0 + 1.1e-2], { atol: 1e-3, rtol: 1e-4 })).not.toThrow();
    expect(() => expectClose([1.0, 100.0], [1.0, 100.0 + 1.2e-2], { atol: 1e-3, rtol: 1e-4 })).toThrow(/element 1/);
  });

  test('names the first bad index, both values and the number of failures', () => {
    expect(() => expectClose([0, 2, 3, 9], [0, 2.5, 3, 8], { atol: 0.1, rtol: 0 })).toThrow(
      /element 1: actual 2 vs expected 2\.5.*2 of 4 element/,
    );
  });

  test('checks the length before any value', () => {
    expect(() => expectClose([1, 2, 3], [1, 2], { atol: 1e9 })).toThrow(/3 elements, expected 2/);
  });

  test('compares plain numbers and refuses a number against an array', () => {
    expect(() => expectClose(1.00001, 1, { atol: 0, rtol: 1e-4 })).not.toThrow();
    expect(() => expectClose(1.1, 1, { atol: 0, rtol: 1e-4 })).toThrow(/value: actual 1.1/);
    expect(() => expectClose(1, [1])).toThrow(/number but expected is an array/);
  });

  test('treats NaN as equal only to NaN, and infinities only to the same infinity', () => {
    expect(() => expectClose([Number.NaN, Infinity], [Number.NaN, Infinity])).not.toThrow();
    expect(() => expectClose([Number.NaN], [0])).toThrow();
    expect(() => expectClose([Infinity], [-Infinity], { atol: 1e300 })).toThrow();
  });
});
