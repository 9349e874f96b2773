/**
 * Instantiates one of the project's compiled WebAssembly kernels from its base64 bytes (scripts/build-wasm.mjs):
 * synchronously, with no imports, once per kernel per thread (each worker gets its own instance and memory).
 */

// The project's lib (ES2022, no DOM) has no WebAssembly typings: the few members used here.
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  /** Grows by `pages` of 64 KiB; throws RangeError when the engine refuses. Detaches the old buffer. */
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: unknown };
}

export const WASM_PAGE_BYTES = 65536;

export function instantiateKernel<T>(base64: string): T {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  return new wasm.Instance(new wasm.Module(bytes), {}).exports as T;
}

/** Grows `memory` so that it holds at least `bytes`. */
export function ensureMemory(memory: WasmMemory, bytes: number): void {
  const have = memory.buffer.byteLength;
  if (bytes > have) memory.grow(Math.ceil((bytes - have) / WASM_PAGE_BYTES));
}
