/**
 * The one parser of nax reports read back from files (`nax merge`, the action's merge and comment
 * modes): every field compare/ and render/ read is checked for type and range (accuracies in [0, 1],
 * counts non-negative integers, numbers finite), so a forged or corrupted report is an error naming the
 * file and field, never a merged 124 % accuracy.
 */
import { type NumberRule, describe, readEnum, readNumber, readString, requireObject } from '../config/fields.js';
import { NaxUserError } from '../errors.js';
import { REPORT_SCHEMA, type NaxReport } from '../report.js';
import { gridOf } from '../stats/accuracy-stats.js';
import { SIMULATION_RULES } from '../config/nax-config.js';

/** At most this many Monte Carlo samples, as nax.yml allows. */
const MAX_SAMPLES = 10000;

function numbers(v: unknown, file: string, field: string, rule: NumberRule): number[] {
  if (!Array.isArray(v)) throw new NaxUserError(file, field, 'expected an array of numbers');
  if (v.length > MAX_SAMPLES) throw new NaxUserError(file, field, `${v.length} entries, more than the ${MAX_SAMPLES} samples nax runs`);
  return v.map((x, i) => readNumber(x, file, `${field}[${i}]`, rule));
}

const COUNT: NumberRule = { integer: true, min: 0 };

const MAPPING_NUMBERS = ['rows', 'cols', 'weightBits', 'bitsPerCell', 'inputBits', 'dacBits', 'adcBits', 'adcsPerCrossbar'] as const;
const SHAPE_NUMBERS = ['kernelH', 'kernelW', 'inChannels', 'outChannels', 'outH', 'outW', 'strideH', 'strideW', 'inH', 'inW'] as const;
const COST_NUMBERS = ['crossbars', 'energyJ', 'delayS', 'areaMm2', 'edap'] as const;

/**
 * Checks that `raw` is a nax report with every field compare/ and render/ read, of the right type.
 * Returns it typed (unknown extra fields are kept).
 */
export function parseReport(raw: unknown, file: string, field = ''): NaxReport {
  const at = (f: string) => (field ? `${field}.${f}` : f);
  const r = requireObject(raw, file, field);
  if (r.schema !== REPORT_SCHEMA) {
    throw new NaxUserError(file, at('schema'), `expected "${REPORT_SCHEMA}", found ${describe(r.schema)}`, 'not a nax report');
  }
  const tool = requireObject(r.tool, file, at('tool'));
  readString(tool.version, file, at('tool.version'));
  readString(r.backend, file, at('backend'));
  const inputs = requireObject(r.inputs, file, at('inputs'));
  for (const [k, v] of Object.entries(inputs)) {
    const ref = requireObject(v, file, at(`inputs.${k}`));
    readString(ref.sha256, file, at(`inputs.${k}.sha256`));
  }
  if (r.settings !== undefined) {
    const s = requireObject(r.settings, file, at('settings'));
    for (const k of ['seed', 'monteCarloSamples', 'evalImages'] as const) readNumber(s[k], file, at(`settings.${k}`), SIMULATION_RULES[k]);
    readEnum(s.irDrop, ['exact', 'fast', 'ideal'] as const, file, at('settings.irDrop'));
  }
  if (r.accuracy !== undefined) {
    const a = requireObject(r.accuracy, file, at('accuracy'));
    readNumber(a.ideal, file, at('accuracy.ideal'), { min: 0, max: 1 });
    readNumber(a.quantised, file, at('accuracy.quantised'), { min: 0, max: 1 });
    const n = requireObject(a.nonIdeal, file, at('accuracy.nonIdeal'));
    for (const k of ['mean', 'min', 'max'] as const) readNumber(n[k], file, at(`accuracy.nonIdeal.${k}`), { min: 0, max: 1 });
    // std is absent with one sample (unknown, not 0).
    if (n.std !== undefined) readNumber(n.std, file, at('accuracy.nonIdeal.std'), { min: 0, max: 1 });
    const samples = numbers(n.samples, file, at('accuracy.nonIdeal.samples'), { min: 0, max: 1 });
    const seeds = numbers(n.sampleSeeds, file, at('accuracy.nonIdeal.sampleSeeds'), COUNT);
    if (samples.length !== seeds.length) {
      throw new NaxUserError(file, at('accuracy.nonIdeal.sampleSeeds'), `${seeds.length} seeds for ${samples.length} samples`);
    }
    if (n.correct !== undefined) {
      // Intervals are recomputed from these bits downstream, never read from ci95/delta: check them here.
      if (!Array.isArray(n.correct) || n.correct.length !== samples.length) {
        throw new NaxUserError(file, at('accuracy.nonIdeal.correct'), `expected one bitset per sample (${samples.length})`);
      }
      const images = (r.settings as { evalImages?: unknown } | undefined)?.evalImages;
      if (typeof images !== 'number') throw new NaxUserError(file, at('settings.evalImages'), 'needed to read accuracy.nonIdeal.correct');
      const grid = gridOf(n.correct as unknown[] as string[], images, at('accuracy.nonIdeal.correct'), file);
      // The means the budgets judge must be the bits' own: one accuracy per chip, right images ÷ images.
      samples.forEach((acc, c) => {
        let right = 0;
        for (let i = 0; i < images; i++) right += grid.correct[c * images + i];
        if (acc !== right / images) {
          throw new NaxUserError(file, at(`accuracy.nonIdeal.samples[${c}]`), `${acc} is not the ${right}/${images} right images its bitset holds`);
        }
      });
    }
  }
  if (!Array.isArray(r.layers)) throw new NaxUserError(file, at('layers'), 'expected an array');
  r.layers.forEach((l: unknown, i: number) => {
    const f = at(`layers[${i}]`);
    const o = requireObject(l, file, f);
    readString(o.name, file, `${f}.name`);
    const shape = requireObject(o.shape, file, `${f}.shape`);
    readEnum(shape.kind, ['conv2d', 'dense'] as const, file, `${f}.shape.kind`);
    for (const k of SHAPE_NUMBERS) readNumber(shape[k], file, `${f}.shape.${k}`, COUNT);
    const m = requireObject(o.mapping, file, `${f}.mapping`);
    for (const k of MAPPING_NUMBERS) readNumber(m[k], file, `${f}.mapping.${k}`, { min: 0 });
    const tiling = requireObject(o.tiling, file, `${f}.tiling`);
    readNumber(tiling.crossbars, file, `${f}.tiling.crossbars`, COUNT);
    if (o.nf !== undefined) {
      const nf = requireObject(o.nf, file, `${f}.nf`);
      readNumber(nf.mean, file, `${f}.nf.mean`);
      readNumber(nf.max, file, `${f}.nf.max`);
    }
  });
  const cost = requireObject(r.cost, file, at('cost'));
  if (!Array.isArray(cost.layers)) throw new NaxUserError(file, at('cost.layers'), 'expected an array');
  cost.layers.forEach((l: unknown, i: number) => {
    const f = at(`cost.layers[${i}]`);
    const o = requireObject(l, file, f);
    readString(o.name, file, `${f}.name`);
    for (const k of COST_NUMBERS) readNumber(o[k], file, `${f}.${k}`, { min: 0 });
  });
  const totals = requireObject(r.totals, file, at('totals'));
  for (const k of COST_NUMBERS) readNumber(totals[k], file, at(`totals.${k}`), { min: 0 });
  if (r.shard !== undefined) {
    const s = requireObject(r.shard, file, at('shard'));
    const count = readNumber(s.count, file, at('shard.count'), { integer: true, min: 1 });
    readNumber(s.index, file, at('shard.index'), { integer: true, min: 0, max: count - 1 });
    parseShardSums(s, r, file, at);
  }
  return raw as NaxReport;
}


