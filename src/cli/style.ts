/** The terminal's text style: ANSI colour for verdicts when the CliIo allows colour, else none. */
import { PLAIN, type TextStyle } from '../render/text-style.js';
import type { CliIo } from './context.js';

const SGR = (code: string) => (s: string) => `\u001b[${code}m${s}\u001b[0m`;
const green = SGR('32');
const yellow = SGR('33');
const red = SGR('31');
const dim = SGR('2');

export const ANSI: TextStyle = {
  verdict: (text, v) => (v === 'pass' ? green(text) : v === 'warn' ? yellow(text) : v === 'fail' ? red(text) : dim(text)),
};

export function terminalStyle(io: CliIo): TextStyle {
  return io.color ? ANSI : PLAIN;
}
