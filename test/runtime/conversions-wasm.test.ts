/**
 * The committed WebAssembly kernels (src/xbar/conversions-wasm-bytes.ts, src/xbar/irdrop/line-solves-wasm-bytes.ts)
 * are the compiles of their AssemblyScript sources in wasm/ with the build's flags: a stale binary fails here,
 * not in a user's run.
 */
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';

describe('WebAssembly kernel binaries', () => {
  test('equal a fresh compile of wasm/conversions.ts and wasm/line-solves.ts', () => {
    const r = spawnSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
