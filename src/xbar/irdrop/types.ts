/** Types shared by the IR-drop solvers and their callers (reference §2.5 circuit convention). */
import type { WireParams } from '../../config/technology.js';

/** Resistances of the array, Ω (the `wires` section of the technology; reference §2.5). */
export type WireResistances = Pick<WireParams, 'rWireOhm' | 'rSourceOhm' | 'rSinkOhm'>;

/** Node voltages and driver currents of a solved crossbar. */
export interface CrossbarNodes {
  /** Current delivered by each row driver, A, [rows]. */
  readonly rowCurrentsA: Float64Array;
  /** Word-line node voltages U, V, [rows, cols]. */
  readonly wordLineV: Float64Array;
  /** Bit-line node voltages W, V, [rows, cols]. */
  readonly bitLineV: Float64Array;
}

/** A crossbar's response to one input vector. */
export interface CrossbarSolution {
  /** Current into the sense amplifier of each column, A, [cols]. */
  readonly columnCurrentsA: Float64Array;
  /**
   * Node voltages and driver currents: present for 'exact' and 'ideal', absent for 'fast', which sums the
   * relaxation in closed form for the effective matrix and never forms node voltages.
   */
  readonly nodes?: CrossbarNodes;
  /** Line-relaxation sweeps of the exact solve; 0 for the other models and for zero-wire arrays (direct solve). */
  readonly sweeps: number;
}