/** A shard report's image range and NF sums (report.ts ShardInfo), which `nax merge` adds up. */
function parseShardSums(s: Record<string, unknown>, r: Record<string, unknown>, file: string, at: (f: string) => string): void {
  const images = (r.settings as { evalImages?: number } | undefined)?.evalImages ?? 0;
  if (s.images !== undefined) {
    const im = requireObject(s.images, file, at('shard.images'));
    const count = readNumber(im.count, file, at('shard.images.count'), { integer: true, min: 1 });
    readNumber(im.index, file, at('shard.images.index'), { integer: true, min: 0, max: count - 1 });
    const total = readNumber(im.total, file, at('shard.images.total'), { integer: true, min: 1 });
    readNumber(im.start, file, at('shard.images.start'), { integer: true, min: 0, max: Math.max(0, total - images) });
    readNumber(im.idealCorrect, file, at('shard.images.idealCorrect'), { integer: true, min: 0, max: images });
    readNumber(im.quantisedCorrect, file, at('shard.images.quantisedCorrect'), { integer: true, min: 0, max: images });
  }
  if (s.nf !== undefined) {
    const layers = Array.isArray(r.layers) ? r.layers.length : 0;
    const samples = ((r.accuracy as { nonIdeal?: { samples?: unknown[] } } | undefined)?.nonIdeal?.samples ?? []).length;
    if (!Array.isArray(s.nf) || s.nf.length !== layers) throw new NaxUserError(file, at('shard.nf'), `expected one entry per layer (${layers})`);
    s.nf.forEach((l: unknown, k: number) => {
      const o = requireObject(l, file, at(`shard.nf[${k}]`));
      const sums = numbers(o.sum, file, at(`shard.nf[${k}].sum`), {});
      const columns = numbers(o.columns, file, at(`shard.nf[${k}].columns`), COUNT);
      if (sums.length !== samples || columns.length !== samples) {
        throw new NaxUserError(file, at(`shard.nf[${k}]`), `expected one sum and column count per sample (${samples})`);
      }
    });
  }
}
