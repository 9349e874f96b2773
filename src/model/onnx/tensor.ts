/**
 * Values of ONNX tensors (initializers and Constant attributes) as typed arrays, with every size checked
 * against the declared dims before anything is allocated. External data has been read by the loader
 * (load.ts) and is passed in as bytes.
 */
import type { OnnxTensor } from './proto.js';

/** TensorProto.DataType values nax reads. */
export const DTYPE = { float: 1, int32: 6, int64: 7, float16: 10, double: 11 } as const;

const BYTES: Readonly<Record<number, number>> = { 1: 4, 6: 4, 7: 8, 10: 2, 11: 8 };
const NAMES: Readonly<Record<number, string>> = {
  1: 'float', 2: 'uint8', 3: 'int8', 4: 'uint16', 5: 'int16', 6: 'int32', 7: 'int64', 8: 'string', 9: 'bool',
  10: 'float16', 11: 'double', 12: 'uint32', 13: 'uint64', 16: 'bfloat16',
};

/**
 * Largest tensor nax accepts: 2^26 elements (256 MiB as float32). Our assumption: far above any model a
 * crossbar simulation in CI can handle, low enough that a forged dims field cannot exhaust memory.
 */
export const MAX_TENSOR_ELEMENTS = 2 ** 26;

export function dtypeName(t: number): string {
  return NAMES[t] ?? `data type ${t}`;
}

/** A tensor problem; from-onnx.ts adds the file and the node. */
export class TensorError extends Error {}

/** Number of elements the dims declare; refuses negative dims and sizes above the cap. */
export function elementCount(t: OnnxTensor): number {
  let n = 1;
  for (const d of t.dims) {
    if (!Number.isSafeInteger(d) || d < 0) throw new TensorError(`tensor '${t.name}' has dimension ${d}`);
    n *= d;
    if (n > MAX_TENSOR_ELEMENTS) throw new TensorError(`tensor '${t.name}' [${t.dims.join(', ')}] has more than ${MAX_TENSOR_ELEMENTS} elements`);
  }
  return n;
}

/**
 * The tensor's values as float64 numbers in a Float64Array (float, double, float16, int32, int64).
 * `external` holds the bytes of an external-data tensor. Throws TensorError when the stored data does not
 * hold exactly the declared number of elements.
 */
export function tensorValues(t: OnnxTensor, external?: Uint8Array): Float64Array {
  const n = elementCount(t);
  const size = BYTES[t.dataType];
  if (size === undefined) throw new TensorError(`tensor '${t.name}' has type ${dtypeName(t.dataType)} (supported: float, double, float16, int32, int64)`);
  const bytes = t.dataLocation === 1 ? external : t.raw;
  if (bytes !== undefined) {
    if (bytes.length !== n * size) {
      throw new TensorError(`tensor '${t.name}' declares [${t.dims.join(', ')}] = ${n} ${dtypeName(t.dataType)} values ` +
        `(${n * size} bytes) but stores ${bytes.length} bytes`);
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      switch (t.dataType) {
        case DTYPE.float: out[i] = view.getFloat32(4 * i, true); break;
        case DTYPE.double: out[i] = view.getFloat64(8 * i, true); break;
        case DTYPE.float16: out[i] = half(view.getUint16(2 * i, true)); break;
        case DTYPE.int32: out[i] = view.getInt32(4 * i, true); break;
        default: out[i] = bigToNumber(view.getBigInt64(8 * i, true), t.name);
      }
    }
    return out;
  }
  // Typed fields: float16 values are stored as their bit patterns in int32_data (onnx.proto).
  const list = t.dataType === DTYPE.float ? t.floatData
    : t.dataType === DTYPE.double ? t.doubleData
      : t.dataType === DTYPE.int64 ? t.int64Data : t.int32Data;
  if (list.length !== n) {
    throw new TensorError(`tensor '${t.name}' declares [${t.dims.join(', ')}] = ${n} values but stores ${list.length}`);
  }
  return Float64Array.from(list, (v) => (t.dataType === DTYPE.float16 ? half(v) : v));
}

function bigToNumber(v: bigint, name: string): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) throw new TensorError(`tensor '${name}' holds ${v}, beyond ±2^53`);
  return Number(v);
}

/** IEEE 754 binary16 → number. */
function half(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >> 10) & 0x1f;
  const frac = bits & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}
