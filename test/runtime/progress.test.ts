/** Progress with ETA (runtime/progress.ts) on a clock the test controls. */
import { describe, expect, test } from '@jest/globals';
import type { ProgressStep } from '../../src/progress.js';
import { type ProgressMode, barText, etaSeconds, formatDuration, overallFraction, progressReporter } from '../../src/runtime/progress.js';

const step = (done: number, total: number): ProgressStep => ({ done, total, unit: 'steps' });

/** A reporter whose clock advances 1 s per step; what it wrote, by channel. */
function run(mode: ProgressMode, runs: number, steps: ReadonlyArray<ProgressStep | string>) {
  let t = 100;
  const lines: string[] = [];
  const raw: string[] = [];
  const groups: string[] = [];
  const r = progressReporter({
    mode, runs, now: () => t, columns: 100,
    line: (s) => lines.push(s), raw: (s) => raw.push(s),
    group: { start: (title) => groups.push(`start ${title}`), end: () => groups.push('end') },
  });
  for (const s of steps) {
    t += 1;
    if (typeof s === 'string') r.progress(s);
    else r.progress(`sample ${s.done}`, s);
  }
  r.finish();
  return { lines, raw, groups };
}

describe('fraction, ETA and durations', () => {
  test('overall fraction over runs; ETA at a constant rate', () => {
    expect(overallFraction(0, 2, step(5, 10))).toBe(0.25);
    expect(overallFraction(1, 2, step(10, 10))).toBe(1);
    expect(overallFraction(2, 2, step(5, 10))).toBeCloseTo(2.5 / 3); // more runs than announced
    expect(etaSeconds(0.25, 10)).toBe(30);
    expect(etaSeconds(0, 10)).toBeUndefined();
    expect(etaSeconds(1, 10)).toBe(0);
  });

  test('durations', () => {
    expect([0, 59.4, 59.6, 65, 3599, 3600, 3725].map(formatDuration)).toEqual(['0 s', '59 s', '1 min 00 s', '1 min 05 s', '59 min 59 s', '1 h 00 min', '1 h 02 min']);
  });

  test('the bar fills with the fraction and fits the terminal', () => {
    expect(barText(0.5, 10, 'x', 100)).toBe(`[${'#'.repeat(12)}${'.'.repeat(12)}]  50 % ETA 10 s  x`);
    expect([...barText(0.5, 10, 'y'.repeat(200), 60)].length).toBe(59);
  });
});

describe('progressReporter', () => {
  const tenSteps = Array.from({ length: 10 }, (_, i) => step(i + 1, 10));

  test('lines: one line per 10 % reached, with elapsed time and ETA; other lines always', () => {
    const { lines, raw } = run('lines', 1, ['loading', ...tenSteps]);
    expect(raw).toEqual([]);
    expect(lines[0]).toBe('nax: loading');
    expect(lines.slice(1).map((l) => /nax: (\d+) %/.exec(l)?.[1])).toEqual(['10', '20', '30', '40', '50', '60', '70', '80', '90', '100']);
    // After step 4 (5 s elapsed counting the first line's second): 40 %, ETA 5 × 0.6 / 0.4 = 7.5 s.
    expect(lines[4]).toBe('nax: 40 %, 5 s elapsed, ETA 8 s: sample 4');
    expect(lines[10]).toBe('nax: 100 %, 11 s elapsed: sample 10');
  });

  test('two runs (check: head, then base): the count falling back starts the second half', () => {
    const five = Array.from({ length: 5 }, (_, i) => step(i + 1, 5));
    const { lines } = run('lines', 2, [...five, ...five]);
    expect(lines.map((l) => /nax: (\d+) %/.exec(l)?.[1])).toEqual(['10', '20', '30', '40', '50', '60', '70', '80', '90', '100']);
  });

  test('bar: redrawn in place on the raw channel, cleared at the end; other lines above it', () => {
    const { lines, raw } = run('bar', 1, [...tenSteps.slice(0, 5), 'note', ...tenSteps.slice(5)]);
    expect(lines).toEqual(['nax: note']);
    expect(raw.filter((s) => s.startsWith('\r['))).toHaveLength(10);
    expect(raw.at(-1)).toMatch(/^\r +\r$/);
  });

  test('groups (the action): one log group per run, every step inside it, balanced', () => {
    const three = Array.from({ length: 3 }, (_, i) => step(i + 1, 3));
    const { lines, groups } = run('groups', 2, ['head', ...three, 'base', ...three]);
    expect(groups).toEqual(['start nax: run 1 of 2', 'end', 'start nax: run 2 of 2', 'end']);
    expect(lines.filter((l) => l.startsWith('nax: ['))).toHaveLength(6);
  });

  test('off (--quiet): nothing at all', () => {
    const { lines, raw, groups } = run('off', 1, ['x', ...tenSteps]);
    expect([...lines, ...raw, ...groups]).toEqual([]);
  });
});
