/**
 * The `nax` program: one module per command under commands/, each parsing its options once into a typed
 * record and running a handler that returns the exit code. Here: the program, and turning what went wrong
 * into an exit code (0 ok, 1 budget exceeded, 2 bad input or usage, 70 a bug). A NaxUserError prints one line
 * `file: field: message`; anything else is a bug and prints its stack.
 */
import { Command, CommanderError } from 'commander';
import { NaxUserError } from '../errors.js';
import { NAX_VERSION } from '../version.js';
import { type CliIo, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from './context.js';
import { registerCheck } from './commands/check.js';
import { registerCost } from './commands/cost.js';
import { registerMappingInit } from './commands/mapping-init.js';
import { registerMerge } from './commands/merge.js';
import { registerReportCommand } from './commands/report.js';
import { registerSearch } from './commands/search.js';
import { registerSensitivity } from './commands/sensitivity.js';
import { registerSimulate } from './commands/simulate.js';
import { registerSweep } from './commands/sweep.js';
import { registerXbar } from './commands/xbar.js';

/** The program; `done` receives the exit code of the command that ran. */
export function buildProgram(io: CliIo, done: (code: number) => void = () => undefined): Command {
  const program = new Command('nax')
    .description('Accuracy under crossbar non-idealities and EDAP cost of neural networks on memristive crossbars.')
    .version(NAX_VERSION)
    .showHelpAfterError()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .addHelpText('after', '\nExit codes: 0 ok, 1 a budget exceeded (check), 2 bad input or usage, 70 internal error (a bug in nax).');
  for (const register of [registerSimulate, registerCost, registerSweep, registerSensitivity, registerCheck, registerSearch, registerMerge, registerXbar, registerReportCommand, registerMappingInit]) {
    register(program, io, done);
  }
  return program;
}

/** Runs the command line `argv` (node, script, args…); returns the exit code instead of exiting. */
export async function runProgram(argv: readonly string[], io: CliIo): Promise<number> {
  let code = EXIT_OK;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv as string[]);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (e instanceof NaxUserError) {
      io.err(`nax: ${e.format()}`);
      return EXIT_USAGE;
    }
    io.err(`nax: internal error (a bug, please report it):\n${(e as Error).stack ?? String(e)}`);
    return EXIT_INTERNAL;
  }
}
