/**
 * NumPy `.npy` files (format versions 1–3, C order, little-endian), optionally gzip-compressed (`.npy.gz`,
 * detected by the gzip magic, not the name). The format: magic `\x93NUMPY`, version, header length (uint16
 * in v1, uint32 in v2/v3), a Python dict literal `{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }`,
 * then the raw data. See numpy's `numpy/lib/format.py`.
 */
import os from 'node:os';
import { gunzipSync } from 'node:zlib';
import { NaxUserError } from '../errors.js';

/** Element types nax reads; `int64` is returned as exact integers in a Float64Array. */
export type NpyDtype = 'uint8' | 'int32' | 'int64' | 'float32' | 'float64';

export type NpyData = Uint8Array | Int32Array | Float32Array | Float64Array;

export interface NpyArray {
  readonly dtype: NpyDtype;
  /** Shape in C (row-major) order; [] for a scalar. */
  readonly shape: readonly number[];
  /** The values, flat in C order. */
  readonly data: NpyData;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const GZIP_MAGIC = [0x1f, 0x8b];
/** Refuses gzip bombs: a decompressed .npy above this is not an evaluation set. */
const MAX_INFLATED_BYTES = 1 << 30;

const DESCR: Readonly<Record<string, { dtype: NpyDtype; bytes: number }>> = {
  '|u1': { dtype: 'uint8', bytes: 1 },
  '<u1': { dtype: 'uint8', bytes: 1 },
  '<i4': { dtype: 'int32', bytes: 4 },
  '<i8': { dtype: 'int64', bytes: 8 },
  '<f4': { dtype: 'float32', bytes: 4 },
  '<f8': { dtype: 'float64', bytes: 8 },
};
const DESCR_OF: Readonly<Record<NpyDtype, string>> = { uint8: '|u1', int32: '<i4', int64: '<i8', float32: '<f4', float64: '<f8' };

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/**
 * Parses `.npy` bytes (gzip-compressed or not). `file` names the file in errors: bad magic, unsupported
 * version or dtype (big-endian, bool, strings, objects…), Fortran order, a size that does not match the shape.
 */
export function parseNpy(input: Uint8Array, file: string): NpyArray {
  let bytes = input;
  if (startsWith(bytes, GZIP_MAGIC)) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_INFLATED_BYTES });
    } catch (e) {
      throw new NaxUserError(file, '', `gzip data cannot be decompressed: ${(e as Error).message}`);
    }
  }
  if (!startsWith(bytes, MAGIC)) {
    throw new NaxUserError(file, '', 'not a NumPy .npy file (bad magic)', 'write it with numpy.save (optionally gzip it)');
  }
  const major = bytes[6];
  if (bytes.length < 10 || major < 1 || major > 3) throw new NaxUserError(file, '', `unsupported .npy format version ${major}.${bytes[7]}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerStart = major === 1 ? 10 : 12;
  if (bytes.length < headerStart) throw new NaxUserError(file, '', 'truncated .npy header');
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const dataStart = headerStart + headerLen;
  if (bytes.length < dataStart) throw new NaxUserError(file, '', 'truncated .npy header');
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(headerStart, dataStart));
  const { descr, fortran, shape } = parseHeader(header, file);

  const type = DESCR[descr];
  if (!type) {
    throw new NaxUserError(file, 'descr', `dtype '${descr}' is not supported`,
      'supported: uint8 (|u1), little-endian int32 (<i4), int64 (<i8), float32 (<f4), float64 (<f8)');
  }
  if (fortran) throw new NaxUserError(file, 'fortran_order', 'Fortran-ordered arrays are not supported', 'save a C-ordered copy: numpy.ascontiguousarray');
  const count = shape.reduce((a, b) => a * b, 1);
  const need = count * type.bytes;
  const have = bytes.length - dataStart;
  if (have !== need) {
    throw new NaxUserError(file, '', `data holds ${have} bytes, but shape (${shape.join(', ')}) of ${descr} needs ${need}`);
  }
  if (os.endianness() !== 'LE') throw new Error('internal error: .npy decoding assumes a little-endian host');
  // A fresh copy (Buffer#slice would share memory): aligned for the typed array, exactly sized, and
  // independent of the (possibly pooled) input buffer.
  const raw = new Uint8Array(bytes.subarray(dataStart)).buffer;
  return { dtype: type.dtype, shape, data: typedData(type.dtype, raw, count, file) };
}

function typedData(dtype: NpyDtype, raw: ArrayBuffer, count: number, file: string): NpyData {
  switch (dtype) {
    case 'uint8':
      return new Uint8Array(raw);
    case 'int32':
      return new Int32Array(raw);
    case 'float32':
      return new Float32Array(raw);
    case 'float64':
      return new Float64Array(raw);
    case 'int64': {
      const big = new BigInt64Array(raw);
      const out = new Float64Array(count);
      for (let i = 0; i < count; i++) {
        const v = big[i];
        if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
          throw new NaxUserError(file, `[${i}]`, `int64 value ${v} is beyond ±2^53`, 'store smaller integers (int32)');
        }
        out[i] = Number(v);
      }
      return out;
    }
  }
}

function parseHeader(header: string, file: string): { descr: string; fortran: boolean; shape: number[] } {
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(header);
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header);
  const shape = /'shape'\s*:\s*\(([^)]*)\)/.exec(header);
  if (!descr || !fortran || !shape) {
    throw new NaxUserError(file, '', 'malformed .npy header (expected a Python dict with descr, fortran_order and shape)');
  }
  const dims = shape[1]
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => (/^\d+L?$/.test(s) ? Number.parseInt(s, 10) : Number.NaN));
  if (!dims.every(Number.isSafeInteger)) throw new NaxUserError(file, 'shape', `malformed shape (${shape[1]})`);
  return { descr: descr[1], fortran: fortran[1] === 'True', shape: dims };
}

/**
 * Encodes an array as a version-1 `.npy` (C order, little-endian; header padded to 64 bytes as numpy
 * does). `data.length` must equal the product of `shape`; int64 values must be integers.
 */
export function encodeNpy(array: NpyArray): Uint8Array {
  const count = array.shape.reduce((a, b) => a * b, 1);
  if (array.data.length !== count) throw new Error(`internal error: ${array.data.length} values for shape (${array.shape.join(', ')})`);
  const shape = array.shape.length === 1 ? `(${array.shape[0]},)` : `(${array.shape.join(', ')})`;
  let header = `{'descr': '${DESCR_OF[array.dtype]}', 'fortran_order': False, 'shape': ${shape}, }`;
  const unpadded = 10 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  let payload: Uint8Array;
  if (array.dtype === 'int64') {
    const big = BigInt64Array.from(array.data, (v) => BigInt(v));
    payload = new Uint8Array(big.buffer);
  } else {
    const typed = castTo(array.dtype, array.data);
    payload = new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength);
  }
  const out = new Uint8Array(10 + header.length + payload.length);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  new DataView(out.buffer).setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  out.set(payload, 10 + header.length);
  return out;
}

function castTo(dtype: Exclude<NpyDtype, 'int64'>, data: NpyData): NpyData {
  const Ctor = { uint8: Uint8Array, int32: Int32Array, float32: Float32Array, float64: Float64Array }[dtype];
  return data instanceof Ctor ? data : Ctor.from(data);
}
