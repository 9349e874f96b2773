/**
 * `.npy` parsing against bytes written by numpy 2.4 (`np.save`, `np.lib.format.write_array`), the encoder
 * round trip, gzip, and each error naming the file.
 */
import { describe, expect, test } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import { type NpyArray, encodeNpy, parseNpy } from '../../src/data/npy.js';
import { userError } from '../support/user-error.js';

const b64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));

/** np.save(np.arange(6, dtype=np.uint8).reshape(2, 3)) */
const U8_2x3 = b64('k05VTVBZAQB2AHsnZGVzY3InOiAnfHUxJywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDMpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAQIDBAU=');
/** write_array(version=(2, 0)) of [[1.5, -2.25], [3, 4]] as <f4 */
const F4_V2 = b64('k05VTVBZAgB0AAAAeydkZXNjcic6ICc8ZjQnLCAnZm9ydHJhbl9vcmRlcic6IEZhbHNlLCAnc2hhcGUnOiAoMiwgMiksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAMA/AAAQwAAAQEAAAIBA');
/** np.save(np.array([7, -1, 2**40], dtype='<i8')) */
const I8 = b64('k05VTVBZAQB2AHsnZGVzY3InOiAnPGk4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoHAAAAAAAAAP//////////AAAAAAABAAA=');
/** np.save(np.asfortranarray(np.arange(6, dtype='<f4').reshape(2, 3))) */
const FORTRAN = b64('k05VTVBZAQB2AHsnZGVzY3InOiAnPGY0JywgJ2ZvcnRyYW5fb3JkZXInOiBUcnVlLCAnc2hhcGUnOiAoMiwgMyksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAABAQAAAgD8AAIBAAAAAQAAAoEA=');
/** np.save(np.array([1, 2], dtype='>f4')) */
const BIG_ENDIAN = b64('k05VTVBZAQB2AHsnZGVzY3InOiAnPmY0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAo/gAAAQAAAAA==');
/** np.save(np.array(3.5)) — a scalar, shape () */
const SCALAR = b64('k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKCksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAAMQA==');


describe('parseNpy reads numpy files', () => {
  test('uint8 (2, 3), v1', () => {
    const a = parseNpy(U8_2x3, 'a.npy');
    expect(a.dtype).toBe('uint8');
    expect(a.shape).toEqual([2, 3]);
    expect(Array.from(a.data)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test('float32 (2, 2), v2 header (uint32 length)', () => {
    const a = parseNpy(F4_V2, 'a.npy');
    expect(a.dtype).toBe('float32');
    expect(a.data).toBeInstanceOf(Float32Array);
    expect(Array.from(a.data)).toEqual([1.5, -2.25, 3, 4]);
  });

  test('int64 (3,) as exact integers', () => {
    const a = parseNpy(I8, 'a.npy');
    expect(a.dtype).toBe('int64');
    expect(Array.from(a.data)).toEqual([7, -1, 2 ** 40]);
  });

  test('float64 scalar, shape ()', () => {
    const a = parseNpy(SCALAR, 'a.npy');
    expect(a.shape).toEqual([]);
    expect(Array.from(a.data)).toEqual([3.5]);
  });

  test('gzip-compressed bytes are read transparently', () => {
    const a = parseNpy(gzipSync(U8_2x3), 'a.npy.gz');
    expect(a.shape).toEqual([2, 3]);
    expect(Array.from(a.data)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test('an unaligned input view (pooled Buffer) still decodes float32', () => {
    const padded = new Uint8Array(F4_V2.length + 1);
    padded.set(F4_V2, 1);
    expect(Array.from(parseNpy(padded.subarray(1), 'a.npy').data)).toEqual([1.5, -2.25, 3, 4]);
  });
});

describe('encodeNpy', () => {
  test('writes the same bytes as np.save for uint8 (2, 3)', () => {
    const bytes = encodeNpy({ dtype: 'uint8', shape: [2, 3], data: Uint8Array.from([0, 1, 2, 3, 4, 5]) });
    expect(Buffer.from(bytes).equals(Buffer.from(U8_2x3))).toBe(true);
  });

  const roundTrips: Array<[NpyArray['dtype'], Int32Array | Float32Array | Float64Array]> = [
    ['int32', Int32Array.from([-3, 0, 2147483647])],
    ['float32', Float32Array.from([0.5, -1e-8, 3e38])],
    ['float64', Float64Array.from([Math.PI, -0, 1e300])],
    ['int64', Float64Array.from([-(2 ** 53 - 1), 0, 2 ** 53 - 1])],
  ];
  test.each(roundTrips)('round trip %s (3,), header padded to 64 bytes', (dtype, data) => {
    const bytes = encodeNpy({ dtype, shape: [3], data });
    const headerLen = bytes[8] | (bytes[9] << 8);
    expect((10 + headerLen) % 64).toBe(0);
    const a = parseNpy(bytes, 'x.npy');
    expect(a.dtype).toBe(dtype);
    expect(a.shape).toEqual([3]);
    expect(Array.from(a.data)).toEqual(Array.from(data));
  });
});

describe('parseNpy errors name the file', () => {
  test('bad magic', () => {
    const e = userError(() => parseNpy(new TextEncoder().encode('P5 28 28 255'), 'img.pgm'));
    expect(e.file).toBe('img.pgm');
    expect(e.message).toMatch(/bad magic/);
  });

  test('Fortran order', () => {
    const e = userError(() => parseNpy(FORTRAN, 'f.npy'));
    expect([e.file, e.field]).toEqual(['f.npy', 'fortran_order']);
  });

  test('big-endian float32 is an unsupported dtype', () => {
    const e = userError(() => parseNpy(BIG_ENDIAN, 'b.npy'));
    expect([e.file, e.field]).toEqual(['b.npy', 'descr']);
    expect(e.message).toMatch(/'>f4' is not supported/);
  });

  test('data shorter than the shape needs', () => {
    const e = userError(() => parseNpy(U8_2x3.subarray(0, U8_2x3.length - 1), 'short.npy'));
    expect(e.file).toBe('short.npy');
    expect(e.message).toMatch(/holds 5 bytes.*needs 6/);
  });

  test('int64 beyond 2^53', () => {
    const bytes = encodeNpy({ dtype: 'int64', shape: [1], data: Float64Array.from([0]) });
    new DataView(bytes.buffer).setBigInt64(bytes.length - 8, 2n ** 60n, true);
    const e = userError(() => parseNpy(bytes, 'big.npy'));
    expect([e.file, e.field]).toEqual(['big.npy', '[0]']);
  });

  test('corrupt gzip', () => {
    const gz = gzipSync(U8_2x3);
    const e = userError(() => parseNpy(gz.subarray(0, 20), 'c.npy.gz'));
    expect(e.file).toBe('c.npy.gz');
    expect(e.message).toMatch(/gzip/);
  });
});
