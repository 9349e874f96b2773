/**
 * `nax.yml`: where a repository's model, mapping, technology and evaluation set live, and how to
 * simulate, gate and search them. Paths are relative to the folder of nax.yml and may not leave it.
 *
 *   model: model/model.json
 *   mapping: mapping.json
 *   technology: technology.json        # optional; built-in default otherwise
 *   evalSet: { images: data/eval-images.npy, labels: data/eval-labels.npy, scale: 0.00392156862745098 }
 *   calibrationSet: { images: data/calib-images.npy, labels: data/calib-labels.npy, scale: 0.0039… }  # optional
 *   simulation: { seed: 1, monteCarloSamples: 3, evalImages: 1000, irDrop: fast, batchSize: 100 }
 *   budgets: { … }                     # see config/budgets.ts
 *   search: { … }                      # see config/search-space.ts
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { NaxUserError } from '../errors.js';
import { type Budgets, parseBudgets } from './budgets.js';
import { optionalNumber, readNumber, readEnum, readString, rejectUnknownKeys, requireObject } from './fields.js';
import { type SearchSpace, parseSearchSpace } from './search-space.js';
import { confinedPath } from '../io/files.js';
import { SIMULATION_RULES } from './simulation-rules.js';
import path from 'node:path';

export type IrDropModel = 'exact' | 'fast' | 'ideal';

export interface SimulationConfig {
  /** Seed of the Monte Carlo chip instances. Default 1. */
  readonly seed: number;
  /** Monte Carlo samples (chip instances). Default 3. */
  readonly monteCarloSamples: number;
  /** Images of the evaluation set used (the first N). Default 1000. */
  readonly evalImages: number;
  /** IR-drop model: 'exact' nodal solve, 'fast' approximation (default), 'ideal' wires. */
  readonly irDrop: IrDropModel;
  /** Images per simulation batch (memory vs speed). Default 100. */
  readonly batchSize: number;
  /**
   * Target half-width of the non-ideal accuracy's 95 % interval, percentage points; the run then says how many
   * images × chips would reach it. Absent: no target (the default).
   */
  readonly targetCiPp?: number;
}

export interface EvalSetConfig {
  /** `.npy` of images [N, H, W, C] (uint8 or float32), relative to the config's root. */
  readonly images: string;
  /** `.npy` of integer labels [N]. */
  readonly labels: string;
  /** Factor from stored pixel values to model input. Default 1. */
  readonly scale: number;
}

/** Calibration split (never the evaluation set): images for input ranges and per-chip column calibration. */
export interface CalibrationSetConfig {
  /** `.npy` of images [N, H, W, C], relative to the config's root. */
  readonly images: string;
  /** `.npy` of labels [N]; optional (calibration never reads them; kept for provenance). */
  readonly labels?: string;
  /** Factor from stored pixel values to model input. Default 1. */
  readonly scale: number;
}

export interface NaxConfig {
  /** The config file as named by the user (for messages). */
  readonly file: string;
  /** Paths below are resolved against this root, '/'-separated and confined to it. */
  readonly model: string;
  readonly mapping: string;
  readonly technology?: string;
  readonly evalSet?: EvalSetConfig;
  readonly calibrationSet?: CalibrationSetConfig;
  readonly simulation: SimulationConfig;
  readonly budgets: Budgets;
  readonly search: SearchSpace;
}

export const DEFAULT_SIMULATION: SimulationConfig = Object.freeze({
  seed: 1,
  monteCarloSamples: 3,
  evalImages: 1000,
  irDrop: 'fast',
  batchSize: 100,
});

export { SIMULATION_RULES } from './simulation-rules.js';

/**
 * Parses nax.yml text. `file` is the config path relative to the source root; the paths inside are
 * returned relative to the same root.
 */
export function parseNaxConfig(text: string, file: string): NaxConfig {
  let raw: unknown;
  try {
    raw = parseYaml(text, { prettyErrors: false });
  } catch (e) {
    const where = e instanceof YAMLParseError && e.linePos ? `line ${e.linePos[0].line}` : '';
    throw new NaxUserError(file, where, `malformed YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const o = requireObject(raw, file, '');
  rejectUnknownKeys(o, ['model', 'mapping', 'technology', 'evalSet', 'calibrationSet', 'simulation', 'budgets', 'search'], file, '');
  const dir = path.posix.dirname(file.replaceAll('\\', '/'));
  const rel = (v: unknown, field: string) => confinedPath(dir, readString(v, file, field), file, field);

  // The evaluation and calibration splits share one shape; only the evaluation set needs labels.
  const split = (v: unknown, field: 'evalSet' | 'calibrationSet') => {
    const e = requireObject(v, file, field);
    rejectUnknownKeys(e, ['images', 'labels', 'scale'], file, field);
    return {
      images: rel(e.images, `${field}.images`),
      ...(e.labels === undefined && field === 'calibrationSet' ? {} : { labels: rel(e.labels, `${field}.labels`) }),
      scale: optionalNumber(e.scale, 1, file, `${field}.scale`, { min: 0, exclusive: true }),
    };
  };
  const evalSet = o.evalSet === undefined ? undefined : Object.freeze(split(o.evalSet, 'evalSet') as EvalSetConfig);
  const calibrationSet: CalibrationSetConfig | undefined =
    o.calibrationSet === undefined ? undefined : Object.freeze(split(o.calibrationSet, 'calibrationSet'));
  const s = o.simulation === undefined ? {} : requireObject(o.simulation, file, 'simulation');
  rejectUnknownKeys(s, ['seed', 'monteCarloSamples', 'evalImages', 'irDrop', 'batchSize', 'targetCiPp'], file, 'simulation');
  const d = DEFAULT_SIMULATION;
  const simulation: SimulationConfig = Object.freeze({
    seed: optionalNumber(s.seed, d.seed, file, 'simulation.seed', SIMULATION_RULES.seed),
    monteCarloSamples: optionalNumber(s.monteCarloSamples, d.monteCarloSamples, file, 'simulation.monteCarloSamples', SIMULATION_RULES.monteCarloSamples),
    evalImages: optionalNumber(s.evalImages, d.evalImages, file, 'simulation.evalImages', SIMULATION_RULES.evalImages),
    irDrop: s.irDrop === undefined ? d.irDrop : readEnum(s.irDrop, ['exact', 'fast', 'ideal'] as const, file, 'simulation.irDrop'),
    batchSize: optionalNumber(s.batchSize, d.batchSize, file, 'simulation.batchSize', SIMULATION_RULES.batchSize),
    ...(s.targetCiPp === undefined ? {} : { targetCiPp: readNumber(s.targetCiPp, file, 'simulation.targetCiPp', SIMULATION_RULES.targetCiPp) }),
  });
  return Object.freeze({
    file,
    model: rel(o.model, 'model'),
    mapping: rel(o.mapping, 'mapping'),
    technology: o.technology === undefined ? undefined : rel(o.technology, 'technology'),
    evalSet,
    calibrationSet,
    simulation,
    budgets: parseBudgets(o.budgets, file, 'budgets'),
    search: parseSearchSpace(o.search, file, 'search'),
  });
}
