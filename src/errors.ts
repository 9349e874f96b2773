/**
 * The one user-facing error: something in a file the user owns (or a CLI/action input) is wrong.
 * The edges print it as `file: field: message` with no stack and exit 2. Any other error is a bug.
 */
export class NaxUserError extends Error {
  /** The file (or input name) at fault, as the user would recognise it. */
  readonly file: string;
  /** Path of the bad field inside the file, e.g. `layers.conv1.adcBits`; empty when the file as a whole is bad. */
  readonly field: string;
  /** Optional hint on how to fix it. */
  readonly hint?: string;

  constructor(file: string, field: string, message: string, hint?: string) {
    super(message);
    this.name = 'NaxUserError';
    this.file = file;
    this.field = field;
    this.hint = hint;
  }

  /** One line: `file: field: message (hint)`. */
  format(): string {
    const where = [this.file, this.field].filter((s) => s.length > 0).join(': ');
    return `${where}: ${this.message}${this.hint ? ` (${this.hint})` : ''}`;
  }
}

/** Internal invariant; the message is built only on failure, so it is cheap on hot paths. */
export function assert(cond: unknown, message: () => string): asserts cond {
  if (!cond) throw new Error(`internal error: ${message()}`);
}
