/**
 * `nax sensitivity`: for the committed model, the homogeneous crossbar sizes (16/32/64/128 by default) with
 * their non-ideal accuracy under each accuracy variant and their EDAP under every combination of the
 * cost-model switches — which assumption decides the answer. Accuracy does not depend on the cost switches,
 * so each size is simulated once per variant and costed under every combination (cheap).
 */
import { COST_MODEL_SWITCHES, type CostModelSwitchName, type CostModelSwitches } from './config/cost-model.js';
import { type LayerMapping, type ResolvedLayerMapping, withCrossbarSize } from './config/mapping.js';
import { costOptionsOf } from './cost/options.js';
import { type CostSensitivity, costSensitivity } from './cost/sensitivity.js';
import type { FileSource } from './io/files.js';
import { matrixNodes } from './model/graph.js';
import { type SimulationOverrides, loadProject, simulate } from './pipeline.js';
import type { NaxReport, SimulationSettings } from './report.js';
import { NAX_VERSION } from './version.js';
import type { SampleRunner } from './xbar/simulate.js';
import type { Progress } from './progress.js';

export const SENSITIVITY_SCHEMA = 'nax-sensitivity/1';

/** One accuracy variant: mapping fields set on every layer on top of the homogeneous mapping. */
export interface AccuracyVariant {
  readonly label: string;
  readonly override: Readonly<Partial<LayerMapping>>;
}

/**
 * The accuracy variants every size is simulated under (one simulation each): without calibration (the NAX
 * paper's setting) and with per-chip per-column gain calibration, which a real macro would have. Costs use the
 * first variant's mapping (calibration is digital and not costed). Without a calibration split in nax.yml only
 * the first can run.
 */
export const ACCURACY_VARIANTS: readonly AccuracyVariant[] = [
  { label: 'calibration none', override: { calibration: 'none' } },
  { label: 'calibration gain', override: { calibration: 'gain' } },
];

/** Default `accuracyTolerance`: 1 percentage point (nax assumption, about two standard errors at 2,000 images). */
export const DEFAULT_ACCURACY_TOLERANCE = 0.01;

export interface SensitivityOptions {
  readonly source: FileSource;
  readonly configPath: string;
  /** Square crossbar sizes, in table order. */
  readonly sizes: readonly number[];
  /** Cost-model switches to vary; default all. */
  readonly varied?: readonly CostModelSwitchName[];
  /** Switches set over the technology file's: the base the rankings are compared with. */
  readonly costModel?: Partial<CostModelSwitches>;
  readonly variants?: readonly AccuracyVariant[];
  /** A size is acceptable when its non-ideal accuracy is within this of the best size's (fraction). */
  readonly accuracyTolerance?: number;
  readonly overrides?: SimulationOverrides;
  readonly progress?: Progress;
  readonly runner?: SampleRunner;
}

/** Accuracy of one size under one variant, fractions 0…1. */
export interface SensitivityAccuracy {
  readonly crossbar: number;
  readonly ideal: number;
  readonly quantised: number;
  /** Monte Carlo mean over `samples` chips, with its 95 % interval over images × chips. */
  readonly nonIdeal: { readonly mean: number; readonly ciLow?: number; readonly ciHigh?: number; readonly samples: number };
}

export interface SensitivityDocument extends CostSensitivity {
  readonly schema: typeof SENSITIVITY_SCHEMA;
  readonly tool: { readonly name: 'nax'; readonly version: string };
  /** The mapping is the file the homogeneous mappings were derived from. */
  readonly inputs: NaxReport['inputs'];
  /** tfjs backend of the simulations. */
  readonly backend: string;
  readonly settings: SimulationSettings;
  readonly sizes: readonly number[];
  /** The technology file's switches: the base the rankings are compared with. */
  readonly baseCostModel: CostModelSwitches;
  readonly accuracy: ReadonlyArray<{
    readonly label: string;
    readonly override: Readonly<Partial<LayerMapping>>;
    readonly rows: readonly SensitivityAccuracy[];
  }>;
  /** Fraction: sizes within this of the most accurate one are acceptable. */
  readonly accuracyTolerance: number;
  /**
   * Per combination (same order as `combinations`), per accuracy variant: the lowest-EDAP size whose mean
   * non-ideal accuracy is within `accuracyTolerance` of the best size's — the answer under that assumption.
   */
  readonly choices: ReadonlyArray<readonly number[]>;
}

