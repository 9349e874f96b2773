/**
 * `nax xbar --input file.json`: solves one crossbar, {conductances[rows][cols] (S), voltages[rows] (V),
 * rWire, rSource, rSink (Ω)} → {currents[cols] (A)}, as JSON on stdout.
 */
import { type Command, Option } from 'commander';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type NumberRule, readNumber, rejectUnknownKeys, requireObject } from '../../config/fields.js';
import { NaxUserError } from '../../errors.js';
import { jsonSyntaxMessage } from '../../io/json.js';
import { type CliIo, EXIT_OK } from '../context.js';

export interface XbarOptions {
  /** The JSON input file, relative to the working directory. */
  readonly inputPath: string;
  /** Circuit model. Default 'exact'. */
  readonly model: 'exact' | 'fast' | 'ideal';
}

export async function xbarCommand(o: XbarOptions, io: CliIo): Promise<number> {
  const file = o.inputPath;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path.resolve(io.cwd, file), 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new NaxUserError(file, '', code === 'ENOENT' ? 'file not found' : jsonSyntaxMessage(e));
  }
  const x = parseXbarInput(raw, file);
  const { solveCurrents } = await import('../../xbar/irdrop/index.js');
  let solution;
  try {
    solution = solveCurrents({ g: x.g, rows: x.rows, cols: x.cols, voltages: x.v, wires: x.wires, model: o.model });
  } catch (e) {
    // The solver names the technology's wires; here they come from this file.
    if (e instanceof NaxUserError) throw new NaxUserError(file, 'rSource, rSink', e.message, e.hint);
    throw e;
  }
  const currents = Array.from(solution.columnCurrentsA);
  const bad = currents.findIndex((c) => !Number.isFinite(c));
  if (bad >= 0) throw new NaxUserError(file, '', `column ${bad} has no finite current for these values`, 'check conductances and resistances');
  io.out(JSON.stringify({ currents }));
  return EXIT_OK;
}

export function registerXbar(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command('xbar')
    .description('solve one crossbar: {conductances[rows][cols] (S), voltages[rows] (V), rWire, rSource, rSink (Ω)} → {currents[cols] (A)}')
    .requiredOption('--input <file>', 'JSON input file')
    .addOption(new Option('--model <model>', 'circuit model').choices(['exact', 'fast', 'ideal']).default('exact'))
    .action(async (r: { input: string; model: 'exact' | 'fast' | 'ideal' }) => {
      done(await xbarCommand({ inputPath: r.input, model: r.model }, io));
    });
}

interface XbarInput {
  g: Float64Array;
  v: Float64Array;
  rows: number;
  cols: number;
  wires: { rWireOhm: number; rSourceOhm: number; rSinkOhm: number };
}

/**
 * Device conductances, S: at most 0.01 S (R_on ≥ 100 Ω, the technology file's bound, config/technology.ts).
 * Voltages within ±10 V and wire resistances as in a technology file.
 */
const XBAR_CONDUCTANCE_RULE: NumberRule = { min: 0, max: 0.01 };

export function parseXbarInput(raw: unknown, file: string): XbarInput {
  const o = requireObject(raw, file, '');
  rejectUnknownKeys(o, ['conductances', 'voltages', 'rWire', 'rSource', 'rSink'], file, '');
  if (!Array.isArray(o.conductances) || o.conductances.length === 0) {
    throw new NaxUserError(file, 'conductances', 'expected a non-empty array of rows');
  }
  const rows = o.conductances.length;
  const first = o.conductances[0];
  if (!Array.isArray(first) || first.length === 0) throw new NaxUserError(file, 'conductances[0]', 'expected a non-empty array');
  const cols = first.length;
  if (rows > 4096 || cols > 4096) throw new NaxUserError(file, 'conductances', `${rows}×${cols} is larger than 4096×4096`);
  const g = new Float64Array(rows * cols);
  o.conductances.forEach((row: unknown, i: number) => {
    if (!Array.isArray(row) || row.length !== cols) {
      throw new NaxUserError(file, `conductances[${i}]`, `expected ${cols} values like row 0`);
    }
    row.forEach((x: unknown, j: number) => {
      g[i * cols + j] = readNumber(x, file, `conductances[${i}][${j}]`, XBAR_CONDUCTANCE_RULE);
    });
  });
  if (!Array.isArray(o.voltages) || o.voltages.length !== rows) {
    throw new NaxUserError(file, 'voltages', `expected an array of ${rows} voltages (one per row)`);
  }
  const v = Float64Array.from(o.voltages, (x: unknown, i: number) => readNumber(x, file, `voltages[${i}]`, { min: -10, max: 10 }));
  const r = (k: 'rWire' | 'rSource' | 'rSink') => readNumber(o[k], file, k, { min: 0, max: k === 'rWire' ? 1e3 : 1e6 });
  return { g, v, rows, cols, wires: { rWireOhm: r('rWire'), rSourceOhm: r('rSource'), rSinkOhm: r('rSink') } };
}

