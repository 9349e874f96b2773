/**
 * Per-layer shares of the network totals, and each layer's part in a change of EDAP.
 *
 * EDAP = E · D · A is a product of network sums (E = Σ E_l, D = Σ D_l layer-serial, A = Σ A_l + shared tile
 * area), so a layer's own E_l · D_l · A_l does not add up to it (nor do their changes). What does add up:
 * the shares E_l/E, D_l/D and A_l/A (each sums to 1 over the layers, the tiles' shared area counted as
 * one more row). A layer's EDAP share is the mean of its three shares (the relative change of EDAP when
 * every cost of that layer scales by 1 + ε is 3 · share · ε), and its contribution to a change of EDAP is,
 * to first order, ΔE_l/E + ΔD_l/D + ΔA_l/A with the base totals.
 */
import type { Comparison, Delta, LayerComparison } from '../compare/comparison.js';

export type Side = 'base' | 'head';

/** Fractions 0…1 of the side's totals. */
export interface Shares {
  readonly energy: number;
  readonly latency: number;
  readonly area: number;
  /** Mean of the three shares. */
  readonly edap: number;
}

function ratio(part: number | undefined, total: number | undefined): number | undefined {
  if (part === undefined || total === undefined || !(total > 0)) return undefined;
  return part / total;
}

function sharesOf(e: number | undefined, d: number | undefined, a: number | undefined, c: Comparison, side: Side): Shares | undefined {
  const t = c.totals;
  const energy = ratio(e, t.energyJ[side]);
  const latency = ratio(d, t.delayS[side]);
  const area = ratio(a, t.areaMm2[side]);
  if (energy === undefined || latency === undefined || area === undefined) return undefined;
  return { energy, latency, area, edap: (energy + latency + area) / 3 };
}

/** A layer's shares of one side's totals; undefined when the layer or the totals are missing on that side. */
export function layerShares(l: LayerComparison, c: Comparison, side: Side): Shares | undefined {
  return sharesOf(l.energyJ[side], l.delayS[side], l.areaMm2[side], c, side);
}

/** Area no layer owns (the tiles' eDRAM, bus and router), mm²: total area − Σ layer areas. */
export function sharedAreaMm2(c: Comparison, side: Side): number | undefined {
  const total = c.totals.areaMm2[side];
  if (total === undefined) return undefined;
  const layers = c.layers.reduce((s, l) => s + (l.areaMm2[side] ?? 0), 0);
  // Float sums: a difference below 1e-12 of the total is rounding, not an area.
  const rest = total - layers;
  return Math.abs(rest) <= 1e-12 * total ? 0 : rest;
}

/** Shares of the shared tile area (energy and latency belong to the layers). */
export function sharedShares(c: Comparison, side: Side): Shares | undefined {
  return sharesOf(0, 0, sharedAreaMm2(c, side), c, side);
}

function change(d: Delta): number | undefined {
  if (d.base === undefined && d.head === undefined) return undefined;
  return (d.head ?? 0) - (d.base ?? 0);
}

/**
 * First-order contribution to the relative change of total EDAP, in percentage points of the base EDAP:
 * 100 · (ΔE_l/E + ΔD_l/D + ΔA_l/A). Added layers count from zero, removed ones to zero. Undefined without
 * a baseline.
 */
export function edapContributionPp(l: LayerComparison, c: Comparison): number | undefined {
  return contribution(change(l.energyJ), change(l.delayS), change(l.areaMm2), c);
}

/** The shared tile area's first-order contribution, pp. */
export function sharedContributionPp(c: Comparison): number | undefined {
  const b = sharedAreaMm2(c, 'base');
  const h = sharedAreaMm2(c, 'head');
  return b === undefined || h === undefined ? undefined : contribution(0, 0, h - b, c);
}

function contribution(dE: number | undefined, dD: number | undefined, dA: number | undefined, c: Comparison): number | undefined {
  if (!c.hasBaseline || dE === undefined || dD === undefined || dA === undefined) return undefined;
  const t = c.totals;
  const e = ratio(dE, t.energyJ.base);
  const d = ratio(dD, t.delayS.base);
  const a = ratio(dA, t.areaMm2.base);
  if (e === undefined || d === undefined || a === undefined) return undefined;
  return 100 * (e + d + a);
}
