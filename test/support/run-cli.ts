/** Runs the nax command line in-process (src/cli.ts `main`) and collects what it printed. */
import { main } from '../../src/cli.js';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** `nax …args` in `cwd`; stdout and stderr lines are collected, the exit code returned. */
export async function nax(args: readonly string[], cwd: string): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(['node', 'nax', ...args], { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), cwd });
  return { code, out, err };
}
