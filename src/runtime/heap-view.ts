/**
 * Zero-copy reads of float32 tensors. On the wasm backend `dataSync()` copies the tensor out of the wasm
 * heap into a fresh ArrayBuffer; for the simulator's large per-conversion products that copy cost more
 * than the matrix product itself. A heap view avoids it. The view is only valid until the next tfjs op
 * (an allocation may grow and move the heap), so read it at once and dispose the tensor afterwards.
 */
import * as tf from '@tensorflow/tfjs-core';

interface HeapBackend {
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array;
}

export function readView(t: tf.Tensor): Float32Array {
  if (t.dtype !== 'float32') throw new Error(`internal error: readView of a ${t.dtype} tensor`);
  const backend = tf.backend() as unknown as Partial<HeapBackend>;
  if (tf.getBackend() === 'wasm' && typeof backend.typedArrayFromHeap === 'function') {
    return backend.typedArrayFromHeap(t);
  }
  return t.dataSync() as Float32Array;
}