/**
 * The first size of `ranking` (best EDAP first) whose mean non-ideal accuracy is at least the best mean
 * minus `tolerance`.
 */
export function chooseSize(ranking: readonly number[], rows: readonly SensitivityAccuracy[], tolerance: number): number {
  const best = Math.max(...rows.map((r) => r.nonIdeal.mean));
  const accurate = new Set(rows.filter((r) => r.nonIdeal.mean >= best - tolerance).map((r) => r.crossbar));
  return ranking.find((n) => accurate.has(n))!;
}

function homogeneous(
  m: ReadonlyMap<string, ResolvedLayerMapping>,
  n: number,
  override: Readonly<Partial<LayerMapping>>,
): Map<string, ResolvedLayerMapping> {
  return new Map([...m].map(([name, l]) => [name, { ...withCrossbarSize(l, n), ...override }]));
}

export async function runSensitivity(o: SensitivityOptions): Promise<SensitivityDocument> {
  const varied = o.varied ?? COST_MODEL_SWITCHES;
  const p = await loadProject(o.source, o.configPath, { costModel: o.costModel });
  const variants = o.variants ?? (p.config.calibrationSet ? ACCURACY_VARIANTS : ACCURACY_VARIANTS.slice(0, 1));
  if (!o.variants && !p.config.calibrationSet) o.progress?.('no calibrationSet in nax.yml: accuracy without calibration only');
  const accuracy: Array<SensitivityDocument['accuracy'][number]> = [];
  let first: NaxReport | undefined;
  for (const v of variants) {
    const rows: SensitivityAccuracy[] = [];
    for (const n of o.sizes) {
      o.progress?.(`${v.label}, ${n}×${n}`);
      const report = await simulate({
        source: o.source, configPath: o.configPath, mappingOverride: homogeneous(p.mappings, n, v.override),
        overrides: o.overrides, progress: o.progress, runner: o.runner, costModel: o.costModel,
      });
      first ??= report;
      const a = report.accuracy!;
      rows.push({
        crossbar: n, ideal: a.ideal, quantised: a.quantised,
        nonIdeal: {
          mean: a.nonIdeal.mean,
          ...(a.nonIdeal.ci95 ? { ciLow: a.nonIdeal.ci95.low, ciHigh: a.nonIdeal.ci95.high } : {}),
          samples: a.nonIdeal.samples.length,
        },
      });
    }
    accuracy.push({ label: v.label, override: v.override, rows });
  }
  const nodes = matrixNodes(p.graph);
  const networks = o.sizes.map((n) => {
    const m = homogeneous(p.mappings, n, variants[0].override);
    return { crossbar: n, layers: nodes.map((node) => ({ shape: node.shape, mapping: m.get(node.name)! })) };
  });
  const costs = costSensitivity(networks, p.technology.components, costOptionsOf(p.technology), varied);
  const accuracyTolerance = o.accuracyTolerance ?? DEFAULT_ACCURACY_TOLERANCE;
  const choices = costs.combinations.map((c) => accuracy.map((v) => chooseSize(c.ranking, v.rows, accuracyTolerance)));
  return {
    schema: SENSITIVITY_SCHEMA,
    tool: { name: 'nax', version: NAX_VERSION },
    inputs: { ...p.inputs, ...(first?.inputs.evalSet ? { evalSet: first.inputs.evalSet } : {}) },
    backend: first!.backend,
    settings: first!.settings!,
    sizes: o.sizes,
    baseCostModel: p.technology.costModel,
    accuracy,
    accuracyTolerance,
    ...costs,
    choices,
  };
}
