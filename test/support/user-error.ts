/** Catching the user-facing error a test expects, so it can assert its file, field and message. */
import { NaxUserError } from '../../src/errors.js';

/** The NaxUserError `fn` throws; fails the test when it throws nothing or something else. */
export function userError(fn: () => unknown): NaxUserError {
  try {
    fn();
  } catch (e) {
    if (e instanceof NaxUserError) return e;
    throw e;
  }
  throw new Error('expected a NaxUserError, nothing was thrown');
}

/** The NaxUserError `p` rejects with. */
export async function userErrorOf(p: Promise<unknown>): Promise<NaxUserError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof NaxUserError) return e;
    throw e;
  }
  throw new Error('expected a NaxUserError, nothing was thrown');
}
