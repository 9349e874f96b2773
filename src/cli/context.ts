/**
 * What every command of the `nax` command line shares: where it writes, the exit codes, and how a terminal
 * is detected. Nothing here loads tfjs, so `nax --help` and `nax --version` start fast.
 */

/** Exit codes of `nax` (documented in the README). */
export const EXIT_OK = 0;
/** A budget was exceeded (`check`): the gate failed. */
export const EXIT_BUDGET = 1;
/** Bad input or usage: one line `file: field: message` on stderr. */
export const EXIT_USAGE = 2;
/** A bug in nax (sysexits' EX_SOFTWARE): the stack is printed so it can be reported. */
export const EXIT_INTERNAL = 70;

/** Where the CLI writes and what it knows about the terminal: injectable for tests. */
export interface CliIo {
  /** Results (tables, JSON): stdout. One call, one block of text; a newline is added when missing. */
  readonly out: (text: string) => void;
  /** Messages and progress lines: stderr. */
  readonly err: (text: string) => void;
  readonly cwd: string;
  /** The running entry file, for Monte Carlo worker threads; absent: samples run in this thread. */
  readonly workerEntry?: string;
  /** stderr is a terminal: progress is a bar redrawn in place. Default false. */
  readonly stderrTty?: boolean;
  /** Width of that terminal, columns. */
  readonly columns?: number;
  /** Writes to stderr without a newline (the bar's '\r' redraws). Default: `err`. */
  readonly errRaw?: (text: string) => void;
  /** Colour verdicts and signs in terminal tables. Default false. */
  readonly color?: boolean;
}

/**
 * Colour only where a person reads it: stdout is a terminal, NO_COLOR is unset or empty (no-color.org) and
 * the terminal is not 'dumb'.
 */
export function useColor(env: Readonly<Record<string, string | undefined>>, stdoutTty: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stdoutTty;
}

const line = (stream: NodeJS.WriteStream) => (t: string) => stream.write(t.endsWith('\n') ? t : `${t}\n`);

/** The process's own streams and terminal. */
export function processIo(): CliIo {
  return {
    out: line(process.stdout),
    err: line(process.stderr),
    errRaw: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    stderrTty: process.stderr.isTTY === true,
    ...(process.stderr.columns ? { columns: process.stderr.columns } : {}),
    color: useColor(process.env, process.stdout.isTTY === true),
  };
}

/** A command's work: typed options in, exit code out. */
export type Handler<O> = (options: O, io: CliIo) => Promise<number>;
