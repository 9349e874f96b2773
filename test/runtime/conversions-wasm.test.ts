/**
 * The committed WebAssembly kernel (src/xbar/conversions-wasm-bytes.ts) is the compile of its AssemblyScript
 * source wasm/conversions.ts with the build's flags: a stale binary fails here, not in a user's run.
 */
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';

describe('conversion kernel binary', () => {
  test('equals a fresh compile of wasm/conversions.ts', () => {
    const r = spawnSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
