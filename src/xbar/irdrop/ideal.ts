/** The ideal-wire solver: no parasitics, every word-line node at its drive voltage, every bit line at 0 V. */
import type { CrossbarSolution, WireResistances } from './types.js';

/** All three resistances zero: no parasitics at all. */
export function isIdealWiring(wires: WireResistances): boolean {
  return wires.rWireOhm === 0 && wires.rSourceOhm === 0 && wires.rSinkOhm === 0;
}

/** One input vector on ideal wires: I_j = Σ_i G[i][j]·V_i; row currents Σ_j G[i][j]·V_i. */
export function idealSolution(p: { readonly g: Float64Array; readonly rows: number; readonly cols: number; readonly voltages: Float64Array }): CrossbarSolution {
  const { g, rows, cols, voltages } = p;
  const columnCurrentsA = new Float64Array(cols);
  const rowCurrentsA = new Float64Array(rows);
  const wordLineV = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const v = voltages[i];
    let rowSum = 0;
    for (let j = 0; j < cols; j++) {
      const n = i * cols + j;
      columnCurrentsA[j] += g[n] * v;
      rowSum += g[n];
      wordLineV[n] = v;
    }
    rowCurrentsA[i] = rowSum * v;
  }
  return { columnCurrentsA, nodes: { rowCurrentsA, wordLineV, bitLineV: new Float64Array(rows * cols) }, sweeps: 0 };
}
