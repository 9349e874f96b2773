/**
 * TensorFlow.js set-up: the one explicit call that chooses and initialises a backend (nothing happens at
 * import time beyond the packages registering their kernels). The rest of the code imports tfjs-core
 * directly (`import * as tf from '@tensorflow/tfjs-core'`, functional ops only: the CommonJS core bundle
 * does not register chained ops such as `x.reshape`) and tfjs-layers as `tfl`.
 *
 * Backends: 'wasm' (single-threaded XNNPACK with SIMD; with the patches of wasm-patches.ts it trains and
 * infers 25–200× faster than 'cpu') and 'cpu' (the plain-JS reference, used by tests to check wasm).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
// Imported for its side effect as well: tfjs-layers registers every op's gradient.
import '@tensorflow/tfjs-layers';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installWasmPatches } from './wasm-patches.js';

export type BackendName = 'wasm' | 'cpu';

/** The binary emscripten loads in Node (SIMD is always available there; threads never are). */
const WASM_PROBE_FILE = 'tfjs-backend-wasm-simd.wasm';

/**
 * The folder holding the tfjs .wasm binaries, with a trailing separator. In the ncc bundles (dist/index.js,
 * dist/cli/index.js) `scripts/copy-wasm.mjs` puts them beside the bundle, which is where `import.meta.url`
 * points at run time; from source (tsx, jest) they are in the installed package's `dist/`.
 */
export function wasmBinaryFolder(): string {
  const candidates: string[] = [];
  try {
    candidates.push(path.dirname(fileURLToPath(import.meta.url)));
  } catch {
    // import.meta.url is not a file: URL (e.g. a data: module); fall through to package resolution.
  }
  try {
    const main = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm');
    candidates.push(path.dirname(main));
  } catch {
    // Not resolvable from here (a bundle run without node_modules): only the bundle folder can hold them.
  }
  for (const dir of candidates) {
    if (existsSync(path.join(dir, WASM_PROBE_FILE))) return dir + path.sep;
  }
  throw new Error(
    `cannot find ${WASM_PROBE_FILE} in ${candidates.join(' or ')}; a bundle needs the .wasm files beside it (scripts/copy-wasm.mjs)`,
  );
}

const ready = new Map<BackendName, Promise<string>>();

/**
 * Makes `name` the active tfjs backend and returns the backend's name as tfjs reports it. Enables prod
 * mode (silences tfjs' console banners and skips per-op NaN checks), installs the wasm kernel patches
 * before the wasm backend initialises, and points the wasm loader at the binaries. Idempotent: repeated
 * and concurrent calls share one initialisation; switching between 'wasm' and 'cpu' keeps both alive.
 * Default 'wasm'.
 */
export function initBackend(name: BackendName = 'wasm'): Promise<string> {
  let p = ready.get(name);
  if (!p) {
    p = setUp(name);
    ready.set(name, p);
    // A failed initialisation may be retried (e.g. after the caller fixes the .wasm files).
    p.catch(() => ready.delete(name));
  }
  return p.then(async () => {
    if (tf.getBackend() !== name) await activate(name);
    return tf.getBackend();
  });
}

async function setUp(name: BackendName): Promise<string> {
  tf.enableProdMode();
  if (name !== 'wasm') {
    await activate(name);
    return name;
  }
  installWasmPatches();
  const folder = wasmBinaryFolder();
  setWasmPaths(folder);
  // The emscripten loader inside tfjs-backend-wasm reads the free variable `__dirname` while the backend
  // initialises. An ESM bundle (ncc's output for a "type": "module" package) has none, so the lookup falls
  // through to the global object; without this the bundled CLI and action fail with "ReferenceError:
  // __dirname is not defined". The global exists only during initialisation.
  const g = globalThis as { __dirname?: string };
  const shim = g.__dirname === undefined;
  if (shim) g.__dirname = folder.slice(0, -path.sep.length);
  try {
    await activate(name);
  } finally {
    if (shim) delete g.__dirname;
  }
  return name;
}

async function activate(name: BackendName): Promise<void> {
  if (await tf.setBackend(name)) {
    await tf.ready();
    return;
  }
  // Prod mode silences tfjs' own report of why; run the factory again so the cause reaches the user.
  let cause: unknown;
  try {
    await tf.findBackendFactory(name)?.();
  } catch (e) {
    cause = e;
  }
  throw new Error(`initialisation of the tfjs '${name}' backend failed${cause ? `: ${(cause as Error).message ?? String(cause)}` : ''}`, { cause });
}
