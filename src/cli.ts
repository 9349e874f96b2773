/**
 * The `nax` command line: the program and its commands live in cli/ (program.ts, commands/*). This module is
 * the entry the bundle (cli-main.ts) and the tests call.
 */
import { type CliIo, processIo } from './cli/context.js';
import { runProgram } from './cli/program.js';

export { type CliIo, EXIT_BUDGET, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from './cli/context.js';
export { buildProgram } from './cli/program.js';

/**
 * Runs the CLI; returns the exit code instead of exiting, so tests can call it. Given its own `out`, the
 * caller is not a terminal: no colour and no progress bar unless it says so.
 */
export async function main(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const own = processIo();
  const captured = io.out !== undefined || io.err !== undefined;
  const base: CliIo = captured ? { out: own.out, err: own.err, cwd: own.cwd, stderrTty: false, color: false } : own;
  return runProgram(argv, { ...base, ...io });
}
