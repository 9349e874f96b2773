/** The hand-made reports of fixtures/reports (base and head of a 4-layer CNN) and helpers to vary them. */
import { readFileSync } from 'node:fs';
import type { NaxReport } from '../../src/report.js';

export function loadReport(name: 'base' | 'head'): NaxReport {
  return JSON.parse(readFileSync(new URL(`../../fixtures/reports/${name}.json`, import.meta.url), 'utf8')) as NaxReport;
}

/** T with every readonly removed, deeply. */
export type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };

/** A deep copy that a test may change freely. */
export function mutable(r: NaxReport): Mutable<NaxReport> {
  return JSON.parse(JSON.stringify(r)) as Mutable<NaxReport>;
}

/** Replaces the non-ideal samples (and their statistics) of a report. */
export function withSamples(r: NaxReport, samples: number[]): NaxReport {
  const n = samples.length;
  const mean = samples.reduce((a, b) => a + b, 0) / n;
  const std = Math.sqrt(samples.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
  const acc = r.accuracy!;
  return {
    ...r,
    accuracy: {
      ...acc,
      nonIdeal: { mean, std, min: Math.min(...samples), max: Math.max(...samples), samples, sampleSeeds: samples.map((_, i) => i + 1) },
    },
  };
}

/** Scales the head's total EDAP to base · (1 + pct/100). */
export function withEdapChange(base: NaxReport, head: NaxReport, pct: number): NaxReport {
  const edap = base.totals.edap * (1 + pct / 100);
  return { ...head, totals: { ...head.totals, edap }, cost: { ...head.cost, totals: { ...head.cost.totals, edap } } };
}
